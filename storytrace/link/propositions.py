"""What a statement asserts, reduced to comparable parts: a static embedding and idf-weighted stems for
grouping statements into claims and telling whether two say the same thing, and concrete values (dates,
numbers with their unit) for contradictions.

`stems` (crude 6-letter prefixes, stance words left out) only says whether a statement has any content.
"""

from __future__ import annotations

import math
import re
from collections import Counter, OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from storytrace.date_words import MONTH_IN_PROSE
from storytrace.errors import StorytraceError
from storytrace.link.quantities import Quantity, quantities
from storytrace.link.stance_features import content_stems, stem, words
from storytrace.words import ENGLISH_STOPWORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d+(?:[.,]\d+)?")
_MONTH_DAY = re.compile(rf"\b({MONTH_IN_PROSE})\s+(\d{{1,2}})\b")
# Words that carry stance or grammar, not the proposition: a denial and an assertion of one claim differ here.
_IGNORED = set("""
a an the and or but if of to in on at by for with from as into about over after before than that this these those
it its it's he she they them their his her we our you your i me my is are was were be been being has have had do
does did will would shall should can could may might must not no never nor none such any some there here which who
whom whose what when where why how also just only very more most said says say saying told tell according deny
denied denies denying confirm confirmed confirms reject rejected dismissed untrue true false report reports
reported statement statements comment comments declined decline spokesman spokeswoman official officials
""".split())


def stems(text: str) -> set[str]:
    """Content-word stems of a statement (lowercased 6-character prefixes; numbers kept whole)."""
    out = set()
    for word in _WORD.findall(text):
        lower = word.lower().strip("'’-")
        if lower in _IGNORED or len(lower) < 3:
            continue
        out.add(lower if lower[0].isdigit() else lower[:6])
    return out


# A capitalised word names someone or something; what is said of it is in the other words.
_NAME = re.compile(r"\b[A-Z][\w'’.-]*")
# Nouns by which a denial names the report it rejects ("dismissed the reports", "the story about X is fiction"):
# such a denial need not repeat what the report says.
REPORT_NOUNS = frozenset({"report", "reports", "story", "stories", "claim", "claims", "rumor", "rumors", "rumour",
                          "rumours", "allegation", "allegations", "article", "news", "video", "photo", "picture"})


# Lowercase particles that open a name ("al-Dulaimi", "bin Laden", "van Gogh"): part of the name, not a word said
# of it.
_NAME_PARTICLE = re.compile(r"\b(?:al|el|bin|ibn|bint|abu|de|del|della|der|den|van|von|da|di|du|dos|das|ter|ten)"
                            r"[-‐ ](?=[A-Z])")


@lru_cache(maxsize=50_000)
def predicate_stems(text: str) -> frozenset[str]:
    """Content stems of a statement other than its names: what it says of them ("captur", "wife"). Two
    statements that share only names ("Saja al-Dulaimi was arrested", "no wife is named Saja al-Dulaimi")
    speak of different things."""
    text = _NAME_PARTICLE.sub("", text)
    names = {stem(w.lower().replace("’", "'")) for w in _NAME.findall(text)}
    return frozenset(t for t in content_stems(words(text)) if t not in names)


# Words that end a clause's subject: the verb's auxiliaries and copulas ("ISIS fighters have been caught", "the
# authorities were responsible"); a past tense ("Robert Plant ripped up") ends it too (see `subject_head`).
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
                          "could", "may", "might", "must", "shall", "should", "did", "does", "do"})
# Words a subject may open with that say nothing of who or what it is ("there is no policy", "it was").
_EMPTY_SUBJECTS = frozenset({"there", "it", "this", "that", "he", "she", "they", "we", "i", "you", "which", "who"})
# A subject this long has run into its predicate: the verb was not recognised.
_SUBJECT_WORDS = 6


def subject_head(text: str) -> str | None:
    """The stem of the word a clause says something of, read without a parser: the last word before its first
    auxiliary or past tense ("at least ten ISIS fighters have been caught" -> "fighter", "Robert Plant ripped up"
    -> "plant"); None when no verb comes within `_SUBJECT_WORDS` words or the subject is a pronoun."""
    tokens = words(text)
    for position, token in enumerate(tokens[:_SUBJECT_WORDS + 1]):
        if token in _AUXILIARIES or (position > 0 and token.endswith("ed") and len(token) > 4):
            if position == 0 or tokens[position - 1] in _EMPTY_SUBJECTS or tokens[position - 1] in ENGLISH_STOPWORDS:
                return None
            return stem(tokens[position - 1])
    return None


