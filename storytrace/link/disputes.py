"""Disputes inside a claim: a denial of what others assert, or asserting statements with conflicting facts."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from storytrace.analyze.cues import base_polarity, cue_lemma
from storytrace.analyze.entities import entity_key
from storytrace.analyze.stance_words import (DIRECTIVE_CUES, HEARSAY, OPPOSITE_PREDICATES, QUESTION_CUES,
                                            cue_is_negated, hedged_before_negation, is_negated, negates_a_feeling,
                                            negatively_worded, opposite_sides)
from storytrace.link.propositions import concrete_values, predicate_stems, tells_of_subject
from storytrace.link.quantities import conflicting
from storytrace.link.sources import may_be_one_speaker, same_source, source_key
from storytrace.link.targets import ANSWER_WINDOW, gap, reported_clause
from storytrace.link.stance_features import content_stems, words
from storytrace.model import Claim, Dispute, DisputeEvidence, Reporter, Speaker, Statement

_ASSERTING = {"asserts", "confirms", "speculates"}
# A guess ("talks may be held on Jan. 5") does not contradict a fact stated elsewhere; only firm
# statements can, because a false dispute costs more than a missed one.
_FIRM = {"asserts", "confirms"}

# How far a reader may trust a dispute, by the rule that raised it (model.DISPUTE_RULES): (real, read) of the
# disputes of each rule that a reader judged, pooled over four readings of the rules as they stand (29 Nov 2026,
# 23:30 UTC): FNC-1 train's contested claims, which the rules were developed on (`storytrace bench disputes
# --judgments storytrace/bench/data/fnc1-dispute-judgments.tsv`: cue 26 of 26, words 20 of 22, opposites 2 of 2), and
# three sets no rule was developed on: FNC-1's other claims with a refuting body (`--claims others`,
# fnc1-heldout-dispute-judgments.tsv: cue 8 of 8, words 2 of 2, opposites 1 of 1), the claims no body refutes
# (`--claims unrefuted`, fnc1-unrefuted-dispute-judgments.tsv: cue 10 of 18, words 7 of 16, opposites 1 of 1,
# figures 0 of 1) and PolNeAR's political news (`storytrace bench disputes-news`, polnear-dispute-judgments.tsv: cue 3
# of 5, words 1 of 2; figures 0 of 2 before figures needed a named subject). A user's news is unseen news, so the
# held-out readings count as much as the developed ones. The stance model's denials (off unless `stance_denials`):
# 4 of 6 developed on, 0 of 2 and 0 of 9 held out.
READ_REAL: dict[str, tuple[int, int]] = {"cue": (47, 57), "words": (30, 42), "stance": (4, 17), "figures": (0, 3),
                                         "opposites": (4, 4)}
# The confidence of each rule: its share read real, as (real + 1) / (read + 2), Laplace's rule of succession, so
# that a rule read a few times is neither certain nor impossible. The bench's calibration line sets each rule's
# mean confidence beside its share read real, so anyone can check these against new verdicts.
CONFIDENCE: dict[str, float] = {rule: (real + 1) / (read + 2) for rule, (real, read) in READ_REAL.items()}

# Each rule (model.DISPUTE_RULES) as a reader is told it.
RULE_NAMES: dict[str, str] = {"cue": "a denial by its cue", "words": "a denial by its words",
                              "stance": "a denial only the stance model read", "figures": "rival figures",
                              "opposites": "opposite facts"}


def trust(dispute: Dispute) -> str:
    """How far to trust a dispute, in words: "confidence 0.69 (how often such disputes were read as real): a denial
    by its cue “denied”"."""
    if dispute.confidence is None or dispute.evidence is None:
        return "confidence not recorded (the dispute was stored before storytrace recorded it)"
    cue = f" “{dispute.evidence.cues[0]}”" if dispute.evidence.rule == "cue" and dispute.evidence.cues else ""
    model = (f", the model's probability {dispute.evidence.stance_against:.2f}"
             if dispute.evidence.stance_against is not None else "")
    read = READ_REAL.get(dispute.evidence.rule, (0, 0))[1]
    basis = "how often such disputes were read as real" if read else "no such dispute read yet: an even chance"
    return f"confidence {dispute.confidence:.2f} ({basis}): {RULE_NAMES[dispute.evidence.rule]}{cue}{model}"


