"""Normalizers for periods: relative weeks, months, years and quarters, seasons, durations, sets, vague refs."""

from __future__ import annotations

import re
from datetime import timedelta

from storytrace.analyze.time import anchoring as cal
from storytrace.analyze.time.lexicon import ORDINALS, SEASONS, UNITS, number_value, unit_key
from storytrace.analyze.time.narrative import story_value
from storytrace.analyze.time.model import Context, Result
from storytrace.analyze.time.rules import _one, word_year_value

_BACK = {"last", "past", "previous", "the past", "the last", "the previous", "this past", "late last", "early last"}
_AHEAD = {"next", "coming", "the coming", "the next", "this coming", "the following", "following"}


# Relations that count from the story's latest named date rather than from the dateline.
_STORY_RELS = {"the following", "the previous", "the prior", "the same"}


def _offset(rel: str) -> int:
    rel = re.sub(r"^(?:earlier|later|early|late|the end of|the beginning of|the start of|the middle of)\s+", "", rel)
    return -1 if rel in _BACK else 1 if rel in _AHEAD else 0


def relative_unit(m: re.Match[str], ctx: Context) -> list[Result]:
    """"last week", "this month", "next year", "earlier this month", "the past year": the anchor moved one unit."""
    if ctx.anchor is None:
        return []
    unit = m["unit"].lower().replace("fiscal ", "")
    rel = " ".join((m["rel"] or "").lower().split())
    amount = _offset(rel)
    if unit == "quarter" and rel == "the current":  # "this quarter" in a report is still the one reported
        return _one(m, "DATE", cal.shift_value(ctx.anchor, "quarter", 0))
    if unit == "quarter" and amount == 0 and rel in ("the latest", "the", "this", "the same"):
        return _one(m, "DATE", ctx.topic_quarter or cal.shift_value(ctx.anchor, "quarter", -1))
    if unit == "quarter" and rel in ("last", "the last", "the past", "the previous"):
        return _one(m, "DATE", ctx.topic_quarter or cal.shift_value(ctx.anchor, "quarter", -1))
    if unit == "weekend":
        return _one(m, "DATE", _weekend(ctx, amount))
    if unit == "period":
        return _one(m, "DATE", ctx.topic_quarter)
    if unit == "quarter" and rel == "the":
        return _one(m, "DATE", ctx.topic_quarter or cal.shift_value(ctx.anchor, "quarter", -1))
    if rel in _STORY_RELS and unit in ("year", "month", "week"):
        told = story_value(ctx, unit, amount)
        if told:
            return _one(m, "DATE", told)
    value = cal.shift_value(ctx.anchor, unit, amount)
    return _one(m, "DATE", value.rstrip("X") if unit == "decade" else value)


def year_period(m: re.Match[str], ctx: Context) -> list[Result]:
    """"the 1988 period", "the 1988 second quarter": that year's quarter of the report."""
    if m["ord"]:
        return _one(m, "DATE", f"{m['year']}-Q{ORDINALS[m['ord'].lower()]}")
    quarter_part = ctx.topic_quarter.split("-")[1] if ctx.topic_quarter else None
    return _one(m, "DATE", f"{m['year']}-{quarter_part}" if quarter_part else m["year"])


def _weekend(ctx: Context, amount: int) -> str:
    """The weekend meant: in a past report on a weekday, the one just gone; else this week's."""
    assert ctx.anchor is not None
    week = ctx.anchor
    if amount < 0 or (amount == 0 and ctx.tense != "future" and ctx.anchor.weekday() < 5):
        week -= timedelta(weeks=1)
    elif amount > 0:
        week += timedelta(weeks=1)
    return cal.iso_week(week) + "-WE"


def the_unit(m: re.Match[str], ctx: Context) -> list[Result]:
    """"the year", "the month", "the week": the anchor's own."""
    if ctx.anchor is None:
        return []
    unit = m["unit"].lower()
    if re.match(r"\s+(?:ended|ending|through|to date)", m.string[m.end():m.end() + 12]):
        return _one(m, "DURATION", duration_value(1, unit))  # "the year ended March 31": a span, not a date
    if re.match(r"(?i:(?:earlier|later)\s+)?that\b", m[0]):  # "that year", "later that year": the story's
        return _one(m, "DATE", story_value(ctx, unit, 0) or cal.shift_value(ctx.anchor, unit, 0))
    if unit == "week":  # "for the week", "the week following the crash": a week not pinned down
        return _one(m, "DATE", f"{ctx.anchor.year:04d}-WXX")
    return _one(m, "DATE", cal.shift_value(ctx.anchor, unit, 0))


def year_end(m: re.Match[str], ctx: Context) -> list[Result]:
    """"year-end", "by year's end": the end of the anchor's year, written as that year."""
    return _one(m, "DATE", f"{ctx.anchor.year:04d}" if ctx.anchor else None)


