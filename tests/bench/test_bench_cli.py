"""`storytrace bench NAME` takes exactly the options NAME declares, and hands the product's settings on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.bench.run import BENCHMARKS, run_benchmark
from storytrace.errors import BenchError
from storytrace.serve.cli import EXIT_USAGE, main

TIMEBANK = Path(__file__).parents[3] / "shared" / "data" / "tempeval3" / "TBAQ-cleaned" / "TimeBank"


def test_an_option_another_bench_takes_is_a_usage_error(capsys):
    """--bodies belongs to fnc1; given to tempeval it is refused by argparse (exit 2), not silently ignored."""
    with pytest.raises(SystemExit) as stop:
        main(["bench", "tempeval", "--dir", ".", "--bodies", "x.csv"])
    assert stop.value.code == EXIT_USAGE
    assert "unrecognized arguments: --bodies" in capsys.readouterr().err


def test_every_bench_has_help_for_each_option(capsys):
    """Each benchmark's sub-command lists its own options with help."""
    for name, bench in BENCHMARKS.items():
        with pytest.raises(SystemExit):
            main(["bench", name, "--help"])
        shown = capsys.readouterr().out
        for option in bench.options:
            assert f"--{option.name}" in shown, (name, option.name)


def test_library_call_checks_options_and_paths(tmp_path):
    """run_benchmark refuses undeclared options and missing folders before loading anything."""
    with pytest.raises(BenchError, match="takes no option --pairs"):
        run_benchmark("tempeval", dir=tmp_path, pairs=tmp_path / "p.csv")
    with pytest.raises(BenchError, match="not a folder"):
        run_benchmark("tempeval", dir=tmp_path / "missing")
    with pytest.raises(BenchError, match="needs --dir"):
        run_benchmark("tempeval")


@pytest.mark.skipif(not TIMEBANK.is_dir(), reason="needs ../shared/data beside the repository")
def test_a_bench_runs_from_the_command_line_and_prints_the_contract(capsys):
    """A real run on two TimeBank files prints one JSON object with the contract's keys."""
    assert main(["bench", "tempeval", "--dir", str(TIMEBANK), "--limit", "2", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"benchmark", "data", "n", "primary", "metrics", "backend", "seconds"}
    assert result["benchmark"] == "tempeval" and result["primary"] == "value_f1" and result["n"] > 0
