"""Group statements that carry the same proposition into claims, and keep each claim's status current.

Statements arrive one article at a time. Each joins the claim of its story whose statements it is most like
on average (average link: one loosely worded member cannot chain two different propositions together), or
starts a claim of its own. Each statement's stance to its claim starts from its cue ("denied", "said") and
is corrected by the stance model where the wording says otherwise (see `stances`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from storytrace.link.disputes import (Close, Opposed, Similarity, find_disputes, one_utterance, unsaid,
                                      values_conflict)
from storytrace.link.propositions import (Proposition, PropositionEncoder, coverage, load_proposition_encoder,
                                          names_a_report, predicate_stems, proposition_similarity,
                                          stem_similarity, stems, tells_of_subject)
from storytrace.link.sources import count_sources, may_be_one_speaker, same_source, source_key
from storytrace.link.stance import ChatStance, Embed, StanceBackend, StanceHead, TrainedStance, load_heads
from storytrace.analyze.stance_words import (CHANGE_OF_STATE, is_hedged, is_negated, opposite_facts, opposite_sides,
                                            untenable)
from storytrace.budget import Deadline
from storytrace.link.targets import TERSE, denial_targets
from storytrace.model import Article, Claim, Dispute, LinkContext, Statement
from storytrace.settings import Settings

ASSERTING = {"asserts", "confirms", "speculates"}
# Words a statement needs to carry a proposition another can conflict with: "Banksy was arrested" has three; a
# URL slug or a bare name has one.
MIN_WORDS = 3
# Cosine of two statements' sentence vectors (MiniLM) from which a denial and an assertion that share too few words
# say the same thing: on FNC-1 train, pairs at 0.8 or more restate one claim; below, "we will not negotiate" and
# "the government wants to negotiate" (0.61) or a leader's death and his aide's (0.71) are different things.
SAME_MEANING = 0.8
# A denial far in words from what it denies still denies it when the two tell one thing of one subject: they share
# this many content words besides names (what is said of them), are this alike in meaning, and the denied clause's
# subject is named in the assertion (`tells_of_subject`). On FNC-1 train: DHS "rebutting" Hunter's "at least ten ISIS fighters have been caught coming across the border" against another
# outlet's "border officials have caught 'at least 10' Islamic State fighters" (4 shared, cosine 0.74); Israel
# rejecting that "authorities were responsible for released storm waters" against "Israeli authorities opened the
# floodgates to discharge the accumulated water" (3, 0.53); a story "suggesting that Robert Plant ripped up an $800
# contract" called false against "the singer ripped the $800 million contract to shreds" (3, 0.53). Two shared
# words ("border", "ISIS") are what any two statements of one story share; "bulldozers were bringing sands to reduce
# the water in the area" shares three with the storm waters denial, but not its subject.
SHARED_PREDICATE = 3
FAR_MEANING = 0.5
# A negated statement restates another source's assertion, so denies it, when most of its weighted words are in the
# assertion and the two are this alike in meaning: "Bale will not be starring as Jobs in Sorkin's biopic" against
# "Bale is in talks to play the lead in the Jobs biopic" (0.69 of its words, cosine 0.78); "God clearly isn't a
# female" against "God is female" (0.73, 0.70). The stance model reads few of these as against (0.27 for the first).
RESTATED_COVERAGE = 0.6
RESTATED_MEANING = 0.7
# Words that negate a clause outright, unlike those that only doubt or lack ("unclear", "without"), which
# `is_negated` also counts; and a subject that is none of them ("None of the 28 bodies belongs to the missing
# students" restates "the bodies are believed to belong to the students", negated).
_NEGATOR = re.compile(r"\b(?:not|never|no\s+longer|none|nobody|no\s+one|nothing)\b|n['’]t\b", re.IGNORECASE)
# Words by which an assertion tells a change of state itself ("police will stop arresting people and will instead
# issue a summons"): a statement that something will "no longer" be done tells the same change, and denies nothing
# of it.
_TELLS_A_CHANGE = re.compile(r"\b(?:stop|stops|stopped|stopping|ceases?|ceased|ceasing|ends?|ended|ending|halt\w*|"
                             r"instead|rather\s+than|no\s+longer|phas\w+\s+out)\b", re.IGNORECASE)
# A break before the negation puts it in a later clause than the one the statement opens with: "Rogen was in talks
# to play Wozniak, but that casting has not been confirmed" agrees with the talks.
_CLAUSE_BREAK = re.compile(r"[,;:(]|\b(?:but|though|although|while|which|who|whom|because|since|after|before|when|"
                           r"if|and|or|whether|until|unless|that)\b", re.IGNORECASE)
# A negated verb of knowing, telling or being able doubts or withholds; it denies nothing: "had not commented on
# whether he was killed", "could not verify the tape", "I don't know".
_NOT_KNOWING = re.compile(r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+){0,2}?(?:comment|confirm|verif|know|sure|clear|"
                          r"aware|say|said|tell|told|believe|think|seen|heard|able|independently|expect|rule|"
                          r"immediately|yet|respond|return|reveal|disclose|identif|name|want|need|have\s+to)",
                          re.IGNORECASE)
# A negation that affirms what follows it denies nothing: "it would not surprise me if they opened a restaurant"
# and "I don't doubt that ..." grant the clause, "not just a failure, but a catastrophe" asserts the failure (on the
# held-out FNC-1 claims, two reports of the first were read as denials of the restaurant); "it's not too early to say
# he is a hero" says he is (on the unrefuted ones, read as a denial of the heroism); "this is not the first time they
# have opened the floodgates" says they have (on the contested ones, read as a denial of the opening).
_AFFIRMING_NEGATION = re.compile(r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+){0,2}?(?:surpris|doubt|just\b|only\b|"
                                 r"merely|simply|too\s+(?:early|soon|late)\b|(?:the\s+)?first\s+time\b)",
                                 re.IGNORECASE)
# How alike in meaning (MiniLM cosine) two statements telling opposite facts must be to tell them of one subject:
# on FNC-1 train, "the viral video is real" and "the video was a fake" (0.56), "the audiotape was genuine" and
# "the recording was a hoax" (0.46) are; "eight soldiers had been killed" and "the schoolgirls are all alive and
# well" (0.42) speak of different people.
OPPOSITE_SAME_SUBJECT = 0.45
SUMMARY_CHARS = 200  # a claim's summary is a one-line label in lists; the statements carry the whole text
# Share of an article's time budget that placing its statements in claims may use: refreshing the claims they
# touched (stances, disputes) takes about as long again, and a claim left unrefreshed loses its new statements.
PLACING_SHARE = 0.5


class CachedEmbed:
    """A sentence encoder that encodes each text once per process: a claim's representatives and its
    statements are read again each time an article joins the story. Bounded: cleared when full."""

    def __init__(self, embed: Embed, size: int = 50_000):
        self._embed = embed
        self._size = size
        self._vectors: dict[str, np.ndarray] = {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            if len(self._vectors) + len(missing) > self._size:
                self._vectors.clear()
            self._vectors.update(zip(missing, self._embed(missing)))
        return np.stack([self._vectors[t] for t in texts]) if texts else self._embed([])


@dataclass
class ClaimModels:
    """What claim linking needs, loaded once (`storytrace.loading.load_models`) and passed in."""

    propositions: PropositionEncoder
    stance: StanceBackend | None  # claim vs short statement (for / against / observing); None: cues only
    embed: Embed  # sentence encoder (MiniLM) for the few statements the cheap similarity cannot place

    def __post_init__(self) -> None:
        self._stances: dict[tuple[str, str], np.ndarray] = {}

    def vectors(self, texts: list[str]) -> dict[str, np.ndarray]:
        return dict(zip(texts, self.embed(texts)))

    def stance_proba(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """The stance backend's probabilities, each (claim, text) pair read once per process."""
        missing = list(dict.fromkeys(p for p in pairs if p not in self._stances))
        if missing and self.stance is not None:
            if len(self._stances) > 50_000:
                self._stances.clear()
            self._stances.update(zip(missing, self.stance.predict_proba(missing)))
        return np.stack([self._stances[p] for p in pairs])


