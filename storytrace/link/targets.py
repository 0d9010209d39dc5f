"""What a terse denial denies.

"It's untrue. No such proposal has been made" says too little to be matched with what it rejects. Its
article says what that is, nearby: the same source's fuller denial just before ("the office denied that the
president had proposed a liaison office"), or the report it answers, given beside it ("responding to a report
that ..."; "denied reports that ..."). The denial then stands for that proposition when claims are grouped and
when it is set against assertions: matched by meaning across articles and outlets, not by its own few words.
Only the statements of one article are read, so a stored denial gets the same target each time its claim
is refreshed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

import numpy as np

from storytrace.analyze.cues import cue_lemma
from storytrace.analyze.stance_words import REFUTING_PREDICATES, is_hedged
from storytrace.link.propositions import names_a_report, stems
from storytrace.link.stance_features import words
from storytrace.link.sources import same_source, source_key
from storytrace.model import Statement

Embed = Callable[[list[str]], np.ndarray]

TERSE = 3  # content stems: a statement this short names too little to be compared word for word
# Characters between a terse denial and the statement that says what it denies: its own sentence, or
# the one before or after it (news sentences run 100-250 characters).
ANSWER_WINDOW = 300
_ASSERTING = frozenset({"asserts", "confirms", "speculates"})
# Cues that tell a report or a claim ("blogs reported that ...", "jihadists had claimed that ..."): what a denial of
# "the reports" or "the claims" answers, whoever tells it.
_REPORTING_CUES = frozenset({"report", "claim", "allege"})
# Cosine (MiniLM) between a report and the mean of its article's statements below which the report is a side
# matter of the article, not what a terse denial in it answers: the reports answered on FNC-1 train sit at
# 0.62-0.80 to their article, a made-up quote that Twitter users "believed" at 0.41.
ON_TOPIC = 0.5

# Nouns by which a denial names what it rejects as a guess: it answers a hedged statement or a speculation.
_GUESS_NOUNS = frozenset({"speculation", "speculations", "guess", "guesses", "guesswork", "conjecture", "theory",
                          "theories"})
# Nouns by which the writer names the story their article debunks ("this story was a hoax").
_STORY_NOUNS = frozenset({"story", "stories", "article", "articles", "piece"})

# A denial that names the report it rejects together with what the report says ("dismissed a story in the Mirror
# suggesting that the singer tore up the contract", "said rumours that its robots patrol the campus are not true")
# denies that clause, not its own wrapping words: matched by the clause, it meets the report's other tellings.
_NAMED_REPORT = (r"\b(?:reports?|stor(?:y|ies)|claims?|rumou?rs?|allegations?|news|suggestions?|speculation"
                 r"|websites?|sites?|media|articles?|posts?)\b")
# The words that introduce the report's clause: a verb of telling first ("a story in the Mirror suggesting that
# ..."), else "that" right after the noun ("rumours that ..."), which is not a relative pronoun there when a
# subject follows (see _RELATIVE).
_TELLING = re.compile(_NAMED_REPORT + r"[^.;:]{0,80}?\b(?:suggesting|saying|claiming|alleging|reporting|reported|"
                      r"claimed|suggested|said|claims|says|suggests|reports|alleges)\s+(?:that\s+)?(?P<clause>.+)", re.IGNORECASE)
_THAT = re.compile(_NAMED_REPORT + r"\s+that\s+(?P<clause>.+)", re.IGNORECASE)
# A clause that opens with a verb tells of the report itself ("a story that appeared in the Mirror"), not what it says.
_RELATIVE = re.compile(r"(?:appeared|began|circulated|ran|was|were|is|are|has|had|have|went|surfaced|emerged|spread|"
                       r"claimed|said|first|quickly|originated|came)\b", re.IGNORECASE)
# Verdicts on a report besides the words that call any claim untrue (stance_words.REFUTING_PREDICATES): said of
# a report, "wrong" and "nonsense" reject it rather than grade it.
_REPORT_VERDICTS = frozenset({"wrong", "rubbish", "nonsense"})
# Where the report's clause ends: the writer's verdict on it ("... are not true", "... is a hoax"), a turn to
# something else, or the next clause.
_CLAUSE_END = re.compile(r"\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:not\s+true|"
                         + "|".join(sorted(REFUTING_PREDICATES | _REPORT_VERDICTS))
                         + r")\b|,\s*(?:but|he|she|they|it|and|which|who)\b|;|\s+but\s+", re.IGNORECASE)


def is_terse(statement: Statement) -> bool:
    return len(stems(statement.text)) <= TERSE


def denial_targets(statements: list[Statement], embed: Embed | None = None) -> dict[str, str]:
    """For each terse denial among `statements` (any articles), the text of what it denies, where its
    article says so nearby. `embed` (sentence vectors) picks, of several reports a denial may answer, the one
    on its article's topic; without it, the nearest."""
    by_article: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        by_article[statement.article_id].append(statement)
    targets = {}
    for members in by_article.values():
        topic = _Topic(members, embed)
        for denial in members:
            if denial.polarity != "denies":
                continue
            if is_terse(denial):
                target = _target(denial, members, topic)
                if target is not None:
                    targets[denial.id] = target.text
            elif (clause := reported_clause(denial.text)) is not None:
                targets[denial.id] = clause
    return targets


