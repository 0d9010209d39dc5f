"""Tests of the meta-text and meta-html benchmarks: gold read from markup, scoring rules, and a run on
tiny hand-made folders in both layouts."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from storytrace.bench.meta import (
    bench_meta_html, bench_meta_text, byline_right, gold_from_html, outlet_right, page_split, published_right, site_of,
    title_right,
)
from storytrace.errors import BenchError

PARAGRAPHS = [
    "The Harbor council voted seven to two on Tuesday night to approve a new ferry terminal on the east pier, "
    "ending a debate that has divided the town since the old terminal flooded two winters ago.",
    "Supporters said the terminal would bring back the weekend crossings that were cut when the old building "
    "closed, and with them the visitors that the shops along the waterfront depend on.",
    "Opponents on the council said the cost had doubled since the plan was first drawn up and warned that the "
    "town would be paying off the loan for the next thirty years without a clear plan for repairs.",
]


GERMAN = [
    "Der Stadtrat hat am Dienstagabend mit sieben zu zwei Stimmen beschlossen, am Ostpier ein neues Fährterminal "
    "zu bauen, nachdem das alte Gebäude vor zwei Wintern bei einem Hochwasser schwer beschädigt worden war.",
    "Die Befürworter sagten, mit dem Terminal kämen die Überfahrten am Wochenende zurück, von denen die Geschäfte "
    "am Hafen leben, und die Gegner warnten vor den Kosten, die sich seit dem ersten Entwurf verdoppelt hätten.",
]


def _html(title: str, author: str, published: str, site: str, *, lang: str = "en",
          paragraphs: list[str] = PARAGRAPHS) -> str:
    """A small article page whose markup and visible text agree."""
    ld = json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": published,
                     "author": {"@type": "Person", "name": author}, "publisher": {"name": site}})
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html lang="{lang}"><head><title>{title} | {site}</title>'
            f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">'
            f'<script type="application/ld+json">{ld}</script></head><body>'
            f"<nav><ul><li>Home</li><li>News</li><li>Sport</li></ul></nav><article><h1>{title}</h1>"
            f"<div>By {author}</div><div>{published[:10]}</div>{body}</article>"
            f"<footer><p>© 2019 {site}. All rights reserved.</p></footer></body></html>")


PAGE = _html("Harbor council approves new ferry terminal", "Jane Doe", "2019-11-19T08:41:00+00:00", "Harbor Times")


def _write_gz(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8")))


def test_gold_comes_from_markup_with_its_tag() -> None:
    """og:title without the site suffix, JSON-LD date and author, og:site_name; each with the tag that gave it."""
    gold = gold_from_html(PAGE, "https://www.harbortimes.example/news/1")
    assert gold.title == "Harbor council approves new ferry terminal"
    assert gold.published == datetime(2019, 11, 19, 8, 41, tzinfo=timezone.utc) and gold.published_zoned
    assert gold.authors == ["Jane Doe"]
    assert gold.outlet == "Harbor Times"
    assert gold.sources == {"title": "meta og:title", "published": "json-ld datePublished",
                            "byline": "json-ld author", "outlet": "meta og:site_name"}


def test_title_tag_loses_the_site_suffix() -> None:
    """Without og:title, <title> minus the part naming the site (and any tagline after it) is the headline."""
    html = ('<html><head><title>Ferry terminal approved - Harbor Times - News for the bay</title>'
            '<meta property="og:site_name" content="Harbor Times"></head><body></body></html>')
    assert gold_from_html(html).title == "Ferry terminal approved"


def test_scoring_rules() -> None:
    """Token-set F1 of 0.8 for titles, the day (one off with a zone), a surname, a normalised outlet name."""
    assert title_right("Harbor council approves new ferry terminal", "Harbor council approves ferry terminal")
    assert not title_right("Follow Harbor Times", "Harbor council approves new ferry terminal")
    gold = datetime(2019, 11, 19, 2, 0, tzinfo=timezone.utc)
    assert published_right(datetime(2019, 11, 18, 21, 0, tzinfo=timezone(timedelta(hours=-5))), gold, True)
    assert published_right(datetime(2019, 11, 18), gold, True)
    assert not published_right(datetime(2019, 11, 18), datetime(2019, 11, 19), False)
    assert byline_right("Jane Doe and John Roe", ["John Roe"])
    assert not byline_right("Jane Doe", ["John Roe"])
    assert outlet_right("theverge.com", "The Verge")
    assert outlet_right("New York Times", "The New York Times")
    assert not outlet_right("Vox Media", "The Verge")


def test_split_is_fixed_by_page_id() -> None:
    """The dev/train split never changes between runs and holds both parts."""
    ids = [f"https://site{i}.example/a" for i in range(40)]
    assert [page_split(i) for i in ids] == [page_split(i) for i in ids]
    assert {page_split(i) for i in ids} == {"dev", "train"}


def test_split_keeps_each_site_in_one_part() -> None:
    """Held-out pages come from sites never trained on: every page of a site, in any id form, shares a part."""
    forms = ["https://www.harbortimes.co.uk/news/a", "https://news.harbortimes.co.uk/b",
             "https://web.archive.org/web/20190101000000/http://www.harbortimes.co.uk/c",
             "hard::harbortimes.co.uk-d.html"]
    assert {site_of(form) for form in forms} == {"harbortimes"}
    for i in range(20):
        assert page_split(f"https://site{i}.example/a") == page_split(f"https://www.site{i}.example/b/c")


def test_placeholder_authors_are_no_gold() -> None:
    """"No Author" or "Contributors to Wikimedia projects" in the markup names nobody: no byline gold."""
    for author in ("No Author", "Contributors to Wikimedia projects"):
        html = _html("Storm closes coastal road for second day", author, "2019-11-20T10:00:00+00:00", "Harbor Times")
        assert gold_from_html(html).authors == []
    html = _html("Storm closes coastal road for second day", "John Roe", "2019-11-20T10:00:00+00:00", "Harbor Times")
    assert gold_from_html(html).authors == ["John Roe"]


def test_credentials_after_an_authors_name_are_not_the_surname() -> None:
    """"Grant Tinsley, PhD" is right for a byline naming Tinsley."""
    assert byline_right("Grant Tinsley", ["Grant Tinsley, PhD"])
    assert not byline_right("Jane Doe", ["Grant Tinsley, PhD"])


@pytest.fixture
def trafilatura_eval(tmp_path: Path) -> Path:
    """Two English pages and one German page in the trafilatura-eval layout."""
    second = _html("Storm closes coastal road for second day", "John Roe", "2019-11-20T10:00:00+00:00", "Harbor Times")
    german = _html("Neue Fähre für den Hafen", "Hans Müller", "2019-11-21", "Hafenblatt", lang="de",
                   paragraphs=GERMAN)
    _write_gz(tmp_path / "cache" / "a.html.gz", PAGE)
    _write_gz(tmp_path / "eval" / "b.html.gz", second)
    _write_gz(tmp_path / "eval" / "c.html.gz", german)
    index = {f"https://www.harbortimes.example/{name}": {"file": f"{name}.html", "with": [], "without": []}
             for name in ("a", "b", "c")}
    (tmp_path / "evaldata.json").write_text(json.dumps(index), encoding="utf-8")
    return tmp_path


def test_meta_html_bench_on_a_tiny_folder(trafilatura_eval: Path) -> None:
    """The HTML path reads what the markup says; the German page is not stored and not scored."""
    result = bench_meta_html(trafilatura_eval)
    assert result.benchmark == "meta-html" and result.primary == "mean_accuracy" and result.n == 3
    assert result.metrics["stored"] == 2
    assert result.metrics["title_accuracy"] == 1.0 and result.metrics["published_accuracy"] == 1.0
    assert result.metrics["byline_accuracy"] == 1.0 and result.metrics["outlet_accuracy"] == 1.0
    assert result.metrics["title_n_dev"] + result.metrics["title_n_train"] == 2


def test_meta_text_bench_on_a_tiny_folder(trafilatura_eval: Path) -> None:
    """The text path reads the same values from the pages' visible text alone."""
    result = bench_meta_text(trafilatura_eval)
    assert result.benchmark == "meta-text" and result.metrics["stored"] == 2
    assert result.metrics["title_accuracy"] == 1.0
    assert result.metrics["published_accuracy"] == 1.0
    assert result.metrics["byline_accuracy"] == 1.0
    assert result.metrics["outlet_accuracy"] == 1.0


def test_article_extraction_benchmark_layout(tmp_path: Path) -> None:
    """html/<id>.html.gz with ground-truth.json is read too."""
    _write_gz(tmp_path / "html" / "p1.html.gz", PAGE)
    (tmp_path / "ground-truth.json").write_text(json.dumps({"p1": {"url": "https://www.harbortimes.example/p1"}}))
    result = bench_meta_text(tmp_path)
    assert result.n == 1 and result.metrics["title_accuracy"] == 1.0


def test_folder_of_another_layout_is_refused(tmp_path: Path) -> None:
    """A folder with neither index file is a clear error, not zero scores."""
    with pytest.raises(BenchError):
        bench_meta_text(tmp_path)
