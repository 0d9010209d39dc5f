"""The day a statement was made (`Statement.said_on`), as a careful reader dates it.

In order: the cue's own time ("said Friday", "on Thursday denied", "told reporters yesterday"); the phrase
or clause that sets the cue's scene ("In a message posted Friday, X said", "At a rally Friday, X
questioned", "Speaking Friday, X said"); the verb a participle or "when"-clause cue hangs on ("spoke
Thursday ..., promising", "responded Wednesday by saying", "since Monday night's debate, when X cited");
where the parse hangs the time elsewhere, the word order ("X, at Monday's debate, cited", "cited ... from
88 generals Tuesday"); the clause before a colon; a day told by an event the article dates elsewhere ("the
day before the debate"); a source made right after its event ("instant polls") or a dated document it cites
("according to a report Tuesday"); an event right next to the saying ("just prior to Friday's announcement"),
a clause quoting the same words ("as she put it on Wednesday"), a simultaneous "came as" or "even as", the saying a
held view is stated in ("said Sunday he expected"), the scene of a "with"-clause ("kicked a protester Saturday, with
X yelling"), a dated saying continued ("in his Sunday interviews ..., though he added"), an occasion of a dated
event ("in his opening statement of Thursday night's debate"), a day closing the sentence after a quote the cue
opens ('tweeted, "Thank you!" on Friday afternoon') or closing the verb's phrase before a comma, an "as" clause set
before the saying ("As he shook hands Sunday, X reiterated"), what a document says as it is made ("approved a
resolution Wednesday condemning"), and a broadcast named with its weekday ("on Friday's 'PBS NewsHour'"). Inside what was said,
"later Friday" dates the saying, and a speaker's own "tonight" or "last night" is read against the day the
article's lead (not the quote itself) or its last named night gives, else the day named a sentence or two away.
Across clauses and sentences (reckoning): "later that day" or "that morning" takes the day named last before it; a
message says what it says as its verb sends it ("fired back a response saying"); a clause right before the saying
("soon after she was booed Monday") gives its day; the occasion of a saying with no day of its own ("during a
campaign stop in Flint") takes the day of another mention of an occasion of its kind ("During the rally Monday",
`time.events`), in the sentences next to it or, for a definite one, anywhere before; and a speaker's "yesterday" or
"today" on such an occasion ("a press conference like what we saw yesterday") counts from that occasion's day. Day
words inside the quotation a cue opens are the speaker's ('signs saying, "Jobs today"'), not the cue's. When nothing in the sentence dates it, the article's own day dates only what is said on it: the writer's
own statements, a present-tense "says" in a running live report (entries under clock-time headings,
written through the day), and a past saying there whose sentence names the report's own day. Elsewhere a present-tense "says" is a standing position or an interview of
unknown date (a profile's "he says", "experts say"), and stays undated.

Day expressions are resolved by the time tagger in `storytrace.analyze.time`; only day-level results
count: vague expressions ("last week", "recently") give None rather than a guess.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from spacy.tokens import Doc, Span, Token

from storytrace.analyze import cues
from storytrace.analyze.clauses import subtree_text
from storytrace.analyze.time import tag_timexes
from storytrace.analyze.time.events import occasion_kind
from storytrace.date_words import WEEKDAY_IN_PROSE, WEEKDAYS, ZONE_IN_PROSE

__all__ = ["is_live_report", "resolve_said_on", "said_on"]

_DAY_VALUE: Final[re.Pattern[str]] = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_TIME_WORDS: Final = frozenset({"today", "yesterday", "tonight", "tomorrow", "earlier", "later"})
# Prepositions whose object is the occasion of the saying ("in a statement Friday", "at a rally Friday",
# "during Monday's hearing"); "after", "since" or "before" an event name another day than the saying's.
_OCCASION_PREPS: Final = frozenset({"in", "at", "during"})
# Participles that date a document by its making public: "a poll released Wednesday found", "a letter sent
# Friday warned". Others do not date what their noun says: "a man arrested Friday told police".
_PUBLISHED: Final = frozenset({"released", "published", "issued", "posted", "sent", "filed", "unveiled", "aired",
                               "broadcast", "circulated", "distributed", "delivered", "made"})
# Subordinators of a participle clause that put its time before or after the cue's ("After meeting Friday,
# he said"); without one ("Speaking Friday, he said") the clause is the saying's own scene.
_OTHER_TIME: Final = frozenset({"after", "before", "since", "until", "following"})
# How far up a cue's governing verbs are read: "responded Wednesday by saying" is two steps
# (saying -> by -> responded); farther up the verbs are another event's.
_GOVERNOR_STEPS: Final = 3
# A running live report: entries headed by a bare clock time on a line of their own ("6:05 p.m.", "14:05
# BST"), or the note that announces them ("The Latest on the race (all times EDT):", the wire's form, whose
# headings a scraped copy may lose). One heading alone may be a caption; two or more are a report's entries.
_ENTRY_HEADING: Final = re.compile(
    rf"^[ \t]*\d{{1,2}}(?:(?:[:.]\d\d)?[ \t]*(?i:a\.?m\.?|p\.?m\.?)|[:.]\d\d)(?:[ \t]+{ZONE_IN_PROSE})?[ \t.]*$",
    re.MULTILINE)
_LIVE_ENTRIES: Final = 2
# The zone may be spelled out: "(all times are Eastern Standard Time)".
_CLOCK_NOTE: Final = re.compile(rf"\((?i:all times)\s+(?:(?i:are)\s+)?(?:{ZONE_IN_PROSE}|(?i:local)|"
                                r"(?:Eastern|Central|Mountain|Pacific)(?: (?:Standard|Daylight))? Time)\)")
# Prepositions of a gerund that is the means of the verb it hangs on ("responded by saying"); "for accusing",
# "after saying" name another, earlier act.
_MEANS_PREPS: Final = frozenset({"by"})
_CALL: Final = frozenset({"call", "calls", "called", "calling"})  # "called on X to apologize": X's act
_FLOATING: Final = frozenset({"each", "both"})  # "each touting ...": the clause's subject, floated
_PAST_AUX: Final = frozenset({"was", "were", "did", "had", "has", "have", "'ve", "’ve"})
_DEICTIC_DAYS: Final = frozenset({"today", "yesterday"})
_PRESENT_AUX: Final = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re"})
# A day told by its place to a named event: "the day before the debate", "the night of the vote", "the eve of
# the summit". The offset is in days from the event's own day, which the article tells elsewhere.
_RELATIVE_NOUNS: Final = frozenset({"day", "night", "morning", "afternoon", "evening", "eve"})
_RELATIVE_PREPS: Final = {"before": -1, "after": 1, "of": 0}
# Prepositions that open a parenthetical time between commas right before a verb ("Clinton, at Monday's
# debate, cited"): it is the verb's, wherever the parse hangs it.
_PARENTHETICAL_PREPS: Final = _OCCASION_PREPS | {"on"}
# A speaker's own "tonight" or "this morning": said on the day of the article's news, as its lead tells it.
# "today" counts only on a past verb ("was ready to do it again today"): on a present one it is as often
# "nowadays" ("young people today want", "even today, the journey is not complete").
_SPEAKER_NOW: Final = re.compile(r"\b(?i:tonight|this (?:morning|afternoon|evening))\b")
# "later Friday", "earlier Friday" in what was reported: after or before the saying, on the saying's own day.
_SAME_DAY: Final = re.compile(rf"\b(?:later|earlier) (today|this (?:morning|afternoon|evening)|{WEEKDAY_IN_PROSE})\b")
# A speaker's "last night" is the night the article has named last before the quote ("Wednesday night"): the
# saying is the next day.
_NAMED_NIGHT: Final = re.compile(rf"\b({WEEKDAY_IN_PROSE}) night\b")
_LAST_NIGHT: Final = re.compile(r"\b(?i:last night)\b")
# Verbs that make a document whose participle says what it says: "approved a resolution Wednesday condemning".
_MADE: Final = frozenset({"approved", "adopted", "passed", "signed", "wrote", "penned", "drafted"})
# Subordinators of a clause at the same time as the saying: "As he shook hands Sunday afternoon, X reiterated".
_MEANWHILE: Final = frozenset({"as", "while"})
# Words that put a "when"-like clause right next to its head's time: "shortly after Trump said", "just before".
_CLOSE_BY: Final = frozenset({"shortly", "just", "moments", "minutes", "soon", "right", "immediately"})
# Sources made right after the event they report ("instant polls", "snap polls", "exit polls", "the post-debate
# analysis"): they speak on the event's own day.
_RIGHT_AFTER: Final = frozenset({"instant", "snap", "exit"})
# How many sentences from the top of an article make its lead (a headline, a dateline, the first sentence).
_LEAD_SENTENCES: Final = 3
# Events a speaker's "today" can name ("our decision today", "the ruling today"): a day's act, not "people today"
# or "Libya today" (nowadays).
_TODAY_EVENTS: Final = frozenset({"action", "actions", "decision", "decisions", "ruling", "vote", "votes", "order",
                                  "announcement", "verdict", "victory", "win", "results", "result", "agreement",
                                  "deal", "step", "move", "speech", "meeting", "hearing", "news", "election"})
# Cues of a view held ("said he expected", "said she believed"): stated in the saying that governs them.
_HELD: Final = frozenset({"expect", "believe", "think", "hope", "want", "fear", "doubt", "feel", "know", "agree"})
_SAYER_PRONOUNS: Final = frozenset({"he", "she", "they", "i", "we"})
# A clause that quotes the same words ("pledges to X, as she put it on Wednesday"): its day is the words' day.
_PUT: Final = frozenset({"put", "puts"})
# Verbs a simultaneous "as"-clause hangs on: "the disclosures on Tuesday came as the lawyers opposed".
_COME: Final = frozenset({"came", "come", "comes"})
# Words that make any "as"-clause simultaneous: "did not back down on Tuesday, even as advocates called for".
_SIMULTANEOUS: Final = frozenset({"even", "just"})
# Words that put a clause's act later than the verb it hangs on ("though he later added", "with X since saying").
_LATER: Final = frozenset({"later", "afterward", "afterwards", "since", "subsequently", "eventually"})
# The day right after a quote its cue opens: 'tweeted, "Thank you Ohio!" on Friday afternoon.' (a closing phrase).
_AFTER_QUOTE: Final = re.compile(rf"^[\s\"'”’]*,?\s*(?:on\s+)?((?:{WEEKDAY_IN_PROSE}|yesterday|today)"
                                 r"(?:\s+(?:morning|afternoon|evening|night))?)\s*[.,;]")
# A broadcast named with its weekday after a cue ("stated that ... on Friday's 'PBS NewsHour'", "slammed ... on
# Monday's installment of his radio show"): the show is where it was said, however deep the parse hangs it.
_ON_SHOW: Final = re.compile(rf"\bon ({WEEKDAY_IN_PROSE})['’]s (?:[\"“‘']|(?:broadcast|installment|episode|edition|"
                             r"show|program)\b|[A-Z])")
# Words that make the show one still to come ("will appear on Friday's 'Meet the Press'").
_PLANNED: Final = frozenset({"will", "'ll", "’ll", "would", "plans", "planned", "scheduled", "expected"})
# "that morning", "later that day", "the same night": the day the article named last before it.
_THAT_DAY: Final = re.compile(r"\b(?i:that|the same) (?:day|morning|afternoon|evening|night)\b")
# How many sentences back "that day" may reach for the day it points to: the paragraph before at most.
_ANAPHOR_SENTENCES: Final = 3
# Nouns of a message a verb delivers as it says it: "fired back a response saying", "carrying signs saying".
_MESSAGES: Final = frozenset({"response", "statement", "message", "letter", "tweet", "note", "email", "memo", "release",
                              "sign", "signs", "banner", "banners", "placard", "placards", "post", "text"})
# Verbs whose message was made earlier, by someone else: "received a letter Monday saying".
_RECEIVED: Final = frozenset({"received", "got", "obtained", "saw", "found", "reviewed", "cited", "read"})
# How far an occasion is looked for in the article, in sentences either side, when the saying's occasion carries no day
# ("during a campaign stop in Flint" ... "During the rally Monday"): the sentences next to it; a definite one ("at the
# press conference") may name an occasion the article dated anywhere before.
_COREFERENT_BEFORE, _COREFERENT_AFTER = 1, 1
_DEFINITE: Final = frozenset({"the", "this", "that", "his", "her", "their", "its", "our"})
# A speaker's deictic word and the offset from the day of the occasion it names to the day of the saying:
# "a press conference like what we saw yesterday", said the day after the conference.
_DEICTIC_OFFSET: Final = {"yesterday": 1, "today": 0, "tonight": 0}
# How many words apart the deictic word and the occasion it dates may stand in a quote.
_DEICTIC_REACH: Final = 8
# How many sentences either side of a quote are read for the day of a speaker's "tonight" when the lead names none
# ("'I didn't come here tonight,' he said. ... he offered promises Monday"): the next paragraph at most.
_NEARBY_SENTENCES: Final = 2


def resolve_said_on(modifier_text: str, anchor: date | None, past: bool = True) -> date | None:
    """The calendar day a day-level time expression names, relative to `anchor`.

    `past` says which way an ambiguous expression points: a statement that was made ("said
    Friday") is the most recent such day not after the anchor, an announced one ("will say
    Friday") the next one not before it. Returns None for vague or unknown expressions, and for
    relative ones without an anchor.
    """
    days = _days(modifier_text.strip(), anchor, past)
    return days[0] if days else None


def _days(text: str, anchor: date | None, past: bool) -> list[date]:
    """Every calendar day the day-level expressions of `text` name, in reading order."""
    found = []
    for timex in tag_timexes(text, anchor, tense="past" if past else "future"):
        match = _DAY_VALUE.match(timex.value)
        if match:
            try:
                found.append(date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
            except ValueError:
                continue
    return found


def is_live_report(text: str) -> bool:
    """Whether an article is a running report of one day: entries under clock-time headings."""
    return _CLOCK_NOTE.search(text) is not None or sum(1 for _ in _ENTRY_HEADING.finditer(text)) >= _LIVE_ENTRIES


def said_on(cue: Token, text: str, anchor: date | None, *, content: Span | None = None, quote: Span | None = None,
            by_writer: bool = False, live: bool = False) -> date | None:
    """The day the statement whose cue is `cue` was made (see the module docstring); None when unknown.

    `content` is what was said in the writer's words (an indirect statement): when it reports as past an event
    of the article's own day ("explosions that went off today"), it was said that day. `quote` is what was said
    in the speaker's own words (a direct statement): a speaker's "tonight" there puts the saying on the day of
    the article's news, the day its lead names ("Tuesday night's debate"). `by_writer` marks the
    writer's own statement (no source named, or "I"/"we"), `live` a statement of its own
    (not inside another's words) in an article that `is_live_report`: both are dated `anchor` when nothing in
    the sentence dates them and the writer speaks now ("seems", "is expected", "I know"; not "I said",
    "was announced", "I've suggested": the writer reporting an earlier saying).
    """
    if anchor is None:
        return None
    day = (_sentence_day(cue, text, anchor) or _colon_day(cue, text, anchor) or _right_after_day(cue, text, anchor)
           or _released_day(cue, text, anchor) or _source_day(cue, text, anchor))
    if day is None and quote is not None:
        day = _after_quote_day(cue, quote, text, anchor)
    if day is None:
        day = _show_day(cue, text, anchor) or _occasion_coreference_day(cue, text, anchor)
    if day is not None:
        return day
    same = _SAME_DAY.search(content.text) if content is not None else None
    if same is not None:
        day = resolve_said_on(same.group(1), anchor)
        if day is not None:
            return day
    day = _quoted_occasion_day(quote, text, anchor) if quote is not None else None
    if day is not None:
        return day
    if quote is not None and (_SPEAKER_NOW.search(quote.text) or _past_today(quote)):
        day = _lead_day(cue.doc, text, anchor, quote) or _nearby_day(quote, text, anchor)
        if day is not None:
            return day
    if quote is not None and _LAST_NIGHT.search(quote.text):
        # the night after which the article names it; else, as for "tonight", the day of the article's news
        day = (_after_named_night(text[:quote.start_char], anchor) or _lead_day(cue.doc, text, anchor, quote)
               or _nearby_day(quote, text, anchor))
        if day is not None:
            return day
    if content is not None and _reports_the_day(content, text, anchor):
        return anchor
    if _describes_the_days_event(cue, text, anchor):
        return anchor
    if (by_writer and _writer_now(cue)) or (live and _present_speech(cue)):
        return anchor
    if live and cue.tag_ == "VBD" and cues.cue_lemma(cue.lower_) in cues.SPEECH_LEMMAS and anchor in _days(
            cue.sent.text, anchor, True):
        return anchor  # a running report's past "declared 'What a Super Tuesday!'": told of its own day, on that day
    return None


def _sentence_day(cue: Token, text: str, anchor: date) -> date | None:
    token = cue
    for _ in range(_GOVERNOR_STEPS + 1):
        day = _own_day(token, text, anchor) or _scene_day(token, text, anchor)
        if day is not None:
            return day
        when = next((c for c in token.children if c.dep_ == "advmod" and c.lower_ == "when"), None)
        if when is not None:
            return _day_before_when(token, when, text, anchor)
        governor = _governor(token)
        if governor is None:
            return None
        token = governor
    return None


def _own_day(verb: Token, text: str, anchor: date) -> date | None:
    """"said Friday", "on Thursday denied", "told reporters yesterday", "said in a statement Friday"."""
    past = _is_past(verb)
    for child in _modifiers(verb):
        if _quoted(verb, child):
            continue
        phrase = _time_phrase(child, text)
        if phrase is not None:
            day = _anaphoric_day(child, phrase, text, anchor) if _THAT_DAY.search(phrase) else (
                resolve_said_on(phrase, anchor, past) or _relative_day(_phrase_noun(child), text, anchor))
            if day is not None:
                return day
        if child.dep_ == "prep" and child.lower_ in _OCCASION_PREPS:
            day = _occasion_day(child, text, anchor, past)
            if day is not None:
                return day
        if child.dep_ in ("dobj", "dative") and cues.cue_lemma(verb.lower_) in cues.ADDRESSING_LEMMAS:
            day = _audience_day(child, text, anchor, past)
            if day is not None:
                return day
        day = _close_by_day(child, text, anchor, past) or _same_words_day(child, text, anchor)
        if day is not None:
            return day
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and (following.lower_ in _TIME_WORDS or following.lower_ in WEEKDAYS) and not (
            following.i + 1 < len(verb.doc) and verb.doc[following.i + 1].tag_ == "POS"):  # "condemned Friday's test"
        return resolve_said_on(following.text, anchor, past)
    return (_parenthetical_day(verb, text, anchor, past) or _trailing_day(verb, text, anchor, past)
            or _clause_end_day(verb, text, anchor, past))


_DOUBLE_QUOTES: Final = frozenset({'"', "“", "”", "``", "''"})  # not "’", an apostrophe as often as a quote


def _quoted(verb: Token, child: Token) -> bool:
    """Whether a word after the verb stands inside the quotation it opens ('signs saying, "Jobs today, ..."'): its
    "today" is the speaker's, not the verb's time (an odd number of quotation marks between them)."""
    return child.i > verb.i and sum(1 for t in verb.doc[verb.i + 1:child.i] if t.text in _DOUBLE_QUOTES) % 2 == 1


def _anaphoric_day(child: Token, phrase: str, text: str, anchor: date) -> date | None:
    """"Later that day, X fired back", "But that morning, workers had amassed" (`phrase` holds "that day" or the
    like): the day the article named last before the phrase, in its own sentence or the few before it."""
    sentences = [sent for sent in child.doc.sents if sent.start <= child.i and any(t.is_alpha for t in sent)]
    start = sentences[max(0, len(sentences) - 1 - _ANAPHOR_SENTENCES)].start_char
    days = [day for day in _days(text[start:child.idx], anchor, True) if day <= anchor]
    return days[-1] if days else None


def _trailing_day(verb: Token, text: str, anchor: date, past: bool) -> date | None:
    """A day closing the verb's clause, hung by the parse on its object ("cited his endorsements from 88
    generals Tuesday"): news style puts the verb's day last. Not one inside a clause of its own ("said he
    will speak Tuesday"), nor a possessive ("Tuesday's vote")."""
    last = verb.right_edge
    while last.is_punct and last.i > verb.i:
        last = last.nbor(-1)
    if last.i <= verb.i or last.dep_ not in ("npadvmod", "tmod", "pobj") or _quoted(verb, last):
        return None
    if last.dep_ == "pobj" and last.head.lower_ != "on":
        return None
    token = last.head
    while token.i != verb.i:
        if token.tag_.startswith("VB") or token.head.i == token.i:
            return None
        token = token.head
    return resolve_said_on(subtree_text(last, text), anchor, past)


def _clause_end_day(verb: Token, text: str, anchor: date, past: bool) -> date | None:
    """A bare day closing the verb's own phrase before a comma or full stop, hung by the parse on its object
    ("defended his manager as a 'very decent man' Tuesday, hours after ..."): the verb's day, as in
    `_trailing_day`, when a clause follows. Not across another verb, nor under "after", "before" or "since"."""
    for token in verb.subtree:
        if token.i <= verb.i or token.dep_ not in ("npadvmod", "tmod") or token.i + 1 >= len(verb.doc) \
                or _quoted(verb, token):
            continue
        if not (token.lower_ in WEEKDAYS or token.lower_ in _DEICTIC_DAYS) or verb.doc[token.i + 1].text not in ",.;":
            continue
        step = token.head
        while step.i != verb.i and not step.tag_.startswith("VB") and step.lower_ not in _OTHER_TIME:
            step = step.head
        if step.i == verb.i:
            return resolve_said_on(token.text, anchor, past)
    return None


def _close_by_day(child: Token, text: str, anchor: date, past: bool) -> date | None:
    """"said, just prior to Trump's announcement Friday", "shortly after the vote Tuesday": an event right next to
    the saying shares its day."""
    if child.dep_ == "advmod" and child.lower_ == "prior":
        child = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "to"), child)
        close = any(c.lower_ in _CLOSE_BY for c in child.head.children)
    elif child.dep_ == "prep" and child.lower_ in ("after", "before"):
        close = any(c.lower_ in _CLOSE_BY for c in child.children)
    elif child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in child.children):
        # "Soon after she was booed Monday, he wrote": the clause's own day
        close = any(c.dep_ == "advmod" and c.lower_ in _CLOSE_BY for c in child.children)
        return _own_day(child, text, anchor) if close else None
    else:
        return None
    event = next((c for c in child.children if c.dep_ == "pobj"), None)
    if not close or event is None or not event.tag_.startswith("NN"):
        return None
    return _noun_day(event, text, anchor, past, participles=None, relative=False)


