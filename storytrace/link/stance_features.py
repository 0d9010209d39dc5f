"""Features for claim-vs-text stance: lexical overlap, denial/hedge structure and sentence embeddings.

A pair is a claim (a headline, a statement) and a text (an article body, or another headline). The text
is split into sentences; the sentences most similar to the claim (by embedding) are where a denial or a
hedge about the claim is looked for, because a body that denies one claim often repeats others.
Everything here is numpy and the standard library, so the trained model runs without scikit-learn.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Final

import numpy as np

from storytrace.analyze.cues import base_polarity, cue_lemma
from storytrace.words import ENGLISH_STOPWORDS

_WORD: Final[re.Pattern[str]] = re.compile(r"[a-z0-9]+(?:['’]t)?")
# A sentence ends at . ! ? (optionally closed by a quote or bracket) before a space and a capital,
# digit or quote; blank lines and list breaks end one too.
_SENTENCE_END: Final[re.Pattern[str]] = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z0-9\"“‘'(])|\n\s*\n|\n(?=\s*[-•*\d])")

MAX_SENTENCES: Final[int] = 40  # long bodies: the claim is discussed early, and encoding cost stays bounded
MAX_SENTENCE_CHARS: Final[int] = 400

# Negators are kept apart from stopwords: "not" is content for stance.
NEGATORS: Final[frozenset[str]] = frozenset({
    "not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "without", "cannot",
    "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't", "wouldn't", "hasn't",
    "haven't", "hadn't", "can't", "couldn't", "shouldn't",
})
# Words that call a report false (the FNC-1 baseline's refuting list, extended with debunking vocabulary).
REFUTE_WORDS: Final[frozenset[str]] = frozenset({
    "fake", "fakes", "fraud", "hoax", "hoaxes", "false", "falsely", "deny", "denies", "denied", "denying",
    "refute", "refutes", "refuted", "despite", "nope", "doubt", "doubts", "bogus", "debunk", "debunked",
    "debunks", "debunking", "prank", "pranks", "retract", "retracted", "retraction", "untrue", "myth",
    "satire", "satirical", "misleading", "unfounded", "baseless", "fabricated", "fabrication", "rumour",
    "nonsense", "wrong", "incorrect", "inaccurate", "dismissed", "rejected", "disputed", "contrary",
    "actually", "however", "spoof", "parody", "joke", "photoshopped", "doctored", "scam", "lie", "lies",
})
HEDGE_WORDS: Final[frozenset[str]] = frozenset({
    "may", "might", "could", "reportedly", "allegedly", "alleged", "apparently", "possibly", "perhaps",
    "rumor", "rumors", "rumored", "rumoured", "rumours", "unconfirmed", "unverified", "claims", "claimed",
    "claim", "purportedly", "purported", "supposedly", "appears", "appear", "seems", "seem", "according",
    "report", "reports", "reported", "if", "speculation", "speculate", "suggests", "suggest", "believed",
    "likely", "unclear", "whether", "possible", "potentially", "maybe", "say", "says", "said", "sources",
    "source", "planning", "plans", "expected", "considering", "would", "unknown", "investigating",
})
CONFIRM_WORDS: Final[frozenset[str]] = frozenset({
    "confirmed", "confirms", "confirm", "officially", "official", "announced", "indeed", "true", "verified",
    "proof", "evidence", "revealed", "reveals", "admitted", "admits", "acknowledged", "definitely", "real",
    "finally", "now", "is", "has", "will",
})

EMBED_DIMS: Final[int] = 384
PCA_DIMS: Final[int] = 16


@dataclass(frozen=True)
class FeatureSpace:
    """Corpus statistics the features need, fitted by the training script and stored with the model."""

    idf: dict[str, float]  # stemmed word -> inverse document frequency
    default_idf: float  # for words not in the vocabulary (rare, hence informative)
    pca_mean: np.ndarray  # (384,)
    pca_components: np.ndarray  # (PCA_DIMS, 384)

    def project(self, vectors: np.ndarray) -> np.ndarray:
        return (vectors - self.pca_mean) @ self.pca_components.T


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match "denies"/"denied", "reports"/"reported" across texts."""
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + repl
    return word


def content_stems(tokens: list[str]) -> list[str]:
    return [stem(t) for t in tokens if t not in ENGLISH_STOPWORDS and t not in NEGATORS and len(t) > 1]


