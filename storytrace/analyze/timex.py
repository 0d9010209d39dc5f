"""Resolving the day a statement was made ("said Friday", "told reporters yesterday").

Kept as the entry point `Statement.said_on` uses; the work is done by the time tagger in
`storytrace.analyze.time`, and only day-level results count here: vague expressions ("last week",
"recently") give None rather than a guess.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from storytrace.analyze.time import tag_timexes

__all__ = ["resolve_said_on"]

_DAY_VALUE: Final[re.Pattern[str]] = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")


def resolve_said_on(modifier_text: str, anchor: date | None, past: bool = True) -> date | None:
    """The calendar day a day-level time expression names, relative to `anchor`.

    `past` says which way an ambiguous expression points: a statement that was made ("said
    Friday") is the most recent such day not after the anchor, an announced one ("will say
    Friday") the next one not before it. Returns None for vague or unknown expressions, and for
    relative ones without an anchor.
    """
    for timex in tag_timexes(modifier_text.strip(), anchor, tense="past" if past else "future"):
        match = _DAY_VALUE.match(timex.value)
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None
    return None