# Content stems a terse denial's own clause needs to be compared by its own words: "he was involved" names too
# little, "any news conference is scheduled" enough.
OWN_CLAUSE_WORDS = 2
# A clause of its own: a verb that opens a predicate ("any news conference is scheduled", "the photo was doctored").
_OWN_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|did|does)\b", re.IGNORECASE)
# Words by which a terse denial points elsewhere for what it denies: "it's untrue", "no such proposal has been made",
# "this is false", "that was not the case", or a report it names ("the reports were false").
_POINTER = re.compile(r"\b(?:it|its|it['’]s|this|that|these|those|such|so)\b", re.IGNORECASE)
# "News" naming a thing, not the news: "a news conference".
_NEWS_THING = re.compile(r"\bnews\s+(?:conferences?|agenc(?:y|ies)|outlets?|sites?|channels?|media|networks?|"
                         r"releases?|briefings?)\b", re.IGNORECASE)


def says_its_own_clause(text: str) -> bool:
    """Whether a terse denial says what it denies in a clause of its own ("denied any news conference is
    scheduled"), pointing to nothing else (`_POINTER`, a report it names): then it answers a report told before it
    ("The Journal reported that her firm advertised her for paid speeches, but her team denied that she would be
    accepting new speeches"), not one told after it ("... have denied any news conference is scheduled. According
    to a news site, yesterday marked a year since he was last seen in public"), which is the article moving on.
    A noun phrase ("denied any involvement") points to its context, and so does a clause of one content word ("he
    was involved", OWN_CLAUSE_WORDS)."""
    if len(stems(text)) < OWN_CLAUSE_WORDS:
        return False
    text = _NEWS_THING.sub(" ", text)
    return bool(_OWN_VERB.search(text)) and not _POINTER.search(text) and not names_a_report(text) and not (
        _names_the_story(text) or _names_a_guess(text))


def reported_clause(text: str) -> str | None:
    """What the report a denial names says, when the denial gives it: "the report that the mayor resigned is
    false" -> "the mayor resigned"; None when it names no report with a clause of at least `TERSE` + 1 words."""
    for pattern in (_TELLING, _THAT):
        match = pattern.search(text)
        if match is None or _RELATIVE.match(match.group("clause")):
            continue
        clause = match.group("clause")
        end = _CLAUSE_END.search(clause)
        clause = clause[:end.start()] if end else clause
        clause = clause.strip(" ,.\"'“”‘’")
        if len(clause.split()) > TERSE:
            return clause
    return None


class _Topic:
    """How close a statement is to what its article is about: its cosine to the mean vector of the article's
    statements, encoded only when an article has reports to choose between."""

    def __init__(self, members: list[Statement], embed: Embed | None):
        self._members, self._embed = members, embed
        self._vectors: dict[str, np.ndarray] | None = None
        self._centre: np.ndarray | None = None

    def closeness(self, statement: Statement) -> float | None:
        if self._embed is None:
            return None
        if self._vectors is None:
            texts = list(dict.fromkeys(s.text for s in self._members))
            self._vectors = dict(zip(texts, self._embed(texts)))
            centre = np.mean(list(self._vectors.values()), axis=0)
            self._centre = centre / (np.linalg.norm(centre) or 1.0)
        return float(self._vectors[statement.text] @ self._centre)