def tells_of_subject(denied: str, other: str) -> bool:
    """Whether `other` names what the clause `denied` speaks of (its `subject_head`)."""
    head = subject_head(denied)
    return head is not None and head in {stem(w) for w in words(other)}


def names_a_report(text: str) -> bool:
    return any(w in REPORT_NOUNS for w in words(text))


def concrete_values(text: str) -> dict[str, set[str] | list[Quantity]]:
    """Month-day dates ("dec 9") and figures as intervals of their unit ("between 50 and 60 doctors") in a
    statement, the facts a contradiction is made of."""
    dates = {f"{m.group(1)[:3].lower()} {int(m.group(2))}" for m in _MONTH_DAY.finditer(text)}
    return {"date": dates, "number": quantities(text, skip=[m.span() for m in _MONTH_DAY.finditer(text)])}


@dataclass(frozen=True)
class Proposition:
    """A statement reduced for grouping: a static embedding of its content words and its idf-weighted stems."""

    vector: np.ndarray  # unit-length, 256-d
    terms: dict[str, float]  # stem -> weight, unit length


class PropositionEncoder:
    """Encodes statements for claim grouping with WordLlama's static embeddings (about 17k sentences/s) and
    an idf-weighted bag of stems. Contextual MiniLM vectors group headlines a little better, but encoding
    every statement with them costs more than the pipeline's speed budget allows."""

    name = "WordLlama l2_supercat 256-d + idf-weighted stems"

    def __init__(self, wordllama, idf: dict[str, float], default_idf: float, cache_size: int = 50_000):
        self._model = wordllama
        self._idf = idf
        self._default_idf = default_idf
        # Stored statements are re-read for every article of their story; their encodings are remembered.
        self._cache: OrderedDict[str, Proposition] = OrderedDict()
        self._cache_size = cache_size

    def encode(self, texts: list[str]) -> list[Proposition]:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            # Content words only: "said", "the", "will" make unrelated headlines look alike.
            content = [" ".join(w for w in words(t) if w not in ENGLISH_STOPWORDS) or t for t in missing]
            vectors = np.asarray(self._model.embed(content, norm=False), dtype=np.float32)
            # Normalised here, not by WordLlama: a text with no known word embeds to zeros, and dividing by
            # its zero norm would give NaN, which would poison every running sum of the claim it joins.
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
            for text, vector in zip(missing, vectors):
                self._remember(text, Proposition(vector, self._terms(text)))
        return [self._cache[t] for t in texts]

    def _remember(self, text: str, proposition: Proposition) -> None:
        self._cache[text] = proposition
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _terms(self, text: str) -> dict[str, float]:
        counts = Counter(content_stems(words(text)))
        weights = {w: c * self._idf.get(w, self._default_idf) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return {w: v / norm for w, v in weights.items()}


def proposition_similarity(a: Proposition, b: Proposition) -> float:
    """Equal parts embedding cosine and idf-weighted stem cosine: the embedding meets paraphrases ("quits" /
    "resigns"), the stems insist on the rare words (names, places) a claim is about. Weights were chosen on
    half of Emergent's training claims."""
    return 0.5 * float(a.vector @ b.vector) + 0.5 * stem_similarity(a, b)


def coverage(a: Proposition, b: Proposition) -> float:
    """The idf-weighted share of a's stems that b also has: whether b says what a says, names included."""
    total = sum(a.terms.values())
    return sum(v for w, v in a.terms.items() if w in b.terms) / total if total else 0.0


def stem_similarity(a: Proposition, b: Proposition) -> float:
    """Cosine of the idf-weighted stems."""
    return sum(v * b.terms[w] for w, v in a.terms.items() if w in b.terms)


def load_proposition_encoder(idf: dict[str, float], default_idf: float) -> PropositionEncoder:
    """WordLlama from its installed package (never a download), with a news idf (the stance model's)."""
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError as exc:
        raise StorytraceError(f"wordllama package missing: {exc}") from exc
    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    return PropositionEncoder(model, idf, default_idf)
