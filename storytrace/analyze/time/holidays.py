"""Named days: fixed-date and rule-based holidays ("Christmas", "Thanksgiving Day", "Election Day"),
and recurring weekdays and months ("every Thursday", "on Mondays", "each July"), normalized as TIMEX3
dates and sets.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable, Final

from storytrace.analyze.time import anchoring as cal
from storytrace.analyze.time.lexicon import PARTS_OF_DAY
from storytrace.date_words import WEEKDAYS, month_number
from storytrace.analyze.time.model import Context, Result
from storytrace.analyze.time.rules import _one


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` of a month (n = -1: the last one)."""
    if n < 0:
        last = cal.shift_months(year, month, 1)
        day = date(last[0], last[1], 1) - timedelta(days=1)
        return day - timedelta(days=(day.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m7 = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m7) // 451
    month, day = divmod(h + m7 - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _election_day(year: int) -> date:
    """U.S. Election Day: the Tuesday after the first Monday of November."""
    return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)


HOLIDAYS: Final[dict[str, Callable[[int], date]]] = {
    "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas": lambda y: date(y, 12, 25),
    "the fourth of july": lambda y: date(y, 7, 4),
    "july fourth": lambda y: date(y, 7, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": _election_day,
    "easter sunday": _easter,
    "easter": _easter,
}
HOLIDAY: Final = "|".join(sorted((re.escape(name).replace(r"\ ", r"\s+") for name in HOLIDAYS), key=len, reverse=True))


def holiday(m: re.Match[str], ctx: Context) -> list[Result]:
    """"Thanksgiving Day", "last Christmas", "Easter 1998", "Easter week": the holiday in the year the tense
    points to (its ISO week for "... week")."""
    day = _holiday_date(m, ctx)
    if day is None:
        return []
    return _one(m, "DATE", cal.iso_week(day) if m["week"] else day.isoformat())


def _holiday_date(m: re.Match[str], ctx: Context) -> date | None:
    rule = HOLIDAYS[" ".join(m["name"].lower().split())]
    if m["year"]:
        return rule(int(m["year"]))
    if ctx.anchor is None:
        return None
    rel = (m["rel"] or "").lower()
    this_year, last_year, next_year = (rule(ctx.anchor.year + k) for k in (0, -1, 1))
    if rel == "this":
        return this_year
    past = this_year if this_year <= ctx.anchor else last_year
    future = this_year if this_year >= ctx.anchor else next_year
    direction = {"last": "past", "next": "future"}.get(rel, ctx.tense)
    if direction is None:
        direction = "past" if cal.past_wins((ctx.anchor - past).days, (future - ctx.anchor).days) else "future"
    return past if direction == "past" else future


def weekday_set(m: re.Match[str], ctx: Context) -> list[Result]:
    """"every Thursday", "each Monday night", "on Mondays": a weekly recurrence, XXXX-WXX-4."""
    weekday = m["wd"] or m["wd2"] or m["wd3"]
    part = (m["part"] or m["part2"] or m["part3"] or "").lower()
    value = f"XXXX-WXX-{WEEKDAYS[weekday.lower()] + 1}"
    return _one(m, "SET", value + (f"T{PARTS_OF_DAY[part]}" if part else ""))


def month_set(m: re.Match[str], ctx: Context) -> list[Result]:
    """"each July", "every December": a yearly recurrence of that month, XXXX-07."""
    month = month_number(m["month"])
    return _one(m, "SET", f"XXXX-{month:02d}" if month else None)
