"""Both stores (SQLite and a real PostgreSQL server) round-trip every carrier, roll back a failed transaction whole,
and answer every read the same way."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest

from storytrace.link.stories import fold_stories, story_for
from storytrace.model import (Article, Claim, Dateline, Dispute, Entity, LinkResult, Mention, Speaker, Statement,
                              Story)
from storytrace.store import Store, open_store
from storytrace.store.base import Query

KST = timezone(timedelta(hours=9))


def _article(article_id="a1", outlet="Yonhap", day=date(2009, 12, 18), speaker="Benjamin Chang",
             text="No such proposal has been made, said Benjamin Chang on Friday.") -> Article:
    statement = Statement(text=text[:30], start=0, end=30, direct=True,
                          speaker=Speaker(speaker, None, "deputy spokesman"), cue="said",
                          polarity="denies", said_on=day, chain=[outlet, speaker],
                          cue_start=32, cue_end=36, id=f"{article_id}-1", article_id=article_id)
    return Article(id=article_id, source="x.txt", text=text, outlet=outlet, title="Denial",
                   dateline=Dateline("Washington", day, outlet),
                   published=datetime(day.year, day.month, day.day, 1, 52, tzinfo=KST) + timedelta(days=1),
                   language="en",
                   mentions=[Mention(speaker, "PERSON", 37, 51, None)], statements=[statement],
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
    assert (s.speaker.role, s.polarity, s.said_on, s.chain, s.direct) == (
        "deputy spokesman", "denies", date(2009, 12, 18), ["Yonhap", "Benjamin Chang"], True)
    assert back.mentions == [Mention("Benjamin Chang", "PERSON", 37, 51, None)]
    assert np.allclose(back.embedding, _article().embedding)
    assert store.article_features(["a1"])["a1"] == (set(), (date(2009, 12, 18), date(2009, 12, 19)), "S1")
    assert store.article("missing") is None


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
    assert all("[" in snippet for _, _, snippet in hits)
    assert list(store.search("liaison unicorn")) == []
    store.delete_claim("C1")
    assert store.claims() == [] and store.disputes() == []


def test_entities_found_by_alias_key(store):
    """Entities are found again through any alias key they were stored with."""
    with store.transaction():
        store.put_entity(Entity("E1", "Kim Jong-il", "PERSON"), [("Kim Jong-il", "kim jong il"), ("Kim", "~il")])
    assert [e.name for e in store.entities_by_key("kim jong il")] == ["Kim Jong-il"]
    assert store.entities()[0].aliases == ["Kim", "Kim Jong-il"]
    assert store.entities_by_key("nobody") == []


def test_listings_filter_page_and_sort_bytewise(store):
    """Filters ignore case where SQLite's do, pages count every match, and names sort by code point
    ("B" before "a"), whatever collation a PostgreSQL server defaults to."""
    with store.transaction():
        for i, (outlet, name) in enumerate([("Yonhap", "apple Kim"), ("Reuters", "Banana Lee"),
                                            ("yonhap", "zeta Park")]):
            store.put_article(_article(f"a{i}", outlet, date(2009, 12, 10 + i), name), f"S{i}")
            store.put_story(Story(f"S{i}", f"story {i}", [], date(2009, 12, 10 + i), date(2009, 12, 10 + i)))
            store.put_entity(Entity(f"E{i}", name, "PERSON"), [(name, name.lower())])
    assert [e.name for e in store.entities()] == ["Banana Lee", "apple Kim", "zeta Park"]
    articles, total = store.find_articles(Query(outlet="YONHAP", limit=1))
    assert total == 2 and [a.id for a in articles] == ["a0"]
    statements, total = store.find_statements(Query(speaker="BANANA"))
    assert total == 1 and statements[0].speaker.name == "Banana Lee"
    stories, total = store.find_stories(Query(since=date(2009, 12, 11), until=date(2009, 12, 11)))
    assert total == 1 and stories[0].id == "S1" and stories[0].article_ids == ["a1"]
    entities, total = store.find_entities(Query(speaker="PARK"))
    assert total == 1 and entities[0].aliases == ["zeta Park"]
    assert store.story_outlets() == {"S0": ["Yonhap"], "S1": ["Reuters"], "S2": ["yonhap"]}
    assert [s.speaker.name for s in store.statements(speaker="lee")] == ["Banana Lee"]


def test_a_reader_never_waits_for_the_writer(store):
    """While one thread holds a write transaction open, another reads at once and sees only committed rows."""
    with store.transaction():
        store.put_article(_article("a0"), "S0")
    inside, release = threading.Event(), threading.Event()
    failure: list[BaseException] = []

    def write() -> None:
        try:
            with store.transaction():
                store.put_article(_article("a1"), "S1")
                assert store.has_article("a1")  # the writer sees its own uncommitted article
                inside.set()
                release.wait(10)
        except BaseException as exc:  # surfaced in the reading thread below
            failure.append(exc)
            inside.set()

    reader = store.reader()
    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert inside.wait(10) and not failure
        assert _read_in_thread(reader) == (True, False, ["a0"])
    finally:
        release.set()
        writer.join(10)
    assert not failure
    assert _read_in_thread(reader) == (True, True, ["a0", "a1"])
    reader.close()
    assert store.has_article("a1")  # closing a reader leaves the store open


def _read_in_thread(store: Store) -> tuple[bool, bool, list[str]]:
    """Reads from a thread other than the writer's, failing the test if they block for seconds."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(
        (store.has_article("a0"), store.has_article("a1"), [a.id for a in store.articles()])))
    thread.start()
    thread.join(5)
    assert result, "a reader waited for the writer's transaction"
    return result[0]


