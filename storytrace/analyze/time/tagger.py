"""The time tagger: find time expressions in text and normalize them against an anchor date.

Every rule's regex runs over the whole text; the leftmost-longest matches win, and they are
normalized in reading order so that earlier mentions (the quarter an earnings report is about)
can inform later ones ("a year earlier"). Tense, which decides whether "Friday" is last Friday or
next, is read from the words around the match.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from storytrace.analyze.time import periods as p
from storytrace.analyze.time import rules as r
from storytrace.analyze.time.lexicon import MONTH, NUM, PART, SEASON, UNIT, WEEKDAY, YEAR
from storytrace.analyze.time.model import Timex

_B: Final = r"(?<![\w$.,-])"  # a start not glued to a word, an amount or a hyphenated compound
_E: Final = r"(?![\w])"
_REL: Final = r"(?i:this past|this coming|the past|the last|the previous|the coming|the next|the following|the current|the latest|the same|last|this|next|past|coming|previous)"
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


RULES: Final[list[tuple[str, re.Pattern[str], r.Normalizer]]] = [
    ("month_day", re.compile(rf"{_B}{_ABOUT}(?:{WEEKDAY},?\s+)?(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{_E}(?:,?\s+(?P<year>{YEAR}){_E})?"), r._month_day),
    ("day_month", re.compile(rf"{_B}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?{_E}"), r._month_day),
    ("iso", re.compile(rf"{_B}(?P<year>{YEAR})-(?P<month>\d\d)-(?P<day>\d\d){_E}"), r._iso),
    ("month_year", re.compile(rf"{_B}(?:(?i:early|late|mid)[-\s]?)?(?P<month>{MONTH})(?:\s+of)?,?\s+(?P<year>{YEAR}){_E}"), r._month_year),
    ("month_rel_year", re.compile(rf"{_B}(?P<month>{MONTH})\s+(?P<rel>(?i:last|this|next))\s+(?i:year){_E}"), r._month_rel_year),
    ("month_word_year", re.compile(rf"{_B}(?P<month>{MONTH})(?:\s+of)?,?\s+(?P<words>{_WORD_YEAR}){_E}"), r._month_word_year),
    ("month", re.compile(rf"{_B}(?:(?P<rel>(?i:this past|this coming|last|this|next|early|late|mid|the end of|the beginning of))[-\s]+)?(?P<month>{MONTH})(?!\w|\s+\d)"), r._month),
    ("year", re.compile(rf"{_B}(?:(?i:fiscal|calendar|mid|early|late|the end of|the beginning of|the year)[-\s]+)?(?P<year>{YEAR})(?![\w%]|,\d|\.\d)"), r._year),
    ("year_range", re.compile(rf"{_B}(?P<year>{YEAR})-(?P<end>\d\d){_E}"), r._year_range),
    ("decade", re.compile(rf"{_B}(?:(?i:the\s+)?(?i:early|late|mid)[-\s]+)?(?P<decade>(?:1[6-9]|20)\d0'?s|'\d0s|(?i:the\s+)(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)){_E}"), r._decade),
    ("century", re.compile(rf"{_B}(?i:the\s+)?(?:(?P<ord>\d{{1,2}}(?:st|nd|rd|th))|(?i:this))\s+(?i:century){_E}"), r._century),
    ("word_year", re.compile(rf"{_B}(?i:the year\s+)?(?P<words>{_WORD_YEAR}){_E}"), r._word_year),
    ("relative_day", re.compile(rf"{_B}(?:(?i:late|early|earlier|later)\s+)?(?P<day>(?i:today|tonight|yesterday|tomorrow))(?:\s+(?P<part>{PART}))?{_E}"), r._relative_day),
    ("weekday", re.compile(rf"{_B}(?:(?P<rel>(?i:this past|this coming|the previous|the following|last|this|next|coming|past|early|late|earlier|later))\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?{_E}"), r._weekday),
    ("part_of_day", re.compile(rf"{_B}(?:(?P<rel>(?i:this|last))\s+(?P<part>{PART})|(?P<over>(?i:overnight))){_E}"), _part_or_overnight),
    ("clock", re.compile(rf"{_B}{_ABOUT}(?:(?P<noon>(?i:noon|midnight|midday))|(?P<h>\d{{1,2}})(?::(?P<m>\d\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)))(?:\s+(?:EST|EDT|GMT|PST|PDT|CST|CDT))?(?:,?\s+(?:(?P<wd>{WEEKDAY})|(?P<rd>(?i:today|yesterday|tomorrow))|(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})))?(?!\w)"), r._clock),
    ("part_day", re.compile(rf"{_B}(?:(?i:mid|early|late)[-\s]?)?(?P<part>{PART})\s+(?:(?P<wd>{WEEKDAY})|(?P<day>(?i:today|yesterday|tomorrow))){_E}"), r._part_day),
    ("the_day", re.compile(rf"{_B}(?i:the previous day|the day before|the next day|the following day|a day earlier|the same day|that day|earlier that day|later that day){_E}"), r._the_day),
    ("relative_unit", re.compile(rf"{_B}(?:{_EDGE}\s+)?(?P<rel>{_REL})\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|fiscal year|period)){_E}"), p.relative_unit),
    ("the_weekend", re.compile(rf"{_B}(?P<rel>(?i:the))\s+(?P<unit>(?i:weekend|quarter)){_E}"), p.relative_unit),
    ("year_period", re.compile(rf"{_B}(?i:the\s+)(?P<year>{YEAR})\s+(?:(?P<ord>{_ORD})\s+)?(?i:period|quarter){_E}"), p.year_period),
    ("the_unit", re.compile(rf"{_B}(?i:(?:the|that)\s+(?:full\s+|fiscal\s+)?(?P<unit>year|month|week)){_E}(?!\s*(?:-|of|earlier|ago|before|after|'s))"), p.the_unit),
    ("quarter", re.compile(rf"{_B}(?:(?P<pre>{_QPRE})\s+)?(?:(?i:fiscal)\s+)?(?P<ord>{_ORD})[-\s]+(?:(?i:fiscal)\s+)?(?i:quarter|period)(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<year>{YEAR}))?{_E}"), p.quarter),
    ("year_quarter", re.compile(rf"{_B}(?P<year>{YEAR})'s\s+(?P<ord>{_ORD})[-\s]+(?i:quarter){_E}"), p.quarter),
    ("half", re.compile(rf"{_B}(?i:the\s+)?(?P<ord>(?i:first|second|last))\s+(?i:half)(?:\s+(?i:of)\s+(?P<year>{YEAR}))?{_E}"), p.half),
    ("year_earlier", re.compile(rf"{_B}(?i:(?:the\s+)?(?:year-earlier|year-ago)(?:\s+(?:quarter|period|(?:first|second|third|fourth)\s+quarter))?){_E}"), p.year_earlier),
    ("season", re.compile(rf"{_B}(?:(?P<rel>(?i:this past|this coming|last|this|next|early|late|the))\s+)(?P<season>{SEASON})(?:\s+(?:(?i:of)\s+)?(?P<year>{YEAR}))?{_E}"), p.season),
    ("season_year", re.compile(rf"{_B}(?P<rel>)(?P<season>(?i:spring|summer|autumn|winter)|[Ff]all)\s+(?P<year>{YEAR}){_E}"), p.season),
    ("duration", re.compile(rf"{_B}(?:{_MOD}\s+)*(?P<num>{_RANGE_NUM})[-\s]+(?P<unit>{UNIT})(?P<old>[-\s]+(?i:old|long))?(?:\s+(?i:or\s+so|or\s+two|or\s+more))?(?:\s+(?P<dir>(?i:ago|earlier|before(?=\s*[,.;])|from now|back)))?{_E}"), p.duration),
    ("months_span", re.compile(rf"{_B}(?i:the\s+(?:first\s+|latest\s+|year-earlier\s+)?)(?P<num>(?i:nine|six|three|two))\s+(?P<unit>(?i:months|quarters)){_E}"), p.months_span),
    ("set", re.compile(rf"{_B}(?:(?i:daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly)|(?i:every|each)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})){_E}"), p.set_word),
    ("vague", re.compile(rf"{_B}(?i:right now|now|currently|current|nowadays|presently|at present|these days|the present|recently|recent(?=\s+(?:years|months|weeks|days))|formerly|the past|soon|the near future|the future|the near term|the short term|as soon as possible|future(?=\s+(?:years|months|quarters|periods))|a later date){_E}"), p.vague),
    ("vague_plural", re.compile(rf"{_B}(?i:(?:the\s+)?(?:(?:past|last|next|coming|recent)\s+)?(?:few|several|many)\s+|recent\s+|coming\s+)(?P<unit>(?i:years|months|weeks|days|hours|minutes|decades|quarters)){_E}"), p.vague_plural),
]




_FUTURE = re.compile(r"(?:\b(?:will|won't|shall|going to|is scheduled|are scheduled|is expected to|are expected to|is due|are due)|'ll)\b", re.IGNORECASE)
# Only on the left: "plans to leave Thursday", "would be traveling Thursday", "as soon as Tuesday".
_FUTURE_LEFT = re.compile(r"\b(?:plan(?:s|ned)? to|scheduled|would be \w+ing|is to|are to)\b", re.IGNORECASE)
_FUTURE_NEAR = re.compile(r"\b(?:as soon as|as early as|until|by)\s+(?:\w+\s+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”']?\s+(?=[A-Z\"“])|\n\s*\n")


def _clause_around(text: str, start: int, end: int, right_width: int) -> tuple[str, str]:
    """The text of the span's own sentence up to 80 characters before it and `right_width` after it."""
    left = text[max(0, start - 80):start]
    ends = list(_SENTENCE_END.finditer(left))
    if ends:
        left = left[ends[-1].end():]
    right = text[end:end + right_width]
    stop = _SENTENCE_END.search(right)
    return left, (right[:stop.start()] if stop else right)


