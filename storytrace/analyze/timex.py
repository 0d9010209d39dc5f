"""The day a statement was made (`Statement.said_on`), as a careful reader dates it.

In order: the cue's own time ("said Friday", "on Thursday denied", "told reporters yesterday"); the phrase
or clause that sets the cue's scene ("In a message posted Friday, X said", "At a rally Friday, X
questioned", "Speaking Friday, X said"); the verb a participle or "when"-clause cue hangs on ("spoke
Thursday ..., promising", "responded Wednesday by saying", "since Monday night's debate, when X cited").
When nothing in the sentence dates it, the article's own day dates only what is said on it: the writer's
own statements, and a present-tense "says" in a running live report (entries under clock-time headings,
written through the day). Elsewhere a present-tense "says" is a standing position or an interview of
unknown date (a profile's "he says", "experts say"), and stays undated.

Day expressions are resolved by the time tagger in `storytrace.analyze.time`; only day-level results
count: vague expressions ("last week", "recently") give None rather than a guess.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from spacy.tokens import Span, Token

from storytrace.analyze import cues
from storytrace.analyze.clauses import subtree_text
from storytrace.analyze.time import tag_timexes
from storytrace.date_words import WEEKDAYS, ZONE_IN_PROSE

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
_CLOCK_NOTE: Final = re.compile(rf"\((?i:all times)\s+(?:{ZONE_IN_PROSE}|(?i:local))\)")
# Prepositions of a gerund that is the means of the verb it hangs on ("responded by saying"); "for accusing",
# "after saying" name another, earlier act.
_MEANS_PREPS: Final = frozenset({"by"})
_CALL: Final = frozenset({"call", "calls", "called", "calling"})  # "called on X to apologize": X's act
_FLOATING: Final = frozenset({"each", "both"})  # "each touting ...": the clause's subject, floated
_PAST_AUX: Final = frozenset({"was", "were", "did", "had", "has", "have", "'ve", "’ve"})
_PRESENT_AUX: Final = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re"})


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


def said_on(cue: Token, text: str, anchor: date | None, *, content: Span | None = None, by_writer: bool = False,
            live: bool = False) -> date | None:
    """The day the statement whose cue is `cue` was made (see the module docstring); None when unknown.

    `content` is what was said in the writer's words (an indirect statement): when it reports as past an event
    of the article's own day ("explosions that went off today"), it was said that day. `by_writer` marks the
    writer's own statement (no source named, or "I"/"we"), `live` a statement of its own
    (not inside another's words) in an article that `is_live_report`: both are dated `anchor` when nothing in
    the sentence dates them and the writer speaks now ("seems", "is expected", "I know"; not "I said",
    "was announced", "I've suggested": the writer reporting an earlier saying).
    """
    if anchor is None:
        return None
    day = _sentence_day(cue, text, anchor)
    if day is not None:
        return day
    if content is not None and _reports_the_day(content, text, anchor):
        return anchor
    if (by_writer and _writer_now(cue)) or (live and _present_speech(cue)):
        return anchor
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
    for child in verb.children:
        phrase = _time_phrase(child, text)
        if phrase is not None:
            day = resolve_said_on(phrase, anchor, past)
            if day is not None:
                return day
        if child.dep_ == "prep" and child.lower_ in _OCCASION_PREPS:
            day = _occasion_day(child, text, anchor, past)
            if day is not None:
                return day
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and (following.lower_ in _TIME_WORDS or following.lower_ in WEEKDAYS) and not (
            following.i + 1 < len(verb.doc) and verb.doc[following.i + 1].tag_ == "POS"):  # "condemned Friday's test"
        return resolve_said_on(following.text, anchor, past)
    return None


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


def _noun_day(noun: Token, text: str, anchor: date, past: bool, participles: frozenset[str] | None) -> date | None:
    """The day on a noun itself: "a statement Friday", "a rally on Friday", "Monday's debate", and "a message
    posted Friday" (any participle, or only those in `participles`). An occasion (`participles` None) is also
    dated by the day before it: "a Friday evening rally"; a speaker is not ("the Sept. 11 commission")."""
    for child in noun.children:
        phrase = _time_phrase(child, text)
        if phrase is None and (child.dep_ == "poss" or (child.dep_ == "compound" and participles is None)):
            phrase = subtree_text(child, text)
        if phrase is not None:
            day = resolve_said_on(phrase, anchor, past)
            if day is not None:
                return day
        if child.dep_ == "acl" and child.tag_ == "VBN" and (participles is None or child.lower_ in participles):
            day = _own_day(child, text, anchor)
            if day is not None:
                return day
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
        if child.dep_ in ("nsubj", "nsubjpass"):
            day = _noun_day(child, text, anchor, _is_past(verb), participles=_PUBLISHED)
            if day is not None:
                return day
    return None


def _governor(token: Token) -> Token | None:
    """The verb a non-finite cue's saying is part of: "spoke ..., promising" (advcl), "responded by saying"
    (pcomp), "went on Friday to say" (xcomp), "touting ... and saying" (conj); a "when"-clause's head; None
    for a finite cue, whose verbs above report another saying ("She said Friday that he told her")."""
    if token.dep_ in ("advcl", "relcl") and any(c.dep_ == "advmod" and c.lower_ == "when" for c in token.children):
        return token.head
    if _has_subject(token) or token.tag_ not in ("VBG", "VBN", "VB"):
        return None
    head = token.head
    if token.dep_ == "conj" and head.tag_ == token.tag_:
        return head  # "touting X and saying Y": one act with its first participle
    if token.dep_ == "advcl" or (token.dep_ == "xcomp" and not _controls_object(head)):
        return head if head.tag_.startswith("VB") else None
    if token.dep_ == "pcomp" and head.lower_ in _MEANS_PREPS and head.dep_ == "prep" and head.head.tag_.startswith("VB"):
        return head.head
    return None


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


def _clause_verb(token: Token) -> Token | None:
    while not token.tag_.startswith("VB") and token.head.i != token.i:
        token = token.head
    return token if token.tag_.startswith("VB") else None


def _past_form(verb: Token) -> bool:
    """"went off", "was shot", "had called": a verb of what happened, not "will", "would" or a plan."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("will", "'ll", "would", "'d", "shall", "to") for a in auxiliaries):
        return False
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
    """"says", "tells", "is telling": a verb of speech in the present tense."""
    if cues.cue_lemma(cue.lower_) not in cues.SPEECH_LEMMAS:
        return False
    if cue.tag_ in ("VBZ", "VBP"):
        return True
    return cue.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in _PRESENT_AUX for c in cue.children)