def test_filter_text_is_literal(store):
    """A speaker filter's % and _ match themselves, and a NUL in a filter or a search finds nothing, never fails."""
    with store.transaction():
        store.put_article(_article("a0", speaker="Kim 100% Lee"), "S0")
        store.put_article(_article("a1", speaker="Kim 1000 Lee"), "S1")
    assert [s.speaker.name for s in store.statements(speaker="100%")] == ["Kim 100% Lee"]
    assert store.find_statements(Query(speaker="Kim_1"))[1] == 0
    assert store.find_articles(Query(outlet="Yon\x00hap")) == ([], 0)
    assert store.find_entities(Query(speaker="\x00")) == ([], 0)
    assert {ref for kind, ref, _ in store.search("proposal\x00made") if kind == "statement"} == {"a0-1", "a1-1"}


def test_both_stores_answer_every_read_alike(sqlite_url, postgres_url):
    """The same writes give the same answer to every read, in the same order, from SQLite and PostgreSQL."""
    answers = []
    for url in (sqlite_url, postgres_url):
        store = open_store(url)
        with store.transaction():
            for i, (outlet, name) in enumerate([("Yonhap", "Kim"), ("Reuters", "lee"), (None, "Park")]):
                store.put_article(_article(f"a{i}", outlet, date(2009, 12, 10 + i), name), "S1" if i else "S0")
                store.put_entity(Entity(f"E{i}", name, "PERSON"), [(name, name.lower()), (name, "~shared")])
            store.put_story(Story("S0", "dated", [], date(2009, 12, 10), date(2009, 12, 10)))
            store.put_story(Story("S1", "undated", [], None, None))
            for i in range(3):
                store.set_statement_claim(f"a{i}-1", "C1" if i else "C0")
            store.put_claim(Claim("C0", "S0", "zero", [], "reported"))
            store.put_claim(Claim("C1", "S1", "one", [], "disputed"))
            store.replace_disputes("C1", [Dispute("D1", "C1", ["a1-1", "a2-1"], "denial", "why")])
        reads = [store.articles(), store.articles("S1"), store.entities(), store.entities_by_key("~shared"),
                 store.stories(), store.story("S1"), store.statements(), store.statements(claim_id="C1"),
                 store.claims(), store.claims("S1"), store.disputes(), store.disputes("S1"),
                 store.statement_claims(["a0-1", "a2-1"]), store.article_features(["a0", "a2"]),
                 store.article_texts(["a1"]), store.article_outlet("a2"), store.article_story("a2"),
                 store.find_stories(Query()), store.find_claims(Query(status="disputed")),
                 store.find_disputes(Query(story_id="S1")), store.find_entities(Query(limit=2, offset=1)),
                 store.find_statements(Query(since=date(2009, 12, 11))), store.find_statements(Query(by_day=True)),
                 store.story_ids_starting("S"), store.story_ids_starting("S1%"), store.entity("E1"), store.claim("C1"),
                 store.entities_by_keys({"~shared", "kim", "nobody"}), store.link_context("S1"),
                 store.dispute("D1"), store.story_outlets(), store.story_dispute_counts()]
        for first, last in ((None, None), (date(2009, 12, 1), date(2009, 12, 31)), (date(2010, 1, 1), date(2010, 1, 9))):
            ids, vectors = store.article_vectors(first, last)
            reads.append((ids, vectors.tolist()))
        reads.append(store.own_date_range())
        # Arrays have no plain equality: compare embeddings as lists.
        answers.append(repr([_plain(r) for r in reads]))
        store.close()
    assert answers[0] == answers[1]


def _plain(value):
    if isinstance(value, Article):
        return (value.id, value.embedding.tolist(), {**vars(value), "embedding": None})
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    return value


def test_data_version_moves_when_another_connection_commits(store):
    """Readers' caches see a commit through data_version, and nothing moves it while no one writes."""
    reader = store.reader()
    before = reader.data_version()
    assert reader.data_version() == before
    with store.transaction():
        store.put_article(_article(), "S1")
    assert reader.data_version() != before
    reader.close()


