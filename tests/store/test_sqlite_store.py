"""The SQLite store round-trips every carrier, migrates once, and rolls back a failed transaction whole."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest

from storytrace.errors import StoreError
from storytrace.model import Article, Claim, Dateline, Dispute, Entity, Mention, Speaker, Statement, Story
from storytrace.store import open_store

KST = timezone(timedelta(hours=9))


@pytest.fixture
def store(tmp_path):
    db = open_store(tmp_path / "t.db")
    yield db
    db.close()


def _article(article_id="a1") -> Article:
    text = "No such proposal has been made, said Benjamin Chang on Friday."
    statement = Statement(text="No such proposal has been made", start=0, end=30, direct=True,
                          speaker=Speaker("Benjamin Chang", None, "deputy spokesman"), cue="said",
                          polarity="denies", said_on=date(2009, 12, 18), chain=["Yonhap", "Benjamin Chang"],
                          cue_start=32, cue_end=36, id=f"{article_id}-1", article_id=article_id)
    return Article(id=article_id, source="x.txt", text=text, outlet="Yonhap", title="Denial",
                   dateline=Dateline("Washington", date(2009, 12, 18), "Yonhap"),
                   published=datetime(2009, 12, 19, 1, 52, tzinfo=KST), language="en",
                   mentions=[Mention("Benjamin Chang", "PERSON", 37, 51, None)], statements=[statement],
                   embedding=np.ones(384, dtype=np.float32) / np.sqrt(384))


def test_article_round_trip_keeps_zone_dateline_and_statement_fields(store):
    """What goes in comes back identical, including the publication zone and the chain."""
    with store.transaction():
        store.put_article(_article(), "S1")
    back = store.article("a1")
    assert back.published == datetime(2009, 12, 19, 1, 52, tzinfo=KST)
    assert back.published.utcoffset() == timedelta(hours=9)
    assert back.dateline == Dateline("Washington", date(2009, 12, 18), "Yonhap")
    assert back.anchor_date == date(2009, 12, 18)
    [s] = back.statements
    assert (s.speaker.role, s.polarity, s.said_on, s.chain) == ("deputy spokesman", "denies", date(2009, 12, 18),
                                                                ["Yonhap", "Benjamin Chang"])
    assert np.allclose(back.embedding, _article().embedding)
    assert store.article_features(["a1"])["a1"] == (set(), date(2009, 12, 18), "S1")


def test_failed_transaction_leaves_nothing_behind(store):
    """A crash in the middle of storing one article must not leave half of it."""
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.put_article(_article(), "S1")
            raise RuntimeError("simulated crash")
    assert not store.has_article("a1")
    assert store.statements() == []
    assert list(store.search("proposal")) == []


def test_claims_disputes_and_search(store):
    """Claim membership, dispute replacement and full-text search work on stored rows."""
    with store.transaction():
        store.put_article(_article(), "S1")
        store.put_story(Story("S1", "Liaison office", [], date(2009, 12, 18), date(2009, 12, 19)))
        store.set_statement_claim("a1-1", "C1")
        store.put_claim(Claim("C1", "S1", "a liaison office was proposed", [], "denied"))
        store.replace_disputes("C1", [Dispute("D1", "C1", ["a1-1"], "denial", "first")])
        store.replace_disputes("C1", [Dispute("D2", "C1", ["a1-1"], "denial", "second")])
    [claim] = store.claims("S1")
    assert claim.statement_ids == ["a1-1"] and claim.status == "denied"
    assert [d.explanation for d in store.disputes("S1")] == ["second"]
    assert store.stories()[0].article_ids == ["a1"]
    hits = list(store.search('proposal "made'))
    assert ("statement", "a1-1") in [(kind, ref) for kind, ref, _ in hits]


def test_entities_found_by_alias_key(store):
    """Entities are found again through any alias key they were stored with."""
    with store.transaction():
        store.put_entity(Entity("E1", "Kim Jong-il", "PERSON"), [("Kim Jong-il", "kim jong il"), ("Kim", "~il")])
    assert [e.name for e in store.entities_by_key("kim jong il")] == ["Kim Jong-il"]
    assert store.entities()[0].aliases == ["Kim", "Kim Jong-il"]


def test_migrations_run_once_and_garbage_file_is_a_store_error(tmp_path):
    """Reopening does not re-run migrations; a non-database file gives a StoreError naming it."""
    open_store(tmp_path / "m.db").close()
    open_store(tmp_path / "m.db").close()
    rows = sqlite3.connect(tmp_path / "m.db").execute("SELECT version FROM schema_migrations").fetchall()
    assert rows == [(1,)]
    (tmp_path / "junk.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        open_store(tmp_path / "junk.db")
