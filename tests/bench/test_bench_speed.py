"""The speed bench: articles from a folder or an FNC-1 bodies CSV, wall and CPU figures against spaCy alone."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from storytrace.bench.run import BENCHMARKS, run_benchmark
from storytrace.bench.speed import bench_speed, timed
from storytrace.errors import BenchError
from storytrace.settings import Settings

_BODY = ("The harbour authority of Velmora said on Tuesday that the ferry service to the outer islands would "
         "resume next month after repairs to the northern pier. \"We expect the first crossings in early spring,\" "
         "said Anna Derwent, a spokeswoman for the authority, adding that tickets already sold remain valid. "
         "Island councillors had warned that the closure was costing local shops a large part of their trade, "
         "and the fishing cooperative said its members had lost income for three months in a row. ")


def _write_bodies(path: Path, texts: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Body ID", "articleBody"])
        for number, text in enumerate(texts, start=1):
            writer.writerow([number, text])
    return path


def test_cpu_time_counts_worker_processes_waited_for():
    """CPU seconds include a child process's work (spaCy workers are children), not only this process's."""
    burn = [sys.executable, "-c", "sum(i * i for i in range(3_000_000))"]
    timing, result = timed(lambda: subprocess.run(burn, check=True).returncode)
    assert result == 0
    assert timing.cpu >= 0.1 and timing.wall > 0


def test_needs_exactly_one_source_of_articles(tmp_path):
    """Neither or both of --corpus and --bodies is an error named before any model loads."""
    bodies = _write_bodies(tmp_path / "bodies.csv", [_BODY])
    with pytest.raises(BenchError, match="either --corpus"):
        bench_speed()
    with pytest.raises(BenchError, match="either --corpus"):
        bench_speed(corpus=tmp_path, bodies=bodies)


def test_registered_with_both_sources():
    """`storytrace bench speed` takes --corpus or --bodies, and no longer requires --corpus."""
    options = {option.name: option for option in BENCHMARKS["speed"].options}
    assert {"corpus", "bodies", "limit", "min-words", "max-words", "db"} <= set(options)
    assert not options["corpus"].required and options["bodies"].kind == "file"


def test_a_bodies_file_that_is_not_fnc1_is_a_bench_error(tmp_path):
    """A CSV without the articleBody column is named as such, not a KeyError."""
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("id,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(BenchError, match="not an FNC-1 bodies CSV"):
        run_benchmark("speed", bodies=wrong)


@pytest.mark.slow
def test_times_bodies_against_spacy_in_one_run(tmp_path):
    """Distinct bodies are added and timed; wall and CPU ratios to both spaCy runs are positive and consistent."""
    texts = [_BODY.replace("Velmora", town) for town in ("Velmora", "Osterby", "Kalden")]
    bodies = _write_bodies(tmp_path / "bodies.csv", texts)
    result = bench_speed(bodies=bodies, settings=Settings(n_process=1))
    metrics = result.metrics
    assert result.n == 3 and result.data == str(bodies)
    for name in ("ratio_to_spacy", "ratio_to_spacy_all_components", "cpu_ratio_to_spacy",
                 "cpu_ratio_to_spacy_all_components", "cpu_ms_per_article"):
        assert metrics[name] > 0, name
    assert metrics["cpu_ratio_to_spacy_all_components"] == pytest.approx(
        metrics["cpu_ms_per_article"] / metrics["spacy_all_components_cpu_ms_per_article"])
