"""Resolving the day a statement was made ("said Friday", "told reporters yesterday").

A first version for `Statement.said_on`: day-level expressions only, resolved against the
article's anchor date. Vague expressions ("last week", "recently") give None rather than a guess.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

WEEKDAYS: Final[dict[str, int]] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
MONTHS: Final[dict[str, int]] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Offsets in days from the anchor; "the previous day" counts back from the dateline day, which
# is the narrative "now" of a news report.
_DAY_OFFSETS: Final[dict[str, int]] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "earlier in the day": 0, "later today": 0,
    "yesterday": -1, "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
    "yesterday evening": -1, "the previous day": -1, "the day before": -1, "a day earlier": -1,
    "tomorrow": 1, "the following day": 1, "the next day": 1,
    "the day before yesterday": -2, "two days ago": -2, "three days ago": -3,
}
_FILLER: Final[re.Pattern[str]] = re.compile(r"^(?:on|of|in|at|this|late|early)\s+", re.IGNORECASE)
_WEEKDAY_PHRASE: Final[re.Pattern[str]] = re.compile(
    r"^(?:(last|this|next|past)\s+)?([a-z]+)\.?(?:\s+(?:morning|afternoon|evening|night))?$",
)
_MONTH_DAY: Final[re.Pattern[str]] = re.compile(
    r"^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$"  # "(Friday,) Dec. 18(, 2009)"
)
_DAY_MONTH: Final[re.Pattern[str]] = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?$")
_ISO: Final[re.Pattern[str]] = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def resolve_said_on(modifier_text: str, anchor: date | None, past: bool = True) -> date | None:
    """The calendar day a day-level time expression names, relative to `anchor`.

    `past` says which way an ambiguous expression points: a statement that was made ("said
    Friday") is the most recent such day not after the anchor, an announced one ("will say
    Friday") the next one not before it. Returns None for vague or unknown expressions, and for
    relative ones without an anchor.
    """
    text = _normalise(modifier_text)
    if not text:
        return None
    explicit = _explicit_date(text, anchor, past)
    if explicit is not None or _MONTH_DAY.match(text) or _DAY_MONTH.match(text) or _ISO.match(text):
        return explicit
    if anchor is None:
        return None
    if text in _DAY_OFFSETS:
        return anchor + timedelta(days=_DAY_OFFSETS[text])
    return _weekday(text, anchor, past)


def _normalise(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip().lower()).strip(" ,.")
    while True:
        stripped = _FILLER.sub("", text)
        if stripped == text or stripped in ("", "morning", "afternoon", "evening"):
            return text
        text = stripped


def _weekday(text: str, anchor: date, past: bool) -> date | None:
    match = _WEEKDAY_PHRASE.match(text)
    if not match or match.group(2) not in WEEKDAYS:
        return None
    qualifier, target = match.group(1), WEEKDAYS[match.group(2)]
    if qualifier in ("last", "past"):
        past, allow_anchor = True, False  # "last Friday" is never the anchor day itself
    elif qualifier == "next":
        past, allow_anchor = False, False
    else:
        allow_anchor = True
    if past:
        back = (anchor.weekday() - target) % 7
        if back == 0 and not allow_anchor:
            back = 7
        return anchor - timedelta(days=back)
    ahead = (target - anchor.weekday()) % 7
    if ahead == 0 and not allow_anchor:
        ahead = 7
    return anchor + timedelta(days=ahead)


def _explicit_date(text: str, anchor: date | None, past: bool) -> date | None:
    """"Dec. 18", "December 18, 2009", "18 December", "2009-12-18"; a missing year comes from the anchor."""
    iso = _ISO.match(text)
    if iso:
        return _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    month_day = _MONTH_DAY.match(text)
    if month_day and month_day.group(1) in MONTHS:
        month, day, year = MONTHS[month_day.group(1)], int(month_day.group(2)), month_day.group(3)
    else:
        day_month = _DAY_MONTH.match(text)
        if not day_month or day_month.group(2) not in MONTHS:
            return None
        month, day, year = MONTHS[day_month.group(2)], int(day_month.group(1)), day_month.group(3)
    if year is not None:
        return _safe_date(int(year), month, day)
    if anchor is None:
        return None
    return _nearest_year(month, day, anchor, past)


def _nearest_year(month: int, day: int, anchor: date, past: bool) -> date | None:
    """Month and day in the anchor's year, moved a year back (past) or on (future) to keep its side of the anchor."""
    candidate = _safe_date(anchor.year, month, day)
    if candidate is None:
        return None
    if past and candidate > anchor:
        return _safe_date(anchor.year - 1, month, day)
    if not past and candidate < anchor:
        return _safe_date(anchor.year + 1, month, day)
    return candidate


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
