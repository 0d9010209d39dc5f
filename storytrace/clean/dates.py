"""Printed dates and times in news pages ("Posted September. 26, 2009 07:51", "Dec 19, 2009 4:12pm EST"),
parsed with their zone; used by the metadata stage."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storytrace.date_words import MONTH_ON_PAGE, WEEKDAY_ON_PAGE, ZONE_HOURS, ZONE_REGIONS, month_number

_MDY = re.compile(rf"\b(?P<mon>{MONTH_ON_PAGE})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b")
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{MONTH_ON_PAGE}),?\s+(?P<year>\d{{4}})\b")
_YMD = re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<mon>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)")
# "11/18/19", "11.14.2019", "18.11.2019": month or day first, settled in _numeric_date.
_NUMERIC = re.compile(r"(?<![\d./])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\d/]|\.\d)")
# "18.54 GMT", "8.41am": a clock time printed with a dot, recognised only next to a zone or am/pm.
_DOT_TIME = re.compile(r"(?<![\d.:])(\d{1,2})\.(\d{2})(?=\s*(?:[ap]\.?m\b|(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|CST|CDT|ET|PT)\b))",
                       re.IGNORECASE)
# A later "Published"/"Posted" label in a line that opens with "Updated": the publication date follows it.
_PUBLISHED_LABEL = re.compile(r"\b(?:(?:first\s+|originally\s+)?(?:published|posted|created))\b", re.IGNORECASE)
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified|last\s+updated)\b", re.IGNORECASE)
_TIME = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})(?::(?P<m>\d{2})(?::(?P<s>\d{2}))?(?:\.\d+)?(?![\d:])"
    r"(?:\s*(?P<ampm>(?i:[ap]\.?m\.?))(?![A-Za-z]))?|\s*(?P<ampm2>(?i:[ap]\.?m\.?))(?![A-Za-z]))"
)
_ZONE = re.compile(
    r"\s*\(?(?P<zone>Z(?![A-Za-z])|[+-]\d{2}:?\d{2}(?!\d)|(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?(?!\d)"
    r"|[A-Z]{2,5}(?![A-Za-z]))"
)
# Words that may surround a printed date on its own line ("Posted", "Updated : ").
_DATE_FILLER = re.compile(
    rf"{WEEKDAY_ON_PAGE}|\b(?i:posted|updated|published|last|modified|first|created|edited|issued|"
    r"on|at|date|time|hrs|local)\b|[\s,|:;./()\[\]\-–—]+"
)
_MIN_YEAR = 1900


@dataclass
class PrintedTime:
    """A parsed printed date: local wall time, the zone token printed with it, and whether a
    clock time was given (a bare date means midnight)."""

    local: datetime
    zone: str | None
    has_time: bool


def first_date(text: str, day_first: bool | None = None) -> tuple[date, re.Match[str]] | None:
    """The earliest valid calendar date printed in `text`, with its match. `day_first` settles
    all-number dates such as "02/10/2020" when the page shows its order elsewhere."""
    best: tuple[date, re.Match[str]] | None = None
    for pattern in (_MDY, _DMY, _YMD, _NUMERIC):
        for match in pattern.finditer(text):
            try:
                found = _numeric_date(match, day_first) if pattern is _NUMERIC else date(
                    int(match["year"]), int(match["mon"]) if match["mon"].isdigit() else month_number(match["mon"]),
                    int(match["day"]))
            except ValueError:
                continue  # "February 30" and the like: try the next candidate
            if best is None or match.start() < best[1].start():
                best = (found, match)
            break
    return best


def _numeric_date(match: re.Match[str], day_first: bool | None = None) -> date:
    """An all-number date: the part above 12 is the day; else the page's own order, else slashes read
    month first (US pages), dots day first (European pages). Two-digit years are this century's."""
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    if year < 100:
        year += 2000
    if day_first is None:
        day_first = match["sep"] == "."
    month, day = (a, b) if b > 12 or (a <= 12 and not day_first) else (b, a)
    return date(year, month, day)


def numeric_day_first(lines: list[str]) -> bool | None:
    """Whether the page writes all-number dates day first ("14/04/2020" somewhere says so), month first
    ("04/14/2020"), or None when no such date settles it."""
    votes = 0
    for line in lines:
        for match in _NUMERIC.finditer(line):
            a, b = int(match["a"]), int(match["b"])
            votes += (a > 12 >= b) - (b > 12 >= a)
    return None if votes == 0 else votes > 0