Close = Callable[[Statement, Statement], bool]
# The opposition (stance_words.OPPOSITE_PREDICATES) two statements take opposite sides of, of one subject, if any.
Opposed = Callable[[Statement, Statement], str | None]
# How alike in meaning two statements are (a cosine of sentence vectors), what each denial denies standing for it.
Similarity = Callable[[Statement, Statement], float]
# How much more alike in meaning than the first assertion in story order another must be to lead a dispute: the
# first telling is usually the report itself, and a merely similar paraphrase ("the open border poses a threat of
# terrorists infiltrating") is no nearer the denial; but "the woman held is not his wife" is answered by "the army
# detained his wife" (cosine 0.88), not by the first assertion, "DNA shows the child is his daughter" (0.69).
CLEARLY_NEARER = 0.15
# How much less alike in meaning another article's assertion may be than the one chosen in the denial's own article
# and still lead: "the ISIS leader is dead" denied in an article that also tells of his aides killed (0.71) is
# shown against another outlet's "Baghdadi has reportedly been killed" (0.65), but an official's "a piece of the
# asteroid landed" (0.68) does not replace the very speculation the experts answer (1.00).
AS_NEAR = 0.1
# How many more of the denial's own words for what it rejects (`predicate_stems`: what is said, names aside) an
# assertion about as near in meaning (AS_NEAR of the nearest) must carry to lead instead: it answers the denial word
# for word. On FNC-1's held-out claims a spokesman denied that "the King, a trained pilot, is personally conducting
# airstrikes"; "the King will authorize airstrikes" (cosine 0.84, one word of the denial's: "airstrikes") led, where
# "the King will participate personally in conducting air strikes ... the pilot" (0.78; "personally", "conducting",
# "pilot") is what it answers. One word more is what any two tellings of one story differ by.
MORE_WORDS = 2


def find_disputes(claim: Claim, statements: list[Statement], outlets: dict[str, str | None],
                  stance: dict[str, str] | None = None, close: Close | None = None,
                  same_facts: Close | None = None, against: dict[str, float] | None = None,
                  similarity: Similarity | None = None, opposed: Opposed | None = None) -> list[Dispute]:
    """Denials first (one per denying source: one spokesman's denial re-reported by three outlets is one
    dispute), then factual contradictions between asserting statements.

    `stance` is each statement's stance to the claim (its polarity unless given). `close` says whether two
    statements of the claim carry the same proposition closely enough to be in conflict: a claim groups
    loosely, and a denial of something near the claim ("denied the minister would resign" in a claim about
    his budget) must not become a dispute. `same_facts` says whether two assertions speak of the same facts,
    so that rival dates or numbers in them conflict (by default `close`). Unless given, all statements of a
    claim are close. `against`: for a statement the stance model read as a denial, its probability of being
    against the claim (shown as the dispute's evidence). `similarity` picks which assertion a denial is shown
    against first (see `_leading`). `opposed` says which two assertions tell opposite facts of one subject ("he is
    alive and well" against "he died"): a contradiction however unlike their other words are."""
    stance = stance or {}
    statements = [s for s in statements if not unsaid(s)]
    polarity = {s.id: stance.get(s.id, s.polarity) for s in statements}
    close = close or (lambda a, b: True)
    denials = [s for s in statements if polarity[s.id] == "denies" and not _guessed(s)]
    disputes = [_denial(claim, group, statements, outlets, polarity, close, against or {}, similarity)
                for group in _by_source(denials)]
    disputes = [d for d in disputes if d is not None]
    disputes.extend(_contradictions(claim, statements, outlets, polarity, same_facts or close))
    if opposed is not None:
        disputes.extend(_opposites(claim, statements, outlets, polarity, opposed, disputes))
    return disputes