def _same_words_day(child: Token, text: str, anchor: date) -> date | None:
    """"pledges to 'make sure ...,' as she put it on Wednesday", "as he said Friday": the clause dates the words."""
    if child.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in child.children):
        return None
    if child.lower_ not in _PUT and cues.cue_lemma(child.lower_) not in cues.SPEECH_LEMMAS:
        return None
    return _own_day(child, text, anchor)


def _audience_day(addressee: Token, text: str, anchor: date, past: bool) -> date | None:
    """"told Monday's crowd", "told his audience of Monday": an audience of a day was addressed that day. Only a
    weekday or "today"/"yesterday": "the heroes of Sept. 11" names an anniversary, not an audience."""
    for child in addressee.children:
        word = child if child.dep_ == "poss" else _phrase_noun(child) if child.dep_ == "prep" and child.lower_ == "of" else None
        bare = word is not None and all(c.dep_ == "case" for c in word.children)  # "Monday's", not "Monday night's"
        if word is not None and bare and (word.lower_ in WEEKDAYS or word.lower_ in _DEICTIC_DAYS):
            return resolve_said_on(word.text, anchor, past)
    return None


def _modifiers(verb: Token) -> list[Token]:
    """The verb's dependents, and those of a degree word on it: in "said as much in an interview Thursday" the
    parse hangs the interview and its day on "much", but they are the saying's."""
    found = []
    for child in verb.children:
        found.append(child)
        if child.dep_ == "advmod" and child.lower_ not in _TIME_WORDS:
            found.extend(c for c in child.children if c.dep_ in ("prep", "npadvmod", "tmod"))
    return found