def tense_at(text: str, start: int, end: int) -> str | None:
    """"future" when a future marker stands in the clause around the span, else None (unknown).

    Only the future is marked reliably in text; normalizers read None as the nearest date
    (calendar dates) or as past (weekdays: news reports what happened).
    """
    left, right = _clause_around(text, start, end, 40)
    if _FUTURE.search(left) or _FUTURE_LEFT.search(left) or _FUTURE_NEAR.search(left[-20:]) or _FUTURE.search(right):
        return "future"
    return None


_PAST_WORDS: Final = frozenset({
    "said", "told", "was", "were", "had", "did", "met", "went", "came", "made", "took", "left", "began", "gave",
    "held", "won", "lost", "fell", "rose", "sent", "saw", "got", "found", "brought", "struck", "shot", "spoke",
    "wrote", "broke", "ran", "led", "paid", "quit", "flew", "drove", "fought", "sought", "thought", "knew", "felt",
    "heard", "kept", "stood", "sold", "bought", "became", "chose", "threw", "taught", "caught", "hit",
})
# Words that point ahead: "will meet Monday", "were planning to drive ... on Monday".
_FUTURE_WORDS: Final = frozenset({"will", "shall", "won't", "planning", "scheduled", "expects",
                                  "intends", "intend"})
_WORD: Final = re.compile(r"[A-Za-z']+|[$\d][\d.,%]*")
# Words after which "to" + verb points ahead: "is to arrive", "decided to admit Poland in March".
_TO_HEADS: Final = frozenset({
    "is", "are", "going", "plan", "plans", "planned", "planning", "expected", "expects", "scheduled", "set", "due",
    "decided", "agreed", "intends", "intend", "intended", "wants", "want", "hopes", "hope", "hoped", "likely",
    "ready", "promised", "vowed", "threatened", "prepared", "preparing", "aims", "seeks", "sought",
})
# Words after "to" that make it a preposition ("went to the airport"), not an infinitive ("to admit").
_NOT_VERBS: Final = frozenset({
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "him",
    "them", "us", "me", "it", "some", "all", "date", "power", "death", "office", "court", "work", "school",
    "about", "more", "less", "nearly", "almost", "around",
})


