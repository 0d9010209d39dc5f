"""The start-up bench times real processes; it needs a corpus to read and says so plainly when there is none."""

from __future__ import annotations

import pytest

from storytrace.bench.run import run_benchmark
from storytrace.errors import BenchError


def test_a_missing_corpus_is_a_bench_error(tmp_path):
    """No database at --db: a one-line BenchError before any process starts."""
    with pytest.raises(BenchError, match="no such file"):
        run_benchmark("startup", db=tmp_path / "missing.db")


@pytest.mark.slow
def test_times_every_step_once(tmp_path, models):
    """One run of each step on a small corpus: every figure is there and positive."""
    import storytrace
    from storytrace.bench.startup import ARTICLE, bench_startup

    (tmp_path / "a.txt").write_text(ARTICLE)
    with storytrace.open(tmp_path / "c.db", models=models) as corpus:
        corpus.add([tmp_path / "a.txt"])
    result = bench_startup(tmp_path / "c.db", repeat=1)
    assert result.primary == "add_one_new_s"
    assert all(value > 0 for value in result.metrics.values())
    assert {"import_s", "stories_s", "readd_stored_s", "add_one_via_server_s"} <= set(result.metrics)