def _phrase_noun(child: Token) -> Token | None:
    """The noun of a time phrase: the phrase itself ("the day before the debate"), or a preposition's object."""
    if child.dep_ == "prep":
        return next((c for c in child.children if c.dep_ == "pobj"), None)
    return child


def _relative_day(noun: Token | None, text: str, anchor: date) -> date | None:
    """"the day before the debate", "the night of the vote", "the eve of the summit": the named event's day, as
    the article tells it elsewhere, moved by the preposition's offset."""
    if noun is None or noun.lower_ not in _RELATIVE_NOUNS:
        return None
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in _RELATIVE_PREPS:
            continue
        event = next((c for c in prep.children if c.dep_ == "pobj" and c.tag_.startswith("NN")), None)
        day = _event_day(event, text, anchor) if event is not None else None
        if day is not None:
            return day + timedelta(days=-1 if noun.lower_ == "eve" else _RELATIVE_PREPS[prep.lower_])
    return None


def _event_day(event: Token, text: str, anchor: date) -> date | None:
    """The day of a named event as another mention of it in the article tells it ("the first debate Monday
    night", "Monday's debate"): the nearest mention that carries a day."""
    mentions = sorted((t for t in event.doc if t.i != event.i and t.lower_ == event.lower_ and t.tag_.startswith("NN")),
                      key=lambda t: abs(t.i - event.i))  # the same word (the pipeline has no lemmatizer)
    for mention in mentions:
        day = _noun_day(mention, text, anchor, True, participles=None, relative=False) or _setting_day(mention, text, anchor)
        if day is not None:
            return day
    return None