def load_claim_models(embed: Embed, settings: Settings | None = None) -> ClaimModels:
    """WordLlama propositions, a stance backend and the sentence encoder `embed` (shared, with a cache, by
    the stance features and the grouping); the fnc1 head's news idf weights the stems. The stance backend is
    the trained model's Emergent head, or the chat endpoint `settings.stance_endpoint` when one is set."""
    settings = settings or Settings()
    heads = load_heads(names=("fnc1", "emergent"))
    cached = CachedEmbed(embed)
    stance: StanceBackend = (ChatStance(settings.stance_endpoint, settings.stance_endpoint_model)
                             if settings.stance_endpoint else TrainedStance(cached, head="emergent", heads=heads))
    return ClaimModels(proposition_encoder(heads), stance, cached)


def proposition_encoder(heads: dict[str, StanceHead] | None = None) -> PropositionEncoder:
    """The default proposition encoder; its stems are weighted by the idf of FNC-1's news bodies, stored
    with the stance model's fnc1 head."""
    space = (heads or load_heads(names=("fnc1",)))["fnc1"].space
    return load_proposition_encoder(space.idf, space.default_idf)


class ClaimIndex:
    """The claims of one story, placing new statements one at a time.

    The cheap similarity (static embeddings and stems, `proposition_similarity`) is averaged over each
    claim's members; it keeps running sums, so that average costs one dot product however large the claim.
    A statement below `claim_candidate_similarity` for every claim starts its own; otherwise it joins the
    best claim. Optionally (`claim_semantic_check`), where the best is under `claim_similarity` (about one
    statement in eight on Emergent) MiniLM decides instead: the statement's sentence vector against those
    of the three likeliest claims' first two members, averaged with the stem score, and statements of one
    article in that band stay apart. Emergent B-cubed F1: 0.83 cheap only, 0.86 with the check. The check
    is off by default: MiniLM in the main process, beside the spaCy workers, costs about 15 ms a text,
    which the pipeline's speed budget cannot pay."""

    REPRESENTATIVES = 2
    CANDIDATES = 3

    def __init__(self, models: ClaimModels, settings: Settings) -> None:
        self._models = models
        self._settings = settings
        self._vectors: dict[str, np.ndarray] = {}
        self._terms: dict[str, dict[str, float]] = {}
        self._sizes: dict[str, int] = {}
        self._texts: dict[str, list[str]] = {}
        self._articles: dict[str, set[str]] = {}
        self.encoded = 0  # statements that needed the sentence encoder

    def add(self, claim_id: str, text: str, proposition: Proposition, article_id: str) -> None:
        if claim_id not in self._sizes:
            self._articles[claim_id] = set()
            self._vectors[claim_id] = np.zeros_like(proposition.vector)
            self._terms[claim_id] = {}
            self._sizes[claim_id] = 0
            self._texts[claim_id] = []
        self._vectors[claim_id] += proposition.vector
        terms = self._terms[claim_id]
        for word, weight in proposition.terms.items():
            terms[word] = terms.get(word, 0.0) + weight
        self._sizes[claim_id] += 1
        self._articles[claim_id].add(article_id)
        if len(self._texts[claim_id]) < self.REPRESENTATIVES:
            self._texts[claim_id].append(text)

    def place(self, text: str, proposition: Proposition, article_id: str) -> str | None:
        """The claim `text` (of article `article_id`) belongs to, or None when it carries a proposition of
        its own."""
        scores = {claim_id: self._average(proposition, claim_id) for claim_id in self._sizes}
        best = max(scores, key=scores.__getitem__, default=None)
        if best is None or scores[best] < self._settings.claim_candidate_similarity:
            return None
        if scores[best] >= self._settings.claim_similarity or not self._settings.claim_semantic_check:
            return best
        candidates = self._uncertain(scores, article_id)
        return self._closest_by_meaning(text, proposition, candidates) if candidates else None

    def _uncertain(self, scores: dict[str, float], article_id: str) -> list[str]:
        """The claims the sentence encoder should compare a statement with: the few likeliest in the
        uncertain band that have statements of other articles (each costs the encoder its representatives)."""
        if max(scores.values(), default=0.0) >= self._settings.claim_similarity:
            return []
        band = [c for c, score in scores.items() if score >= self._settings.claim_candidate_similarity
                and self._articles[c] - {article_id}]
        return sorted(band, key=scores.__getitem__, reverse=True)[:self.CANDIDATES]

    def prefetch(self, items: list[tuple[str, Proposition]], article_id: str) -> None:
        """Encode in one batch the statements (and their candidates' representatives) that will need the
        sentence encoder against the claims as they stand: one call per article instead of one per statement."""
        if not self._settings.claim_semantic_check:
            return
        wanted = []
        for text, proposition in items:
            candidates = self._uncertain({c: self._average(proposition, c) for c in self._sizes}, article_id)
            if candidates:
                wanted += [text] + [t for c in candidates for t in self._texts[c]]
        if wanted:
            self._models.vectors(wanted)

    def _average(self, proposition: Proposition, claim_id: str) -> float:
        summed = Proposition(self._vectors[claim_id], self._terms[claim_id])
        return proposition_similarity(proposition, summed) / self._sizes[claim_id]

    def _closest_by_meaning(self, text: str, proposition: Proposition, candidates: list[str]) -> str | None:
        self.encoded += 1
        vectors = self._models.vectors([text] + [t for c in candidates for t in self._texts[c]])
        own = vectors[text]
        best, best_score = None, self._settings.claim_semantic_similarity
        for claim_id in candidates:
            meaning = float(np.mean([own @ vectors[t] for t in self._texts[claim_id]]))
            stems_score = stem_similarity(proposition, Proposition(self._vectors[claim_id], self._terms[claim_id]))
            score = 0.5 * meaning + 0.5 * stems_score / self._sizes[claim_id]
            if score >= best_score:
                best, best_score = claim_id, score
        return best


