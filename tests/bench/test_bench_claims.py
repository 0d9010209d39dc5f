"""Emergent claim-grouping benchmark: headlines grouped one by one, scored with B-cubed against claimId."""

from __future__ import annotations

import csv

from storytrace.analyze.embed import Encoder

from storytrace.bench.claims import bench_emergent_claims
from storytrace.link.claims import CachedEmbed, ClaimModels, group_propositions, proposition_encoder
from storytrace.settings import Settings


def test_group_propositions_joins_restatements_and_keeps_others_apart():
    """Restatements of one proposition share a group; a different proposition starts its own."""
    embed = CachedEmbed(Encoder(max_tokens=128, threads=1).encode)
    models = ClaimModels(proposition_encoder(), stance=None, embed=embed)
    groups, _ = group_propositions([
        "Apple will sell 19 million Apple Watches in 2015",
        "Analyst says Apple will sell 19 million watches in 2015",
        "Burger kept for 20 years shows no sign of decay",
        "Apple Watch sales of 19 million expected in 2015",
    ], models, Settings())
    assert groups[0] == groups[1] == groups[3] and groups[2] == 2


def test_bench_scores_a_small_file(tmp_path):
    """The benchmark reads the Emergent columns and reports B-cubed over the headlines."""
    path = tmp_path / "pairs.csv"
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["", "claimHeadline", "articleHeadline", "articleHeadlineStance", "articleId", "claimId"])
        writer.writerow([0, "c", "Apple will sell 19 million Apple Watches in 2015", "for", "a1", "A"])
        writer.writerow([1, "c", "Analyst says Apple will sell 19 million watches in 2015", "for", "a2", "A"])
        writer.writerow([2, "c", "Burger kept for 20 years shows no sign of decay", "for", "a3", "B"])
    result = bench_emergent_claims(path)
    assert result.n == 3 and result.primary == "bcubed_f1"
    assert result.metrics["bcubed_f1"] == 1.0 and result.metrics["claims"] == 2.0
    assert result.metrics["ms_per_statement"] > 0 and 0 <= result.metrics["encoded_share"] <= 1