def _guessed(denial: Statement) -> bool:
    """Whether a denial only its words make (its cue says nothing of denying) is hedged, so a guess rather than a
    denial: "Andrey claims it's real spray paint but that may not be true"; or negates a feeling, which tells the
    feeling's opposite ("isn't happy with the battery life"). A denying cue stays a denial however
    its content is worded ("denied that talks might resume")."""
    return not (_denying_cue(denial.cue) or is_negated(denial.cue)) and (
        hedged_before_negation(denial.text) or negates_a_feeling(denial.text))


def _by_source(statements: list[Statement]) -> list[list[Statement]]:
    """Denials grouped by the denial they report: one original source (chains followed, a surname meeting its
    full name), or one article's denial told twice, near each other (the office "denied that ..." in the lead,
    then its spokesman's quote), joined across articles by either."""
    # Positions looked up once: finding each statement's place in the list anew made a long article's
    # thousand denials take minutes.
    position = {id(s): number for number, s in enumerate(statements)}
    said = {id(s): _copyable(s) for s in statements}  # read once: every pair compares them
    groups: list[list[Statement]] = []
    for statement in statements:
        joined = [g for g in groups if any(_one_denial(statement, other, said) for other in g)]
        merged = [statement] + [s for g in joined for s in g]
        groups = [g for g in groups if not any(g is j for j in joined)] + [
            sorted(merged, key=lambda s: position[id(s)])]
    return sorted(groups, key=lambda g: position[id(g[0])])


# Words two denials must share, in order and nothing else, to be one text copied (a syndicated or republished
# article: each copy names its own outlet as the writer) rather than two sources that happen to say alike:
# "denied the reports" recurs by chance, a sentence of this length does not.
COPIED_WORDS = 8


def _one_denial(a: Statement, b: Statement, said: dict[int, tuple[str, ...] | None]) -> bool:
    """Whether two denials are one: one source, one article's denial told twice, or one text published twice
    (`said`: each statement's `_copyable` words)."""
    return same_source(source_key(a), source_key(b)) or (a.article_id == b.article_id
                                                         and gap(a, b) <= ANSWER_WINDOW) or (
        said[id(a)] is not None and said[id(a)] == said[id(b)])


def _copyable(statement: Statement) -> tuple[str, ...] | None:
    """A denial's words, whatever quotation marks it uses, when there are enough of them (`COPIED_WORDS`) that the
    same words elsewhere are a copy of it; None when they are too few."""
    said = tuple(words(statement.text))
    return said if len(said) >= COPIED_WORDS else None


def _denial(claim: Claim, denials: list[Statement], statements: list[Statement], outlets: dict[str, str | None],
            polarity: dict[str, str], close: Close, against: dict[str, float],
            similarity: Similarity | None = None) -> Dispute | None:
    """One denial (as reported in one or more articles) against what other sources assert."""
    denials = _fullest_first(denials)
    # A speaker re-stating their own denial elsewhere is not in conflict with itself.
    deniers = {source_key(d) for d in denials}
    # A negatively worded statement ("lawmakers had not been briefed on any such proposal") that the stance
    # reading left as asserting is too uncertain to be the other side of a dispute.
    asserted = [s for s in statements if polarity[s.id] in _ASSERTING
                and not any(may_be_one_speaker(source_key(s), denier) for denier in deniers)
                and not any(described(d, s) or own_words_told(d, s) for d in denials)
                and not negatively_worded(s.text) and not tells_of(s) and not directive(s)
                and not any(one_utterance(d, s) for d in denials) and any(close(d, s) for d in denials)]
    if not asserted:
        return None
    lead = _leading(denials[0], asserted, similarity)
    asserted = [lead] + [s for s in asserted if s is not lead]
    # The first two ids are the two sides a reader sees first: the denial and the first assertion.
    ids = [denials[0].id, asserted[0].id] + [d.id for d in denials[1:]] + [s.id for s in asserted[1:]]
    sides = "; ".join(_describe(s, outlets) for s in asserted[:3])
    more = f" (and {len(asserted) - 3} more)" if len(asserted) > 3 else ""
    reported_by = [Reporter(a, outlets.get(a)) for a in dict.fromkeys(d.article_id for d in denials)]
    elsewhere = reported_by[1:]
    reporters = sorted({r.outlet or "?" for r in elsewhere})
    echoes = (f" The same denial is reported in {len(elsewhere)} more article(s) ({', '.join(reporters)})."
              if elsewhere else "")
    rule = _denial_rule(denials[0])
    explanation = (f"{_describe(denials[0], outlets)} denies what {len(asserted)} other statement(s) assert: "
                   f"{sides}{more}.{echoes} Why a denial: {_why_denial(denials[0], rule)}")
    evidence = DisputeEvidence(rule, [denials[0].cue, asserted[0].cue],
                               against.get(denials[0].id) if rule == "stance" else None)
    return Dispute(_dispute_id(claim.id, "denial", ids), claim.id, ids, "denial", explanation, CONFIDENCE[rule],
                   evidence, reported_by)


