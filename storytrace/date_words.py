"""The one home of date grammars: month and weekday names with their numbers, the patterns that find them, and
the time zone abbreviations newsrooms print. The clean stage (printed dates, datelines, bylines), the time
tagger (analyze/time) and the linker (dates a claim names) read them from here.

Month and weekday names have two patterns, one per kind of text, because the same word is a date on a date line
and an ordinary word in prose:
- in prose ("said on May 5", "the Mar. 3 vote") only capitalised names count, and the abbreviations that are
  also words ("Mar", "Jun", "Jul") only with their dot: "may", "march" and "sun" are common words there;
- on a page's date lines and datelines ("DEC 19, 2009", "posted sept. 26", "Thurs, 4 June") any case and any
  abbreviation counts: the line is already about a date.
"""

from __future__ import annotations

from typing import Final

MONTH_NAMES: Final[tuple[str, ...]] = ("january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december")
WEEKDAY_NAMES: Final[tuple[str, ...]] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Names and abbreviations (lower-cased, without a dot) -> month 1-12 / weekday 0 (Monday) - 6.
MONTHS: Final[dict[str, int]] = {
    **{name: number for number, name in enumerate(MONTH_NAMES, 1)},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: Final[dict[str, int]] = {
    **{name: number for number, name in enumerate(WEEKDAY_NAMES)},
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}

# Patterns for prose (see the module's note).
MONTH_IN_PROSE: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAY_IN_PROSE: Final = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Patterns for date lines and datelines (see the module's note).
MONTH_ON_PAGE: Final = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![A-Za-z])"
)
WEEKDAY_ON_PAGE: Final = (
    r"(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|nesday|sday|rsday|urday)?\.?(?![A-Za-z])")

# Hours east of UTC for the zone abbreviations newsrooms print. "CST" is also China's (clean.dates settles it).
ZONE_HOURS: Final[dict[str, float]] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 1, "CET": 1, "WEST": 1, "CEST": 2, "EET": 2,
    "EEST": 3, "MSK": 3, "PKT": 5, "IST": 5.5, "ICT": 7, "WIB": 7, "HKT": 8, "SGT": 8, "PHT": 8,
    "AWST": 8, "KST": 9, "JST": 9, "ACST": 9.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}
# Abbreviations that name a region rather than an offset: the offset depends on the date (DST).
ZONE_REGIONS: Final[dict[str, str]] = {"ET": "America/New_York", "CT": "America/Chicago", "PT": "America/Los_Angeles"}
# A zone printed after a clock time in prose ("5 p.m. EST"): any abbreviation above but a bare "Z".
ZONE_IN_PROSE: Final = "(?:" + "|".join(sorted((z for z in (*ZONE_HOURS, *ZONE_REGIONS) if z != "Z"),
                                               key=len, reverse=True)) + ")"


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation as either pattern matches it ("Sept.", "DEC", "june")."""
    return MONTHS[name.strip()[:3].lower()]


def weekday_number(name: str) -> int:
    """0 (Monday) - 6 for a weekday name or abbreviation as either pattern matches it ("Thurs.", "friday")."""
    return WEEKDAYS[name.strip()[:3].lower()]
