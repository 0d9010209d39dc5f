"""The time tagger: find time expressions in text and normalize them against an anchor date.

Every rule's regex runs over the whole text; the leftmost-longest matches win, and they are
normalized in reading order so that earlier mentions (the quarter an earnings report is about, the
date the story last named) can inform later ones ("a year earlier", "the following year"). Tense,
which decides whether "Friday" is last Friday or next, is read from the words around the match
(`tense.py`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from storytrace.analyze.time import holidays as h
from storytrace.analyze.time import periods as p
from storytrace.analyze.time import rules as r
from storytrace.analyze.time.lexicon import NUM, PART, SEASON, UNIT, YEAR
from storytrace.analyze.time.model import Normalizer, Timex
from storytrace.analyze.time.narrative import note_date
from storytrace.analyze.time.tense import near_past, tense_at, verb_tense
from storytrace.date_words import MONTH_IN_PROSE, WEEKDAY_IN_PROSE, ZONE_IN_PROSE

_B: Final = r"(?<![\w$.,-])"  # a start not glued to a word, an amount or a hyphenated compound
_E: Final = r"(?![\w])"
_REL: Final = r"(?i:this past|this coming|the past|the last|the previous|the prior|the coming|the next|the following|the current|the latest|the same|last|this|next|past|coming|previous)"
_EDGE: Final = r"(?i:early|late|the end of|the beginning of|the start of|the middle of|the rest of)"
_ABOUT: Final = r"(?:(?i:around|about|approximately)\s+)?"
_WORD_YEAR: Final = (r"(?i:nineteen\s+(?:ninety|eighty|seventy|sixty|fifty|forty|thirty|twenty)(?:[-\s](?:one|two|three|four|five|six|"
                     r"seven|eight|nine))?|two\s+thousand(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)")
_RANGE_NUM: Final = rf"(?:{NUM}\s+(?i:to|or)\s+)?{NUM}"
_MOD: Final = (r"(?i:about|around|nearly|almost|no more than|more than|less than|at least|at most|roughly|some|"
               r"approximately|up to|another|the past|the last|the next|the first|the previous|the final|the "
               r"coming|the following|the latest|the|its|past|last|next|first|final|coming|recent|following)")
_ORD: Final = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
_QPRE: Final = (r"(?i:the year-earlier|the year-ago|year-earlier|year-ago|last year's|next year's|this year's|the|its|"
                r"the company's|the fiscal|fiscal)")

def _part_or_overnight(m: re.Match[str], ctx: r.Context) -> list[r.Result]:
    """"this morning", "last night"; "overnight" is the anchor's night."""
    if m["part"]:
        return r._part_of_day(m, ctx)
    if ctx.anchor is None:
        return []
    return r._one(m, "TIME", f"{ctx.anchor.isoformat()}TNI")


