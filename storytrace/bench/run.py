"""Dispatch `storytrace bench NAME` to the benchmark function, checking the arguments it needs."""

from __future__ import annotations

from pathlib import Path

from storytrace.bench import BenchResult
from storytrace.errors import BenchError


def run_benchmark(name: str, *, data: Path | None = None, corpus: Path | None = None,
                  limit: int | None = None, min_words: int = 0, max_words: int | None = None) -> BenchResult:
    if name in ("clean-text", "clean-html"):
        from storytrace.bench.clean import bench_clean_html, bench_clean_text

        folder = _need(data, "--data", name)
        return bench_clean_text(folder) if name == "clean-text" else bench_clean_html(folder)
    if name == "speed":
        from storytrace.bench.speed import bench_speed

        return bench_speed(_need(corpus, "--corpus", name), limit, min_words=min_words, max_words=max_words)
    raise BenchError(f"unknown benchmark {name!r}")


def _need(path: Path | None, option: str, name: str) -> Path:
    if path is None:
        raise BenchError(f"benchmark {name} needs {option} DIR")
    if not path.is_dir():
        raise BenchError(f"{path}: not a folder")
    return path
