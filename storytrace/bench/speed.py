"""Speed of the full pipeline against spaCy alone on the same texts, in one run, with peak memory.

Wall seconds are what a user waits for, but on a shared machine they swing with whatever else runs; CPU seconds
(this process and its spaCy workers together) do not count the waiting, so the bench reports both: a change is
believed when both ratios move the same way.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storytrace.bench import BenchResult, bench_db
from storytrace.corpus import Corpus
from storytrace.errors import BenchError
from storytrace.ingest import iter_inputs
from storytrace.model import RawArticle
from storytrace.loading import OWN_COMPONENTS, load_models
from storytrace.settings import Settings
from storytrace.store import open_store


@dataclass(frozen=True)
class Timing:
    """Wall and CPU seconds of one timed step; CPU counts this process and the worker processes it waited for."""

    wall: float
    cpu: float


def timed(work: Callable[[], object]) -> tuple[Timing, object]:
    """Run `work`, returning its timing and its result."""
    before, begin = _cpu_seconds(), time.perf_counter()
    result = work()
    return Timing(time.perf_counter() - begin, _cpu_seconds() - before), result


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bench_speed(corpus: Path | None = None, bodies: Path | None = None, limit: int | None = None,
                settings: Settings | None = None, min_words: int = 0, max_words: int | None = None,
                db: Path | None = None) -> BenchResult:
    """Time `add` on every article under `corpus` or in an FNC-1 `bodies` CSV (optionally only those of
    min..max words), then spaCy alone on the same clean texts: once with the components storytrace runs, once
    with the whole pipeline."""
    settings = settings or Settings()
    raws, data = _read_articles(corpus, bodies, settings)
    raws = [r for r in raws if min_words <= len(r.content.split()) <= (max_words or 10**9)][:limit]
    if not raws:
        raise BenchError(f"{data}: no readable articles in the requested length range")
    models = load_models(settings)
    started = time.perf_counter()
    with bench_db(db, "speed") as path:
        corpus_db = Corpus(open_store(path), settings, models)
        _warm_up(corpus_db)
        full, report = timed(lambda: corpus_db.add_raw(raws, parallel=True))
        added = set(report.added)
        texts = [a.text for a in corpus_db.articles() if a.id in added]
        corpus_db.close()
    if not texts:
        raise BenchError(f"{data}: no article was added ({len(report.skipped)} skipped)")
    with models.nlp.select_pipes(disable=list(OWN_COMPONENTS)):
        spacy_only, _ = timed(lambda: _run_spacy(models.nlp, texts, settings))
    whole_pipeline = _whole_pipeline(settings)
    whole, _ = timed(lambda: _run_spacy(whole_pipeline, texts, settings))
    words = sum(len(t.split()) for t in texts)
    metrics = {
        "articles_per_s": len(texts) / full.wall,
        "words_per_s": words / full.wall,
        "spacy_only_articles_per_s": len(texts) / spacy_only.wall,
        "spacy_only_words_per_s": words / spacy_only.wall,
        "ratio_to_spacy": full.wall / spacy_only.wall,
        "spacy_all_components_articles_per_s": len(texts) / whole.wall,
        "ratio_to_spacy_all_components": full.wall / whole.wall,
        "cpu_ms_per_article": 1000 * full.cpu / len(texts),
        "spacy_all_components_cpu_ms_per_article": 1000 * whole.cpu / len(texts),
        "cpu_ratio_to_spacy": full.cpu / spacy_only.cpu,
        "cpu_ratio_to_spacy_all_components": full.cpu / whole.cpu,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "mean_words": words / len(texts),
    }
    backend = (f"{models.backend}; spaCy without {', '.join(settings.spacy_exclude) or 'nothing'}; "
               f"{settings.n_process} spaCy processes")
    return BenchResult("speed", data, len(texts), "articles_per_s", metrics, backend,
                       time.perf_counter() - started,
                       details={"skipped": len(report.skipped), "duplicates": len(report.duplicates)})


def _read_articles(corpus: Path | None, bodies: Path | None, settings: Settings) -> tuple[list[RawArticle], str]:
    """The articles to time, from a folder (as `add` reads it) or from an FNC-1 bodies CSV (one text each)."""
    if (corpus is None) == (bodies is None):
        raise BenchError("speed: give either --corpus DIR or --bodies FILE")
    if bodies is not None:
        from storytrace.bench.reliability import read_bodies

        texts = read_bodies(Path(bodies))
        return [RawArticle(source=f"{bodies}#{n}", content=text, kind="text")
                for n, text in enumerate(texts, start=1)], str(bodies)
    return [r for r in iter_inputs([Path(corpus)], settings) if isinstance(r, RawArticle)], str(corpus)


def _whole_pipeline(settings: Settings):
    """spaCy's configured pipeline as its package loads it (every component it enables): "spaCy alone" for a user."""
    from storytrace.analyze.nlp import import_spacy

    return import_spacy().load(settings.spacy_model)


def _run_spacy(nlp, texts: list[str], settings: Settings) -> None:
    for _ in nlp.pipe(texts, n_process=settings.n_process, batch_size=settings.batch_size):
        pass


def _warm_up(corpus: Corpus) -> None:
    """Run each model once so lazy initialisation is not timed (lingua reads its language models, about five CPU
    seconds, at its first detection)."""
    from storytrace.clean.language import detect_language

    models = corpus.models
    detect_language(models.detector, _WARM_UP_TEXT)
    models.nlp(_WARM_UP_TEXT)
    models.encoder.encode([_WARM_UP_TEXT])


_WARM_UP_TEXT = "The harbour will reopen next week, a spokesman for the port authority said on Tuesday."
