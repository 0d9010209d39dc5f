"""Recognition rules: one regex per kind of time expression, each with a normalizer.

A rule's normalizer turns its match into zero or more `(start, end, type, value)` results; none
rejects the match (a "May" that is a verb, a year that is a quantity). The tagger picks the
leftmost-longest matches, so one rule per shape is enough and longer shapes win over their parts.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storytrace.analyze.time import anchoring as cal
from storytrace.analyze.time.narrative import story_point, story_value
from storytrace.analyze.time.model import Context, Result
from storytrace.analyze.time.lexicon import PARTS_OF_DAY
from storytrace.date_words import WEEKDAYS, month_number



def _one(match: re.Match[str], kind: str, value: str | None, group: str | int = 0) -> list[Result]:
    if value is None:
        return []
    return [(match.start(group), match.end(group), kind, value)]


def _year_of(match: re.Match[str], name: str = "year") -> int | None:
    text = match.groupdict().get(name)
    return int(text) if text else None


# ------------------------------------------------------------------------------ calendar dates

def _month_day(m: re.Match[str], ctx: Context) -> list[Result]:
    """"Dec. 9", "Friday, Dec. 11", "December 18, 2009", "18 December": a missing year by tense."""
    month, day, year = month_number(m["month"]), int(m["day"]), _year_of(m)
    if month is None or not 1 <= day <= 31:
        return []
    if year is None:
        if ctx.anchor is None:
            return _one(m, "DATE", f"XXXX-{month:02d}-{day:02d}")
        year = cal.day_year(month, day, ctx.anchor, ctx.tense)
    found = _one(m, "DATE", f"{year:04d}-{month:02d}-{day:02d}" if cal.safe_date(year, month, day) else None)
    second = int(m.groupdict().get("day2") or 0)
    if found and cal.safe_date(year, month, second) and second > day:  # "April 24 and 25": two days
        first_end = m.end("day") + (2 if m.string[m.end("day"):m.end("day") + 2] in ("st", "nd", "rd", "th") else 0)
        return [(found[0][0], first_end, "DATE", found[0][3]),
                (m.start("day2"), m.end(), "DATE", f"{year:04d}-{month:02d}-{second:02d}")]
    return found


def _week_of(m: re.Match[str], ctx: Context) -> list[Result]:
    """"the week of March 6": the ISO week of that day."""
    found = _month_day(m, ctx)
    day = cal.safe_date(*map(int, found[0][3].split("-"))) if found and not found[0][3].startswith("X") else None
    return _one(m, "DATE", cal.iso_week(day) if day else None)


def _iso(m: re.Match[str], ctx: Context) -> list[Result]:
    ok = cal.safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return _one(m, "DATE", ok.isoformat() if ok else None)


def _month_year(m: re.Match[str], ctx: Context) -> list[Result]:
    month = month_number(m["month"])
    return _one(m, "DATE", f"{int(m['year']):04d}-{month:02d}" if month else None)


_MAY_CONTEXT = re.compile(r"(?i:in|of|since|until|till|by|from|through|to|last|this|next|early|late|mid|and|or|between|during)[\s-]+$")


def _month(m: re.Match[str], ctx: Context) -> list[Result]:
    """"May", "last April", "early December": the year by the qualifier, else by tense."""
    month = month_number(m["month"])
    if month is None:
        return []
    rel = (m["rel"] or "").lower()
    if m["month"] in ("May", "March") and not rel and not _MAY_CONTEXT.search(m.string[max(0, m.start() - 12):m.start()]):
        return []  # the modal verb, the march
    if ctx.anchor is None:
        return _one(m, "DATE", f"XXXX-{month:02d}")
    tense = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(rel, ctx.tense)
    year = ctx.anchor.year if rel == "this" else cal.month_year(month, ctx.anchor, tense)  # "this September"
    if rel == "last" and month >= ctx.anchor.month:
        year = ctx.anchor.year - 1
    if rel == "next" and month <= ctx.anchor.month:
        year = ctx.anchor.year + 1
    return _one(m, "DATE", f"{year:04d}-{month:02d}")


def _month_rel_year(m: re.Match[str], ctx: Context) -> list[Result]:
    """"July last year", "January this year"."""
    month = month_number(m["month"])
    if month is None or ctx.anchor is None:
        return []
    year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return _one(m, "DATE", f"{year:04d}-{month:02d}")


def _month_word_year(m: re.Match[str], ctx: Context) -> list[Result]:
    """"January nineteen ninety-seven"."""
    month = month_number(m["month"])
    year = word_year_value(m["words"])
    return _one(m, "DATE", f"{year:04d}-{month:02d}" if month else None)


def _year(m: re.Match[str], ctx: Context) -> list[Result]:
    """"1989", "fiscal 1990", "mid-1990": a year, not a quantity ("1,990 shares" never reaches here)."""
    after = m.string[m.end():m.end() + 12]
    if re.match(r"\s*(?i:percent|%|shares|people|tons|troops|employees|members|miles|feet|acres|points)", after):
        return []
    return _one(m, "DATE", f"{int(m['year']):04d}")


def _year_range(m: re.Match[str], ctx: Context) -> list[Result]:
    """"1950-53": two years, the second taking its century from the first."""
    first = int(m["year"])
    second = first // 100 * 100 + int(m["end"])
    if second <= first:
        return []
    return [(m.start("year"), m.end("year"), "DATE", str(first)), (m.start("end"), m.end("end"), "DATE", str(second))]


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def _decade(m: re.Match[str], ctx: Context) -> list[Result]:
    """"the 1990s", "the '80s", "the nineties": a decade, written "199X"."""
    text = m["decade"].lower().removeprefix("the").strip()
    suffix = "" if re.search(r"(?i:early|late|mid)", m[0]) else "X"  # TimeBank writes "the late 1970s" as "197"
    if text in _DECADE_WORDS:
        century = (ctx.anchor.year // 100) if ctx.anchor else 19
        if ctx.anchor and _DECADE_WORDS[text] * 10 > ctx.anchor.year % 100:
            century -= 1
        return _one(m, "DATE", f"{century:02d}{_DECADE_WORDS[text]}")
    digits = re.sub(r"\D", "", text)
    if len(digits) == 2:
        century = ctx.anchor.year // 100 if ctx.anchor else 19
        if ctx.anchor and int(digits) > ctx.anchor.year % 100:
            century -= 1
        digits = f"{century:02d}{digits}"
    return _one(m, "DATE", f"{digits[:3]}{suffix}")


def _century(m: re.Match[str], ctx: Context) -> list[Result]:
    if m["ord"]:
        number = int(re.sub(r"\D", "", m["ord"]))
        return _one(m, "DATE", f"{number - 1:02d}")
    return _one(m, "DATE", f"{ctx.anchor.year // 100:02d}" if ctx.anchor else None)


_WORD_YEARS = {"nineteen": 19, "twenty": 20}
_TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _word_year(m: re.Match[str], ctx: Context) -> list[Result]:
    """"nineteen ninety-six", "the year two thousand"."""
    return _one(m, "DATE", f"{word_year_value(m['words']):04d}")


def word_year_value(text: str) -> int:
    words = [w for w in re.split(r"[-\s]+", text.lower()) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(_ONES.get(w, 0) + _TENS.get(w, 0) for w in words[2:])
    return _WORD_YEARS[words[0]] * 100 + sum(_ONES.get(w, 0) + _TENS.get(w, 0) for w in words[1:])


# ------------------------------------------------------------------------------ days and times

_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _relative_day(m: re.Match[str], ctx: Context) -> list[Result]:
    """"yesterday", "late yesterday", "tomorrow morning", "tonight"."""
    if ctx.anchor is None:
        return []
    word = m["day"].lower()
    day = ctx.anchor + timedelta(days=_DAY_WORDS[word])
    if m["part"]:
        return _one(m, "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}")
    if word == "tonight":
        return _one(m, "TIME", f"{day.isoformat()}TNI")
    return _one(m, "DATE", day.isoformat())


def _weekday(m: re.Match[str], ctx: Context) -> list[Result]:
    """"Friday", "last Friday", "Thursday night": past tense -> most recent, future -> next."""
    if ctx.anchor is None:
        return _one(m, "DATE", "XXXX-WXX-" + str(WEEKDAYS[m["wd"].lower()] + 1))
    rel = (m["rel"] or "").lower()
    tense = {"last": "past", "this past": "past", "past": "past", "next": "future", "this coming": "future",
             "coming": "future", "the previous": "past", "the following": "future"}.get(rel, ctx.tense or "past")
    base = ctx.anchor
    if rel in ("the previous", "the following"):  # "the previous Friday": before the day the story is at
        base = story_point(ctx, "day") or ctx.anchor
    strict = rel in ("last", "next", "the previous", "the following")
    day = cal.weekday_date(WEEKDAYS[m["wd"].lower()], base, tense, strict=strict)
    if m["part"]:
        return _one(m, "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}")
    return _one(m, "DATE", day.isoformat())


def _part_of_day(m: re.Match[str], ctx: Context) -> list[Result]:
    """"this morning", "last night"; "in the morning" is on the day the story is at."""
    if ctx.anchor is None:
        return []
    rel = (m["rel"] or "").lower()
    part = m["part"].lower()
    day = ctx.anchor - timedelta(days=1) if rel == "last" else ctx.anchor
    if rel == "the":
        day = story_point(ctx, "day") or ctx.anchor
    return _one(m, "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part]}")


def _clock(m: re.Match[str], ctx: Context) -> list[Result]:
    """"10:35 a.m.", "5 p.m. EST Nov. 9", "noon Saturday": the day from a following day word or the anchor."""
    if m["noon"]:
        hour, minute = (12, 0) if m["noon"].lower() in ("noon", "midday") else (24, 0)
    else:
        hour, minute = int(m["h"]), int(m["m"] or 0)
        ampm = (m["ampm"] or "").lower()
        if not 0 < hour <= 12 or minute > 59:
            return []
        if ampm.startswith("p") and hour != 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    day = _clock_day(m, ctx)
    if day is None:
        return _one(m, "TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}")
    return _one(m, "TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}")


def _clock_day(m: re.Match[str], ctx: Context) -> date | None:
    if ctx.anchor is None:
        return None
    if m["month"]:
        month, day = month_number(m["month"]), int(m["day"])
        year = cal.day_year(month, day, ctx.anchor, ctx.tense) if month else None
        return cal.safe_date(year, month, day) if month and year else None
    if m["wd"]:
        return cal.weekday_date(WEEKDAYS[m["wd"].lower()], ctx.anchor, ctx.tense or "past")
    if m["rd"]:
        return ctx.anchor + timedelta(days=_DAY_WORDS[m["rd"].lower()])
    return story_point(ctx, "day") or ctx.anchor  # "at 10 p.m." is on the day the story is at


def _part_day(m: re.Match[str], ctx: Context) -> list[Result]:
    """"mid-afternoon yesterday", "morning Friday"."""
    if ctx.anchor is None:
        return []
    if m["wd"]:
        day = cal.weekday_date(WEEKDAYS[m["wd"].lower()], ctx.anchor, ctx.tense or "past")
    else:
        day = ctx.anchor + timedelta(days=_DAY_WORDS[m["day"].lower()])
    return _one(m, "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}")


def _the_day(m: re.Match[str], ctx: Context) -> list[Result]:
    """"the previous day", "the next day", "that day": counted from the day the story last named, else from
    the anchor, the narrative "now" of a report."""
    if ctx.anchor is None:
        return []
    text = m[0].lower()
    if "earlier" in text and text.startswith("a day"):
        return _one(m, "DURATION", "P1D")
    offset = -1 if re.search(r"previous|before|earlier", text) else 1 if re.search(r"next|following|after", text) else 0
    if "that day" in text:
        offset = 0
    value = story_value(ctx, "day", offset) or (ctx.anchor + timedelta(days=offset)).isoformat()
    return _one(m, "DATE", value)