RULES: Final[list[tuple[str, re.Pattern[str], Normalizer]]] = [
    ("week_of", re.compile(rf"{_B}(?i:the\s+)?(?i:week)\s+(?i:of)\s+(?P<month>{MONTH_IN_PROSE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>{YEAR}))?{_E}"), r._week_of),
    ("month_day", re.compile(rf"{_B}{_ABOUT}(?:{WEEKDAY_IN_PROSE},?\s+)?(?P<month>{MONTH_IN_PROSE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:and|or)\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?![\w,.]\d|\s+\w))?{_E}(?:,?\s+(?P<year>{YEAR}){_E})?"), r._month_day),
    ("day_month", re.compile(rf"{_B}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_IN_PROSE})(?:,?\s+(?P<year>{YEAR}))?{_E}"), r._month_day),
    ("iso", re.compile(rf"{_B}(?P<year>{YEAR})-(?P<month>\d\d)-(?P<day>\d\d){_E}"), r._iso),
    ("month_year", re.compile(rf"{_B}(?:(?i:early|late|mid)[-\s]?)?(?P<month>{MONTH_IN_PROSE})(?:\s+of)?,?\s+(?P<year>{YEAR}){_E}"), r._month_year),
    ("month_rel_year", re.compile(rf"{_B}(?P<month>{MONTH_IN_PROSE})\s+(?P<rel>(?i:last|this|next))\s+(?i:year){_E}"), r._month_rel_year),
    ("month_word_year", re.compile(rf"{_B}(?P<month>{MONTH_IN_PROSE})(?:\s+of)?,?\s+(?P<words>{_WORD_YEAR}){_E}"), r._month_word_year),
    ("month", re.compile(rf"{_B}(?:(?P<rel>(?i:this past|this coming|last|this|next|early|late|mid|the end of|the beginning of))[-\s]+)?(?P<month>{MONTH_IN_PROSE})(?!\w|\.?\s+\d)"), r._month),
    ("prefixed_year", re.compile(rf"(?:(?<=\b[Pp]ost-)|(?<=\b[Pp]re-))(?P<year>{YEAR}){_E}"), r._year),
    ("year", re.compile(rf"{_B}(?:(?i:fiscal|calendar|mid|early|late|the end of|the beginning of|the year)[-\s]+)?(?P<year>{YEAR})(?![\w%]|,\d|\.\d)"), r._year),
    ("year_range", re.compile(rf"{_B}(?P<year>{YEAR})-(?P<end>\d\d){_E}"), r._year_range),
    ("decade", re.compile(rf"{_B}(?:(?i:the\s+)?(?i:early|late|mid)[-\s]+)?(?P<decade>(?:1[6-9]|20)\d0'?s|'\d0s|(?i:the\s+)(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)){_E}"), r._decade),
    ("century", re.compile(rf"{_B}(?i:the\s+)?(?:(?P<ord>\d{{1,2}}(?:st|nd|rd|th))|(?i:this))\s+(?i:century){_E}"), r._century),
    ("word_year", re.compile(rf"{_B}(?i:the year\s+)?(?P<words>{_WORD_YEAR}){_E}"), r._word_year),
    ("relative_day", re.compile(rf"{_B}(?:(?i:late|early|earlier|later)\s+)?(?P<day>(?i:today|tonight|yesterday|tomorrow))(?:\s+(?P<part>{PART}))?{_E}"), r._relative_day),
    ("holiday", re.compile(rf"{_B}(?:(?P<rel>(?i:last|this|next))\s+)?(?P<name>(?i:{h.HOLIDAY}))(?P<week>\s+(?i:week))?(?:,?\s+(?P<year>{YEAR}))?{_E}"), h.holiday),
    ("month_set", re.compile(rf"{_B}(?i:every|each)\s+(?P<month>{MONTH_IN_PROSE}){_E}"), h.month_set),
    ("weekday_set", re.compile(rf"{_B}(?:(?i:every|each)\s+(?P<wd>{WEEKDAY_IN_PROSE})(?:\s+(?P<part>{PART}))?|(?P<wd2>{WEEKDAY_IN_PROSE})s(?:\s+(?P<part2>{PART})s?)?|(?P<wd3>{WEEKDAY_IN_PROSE})\s+(?P<part3>{PART})s){_E}"), h.weekday_set),
    ("weekday", re.compile(rf"{_B}(?:(?P<rel>(?i:this past|this coming|the previous|the following|last|this|next|coming|past|early|late|earlier|later))\s+)?(?P<wd>{WEEKDAY_IN_PROSE})(?:\s+(?P<part>{PART}))?{_E}"), r._weekday),
    ("part_of_day", re.compile(rf"{_B}(?:(?P<rel>(?i:this|last))\s+(?P<part>{PART})|(?P<over>(?i:overnight))){_E}"), _part_or_overnight),
    ("in_the_part", re.compile(rf"(?<=\b[Ii]n\s)(?P<rel>(?i:the))\s+(?P<part>(?i:morning|afternoon|evening)){_E}(?!\s+(?i:of|after|before|when))"), r._part_of_day),
    ("clock", re.compile(rf"{_B}{_ABOUT}(?:(?P<noon>(?i:noon|midnight|midday))|(?P<h>\d{{1,2}})(?::(?P<m>\d\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)))(?:\s+{ZONE_IN_PROSE})?(?:,?\s+(?:(?P<wd>{WEEKDAY_IN_PROSE})|(?P<rd>(?i:today|yesterday|tomorrow))|(?P<month>{MONTH_IN_PROSE})\s+(?P<day>\d{{1,2}})))?(?!\w)"), r._clock),
    ("part_day", re.compile(rf"{_B}(?:(?i:mid|early|late)[-\s]?)?(?P<part>{PART})\s+(?:(?P<wd>{WEEKDAY_IN_PROSE})|(?P<day>(?i:today|yesterday|tomorrow))){_E}"), r._part_day),
    ("the_day", re.compile(rf"{_B}(?i:the previous day|the day before|the next day|the following day|a day earlier|the same day|that day|earlier that day|later that day){_E}"), r._the_day),
    ("relative_unit", re.compile(rf"{_B}(?:{_EDGE}\s+)?(?P<rel>{_REL})\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|fiscal year|period)){_E}"), p.relative_unit),
    ("the_weekend", re.compile(rf"{_B}(?P<rel>(?i:the))\s+(?P<unit>(?i:weekend|quarter)){_E}"), p.relative_unit),
    ("year_period", re.compile(rf"{_B}(?i:the\s+)(?P<year>{YEAR})\s+(?:(?P<ord>{_ORD})\s+)?(?i:period|quarter){_E}"), p.year_period),
    ("year_end", re.compile(rf"{_B}(?i:(?:the\s+)?year[-\s]end|year's\s+end){_E}"), p.year_end),
    ("the_unit", re.compile(rf"{_B}(?i:(?:the|(?:earlier\s+|later\s+)?that)\s+(?:full\s+|fiscal\s+)?(?P<unit>year|month|week)){_E}(?!\s*(?:-|of|earlier|ago|before|after|'s))"), p.the_unit),
    ("quarter", re.compile(rf"{_B}(?:(?P<pre>{_QPRE})\s+)?(?:(?i:fiscal)\s+)?(?P<ord>{_ORD})[-\s]+(?:(?i:fiscal)\s+)?(?i:quarter|period)(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<year>{YEAR}))?{_E}"), p.quarter),
    ("year_quarter", re.compile(rf"{_B}(?P<year>{YEAR})'s\s+(?P<ord>{_ORD})[-\s]+(?i:quarter){_E}"), p.quarter),
    ("half", re.compile(rf"{_B}(?i:the\s+)?(?P<ord>(?i:first|second|last))\s+(?i:half)(?:\s+(?i:of)\s+(?P<year>{YEAR}))?{_E}"), p.half),
    ("period_year_ago", re.compile(rf"{_B}(?i:(?:the\s+)?(?:(?:same|corresponding|comparable)\s+)?(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)|last\s+year's\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period)){_E}"), p.year_earlier),
    ("year_earlier", re.compile(rf"{_B}(?i:(?:the\s+)?(?:year-earlier|year-ago)(?:\s+(?:quarter|period|(?:first|second|third|fourth)\s+quarter))?){_E}"), p.year_earlier),
    ("season", re.compile(rf"{_B}(?:(?P<rel>(?i:this past|this coming|last|this|next|early|late|the))\s+)(?P<season>{SEASON})(?:\s+(?:(?i:of)\s+)?(?:(?P<year>{YEAR})|(?P<words>{_WORD_YEAR})))?{_E}"), p.season),
    ("season_year", re.compile(rf"{_B}(?P<rel>)(?P<season>(?i:spring|summer|autumn|winter)|[Ff]all)\s+(?P<year>{YEAR}){_E}"), p.season),
    ("duration", re.compile(rf"{_B}(?:{_MOD}\s+)*(?P<num>{_RANGE_NUM})[-\s]+(?:(?i:more)\s+)?(?P<unit>{UNIT})(?!-(?i:earlier|ago)\b)(?P<old>[-\s]+(?i:old|long))?(?:\s+(?i:or\s+so|or\s+two|or\s+more))?(?:\s+(?P<dir>(?i:ago|earlier|before(?=\s*[,.;])|from now|back)))?{_E}"), p.duration),
    ("unit_long", re.compile(rf"{_B}(?P<unit>{UNIT})-(?i:long){_E}"), p.unit_long),
    ("months_span", re.compile(rf"{_B}(?i:the\s+(?:first\s+|latest\s+|year-earlier\s+)?)(?P<num>(?i:nine|six|three|two))\s+(?P<unit>(?i:months|quarters)){_E}"), p.months_span),
    ("set", re.compile(rf"{_B}(?:(?i:daily|weekly|monthly|annually|yearly|hourly|nightly)|(?i:every|each)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})){_E}"), p.set_word),
    ("vague", re.compile(rf"{_B}(?i:right now|now|currently|current|nowadays|presently|at present|these days|the present|recently|recent(?=\s+(?:years|months|weeks|days))|formerly|the past|soon|the near future|the future|the near term|the short term|as soon as possible|future(?=\s+(?:years|months|quarters|periods))|a later date){_E}"), p.vague),
    ("bare_plural", re.compile(rf"(?:(?:(?<=\b[Ff]or\s)|(?<=\b[Oo]ver\s))(?:(?i:the)\s+)?|(?<=\b[Ii]n\s))(?P<unit>(?i:years|months|weeks|decades|centuries)){_E}(?!\s+(?i:ago|earlier|later|before|after|of|to|that|when))"), p.vague_plural),
    ("units_ahead", re.compile(rf"{_B}(?i:the\s+(?:(?:few|next\s+few)\s+)?)(?P<unit>(?i:years|months|weeks|days|hours))\s+(?i:ahead){_E}"), p.vague_plural),
    ("vague_plural", re.compile(rf"{_B}(?i:(?:the\s+)?(?:(?:past|last|next|coming|recent)\s+)?(?:few|several|many)\s+|recent\s+|coming\s+)(?P<unit>(?i:years|months|weeks|days|hours|minutes|decades|quarters)){_E}"), p.vague_plural),
]




