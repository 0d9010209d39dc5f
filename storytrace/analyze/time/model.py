"""The carriers of the time tagger: a recognized, normalized time expression, and what rules work with."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

Result = tuple[int, int, str, str]  # start, end, TIMEX3 type, value


@dataclass
class Context:
    """What a normalizer may use: the anchor, the tense around the match, and the discourse so far."""

    anchor: date | None
    tense: str | None = None  # "past", "future" or None
    topic_quarter: str | None = None  # the quarter an earnings report is about ("1989-Q3"): its first past one
    story_date: tuple[date, int] | None = None  # the latest calendar date named, with its fineness (0 year .. 2 day)


Normalizer = Callable[[re.Match[str], Context], list[Result]]


@dataclass(frozen=True)
class Timex:
    """A TIMEX3-style time expression: character span, surface text, type and normalized value.

    `type` is DATE, TIME, DURATION or SET; `value` an ISO-8601-style TIMEX3 value such as
    "2009-12-18", "2009-W51", "2009-SU", "2009-12-18TMO", "P3M", "PRESENT_REF" or "XXXX-12-09".
    `rule` names the recognition rule that found it (for error analysis; not part of equality).
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    rule: str = field(default="", compare=False, repr=False)
