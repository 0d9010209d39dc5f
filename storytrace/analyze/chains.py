"""The chain of sources behind each statement, followed across sentences.

A statement's chain runs from the outlet down to the original speaker. One clause often names only part of it:
"Diplomatic sources told Yonhap ..." (the agency is the addressee), "The sources quoted by Yonhap said ...",
"..., according to Yonhap, which cited diplomatic sources" (the real speaker is in a relative clause), or
nothing at all: "The sources were quoted as saying ..." has its relay in an earlier sentence, and a later
"the sources said" or "they said" speaks through the relay that introduced those sources. `ChainTracer`
reads the article's statements in order, as attribution resolves them, and completes each chain from what
it has met before.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storytrace.analyze import cues
from storytrace.analyze.speakers import (
    SpeakerResolver, child_of, is_writer, may_be_source, relay_verb_of_saying, speaker_parts,
)
from storytrace.model import Speaker, Statement

if TYPE_CHECKING:  # tokens come from the parse attribution was given; this module loads no model itself
    from spacy.tokens import Doc, Token

# Words that make a name a news organisation's: "The Post and Courier", "Fox News", "the Washington Examiner".
PRESS_WORDS = frozenset({
    "post", "times", "news", "agency", "press", "journal", "herald", "tribune", "daily", "gazette", "courier",
    "ledger", "chronicle", "examiner", "review", "beast", "telegraph", "guardian", "sentinel", "observer",
    "inquirer", "dispatch", "bulletin", "newspaper", "paper", "magazine", "broadcaster", "television", "radio",
    "tv", "newsweek", "reuters", "ap", "afp", "upi", "yonhap", "xinhua", "kyodo", "tass", "interfax", "bloomberg",
    "cnn", "nbc", "abc", "cbs", "msnbc", "bbc", "npr", "pbs", "politico", "axios", "breitbart", "buzzfeed",
    "huffpost", "huffington",
})
# Common nouns by which an article refers back to a news organisation it named: "told the newspaper".
PRESS_NOUNS = frozenset({"newspaper", "paper", "agency", "daily", "broadcaster", "network", "magazine", "outlet",
                         "wire", "station", "channel"})
# Trailing words an agency's short name goes without: "Yonhap News Agency" is "Yonhap".
_ORG_SUFFIXES = frozenset({"news", "agency", "service", "newspaper", "wire"})
# Cues whose "to" phrase is what they answer, not whom they spoke to: "responded to a report".
_ANSWERING = frozenset({"tell", "respond", "reply", "answer", "react", "refer", "object", "point", "listen"})
# Nouns of what was published: "said to a newspaper" is an outlet, "to a newspaper report" is not.
_WRITTEN = (cues.CLAIM_NOUNS | cues.STATEMENT_NOUNS
            | {"article", "articles", "editorial", "column", "piece"}) - {"post"}
# Occasions words are told at: "told a news conference", "told a briefing" (but "told the Post").
_OCCASIONS = cues.STATEMENT_NOUNS - {"post"}
# People who take words down for a news organisation: "told a Politico reporter" was told to Politico.
_PRESS_PEOPLE = frozenset({"reporter", "reporters", "correspondent", "journalist", "journalists", "interviewer",
                           "host", "anchor", "columnist", "editor", "editors"})
# How far back "he said" may take the relay of the statement "he" points to: the words of one interview run on
# over the next sentences, but a "he" further away is the person again, in the article's own narrative.
PRONOUN_REACH = 3  # sentences
_DEFINITE = frozenset({"the", "this", "these", "that", "those"})
_BACK_PRONOUNS = cues.PERSON_PRONOUNS | cues.PLURAL_PRONOUNS | {"it"}


@dataclass
class _Traced:
    statement: Statement
    at: int  # token index of the speaker's mention (or the cue), so references look back from where they stand


class ChainTracer:
    """Completes the chains of one article's statements, fed in reading order as they are resolved."""

    def __init__(self, doc: Doc, resolver: SpeakerResolver, *, outlet: str | None, agency: str | None):
        self.doc = doc
        self.resolver = resolver
        self.outlet = outlet
        self.agency = agency
        self.traced: list[_Traced] = []
        self.press: list[tuple[int, str]] = []  # news organisations met so far, with where they stood
        self.relays: list[tuple[int, str]] = []  # every relay met so far (news organisations among them)
        self.sentence_starts = [sent.start for sent in doc.sents]

    def trace(self, statement: Statement, cue: Token, speaker: Token | None, relays: list[Token]) -> None:
        """Add to `statement.chain` the relays its own clause leaves out, and remember it for later ones."""
        if speaker is None or is_writer(speaker):
            return  # the outlet speaks, or nobody is named: nothing to trace
        at = speaker.i
        for relay in relays:
            self._name_publisher(statement, relay)
        added: list[str] = []
        cited = _cited_in_relative(speaker)
        if cited is not None and not relays:
            # "according to Yonhap, which cited diplomatic sources": the sources speak, through Yonhap
            added.append(statement.speaker.name)
            statement.speaker = self.resolver.resolve(cited) or statement.speaker
            at = cited.i
        quoted_by = _quoted_by(speaker)
        if quoted_by is not None and not relays:
            added.append(self._name(quoted_by))  # "The sources quoted by Yonhap said"
        addressee = self._press_addressee(cue)
        if addressee is not None:
            added.append(addressee)  # "Diplomatic sources told Yonhap", "said in an interview with the Post"
        if not added and not relays:
            if _agentless_relay(cue):
                # "The sources were quoted as saying": by whoever the article last had report or relay
                previous = self._antecedent(statement, speaker)
                relay = _latest(self.relays, cue.i) or self.agency
                if previous is not None:
                    added.extend(_middle(previous.chain, self.outlet, self.agency))
                elif relay is not None:
                    added.append(relay)
            elif _refers_back(speaker) and cues.cue_lemma(cue.lower_) in cues.SPEECH_LEMMAS:
                # only a speech verb goes on with what was told to someone: "he thought", "he laments" are the
                # narrative's, not the interview's
                self._resolve_press_noun(statement, speaker)
                previous = self._antecedent(statement, speaker)
                if previous is not None and speaker.lower_ in _BACK_PRONOUNS and not self._near(previous, speaker):
                    previous = None
                if previous is not None:
                    added.extend(_middle(previous.chain, self.outlet, self.agency))  # "the sources said"
        # The speaker may have changed above ("which cited", "the newspaper"): the chain ends with it.
        statement.chain = _dedupe([*statement.chain[:-1], *added, statement.speaker.name])
        self._remember(statement, cue, at)

    # --- what the article has met ---------------------------------------------------------------

    def _remember(self, statement: Statement, cue: Token, at: int) -> None:
        """Relays and reporting organisations, for later statements that name theirs only by "the agency",
        "the newspaper" or not at all. A relay counts as a news organisation (that "told X" may address) only
        when its name says so: "Clinton, citing aides, said" makes Clinton no newspaper."""
        self.traced.append(_Traced(statement, at))
        for name in _middle(statement.chain, self.outlet, self.agency):
            self.relays.append((cue.i, name))
            if is_press_name(name):
                self.press.append((cue.i, name))
        if cues.cue_lemma(cue.lower_) == "report" or is_press_name(statement.speaker.name):
            self.press.append((cue.i, statement.speaker.name))
            self.relays.append((cue.i, statement.speaker.name))

    def _latest_press(self, before: int) -> str | None:
        return _latest(self.press, before)

    def _antecedent(self, statement: Statement, speaker: Token) -> Statement | None:
        """The last earlier statement of the same speaker whose chain passed through a relay."""
        name = statement.speaker.name.lower()
        for traced in reversed(self.traced):
            if traced.at < speaker.i and traced.statement.speaker.name.lower() == name:
                chain = traced.statement.chain
                return traced.statement if _middle(chain, self.outlet, self.agency) else None
        return None

    def _near(self, previous: Statement, speaker: Token) -> bool:
        """Whether `speaker` stands within `PRONOUN_REACH` sentences of the statement it refers back to."""
        start = self.doc.char_span(previous.start, previous.end, alignment_mode="expand")
        if start is None:
            return False
        gap = bisect_right(self.sentence_starts, speaker.i) - bisect_right(self.sentence_starts, start.end - 1)
        return gap <= PRONOUN_REACH

    def _resolve_press_noun(self, statement: Statement, speaker: Token) -> None:
        """"The newspaper said", when speaker resolution found no newspaper by that word: the last one named."""
        if speaker.lower_ not in PRESS_NOUNS or statement.speaker.name.lower() != self._written(speaker).lower():
            return
        latest = self._latest_press(speaker.i)
        if latest is not None:
            statement.speaker = Speaker(latest)

    def _press_addressee(self, cue: Token) -> str | None:
        """The news organisation the speaker addressed: "told Yonhap", "said to the Post", "in an interview
        with CNN"; None when the words went to reporters, a crowd or anyone else."""
        lemma = cues.cue_lemma(cue.lower_)
        if lemma is None:
            return None  # "according to": the phrase names the source itself, not whom it spoke to
        candidates = [c for c in cue.children if lemma == "tell" and c.dep_ in ("dobj", "dative")]
        for prep in cue.children:
            if prep.dep_ == "prep" and prep.lower_ == "to" and lemma not in _ANSWERING:
                # "confirmed to the Post"; but "responding to a Yonhap report" answers the report
                candidates += [c for c in prep.children if c.dep_ == "pobj" and c.lower_ not in _WRITTEN]
            if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
                for noun in prep.children:
                    if noun.dep_ == "pobj" and noun.lower_ in ("interview", "interviews"):
                        candidates += [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "with"
                                       for c in p.children if c.dep_ == "pobj"]
        for head in candidates:
            if head.lower_ in _OCCASIONS:
                continue  # "told a news conference", "told a briefing": an occasion, not an organisation
            publisher = self._publisher(head, _PRESS_PEOPLE)
            if publisher is not None:
                return publisher  # "told a Politico reporter"
            owner = child_of(head, "poss")
            if owner is not None and is_press_name(self._written(owner)):
                return self._written(owner)  # "told CNN's Jake Tapper": the interview was CNN's
            name = self._written(head)
            if head.lower_ in PRESS_NOUNS and _is_definite(head) and len(name.split()) <= 3:
                return self._latest_press(head.i)  # "told the newspaper": the one named before, if any
            if is_press_name(name) or any(same_name(name, known) for _, known in self.press):
                return self._name(head)
        return None

    def _name_publisher(self, statement: Statement, relay: Token) -> None:
        """"a Yonhap news agency report that quoted ...": the relay is Yonhap, not its report."""
        publisher = self._publisher(relay, _WRITTEN)
        if publisher is not None:
            written = self._name(relay)
            statement.chain = [publisher if name == written else name for name in statement.chain]

    def _publisher(self, head: Token, nouns: frozenset[str]) -> str | None:
        """The news organisation named before `head` when `head` is one of `nouns`: "a Yonhap news agency
        report" -> "Yonhap news agency", "a Politico reporter" -> "Politico"."""
        if head.lower_ not in nouns:
            return None
        words = [c for c in head.children if c.dep_ in ("compound", "poss", "nmod") and c.i < head.i]
        if not words:
            return None
        publisher = self.doc[min(w.left_edge.i for w in words):head.i].text.strip()
        if publisher.endswith(("'s", "’s")):
            publisher = publisher[:-2]
        return publisher if is_press_name(publisher) else None

    def _written(self, head: Token) -> str:
        return speaker_parts(head, self.resolver.people)[0]

    def _name(self, head: Token) -> str:
        speaker = self.resolver.resolve(head, remember=False)
        return speaker.name if speaker is not None else self._written(head)


