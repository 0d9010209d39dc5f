"""Numbers in a statement as intervals of one unit, so that two figures conflict only when they cannot both hold.

"At least 50 doctors" and "between 50 and 60 doctors" agree (the range lies inside the bound); "about 50" and
"52" agree (an approximate figure covers its neighbours); "50 doctors" and "60 doctors" conflict. A figure's
unit is the word after it ("20 percent", "60 doctors"); figures of different units never conflict.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# How far an approximate figure ("about 50", "some 300") reaches either side: newsroom rounding.
APPROXIMATE_SPREAD = 0.1
# How far below its figure "nearly 50" / "almost 50" may lie.
NEAR_SPREAD = 0.1
# Exact figures this close are one figure rounded or converted ("39 feet (12 meters)" and "40 feet").
ROUNDING = 0.05

# A figure, with the fraction a mixed number may carry ("6 1/2 feet", "6½ feet"): read whole, never as its last digit;
# digits joined by a slash ("24/7", "9/11") are a ratio or a date, and by a colon ("11:05") a time of day, no figure.
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?(?:\s+[1-7]/[2348]\b|\s*[½¼¾])?"
_FRACTION = re.compile(r"\s+([1-7])/([2348])$|\s*([½¼¾])$")
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_WORDS = "|".join(_SCALE)
_CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
# Bound and approximation words before a figure, each mapped to the interval it makes of figure n.
_LOWER = r"at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|exceeding"
_UPPER = r"up\s+to|at\s+most|fewer\s+than|less\s+than|under|no\s+more\s+than|as\s+many\s+as|as\s+much\s+as"
_NEAR = r"nearly|almost|close\s+to"
_ABOUT = r"about|around|roughly|approximately|some|an\s+estimated|estimated"
_QUANTITY = re.compile(
    rf"(?:\b(?P<between>between|from)\s+)?"
    rf"(?:\b(?P<prefix>{_LOWER}|{_UPPER}|{_NEAR}|{_ABOUT})\s+)?"
    rf"(?P<currency>[$€£¥])?(?<![\d/.,:])(?P<low>{_NUMBER})(?![/:\d])(?:\s+(?P<low_scale>{_SCALE_WORDS}))?"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<high>{_NUMBER})(?:\s+(?P<high_scale>{_SCALE_WORDS}))?)?"
    rf"(?P<plus>\+|\s+or\s+more)?"
    rf"(?:\s*(?P<percent>%)|\s+(?P<unit>[A-Za-z]+))?",
    re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    low: float
    high: float
    unit: str
    text: str  # as written, for explanations

    def overlaps(self, other: Quantity) -> bool:
        exact = self.low == self.high and other.low == other.high
        slack = ROUNDING * max(abs(self.low), abs(other.low)) if exact else 0.0
        return self.low <= other.high + slack and other.low <= self.high + slack


def quantities(text: str, skip: list[tuple[int, int]] = ()) -> list[Quantity]:
    """Each figure of `text` outside the `skip` spans (dates) as an interval of its unit; years are left out."""
    found = []
    for match in _QUANTITY.finditer(text):
        start = match.start("low")
        if any(s <= start < e for s, e in skip) or _is_year(match) or _is_age(text, match) or (
                _is_clock(text, match)):
            continue
        quantity = _interval(match)
        if quantity.unit:  # a bare number ("16", "No. 3") says too little of what it counts to conflict
            found.append(quantity)
    return found


def conflicting(a: list[Quantity], b: list[Quantity]) -> tuple[str, list[Quantity], list[Quantity]] | None:
    """The first unit both give figures in where no figure of one can hold together with one of the other."""
    for unit in sorted({q.unit for q in a} & {q.unit for q in b}):
        mine = [q for q in a if q.unit == unit]
        theirs = [q for q in b if q.unit == unit]
        if not any(x.overlaps(y) for x in mine for y in theirs):
            return unit, mine, theirs
    return None


def _interval(match: re.Match[str]) -> Quantity:
    low = _value(match.group("low"), match.group("low_scale") or match.group("high_scale"))
    high = _value(match.group("high"), match.group("high_scale")) if match.group("high") else low
    if match.group("high") and high < low:  # "from 5 to 3" reads as a range all the same
        low, high = high, low
    unit = "percent" if match.group("percent") or (match.group("unit") or "").lower() in ("percent", "per") else (
        (match.group("unit") or "").lower())
    if unit in _SCALE:  # "3 million" with nothing after: the scale was read as the unit
        unit = ""
    if match.group("currency"):  # "$75 billion for the company": the money is the unit
        unit = _CURRENCIES[match.group("currency")]
    prefix = " ".join((match.group("prefix") or "").lower().split())
    if match.group("plus") or re.fullmatch(_LOWER, prefix):
        high = math.inf
    elif re.fullmatch(_UPPER, prefix):
        low = 0.0
    elif re.fullmatch(_NEAR, prefix):
        low = low * (1 - NEAR_SPREAD)
    elif re.fullmatch(_ABOUT, prefix):
        low, high = low * (1 - APPROXIMATE_SPREAD), high * (1 + APPROXIMATE_SPREAD)
    return Quantity(low, high, unit, " ".join(match.group(0).split()))


def _value(number: str, scale: str | None) -> float:
    fraction = _FRACTION.search(number)
    part = 0.0
    if fraction:
        number = number[:fraction.start()]
        part = _VULGAR[fraction.group(3)] if fraction.group(3) else int(fraction.group(1)) / int(fraction.group(2))
    return (float(number.replace(",", "")) + part) * _SCALE.get((scale or "").lower(), 1.0)


def _is_age(text: str, match: re.Match[str]) -> bool:
    """"a 16-year-old boy", "aged 26": an age belongs to one person, and two people's ages are no rival figures."""
    after = text[match.end("low"):match.end("low") + 10].lower()
    before = text[max(0, match.start() - 5):match.start("low")].lower()
    return after.startswith(("-year-old", " year old", "-years-old")) or before.endswith("aged ")


# "11 p.m.", "9am": a time of day, which two reports may give differently for one event ("around 11 p.m.",
# "11:05 p.m."), is no figure of a count.
_CLOCK = re.compile(r"\s*[ap]\.?m\b", re.IGNORECASE)


def _is_clock(text: str, match: re.Match[str]) -> bool:
    return bool(_CLOCK.match(text, match.end("low")))


def _is_year(match: re.Match[str]) -> bool:
    number = match.group("low")
    return (not match.group("high") and not match.group("percent") and number.isdigit() and len(number) == 4
            and 1900 <= int(number) <= 2100)