@dataclass
class ClaimChanges:
    """What linking one article's statements changes: claim assignments, merged-away claims, and the claims
    (with their disputes) recomputed."""

    claim_of: dict[str, str] = field(default_factory=dict)
    deleted: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    disputes: dict[str, list[Dispute]] = field(default_factory=dict)


def link_claims(article: Article, context: LinkContext, settings: Settings, models: ClaimModels,
                deadline: Deadline | None = None) -> ClaimChanges:
    """Put each statement of a new article into a claim of its story (`context`: the story's stored statements
    and their claims); return the assignments, merges and refreshed claims. Reads nothing but its arguments.

    Past `deadline` the statements not yet placed stay out of claims, denials are not paired across claims,
    and a claim not yet refreshed keeps its stored state (this article's statements leave it); the deadline
    records each cut."""
    deadline = deadline or Deadline.none()
    changes = ClaimChanges()
    pool = [s for s in context.statements if s.article_id != article.id]
    claim_of: dict[str, str | None] = {s.id: context.claim_of.get(s.id) for s in pool}
    own = sorted(article.statements, key=lambda s: s.start)  # story order, as the store would list them
    targets = denial_targets(pool + own, models.embed)

    def meant(statement: Statement) -> str:
        return targets.get(statement.id, statement.text)  # a terse denial is compared by what it denies

    index = ClaimIndex(models, settings)
    for statement, proposition in zip(pool, models.propositions.encode([meant(s) for s in pool])):
        if claim_of.get(statement.id):
            index.add(claim_of[statement.id], meant(statement), proposition, statement.article_id)
    fresh = [s for s in own if stems(s.text)]
    propositions = models.propositions.encode([meant(s) for s in fresh])
    index.prefetch([(meant(s), p) for s, p in zip(fresh, propositions)], article.id)
    touched: set[str] = set()
    for placed, (statement, proposition) in enumerate(zip(fresh, propositions)):
        if deadline.expired(PLACING_SHARE):
            deadline.cut(f"{len(fresh) - placed:,} of {len(fresh):,} statements not grouped into claims")
            fresh = fresh[:placed]
            break
        claim_id = index.place(meant(statement), proposition, article.id)
        if claim_id is None:
            claim_id = "C" + hashlib.sha1(statement.id.encode()).hexdigest()[:11]
        changes.claim_of[statement.id] = claim_of[statement.id] = claim_id
        index.add(claim_id, meant(statement), proposition, article.id)
        touched.add(claim_id)
    # A denial may be of a claim it was not grouped with (terse denials group poorly), and it may arrive
    # before or after what it denies: every (denial, assertion) pair this article brings is looked at once;
    # claims with an assertion closely denied are refreshed too, and every refresh weighs the story's denials.
    # A negated restatement of another source's assertion ("Bale will not play Jobs") is a denial, however the
    # grouper placed the two.
    fresh_ids = {s.id for s in fresh}
    restated = negated_restatements(pool + fresh, models, fresh_ids) if not deadline.expired() else {}
    read = [replace(s, polarity="denies") if s.id in restated else s for s in pool + fresh]
    denials = [s for s in read if s.polarity == "denies" and not unsaid(s)]
    merged: set[str] = set()
    if denials and deadline.expired():
        deadline.cut("denials not paired with the story's other claims")
    elif denials:
        denied = _newly_denied(denials, read, fresh_ids, claim_of,
                               _closeness(read, models, settings, targets, restates=restated), deadline)
        touched |= {claim_of[s.id] for _, s in denied}
        merged = _merge_denied(denied, pool + fresh, claim_of, changes)
        touched = merged | (touched & set(claim_of.values()))
    # Two sources telling opposite facts of one subject ("he is alive and well", "he died") are in one claim, as a
    # denial is with what it denies, however the grouper placed them: their words differ just where they conflict.
    opposite = _newly_opposed(read, fresh_ids, claim_of, _opposition(models)) if not deadline.expired() else []
    if opposite:
        touched |= {claim_of[s.id] for pair in opposite for s in pair}
        # Merged as a denial is with its assertion: the one a denial's words might read (the plain side) is the
        # assertion, so that `_merge_denied` keeps it.
        pairs = [(a, b) if not is_negated(b.text) else (b, a) for a, b in opposite]
        merged |= _merge_denied(pairs, pool + fresh, claim_of, changes)
        touched = merged | (touched & set(claim_of.values()))
    outlets = {**context.outlets, article.id: article.outlet}
    story_statements = pool + own
    left: list[str] = []
    for claim_id in sorted(touched):
        if claim_id not in merged and deadline.expired():  # a merged claim's statements have moved: refresh it
            left.append(claim_id)
            continue
        members = [s for s in story_statements if claim_of.get(s.id) == claim_id]
        claim, disputes = refresh_claim(claim_id, context.story_id, members, outlets, settings, models, denials,
                                        targets, deadline)
        changes.claims.append(claim)
        changes.disputes[claim_id] = disputes
    if left:
        deadline.cut(f"{len(left):,} claim(s) not updated (this article's statements left out of them)")
        changes.claim_of = {sid: claim_id for sid, claim_id in changes.claim_of.items() if claim_id not in left}
    return changes


