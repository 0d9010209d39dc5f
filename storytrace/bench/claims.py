"""Claim grouping on Emergent: every article headline is a statement; the grouper puts them into claims one
by one, and the groups are scored with B-cubed against Emergent's claimId. `ms_per_statement` is the
grouping cost (encoding included) per headline, all 2,071 in one pool: a story's pool is far smaller.
Note: Emergent files hold 19 headline texts under two claim ids each, a small ceiling below 1.0."""

from __future__ import annotations

import csv
import time
from pathlib import Path

from storytrace.bench import BenchResult
from storytrace.bench.stories import adjusted_rand_index, bcubed
from storytrace.errors import BenchError
from storytrace.link.claims import CachedEmbed, ClaimModels, group_propositions, proposition_encoder
from storytrace.analyze.embed import encoder_for
from storytrace.settings import Settings


def read_emergent(pairs: Path) -> list[dict[str, str]]:
    with open(pairs, newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row.get("articleHeadline") and row.get("claimId")]
    if not rows:
        raise BenchError(f"{pairs}: no rows with articleHeadline and claimId")
    return rows


def bench_emergent_claims(pairs: Path, limit: int | None = None, settings: Settings | None = None) -> BenchResult:
    """B-cubed of the grouping as configured (the primary figure), and, as `semantic_check_*`, of the grouping
    with the opposite `claim_semantic_check`, so both sides of that speed/quality trade are on record."""
    settings = settings or Settings()
    rows = read_emergent(Path(pairs))[:limit]
    embed = CachedEmbed(encoder_for(settings).encode)
    models = ClaimModels(proposition_encoder(), stance=None, embed=embed)
    texts = [row["articleHeadline"] for row in rows]
    gold = {str(i): row["claimId"] for i, row in enumerate(rows)}
    started = time.perf_counter()
    metrics = _score(texts, gold, models, settings)
    other = _score(texts, gold, models, settings.with_overrides(claim_semantic_check=not settings.claim_semantic_check))
    mode = "on" if settings.claim_semantic_check else "off"
    metrics.update({f"semantic_check_{'off' if mode == 'on' else 'on'}_{k}": v for k, v in other.items()
                    if k in ("bcubed_f1", "ms_per_statement", "encoded_share")})
    return BenchResult("emergent-claims", str(pairs), len(rows), "bcubed_f1", metrics,
                       f"{models.propositions.name}, average link (threshold {settings.claim_candidate_similarity}); "
                       f"semantic check {mode} (all-MiniLM-L6-v2 between {settings.claim_candidate_similarity} and "
                       f"{settings.claim_similarity}, joins at {settings.claim_semantic_similarity})",
                       time.perf_counter() - started, details={"order": "file order"})


def _score(texts: list[str], gold: dict[str, str], models: ClaimModels, settings: Settings) -> dict[str, float]:
    started = time.perf_counter()
    groups, encoded = group_propositions(texts, models, settings)
    seconds = time.perf_counter() - started
    predicted = {str(i): str(g) for i, g in enumerate(groups)}
    precision, recall, f1 = bcubed(predicted, gold)
    return {"bcubed_f1": f1, "bcubed_precision": precision, "bcubed_recall": recall,
            "ari": adjusted_rand_index(predicted, gold), "claims": float(len(set(groups))),
            "gold_claims": float(len(set(gold.values()))), "ms_per_statement": 1000.0 * seconds / len(texts),
            "encoded_share": encoded / len(texts)}