_VERB_TENSE_NORMALIZERS: Final = (r._weekday, r._part_day, r._clock, r._month)


_TIME_WORD: Final = re.compile(
    r"(?:Weeks?|Weekends?|Months?|Years?|Today|Tonight|Tomorrow|Yesterday|Noon|Midnight|Minutes?|Hours?|Days?"
    r"|Mornings?|Nights?|Evenings?|Afternoons?|Decades?|Centur(?:y|ies)|Quarters?|Now)\b"
)
_OPENING: Final = re.compile(r"(?:^|[.!?:]['\"”’]?\s+|\n\s*|[\"“`']\s*)$")  # a sentence or quotation starts here
_AMOUNT_BEFORE: Final = re.compile(r"(?:\d|\b(?:million|billion|trillion|percent|cents?|hours|days|times))\W{0,2}\s+$", re.IGNORECASE)


def not_a_timex(text: str, start: int, end: int) -> bool:
    """Spans a rule matched that are not time expressions in context.

    A capitalized time word inside a sentence is a title ("ABC's "This Week"", "60 Minutes", "High Noon",
    "VOA Today"); "a year" after an amount is a rate ("$500 million a year"); "a second" before a noun is
    an ordinal; "the day before authorities issued" is a conjunction; "Jan Kavan" is a name; "soon"
    in "as soon as he arrives", "soon after" or "was soon released" is not a reference to the future.
    """
    span = text[start:end]
    before = text[max(0, start - 40):start]
    after = text[end:end + 30]
    for word in _TIME_WORD.finditer(span):
        at = start + word.start()
        if at > 0 and not _OPENING.search(text[max(0, at - 4):at]):
            return True
    lower = span.lower()
    if re.fullmatch(r"(?:a|an|one|per)\s+(?:year|month|week|day|hour|quarter)", lower) and _AMOUNT_BEFORE.search(before):
        return True
    if re.fullmatch(r"(?:a|one)\s+second", lower) and re.match(r"\s+[a-z]", after):
        return True
    if lower == "the day before" and re.match(r"\s+(?!yesterday\b)[a-z]", after):
        return True
    if span == "Jan" and re.match(r"\s+[A-Z]", after):
        return True
    if lower == "soon" and (re.search(r"\b(?:as|was|were|had|that)\s+$", before, re.IGNORECASE)
                            or re.match(r"\s+(?:after|afterwards?|thereafter|became)\b", after, re.IGNORECASE)):
        return True
    return False