def _newly_denied(denials: list[Statement], statements: list[Statement], fresh: set[str],
                  claim_of: dict[str, str | None], close: Close, deadline: Deadline) -> list[tuple[Statement, Statement]]:
    """(denial, assertion) pairs where the denial closely denies the assertion and one of them is fresh; past
    `deadline` the denials not yet looked at are left out."""
    asserted = [s for s in statements if s.polarity in ASSERTING and claim_of.get(s.id) and not unsaid(s)]
    pairs = []
    for number, denial in enumerate(denials):
        if deadline.expired():
            deadline.cut(f"{len(denials) - number:,} of {len(denials):,} denials not paired with the assertions "
                         f"they may deny")
            break
        pairs += [(denial, s) for s in asserted
                  if (denial.id in fresh or s.id in fresh) and close(denial, s) and not one_utterance(denial, s)]
    return pairs


def _newly_opposed(statements: list[Statement], fresh: set[str], claim_of: dict[str, str | None],
                   opposed: Opposed) -> list[tuple[Statement, Statement]]:
    """Pairs of firm assertions of independent sources in two articles, one of them fresh, that tell opposite facts
    of one subject."""
    firm = [s for s in statements if s.polarity in ("asserts", "confirms") and claim_of.get(s.id)
            and opposite_sides(s.text) and not unsaid(s)]  # the few that tell a fact of the lexicon, looked up once
    pairs = []
    for number, first in enumerate(firm):
        for second in firm[number + 1:]:
            if ((first.id in fresh or second.id in fresh) and first.article_id != second.article_id
                    and not may_be_one_speaker(source_key(first), source_key(second))
                    and not one_utterance(first, second) and opposed(first, second)):
                pairs.append((first, second))
    return pairs