def verb_tense(text: str, start: int, end: int) -> str | None:
    """The tense governing a weekday or bare month name: the nearest marker on its left decides, then the right.

    A past-tense verb ("was announced Wednesday", "met Friday") -> "past"; a future marker ("will meet
    Monday", "were planning to drive there on Monday", "is to arrive Monday") -> "future"; "until"/"by" point ahead
    unless the clause is pluperfect ("had filed reports by Wednesday"); a pluperfect before it is past.
    None when nothing marks it.
    """
    left, right = _clause_around(text, start, end, 50)
    clause_had = re.search(r"\bhad\b", left + " " + right, re.IGNORECASE) is not None
    if _FUTURE_NEAR.search(left[-20:]):
        return "past" if clause_had else "future"
    if re.search(r"\bhad\b", left, re.IGNORECASE):  # pluperfect: "it had been due to expire Friday"
        return "past"
    if re.search(r"\bwould be \w+ing\s+(?:\w+\s+){0,6}$", left, re.IGNORECASE):  # "would be traveling ... Thursday"
        return "future"
    if re.match(r"['’]s\b", text[end:end + 3]):  # "Wednesday's ruling": an event already named
        return "past"
    words = [w.lower() if not w[0].isupper() else "^" + w.lower() for w in _WORD.findall(left)]
    for i in range(len(words) - 1, -1, -1):
        tense = _marker(words, i)
        if tense:
            return tense
    # On the right only a verb of the same clause counts, and only an auxiliary or a past form marks it:
    # "On Friday, when Albright set aside vacation plans to fly ..." is not a plan for Friday.
    for word in [w.lower() for w in _WORD.findall(right)][:6]:
        if word in ("will", "shall", "won't") or word.endswith("'ll"):
            return "future"
        if word in _PAST_WORDS or (len(word) > 4 and word.endswith("ed")):
            return "past"
    return None


