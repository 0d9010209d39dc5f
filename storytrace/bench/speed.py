"""Speed of the full pipeline against spaCy alone on the same texts, in one run, with peak memory."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import spacy

from storytrace.bench import BenchResult, bench_db
from storytrace.corpus import Corpus
from storytrace.errors import BenchError
from storytrace.ingest import iter_inputs
from storytrace.model import RawArticle
from storytrace.loading import OWN_COMPONENTS, load_models
from storytrace.settings import Settings
from storytrace.store import open_store


def bench_speed(corpus: Path, limit: int | None = None, settings: Settings | None = None,
                min_words: int = 0, max_words: int | None = None, db: Path | None = None) -> BenchResult:
    """Time `add` on every article under `corpus_dir` (optionally only those of min..max words), then spaCy
    alone on the same clean texts: once with the components storytrace runs, once with the whole pipeline."""
    corpus_dir = Path(corpus)
    settings = settings or Settings()
    raws = [r for r in iter_inputs([corpus_dir], settings) if isinstance(r, RawArticle)
            and min_words <= len(r.content.split()) <= (max_words or 10**9)][:limit]
    if not raws:
        raise BenchError(f"{corpus_dir}: no readable articles in the requested length range")
    models = load_models(settings)
    started = time.perf_counter()
    with bench_db(db, "speed") as path:
        timed = Corpus(open_store(path), settings, models)
        _warm_up(timed)
        begin = time.perf_counter()
        report = timed.add_raw(raws, parallel=True)
        full_seconds = time.perf_counter() - begin
        added = set(report.added)
        texts = [a.text for a in timed.articles() if a.id in added]
        timed.close()
    with models.nlp.select_pipes(disable=list(OWN_COMPONENTS)):
        spacy_seconds = _spacy_seconds(models.nlp, texts, settings)
    whole_pipeline = spacy.load(settings.spacy_model)
    whole_seconds = _spacy_seconds(whole_pipeline, texts, settings)
    words = sum(len(t.split()) for t in texts)
    metrics = {
        "articles_per_s": len(texts) / full_seconds,
        "words_per_s": words / full_seconds,
        "spacy_only_articles_per_s": len(texts) / spacy_seconds,
        "spacy_only_words_per_s": words / spacy_seconds,
        "ratio_to_spacy": full_seconds / spacy_seconds,
        "spacy_all_components_articles_per_s": len(texts) / whole_seconds,
        "ratio_to_spacy_all_components": full_seconds / whole_seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "mean_words": words / len(texts),
    }
    backend = (f"{models.backend}; spaCy without {', '.join(settings.spacy_exclude) or 'nothing'}; "
               f"{settings.n_process} spaCy processes")
    return BenchResult("speed", str(corpus_dir), len(texts), "articles_per_s", metrics, backend,
                       time.perf_counter() - started,
                       details={"skipped": len(report.skipped), "duplicates": len(report.duplicates)})


def _spacy_seconds(nlp, texts: list[str], settings: Settings) -> float:
    begin = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=settings.n_process, batch_size=settings.batch_size):
        pass
    return time.perf_counter() - begin


def _warm_up(corpus: Corpus) -> None:
    """Run each model once so lazy initialisation is not timed."""
    models = corpus.models
    models.nlp("Warm-up sentence, the spokesman said.")
    models.encoder.encode(["warm-up"])