def _opposition(models: ClaimModels) -> Opposed:
    """Which opposite facts two statements tell of one subject (OPPOSITE_SAME_SUBJECT), if any."""

    def opposed(a: Statement, b: Statement) -> str | None:
        opposition = opposite_facts(a.text, b.text)
        if opposition is None:
            return None
        vectors = models.vectors([a.text, b.text])
        return opposition if float(vectors[a.text] @ vectors[b.text]) >= OPPOSITE_SAME_SUBJECT else None

    return opposed


def _merge_denied(denied: list[tuple[Statement, Statement]], statements: list[Statement],
                  claim_of: dict[str, str | None], changes: ClaimChanges) -> set[str]:
    """Claims that one denial closely denies (in plainly worded assertions, as `find_disputes` reads them), and
    the denial's own, carry one proposition: the grouper kept them apart (different wording), the denial
    shows they are one. Each such set becomes its largest claim, so that a reader sees the denial once,
    against every assertion of what it denies. Returns the claims that gained statements."""
    grown: set[str] = set()
    denied_by: dict[str, list[Statement]] = {}  # what each denial denies: one pass, not one per denial
    for denial, statement in denied:
        denied_by.setdefault(denial.id, []).append(statement)
    for denial in {d.id: d for d, _ in denied}.values():
        group = {claim_of[s.id] for s in denied_by[denial.id] if not is_negated(s.text)}
        if not group:
            continue
        own = claim_of.get(denial.id)
        if own:
            group.add(own)
            if len(group) < 2:
                continue
        sizes = Counter(claim_of[s.id] for s in statements if claim_of.get(s.id) in group)
        target = min(group, key=lambda c: (-sizes[c], c))
        for statement in statements:
            if claim_of.get(statement.id) in group - {target}:
                changes.claim_of[statement.id] = claim_of[statement.id] = target
        if own is None:
            # A denial in no claim (too terse to group, "denies the report"; or its article ran out of time)
            # joins the claim of what it denies.
            changes.claim_of[denial.id] = claim_of[denial.id] = target
        changes.deleted.extend(sorted(group - {target}))
        grown.add(target)
    # A later denial may have merged an earlier target away.
    return grown & set(claim_of.values())


def group_propositions(texts: list[str], models: ClaimModels, settings: Settings) -> tuple[list[int], int]:
    """Claim groups for texts taken one at a time, as statements arrive: each joins the group it belongs to
    or starts its own. Returns a group number per text (the index of the group's first text), and how many
    texts needed the sentence encoder."""
    index = ClaimIndex(models, settings)
    groups: list[int] = []
    for position, (text, proposition) in enumerate(zip(texts, models.propositions.encode(texts))):
        match = index.place(text, proposition, str(position)) if stems(text) else None
        group = int(match) if match is not None else position
        index.add(str(group), text, proposition, str(position))
        groups.append(group)
    return groups, index.encoded


