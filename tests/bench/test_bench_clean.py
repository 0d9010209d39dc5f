"""Tests of the clean-text and clean-html benchmarks on tiny hand-made data sets."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storytrace.bench.clean import (
    bench_clean_html,
    bench_clean_text,
    ngram_bag,
    ngram_precision_recall,
    score_segments,
)
from storytrace.errors import BenchError

SENTENCE_A = "The river council met on Tuesday and agreed that the old bridge must close to cars before winter comes."
SENTENCE_B = "Engineers found deep cracks in two of the stone piers, the mayor told reporters outside the town hall."
SENTENCE_C = "Ein Gutachten hatte schon im Frühjahr gewarnt, dass die Pfeiler der alten Brücke nicht mehr sicher seien."
SENTENCE_D = "Die Stadt will nun eine Fähre für Fußgänger und Radfahrer einrichten, bis die Reparatur abgeschlossen ist."


def _page(lang: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html lang="{lang}"><head><title>T</title></head><body>'
            f'<ul><li>Home</li><li>Sport</li><li>Impressum</li></ul><article>{body}</article>'
            f"<footer>Copyright 2020 Example. All rights reserved.</footer></body></html>")


def _write_gz(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8") if isinstance(text, str) else text))


@pytest.fixture
def trafilatura_eval(tmp_path: Path) -> Path:
    """An English and a German page in the trafilatura-eval layout (cache/ and eval/), plus an unreadable one."""
    _write_gz(tmp_path / "cache" / "en.html.gz", _page("en", [SENTENCE_A, SENTENCE_B]))
    _write_gz(tmp_path / "eval" / "de.html.gz", _page("de", [SENTENCE_C, SENTENCE_D]))
    (tmp_path / "eval" / "broken.html.gz").write_bytes(b"not gzip at all")
    index = {
        "https://a.example/en": {"file": "en.html", "with": [SENTENCE_A[:40], SENTENCE_B[-40:]],
                                 "without": ["Impressum", "All rights reserved", "Not on the page"]},
        "https://b.example/de": {"file": "de.html", "with": [SENTENCE_C[:40], "Fehlt auf der Seite"],
                                 "without": ["Sport"]},
        "https://c.example/broken": {"file": "broken.html", "with": ["x"], "without": ["y"]},
    }
    (tmp_path / "evaldata.json").write_text(json.dumps(index), encoding="utf-8")
    return tmp_path


def test_score_segments_counts_by_substring() -> None:
    """The metric is substring presence after whitespace normalisation; pin it down."""
    counts = score_segments("alpha  beta\n\ngamma", ["alpha beta", "delta"], ["gamma", "epsilon"])
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (1, 1, 1, 1)


def test_bench_clean_text_exact_figures(trafilatura_eval: Path) -> None:
    """Hand-computed: cleaned output finds A, B, C (3 of 4 'with') and no 'without'; raw finds 3 of 4 'without'."""
    result = bench_clean_text(trafilatura_eval)
    assert result.benchmark == "clean-text" and result.primary == "f1"
    assert result.n == 2 and result.details["skipped"] == 1
    m = result.metrics
    assert m["precision"] == 1.0
    assert m["recall"] == pytest.approx(3 / 4)
    assert m["f1"] == pytest.approx(6 / 7)
    assert m["n_english"] == 1
    assert (m["precision_english"], m["recall_english"], m["f1_english"]) == (1.0, 1.0, 1.0)
    # Raw visible text: TP 3, FP 3 (Impressum, All rights reserved, Sport) -> P 0.5, R 0.75, F1 0.6.
    assert m["f1_raw"] == pytest.approx(0.6)


def test_bench_clean_html_on_trafilatura_eval_layout(trafilatura_eval: Path) -> None:
    """Trafilatura finds the article paragraphs and leaves the menu and footer out."""
    result = bench_clean_html(trafilatura_eval)
    assert result.benchmark == "clean-html" and result.backend.startswith("trafilatura ")
    assert result.n == 2 and result.details["skipped"] == 1
    assert result.metrics["precision"] == 1.0
    assert result.metrics["recall"] == pytest.approx(3 / 4)


def test_ngram_bag_matches_the_benchmark_definition() -> None:
    """Tokens are \\w+ runs; a text shorter than four words still counts as one n-gram."""
    assert ngram_bag("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert ngram_bag("just two") == {("just", "two"): 1}
    assert ngram_bag("") == {}


def test_ngram_precision_recall_uses_multisets() -> None:
    """A repeated n-gram counts as often as it occurs on each side, not once."""
    # Output 4-grams: (a b c d) x2 via "a b c d a b c d" -> abcd, bcda, cdab, dabc, abcd: 5 grams.
    precision, recall = ngram_precision_recall("a b c d a b c d", "a b c d")
    assert precision == pytest.approx(1 / 5)
    assert recall == 1.0
    assert ngram_precision_recall("", "a b c d") == (None, 0.0)


@pytest.fixture
def article_benchmark(tmp_path: Path) -> Path:
    """Three pages in the article-extraction-benchmark layout; the third has no HTML file and is skipped."""
    _write_gz(tmp_path / "html" / "p1.html.gz", _page("en", [SENTENCE_A, SENTENCE_B]))
    _write_gz(tmp_path / "html" / "p2.html.gz", _page("en", [SENTENCE_A]))
    truth = {
        "p1": {"articleBody": SENTENCE_A + "\n" + SENTENCE_B, "url": "https://a.example/1"},
        # The gold body of p2 holds B as well, which the page lacks: recall there is A's share.
        "p2": {"articleBody": SENTENCE_A + "\n" + SENTENCE_B, "url": "https://a.example/2"},
        "p3": {"articleBody": "missing page", "url": "https://a.example/3"},
    }
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return tmp_path


def test_bench_clean_html_on_article_benchmark_layout(article_benchmark: Path) -> None:
    """Per-page 4-gram precision and recall, averaged over pages, F1 of the averages."""
    result = bench_clean_html(article_benchmark)
    assert result.n == 2 and result.details["skipped"] == 1
    # A has 19 words (16 grams); A+B 37 words (34 grams). p1: P=R=1. p2: P=1, R=16/34.
    assert len(ngram_bag(SENTENCE_A)) == 16 and sum(ngram_bag(SENTENCE_A + " " + SENTENCE_B).values()) == 34
    recall = (1 + 16 / 34) / 2
    assert result.metrics["precision"] == pytest.approx(1.0)
    assert result.metrics["recall"] == pytest.approx(recall)
    assert result.metrics["f1"] == pytest.approx(2 * recall / (1 + recall))


def test_bench_clean_html_rejects_unknown_layout(tmp_path: Path) -> None:
    """A folder of neither layout is a usage error with a reason, not an empty score."""
    with pytest.raises(BenchError):
        bench_clean_html(tmp_path)