# An assertion that holds its proposition only as a question or as someone else's report does not assert it: "it
# would be difficult to confirm whether the woman is his wife", "it was investigating reports that she was captured".
_OPEN_QUESTION = re.compile(r"\bwhether\b", re.IGNORECASE)


def tells_of(statement: Statement) -> bool:
    """Whether an asserting statement only asks whether its proposition holds, tells of reports of it, or tells
    hearsay (`stance_words.HEARSAY`)."""
    return bool(_OPEN_QUESTION.search(statement.text) or HEARSAY.search(statement.text)) or (
        reported_clause(statement.text) is not None)


def _leading(denial: Statement, asserted: list[Statement], similarity: Similarity | None) -> Statement:
    """The assertion a denial is shown against first: the first in story order, unless another says what the
    denial denies clearly more nearly in meaning (CLEARLY_NEARER); and one of another article rather than the
    denial's own when it says nearly as much (AS_NEAR): a denial answered inside its own article is less news
    than one answered across outlets."""
    if similarity is None or len(asserted) < 2:
        return asserted[0]
    scores = {id(s): similarity(denial, s) for s in asserted}
    best = max(asserted, key=lambda s: scores[id(s)])
    lead = best if scores[id(best)] >= scores[id(asserted[0])] + CLEARLY_NEARER else asserted[0]
    lead = _in_its_words(denial, lead, [s for s in asserted if scores[id(s)] >= scores[id(best)] - AS_NEAR])
    elsewhere = [s for s in asserted if s.article_id != denial.article_id]
    if lead.article_id == denial.article_id and elsewhere:
        other = max(elsewhere, key=lambda s: scores[id(s)])
        if scores[id(other)] >= scores[id(lead)] - AS_NEAR:
            return other
    return lead


def _in_its_words(denial: Statement, lead: Statement, near: list[Statement]) -> Statement:
    """Of the assertions about as near in meaning as the nearest (`near`), the one that says what the denial rejects
    in its words, where it carries MORE_WORDS more of them than `lead`; else `lead`."""
    denied = predicate_stems(denial.text)
    shared = {id(s): len(denied & predicate_stems(s.text)) for s in near + [lead]}
    fullest = max(near, key=lambda s: shared[id(s)], default=lead)
    return fullest if shared[id(fullest)] >= shared[id(lead)] + MORE_WORDS else lead


def _contradictions(claim: Claim, statements: list[Statement], outlets: dict[str, str | None],
                    polarity: dict[str, str], close: Close) -> list[Dispute]:
    asserting = [s for s in statements if polarity[s.id] in _FIRM]
    values = {s.id: concrete_values(s.text) for s in asserting}
    found = []
    for i, first in enumerate(asserting):
        for second in asserting[i + 1:]:
            if (first.article_id == second.article_id or may_be_one_speaker(source_key(first), source_key(second))
                    or one_utterance(first, second) or not close(first, second)):
                continue
            conflict = _conflict(values[first.id], values[second.id])
            if conflict and _same_measure(first.text, second.text, conflict):
                kind, a, b = conflict
                ids = [first.id, second.id]
                explanation = (f"They give different {kind}s for the same claim: {', '.join(a)} in "
                               f"{_describe(first, outlets)} against {', '.join(b)} in "
                               f"{_describe(second, outlets)}.")
                found.append(Dispute(_dispute_id(claim.id, "contradiction", ids), claim.id, ids, "contradiction",
                                     explanation, CONFIDENCE["figures"],
                                     DisputeEvidence("figures", [first.cue, second.cue]), []))
    return found


