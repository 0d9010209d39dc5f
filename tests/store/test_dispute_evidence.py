"""Both stores keep why a dispute was raised (confidence, evidence, reporting articles), and a corpus stored before
migration 10 opens with those unknown rather than invented."""

from __future__ import annotations

from datetime import date

from storytrace.model import Article, Claim, Dispute, DisputeEvidence, Reporter, Speaker, Statement, Story
from storytrace.store import open_store


def _stored_claim(store) -> None:
    said = Statement(text="no sale of the pier is planned", start=0, end=30, direct=False,
                     speaker=Speaker("the council"), cue="denied", polarity="denies", id="a1-1", article_id="a1")
    with store.transaction():
        store.put_article(Article(id="a1", source="a.txt", text="no sale of the pier is planned, the council denied.",
                                  statements=[said]), "S1")
        store.put_story(Story("S1", "Pier", [], date(2009, 12, 18), date(2009, 12, 18)))
        store.set_statement_claim("a1-1", "C1")
        store.put_claim(Claim("C1", "S1", "the pier will be sold", [], "disputed"))


def test_dispute_evidence_round_trips(store):
    """Confidence, the rule with each side's cue and the stance probability, and the reporting articles with
    their outlets come back as stored, from every read of disputes."""
    _stored_claim(store)
    dispute = Dispute("D1", "C1", ["a1-1", "a2-1"], "denial", "why", 0.6,
                      DisputeEvidence("stance", ["said", "reported"], 0.75),
                      [Reporter("a1", "Harbour Wire"), Reporter("a3", None)])
    with store.transaction():
        store.replace_disputes("C1", [dispute])
    assert store.disputes() == [dispute] and store.dispute("D1") == dispute
    assert store.disputes("S1") == [dispute]


def test_a_corpus_stored_before_dispute_evidence_opens_with_it_unknown(db_url):
    """Opening a corpus written before migration 10 adds the columns; its disputes read with no confidence,
    evidence or reporting articles (None: never a made-up value), and new disputes store them."""
    store = open_store(db_url)
    _stored_claim(store)
    store.close()
    _undo_migration_10(db_url)
    _write_old_dispute(db_url)
    store = open_store(db_url)
    try:
        [old] = store.disputes()
        assert (old.explanation, old.confidence, old.evidence, old.reported_by) == ("older", None, None, None)
        fresh = Dispute("D2", "C1", ["a1-1", "a2-1"], "contradiction", "new", 0.1, DisputeEvidence("figures"), [])
        with store.transaction():
            store.replace_disputes("C1", [fresh])
        assert store.disputes() == [fresh]
    finally:
        store.close()


def _connect(db_url: str):
    if db_url.startswith("postgresql"):
        import psycopg

        return psycopg.connect(db_url, autocommit=True)
    import sqlite3

    return sqlite3.connect(db_url, isolation_level=None)


def _undo_migration_10(db_url: str) -> None:
    """Put a database back to migration 9's schema, keeping its rows."""
    conn = _connect(db_url)
    for sql in ("ALTER TABLE disputes DROP COLUMN confidence", "ALTER TABLE disputes DROP COLUMN evidence",
                "ALTER TABLE disputes DROP COLUMN reported_by", "DELETE FROM schema_migrations WHERE version = 10"):
        conn.execute(sql)
    conn.close()


def _write_old_dispute(db_url: str) -> None:
    """A dispute row as migration 9's schema held it."""
    conn = _connect(db_url)
    marks = "%s" if db_url.startswith("postgresql") else "?"
    conn.execute(f"INSERT INTO disputes VALUES ({', '.join([marks] * 5)})",
                 ("D1", "C1", "denial", '["a1-1", "a2-1"]', "older"))
    conn.close()
