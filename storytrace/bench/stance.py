"""Stance benchmarks: FNC-1 (headline vs body, official weighted score) and Emergent (claim vs headline).

Both score the packaged stance model only on data its heads were not trained on:
- FNC-1: given the official `train_stances.csv`, only the pairs of the claims held out by
  `fnc_claim_split` are scored (the `fnc1` head was trained on the other claims, so no headline or body
  scored was seen in training). Any other stances file (a test set) is scored in full.
- Emergent: given `...-test-fold-K.csv`, the head trained on `...-train-fold-K.csv` is used. The
  10-fold mean: `python -m storytrace.bench.stance --emergent-folds DIR`.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np

from storytrace.bench import BenchResult
from storytrace.errors import BenchError
from storytrace.analyze.embed import encoder_for
from storytrace.link.stance import EMERGENT_LABELS, FNC_LABELS, TrainedStance, load_heads
from storytrace.settings import Settings

# Nothing else runs during a stance bench, so the encoder may use both cores.
_BENCH_THREADS = 2

RELATED = frozenset({"agree", "disagree", "discuss"})
_FOLD = re.compile(r"test-fold-(\d+)\.csv$")

# Share of FNC-1 train claims held out for `storytrace bench fnc1 --split claim`: the usual one fifth, which
# leaves about 38 of its 191 claims (and ~170 disagreeing pairs) to score.
CLAIM_HELDOUT_FRACTION: Final[float] = 0.2
# Share of the remaining (training) claims kept apart as a dev split for model selection, so the held-out figure
# is never tuned on.
CLAIM_DEV_FRACTION: Final[float] = 0.2


def fnc_heldout(body_id: str) -> bool:
    """The deterministic dev split by body: about one Body ID in five, by hash, so no body is in both."""
    return int(hashlib.sha1(str(body_id).strip().encode()).hexdigest()[:8], 16) % 5 == 0


def _hash_fraction(key: str, salt: str) -> float:
    """A deterministic number in [0, 1) for `key`."""
    return int(hashlib.sha1(f"{salt}:{key}".encode()).hexdigest()[:8], 16) / 2**32


@dataclass(frozen=True)
class ClaimSplit:
    """FNC-1 train split by claim. A claim is a connected component of the graph whose edges are the related
    (agree/disagree/discuss) (headline, body) pairs; every headline and body lies in one. An unrelated pair
    goes with its headline's claim; one whose body's claim is on the other side is dropped, so no headline or
    body of a held-out claim is seen in training."""

    train: list[dict[str, str]]
    heldout: list[dict[str, str]]
    dev: list[dict[str, str]]  # a part of `train` (by claim too), for model selection
    dev_fit: list[dict[str, str]]  # the rows of `train` with no headline or body of a dev claim: fit these, score dev
    dropped: int  # unrelated pairs across the two sides
    claims: int
    heldout_claims: int
    dev_claims: int


def fnc_claims(rows: Sequence[dict[str, str]]) -> dict[str, str]:
    """Node ("h:" + headline or "b:" + Body ID) -> its claim's key (the claim's smallest headline)."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for row in rows:
        headline, body = root("h:" + row["Headline"]), root("b:" + row["Body ID"])
        if row["Stance"] in RELATED and headline != body:
            parent[headline] = body
    members: dict[str, list[str]] = {}
    for node in list(parent):
        members.setdefault(root(node), []).append(node)
    key = {top: min(nodes) for top, nodes in members.items()}
    return {node: key[root(node)] for node in parent}


def fnc_claim_split(rows: Sequence[dict[str, str]], fraction: float = CLAIM_HELDOUT_FRACTION,
                    dev_fraction: float = CLAIM_DEV_FRACTION) -> ClaimSplit:
    """Hold out about `fraction` of the claims by a hash of their key; `dev_fraction` of the others form dev."""
    claim = fnc_claims(rows)
    held = {c for c in set(claim.values()) if _hash_fraction(c, "fnc1-claim") < fraction}
    dev = {c for c in set(claim.values()) - held if _hash_fraction(c, "fnc1-claim-dev") < dev_fraction}
    train, heldout, dropped = [], [], 0
    for row in rows:
        side = claim["h:" + row["Headline"]] in held
        if side != (claim["b:" + row["Body ID"]] in held):
            dropped += 1
        else:
            (heldout if side else train).append(row)
    dev_rows = [r for r in train if claim["h:" + r["Headline"]] in dev and claim["b:" + r["Body ID"]] in dev]
    dev_fit = [r for r in train if claim["h:" + r["Headline"]] not in dev and claim["b:" + r["Body ID"]] not in dev]
    return ClaimSplit(train, heldout, dev_rows, dev_fit, dropped, len(set(claim.values())), len(held), len(dev))