def _latest(met: list[tuple[int, str]], before: int) -> str | None:
    earlier = [name for at, name in met if at < before]
    return earlier[-1] if earlier else None


# --- clause shapes ---------------------------------------------------------------------------------


def _cited_in_relative(head: Token) -> Token | None:
    """"Yonhap, which cited diplomatic sources": the source named in a relative clause of the speaker."""
    for clause in head.children:
        if clause.dep_ == "relcl" and cues.cue_lemma(clause.lower_) in cues.RELAY_LEMMAS:
            cited = child_of(clause, "dobj")
            if cited is not None and may_be_source(cited):
                return cited
    return None


def _quoted_by(head: Token) -> Token | None:
    """"the sources quoted by Yonhap": who passed the speaker's words on."""
    for clause in head.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN" and cues.cue_lemma(clause.lower_) in cues.RELAY_LEMMAS:
            agent = child_of(clause, "agent")
            relay = child_of(agent, "pobj") if agent is not None else None
            if relay is not None:
                return relay
    return None


def _agentless_relay(cue: Token) -> bool:
    """"were quoted as saying": a relay verb in the passive with no "by" phrase."""
    verb = relay_verb_of_saying(cue)
    return verb is not None and child_of(verb, "nsubjpass") is not None and child_of(verb, "agent") is None