def _setting_day(occasion: Token, text: str, anchor: date) -> date | None:
    """"attacked him during the forum Tuesday night": what was done at an occasion shares its day."""
    prep = occasion.head
    if occasion.dep_ != "pobj" or prep.lower_ not in _OCCASION_PREPS or not prep.head.tag_.startswith("VB"):
        return None
    for child in prep.head.children:
        phrase = _time_phrase(child, text)
        day = resolve_said_on(phrase, anchor) if phrase is not None else None
        if day is not None:
            return day
    return None


def _parenthetical_day(verb: Token, text: str, anchor: date, past: bool) -> date | None:
    """A time set off by commas just before the verb ("Clinton, at Monday's debate, cited", "X, on Friday,
    said"): it is the verb's, though the parse may hang it on an earlier one."""
    doc, close = verb.doc, verb.i - 1
    if close <= verb.sent.start or doc[close].text != ",":
        return None
    opening = next((i for i in range(close - 1, verb.sent.start - 1, -1) if doc[i].text == ","), None)
    if opening is None:
        return None
    prep = doc[opening + 1]
    if prep.dep_ != "prep" or prep.lower_ not in _PARENTHETICAL_PREPS or prep.right_edge.i != close - 1:
        return None
    if prep.lower_ == "on":
        phrase = _time_phrase(prep, text)
        return resolve_said_on(phrase, anchor, past) if phrase is not None else None
    return _occasion_day(prep, text, anchor, past)