def refresh_claim(claim_id: str, story_id: str, statements: list[Statement], outlets: dict[str, str | None],
                  settings: Settings, models: ClaimModels,
                  denials: list[Statement] = (), targets: dict[str, str] | None = None,
                  deadline: Deadline | None = None) -> tuple[Claim, list[Dispute]]:
    """A claim's stances, summary, status and disputes from its current `statements` (in story order), and from
    the story's `denials` grouped elsewhere that closely deny one of its assertions. `targets`: what each terse
    denial denies (`denial_targets`), where its article says.

    Past `deadline` the pairs of statements not yet compared are taken as not close: the claim keeps the
    stances read and the disputes found by then, and the deadline records how many pairs were left."""
    deadline = deadline or Deadline.none()
    restated = negated_restatements(statements, models)
    # Read as denials from here on: compared as a denial is with what it denies, and raised by its words.
    statements = [replace(s, polarity="denies") if s.id in restated else s for s in statements]
    members = {s.id for s in statements}
    close = _Timed(_closeness(statements + [d for d in denials if d.id not in members], models, settings, targets,
                              restates=restated), deadline)
    stance, against = stances(statements, models, settings, close, deadline)
    outside = [d for d in denials if d.id not in members
               and any(stance[s.id] in ASSERTING and close(d, s) for s in statements)]
    stance.update({d.id: "denies" for d in outside})
    involved = statements + outside
    claim = Claim(claim_id, story_id, _summary(statements, stance), [s.id for s in statements])
    same_facts = _Timed(_closeness(statements, models, settings, targets, either_way=True), deadline)
    disputes = find_disputes(claim, involved, {s.article_id: outlets.get(s.article_id) for s in involved},
                             stance, close, same_facts, against, _meaning(models, targets or {}),
                             _opposition(models))
    claim.status = claim_status(involved, stance, any(d.kind == "denial" for d in disputes))
    if skipped := close.skipped + same_facts.skipped:
        deadline.cut(f"{skipped:,} pair(s) of a claim's statements not compared for disputes")
    return claim, disputes


def _meaning(models: ClaimModels, targets: dict[str, str]) -> Similarity:
    """The cosine of two statements' sentence vectors (MiniLM, cached), a terse denial read as what it denies."""

    def similarity(a: Statement, b: Statement) -> float:
        first, second = targets.get(a.id, a.text), targets.get(b.id, b.text)
        vectors = models.vectors([first, second])
        return float(vectors[first] @ vectors[second])

    return similarity


class _Timed:
    """A `Close` that answers "not close" once the deadline is spent, counting the pairs it did not compare: the
    loops over pairs (denials against assertions, rival figures) grow with the square of a claim's size, and
    `find_disputes` takes no deadline of its own."""

    def __init__(self, close: Close, deadline: Deadline):
        self.close, self.deadline, self.skipped = close, deadline, 0

    def __call__(self, a: Statement, b: Statement) -> bool:
        if self.skipped or self.deadline.expired():
            self.skipped += 1
            return False
        return self.close(a, b)


def _closeness(statements: list[Statement], models: ClaimModels, settings: Settings,
               targets: dict[str, str] | None = None, either_way: bool = False,
               restates: dict[str, set[str]] | None = None) -> Close:
    """Whether two statements say the same thing closely enough to be in conflict (a claim groups more
    loosely than a dispute may). A denial must be contained in what it denies: most of its weighted words
    there, and (unless terse: "No such proposal has been made") similar overall; the assertion may say
    more. Two assertions must each contain most of the other's words, or with `either_way` (rival facts)
    one the other's: an outlet that gives a date with more context ("the two sides agreed to hold
    exploratory talks, to be held in Geneva on Jan. 5") still speaks of the talks another places on Jan.
    12, but a negatively worded remark that merely shares names with an assertion is not its denial. A
    statement of a single content word says too little to conflict, and two that share only names say
    different things of them (unless one is a denial naming a report: "dismissed the reports"). A terse
    denial is compared by what it denies (`targets`) where its article says. A negated statement is close to the
    assertions it restates (`restates`, from `negated_restatements`)."""
    targets, restates = targets or {}, restates or {}
    said = {s.id: targets.get(s.id, s.text) for s in statements}
    propositions = dict(zip(said, models.propositions.encode(list(said.values()))))

    def close(a: Statement, b: Statement) -> bool:
        if b.polarity == "denies" and a.polarity != "denies":
            a, b = b, a
        if b.id in restates.get(a.id, ()):
            return True
        pa, pb = propositions[a.id], propositions[b.id]
        too_short = min(len(said[a.id].split()), len(said[b.id].split())) < MIN_WORDS
        if min(len(pa.terms), len(pb.terms)) < 2 or too_short:
            return False
        shared = predicate_stems(said[a.id]) & predicate_stems(said[b.id])
        if not shared and not (a.polarity == "denies" and names_a_report(said[a.id])):
            return False  # they share only names: they say different things of them
        similar = proposition_similarity(pa, pb) >= settings.claim_dispute_similarity
        if a.polarity == "denies":
            if coverage(pa, pb) >= settings.claim_dispute_coverage and (similar or len(pa.terms) <= TERSE):
                return True
            # the same proposition in other words: "officials speculated the meteorite is a piece of asteroid 2014
            # RC" and "the possible meteorite impact, linked with the asteroid 2014 RC" share too few words
            vectors = models.vectors([said[a.id], said[b.id]])
            meaning = float(vectors[said[a.id]] @ vectors[said[b.id]])
            return meaning >= SAME_MEANING or (meaning >= FAR_MEANING and len(shared) >= SHARED_PREDICATE
                                               and tells_of_subject(said[a.id], said[b.id]))
        contained = (max if either_way else min)(coverage(pa, pb), coverage(pb, pa))
        return similar and contained >= settings.claim_dispute_coverage

    return close