def _opposites(claim: Claim, statements: list[Statement], outlets: dict[str, str | None], polarity: dict[str, str],
               opposed: Opposed, found: list[Dispute]) -> list[Dispute]:
    """Two independent sources in two articles telling opposite facts of one subject: "he is alive and well"
    against "he died". A fact told with a plain cue counts even where the stance model read it as against the
    claim ("said the recording was a hoax"): it still tells its fact. A pair already in a dispute is not raised
    again. One opposition told by many reports is one dispute (`_one_per_opposition`)."""
    # Only statements telling a fact of the lexicon are paired: a claim's pairs grow with the square of its size.
    told = [s for s in statements if (polarity[s.id] in _FIRM or s.polarity in _FIRM) and opposite_sides(s.text)]
    disputed = [set(d.statement_ids) for d in found]
    pairs = []
    for i, first in enumerate(told):
        for second in told[i + 1:]:
            if (first.article_id == second.article_id or may_be_one_speaker(source_key(first), source_key(second))
                    or one_utterance(first, second) or any({first.id, second.id} <= ids for ids in disputed)):
                continue
            if opposition := opposed(first, second):
                pairs.append((first, second, opposition))
    return [_opposite_facts(claim, group, outlets) for group in _one_per_opposition(pairs)]


OppositePair = tuple[Statement, Statement, str]


def _one_per_opposition(pairs: list[OppositePair]) -> list[list[OppositePair]]:
    """The pairs grouped into one conflict each: pairs of one opposition that share a statement. A hoax's "he died"
    told by five outlets against his representatives' "he is alive" told by three is one conflict for a reader, not
    fifteen disputes. Groups keep the order their first pairs were found in."""
    groups: list[list[OppositePair]] = []
    for pair in pairs:
        ids = {pair[0].id, pair[1].id}
        joined = [g for g in groups if any(p[2] == pair[2] and ids & {p[0].id, p[1].id} for p in g)]
        merged = [p for g in joined for p in g] + [pair]
        first = groups.index(joined[0]) if joined else len(groups)
        groups = [g for g in groups if not any(g is j for j in joined)]
        groups.insert(min(first, len(groups)), merged)
    return groups


def _opposite_facts(claim: Claim, group: list[OppositePair], outlets: dict[str, str | None]) -> Dispute:
    """One conflict: its first pair leads; every other statement of the group follows, each on its side."""
    first, second, opposition = group[0]
    side_of = {first.id: 0, second.id: 1}
    for _ in group:  # sides spread from the lead pair: a pair's two statements are on opposite sides
        for a, b, _ in group:
            if a.id in side_of and b.id not in side_of:
                side_of[b.id] = 1 - side_of[a.id]
            elif b.id in side_of and a.id not in side_of:
                side_of[a.id] = 1 - side_of[b.id]
    others = list({s.id: s for a, b, _ in group[1:] for s in (a, b) if s.id not in (first.id, second.id)}.values())
    ids = [first.id, second.id] + [s.id for s in others]
    reason = next(r for name, _, _, r in OPPOSITE_PREDICATES if name == opposition)
    explanation = (f"They tell opposite facts ({opposition}: {reason}): {_describe(first, outlets)} against "
                   f"{_describe(second, outlets)}.")
    for side, lead in ((0, first), (1, second)):
        also = [s for s in others if side_of.get(s.id) == side]
        if also:
            explanation += f" {len(also)} more statement(s) tell what {lead.speaker.name} tells: " + "; ".join(
                _describe(s, outlets) for s in also[:3]) + (f" (and {len(also) - 3} more)." if len(also) > 3 else ".")
    return Dispute(_dispute_id(claim.id, "contradiction", ids), claim.id, ids, "contradiction", explanation,
                   CONFIDENCE["opposites"], DisputeEvidence("opposites", [first.cue, second.cue]), [])


