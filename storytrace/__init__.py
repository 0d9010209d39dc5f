"""storytrace: who said what, who repeated it, and who denied it, across news articles."""

from storytrace.corpus import AddReport, Corpus, StoryView, open
from storytrace.settings import Settings

__all__ = ["AddReport", "Corpus", "Settings", "StoryView", "open"]
__version__ = "0.1.0"