def _time_phrase(child: Token, text: str) -> str | None:
    if child.dep_ in ("npadvmod", "tmod") or (child.dep_ == "advmod" and child.lower_ in _TIME_WORDS):
        return subtree_text(child, text)
    if child.dep_ == "prep" and child.lower_ == "on":
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        return subtree_text(pobj, text) if pobj is not None else None
    return None


def _occasion_day(prep: Token, text: str, anchor: date, past: bool) -> date | None:
    """The day of the occasion a preposition names: "in a statement Friday", "at Monday's rally", "in a
    message posted Friday"."""
    occasion = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if occasion is None:
        return None
    return _noun_day(occasion, text, anchor, past, participles=None)


def _occasion_coreference_day(cue: Token, text: str, anchor: date) -> date | None:
    """When nothing in the sentence dates the saying: the occasion it was said in ("during a campaign stop in
    Flint"), on the cue or the verbs it belongs to, dated by another mention of that occasion."""
    token: Token | None = cue
    for _ in range(_GOVERNOR_STEPS + 1):
        if token is None:
            return None
        for prep in token.subtree:
            if prep.dep_ != "prep" or prep.lower_ not in _OCCASION_PREPS or not _in_own_clause(prep, token):
                continue
            occasion = _phrase_noun(prep)
            day = _coreferent_day(occasion, text, anchor) if occasion is not None else None
            if day is not None:
                return day
        token = _governor(token)
    return None


def _in_own_clause(word: Token, verb: Token) -> bool:
    """Whether `word` hangs on `verb` through no other verb ("criticized it as a system during a stop"), not inside
    a clause of its own ("said he will speak at a rally")."""
    step = word.head
    while step.i != verb.i:
        if step.tag_.startswith("VB") or step.head.i == step.i:
            return False
        step = step.head
    return True


def _coreferent_day(occasion: Token, text: str, anchor: date) -> date | None:
    """The day of an occasion the article names, with its day, in another mention of the same kind: "during a campaign
    stop in Flint" and "During the rally Monday" of the next sentence, "at the press conference" and the lead's "a
    press conference on Monday". The nearest such mention with a day, in the sentences next to it (a definite
    occasion: also anywhere before); none after the article's day."""
    kind = occasion_kind(occasion.lower_)
    if kind is None:
        return None
    sentences = [sent for sent in occasion.doc.sents if any(t.is_alpha for t in sent)]  # not a paragraph break
    at = next(i for i, sent in enumerate(sentences) if sent.start <= occasion.i < sent.end)
    definite = any(c.dep_ in ("det", "poss") and (c.lower_ in _DEFINITE or c.dep_ == "poss") for c in occasion.children)
    first = 0 if definite else max(0, at - _COREFERENT_BEFORE)
    window = [t for i, sent in enumerate(sentences[first:at + _COREFERENT_AFTER + 1], start=first) if i != at for t in sent]
    # not its own sentence (a day there is another's), nor another named person's occasion ("In his speech, Obama said"
    # and "During a speech Monday, Trump attacked")
    return _kind_day(occasion, kind, window, text, anchor, actor=_names(_actor(occasion)))


def _kind_day(mention: Token, kind: str, window: list[Token], text: str, anchor: date,
              actor: frozenset[str] = frozenset()) -> date | None:
    """The day of the nearest other mention in `window` of an occasion of `kind` that carries one; with `actor` (the
    names of whoever held `mention`), not an occasion another named person held."""
    others = sorted((t for t in window if t.i != mention.i and t.tag_.startswith("NN") and occasion_kind(t.lower_) == kind),
                    key=lambda t: abs(t.i - mention.i))
    for other in others:
        names = _names(_actor(other))
        if actor and names and not actor & names:
            continue
        day = (_noun_day(other, text, anchor, True, participles=None, relative=False) or _setting_day(other, text, anchor)
               or _held_day(other, text, anchor))
        if day is not None and day <= anchor:
            return day
    return None


_PROPER: Final = frozenset({"NNP", "NNPS"})  # the pipeline tags but does not map coarse parts of speech


def _actor(occasion: Token) -> Token | None:
    """Who held an occasion: its possessor ("Trump's rally"), else the subject of the verb it belongs to ("During the
    rally Monday, the former president said", "Trump held a rally"), up through coordinated verbs."""
    owner = next((c for c in occasion.children if c.dep_ == "poss"), None)
    if owner is not None and owner.tag_ in _PROPER:
        return owner
    verb = occasion.head.head if occasion.dep_ == "pobj" else occasion.head
    for _ in range(_GOVERNOR_STEPS):
        if not verb.tag_.startswith("VB"):
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _names(word: Token | None) -> frozenset[str]:
    """The proper names in a phrase ("Former President Bill Clinton": bill, clinton, president), lower-cased; none for
    a pronoun or a description ("the former president"), which may be anyone's."""
    if word is None:
        return frozenset()
    return frozenset(t.lower_ for t in word.subtree if t.tag_ in _PROPER)


def _held_day(occasion: Token, text: str, anchor: date) -> date | None:
    """"held a news conference on Tuesday", "gave a speech Monday", "Monday's rally was held": an occasion that is what
    its verb does takes the verb's own time."""
    if occasion.dep_ not in ("dobj", "nsubjpass") or not occasion.head.tag_.startswith("VB"):
        return None
    for child in occasion.head.children:
        phrase = _time_phrase(child, text)
        day = resolve_said_on(phrase, anchor) if phrase is not None else None
        if day is not None:
            return day
    return None


