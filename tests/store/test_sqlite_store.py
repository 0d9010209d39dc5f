"""What is SQLite's own: migrations recorded in the file once, and a file that is no database is a StoreError.
The behaviour both stores share is tested on both in test_store.py."""

from __future__ import annotations

import sqlite3

import pytest

from storytrace.errors import StoreError
from storytrace.store import open_store
from storytrace.store.migrations import MIGRATIONS


def test_migrations_run_once_and_garbage_file_is_a_store_error(tmp_path):
    """Reopening does not re-run migrations; a non-database file gives a StoreError naming it."""
    open_store(tmp_path / "m.db").close()
    open_store(tmp_path / "m.db").close()
    rows = sqlite3.connect(tmp_path / "m.db").execute(
        "SELECT version FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(version,) for version, _, _ in MIGRATIONS]
    (tmp_path / "junk.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        open_store(tmp_path / "junk.db")


def test_processes_opening_a_new_database_at_once_all_get_the_schema(tmp_path):
    """Eight processes creating one new corpus at the same moment, ten times: one creates the schema (and turns
    on its write-ahead log), none fails. Before the log was turned on under the creation lock, some of them
    failed with "database is locked"."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    paths = [str(tmp_path / f"race-{n}.db") for n in range(10) for _ in range(8)]
    with context.Pool(8) as pool:
        answers = pool.map(_open_and_count, paths, chunksize=1)
    assert answers == [0] * len(paths)


def _open_and_count(path: str) -> int:
    from storytrace.store import open_store

    store = open_store(path)
    try:
        return store.last_article_seq()
    finally:
        store.close()


def test_a_search_matching_most_passages_ranks_only_the_newest(tmp_path, monkeypatch):
    """A word in more passages than RANKED_MATCHES is ranked among the newest of them (ranking every match of
    "said" costs a pass over the corpus); a rarer word is ranked over all its matches."""
    import storytrace.store.sqlite as sqlite_store
    from tests.store.test_store import _article

    store = open_store(tmp_path / "s.db")
    with store.transaction():
        for i in range(12):
            article = _article(f"a{i:02d}", text=f"Officials said on Friday the proposal number{i} was dropped.")
            store.put_article(article, f"S{i}")
    every = {ref for kind, ref, _ in store.search("dropped", limit=100) if kind == "article"}
    monkeypatch.setattr(sqlite_store, "RANKED_MATCHES", 4)
    newest = {ref for kind, ref, _ in store.search("dropped", limit=100)}
    assert every == {f"a{i:02d}" for i in range(12)}
    assert newest == {"a08", "a09", "a10", "a11"}
    assert {ref for kind, ref, _ in store.search("number3", limit=100) if kind == "article"} == {"a03"}
    store.close()
