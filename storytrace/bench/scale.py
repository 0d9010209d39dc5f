"""Scale-out: articles/s of the Ray engine's workers with 1, 2, ... actors on a local Ray, and the ceiling of the
one linker in the driver that every worker feeds.

Each worker count gets a fresh local Ray with that many CPUs. Its rate is the steady one: from the first
batch of results to the last, so Ray's start and each actor's model loading (seconds, once per actor) are
reported apart (`startup_s_<W>`) rather than mixed into it. The workers' results are drained without linking,
so the linker in this process takes no CPU from them; the linker is then timed alone on the same analysed
articles (`add_analysed` into a new store, models loaded first).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from storytrace.bench import BenchResult, bench_db
from storytrace.corpus import Corpus
from storytrace.errors import BenchError
from storytrace.loading import load_models
from storytrace.model import Article
from storytrace.scale.ray_engine import RayOptions, ray_session, timed_batches
from storytrace.scale.work import plan_tasks, unpack
from storytrace.settings import Settings
from storytrace.store import open_store


def bench_scale(corpus: Path, workers: str = "1,2", limit: int | None = None,
                settings: Settings | None = None) -> BenchResult:
    """Time the Ray engine's analysis of the first `limit` files under `corpus` with each worker count in
    `workers` (comma-separated), then the linker alone on what the first count produced."""
    settings = settings or Settings()
    counts = _counts(workers)
    tasks = plan_tasks([Path(corpus)])[:limit]
    if not tasks:
        raise BenchError(f"{corpus}: no input files")
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    metrics: dict[str, float] = {}
    outputs: dict[int, list[bytes]] = {}
    for count in counts:
        rate, startup, outputs[count] = _time_workers(tasks, count, settings)
        metrics[f"articles_per_s_{count}"] = rate
        metrics[f"startup_s_{count}"] = startup
    metrics["scaling"] = metrics[f"articles_per_s_{counts[-1]}"] / metrics[f"articles_per_s_{counts[0]}"]
    models = load_models(settings)
    articles = [item for item in map(unpack, outputs[counts[0]]) if isinstance(item, Article)]
    if not articles:
        raise BenchError(f"{corpus}: no article was analysed")
    with bench_db(None, "scale-linker") as path:
        linking = Corpus(open_store(path), settings, models)
        begin = time.perf_counter()
        report = linking.add_analysed(articles)
        metrics["linker_articles_per_s"] = len(report.added) / (time.perf_counter() - begin)
        linking.close()
    metrics["scaling_to_linker"] = metrics["linker_articles_per_s"] / metrics[f"articles_per_s_{counts[-1]}"]
    same = all(outputs[count] == outputs[counts[0]] for count in counts)
    backend = (f"{models.backend}; Ray Data actor pool on a local Ray of W CPUs, one spaCy process per actor; "
               f"linker and store (SQLite) in the driver")
    return BenchResult("scale", str(corpus), len(articles), "scaling", metrics, backend,
                       time.perf_counter() - started,
                       details={"inputs": len(tasks), "same results for every worker count": same,
                                # Worker counts beyond the idle cores cannot scale: say how busy the machine was.
                                "load average (1 min) before and after": (round(load_before, 1),
                                                                          round(os.getloadavg()[0], 1)),
                                "cpus": os.cpu_count()})


def _counts(workers: str) -> list[int]:
    try:
        counts = [int(part) for part in workers.split(",")]
    except ValueError:
        counts = []
    if not counts or min(counts) < 1:
        raise BenchError(f"--workers must be positive whole numbers separated by commas, not {workers!r}")
    return counts


def _time_workers(tasks, count: int, settings: Settings) -> tuple[float, float, list[bytes]]:
    """Steady articles/s of `count` actors (first result batch to last), seconds to the first batch, and
    the results as the workers sent them."""
    with ray_session(RayOptions(workers=count), settings), bench_db(None, "scale") as path:
        corpus = Corpus(open_store(path), settings)  # empty: the workers' duplicate check finds nothing stored
        begin = time.perf_counter()
        batches = list(timed_batches(tasks, corpus, count))
        corpus.close()
    if len(batches) < 2:
        raise BenchError("scale: too few inputs for a steady rate (the results came back in one batch)")
    first, last = batches[0][1], batches[-1][1]
    after_first = sum(_articles(batch) for batch, _ in batches[1:])
    return after_first / (last - first), first - begin, [packed for batch, _ in batches for packed in batch]


def _articles(batch: list[bytes]) -> int:
    return sum(isinstance(unpack(packed), Article) for packed in batch)
