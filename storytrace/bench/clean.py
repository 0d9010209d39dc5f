"""Benchmarks of boilerplate removal: scraped plain text (clean-text) and HTML pages (clean-html).

clean-text and clean-html on the trafilatura-eval layout use the segment metric of that corpus:
a "with" segment found in the output is a true positive, a "without" segment found is a false
positive. clean-html on the article-extraction-benchmark layout uses that benchmark's metric:
multisets of word 4-grams, per-page precision and recall averaged over pages.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storytrace.bench import BenchResult
from storytrace.errors import BenchError, ExtractionRejected

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2})", re.IGNORECASE)


@dataclass
class EvalPage:
    """One trafilatura-eval page with its gold segments."""

    url: str
    html: str
    with_segments: list[str]
    without_segments: list[str]


@dataclass
class SegmentCounts:
    """Summed confusion counts of the segment metric."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: "SegmentCounts") -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn

    def scores(self) -> tuple[float, float, float]:
        """Precision, recall and F1; zero where undefined so an empty run reads as a failure."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass
class _Tally:
    """Counts of all pages and of the English ones, plus pages skipped as unreadable."""

    all: SegmentCounts = field(default_factory=SegmentCounts)
    english: SegmentCounts = field(default_factory=SegmentCounts)
    n: int = 0
    n_english: int = 0
    skipped: int = 0


def normalize_ws(text: str) -> str:
    return _WS.sub(" ", text).strip()


def score_segments(output: str, with_segments: list[str], without_segments: list[str]) -> SegmentCounts:
    """Segment metric of one page: which gold segments occur in the whitespace-normalized output."""
    text = normalize_ws(output)
    found_with = sum(1 for s in with_segments if normalize_ws(s) in text)
    found_without = sum(1 for s in without_segments if normalize_ws(s) in text)
    return SegmentCounts(
        tp=found_with,
        fn=len(with_segments) - found_with,
        fp=found_without,
        tn=len(without_segments) - found_without,
    )


def _read_gz(path: Path) -> str | None:
    """Decoded page, or None when it cannot be read (counted as skipped by the caller)."""
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, gzip.BadGzipFile):
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Old pages are often Latin-1/cp1252; let charset detection pick rather than fail.
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        return str(best) if best is not None else None


def iter_trafilatura_eval(data_dir: Path) -> Iterator[EvalPage | None]:
    """Pages of the trafilatura-eval layout in file order; None for a page that cannot be read."""
    index = data_dir / "evaldata.json"
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BenchError(f"{index}: {exc}") from exc
    for url, entry in entries.items():
        name = f"{entry['file']}.gz"
        path = data_dir / "cache" / name
        if not path.exists():
            path = data_dir / "eval" / name
        html = _read_gz(path) if path.exists() else None
        if not html or not html.strip():
            yield None
            continue
        yield EvalPage(url, html, list(entry.get("with", [])), list(entry.get("without", [])))


class _EnglishJudge:
    """Decides whether a page is English: the <html lang> attribute when present, else lingua on the gold text."""

    def __init__(self) -> None:
        self._detector = None

    def __call__(self, page: EvalPage) -> bool:
        match = _HTML_LANG.search(page.html[:5000])
        if match:
            return match.group(1).lower() == "en"
        return self._detect(" ".join(page.with_segments))

    def _detect(self, text: str) -> bool:
        if self._detector is None:
            from lingua import Language, LanguageDetectorBuilder

            # A handful of languages is enough to tell English apart and loads in a fraction of a second.
            languages = [Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH,
                         Language.ITALIAN, Language.DUTCH, Language.PORTUGUESE, Language.RUSSIAN]
            self._detector = LanguageDetectorBuilder.from_languages(*languages).build()
        from lingua import Language

        return self._detector.detect_language_of(text) == Language.ENGLISH


def _metrics(prefix: str, counts: SegmentCounts) -> dict[str, float]:
    precision, recall, f1 = counts.scores()
    return {f"precision{prefix}": precision, f"recall{prefix}": recall, f"f1{prefix}": f1}


def _run_segments(data_dir: Path, system: Callable[[str, str], str]) -> _Tally:
    """Score system(html, url) -> text over every page; unreadable or rejected pages are skipped."""
    tally = _Tally()
    is_english = _EnglishJudge()
    for page in iter_trafilatura_eval(data_dir):
        if page is None:
            tally.skipped += 1
            continue
        try:
            output = system(page.html, page.url)
        except ExtractionRejected:
            # A system that returns nothing for a page scores as an empty output: all gold text missed.
            output = ""
        counts = score_segments(output, page.with_segments, page.without_segments)
        tally.all.add(counts)
        tally.n += 1
        if is_english(page):
            tally.english.add(counts)
            tally.n_english += 1
    return tally


def bench_clean_text(data: Path) -> BenchResult:
    """Clean the visible text of each trafilatura-eval page as if a person had copied the whole page."""
    from storytrace.clean.html import visible_text
    from storytrace.clean.text import clean_scraped_text

    data_dir = Path(data)
    start = time.perf_counter()
    raw = _run_segments(data_dir, lambda html, url: visible_text(html))
    cleaned = _run_segments(data_dir, lambda html, url: clean_scraped_text(visible_text(html)))
    metrics = {**_metrics("", cleaned.all), **_metrics("_english", cleaned.english)}
    metrics["n_english"] = cleaned.n_english
    metrics["f1_raw"] = raw.all.scores()[2]
    metrics["f1_raw_english"] = raw.english.scores()[2]
    return BenchResult(
        benchmark="clean-text",
        data=str(data_dir),
        n=cleaned.n,
        primary="f1",
        metrics=metrics,
        backend="storytrace text cleaner",
        seconds=time.perf_counter() - start,
        details={"skipped": cleaned.skipped, "english_by": "<html lang>, else lingua on gold segments"},
    )


def bench_clean_html(data: Path) -> BenchResult:
    """Extract the main text of HTML pages with trafilatura; the layout of the folder picks the metric."""
    data_dir = Path(data)
    start = time.perf_counter()
    if (data_dir / "evaldata.json").exists():
        n, skipped, metrics = _clean_html_segments(data_dir)
    elif (data_dir / "ground-truth.json").exists():
        n, skipped, metrics = _clean_html_ngrams(data_dir)
    else:
        raise BenchError(f"{data_dir}: neither evaldata.json nor ground-truth.json found")
    return BenchResult(
        benchmark="clean-html",
        data=str(data_dir),
        n=n,
        primary="f1",
        metrics=metrics,
        backend=f"trafilatura {_trafilatura_version()}",
        seconds=time.perf_counter() - start,
        details={"skipped": skipped},
    )


def _trafilatura_version() -> str:
    from importlib.metadata import version

    return version("trafilatura")


def _clean_html_segments(data_dir: Path) -> tuple[int, int, dict[str, float]]:
    from storytrace.clean.html import extract_html

    tally = _run_segments(data_dir, lambda html, url: extract_html(html, url, source=url).text)
    metrics = {**_metrics("", tally.all), **_metrics("_english", tally.english)}
    metrics["n_english"] = tally.n_english
    return tally.n, tally.skipped, metrics


def ngram_bag(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of word n-grams (words are regex \\w+ runs), as the article-extraction-benchmark counts them.

    A text shorter than n words still counts as one n-gram of all its words, as in that benchmark.
    """
    words = _WORD.findall(text or "")
    if not words:
        return Counter()
    return Counter(tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1)))