def _target(denial: Statement, members: list[Statement], topic: _Topic | None = None) -> Statement | None:
    """A fuller denial just before it (the same source's first: a spokesman's "No such proposal has been
    made" after his office "denied that ..."), else the report beside it that is on its article's topic (see
    `_answered`), else the same source's fuller denial anywhere before it (a writer who calls "an article saying
    X" not real at the top and "this article" fake paragraphs later), else, for the writer's own denial of "the
    story", the report on its article's topic anywhere in it."""
    near = [s for s in members if s is not denial and not is_terse(s) and gap(denial, s) <= ANSWER_WINDOW]
    mine = source_key(denial)
    before = [s for s in near if s.polarity == "denies" and s.start < denial.start]
    if before:
        return max(before, key=lambda s: (same_source(source_key(s), mine), s.start))
    guessed, own_clause = _names_a_guess(denial.text), says_its_own_clause(denial.text)
    topic = topic or _Topic(members, None)
    reports = [s for s in members if s is not denial and not is_terse(s) and s.polarity in _ASSERTING
               and not same_source(source_key(s), mine) and _is_report(s)
               and (not guessed or s.polarity == "speculates" or is_hedged(s.text))
               and (s.start < denial.start or not own_clause)]
    answered = _answered(denial, [s for s in reports if gap(denial, s) <= ANSWER_WINDOW], topic)
    if answered is not None:
        return answered
    own = [s for s in members if s.polarity == "denies" and s.start < denial.start and not is_terse(s)
           and same_source(source_key(s), mine)]
    if own:
        return max(own, key=lambda s: s.start)
    # The writer calling the story fake ("The story about the chain is fiction"), the fake piece quoted paragraphs
    # away: the story is the one the article tells, its report on the article's topic wherever it stands. Others'
    # "the reports" or "the claims" far from any report may be of anything.
    return _answered(denial, reports, topic) if len(denial.chain) <= 1 and _names_the_story(denial.text) else None


def _answered(denial: Statement, reports: list[Statement], topic: _Topic) -> Statement | None:
    """Of the reports beside a terse denial, the one it answers: those told before it first ("denied the
    reports" points back; a report after it is "responding to a report that ..."), and of those the one
    closest to its article's topic, if it is on the topic at all; without sentence vectors, the nearest."""
    earlier = [s for s in reports if s.start < denial.start]
    reports = earlier or reports
    if not reports:
        return None
    if topic.closeness(reports[0]) is None:
        return min(reports, key=lambda s: (gap(denial, s), s.start))
    closeness = {id(s): topic.closeness(s) for s in reports}
    best = max(reports, key=lambda s: (closeness[id(s)], -gap(denial, s)))
    return best if closeness[id(best)] >= ON_TOPIC else None


def _names_the_story(text: str) -> bool:
    return any(w in _STORY_NOUNS for w in words(text))


def _names_a_guess(text: str) -> bool:
    """Whether a denial names what it rejects as a guess ("the speculation was incorrect"): it answers a guess, not
    a fact reported beside it (on FNC-1 train, "the speculation" about the weatherman had taken the count of his
    mentions that Topsy "reports" just before it)."""
    return any(w in _GUESS_NOUNS for w in words(text))


def _is_report(statement: Statement) -> bool:
    """Whether a statement is told as a report ("a media report", "a Yonhap report citing sources", "blogs
    reported that ..."): what a terse denial beside it answers. A neighbour told otherwise is as likely a side
    remark."""
    if any(names_a_report(name) for name in [statement.speaker.name, *statement.chain]):
        return True
    return any(cue_lemma(word) in _REPORTING_CUES for word in statement.cue.lower().split())


def gap(a: Statement, b: Statement) -> int:
    """Characters between two statements of one article (0 when they overlap)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))