def described(a: Statement, b: Statement) -> bool:
    """Whether, in one article, one statement's speaker is named and the other's is a description of them:
    "Brian Williams" (the NBC News anchor) and, a paragraph on, "NBC's lead anchor". The description's head noun
    ends the named speaker's role, and it shares another word with that role (the anchor of NBC, not of CBS)."""
    if a.article_id != b.article_id:
        return False
    return _describes(a.speaker.name, b.speaker) or _describes(b.speaker.name, a.speaker)


def directive(statement: Statement) -> bool:
    """Whether a statement urges or dares someone to do a thing (its cue: stance_words.DIRECTIVE_CUES), which asserts
    nothing of it: "challenging people to find a gold watch under $20,000" says no watch is that cheap, as a denial
    that one can be found under $10,000 does."""
    return bool(DIRECTIVE_CUES.intersection(statement.cue.lower().split()))


# Verbs by which an assertion tells what its subject said: "the woman admitted in court that ...".
_SAID_BY_SUBJECT = re.compile(r"\s+(?:\w+\s+)?(?:said|says|told|tells|admitted|admits|confessed|conceded|acknowledged|"
                              r"claimed|claims|stated|insisted|wrote|testified)\b", re.IGNORECASE)


def own_words_told(denial: Statement, assertion: Statement) -> bool:
    """Whether an assertion tells what the denier said ("the woman admitted in court that she raised the cats",
    against "the woman denied all allegations"): the denier's words against the denier's, which are no dispute, only
    a change of story; its teller is not a side."""
    name = denial.speaker.name.strip()
    text = assertion.text.lstrip(" \"'“‘")
    return bool(name) and text.lower().startswith(name.lower()) and bool(_SAID_BY_SUBJECT.match(text[len(name):]))


def _describes(description: str, named: Speaker) -> bool:
    if not named.role or description == named.name:
        return False
    words, role = entity_key(description).split(), entity_key(named.role).split()
    return bool(words and role) and words[-1] == role[-1] and bool(set(words[:-1]) & set(role[:-1]))


# Share of the shorter quotation's words in the longer above which two quotations are one, re-reported.
SAME_WORDS = 0.9
# A speaker that is nobody: "no one", "nobody", "no local residents", "none of the witnesses".
_NOBODY = re.compile(r"(?:no|none|nobody|neither|no-one)\b", re.IGNORECASE)
def unsaid(statement: Statement) -> bool:
    """Whether the statement neither asserts nor denies its content, so is neither side of a dispute: the cue
    says the speaker did not say it ("I am not saying ...", "did not mention ..."), nobody said it ("no one
    reported a flash"), it is a question, or its content is a bare infinitive ("claiming to be the body"),
    which leaves out who did what."""
    if statement.text.rstrip(" \"'”’").endswith("?") or QUESTION_CUES.intersection(statement.cue.lower().split()):
        return True
    if _NOBODY.match(statement.speaker.name) or statement.text.lower().startswith("to "):
        return True
    return statement.polarity != "declines_comment" and cue_is_negated(statement.cue)


def one_utterance(a: Statement, b: Statement) -> bool:
    """Whether two statements are one utterance seen twice, which cannot conflict with itself: overlapping
    fragments of one article's sentence, or the same quoted words (a quotation reported by two outlets,
    however each named its speaker or read its cue)."""
    if a.article_id == b.article_id and _span(a)[0] < _span(b)[1] and _span(b)[0] < _span(a)[1]:
        # Also where one reports the other ("fans' anger at the report saying it was reckless"): a denial of a
        # report it names in its own sentence meets that report's other tellings, in other sentences.
        return True
    if not (a.direct and b.direct):
        return False  # "A said X" and "B denied X" share their words and are the very conflict sought
    mine, theirs = set(words(a.text)), set(words(b.text))
    # One quotation, or a part of it quoted elsewhere: "Well, there was a meeting" of a longer quote.
    return bool(mine and theirs) and len(mine & theirs) / min(len(mine), len(theirs)) >= SAME_WORDS


def _span(statement: Statement) -> tuple[int, int]:
    """The characters a statement takes in its article, its cue included."""
    starts = [statement.start] + ([statement.cue_start] if statement.cue_start >= 0 else [])
    return min(starts), max(statement.end, statement.cue_end)