def split_sentences(text: str) -> list[str]:
    """Sentences of a body (at most MAX_SENTENCES, each clipped); a headline stays one sentence."""
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p and p.strip()]
    parts = [p[:MAX_SENTENCE_CHARS] for p in parts if len(words(p)) >= 2] or [text.strip()[:MAX_SENTENCE_CHARS] or "."]
    return parts[:MAX_SENTENCES]


def fit_feature_space(documents: list[str], vectors: np.ndarray, max_vocab: int = 20000) -> FeatureSpace:
    """IDF over the training documents and a PCA of training sentence vectors (numpy SVD)."""
    df: Counter[str] = Counter()
    for doc in documents:
        df.update(set(content_stems(words(doc))))
    n = len(documents)
    idf = {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.most_common(max_vocab)}
    mean = vectors.mean(axis=0)
    _, _, vt = np.linalg.svd(vectors - mean, full_matrices=False)
    return FeatureSpace(idf, math.log(n + 1) + 1.0, mean.astype(np.float32), vt[:PCA_DIMS].astype(np.float32))


def _tfidf_cosine(a: list[str], b: list[str], space: FeatureSpace) -> float:
    ca, cb = Counter(a), Counter(b)
    weight = lambda w: space.idf.get(w, space.default_idf)  # noqa: E731
    dot = sum(ca[w] * cb[w] * weight(w) ** 2 for w in ca.keys() & cb.keys())
    na = math.sqrt(sum((c * weight(w)) ** 2 for w, c in ca.items()))
    nb = math.sqrt(sum((c * weight(w)) ** 2 for w, c in cb.items()))
    return dot / (na * nb) if na and nb else 0.0


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def _ngram_hit(claim: list[str], text: list[str], n: int) -> float:
    grams = _ngrams(claim, n)
    return len(grams & _ngrams(text, n)) / len(grams) if grams else 0.0


def _cue_counts(tokens: list[str]) -> list[float]:
    """Refuting words, negators, hedges, confirming words, and denial/confirm speech verbs (cues.py)."""
    lemmas = [cue_lemma(t) for t in tokens]
    polarities = [base_polarity(lm) for lm in lemmas if lm is not None]
    return [
        float(sum(t in REFUTE_WORDS for t in tokens)),
        float(sum(t in NEGATORS for t in tokens)),
        float(sum(t in HEDGE_WORDS for t in tokens)),
        float(sum(t in CONFIRM_WORDS for t in tokens)),
        float(polarities.count("denies")),
        float(polarities.count("confirms")),
        float(polarities.count("speculates")),
    ]


def _negation_near(tokens: list[str], claim_set: set[str], window: int = 4) -> float:
    """Negators within `window` words of a claim word: "did not resign" against "X resigned"."""
    hits = 0
    stems = [stem(t) for t in tokens]
    for i, token in enumerate(tokens):
        if token in NEGATORS or token in REFUTE_WORDS:
            near = stems[max(0, i - window): i + window + 1]
            hits += any(s in claim_set for s in near)
    return float(hits)


_ATTRIBUTION_TAIL: Final[re.Pattern[str]] = re.compile(
    r"(?:,|\s[-–—:])\s*(?:\w+\s+){0,4}(?:says?|said|claims?|reports?|reported|suggests?|believes?|finds?|warns?)\W*$"
    r"|^\W*(?:\w+\s+){0,2}(?:reports?|rumou?rs?|report|claims?|sources?)\s*:",
    re.IGNORECASE,
)


def _report_shape(sentence: str, tokens: list[str], claim_set: set[str]) -> list[float]:
    """How the sentence carries the claim: attributed at its end or start ("..., officials say",
    "Report: ..."), quoted, behind a colon, and how much of it is the claim itself. Reported claims are
    observed, not asserted."""
    stems = set(content_stems(tokens))
    return [
        float(bool(_ATTRIBUTION_TAIL.search(sentence))),
        float(any(t in HEDGE_WORDS for t in tokens[-3:])), float(any(t in HEDGE_WORDS for t in tokens[:3])),
        float(":" in sentence), float(sum(sentence.count(q) for q in "\"“”‘’'") >= 2),
        len(stems & claim_set) / (len(stems) or 1), float(len(tokens)),
    ]