def _clock(match: re.Match[str]) -> tuple[int, int, int] | None:
    """Hours, minutes, seconds of a _TIME match, or None when out of range."""
    hour, minute, second = int(match["h"]), int(match["m"] or 0), int(match["s"] or 0)
    ampm = (match["ampm"] or match["ampm2"] or "").lower()
    if match["m"] is None and not ampm:
        return None  # a bare number is not a time
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def parse_when(text: str, day_first: bool | None = None) -> PrintedTime | None:
    """Read the first date in `text`, a clock time near it and a zone printed after the time.

    In "Updated ... | Published ..." the date after the publication label is read instead.
    """
    text = _DOT_TIME.sub(r"\1:\2", text)
    published = _PUBLISHED_LABEL.search(text)
    updated = _UPDATED_LABEL.search(text)
    if published and updated and updated.start() < published.start() and first_date(text[published.end():]):
        text = text[published.end():]
    found = first_date(text, day_first)
    if found is None:
        return None
    day, match = found
    if day.year < _MIN_YEAR or day.year > date.today().year + 1:
        return None  # absurd years are dropped rather than trusted
    # A later date ("Posted ... Updated ...") ends the segment that belongs to this one.
    following = first_date(text[match.end():], day_first)
    segment = text[: match.end() + following[1].start()] if following else text
    for time_match in _TIME.finditer(segment):
        if match.start() <= time_match.start() < match.end():
            continue  # the day or year of the date itself
        clock = _clock(time_match)
        if clock is None:
            continue
        zone_match = _ZONE.match(segment, time_match.end())
        zone = zone_match["zone"] if zone_match else None
        if zone is not None and _tz_for(zone, None) is None:
            zone = None
        return PrintedTime(datetime(day.year, day.month, day.day, *clock), zone, True)
    return PrintedTime(datetime(day.year, day.month, day.day), None, False)


def is_date_line(line: str) -> bool:
    """True when the line holds dates and times and nothing else but filler words."""
    rest = _DOT_TIME.sub(r"\1:\2", re.sub(r"(?<=\d)T(?=\d)", " ", line))  # ISO 8601 "2009-12-19T10:31"
    dated = rest
    for pattern in (_MDY, _DMY, _YMD, _NUMERIC):
        rest = pattern.sub(" ", rest)
    if rest == dated:
        return False  # no date at all: a time or a lone "|" is not a date line
    rest = _TIME.sub(" ", rest)
    rest = re.sub(r"(?:UTC|GMT)?\s*[+-]\s*\d{1,2}(?::?\d{2})?\b|(?<=\d)Z\b|\b[A-Z]{1,5}\b",
                  lambda m: " " if _tz_for(m.group(0), None) else m.group(0), rest)
    return len(_DATE_FILLER.sub("", rest)) <= 1


@lru_cache(maxsize=64)
def zoneinfo(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _tz_for(token: str, home: str | None) -> tzinfo | None:
    """The tzinfo a printed zone token stands for; `home` settles "CST" (China or US Central)."""
    upper = token.upper().replace(" ", "")
    if upper in ZONE_REGIONS:
        return zoneinfo(ZONE_REGIONS[upper])
    if upper == "CST" and home and home.startswith("Asia/"):
        return timezone(timedelta(hours=8), "CST")
    if upper in ZONE_HOURS:
        return timezone(timedelta(hours=ZONE_HOURS[upper]), upper) if upper not in ("UTC", "Z") else timezone.utc
    offset = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", upper)
    if offset is None:
        return None
    hours, minutes = int(offset[2]), int(offset[3] or 0)
    if hours > 14 or minutes > 59:
        return None
    sign = -1 if offset[1] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def place_in_zone(when: PrintedTime, home: str | None) -> datetime:
    """Attach the printed zone, else the outlet's home zone; stays naive when neither is known.
    A bare date is read as midnight in that zone, the start of the publishing day."""
    zone = _tz_for(when.zone, home) if when.zone else None
    if zone is None and home:
        zone = zoneinfo(home)
    return when.local.replace(tzinfo=zone) if zone else when.local


def _sane(moment: datetime) -> bool:
    return _MIN_YEAR <= moment.year <= date.today().year + 1


def parse_hint(text: str) -> datetime | PrintedTime | None:
    """A published hint: ISO 8601 or RFC 2822 (feeds) directly, the shapes of parse_when,
    then dateparser for anything else. Returns an aware/naive datetime or a PrintedTime."""
    text = text.strip()
    if not text or len(text) > 100:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
        if len(text) <= 10:  # "2009-12-19": a date only, to be placed in the outlet's zone
            return PrintedTime(parsed, None, False) if _sane(parsed) else None
        return parsed if _sane(parsed) else None
    except ValueError:
        pass
    try:
        parsed = parsedate_to_datetime(text)
        if parsed.tzinfo is not None:  # a feed date always names its zone; else try other shapes
            return parsed if _sane(parsed) else None
    except (TypeError, ValueError, IndexError):
        pass
    when = parse_when(text)
    if when is not None:
        return when
    return _dateparser_fallback(text)


def _dateparser_fallback(text: str) -> datetime | None:
    """dateparser only for shapes the regexes miss; relative dates ("2 hours ago") are refused
    because they would be read against today, not the article's day."""
    import dateparser  # imported late: it costs ~60 ms and most articles never need it

    try:
        parsed = dateparser.parse(
            text, languages=["en"],
            settings={"STRICT_PARSING": True, "PARSERS": ["timestamp", "custom-formats", "absolute-time"]},
        )
    except Exception:  # dateparser raises assorted errors on junk; a bad hint is just ignored
        return None
    return parsed if parsed is not None and _sane(parsed) else None