def _read_csv(path: Path, needed: tuple[str, ...]) -> list[dict[str, str]]:
    csv.field_size_limit(10_000_000)  # article bodies are long fields
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise BenchError(f"{path}: cannot read ({exc})") from exc
    missing = [c for c in needed if rows and c not in rows[0]]
    if not rows or missing:
        raise BenchError(f"{path}: no rows, or columns missing: {', '.join(missing) or 'all'}")
    return rows


def read_fnc(bodies: Path, stances: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    texts = {r["Body ID"].strip(): r["articleBody"] for r in _read_csv(bodies, ("Body ID", "articleBody"))}
    rows = _read_csv(stances, ("Headline", "Body ID", "Stance"))
    for row in rows:
        row["Body ID"] = row["Body ID"].strip()
        if row["Body ID"] not in texts:
            raise BenchError(f"{stances}: Body ID {row['Body ID']} is not in {bodies}")
        if row["Stance"] not in FNC_LABELS:
            raise BenchError(f"{stances}: unknown stance {row['Stance']!r}")
    return texts, rows


def read_emergent_pairs(pairs: Path) -> list[dict[str, str]]:
    rows = _read_csv(pairs, ("claimHeadline", "articleHeadline", "articleHeadlineStance"))
    for row in rows:
        if row["articleHeadlineStance"] not in EMERGENT_LABELS:
            raise BenchError(f"{pairs}: unknown stance {row['articleHeadlineStance']!r}")
    return rows


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float]:
    """The official FNC-1 weighted score and its maximum (the score of the gold labels themselves)."""
    def one(g: str, p: str) -> float:
        score = 0.0
        if g == p:
            score += 0.25 + (0.50 if g != "unrelated" else 0.0)
        if g in RELATED and p in RELATED:
            score += 0.25
        return score
    return sum(map(one, gold, predicted)), sum(one(g, g) for g in gold)


def score_report(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, float]:
    """Accuracy, macro-F1 over `labels` and per-class F1; with FNC labels also the weighted score."""
    n = len(gold)
    report = {"accuracy": sum(g == p for g, p in zip(gold, predicted)) / n if n else 0.0}
    f1s = {}
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        n_pred, n_gold = sum(p == label for p in predicted), sum(g == label for g in gold)
        f1s[label] = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
    report["macro_f1"] = sum(f1s.values()) / len(labels)
    if set(labels) == set(FNC_LABELS):
        score, best = fnc_score(gold, predicted)
        report = {"fnc_score_pct": 100.0 * score / best if best else 0.0, **report}
    report.update({f"f1_{label}": value for label, value in f1s.items()})
    return report


def confusion(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, dict[str, int]]:
    """gold label -> predicted label -> count."""
    return {g: {p: sum(a == g and b == p for a, b in zip(gold, predicted)) for p in labels} for g in labels}