def quarter(m: re.Match[str], ctx: Context) -> list[Result]:
    """"the third quarter", "third-quarter", "the year-earlier fourth quarter", "the first quarter of 1990"."""
    number = ORDINALS[m["ord"].lower()]
    pre = (m["pre"] or "").lower()
    if m["year"]:
        year = int(m["year"])
    elif ctx.anchor is None:
        return _one(m, "DATE", f"XXXX-Q{number}")
    else:
        year = ctx.anchor.year
        if number > cal.quarter_of(ctx.anchor) and ctx.tense != "future":
            year -= 1  # "the fourth quarter" in a January report: the one just closed
        if re.search(r"year-(?:earlier|ago)|last year", pre):
            year -= 1
        elif "next year" in pre:
            year += 1
    value = f"{year:04d}-Q{number}"
    if not re.search(r"year-(?:earlier|ago)|last year", pre):
        lead = re.search(r"(?i:first|second|third|fourth)-quarter", m[0]) is not None
        _note_topic_quarter(ctx, year, number, lead)
    if pre and re.search(rf"{m['ord']}-quarter", m[0], re.IGNORECASE) and pre in _ADJ_DETERMINERS:
        return [(m.start("ord"), m.end(), "DATE", value)]  # "its third-quarter profit": the adjective alone
    return _one(m, "DATE", value)


def _note_topic_quarter(ctx: Context, year: int, number: int, lead: bool) -> None:
    """The first quarter mentioned that has begun is what a report is about; a later "fourth-quarter
    charge" (ahead) or "after a flat second quarter" (an aside) does not change the subject, but the
    adjective of a new earnings lead does ("Separately, X reported third-quarter profit ...")."""
    if (ctx.topic_quarter is not None and not lead) or ctx.anchor is None:
        return
    quarters_back = (ctx.anchor.year - year) * 4 + cal.quarter_of(ctx.anchor) - number
    # "the third quarter of 1984" is history, not the report's subject; a new lead reports a closed quarter
    if (1 if ctx.topic_quarter else 0) <= quarters_back <= 4:
        ctx.topic_quarter = f"{year:04d}-Q{number}"


_ADJ_DETERMINERS = {"the", "its", "the company's", "the fiscal", "fiscal", "a", "an", "their", "his", "her"}


def half(m: re.Match[str], ctx: Context) -> list[Result]:
    """"the first half", "the second half of 1989": H1 / H2."""
    number = 1 if m["ord"].lower() == "first" else 2
    year = int(m["year"]) if m["year"] else ctx.anchor.year if ctx.anchor else None
    return _one(m, "DATE", f"{year:04d}-H{number}" if year is not None else f"XXXX-H{number}")


def year_earlier(m: re.Match[str], ctx: Context) -> list[Result]:
    """"a year earlier", "year-earlier", "the year-ago period", "the quarter a year ago", "last year's quarter":
    last year's quarter in earnings talk."""
    if ctx.anchor is None:
        return []
    start = m.start()
    if m[0].lower().startswith("the ") and not re.search(r"(?i:quarter|period)", m[0]):
        start += 4  # "the year-earlier results": the adjective alone
    if ctx.topic_quarter and not ctx.topic_quarter.startswith("X"):
        year, q = ctx.topic_quarter.split("-")
        return [(start, m.end(), "DATE", f"{int(year) - 1:04d}-{q}")]
    return [(start, m.end(), "DATE", f"{ctx.anchor.year - 1:04d}")]


def season(m: re.Match[str], ctx: Context) -> list[Result]:
    """"this summer", "last fall", "the winter of 1994"."""
    code = SEASONS[m["season"].lower()]
    if m["year"] or m.groupdict().get("words"):
        year = int(m["year"]) if m["year"] else word_year_value(m["words"])  # "the winter of nineteen ninety-four"
        return _one(m, "DATE", f"{year:04d}-{code}")
    if ctx.anchor is None:
        return _one(m, "DATE", f"XXXX-{code}")
    rel = " ".join((m["rel"] or "").lower().split())
    year = ctx.anchor.year + _offset(rel)
    if rel in ("last", "this past") and code != "WI":
        current = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        year = ctx.anchor.year if ctx.anchor.month >= current + 3 else ctx.anchor.year - 1
    return _one(m, "DATE", f"{year:04d}-{code}")


_BACKWARD = {"ago", "earlier", "before", "previously", "back"}


