"""The linking-cost bench builds synthetic stores of the requested sizes and times real placements in them."""

from __future__ import annotations

import pytest

from storytrace.bench.link_speed import bench_link_speed
from storytrace.bench.run import BENCHMARKS
from storytrace.errors import BenchError


def test_times_each_size_and_new_articles_on_stored_events_join_their_story(models):
    """One figure per size, the growth between them, and placements that behave (stored events are joined)."""
    result = bench_link_speed(limit=6, sizes="40,120", models=models)
    assert set(result.metrics) >= {"ms_per_article_40", "ms_per_article_120", "growth"}
    assert result.primary == "growth" and result.metrics["growth"] >= 1.0
    assert result.metrics["joined_existing_story"] > 0.5
    assert result.n == 12


def test_registered_and_rejects_bad_sizes():
    """`storytrace bench link-speed` exists; sizes that are not numbers are a BenchError."""
    assert "link-speed" in BENCHMARKS
    with pytest.raises(BenchError):
        bench_link_speed(limit=1, sizes="ten", models=object())
