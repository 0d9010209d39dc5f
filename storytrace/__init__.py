"""storytrace: who said what, who repeated it, and who denied it, across news articles."""

from storytrace.corpus import AddReport, Corpus, Listing, StoryView, open
from storytrace.settings import Settings
from storytrace.store.base import Query

__all__ = ["AddReport", "Corpus", "Listing", "Query", "Settings", "StoryView", "open"]
__version__ = "0.1.0"