def pair_features(claim: str, sentences: list[str], claim_vec: np.ndarray, sent_vecs: np.ndarray,
                  space: FeatureSpace) -> np.ndarray:
    """One feature row for (claim, text split into sentences); vectors are unit-length MiniLM embeddings."""
    claim_tokens = words(claim)
    claim_stems = content_stems(claim_tokens)
    claim_set = set(claim_stems)
    sent_tokens = [words(s) for s in sentences]
    body_tokens = [t for toks in sent_tokens for t in toks]
    body_stems = content_stems(body_tokens)
    body_set = set(body_stems)
    lead_stems = content_stems([t for toks in sent_tokens[:2] for t in toks])

    sims = sent_vecs @ claim_vec
    order = np.argsort(-sims)
    top = [int(i) for i in order[:3]]
    top_tokens = [t for i in top for t in sent_tokens[i]]
    best_tokens = sent_tokens[top[0]]
    body_mean = sent_vecs.mean(axis=0)
    body_mean /= np.linalg.norm(body_mean) or 1.0
    # Attention over sentences by similarity: the part of the body that talks about the claim.
    attn = np.exp((sims - sims.max()) * 10.0)
    focus = (attn[:, None] * sent_vecs).sum(axis=0)
    focus /= np.linalg.norm(focus) or 1.0

    weight = lambda w: space.idf.get(w, space.default_idf)  # noqa: E731
    claim_idf = sum(weight(w) for w in claim_set) or 1.0
    lexical = [
        float(len(claim_tokens)), math.log1p(len(body_tokens)), float(len(sentences)),
        len(claim_set & body_set) / (len(claim_set) or 1),
        len(claim_set & body_set) / (len(claim_set | body_set) or 1),
        sum(weight(w) for w in claim_set & body_set) / claim_idf,
        len(claim_set & set(lead_stems)) / (len(claim_set) or 1),
        sum(weight(w) for w in claim_set & set(content_stems(best_tokens))) / claim_idf,
        _tfidf_cosine(claim_stems, body_stems, space),
        _tfidf_cosine(claim_stems, lead_stems, space),
        _ngram_hit(claim_tokens, body_tokens, 2), _ngram_hit(claim_tokens, body_tokens, 3),
        _ngram_hit(claim_tokens, best_tokens, 2),
    ]
    semantic = [
        float(sims.max()), float(sims.mean()), float(np.sort(sims)[-3:].mean()), float(sims[0]),
        float(body_mean @ claim_vec), float(focus @ claim_vec), float(top[0]) / len(sentences),
        float((sims > 0.5).mean()), float((sims > 0.7).sum()),
    ]
    n_body = max(len(body_tokens), 1)
    body_cues = _cue_counts(body_tokens)
    structure = (
        _cue_counts(claim_tokens) + [float("?" in claim), float(claim.count('"') + claim.count("“") > 0)]
        + _cue_counts(best_tokens) + _cue_counts(top_tokens)
        + [c * 100.0 / n_body for c in body_cues] + [float(c > 0) for c in body_cues]
        + [_negation_near(best_tokens, claim_set), _negation_near(top_tokens, claim_set),
           _negation_near(body_tokens, claim_set) * 100.0 / n_body,
           float(sum(t in NEGATORS for t in claim_tokens) > 0) - float(sum(t in NEGATORS for t in best_tokens) > 0),
           float(sentences[top[0]].count("?") > 0)]
        + _report_shape(sentences[top[0]], best_tokens, claim_set)
    )
    claim_pc, focus_pc = space.project(np.stack([claim_vec, focus]))
    # The claim's own direction (what kind of claim), the body's, and their interaction.
    projected = np.concatenate([claim_pc, focus_pc, claim_pc * focus_pc])
    return np.concatenate([np.asarray(lexical + semantic + structure, dtype=np.float32), projected.astype(np.float32)])


# Sentences of a body read with the claim by the cross-encoder: the disagreeing or hedging sentence is nearly
# always among the few that share most words with the claim, and the encoder's token limit cuts the rest anyway.
PASSAGE_SENTENCES: Final[int] = 3


def relevant_passage(claim: str, sentences: list[str], k: int = PASSAGE_SENTENCES) -> str:
    """The `k` sentences sharing most content words with the claim (earlier first on ties), best first, as one
    text. Word overlap, not embeddings: it needs no encoder, so training and use read the same passage cheaply."""
    claim_set = set(content_stems(words(claim)))
    overlap = [-len(claim_set & set(content_stems(words(s)))) for s in sentences]
    order = np.argsort(overlap, kind="stable")[:k]
    return " ".join(sentences[int(i)] for i in order)