def _noun_day(noun: Token, text: str, anchor: date, past: bool, participles: frozenset[str] | None, *,
              relative: bool = True) -> date | None:
    """The day on a noun itself: "a statement Friday", "a rally on Friday", "Monday's debate", and "a message
    posted Friday" (any participle, or only those in `participles`). An occasion (`participles` None) is also
    dated by the day before it: "a Friday evening rally"; a speaker is not ("the Sept. 11 commission").
    `relative` reads a day told by an event ("a column in the day before the debate")."""
    for child in noun.children:
        phrase = _time_phrase(child, text)
        if phrase is None and (child.dep_ == "poss" or (child.dep_ == "compound" and participles is None)):
            phrase = subtree_text(child, text)
        if phrase is not None:
            day = resolve_said_on(phrase, anchor, past)
            if day is not None:
                return day
        if participles is None and child.dep_ == "prep" and child.lower_ == "of":
            day = _weekday_event_day(_phrase_noun(child), text, anchor, past)
            if day is not None:
                return day
        if relative and child.dep_ in ("prep", "npadvmod", "tmod") and child.lower_ in ("in", "on", *_RELATIVE_NOUNS):
            day = _relative_day(_phrase_noun(child), text, anchor)
            if day is not None:
                return day
        if child.dep_ in ("acl", "relcl") and child.tag_ == "VBN" and (participles is None or child.lower_ in participles):
            day = _own_day(child, text, anchor)
            if day is not None:
                return day
    return None


def _weekday_event_day(event: Token | None, text: str, anchor: date, past: bool) -> date | None:
    """The day of an occasion's event, "in his opening statement of Thursday night's debate": the event's own weekday
    or "today"/"yesterday" only; a date ("a memorial of the Sept. 11 attacks") names an anniversary."""
    if event is None:
        return None
    for child in event.children:
        if child.dep_ in ("poss", "compound") and any(t.lower_ in WEEKDAYS or t.lower_ in _DEICTIC_DAYS
                                                      for t in child.subtree):
            return resolve_said_on(subtree_text(child, text), anchor, past)
    return None


