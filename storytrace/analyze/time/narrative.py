"""The narrative's own time: "the following year", "that day", "later that year" count from the date the
story last named ("On May 22, 1995, ... the following year" is 1996), not from the report's dateline.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from storytrace.analyze.time import anchoring as cal
from storytrace.analyze.time.model import Context

_CALENDAR_VALUE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")
_FINENESS = {"year": 0, "month": 1, "week": 2, "day": 2}


def note_date(ctx: Context, value: str) -> None:
    """Remember a calendar value ("1995-05-22", "1989-03", "1988") as the story's latest named time."""
    match = _CALENDAR_VALUE.match(value)
    if not match:
        return
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    named = cal.safe_date(year, month, day)
    if named is not None:
        ctx.story_date = (named, 2 if match[3] else 1 if match[2] else 0)


def story_point(ctx: Context, unit: str) -> date | None:
    """The latest named date, if it is named finely enough to count `unit`s from (a day for "the next day")."""
    if ctx.story_date is None or ctx.story_date[1] < _FINENESS[unit]:
        return None
    return ctx.story_date[0]


def story_value(ctx: Context, unit: str, amount: int) -> str | None:
    """The latest named date moved by `amount` units, at that unit's granularity; None with no such date."""
    point = story_point(ctx, unit)
    if point is None:
        return None
    if unit == "day":
        return (point + timedelta(days=amount)).isoformat()
    return cal.shift_value(point, unit, amount)