def values_conflict(a: str, b: str) -> bool:
    """Whether two texts give rival dates, or rival numbers of one unit."""
    return _conflict(concrete_values(a), concrete_values(b)) is not None


def _same_measure(a: str, b: str, conflict: tuple[str, list[str], list[str]]) -> bool:
    """Whether rival figures measure one thing: the statements share what they say besides the figures' unit
    ("250,000 turkeys" quarantined and "3,000 turkeys" tested positive count two things), and one of them names
    what it speaks of, which the other names too ("the talks will be held on Jan. 12"). A figure of "he" or of
    nobody named may be anyone's: on PolNeAR's political news, one candidate's cash ("he had almost $5 million")
    was set against another's, and one poll's figure among Democrats against its figure among all likely voters."""
    _, mine, theirs = conflict
    units = {w for value in mine + theirs for w in content_stems(words(value))}
    return bool((predicate_stems(a) & predicate_stems(b)) - units) and (tells_of_subject(a, b) or
                                                                       tells_of_subject(b, a))


def _conflict(a: dict, b: dict) -> tuple[str, list[str], list[str]] | None:
    """Two dates with none in common, or figures of one unit that cannot both hold ("50 doctors" against "60
    doctors"; "at least 50" and "between 50 and 60" agree). Figures of different units are no conflict:
    "20 percent" and "3 million people" can both be true."""
    if a["date"] and b["date"] and not a["date"] & b["date"]:
        return "date", sorted(a["date"]), sorted(b["date"])
    rival = conflicting(a["number"], b["number"])
    if rival:
        _, mine, theirs = rival
        return "number", sorted({q.text for q in mine}), sorted({q.text for q in theirs})
    return None


# A statement quoted in an explanation is cut here: the explanation sets two side by side on one screen.
QUOTED_CHARS = 140


def _denial_rule(denial: Statement) -> str:
    """What makes a statement a denial: its cue ("denied"), its words under a denying reading of the statement
    itself, or only the stance model's reading of a plainly cued one (its polarity stays "asserts")."""
    if denial.polarity == "denies" and (_denying_cue(denial.cue) or is_negated(denial.cue)):
        return "cue"
    return "words" if denial.polarity == "denies" else "stance"


def _why_denial(denial: Statement, rule: str) -> str:
    """The rule that makes a statement a denial, in words for the reader to weigh."""
    if rule == "cue":
        return f"its cue “{denial.cue}”."
    if rule == "words":
        return f"its words reject the claim (cue “{denial.cue}”)."
    return (f"its cue “{denial.cue}” is plain, but its words negate what the others assert; the stance model read "
            "it as against them.")


def _denying_cue(cue: str) -> bool:
    """"denied", "has rejected", "dismissed": a cue that denies by itself."""
    return any(base_polarity(lemma) == "denies" for lemma in map(cue_lemma, cue.lower().split()) if lemma)


def _fullest_first(denials: list[Statement]) -> list[Statement]:
    """One denial's tellings, the one a reader should see first leading: a denying cue, then the shortest chain of
    sources (the denier's words as its own outlet reports them, not as a paper retells another's report: "an Iraqi
    official denied ..." told by a paper before the same told by a paper citing an agency), then the most words
    ("denied that the president had proposed a liaison office" before "rejected the report")."""
    return sorted(denials, key=lambda d: (not _denying_cue(d.cue), len(d.chain) or 1, -len(d.text.split())))


def _describe(statement: Statement, outlets: dict[str, str | None]) -> str:
    via = " → ".join(statement.chain) if len(statement.chain) > 1 else (outlets.get(statement.article_id) or "?")
    when = f", {statement.said_on.isoformat()}" if statement.said_on else ""
    text = " ".join(statement.text.split())
    text = text if len(text) <= QUOTED_CHARS else text[:QUOTED_CHARS - 1] + "…"
    return f"{statement.speaker.name} ({via}{when}): “{text}”"


def _dispute_id(claim_id: str, kind: str, ids: list[str]) -> str:
    return "D" + hashlib.sha1(f"{claim_id}:{kind}:{','.join(sorted(ids))}".encode()).hexdigest()[:11]
