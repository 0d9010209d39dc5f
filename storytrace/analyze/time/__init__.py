"""Time expressions: recognition and TIMEX3 normalization against an article's anchor date."""

from storytrace.analyze.time.model import Timex
from storytrace.analyze.time.tagger import tag_timexes

__all__ = ["Timex", "tag_timexes"]