def stances(statements: list[Statement], models: ClaimModels, settings: Settings,
            close: Close | None = None, deadline: Deadline | None = None) -> tuple[dict[str, str], dict[str, float]]:
    """Each statement's stance to its claim (a polarity). The cue decides, except where a statement with a
    plain cue ("said") words the claim as a guess (or, with `settings.stance_denials`, negatively): then the
    stance model, reading it against the plain assertion it would be set against (the first one close to it,
    else the claim's first), may turn it into a speculation (or a denial). A confident reading counts.

    The model (a sentence encoder and trees, milliseconds a statement) reads only where its answer can
    change a dispute: a hedged statement whose figures conflict with another source's firm statement (a
    contradiction?), and with `stance_denials` a negatively worded one close to another source's assertion
    (a denial?).

    Past `deadline` the statements not yet looked at keep their cue's stance.

    Returns the stances, and for each statement the model turned into a denial its probability of 'against'."""
    result = {s.id: s.polarity for s in statements}
    against: dict[str, float] = {}
    plain = [s for s in statements if s.polarity in ("asserts", "confirms") and not _marked(s.text)]
    if not plain or models.stance is None:
        return result, against
    close = close or (lambda a, b: True)
    # "confirmed that he is not dead" confirms a denial: the cue's stance is not the statement's to the claim.
    deadline = deadline or Deadline.none()
    doubtful: dict[str, list[Statement]] = {}
    cued = [s for s in statements if s.polarity in ("asserts", "confirms")]
    for number, statement in enumerate(cued):
        if deadline.expired():
            deadline.cut(f"{len(cued) - number:,} of {len(cued):,} statements of a claim keep their cue's stance "
                         f"unread")
            break
        if (others := _opposite(statement, statements, close, settings.stance_denials)) is not None:
            doubtful[statement.id] = others
    if not doubtful:
        return result, against
    by_id = {s.id: s for s in statements}
    reference = {sid: next((o for o in others if o in plain), plain[0]) for sid, others in doubtful.items()}
    proba = models.stance_proba([(reference[sid].text, by_id[sid].text) for sid in doubtful])
    labels = list(models.stance.labels)
    for sid, row in zip(doubtful, proba):
        statement = by_id[sid]
        opposed, observing = float(row[labels.index("against")]), float(row[labels.index("observing")])
        if (settings.stance_denials and opposed >= settings.stance_denial_confidence
                and is_negated(statement.text)):
            result[sid] = "denies"
            against[sid] = opposed
        elif observing >= settings.stance_hedge_confidence and is_hedged(statement.text):
            result[sid] = "speculates"
    return result, against