def _marker(words: list[str], i: int) -> str | None:
    word = words[i].lstrip("^")
    after = words[i + 1] if i + 1 < len(words) else ""
    if word == "to":  # "is to arrive", "plans to leave", "decided to admit": an infinitive points ahead
        verb = re.fullmatch(r"[a-z]+", after) is not None and after not in _NOT_VERBS  # not "to Washington", "to $16"
        return "future" if verb and i > 0 and words[i - 1].lstrip("^") in _TO_HEADS else None
    if word in ("planned", "scheduled", "set", "expected", "due") and after in ("for", "to"):
        return "future"  # "the accession was planned for early March"
    before = words[i - 1].lstrip("^") if i > 0 else ""
    if word in _FUTURE_WORDS or word.endswith("'ll"):
        return "future"
    if word == "be" and before == "to":  # "guidelines to be published in early November"
        return "future"
    if len(word) > 4 and word.endswith("ed") and before in ("is", "are", "be", "been", "being"):
        # a passive participle takes its tense from the auxiliary: "is expected in December" points ahead,
        # "will be named ... in December" is decided further left
        return "future" if before in ("is", "are") and word in ("expected", "scheduled", "planned", "set") else None
    if word in _PAST_WORDS or (len(word) > 4 and word.endswith("ed")):
        return "past"
    return None


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


def tag_timexes(text: str, anchor: date | None, tense: str | None = "auto") -> list[Timex]:
    """All time expressions in `text`, normalized against `anchor` (the dateline or creation date).

    `tense` "auto" reads it from the words around each expression; "past" or "future" forces it
    (a caller that knows its verb, such as a statement's cue, says which way "Friday" points).
    """
    candidates: list[tuple[int, int, int, re.Match[str], r.Normalizer]] = []
    for order, (_, pattern, normalizer) in enumerate(RULES):
        for match in pattern.finditer(text):
            if match.end() > match.start():
                candidates.append((match.start(), -match.end(), order, match, normalizer))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    ctx = r.Context(anchor)
    found: list[Timex] = []
    taken_end = -1
    for start, neg_end, _, match, normalizer in candidates:
        if start < taken_end:
            continue
        if tense != "auto":
            ctx.tense = tense
        elif normalizer in _VERB_TENSE_NORMALIZERS:
            ctx.tense = verb_tense(text, start, -neg_end)
        else:
            ctx.tense = tense_at(text, start, -neg_end)
        if not_a_timex(text, start, -neg_end):
            taken_end = -neg_end
            continue
        results = normalizer(match, ctx)
        if not results:
            continue
        taken_end = -neg_end
        found.extend(Timex(s, e, text[s:e], kind, value) for s, e, kind, value in results)
    return found
