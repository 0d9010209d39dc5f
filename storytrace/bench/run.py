"""Dispatch `storytrace bench NAME` to its benchmark function, checking the inputs it needs.

Each benchmark is `module:function` taking keyword arguments named like the CLI options it reads.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from storytrace.bench import BenchResult
from storytrace.errors import BenchError


@dataclass(frozen=True)
class Benchmark:
    target: str  # "module:function"
    folders: tuple[str, ...] = ()  # options that must name an existing folder
    files: tuple[str, ...] = ()  # options that must name an existing file
    summary: str = ""


BENCHMARKS: dict[str, Benchmark] = {
    "clean-text": Benchmark("storytrace.bench.clean:bench_clean_text", folders=("data",),
                            summary="scraped-text cleaner on trafilatura-eval pages"),
    "clean-html": Benchmark("storytrace.bench.clean:bench_clean_html", folders=("data",),
                            summary="HTML main-text extraction"),
    "speed": Benchmark("storytrace.bench.speed:bench_speed", folders=("corpus",),
                       summary="full pipeline against spaCy alone"),
    "polnear": Benchmark("storytrace.bench.polnear:bench_polnear", folders=("dir",),
                         summary="attribution relations on PolNeAR"),
    "tempeval": Benchmark("storytrace.bench.tempeval:bench_tempeval", folders=("dir",),
                          summary="time expressions on TempEval-3 TimeML"),
    "fnc1": Benchmark("storytrace.bench.stance:bench_fnc1", files=("bodies", "stances"),
                      summary="headline/body stance on FNC-1"),
    "emergent": Benchmark("storytrace.bench.stance:bench_emergent", files=("pairs",),
                          summary="claim/headline stance on Emergent"),
    "emergent-claims": Benchmark("storytrace.bench.claims:bench_emergent_claims", files=("pairs",),
                                 summary="grouping Emergent headlines into claims"),
    "ecbplus": Benchmark("storytrace.bench.stories:bench_ecbplus", folders=("dir",),
                         summary="story clustering on ECB+"),
    "link-speed": Benchmark("storytrace.bench.link_speed:bench_link_speed",
                            summary="linking cost per new article at 1k, 10k and 100k stored articles (synthetic)"),
}


def run_benchmark(name: str, **options) -> BenchResult:
    """Run benchmark `name`; `options` are the CLI's (data, corpus, dir, bodies, stances, pairs, limit, ...)."""
    bench = BENCHMARKS.get(name)
    if bench is None:
        raise BenchError(f"unknown benchmark {name!r}; choose one of {', '.join(BENCHMARKS)}")
    for option in bench.folders + bench.files:
        path = options.get(option)
        if path is None:
            raise BenchError(f"benchmark {name} needs --{option}")
        if option in bench.folders and not Path(path).is_dir():
            raise BenchError(f"{path}: not a folder")
        if option in bench.files and not Path(path).is_file():
            raise BenchError(f"{path}: no such file")
    module_name, function_name = bench.target.split(":")
    try:
        function = getattr(importlib.import_module(module_name), function_name)
    except (ImportError, AttributeError) as exc:
        raise BenchError(f"benchmark {name} is not available in this build ({exc})") from exc
    wanted = {k: v for k, v in options.items() if v is not None and k in function.__code__.co_varnames}
    return function(**wanted)
