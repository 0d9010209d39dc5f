"""Stance of a text towards a claim: agrees, disagrees, discusses, or is unrelated.

The default backend is a gradient-boosted tree ensemble trained by `scripts/train_stance.py` on FNC-1
(headline vs article body) and Emergent (claim vs article headline), over the features of
`stance_features` (overlap, denial/hedge structure, MiniLM similarities). Its trees are stored as plain
arrays in `storytrace/resources/stance-v1.npz` and applied with numpy, so running it needs no
scikit-learn. For headline vs body (the `fnc1` head) a MiniLM cross-encoder fine-tuned by
`scripts/train_stance_xenc.py` (`stance-xenc-v1.npz`, its tuned layers in float16, run by
analyze.minilm.PairClassifier in numpy, never torch) can take over the related labels: it reads the headline
with the body's sentences closest to it and splits related pairs into agree / disagree / discuss, where the
trees learnt disagreement from FNC-1's recurring headlines and find almost none for an unseen claim. Another backend (a local NLI model, an
LLM endpoint) can replace it through the `StanceBackend` protocol.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Final, Protocol

import numpy as np

from storytrace.errors import StorytraceError
from storytrace.link.stance_features import FeatureSpace, pair_features, relevant_passage, split_sentences

if TYPE_CHECKING:
    from storytrace.analyze.minilm import PairClassifier

ARTEFACT: Final[str] = "stance-v1.npz"
FNC_LABELS: Final[tuple[str, ...]] = ("agree", "disagree", "discuss", "unrelated")
EMERGENT_LABELS: Final[tuple[str, ...]] = ("for", "against", "observing")
# The cross-encoder that splits related headline/body pairs (scripts/train_stance_xenc.py), and its labels.
XENC_ARTEFACT: Final[str] = "stance-xenc-v1.npz"
XENC_LABELS: Final[tuple[str, ...]] = ("agree", "disagree", "discuss")

# Stance label -> storytrace statement polarity (model.POLARITIES). A text that only reports or
# discusses a claim neither asserts nor denies it: it passes it on as a possibility. None: the text
# says nothing about the claim.
_POLARITY: Final[dict[str, str | None]] = {
    "agree": "asserts", "for": "asserts",
    "disagree": "denies", "against": "denies",
    "discuss": "speculates", "observing": "speculates",
    "unrelated": None,
}

# The trees' unrelated probability under which a pair is related, and the cross-encoder reads it: where it is
# higher, unrelated wins whatever the split of the rest.
RELATED_BELOW: Final[float] = 0.5

Embed = Callable[[list[str]], np.ndarray]


def stance_polarity(label: str) -> str | None:
    """The storytrace polarity a stance label stands for (asserts / denies / speculates), or None if unrelated."""
    if label not in _POLARITY:
        raise StorytraceError(f"unknown stance label {label!r}")
    return _POLARITY[label]


class StanceBackend(Protocol):
    """Anything that reads a claim and a text and says how the text stands towards the claim."""

    name: str
    labels: tuple[str, ...]

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray: ...

    def predict_many(self, pairs: Sequence[tuple[str, str]]) -> list[str]: ...

    def predict(self, claim: str, text: str) -> str: ...


@dataclass(frozen=True)
class TreeEnsemble:
    """Multiclass gradient-boosted trees as flat arrays: node i of all trees splits on feature[i] at
    threshold[i]; leaves point to themselves, so every sample walks `depth` steps and stays on its leaf."""

    feature: np.ndarray  # int32 (nodes,)
    threshold: np.ndarray  # float64 (nodes,)
    left: np.ndarray  # int32 (nodes,) global node index
    right: np.ndarray  # int32 (nodes,)
    value: np.ndarray  # float64 (nodes,) leaf values, learning rate applied
    roots: np.ndarray  # int32 (trees,) global index of each tree's root
    tree_class: np.ndarray  # int32 (trees,) which class's raw score a tree adds to
    baseline: np.ndarray  # float64 (classes,)
    depth: int

    def raw(self, x: np.ndarray) -> np.ndarray:
        rows = np.arange(len(x))[:, None]
        node = np.broadcast_to(self.roots, (len(x), len(self.roots))).copy()
        for _ in range(self.depth):
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(go_left, self.left[node], self.right[node])
        scores = np.tile(self.baseline, (len(x), 1))
        for k in range(len(self.baseline)):
            scores[:, k] += self.value[node[:, self.tree_class == k]].sum(axis=1)
        return scores

    def proba(self, x: np.ndarray) -> np.ndarray:
        raw = self.raw(x)
        raw -= raw.max(axis=1, keepdims=True)
        exp = np.exp(raw)
        return exp / exp.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class StanceHead:
    """One trained classifier with the corpus statistics its features were computed with."""

    labels: tuple[str, ...]
    space: FeatureSpace
    trees: TreeEnsemble
    text_vector: bool = False  # features end with the text's own 384-d vector (short texts: headlines)
    # What the training data was held out by, for benchmarks to say what their figure means: "claim" (FNC-1
    # split by claim), "body" (the earlier split by Body ID; artefacts written before the claim split), "folds".
    split: str = "body"
    # Per-label factors on the trees' probabilities before they are renormalised, chosen by the training script on
    # claims it held out from training (empty: none). The fnc1 trees learnt disagreement from claims they saw and
    # are under-confident about it on a new claim; a factor on disagree is the decision rule that corrects that.
    boost: tuple[float, ...] = ()

    def proba(self, x: np.ndarray) -> np.ndarray:
        """The trees' probabilities for feature rows `x`, with the head's label factors applied."""
        proba = self.trees.proba(x)
        if self.boost:
            proba = proba * np.asarray(self.boost)
            proba /= proba.sum(axis=1, keepdims=True)
        return proba


def load_heads(path: str | None = None, names: Sequence[str] | None = None) -> dict[str, StanceHead]:
    """The heads stored in the artefact (the packaged one unless `path` is given): all, or those `names`."""
    if path is None:
        with resources.as_file(resources.files("storytrace.resources") / ARTEFACT) as packaged:
            return _read_heads(str(packaged), names)
    return _read_heads(path, names)


def _read_heads(path: str, wanted: Sequence[str] | None = None) -> dict[str, StanceHead]:
    try:
        with np.load(path, allow_pickle=False) as data:
            keys = [k for k in data.files if wanted is None or k.split("/")[0] in wanted]
            arrays = {key: data[key] for key in keys}
    except OSError as exc:
        raise StorytraceError(f"stance model {path} cannot be read: {exc}") from exc
    names = sorted({key.split("/")[0] for key in arrays})
    missing = set(wanted or ()) - set(names)
    if missing:
        raise StorytraceError(f"stance model {path} has no head {', '.join(sorted(missing))}")
    return {name: _head_from_arrays({k.split("/", 1)[1]: v for k, v in arrays.items() if k.startswith(name + "/")})
            for name in names}


def _head_from_arrays(a: dict[str, np.ndarray]) -> StanceHead:
    idf = dict(zip(a["idf_words"].tolist(), a["idf_values"].tolist()))
    space = FeatureSpace(idf, float(a["default_idf"]), a["pca_mean"], a["pca_components"])
    trees = TreeEnsemble(a["feature"], a["threshold"], a["left"], a["right"], a["value"], a["roots"],
                         a["tree_class"], a["baseline"], int(a["depth"]))
    split = str(a["split"]) if "split" in a else "body"
    boost = tuple(float(v) for v in a["boost"]) if "boost" in a else ()
    return StanceHead(tuple(a["labels"].tolist()), space, trees, bool(a["text_vector"]), split, boost)


def head_to_arrays(name: str, head: StanceHead) -> dict[str, np.ndarray]:
    """The arrays `_read_heads` reads back, keyed `name/field` (used by the training script)."""
    t, s = head.trees, head.space
    fields = {
        "labels": np.array(head.labels), "idf_words": np.array(list(s.idf)),
        "idf_values": np.array(list(s.idf.values()), dtype=np.float32), "default_idf": np.array(s.default_idf),
        "pca_mean": s.pca_mean, "pca_components": s.pca_components, "feature": t.feature,
        "threshold": t.threshold, "left": t.left, "right": t.right, "value": t.value, "roots": t.roots,
        "tree_class": t.tree_class, "baseline": t.baseline, "depth": np.array(t.depth),
        "text_vector": np.array(head.text_vector), "split": np.array(head.split),
    }
    if head.boost:
        fields["boost"] = np.array(head.boost, dtype=np.float64)
    return {f"{name}/{key}": value for key, value in fields.items()}


def featurize(pairs: Sequence[tuple[str, str]], embed: Embed, space: FeatureSpace,
              text_vector: bool = False) -> np.ndarray:
    """Feature rows for (claim, text) pairs; each distinct sentence is embedded once. With `text_vector`,
    the mean vector of the text's sentences is appended: for a headline, its wording ("hoax", "claims")
    is much of its stance."""
    return _featurize(_Embedded(pairs, embed), space, text_vector)


class _Embedded:
    """The pairs' texts split into sentences, and a vector for every claim and sentence (each embedded once)."""

    def __init__(self, pairs: Sequence[tuple[str, str]], embed: Embed):
        self.pairs = list(pairs)
        self.sentences = {text: split_sentences(text) for _, text in pairs}
        unique = list(dict.fromkeys([c for c, _ in pairs] + [s for sents in self.sentences.values() for s in sents]))
        self.vectors = embed(unique)
        self.index = {text: i for i, text in enumerate(unique)}

    def sentence_vectors(self, text: str) -> np.ndarray:
        return self.vectors[[self.index[s] for s in self.sentences[text]]]

    def passage(self, i: int) -> tuple[str, str]:
        """Pair `i` as the cross-encoder reads it: the claim and the text's sentences closest to it."""
        claim, text = self.pairs[i]
        return claim, relevant_passage(claim, self.sentences[text])