def test_one_adding_process_at_a_time_and_the_next_is_told_why_it_waits(store):
    """While one holder keeps the add lock (as another process's add would), the next waits and hears why."""
    import threading

    heard: list[str] = []
    holding, release = threading.Event(), threading.Event()

    def other_add():
        with store.exclusive_writer():
            holding.set()
            release.wait(10)

    # A second handle on the same corpus, as a second process would have.
    other = threading.Thread(target=other_add)
    other.start()
    assert holding.wait(10)
    threading.Timer(0.5, release.set).start()
    with store.exclusive_writer(on_wait=heard.append):
        assert release.is_set()  # got the lock only once the other holder let go
    other.join(10)
    assert len(heard) == 1 and "another `storytrace add`" in heard[0]


def _said(article_id: str, count: int, speaker: str = "Kim") -> Article:
    """An article quoting `speaker` `count` times (no statement at all when count is 0)."""
    article = _article(article_id, speaker=speaker)
    first = article.statements[0]
    statements = [replace(first, id=f"{article_id}-{n}", start=n, end=n + 5) for n in range(count)]
    return replace(article, statements=statements)


def test_article_summaries_and_stories_read_only_what_a_page_shows(store):
    """Summaries by id carry what a statement card shows (title, outlet, dates, url, text) and no analysis; each
    article's story comes with its title; unknown ids and articles in no story are left out."""
    with store.transaction():
        store.put_article(replace(_article("a1"), url="https://example.org/a1"), "S1")
        store.put_article(_article("a2", outlet="Reuters"), "S-missing")
        store.put_story(Story("S1", "Liaison office", [], None, None))
    summaries = store.article_summaries(["a2", "a1", "nope"])
    assert set(summaries) == {"a1", "a2"}
    full = store.article("a1")
    a1 = summaries["a1"]
    assert (a1.title, a1.outlet, a1.url, a1.published, a1.dateline, a1.text, a1.source) == (
        full.title, full.outlet, full.url, full.published, full.dateline, full.text, full.source)
    assert (a1.mentions, a1.statements, a1.embedding) == ([], [], None)
    assert summaries["a2"].outlet == "Reuters"
    assert store.article_stories(["a1", "a2", "nope"]) == {"a1": ("S1", "Liaison office")}
    assert store.article_summaries([]) == {} and store.article_stories([]) == {}


def test_every_statement_page_matches_the_walk_from_the_start(store):
    """A page at any offset (found from each article's count of statements before its own) holds exactly the
    statements that walking the whole listing in order puts there, across articles without statements too."""
    with store.transaction():
        for n, count in enumerate([3, 0, 1, 0, 0, 4, 2]):
            store.put_article(_said(f"a{n}", count), "S1")
    walked, total = store.find_statements(Query(limit=100))
    assert total == 10 and len(walked) == 10
    for offset in range(12):
        for limit in (1, 2, 3, 5):
            page, counted = store.find_statements(Query(offset=offset, limit=limit))
            assert ([s.id for s in page], counted) == ([s.id for s in walked[offset:offset + limit]], 10)


def test_a_corpus_stored_before_statement_positions_gets_them(db_url):
    """Opening a corpus written before migration 5 fills in statement positions and speaker names from its rows,
    so deep pages and speaker filters answer as they did."""
    store = open_store(db_url)
    with store.transaction():
        for n, count in enumerate([2, 0, 3, 1]):
            store.put_article(_said(f"a{n}", count, speaker=f"Speaker {n % 2}"), "S1")
    walked = [s.id for s in store.find_statements(Query(limit=100))[0]]
    store.close()
    _undo_migration_5(db_url)
    store = open_store(db_url)
    try:
        assert [s.id for s in store.find_statements(Query(offset=3, limit=100))[0]] == walked[3:]
        assert [s.id for s in store.find_statements(Query(speaker="speaker 1"))[0]] == ["a3-0"]
        with store.transaction():
            store.put_article(_said("a4", 2), "S1")
        assert [s.id for s in store.find_statements(Query(offset=5, limit=3))[0]] == [walked[-1], "a4-0", "a4-1"]
    finally:
        store.close()


def _undo_migration_5(db_url: str) -> None:
    """Put a database back to migration 4's schema, keeping its rows."""
    undo = ["DROP INDEX articles_statements_before", "DROP INDEX articles_story_outlet",
            "ALTER TABLE articles DROP COLUMN statements_before", "DROP TABLE speaker_names",
            "DELETE FROM schema_migrations WHERE version = 5"]
    if db_url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(db_url, autocommit=True) as conn:
            for sql in undo:
                conn.execute(sql)
    else:
        import sqlite3

        conn = sqlite3.connect(db_url, isolation_level=None)
        for sql in undo:
            conn.execute(sql)
        conn.close()