def _tense_around(normalizer: Normalizer, text: str, start: int, end: int) -> str | None:
    """The tense a rule's normalizer needs: the governing verb for weekdays and bare months, the verb right
    before a calendar date ("ended Sept. 30"), else only whether a future marker stands near."""
    if normalizer in _VERB_TENSE_NORMALIZERS:
        return verb_tense(text, start, end)
    if normalizer in (r._month_day, r._week_of):
        return near_past(text, start) or tense_at(text, start, end)
    return tense_at(text, start, end)


def tag_timexes(text: str, anchor: date | None, tense: str | None = "auto") -> list[Timex]:
    """All time expressions in `text`, normalized against `anchor` (the dateline or creation date).

    `tense` "auto" reads it from the words around each expression; "past" or "future" forces it
    (a caller that knows its verb, such as a statement's cue, says which way "Friday" points).
    """
    candidates: list[tuple[int, int, int, re.Match[str], Normalizer]] = []
    for order, (_, pattern, normalizer) in enumerate(RULES):
        for match in pattern.finditer(text):
            if match.end() > match.start():
                candidates.append((match.start(), -match.end(), order, match, normalizer))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    ctx = r.Context(anchor)
    found: list[Timex] = []
    taken_end = -1
    for start, neg_end, order, match, normalizer in candidates:
        if start < taken_end:
            continue
        ctx.tense = tense if tense != "auto" else _tense_around(normalizer, text, start, -neg_end)
        if RULES[order][0] != "holiday" and not_a_timex(text, start, -neg_end):  # "Labor Day" is a name
            taken_end = -neg_end
            continue
        results = normalizer(match, ctx)
        if not results:
            continue
        taken_end = -neg_end
        found.extend(Timex(s, e, text[s:e], kind, value, RULES[order][0]) for s, e, kind, value in results)
        for result in results:
            note_date(ctx, result[3])
    return found