def _featurize(embedded: _Embedded, space: FeatureSpace, text_vector: bool) -> np.ndarray:
    rows = []
    for claim, text in embedded.pairs:
        sent_vecs = embedded.sentence_vectors(text)
        row = pair_features(claim, embedded.sentences[text], embedded.vectors[embedded.index[claim]], sent_vecs,
                            space)
        rows.append(np.concatenate([row, sent_vecs.mean(axis=0)]) if text_vector else row)
    return np.stack(rows) if rows else np.zeros((0, 0), dtype=np.float32)


def load_cross_encoder(path: str | None = None) -> "PairClassifier":
    """The fine-tuned cross-encoder for related pairs (the packaged one unless `path` is given), in numpy."""
    from storytrace.analyze.minilm import PairClassifier

    def read(file: str) -> PairClassifier:
        try:
            with np.load(file, allow_pickle=False) as data:
                arrays = {key: data[key] for key in data.files}
        except OSError as exc:
            raise StorytraceError(f"stance cross-encoder {file} cannot be read: {exc}") from exc
        if tuple(arrays.pop("labels").tolist()) != XENC_LABELS:
            raise StorytraceError(f"stance cross-encoder {file} has labels other than {XENC_LABELS}")
        return PairClassifier(arrays, max_tokens=int(arrays.pop("max_tokens")))

    if path is None:
        with resources.as_file(resources.files("storytrace.resources") / XENC_ARTEFACT) as packaged:
            return read(str(packaged))
    return read(path)