def _scene_day(verb: Token, text: str, anchor: date) -> date | None:
    """The day of what sets the scene of a saying: a participle clause on it ("Speaking at a rally Friday, X
    said", "Asked Friday about the plan, X said") or the document that says it ("A poll released Wednesday
    found")."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.tag_ in ("VBG", "VBN") and not _has_subject(child) and not any(
                c.dep_ in ("mark", "prep", "advmod") and c.lower_ in _OTHER_TIME and c.i < child.i for c in child.children):
            day = _own_day(child, text, anchor)
            if day is not None:
                return day
        if child.dep_ == "advcl" and child.i < verb.i and any(
                c.dep_ == "mark" and c.lower_ in _MEANWHILE for c in child.children):
            day = _own_day(child, text, anchor)  # "As he shook hands Sunday afternoon, X reiterated": meanwhile
            if day is not None:
                return day
        if child.dep_ in ("nsubj", "nsubjpass") and verb.lower_ not in cues.RAISING_FORMS:
            day = _noun_day(child, text, anchor, _is_past(verb), participles=_PUBLISHED)
            if day is not None:
                return day
    return None


def _governor(token: Token) -> Token | None:
    """The verb a non-finite cue's saying is part of: "spoke ..., promising" (advcl), "responded by saying"
    (pcomp), "went on Friday to say" (xcomp), "touting ... and saying" (conj); a "when"-clause's head; the first
    of two past verbs sharing a subject ("announced on Friday ... and said"); None for another finite cue, whose
    verbs above report another saying ("She said Friday that he told her")."""
    if token.dep_ in ("advcl", "relcl") and any(c.dep_ == "advmod" and c.lower_ == "when" for c in token.children):
        return token.head
    head = token.head
    if token.dep_ == "advcl" and head.tag_.startswith("VB") and any(
            c.dep_ == "mark" and c.lower_ in ("after", "before") for c in token.children) and any(
            c.dep_ in ("advmod", "npadvmod") and c.lower_ in _CLOSE_BY for c in token.children):
        return head  # "held a press conference Friday, shortly after Trump said": the same day
    if token.dep_ == "conj" and token.tag_ == "VBD" and head.tag_ == "VBD" and not _has_subject(token):
        return head  # "announced on Friday the arrest and said ...": one subject's coordinated acts
    if token.dep_ == "advcl" and head.lower_ in _COME and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return head  # "the disclosures on Tuesday came as the lawyers opposed": at the same time
    if _held_in_saying(token):
        return head  # "said Sunday he expected": the view is stated in that saying
    if any(c.lower_ in _LATER for c in token.children):
        return None  # "though he later added": another, later occasion
    if token.dep_ == "acl" and token.tag_ == "VBG" and head.dep_ == "dobj" and head.head.lower_ in _PUBLISHED | _MADE:
        return head.head  # "approved a resolution Wednesday condemning": the document says it as it is made
    if token.dep_ == "acl" and token.tag_ == "VBG" and head.dep_ == "dobj" and head.lower_ in _MESSAGES \
            and head.head.tag_.startswith("VB") and head.head.lower_ not in _RECEIVED:
        return head.head  # "fired back a response saying", "carrying signs saying": the message says it as it goes out
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and head.lower_ == "with" and head.head.tag_.startswith("VB"):
        return head.head  # "kicked a protester on Saturday, with Trump yelling": the scene of the verb it hangs on
    if token.tag_ == "VBG" and token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "with" for c in token.children):
        return head if head.tag_.startswith("VB") else None  # the same, parsed as a clause with "with" for its mark
    if token.dep_ == "advcl" and token.tag_ == "VBD" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children) \
            and any(c.dep_ == "advmod" and c.lower_ in _SIMULTANEOUS for c in token.children):
        return head  # "did not back down on Tuesday, even as advocates called for": at the same time
    if cues.cue_lemma(token.lower_) == "add" and token.dep_ in ("advcl", "conj") and head.tag_.startswith("VB") and all(
            c.lower_ in _SAYER_PRONOUNS for c in token.children if c.dep_ == "nsubj"):
        return head  # "criticized the media in his Sunday interviews, though he added": the same saying, continued
    if _has_subject(token) or token.tag_ not in ("VBG", "VBN", "VB"):
        return None
    if token.dep_ == "conj" and (head.tag_ == token.tag_ or (token.tag_ == "VBG" and head.tag_.startswith("VB"))):
        return head  # "touting X and saying Y": one act with its first participle; "poked ..., tweeting" misparsed
    if token.dep_ == "advcl" or (token.dep_ == "xcomp" and not _controls_object(head)):
        return head if head.tag_.startswith("VB") else None
    if token.dep_ == "pcomp" and head.lower_ in _MEANS_PREPS and head.dep_ == "prep" and head.head.tag_.startswith("VB"):
        return head.head
    return None


def _held_in_saying(cue: Token) -> bool:
    """"Obama said Sunday he expected that ...": a view held (not an act of another) stated by a pronoun subject in
    a saying's complement is that saying's; "She said he told her" is another saying, earlier."""
    if cue.dep_ != "ccomp" or cues.cue_lemma(cue.lower_) not in _HELD:
        return False
    head_lemma = cues.cue_lemma(cue.head.lower_)
    if head_lemma is None or head_lemma not in cues.SPEECH_LEMMAS or head_lemma in _HELD:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _SAYER_PRONOUNS for c in cue.children)


def _controls_object(verb: Token) -> bool:
    """"urged X to say", "called on X to apologize": the infinitive is X's act, later than the verb's."""
    return verb.lower_ in _CALL or any(c.dep_ in ("dobj", "dative") for c in verb.children)


def _day_before_when(clause: Token, when: Token, text: str, anchor: date) -> date | None:
    """"since Monday night's debate, when X cited", "on Friday, when she said": the "when" takes the day its
    sentence named last before it (read from the words: the parse often hangs such a clause on the wrong word)."""
    start = clause.sent.start_char
    if when.idx <= start:
        return None
    days = _days(text[start:when.idx], anchor, _is_past(clause))
    return days[-1] if days else None


def _released_day(cue: Token, text: str, anchor: date) -> date | None:
    """"the Times published on Sunday portions of the returns that showed ...": what a document shows is dated by
    its release, as "a poll released Friday shows" is."""
    if cue.dep_ != "relcl":
        return None
    token = cue.head
    while token.dep_ in ("pobj", "prep", "dobj") and not token.tag_.startswith("VB"):
        token = token.head
    return _own_day(token, text, anchor) if token.tag_.startswith("VB") and token.lower_ in _PUBLISHED else None


def _source_day(cue: Token, text: str, anchor: date) -> date | None:
    """"according to a report Tuesday", "according to figures released Thursday": a document speaks on the day
    it was made public, as "a poll released Friday shows" does."""
    if cue.lower_ != cues.ACCORDING_TO[0]:
        return None
    to = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == cues.ACCORDING_TO[1]), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None or not source.tag_.startswith("NN"):
        return None
    return _noun_day(source, text, anchor, True, participles=_PUBLISHED, relative=False)


def _right_after_day(cue: Token, text: str, anchor: date) -> date | None:
    """"Instant polls showed X won Monday's debate", "according to the post-debate analysis": a source made
    right after an event speaks on its day, the day of the event its sentence names."""
    source = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    to = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    if source is None and to is not None:
        source = next((c for c in to.children if c.dep_ == "pobj"), None)  # "according to the analysis"
    if source is None or not any(c.lower_ in _RIGHT_AFTER or (c.lower_ == "post" and c.i + 1 < len(c.doc) and
                                                              c.nbor().text == "-") for c in source.children):
        return None
    for noun in cue.sent:
        if noun.tag_.startswith("NN") and noun.i != source.i:
            day = _noun_day(noun, text, anchor, True, participles=None, relative=False)
            if day is not None:
                return day
    return None


def _colon_day(cue: Token, text: str, anchor: date) -> date | None:
    """"another round of fireworks on Friday: Republicans said ...": what a colon opens tells of the event its
    clause names, on that clause's day. Not a quotation the colon opens (the words are someone's own), nor a
    heading with no verb ("Update:"), nor a saying before the colon ("X said Friday: Y said" is X's account)."""
    sent = cue.sent
    colon = next((t for t in reversed(cue.doc[sent.start:cue.i]) if t.text == ":"), None)
    if colon is None or colon.i + 1 >= sent.end or colon.nbor().is_quote:
        return None
    before = cue.doc[sent.start:colon.i]
    if not any(t.tag_.startswith("VB") and _has_subject(t) for t in before) or any(
            t.tag_.startswith("VB") and cues.is_cue_form(t.lower_) for t in before):
        return None
    days = _days(before.text, anchor, _is_past(cue))
    return days[-1] if days else None


def _after_named_night(before: str, anchor: date) -> date | None:
    """The day after the night the article named last before a quote ("Wednesday night"): when the speaker's
    "last night" was said."""
    nights = list(_NAMED_NIGHT.finditer(before))
    night = resolve_said_on(nights[-1].group(1), anchor) if nights else None
    return night + timedelta(days=1) if night is not None and night < anchor else None


def _quoted_occasion_day(quote: Span, text: str, anchor: date) -> date | None:
    """A speaker's "yesterday", "today" or "last night" on an occasion the article dates elsewhere: "a press conference
    like what we saw yesterday", said the day after the news conference the article puts on Tuesday."""
    for token in quote:
        offset = _DEICTIC_OFFSET.get(token.lower_)
        if offset is None and token.lower_ == "night" and token.i > quote.start and token.nbor(-1).lower_ == "last":
            offset = 1
        if offset is None:
            continue
        occasions = sorted((t for t in quote if t.tag_.startswith("NN") and occasion_kind(t.lower_) is not None
                            and abs(t.i - token.i) <= _DEICTIC_REACH), key=lambda t: abs(t.i - token.i))
        outside = [t for t in quote.doc if not quote.start <= t.i < quote.end]
        for occasion in occasions:
            day = _kind_day(occasion, occasion_kind(occasion.lower_) or "", outside, text, anchor)
            if day is not None and day + timedelta(days=offset) <= anchor:
                return day + timedelta(days=offset)
    return None


def _past_today(quote: Span) -> bool:
    """A speaker's "today" on a past verb ("he was ready to do it again today") or on a day's act ("our decision
    today"), not "even today, it is" or "young people today"."""
    for token in quote:
        if token.lower_ != "today" or token.dep_ not in ("npadvmod", "advmod", "tmod"):
            continue
        if any(c.lower_ in ("even", "still") for c in token.children):
            continue
        if token.head.lower_ in _TODAY_EVENTS:
            return True  # "our decision today", "the ruling today": the day's act
        verb = token.head
        while verb.dep_ in ("xcomp", "acomp") and verb.head.i != verb.i:
            verb = verb.head  # "was ready to do it today": the finite verb above
        if verb.tag_ == "VBD":
            return True
    return False


def _lead_day(doc: Doc, text: str, anchor: date, quote: Span | None = None) -> date | None:
    """The day of the article's news as its lead names it: the first day-level expression in its first
    sentences ("was the winner of Tuesday night's debate"), read as past; not in the quote being dated, whose
    own "tonight" it is to date."""
    for sent in list(doc.sents)[:_LEAD_SENTENCES]:
        if quote is not None and sent.start_char < quote.end_char and quote.start_char < sent.end_char:
            continue
        days = _days(text[sent.start_char:sent.end_char], anchor, True)
        if days:
            return days[0]
    return None


def _nearby_day(quote: Span, text: str, anchor: date) -> date | None:
    """The day named nearest a quote, in the sentences just before or after it ("'I didn't come here tonight,'
    he said. ... he offered promises Monday"): where the lead names no day, the reader takes the speaker's
    "tonight" from there. The sentence before comes first at equal distance; no day past the anchor."""
    sentences = [sent for sent in quote.doc.sents if any(t.is_alpha for t in sent)]  # not a paragraph break
    inside = [i for i, sent in enumerate(sentences) if sent.start_char < quote.end_char and quote.start_char < sent.end_char]
    if not inside:
        return None
    for distance in range(1, _NEARBY_SENTENCES + 1):
        for at, pick in ((inside[0] - distance, -1), (inside[-1] + distance, 0)):
            if 0 <= at < len(sentences):
                days = [d for d in _days(sentences[at].text, anchor, True) if d <= anchor]
                if days:
                    return days[pick]
    return None


def _after_quote_day(cue: Token, quote: Span, text: str, anchor: date) -> date | None:
    """'tweeted, "Thank you Ohio!" on Friday afternoon.': a day closing the sentence right after a quote its cue
    opens is the cue's, wherever the parse (often broken at the quote's "!") hangs it."""
    if cue.i >= quote.start:
        return None
    match = _AFTER_QUOTE.match(text[quote.end_char:quote.end_char + 80])
    return resolve_said_on(match.group(1), anchor, _is_past(cue)) if match else None


def _show_day(cue: Token, text: str, anchor: date) -> date | None:
    """"stated that the debate was ... on Friday's 'PBS NewsHour'", "During an interview broadcast on Wednesday's 'MSNBC
    Live,' X stated": a past saying and a broadcast of a weekday in its sentence, with nothing before it that puts the
    show ahead; the parse often hangs the show on the content, or deep in the occasion."""
    if cue.tag_ != "VBD":
        return None
    start = cue.sent.start_char
    rest = _sentence_rest(text, start)
    show = _ON_SHOW.search(rest)
    if show is None:
        return None
    at = start + show.start()
    if any(t.lower_ in _PLANNED for t in cue.doc[cue.sent.start:] if t.idx < at):
        return None
    return resolve_said_on(show.group(1), anchor)


def _sentence_rest(text: str, start: int) -> str:
    """The text from `start` to its sentence's end as a reader sees it: a full stop inside a quotation ("did well,
    because it was a substantive debate. It was more uplifting") does not end the sentence, as the parse may."""
    open_quote = False
    for at in range(start, len(text)):
        char = text[at]
        if char == "\n":
            return text[start:at]
        if char in "“”\"":
            open_quote = char == "“" or (char == '"' and not open_quote)
        elif char in ".!?" and not open_quote and (at + 1 == len(text) or text[at + 1].isspace()):
            return text[start:at + 1]
    return text[start:]


def _reports_the_day(content: Span, text: str, anchor: date) -> bool:
    """Whether the content tells of a past event on the anchor day itself ("went off today", "called on Friday" in
    Friday's paper): the saying came after it and before the article, so on that day. An expression that points
    back or ahead by tense ("Friday" read as last week's) or an event still to come does not count."""
    for timex in tag_timexes(content.text, anchor, tense="past"):
        if _DAY_VALUE.match(timex.value) is None or timex.value[:10] != anchor.isoformat():
            continue
        if resolve_said_on(timex.text, anchor, past=False) != anchor:
            continue  # "Dec. 28" or "last Friday": names the anchor only when read as past
        at = content.doc.char_span(content.start_char + timex.start, content.start_char + timex.end,
                                   alignment_mode="expand")
        verb = _clause_verb(at.root) if at is not None and len(at) else None
        if verb is not None and _past_form(verb):
            return True
    return False


def _describes_the_days_event(cue: Token, text: str, anchor: date) -> bool:
    """"were injured tonight by an explosion that the mayor described as ...", "disclosed them Friday to the AP,
    which first reported the story" in Friday's paper: a relative clause's saying about a thing of an event
    that happened on the article's own day came after it and before the article, so on that day."""
    if cue.dep_ != "relcl" or not _past_form(cue):
        return False
    verb = _clause_verb(cue.head)
    while verb is not None:
        if _past_form(verb) and _own_day(verb, text, anchor) == anchor:
            return True
        verb = verb.head if verb.dep_ == "conj" and verb.head.tag_.startswith("VB") else None
    return False


def _clause_verb(token: Token) -> Token | None:
    while not token.tag_.startswith("VB") and token.head.i != token.i:
        token = token.head
    return token if token.tag_.startswith("VB") else None


def _past_form(verb: Token) -> bool:
    """"went off", "was shot", "had called": a verb of what happened, not "will", "would" or a plan."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("will", "'ll", "would", "'d", "shall", "to") for a in auxiliaries):
        return False
    if verb.tag_ == "VBG":
        return any(a in ("was", "were") for a in auxiliaries)  # "was refusing": going on then
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a in _PAST_AUX for a in auxiliaries))


def _has_subject(verb: Token) -> bool:
    """A subject of its own; "each" or "both" ("each touting ...") only repeats the clause's subject."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ not in _FLOATING for c in verb.children)


def _is_past(verb: Token) -> bool:
    """Whether a verb reports what was (not "will say", "'ll announce")."""
    return not any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in verb.children)


def _writer_now(cue: Token) -> bool:
    """Whether the writer's own statement is made as the article is written: a hedge ("seemed", "appeared",
    "reportedly"), a present ("I know", "is expected", "is not thought"), not a past saying or belief ("I
    said", "we asked", "I didn't expect", "was announced", "I've suggested")."""
    if cue.lower_ in cues.RAISING_FORMS or cue.lower_ in cues.HEARSAY_ADVERBS:
        return True
    if cue.tag_ == "VBD":
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PAST_AUX for c in cue.children)


def _present_speech(cue: Token) -> bool:
    """"says", "tells", "is telling": a verb of speech in the present tense; "according to" a source on a present
    verb ("according to exit polls, voters make up")."""
    if cue.lower_ == cues.ACCORDING_TO[0]:
        return cue.head.tag_ in ("VBZ", "VBP")
    if cues.cue_lemma(cue.lower_) not in cues.SPEECH_LEMMAS:
        return False
    if cue.tag_ in ("VBZ", "VBP"):
        return True
    return cue.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in _PRESENT_AUX for c in cue.children)
