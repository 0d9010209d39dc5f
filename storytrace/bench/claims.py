"""Claim grouping on Emergent: every article headline is a statement; the grouper puts them into claims one
by one, and the groups are scored with B-cubed against Emergent's claimId."""

from __future__ import annotations

import csv
import time
from pathlib import Path

from storytrace.bench import BenchResult
from storytrace.bench.stories import adjusted_rand_index, bcubed
from storytrace.errors import BenchError
from storytrace.link.claims import group_propositions
from storytrace.settings import Settings


def read_emergent(pairs: Path) -> list[dict[str, str]]:
    with open(pairs, newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row.get("articleHeadline") and row.get("claimId")]
    if not rows:
        raise BenchError(f"{pairs}: no rows with articleHeadline and claimId")
    return rows


def bench_emergent_claims(pairs: Path, limit: int | None = None, settings: Settings | None = None) -> BenchResult:
    settings = settings or Settings()
    rows = read_emergent(Path(pairs))[:limit]
    started = time.perf_counter()
    groups = group_propositions([row["articleHeadline"] for row in rows], settings.claim_similarity)
    predicted = {str(i): str(g) for i, g in enumerate(groups)}
    gold = {str(i): row["claimId"] for i, row in enumerate(rows)}
    precision, recall, f1 = bcubed(predicted, gold)
    metrics = {"bcubed_f1": f1, "bcubed_precision": precision, "bcubed_recall": recall,
               "ari": adjusted_rand_index(predicted, gold), "claims": float(len(set(groups))),
               "gold_claims": float(len(set(gold.values())))}
    return BenchResult("emergent-claims", str(pairs), len(rows), "bcubed_f1", metrics,
                       f"lexical proposition overlap (threshold {settings.claim_similarity})",
                       time.perf_counter() - started, details={"order": "file order"})
