"""Tests of main-text extraction from HTML (trafilatura) and of the visible-text renderer."""

from __future__ import annotations

import pytest

from storytrace.clean.html import extract_html, visible_text
from storytrace.errors import ExtractionRejected

PARAGRAPHS = [
    "The harbour authority of Port Ellis announced on Friday that the northern pier will be rebuilt over the next two years at a cost of forty million euros.",
    "Engineers had warned for a decade that the wooden piles under the pier were rotting, and parts of it have been closed to lorries since last spring.",
    "\u201cThis is the largest investment in the harbour since the nineteen-seventies,\u201d said the authority\u2019s director, Maria Lund, at a press conference.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>Port Ellis to rebuild northern pier | Coastal Times</title>
<meta name="author" content="Jonas Berg"><meta property="og:site_name" content="Coastal Times">
<script>var tracking = "do not show";</script><style>p {{ color: red; }}</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Port Ellis to rebuild northern pier</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<p>{PARAGRAPHS[2]}</p>
</article>
<footer><p>&copy; 2021 Coastal Times. All rights reserved.</p></footer>
<noscript>Please enable JavaScript</noscript>
</body></html>"""


def test_extract_html_keeps_paragraphs_apart() -> None:
    """The article text comes back whole, one paragraph per blank-line-separated block."""
    result = extract_html(PAGE, "https://coastal.example/pier")
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    assert PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1] in result.text
    assert "All rights reserved" not in result.text


def test_extract_html_reads_metadata() -> None:
    """Title and author found here save the meta stage from guessing."""
    result = extract_html(PAGE)
    assert result.title and "Port Ellis to rebuild northern pier" in result.title
    assert result.author == "Jonas Berg"


@pytest.mark.parametrize("html", ["", "   ", "<html><body><script>run()</script><div> </div></body></html>"])
def test_extract_html_rejects_pages_without_text(html: str) -> None:
    """A page with nothing usable is rejected with a reason, never returned as empty text."""
    with pytest.raises(ExtractionRejected) as info:
        extract_html(html, source="page.html")
    assert info.value.source == "page.html"
    assert info.value.reason


def test_visible_text_renders_blocks_as_lines() -> None:
    """The renderer is what a person copying the page would get: text only, one block per line."""
    text = visible_text(PAGE)
    lines = text.split("\n")
    assert lines[:3] == ["Home", "News", "Sport"]
    assert PARAGRAPHS[1] in lines
    assert "© 2021 Coastal Times. All rights reserved." in lines


def test_visible_text_drops_invisible_elements() -> None:
    """Scripts, styles, noscript and head never show on screen, so they must not reach the cleaner."""
    text = visible_text(PAGE)
    for hidden in ("tracking", "color: red", "enable JavaScript", "| Coastal Times"):
        assert hidden not in text


def test_visible_text_keeps_inline_runs_and_tails() -> None:
    """Inline tags and comments must not split or drop words; br starts a line."""
    html = "<div>One <b>bold</b>  word<!-- note -->, then<br>a new line</div>"
    assert visible_text(html) == "One bold word, then\na new line"


def test_visible_text_of_nothing() -> None:
    """Empty input renders to empty text instead of failing."""
    assert visible_text("") == ""


def test_the_page_canonical_address_becomes_the_article_url():
    """A saved page keeps the address it names for itself (to open the original); a javascript: one is dropped."""
    from storytrace.clean.stage import extract_article
    from storytrace.model import RawArticle
    from storytrace.settings import Settings

    body = ("<article><h1>Harbour authority denies pier closure plan</h1><p>The harbour authority on Tuesday "
            "denied a newspaper report that it planned to close the old fishing pier next year, saying no such "
            "decision had been taken by the board.</p><p>There is no plan to close the pier, a spokeswoman said "
            "on Tuesday afternoon in a statement to reporters at the harbour office.</p></article>")
    page = ('<html><head><link rel="canonical" href="{}"></head><body>' + body + "</body></html>")
    saved = extract_article(RawArticle("saved.html", page.format("https://news.example.org/2010/03/pier"), "html"),
                            Settings())
    assert saved.url == "https://news.example.org/2010/03/pier"
    hostile = extract_article(RawArticle("bad.html", page.format("javascript:alert(1)"), "html"), Settings())
    assert hostile.url is None
