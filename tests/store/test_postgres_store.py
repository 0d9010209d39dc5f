"""What is PostgreSQL's own: the URL (or STORYTRACE_DB) selects it, migrations are recorded once, search uses the
tsvector index, and an unreachable or wrong server is a StoreError that names it without its password."""

from __future__ import annotations

import psycopg
import pytest

import storytrace
from storytrace.errors import StoreError
from storytrace.model import Article, Story
from storytrace.settings import Settings
from storytrace.store import SQLiteStore, default_db, open_store
from storytrace.store.migrations import MIGRATIONS, POSTGRES_MIGRATIONS
from storytrace.store.postgres import PostgresStore


def test_url_or_environment_selects_the_store(postgres_url, tmp_path, monkeypatch):
    """A postgresql:// URL opens PostgreSQL, a path SQLite; with no db given, STORYTRACE_DB decides."""
    monkeypatch.setenv("STORYTRACE_DB", postgres_url)
    assert default_db() == postgres_url
    Settings.from_env()  # STORYTRACE_DB names the corpus, so it is no unknown setting
    with_env = open_store()
    assert isinstance(with_env, PostgresStore)
    with_env.close()
    with storytrace.open() as corpus:
        assert isinstance(corpus.store, PostgresStore)
    sqlite = open_store(tmp_path / "x.db")
    assert isinstance(sqlite, SQLiteStore)
    sqlite.close()
    monkeypatch.delenv("STORYTRACE_DB")
    assert default_db() == "storytrace.db"


def test_migrations_run_once_and_search_uses_the_index(postgres_url):
    """Reopening does not re-run migrations, which are numbered as SQLite's; search is a GIN-indexed tsvector."""
    assert [(v, name) for v, name, _ in POSTGRES_MIGRATIONS] == [(v, name) for v, name, _ in MIGRATIONS]
    open_store(postgres_url).close()
    open_store(postgres_url).close()
    with psycopg.connect(postgres_url) as conn:
        done = conn.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
        assert done == [(version,) for version, _, _ in POSTGRES_MIGRATIONS]
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(r[0] for r in conn.execute(
            "EXPLAIN SELECT ref FROM search_index WHERE document @@ plainto_tsquery('english', 'denied')"))
    assert "search_index_document" in plan


def test_unreachable_server_is_a_store_error_without_the_password(postgres_cluster):
    """A closed port gives a one-line StoreError naming the server, with the password masked."""
    closed = postgres_cluster.port + 1 if postgres_cluster.port < 65535 else postgres_cluster.port - 1
    with pytest.raises(StoreError, match=r"postgresql://editor:\*\*\*@127\.0\.0\.1:\d+/news: cannot connect") as err:
        open_store(f"postgresql://editor:secret@127.0.0.1:{closed}/news")
    assert "secret" not in str(err.value)
    with pytest.raises(StoreError, match="cannot connect.*does not exist"):
        open_store(postgres_cluster.url("no_such_database"))


def test_a_write_postgresql_refuses_fails_that_transaction_alone(postgres_url):
    """A NUL in an article (PostgreSQL text cannot hold one), or an article another process stored first, is a
    StoreError; the transaction rolls back whole."""
    store = open_store(postgres_url)
    with pytest.raises(StoreError, match="write failed.*NUL"):
        with store.transaction():
            store.put_story(Story("S1", "kept only if the article is", [], None, None))
            store.put_article(Article(id="a1", source="x.txt", text="broken \x00 text"), "S1")
    assert store.stories() == [] and not store.has_article("a1")
    other = open_store(postgres_url)  # another process that stored the same article first
    other.put_article(Article(id="a2", source="y.txt", text="stored twice"), "S2")
    with pytest.raises(StoreError, match="write failed.*duplicate key"):
        store.put_article(Article(id="a2", source="y.txt", text="stored twice"), "S2")
    other.close()
    store.close()


def test_store_reconnects_after_the_server_ends_its_sessions(postgres_url):
    """A server restart (here: its sessions killed) costs a reader nothing (a read is tried again on a fresh
    connection); it fails the write in flight, and the next write reconnects."""
    store = open_store(postgres_url)
    assert store.stories() == []  # a pooled read connection now exists
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    assert store.stories() == []
    with pytest.raises(StoreError, match="write failed"):
        store.put_story(Story("S1", "lost with the session", [], None, None))
    store.put_story(Story("S2", "written after reconnecting", [], None, None))
    assert [s.id for s in store.stories()] == ["S2"]
    store.close()


def test_a_role_that_may_only_read_opens_an_up_to_date_corpus(postgres_url):
    """A reader's role (SELECT only) opens a migrated corpus and reads it; its writes fail as StoreErrors."""
    open_store(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS newsroom_reader")
        admin.execute("CREATE ROLE newsroom_reader LOGIN")
        admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO newsroom_reader")
    reader_url = postgres_url.replace("postgres@", "newsroom_reader@")
    store = open_store(reader_url)
    try:
        assert store.stories() == []
        with pytest.raises(StoreError, match="write failed.*permission denied"):
            store.put_story(Story("S1", "not allowed", [], None, None))
    finally:
        store.close()
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM newsroom_reader")
            admin.execute("DROP ROLE newsroom_reader")


def test_without_create_an_empty_database_is_no_corpus(postgres_url):
    """Reading commands must not turn a mistyped or empty database into an empty corpus."""
    with pytest.raises(StoreError, match="no storytrace corpus"):
        open_store(postgres_url, create=False)
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT to_regclass('articles')").fetchone() == (None,)
    open_store(postgres_url).close()
    open_store(postgres_url, create=False).close()
