"""Stance benchmarks: FNC-1 (headline vs body, official weighted score) and Emergent (claim vs headline).

Both score the packaged stance model only on data its heads were not trained on:
- FNC-1: given the official `train_stances.csv`, only pairs whose Body ID is held out by
  `fnc_heldout` are scored (the `fnc1` head was trained on the other bodies). Any other stances file
  (a test set) is scored in full.
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
from pathlib import Path

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


def fnc_heldout(body_id: str) -> bool:
    """The deterministic dev split by body: about one Body ID in five, by hash, so no body is in both."""
    return int(hashlib.sha1(str(body_id).strip().encode()).hexdigest()[:8], 16) % 5 == 0


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


def bench_fnc1(bodies: Path, stances: Path, limit: int | None = None, settings: Settings | None = None) -> BenchResult:
    texts, rows = read_fnc(Path(bodies), Path(stances))
    official_train = Path(stances).name == "train_stances.csv"
    if official_train:
        rows = [r for r in rows if fnc_heldout(r["Body ID"])]
    rows = rows[:limit]
    started = time.perf_counter()
    backend = TrainedStance(encoder_for(settings or Settings(), threads=_BENCH_THREADS).encode, head="fnc1")
    predicted = backend.predict_many([(r["Headline"], texts[r["Body ID"]]) for r in rows])
    gold = [r["Stance"] for r in rows]
    split = (f"held-out Body IDs only ({len({r['Body ID'] for r in rows})} bodies; the model never saw them)"
             if official_train else "all pairs")
    return BenchResult("fnc1", f"{stances} ({split})", len(rows), "fnc_score_pct",
                       score_report(gold, predicted, FNC_LABELS), backend.name, time.perf_counter() - started,
                       details={"confusion (gold -> predicted)": confusion(gold, predicted, FNC_LABELS)})


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