def negated_restatements(statements: list[Statement], models: ClaimModels,
                         fresh: set[str] | None = None) -> dict[str, set[str]]:
    """The plainly cued statements that negate, in the clause they open with, what another source asserts in
    plain words, restating it (RESTATED_COVERAGE, RESTATED_MEANING): "Bale will not play Jobs" against "Bale will
    play Jobs"; and those that call it impossible or say there is no such thing (stance_words.UNTENABLE), restating
    it in their own words ("it is not plausible that a spider might crawl beneath skin through a scar" against "the
    spider has crawled in through the scar": SHARED_PREDICATE words besides names). A guess, a negated "know" or
    "comment" ("had not commented on whether ..."), or a negation in a later clause denies nothing; one that shares
    fewer of its words restates the assertion when it tells the same of it in other words (SHARED_PREDICATE words
    besides names, cosine SAME_MEANING: "None of the 28 bodies found in a mass grave belongs to the 43 missing
    students" against "the roughly 30 bodies in the grave are believed to belong to the missing students"), unless
    it tells a change of state the assertion tells too ("will no longer arrest" against "will stop arresting, and
    instead ..."); a hedge after
    the words that call a thing impossible is part of what they reject ("no reason why a spider might ...").
    With `fresh`, only pairs holding a fresh statement are read. Returns, for each, the assertions it restates."""
    negated = [s for s in statements if not unsaid(s) and (
        (s.polarity in ("asserts", "confirms") and main_clause_negated(s.text) and not is_hedged(s.text))
        or (s.polarity in ASSERTING and untenable(s.text)))]
    plain = [s for s in statements if s.polarity in ASSERTING and not is_negated(s.text) and not unsaid(s)]
    if not negated or not plain:
        return {}
    texts = list(dict.fromkeys(s.text for s in negated + plain))
    propositions = dict(zip(texts, models.propositions.encode(texts)))
    found: dict[str, set[str]] = {}
    for statement in negated:
        mine, own_words = propositions[statement.text], untenable(statement.text)
        changed = _told_as_a_change(statement.text)
        for other in plain:
            if fresh is not None and statement.id not in fresh and other.id not in fresh:
                continue
            shared = predicate_stems(statement.text) & predicate_stems(other.text)
            if (len(mine.terms) < 2 or not shared or may_be_one_speaker(source_key(statement), source_key(other))
                    or one_utterance(statement, other) or (changed and _TELLS_A_CHANGE.search(other.text))):
                continue
            covered = coverage(mine, propositions[other.text]) >= RESTATED_COVERAGE
            if not covered and len(shared) < SHARED_PREDICATE:
                continue
            vectors = models.vectors([statement.text, other.text])
            meaning = float(vectors[statement.text] @ vectors[other.text])
            # Fewer of its words in the assertion, but the same proposition: many words of what is said shared
            # and as alike in meaning as a denial must be to what it denies in other words (`_closeness`).
            if meaning >= (RESTATED_MEANING if covered or own_words else SAME_MEANING):
                found.setdefault(statement.id, set()).add(other.id)
    return found


def _told_as_a_change(text: str) -> bool:
    """Whether the negation a text opens with tells a change of state ("will no longer arrest people")."""
    negation = _NEGATOR.search(text)
    return negation is not None and CHANGE_OF_STATE.fullmatch(negation.group(0)) is not None


def main_clause_negated(text: str) -> bool:
    """Whether a text negates the clause it opens with, outright ("Bale will not be starring as Jobs"), and not a
    verb of knowing or telling ("CNN could not verify the tape") or what the negation affirms ("it would not
    surprise me if ...")."""
    negation = _NEGATOR.search(text)
    if negation is None or _CLAUSE_BREAK.search(text[:negation.start()]):
        return False
    rest = text[negation.start():]
    return not (_NOT_KNOWING.search(rest) or _AFFIRMING_NEGATION.match(rest))


def _opposite(statement: Statement, statements: list[Statement], close: Close,
              denials: bool) -> list[Statement] | None:
    """Where reading `statement` as a denial (when the model may make `denials`) or a guess could make or unmake
    a dispute, the other sources' assertions close to it (what it would be set against); else None."""
    others = [o for o in statements if o is not statement and o.polarity in ASSERTING
              and not same_source(source_key(o), source_key(statement)) and close(statement, o)]
    if denials and is_negated(statement.text) and others:
        return others
    if is_hedged(statement.text) and any(
            o.polarity != "speculates" and o.article_id != statement.article_id
            and values_conflict(statement.text, o.text)
            for o in others):
        return others
    return None


def _marked(text: str) -> bool:
    return is_negated(text) or is_hedged(text)


def claim_status(statements: list[Statement], stance: dict[str, str] | None = None,
                 denial_found: bool | None = None) -> str:
    """disputed (denied, and asserted by a source independent of the denier), denied, corroborated (two
    or more independent asserting sources) or single_source. `denial_found` says whether the disputes
    found a denial of what is asserted: when they did not (the denial is of something close but else), the
    claim is not disputed; it is denied only if no other source asserts it in plain (not negated) words."""
    polarity: Callable[[Statement], str] = (lambda s: stance.get(s.id, s.polarity)) if stance else (
        lambda s: s.polarity)
    deniers = {source_key(s) for s in statements if polarity(s) == "denies"}
    asserters = {source_key(s) for s in statements if polarity(s) in ASSERTING}
    plain = {source_key(s) for s in statements if polarity(s) in ASSERTING and not is_negated(s.text)}
    independent = {a for a in asserters if not any(same_source(a, d) for d in deniers)}
    if deniers and independent and (denial_found is None or denial_found):
        return "disputed"
    if deniers and not {a for a in plain if not any(same_source(a, d) for d in deniers)}:
        return "denied"
    return "corroborated" if count_sources(asserters) >= 2 else "single_source"


def _summary(statements: list[Statement], stance: dict[str, str]) -> str:
    # What the claim says: a plainly worded assertion, else any assertion, else what is denied.
    asserting = [s for s in statements if stance.get(s.id) in ASSERTING]
    lead = next((s for s in asserting if not is_negated(s.text)), asserting[0] if asserting else statements[0])
    text = " ".join(lead.text.split())
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS - 1].rstrip() + "…"
