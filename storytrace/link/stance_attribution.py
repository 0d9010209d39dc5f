"""Stance features from storytrace's own attribution: who in a body denies, asserts or hedges what a claim says.

The word-level features of `stance_features` see "denied" or "hoax" anywhere in a body; the analyzed statements
say whether a denial is about the claim (its content shares the claim's words, or sits in the sentence closest to
it), whether the writer refutes it in their own voice (analyze.refutations), and how the claim itself is put: "X's
death is a hoax" with a debunking body agrees, "X died" with the same body disagrees. Everything here is a pure
function of the claim, the body's statements and the body's sentence similarities to the claim; the statements come
from the analyze stage (`storytrace.analyze`), run once per body by whoever calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np

from storytrace.analyze.attribution import UNNAMED
from storytrace.analyze.stance_words import REJECTING_WORDS
from storytrace.link.stance_features import (HEDGE_WORDS, NEGATORS, FeatureSpace, content_stems, stem, words)
from storytrace.model import POLARITIES, Statement

# A statement shares this much of the claim's idf-weighted content (or more) to count as being about it; below it a
# denial is more often about a side issue ("police denied the suspect was armed" under a headline about a robbery).
ABOUT_CLAIM: Final[float] = 0.25
# Sentences read as the body's lead, and as the part closest to the claim: a terse denial ("The video is fake") shares
# no word with the claim, but where it stands tells what it denies.
LEAD_SENTENCES: Final[int] = 3
CLOSEST_SENTENCES: Final[int] = 3
# Negators within this many words of a claim word negate it ("did not resign").
NEGATION_WINDOW: Final[int] = 4
# Polarity groups read apart: a denial, an assertion (or confirmation), a hedge (speculation, declining to comment).
_GROUPS: Final[tuple[frozenset[str], ...]] = (
    frozenset({"denies"}), frozenset({"asserts", "confirms"}), frozenset({"speculates", "declines_comment"}))

FEATURE_NAMES: Final[tuple[str, ...]] = (
    "statements_log", "about_claim_share",
    *(f"{p}_share" for p in POLARITIES), "writer_denials", "writer_denials_about",
    *(f"{g}_{k}" for g in ("deny", "assert", "hedge") for k in ("best_overlap", "best_sim", "about_count")),
    *(f"closest_{p}" for p in POLARITIES), "closest_overlap", "closest_negated",
    "deny_weight", "negated_about",
    *(f"{g}_{k}" for g in ("deny", "writer_deny", "assert", "hedge") for k in ("lead", "closest")),
    "claim_rejects", "claim_hedged", "claim_negated",
    "rejects_x_deny", "plain_x_deny", "rejects_x_assert", "hedged_x_assert",
)


def sentence_index(text: str, sentences: Sequence[str]) -> list[int]:
    """The character offset where each of `sentences` (split_sentences of `text`, clipped) starts, -1 if not found."""
    offsets, cursor = [], 0
    for sentence in sentences:
        at = text.find(sentence[:60], cursor)
        offsets.append(at)
        if at >= 0:
            cursor = at + 1
    return offsets


def _sentence_of(start: int, offsets: Sequence[int]) -> int:
    """Index of the sentence a statement starting at `start` lies in, or -1 when it lies past the ones read."""
    found = -1
    for i, offset in enumerate(offsets):
        if 0 <= offset <= start:
            found = i
    last = offsets[-1] if offsets else -1
    return found if found >= 0 and (found < len(offsets) - 1 or start - last < 600) else -1


def _overlap(claim_set: set[str], text: str, space: FeatureSpace) -> float:
    """Share of the claim's idf-weighted content words the text repeats."""
    if not claim_set:
        return 0.0
    weight = lambda w: space.idf.get(w, space.default_idf)  # noqa: E731
    shared = claim_set & set(content_stems(words(text)))
    return sum(weight(w) for w in shared) / sum(weight(w) for w in claim_set)


def _negated(tokens: list[str], claim_set: set[str]) -> bool:
    stems = [stem(t) for t in tokens]
    return any((t in NEGATORS or t in REJECTING_WORDS)
               and any(s in claim_set for s in stems[max(0, i - NEGATION_WINDOW): i + NEGATION_WINDOW + 1])
               for i, t in enumerate(tokens))


def attribution_features(claim: str, statements: Sequence[Statement], offsets: Sequence[int],
                         sims: np.ndarray, space: FeatureSpace) -> np.ndarray:
    """One row of FEATURE_NAMES for (claim, body): `statements` are the body's analyzed statements, `offsets` where
    its read sentences start (`sentence_index`), `sims` those sentences' MiniLM similarities to the claim."""
    claim_tokens = words(claim)
    claim_set = set(content_stems(claim_tokens))
    n = len(statements)
    overlap = np.array([_overlap(claim_set, s.text, space) for s in statements]) if n else np.zeros(0)
    where = [_sentence_of(s.start, offsets) for s in statements]
    sim = np.array([float(sims[i]) if i >= 0 else 0.0 for i in where]) if n else np.zeros(0)
    polarity = [s.polarity for s in statements]
    about = overlap >= ABOUT_CLAIM
    negated = np.array([_negated(words(s.text), claim_set) for s in statements], dtype=bool) if n else np.zeros(0, bool)
    writer = np.array([s.speaker.name == UNNAMED and s.polarity == "denies" for s in statements], dtype=bool) \
        if n else np.zeros(0, bool)

    row: list[float] = [float(np.log1p(n)), float(about.mean()) if n else 0.0]
    row += [polarity.count(p) / n if n else 0.0 for p in POLARITIES]
    row += [float(writer.sum()), float((writer & about).sum())]
    best: dict[int, tuple[float, float]] = {}
    for g, group in enumerate(_GROUPS):
        member = np.array([p in group for p in polarity], dtype=bool)
        top_overlap = float(overlap[member].max()) if member.any() else 0.0
        top_sim = float(sim[member].max()) if member.any() else 0.0
        best[g] = (top_overlap, top_sim)
        row += [top_overlap, top_sim, float((member & about).sum())]
    # The statement closest to the claim (overlap, then similarity): how it is said decides much of the stance.
    closest = int(np.lexsort((sim, overlap))[-1]) if n else -1
    row += [float(closest >= 0 and polarity[closest] == p) for p in POLARITIES]
    row += [float(overlap[closest]) if n else 0.0, float(negated[closest]) if n else 0.0]
    deny = np.array([p == "denies" for p in polarity], dtype=bool)
    row += [float((overlap * deny).sum() / (overlap.sum() or 1.0)) if n else 0.0, float((negated & about).sum())]
    near = set(np.argsort(-sims)[:CLOSEST_SENTENCES].tolist())
    lead = np.array([0 <= i < LEAD_SENTENCES for i in where], dtype=bool)
    closest_to_claim = np.array([i in near for i in where], dtype=bool)
    for member in (deny, writer, *(np.array([p in g for p in polarity], dtype=bool) for g in _GROUPS[1:])):
        row += [float((member & lead).sum()), float((member & closest_to_claim).sum())] if n else [0.0, 0.0]

    rejects = float(any(t in REJECTING_WORDS for t in claim_tokens))
    hedged = float(any(t in HEDGE_WORDS for t in claim_tokens) or "?" in claim)
    plain_negated = float(any(t in NEGATORS for t in claim_tokens))
    deny_best, assert_best = best[0][0], best[1][0]
    row += [rejects, hedged, plain_negated,
            rejects * deny_best, (1.0 - rejects) * (1.0 - plain_negated) * deny_best,
            rejects * assert_best, hedged * assert_best]
    return np.asarray(row, dtype=np.float32)
