"""One read API: every collection is a Query's Listing, whose page is one read and whose iteration streams every
match a page at a time."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import storytrace
from storytrace.export import TABLES, table_records
from storytrace.model import Article, Speaker, Statement, Story

_ARTICLES = 5


def _article(number: int) -> Article:
    said = f"The ferry to pier {number} will sail at dawn"
    article_id = f"A{number}"
    statement = Statement(text=said, start=0, end=len(said), direct=False, speaker=Speaker(f"Skipper {number}"),
                          cue="said", id=f"{article_id}-s0", article_id=article_id)
    return Article(id=article_id, source=f"hand/{number}", text=f"{said}, the skipper said.", title=f"Pier {number}",
                   language="en", published=datetime(2015, 1, number, 12, tzinfo=timezone.utc),
                   statements=[statement])


def _corpus(tmp_path):
    corpus = storytrace.open(tmp_path / "listing.db")
    with corpus.store.transaction():
        for n in range(1, _ARTICLES + 1):
            corpus.store.put_article(_article(n), "S1")
        corpus.store.put_story(Story("S1", "Ferries sail", [], date(2015, 1, 1), date(2015, 1, _ARTICLES)))
    return corpus


def test_a_listing_pages_and_streams_the_same_selection(tmp_path):
    """`items` is the query's one page and `total` counts every match; iterating goes past the page, from the
    query's offset on, in pages of the size asked."""
    with _corpus(tmp_path) as corpus:
        listing = corpus.articles(storytrace.Query(limit=2, offset=1))
        assert [a.id for a in listing.items] == ["A2", "A3"] and listing.total == _ARTICLES
        assert [a.id for a in listing] == ["A2", "A3", "A4", "A5"]
        assert [[a.id for a in page] for page in listing.pages(size=2)] == [["A2", "A3"], ["A4", "A5"]]


def test_filters_select_what_is_streamed(tmp_path):
    """A speaker filter streams only that speaker's statements; story summaries carry outlets and disputes."""
    with _corpus(tmp_path) as corpus:
        assert [s.id for s in corpus.statements(storytrace.Query(speaker="Skipper 3"))] == ["A3-s0"]
        [summary] = corpus.story_summaries()
        assert summary.story.id == "S1" and summary.dispute_count == 0


def test_the_json_export_is_streamed_in_the_layout_of_one_dump(tmp_path):
    """The export writes record by record, yet reads exactly as `json.dump(..., indent=1)` of every table did."""
    with _corpus(tmp_path) as corpus:
        whole = {table: list(table_records(corpus, table)) for table in TABLES}
        assert corpus.export("json") == json.dumps(whole, ensure_ascii=False, indent=1) + "\n"
        assert len(whole["articles"]) == _ARTICLES and whole["claims"] == []