def _refers_back(head: Token) -> bool:
    """"they", "he", "the sources", "this source", "the agency": a reference to a source named before (a
    name with "the", such as "The White House", is a source of its own)."""
    return head.lower_ in _BACK_PRONOUNS or (head.tag_ in ("NN", "NNS") and _is_definite(head))


def _is_definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)


# --- names -----------------------------------------------------------------------------------------


def is_press_name(name: str) -> bool:
    """Whether a name is a news organisation's: "The Post and Courier newspaper", "Fox News", "Yonhap"; not a set
    or a public ("said to the TV", "told his radio audience")."""
    words = _words(name)
    if not words or words[-1] in _PUBLICS or all(w in _MEDIA or w in _DETERMINERS for w in words):
        return False
    return any(w in PRESS_WORDS for w in words) and not all(w in PRESS_NOUNS for w in words)


# A medium alone is a set in a room ("said to the TV"); a public is whom a broadcast reaches, not who relays it.
_MEDIA = frozenset({"tv", "television", "radio"})
_PUBLICS = frozenset({"audience", "audiences", "listeners", "viewers", "readers", "followers", "fans"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"})


def same_name(a: str, b: str) -> bool:
    """Two names of one news organisation or source as an article shortens them: equal but for "the" and
    case; an acronym and its words ("AP", "The Associated Press"); a name and its last word ("the Post", "The
    Washington Post"); an agency with and without its suffix ("Yonhap", "Yonhap News Agency")."""
    short, long = sorted((_words(a), _words(b)), key=len)
    if not short:
        return False
    if short == long:
        return True
    if len(short) == 1 and len(long) > 1:
        word = short[0]
        if word == "".join(w[0] for w in long if w not in ("of", "and")):
            return True
        if word in PRESS_WORDS and long[-1] == word:
            return True
    return long[:len(short)] == short and all(w in _ORG_SUFFIXES for w in long[len(short):])


def _words(name: str) -> list[str]:
    words = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in name.lower()).split()
    return words[1:] if words[:1] == ["the"] else words


def _middle(chain: list[str], outlet: str | None, agency: str | None) -> list[str]:
    """The relays of a chain: what stands between the outlet (and its agency) and the speaker."""
    inner = chain[:-1]
    while inner and any(name and same_name(inner[0], name) for name in (outlet, agency)):
        inner = inner[1:]
    return inner


def _dedupe(chain: list[str]) -> list[str]:
    """Consecutive names of one source collapse ("told The Associated Press" in an AP story)."""
    kept: list[str] = []
    for name in chain:
        if name and not (kept and same_name(kept[-1], name)):
            kept.append(name)
    return kept
