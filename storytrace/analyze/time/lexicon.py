"""Words of time: number, unit, season and part-of-day names with their values (month and weekday names are in
storytrace.date_words, shared with the clean stage)."""

from __future__ import annotations

import re
from typing import Final

NUMBERS: Final[dict[str, int]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2,
    "a dozen": 12, "dozen": 12, "half a": 0,
}
VAGUE_NUMBERS: Final[frozenset[str]] = frozenset({"several", "a few", "few", "many", "some", "the few"})
ORDINALS: Final[dict[str, int]] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# Unit -> (TIMEX3 duration letter, whether it sits after "T", how many of the letter one unit is).
UNITS: Final[dict[str, tuple[str, bool, int]]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1), "day": ("D", False, 1),
    "week": ("W", False, 1), "month": ("M", False, 1), "quarter": ("M", False, 3), "year": ("Y", False, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100), "centurie": ("Y", False, 100),
}
SEASONS: Final[dict[str, str]] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY: Final[dict[str, str]] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

_WORD_NUMBER: Final = "|".join(sorted((re.escape(w) for w in NUMBERS), key=len, reverse=True))
_VAGUE: Final = "|".join(sorted((re.escape(w) for w in VAGUE_NUMBERS), key=len, reverse=True))
# A count: digits, "two", "twenty-four", "a couple of", "5 1/2", "several".
NUM: Final = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s]"
    rf"(?:one|two|three|four|five|six|seven|eight|nine))|(?i:{_WORD_NUMBER}|{_VAGUE}))"
)
UNIT: Final = r"(?i:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|centur(?:y|ies))"
SEASON: Final = r"(?i:spring|summer|fall|autumn|winter)"
PART: Final = r"(?i:morning|afternoon|evening|night)"
YEAR: Final = r"(?:1[6-9]\d\d|20[0-3]\d)"


def number_value(text: str) -> float | None:
    """The count a NUM match stands for; None for a vague one ("several")."""
    text = re.sub(r"\s+", " ", text.lower().strip())
    if text in VAGUE_NUMBERS:
        return None
    if text in NUMBERS:
        return 0.5 if text == "half a" else float(NUMBERS[text])
    half = text.endswith(" 1/2")
    text = text.removesuffix(" 1/2")
    parts = re.split(r"[-\s]", text)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return float(NUMBERS[parts[0]] + NUMBERS[parts[1]])
    try:
        return float(text) + (0.5 if half else 0.0)
    except ValueError:
        return None


def unit_key(text: str) -> str:
    """"Centuries" -> "century", "weeks" -> "week"."""
    text = text.lower()
    return "century" if text.startswith("centur") else text.rstrip("s")