class TrainedStance:
    """The default backend: the packaged model. `head` picks the task it was trained for:
    "fnc1" (headline vs article body: agree/disagree/discuss/unrelated) or "emergent" (claim vs a
    headline or short statement: for/against/observing). With `cross_encoder` (fnc1 only) the trees decide
    related vs unrelated and the fine-tuned cross-encoder (loaded on first use) splits the related mass into
    agree/disagree/discuss. Off by default: the fnc1 trees with their disagree factor (StanceHead.boost) read the
    held-out FNC-1 claims at macro-F1 0.639, disagree F1 0.264 (0.604 / 0.126 without the factor), the
    cross-encoder at 0.58 / 0.19, confusing agree with discuss (`storytrace bench fnc1 [--cross-encoder]`)."""

    def __init__(self, embed: Embed, head: str = "fnc1", heads: dict[str, StanceHead] | None = None,
                 cross_encoder: bool = False):
        heads = heads if heads is not None else load_heads()
        if head not in heads:
            raise StorytraceError(f"no stance head {head!r}; the model has {', '.join(sorted(heads))}")
        self._embed = embed
        self._head = heads[head]
        self.labels = self._head.labels
        if cross_encoder and self.labels != FNC_LABELS:
            raise StorytraceError(f"the stance cross-encoder splits related FNC-1 pairs; head {head!r} is not one")
        self._split_related = cross_encoder
        self._cross: PairClassifier | None = None
        boosted = [f"{label} x{factor:g}" for label, factor in zip(self.labels, self._head.boost) if factor != 1.0]
        self.name = f"stance trees {ARTEFACT}:{head}" + (f" ({', '.join(boosted)})" if boosted else "") + (
            " + all-MiniLM-L6-v2") + (f" + cross-encoder {XENC_ARTEFACT}" if self._split_related else "")

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        return self.predict_proba_and_trees(pairs)[0]

    def predict_proba_and_trees(self, pairs: Sequence[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
        """The model's probabilities, and the trees' own (the same unless the cross-encoder splits related
        pairs): benchmarks report both from one pass."""
        if not pairs:
            return np.zeros((0, len(self.labels))), np.zeros((0, len(self.labels)))
        embedded = _Embedded(pairs, self._embed)
        x = _featurize(embedded, self._head.space, self._head.text_vector)
        trees = self._head.proba(x.astype(np.float64))
        return (self._related_split(embedded, trees.copy()) if self._split_related else trees), trees

    def _related_split(self, embedded: _Embedded, proba: np.ndarray) -> np.ndarray:
        """Keep the trees' unrelated probability; share the rest by the cross-encoder's related labels, for pairs the
        trees call related (elsewhere the related labels cannot win, so their order is left to the trees)."""
        unrelated = self.labels.index("unrelated")
        related = [self.labels.index(label) for label in XENC_LABELS]
        rows = np.flatnonzero(proba[:, unrelated] < RELATED_BELOW)
        if len(rows):
            self._cross = self._cross or load_cross_encoder()
            logits = self._cross.logits([embedded.passage(int(i)) for i in rows]).astype(np.float64)
            logits -= logits.max(axis=1, keepdims=True)
            split = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
            proba[np.ix_(rows, related)] = (1.0 - proba[rows, unrelated])[:, None] * split
        return proba

    def predict_many(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        return [self.labels[i] for i in self.predict_proba(pairs).argmax(axis=1)]

    def predict(self, claim: str, text: str) -> str:
        return self.predict_many([(claim, text)])[0]


class ChatStance:
    """Optional backend: an OpenAI-compatible chat-completions endpoint (a local llama.cpp or vLLM
    server, or a hosted one) asked for one label per pair. Never used by default, by tests or the demo."""

    def __init__(self, base_url: str, model: str, labels: tuple[str, ...] = EMERGENT_LABELS,
                 api_key: str | None = None, timeout: float = 60.0):
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.labels = labels
        self.api_key = api_key
        self.timeout = timeout
        self.name = f"chat endpoint {self.base_url} ({model})"

    def _ask(self, claim: str, text: str) -> str:
        prompt = (f"Claim: {claim}\nText: {text[:4000]}\n\nHow does the text stand towards the claim? "
                  f"Answer with exactly one word from: {', '.join(self.labels)}.")
        body = json.dumps({"model": self.model, "temperature": 0,
                           "messages": [{"role": "user", "content": prompt}]}).encode()
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(f"{self.base_url}/chat/completions", body, headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = json.load(response)["choices"][0]["message"]["content"].strip().lower()
        except (OSError, KeyError, IndexError, ValueError) as exc:
            raise StorytraceError(f"stance endpoint {self.base_url} failed: {exc}") from exc
        # The first label named in the answer; a model that names none is taken as non-committal.
        found = [(answer.find(label), label) for label in self.labels if label in answer]
        return min(found)[1] if found else self.labels[-1]

    def predict_many(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        return [self._ask(claim, text) for claim, text in pairs]

    def predict(self, claim: str, text: str) -> str:
        return self._ask(claim, text)

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        # A chat answer has no calibrated probability: one-hot on the label given.
        labels = self.predict_many(pairs)
        return np.array([[float(label == known) for known in self.labels] for label in labels])