def duration(m: re.Match[str], ctx: Context) -> list[Result]:
    """"three years", "the past two months", "5 1/2 hours", "two-year"; with "ago" or "earlier" a date instead."""
    unit = unit_key(m["unit"])
    if m["old"] and m["old"].strip(" -\t\n").lower() == "old":
        return []  # an age, not a time
    if re.fullmatch(r"(?i:[a-z]+-quarters)", m[0].split()[-1]):
        return []  # "three-quarters of its food": a fraction
    if m["num"].lower() in ("a", "an") and m["unit"].lower().endswith("s"):
        return []  # "a decades-long battle": the article belongs to the noun
    count = number_value(m["num"]) if not re.search(r"\s(?i:to|or)\s", m["num"]) else None
    direction = (m["dir"] or "").lower()
    start = _adjective_start(m)
    if direction and ctx.anchor is not None:
        if count is None:
            return _one(m, "DATE", "PAST_REF" if direction in _BACKWARD else "FUTURE_REF")
        if unit == "year" and count == 1 and direction in ("earlier", "ago") and ctx.topic_quarter:
            return year_earlier(m, ctx)
        sign = -1 if direction in _BACKWARD else 1
        if unit == "decade":
            return _one(m, "DATE", f"{ctx.anchor.year + sign * 10 * int(count):04d}")
        return _one(m, "DATE", cal.shift_value(ctx.anchor, unit, sign * int(count)))
    return [(start, m.end(), "DURATION", duration_value(count, unit))]


def _adjective_start(m: re.Match[str]) -> int:
    """"the 30-day period" is tagged "30-day": determiners stay out of a hyphenated adjective."""
    if f"-{m['unit']}" not in m[0]:
        return m.start()
    return m.start("num") if m.string[m.start():m.start("num")].strip().lower() in _ADJ_DETERMINERS else m.start()


def duration_value(count: float | None, unit: str) -> str:
    """P3M, PT2H, P2Y6M, PXY."""
    letter, timed, factor = UNITS[unit]
    prefix = "PT" if timed else "P"
    if count is None:
        # vague decades are written in years, like counted ones ("two decades" = P20Y)
        return f"{prefix}X{'C' if unit == 'century' else letter}"
    total = count * factor
    if total != int(total):
        whole, part = int(total), total - int(total)
        smaller = {"Y": ("M", 12), "H": ("M", 60), "D": ("H", 24), "M": ("S", 60) if timed else ("D", 30)}.get(letter)
        if smaller:
            return f"{prefix}{whole}{letter}{round(part * smaller[1])}{smaller[0]}" if whole else f"{prefix}{round(part * smaller[1])}{smaller[0]}"
    return f"{prefix}{int(total)}{letter}"


def unit_long(m: re.Match[str], ctx: Context) -> list[Result]:
    """"day-long" lasts a day; "decades-long" an unknown number of decades."""
    unit = m["unit"].lower()
    return _one(m, "DURATION", duration_value(None if unit.endswith("s") else 1, unit_key(unit)))


def months_span(m: re.Match[str], ctx: Context) -> list[Result]:
    """"the first nine months", "the nine months", "the six months": a duration in earnings talk."""
    count = number_value(m["num"])
    return _one(m, "DURATION", duration_value(count, unit_key(m["unit"])))


# "quarterly" is left out: in news it is nearly always an amount ("its quarterly dividend"), while
# "a daily rally" or "average hourly earnings" are recurrences all the same.
_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "hourly": "PT1H", "nightly": "P1D", "annual": "P1Y"}


def set_word(m: re.Match[str], ctx: Context) -> list[Result]:
    """"daily", "every day", "each year", "every two weeks": a recurrence."""
    word = m[0].lower()
    if word in _SET_WORDS:
        return _one(m, "SET", _SET_WORDS[word])
    count = number_value(m["num"]) if m["num"] else 1.0
    return _one(m, "SET", duration_value(count, unit_key(m["unit"])))


_REFS = {
    "PRESENT_REF": r"now|currently|current|nowadays|presently|at present|these days|the present|right now|at the moment|today's",
    "PAST_REF": r"recently|recent|previously|formerly|the past|in the past|lately|once|earlier|recent years|past years|the time|then",
    "FUTURE_REF": r"soon|the future|future|eventually|later|a later date|someday|the coming months|coming months|"
                  r"the near future|the near term|the short term|as soon as possible",
}


def vague(m: re.Match[str], ctx: Context) -> list[Result]:
    """"now" -> PRESENT_REF, "recently" -> PAST_REF, "soon" -> FUTURE_REF."""
    text = " ".join(m[0].lower().split())
    for value, pattern in _REFS.items():
        if re.fullmatch(pattern, text):
            return _one(m, "DATE", value)
    return []


def vague_plural(m: re.Match[str], ctx: Context) -> list[Result]:
    """"recent months", "the past few weeks", "for years": a vague duration."""
    return _one(m, "DURATION", duration_value(None, unit_key(m["unit"])))