def test_statements_starting_at_one_offset_come_as_stored(store):
    """Two statements may start at one offset (a quote inside reported speech): every read lists them in the order
    they were stored, in SQLite and PostgreSQL alike, not in id order or at the engine's whim."""
    article = _said("a1", 1)
    first = article.statements[0]
    later, earlier = replace(first, id="a1-9", end=9), replace(first, id="a1-10", end=12)
    with store.transaction():
        store.put_article(replace(article, statements=[later, earlier]), "S1")
        for statement in (later, earlier):
            store.set_statement_claim(statement.id, "C1")
        store.put_claim(Claim("C1", "S1", "one claim", [], "reported"))
    stored = ["a1-9", "a1-10"]
    assert [s.id for s in store.statements()] == stored
    assert [s.id for s in store.article("a1").statements] == stored
    assert [s.id for s in store.find_statements(Query())[0]] == stored
    assert [s.id for s in store.find_statements(Query(by_day=True))[0]] == stored
    assert [s.id for s in store.find_statements(Query(offset=1))[0]] == stored[1:]
    assert store.claim("C1").statement_ids == stored
    assert store.find_claims(Query(story_id="S1"))[0][0].statement_ids == stored


def test_article_vectors_come_by_period_of_own_dates(store):
    """Story placement reads one period's candidates: the articles one of whose own dates is in it, or the
    undated ones. A page published months after its dateline is in both periods."""
    undated = _article("a9")
    undated.dateline, undated.published = None, None
    republished = _article("a8", day=date(2009, 9, 7))
    republished.published = datetime(2010, 3, 1, 9, 0, tzinfo=KST)
    with store.transaction():
        for i, day in enumerate([date(2009, 12, 1), date(2009, 12, 18), date(2010, 2, 3)]):
            store.put_article(_article(f"a{i}", day=day), f"S{i}")
        store.put_article(undated, "S9")
        store.put_article(republished, "S8")
    assert store.article_vectors(date(2009, 12, 10), date(2009, 12, 31))[0] == ["a1"]
    assert store.article_vectors(date(2009, 12, 1), date(2010, 2, 3))[0] == ["a0", "a1", "a2"]
    assert store.article_vectors(date(2009, 9, 1), date(2009, 9, 10))[0] == ["a8"]
    assert store.article_vectors(date(2010, 2, 25), date(2010, 3, 5))[0] == ["a8"]
    ids, vectors = store.article_vectors(None, None)
    assert ids == ["a9"] and vectors.shape == (1, 384)
    assert store.article_vectors(date(2011, 1, 1), date(2011, 1, 9))[1].shape == (0, 384)
    assert store.own_date_range() == (date(2009, 9, 7), date(2010, 3, 1))
    assert store.article_features(["a8"])["a8"][1] == (date(2009, 9, 7), date(2010, 3, 1))


def test_an_article_bridging_two_stories_folds_the_second_into_its_own(store):
    """`apply` with a merged story moves that story's articles and claims (with their disputes) to the article's
    story, takes in its date range, and deletes it; the other stories stay as they were."""
    with store.transaction():
        for article_id, story_id, day in (("a1", "S1", date(2009, 12, 10)), ("a2", "S2", date(2009, 12, 14)),
                                          ("a3", "S3", date(2009, 12, 12))):
            store.put_article(_article(article_id, day=day), story_id)
            store.put_story(Story(story_id, story_id.lower(), [], day, day))
        store.set_statement_claim("a2-1", "C2")
        store.put_claim(Claim("C2", "S2", "two", [], "disputed"))
        store.replace_disputes("C2", [Dispute("D2", "C2", ["a2-1", "a2-1"], "denial", "why")])
    bridge = _article("a4", day=date(2009, 12, 11))
    context = store.link_context("S1", ("S2",))
    assert [s.id for s in context.merged] == ["S2"] and context.merged[0].article_ids == ["a2"]
    story = fold_stories(story_for(bridge, "S1", context.story), context.merged)
    store.apply(LinkResult(article=bridge, story=story, entities=[], claim_of={}, deleted_claims=[], claims=[],
                           disputes={}, merged_stories=["S2"]))
    s1 = store.story("S1")
    assert (s1.article_ids, s1.first_seen, s1.last_seen) == (["a1", "a2", "a4"], date(2009, 12, 10), date(2009, 12, 14))
    assert store.story("S2") is None and store.article_story("a2") == "S1" and store.story_moved_to("S2") == "S1"
    assert store.story_moved_to("S1") is None
    assert [c.id for c in store.claims("S1")] == ["C2"] and [d.id for d in store.disputes("S1")] == ["D2"]
    assert store.story("S3").article_ids == ["a3"]