def bench_fnc1(bodies: Path, stances: Path, limit: int | None = None, split: str = "claim",
               cross_encoder: bool = False, settings: Settings | None = None) -> BenchResult:
    """Score the `fnc1` head. On the official `train_stances.csv`, only the part it was not trained on: the pairs
    of held-out claims (`split="claim"`, see `fnc_claim_split`: no headline or body of them was seen in
    training). `split="body"` scores the held-out Body IDs of the earlier split by body: the head is now
    trained by claim, so most of those pairs were in its training data. Any other stances file is scored in full.
    With `cross_encoder`, the fine-tuned cross-encoder splits the pairs the trees call related."""
    if split not in ("claim", "body"):
        raise BenchError(f"unknown split {split!r}: claim or body")
    texts, rows = read_fnc(Path(bodies), Path(stances))
    official_train = Path(stances).name == "train_stances.csv"
    if official_train and split == "claim":
        parts = fnc_claim_split(rows)
        rows = parts.heldout
        note = (f"held-out claims only: {parts.heldout_claims} of {parts.claims} claims, "
                f"{len({r['Body ID'] for r in rows})} bodies; no headline or body of them was seen in training; "
                f"{parts.dropped} unrelated pairs across the split left out")
    elif official_train:
        rows = [r for r in rows if fnc_heldout(r["Body ID"])]
        note = f"held-out Body IDs of the split by body ({len({r['Body ID'] for r in rows})} bodies)"
    else:
        note = "all pairs"
    rows = rows[:limit]
    started = time.perf_counter()
    heads = load_heads(names=("fnc1",))
    if official_train and split != heads["fnc1"].split:
        note += (f"; BUT the packaged trees were trained by {heads['fnc1'].split}, on pairs of these "
                 f"{split}s: not a held-out figure (scripts/train_stance.py trains by claim)")
    backend = TrainedStance(encoder_for(settings or Settings(), threads=_BENCH_THREADS).encode, head="fnc1",
                            heads=heads, cross_encoder=cross_encoder)
    proba, trees = backend.predict_proba_and_trees([(r["Headline"], texts[r["Body ID"]]) for r in rows])
    predicted = [FNC_LABELS[i] for i in proba.argmax(axis=1)] if rows else []
    by_trees = [FNC_LABELS[i] for i in trees.argmax(axis=1)] if rows else []
    gold = [r["Stance"] for r in rows]
    trees_alone = score_report(gold, by_trees, FNC_LABELS)
    return BenchResult("fnc1", f"{stances} ({note})", len(rows), "fnc_score_pct",
                       score_report(gold, predicted, FNC_LABELS), backend.name, time.perf_counter() - started,
                       details={"confusion (gold -> predicted)": confusion(gold, predicted, FNC_LABELS),
                                "trees alone (no cross-encoder)": {k: round(v, 4) for k, v in trees_alone.items()}})


def _emergent_head(pairs: Path) -> tuple[str, str]:
    """The head to score `pairs` with, and a note on what that means for the figure."""
    match = _FOLD.search(Path(pairs).name)
    if match:
        return f"emergent-fold-{match.group(1)}", f"held-out fold {match.group(1)}, head trained on the other folds"
    if "clean-train" in Path(pairs).name:
        return "emergent", "TRAINING data of the deployed head: not a held-out figure"
    return "emergent", "head trained on the full Emergent train split"


def bench_emergent(pairs: Path, limit: int | None = None, settings: Settings | None = None) -> BenchResult:
    rows = read_emergent_pairs(Path(pairs))[:limit]
    head, note = _emergent_head(Path(pairs))
    started = time.perf_counter()
    backend = TrainedStance(encoder_for(settings or Settings(), threads=_BENCH_THREADS).encode, head=head)
    predicted = backend.predict_many([(r["claimHeadline"], r["articleHeadline"]) for r in rows])
    gold = [r["articleHeadlineStance"] for r in rows]
    return BenchResult("emergent", f"{pairs} ({note})", len(rows), "accuracy",
                       score_report(gold, predicted, EMERGENT_LABELS), backend.name, time.perf_counter() - started,
                       details={"confusion (gold -> predicted)": confusion(gold, predicted, EMERGENT_LABELS)})


def emergent_folds(folder: Path) -> tuple[dict[str, float], dict[str, dict[str, int]]]:
    """Mean of every metric over the 10 held-out test folds (each scored by its own fold head), and the
    confusion counts pooled over the folds (for error analysis)."""
    heads = load_heads()
    results = []
    for k in range(1, 11):
        path = Path(folder) / f"url-versions-2015-06-14-clean-test-fold-{k}.csv"
        if f"emergent-fold-{k}" not in heads or not path.is_file():
            raise BenchError(f"fold {k}: missing {path.name} or its head")
        results.append(bench_emergent(path))
    means = {name: float(np.mean([r.metrics[name] for r in results])) for name in results[0].metrics}
    folds = [r.details["confusion (gold -> predicted)"] for r in results]
    pooled = {g: {p: sum(f[g][p] for f in folds) for p in EMERGENT_LABELS} for g in EMERGENT_LABELS}
    return means, pooled


def main() -> None:
    parser = argparse.ArgumentParser(description="Emergent stance: mean over the 10 cross-validation folds.")
    parser.add_argument("--emergent-folds", type=Path, required=True, help="folder with the test-fold CSV files")
    means, pooled = emergent_folds(parser.parse_args().emergent_folds)
    for name, value in means.items():
        print(f"{name:16s} {value:.4f}")
    print(f"confusion over all folds (gold -> predicted): {pooled}")


if __name__ == "__main__":
    main()