def ngram_precision_recall(output: str, truth: str) -> tuple[float | None, float | None]:
    """Per-page precision and recall of the output's 4-grams against the truth's, by multiset overlap.

    None marks a page left out of that average, as the benchmark does: precision when nothing was
    predicted, recall when the truth is empty.
    """
    predicted, expected = ngram_bag(output), ngram_bag(truth)
    tp = sum((predicted & expected).values())
    fp = sum(predicted.values()) - tp
    fn = sum(expected.values()) - tp
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _clean_html_ngrams(data_dir: Path) -> tuple[int, int, dict[str, float]]:
    from storytrace.clean.html import extract_html

    index = data_dir / "ground-truth.json"
    try:
        truth = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BenchError(f"{index}: {exc}") from exc
    precisions: list[float] = []
    recalls: list[float] = []
    skipped = n = 0
    for page_id, gold in truth.items():
        path = data_dir / "html" / f"{page_id}.html.gz"
        html = _read_gz(path) if path.exists() else None
        if not html or not html.strip():
            skipped += 1
            continue
        try:
            output = extract_html(html, gold.get("url"), source=str(path)).text
        except ExtractionRejected:
            output = ""
        n += 1
        precision, recall = ngram_precision_recall(output, gold.get("articleBody") or "")
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
    mean_p, mean_r = _mean(precisions), _mean(recalls)
    f1 = 2 * mean_p * mean_r / (mean_p + mean_r) if mean_p + mean_r else 0.0
    return n, skipped, {"precision": mean_p, "recall": mean_r, "f1": f1}
