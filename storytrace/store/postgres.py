"""PostgreSQL implementation of the store: one writer connection, a pool of read-only connections for readers.

A thread inside `transaction()` reads through the writer connection, so it sees its own uncommitted rows; every
other read borrows a pooled read-only connection for one store call, and each of its queries sees what was
committed when it ran (as SQLite's per-request readers do): readers never wait for the writer, and never see half
an article. Readers run in autocommit: no BEGIN, COMMIT or liveness check per call, because each round trip
costs a reader a turn at the GIL while the server analyses articles in another thread."""

from __future__ import annotations

import copy
import functools
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Concatenate, ParamSpec, TypeVar

import numpy as np
import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from storytrace.errors import StoreError
from storytrace.model import Article, Claim, Dateline, Dispute, Entity, LinkContext, Mention, Statement, Story
from storytrace.store.names import public_name
from storytrace.store.base import Query, Store
from storytrace.store.migrations import POSTGRES_MIGRATIONS
from storytrace.store.rows import (DATELINE_DAY, DISPUTE_COLUMNS, OWN_DATE_RANGE, PUBLISHED_DAY, dispute_from_row, dispute_row, iso,
                                    own_dates, own_dates_within, statement_from_row, to_date, to_datetime, vectors_from_rows)

# Readers holding a pooled connection at once (one per concurrent API request); more wait for a free one.
POOL_SIZE = 8
# Seconds to wait for the server, or for a free pooled connection, before calling the store unavailable.
CONNECT_TIMEOUT = 10
# Keys of transaction-scoped advisory locks: one writer per database even across processes, one migrator.
_WRITER_LOCK = 7_305_961_001
_MIGRATION_LOCK = 7_305_961_002
# Key of the session-scoped advisory lock one adding process holds for the whole of its add.
_ADD_LOCK = 7_305_961_003
# ts_headline options giving SQLite's snippet shape: the hit in [brackets], about a dozen words around it.
_HEADLINE = "StartSel=[, StopSel=], MaxWords=12, MinWords=6, MaxFragments=1, FragmentDelimiter=…"
# The day a statement is placed on: its own date, else its article's dateline or publication day (as in SQLite).
_STATEMENT_DAY = "COALESCE(s.said_on, a.dateline_date, substr(a.published, 1, 10))"
_ARTICLE_DAY = "COALESCE(a.dateline_date, substr(a.published, 1, 10))"
# A claim's statements, a story's articles and an entity's aliases, in the order the SQLite store gives them.
_CLAIM_STATEMENTS = ("ARRAY(SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id "
                     "WHERE s.claim_id = c.id ORDER BY a.seq, s.start, s.seq) AS statement_ids")
_STORY_ARTICLES = "ARRAY(SELECT a.id FROM articles a WHERE a.story_id = st.id ORDER BY a.seq) AS article_ids"
# An article's columns as a listing or a page quoting its statements reads them (no embedding).
_ARTICLE_COLUMNS = ("id, source, url, outlet, title, byline, dateline_place, dateline_date, dateline_agency, "
                    "published, language, text")
_ENTITY_ALIASES = ("ARRAY(SELECT DISTINCT x.alias FROM entity_aliases x WHERE x.entity_id = e.id "
                   "ORDER BY x.alias) AS aliases")

P = ParamSpec("P")
R = TypeVar("R")


def _reads(method: Callable[Concatenate[PostgresStore, P], R]) -> Callable[Concatenate[PostgresStore, P], R]:
    """Run a read method on one connection; on a pooled connection the server had closed (a restart), once more
    on a fresh one, since reading twice changes nothing."""
    @functools.wraps(method)
    def wrapper(self: PostgresStore, *args: P.args, **kwargs: P.kwargs) -> R:
        if self._local.conn is not None:  # inside a transaction, or an enclosing read
            return method(self, *args, **kwargs)
        try:
            with self._connection():
                return method(self, *args, **kwargs)
        except StoreError as exc:
            if not isinstance(exc.__cause__, psycopg.OperationalError):
                raise
        with self._connection():
            return method(self, *args, **kwargs)
    return wrapper


def _writes(method: Callable[Concatenate[PostgresStore, P], R]) -> Callable[Concatenate[PostgresStore, P], R]:
    """Run a write method inside the caller's transaction, or in one of its own when called outside any."""
    @functools.wraps(method)
    def wrapper(self: PostgresStore, *args: P.args, **kwargs: P.kwargs) -> R:
        with self.transaction():
            return method(self, *args, **kwargs)
    return wrapper


class _ThreadState(threading.local):
    conn: psycopg.Connection | None = None  # the connection this thread's store calls use right now
    depth: int = 0  # nesting of this thread's transaction() blocks


class PostgresStore(Store):
    def __init__(self, url: str, create: bool = True):
        self.url = url
        self.name = public_name(url)
        self._local = _ThreadState()
        self._owner = True  # False on the copies reader() hands out
        self._write_lock = threading.Lock()
        self._writer = self._connect_writer()
        try:
            self._migrate(create)
        except StoreError:
            self._writer.close()
            raise
        except psycopg.Error as exc:
            self._writer.close()
            raise StoreError(f"{self.name}: not a usable storytrace database ({_reason(exc)})") from exc
        self._pool = ConnectionPool(url, min_size=1, max_size=POOL_SIZE, open=False, name="storytrace-readers",
                                    kwargs={"row_factory": dict_row, "connect_timeout": CONNECT_TIMEOUT},
                                    configure=_configure_reader,
                                    timeout=CONNECT_TIMEOUT)
        try:
            self._pool.open(wait=True, timeout=CONNECT_TIMEOUT)
        except PoolTimeout as exc:
            self._writer.close()
            self._pool.close()
            raise StoreError(f"{self.name}: no read connection to PostgreSQL within {CONNECT_TIMEOUT} s") from exc

    @contextmanager
    def exclusive_writer(self, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        # Session-scoped, on a connection of its own: the server releases it when the holder disconnects or dies.
        holder = self._connect_writer()
        try:
            if not holder.execute("SELECT pg_try_advisory_lock(%s) AS got", (_ADD_LOCK,)).fetchone()["got"]:
                if on_wait:
                    on_wait("another `storytrace add` is writing to this corpus; waiting for it to finish")
                holder.execute("SELECT pg_advisory_lock(%s)", (_ADD_LOCK,))
            yield
        finally:
            holder.close()

    def _connect_writer(self) -> psycopg.Connection:
        try:
            return psycopg.connect(self.url, autocommit=True, row_factory=dict_row, connect_timeout=CONNECT_TIMEOUT)
        except psycopg.Error as exc:
            raise StoreError(f"{self.name}: cannot connect to PostgreSQL ({_reason(exc)})") from exc

    def _migrate(self, create: bool) -> None:
        with self._writer.transaction():
            # Two processes opening a new database at once must not both create the schema.
            self._writer.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            # Created only when missing: IF NOT EXISTS alone would still need the right to create, and a role that
            # may only read must be able to open a corpus that is up to date.
            if self._writer.execute("SELECT to_regclass('schema_migrations') AS found").fetchone()["found"] is None:
                if not create:
                    raise StoreError(f"{self.name}: no storytrace corpus in this database "
                                     f"(`storytrace add --db URL PATH...` creates one)")
                self._writer.execute("CREATE TABLE schema_migrations "
                                     "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TIMESTAMPTZ NOT NULL)")
            done = {row["version"] for row in self._writer.execute("SELECT version FROM schema_migrations")}
            for version, name, script in POSTGRES_MIGRATIONS:
                if version in done:
                    continue
                self._writer.execute(script)
                self._writer.execute("INSERT INTO schema_migrations VALUES (%s, %s, now())", (version, name))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        local = self._local
        if local.depth:
            local.depth += 1
            try:
                yield
            finally:
                local.depth -= 1
            return
        outer = local.conn
        with self._write_lock:
            if self._writer.broken:
                # The server restarted or dropped the session: a long-running server reconnects, once per write.
                self._writer = self._connect_writer()
            local.depth, local.conn = 1, self._writer
            try:
                with self._writer.transaction():
                    # Another process writing the same database waits here rather than interleaving its article.
                    self._writer.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITER_LOCK,))
                    self._writer.execute("UPDATE corpus_version SET version = version + 1")
                    yield
            except (psycopg.OperationalError, psycopg.DataError, psycopg.IntegrityError,
                    psycopg.errors.InsufficientPrivilege) as exc:
                # DataError: a value PostgreSQL cannot hold (a NUL in text) fails this transaction alone;
                # IntegrityError: another process stored the same article first; InsufficientPrivilege: a role
                # that may only read.
                raise StoreError(f"{self.name}: write failed ({_reason(exc)})") from exc
            finally:
                local.depth, local.conn = 0, outer

    @_reads
    def data_version(self) -> int | None:
        # Moved by every write transaction (see transaction()); one indexed row, one round trip.
        return self._q("SELECT version FROM corpus_version")[0]["version"]

    def reader(self) -> PostgresStore:
        """This store again, on the same pool (its reads already never wait for the writer); closing the copy
        leaves the store open."""
        view = copy.copy(self)
        view._owner = False
        return view

    def close(self) -> None:
        if self._owner:
            self._pool.close()
            self._writer.close()

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection]:
        """The connection this thread already uses (its transaction's, or an enclosing read's), else a pooled one."""
        local = self._local
        if local.conn is not None:
            yield local.conn
            return
        # Nested reads reuse `local.conn`, so a PoolTimeout here can only come from taking this connection.
        try:
            with self._pool.connection() as conn:
                local.conn = conn
                try:
                    yield conn
                finally:
                    local.conn = None
        except PoolTimeout as exc:
            raise StoreError(f"{self.name}: no free read connection within {CONNECT_TIMEOUT} s") from exc

    def _q(self, sql: str, params: tuple | list = ()) -> list[dict]:
        with self._connection() as conn:
            try:
                return conn.execute(sql, params).fetchall()
            except psycopg.OperationalError as exc:
                raise StoreError(f"{self.name}: {_reason(exc)}") from exc

    def _write(self, sql: str, params: tuple | list = ()) -> None:
        """One statement on the writer (only ever called inside `transaction()`)."""
        self._writer.execute(sql, params)

    def _many(self, sql: str, rows: list[tuple]) -> None:
        """One statement for many rows on the writer (only ever called inside `transaction()`)."""
        if rows:
            with self._writer.cursor() as cursor:
                cursor.executemany(sql, rows)

    # articles
    @_reads
    def has_article(self, article_id: str) -> bool:
        return bool(self._q("SELECT 1 FROM articles WHERE id = %s", (article_id,)))

    @_writes
    def put_article(self, article: Article, story_id: str) -> None:
        dl = article.dateline or Dateline()
        vector = article.embedding.astype(np.float32).tobytes() if article.embedding is not None else None
        # The statements before this article's: the newest article's plus its own (one writer at a time).
        last = self._q("SELECT a.statements_before + (SELECT COUNT(*) FROM statements s WHERE s.article_id = a.id) "
                       "AS n FROM articles a ORDER BY a.seq DESC LIMIT 1")
        self._write(f"INSERT INTO articles ({_ARTICLE_COLUMNS}, embedding, story_id, statements_before) "
                    "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                    (article.id, article.source, article.url, article.outlet, article.title, article.byline,
                     dl.place, iso(dl.date), dl.agency, iso(article.published), article.language, article.text,
                     vector, story_id, last[0]["n"] if last else 0))
        self._many('INSERT INTO mentions (article_id, entity_id, text, label, start, "end") '
                   'VALUES (%s,%s,%s,%s,%s,%s)',
                   [(article.id, m.entity_id, m.text, m.label, m.start, m.end) for m in article.mentions])
        self._many("INSERT INTO statements VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,NULL)",
                   [(s.id, article.id, s.text, s.direct, s.speaker.name, s.speaker.entity_id, s.speaker.role,
                     s.cue, iso(s.said_on), json.dumps(s.chain), s.polarity, s.start, s.end, s.cue_start,
                     s.cue_end) for s in article.statements])
        self._many("INSERT INTO speaker_names VALUES (%s) ON CONFLICT DO NOTHING",
                   [(name,) for name in sorted({s.speaker.name for s in article.statements})])
        self._many("INSERT INTO search_index (kind, ref, body) VALUES (%s, %s, %s)",
                   [("article", article.id, f"{article.title or ''}\n{article.text}")]
                   + [("statement", s.id, f"{s.speaker.name}: {s.text}") for s in article.statements])

    @_reads
    def article(self, article_id: str) -> Article | None:
        return next(iter(self._articles(self._q("SELECT * FROM articles WHERE id = %s", (article_id,)))), None)

    @_reads
    def articles(self, story_id: str | None = None) -> list[Article]:
        if story_id is None:
            return self._articles(self._q("SELECT * FROM articles ORDER BY seq"))
        return self._articles(self._q("SELECT * FROM articles WHERE story_id = %s ORDER BY seq", (story_id,)))

    @_reads
    def article_summaries(self, article_ids: list[str]) -> dict[str, Article]:
        rows = self._q(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ANY(%s)", (list(article_ids),))
        return {a.id: a for a in self._articles(rows, summary=True)}

    @_reads
    def article_stories(self, article_ids: list[str]) -> dict[str, tuple[str, str]]:
        rows = self._q("SELECT a.id, st.id AS story_id, st.title FROM articles a JOIN stories st ON st.id = a.story_id "
                       "WHERE a.id = ANY(%s)", (list(article_ids),))
        return {r["id"]: (r["story_id"], r["title"]) for r in rows}

    def _articles(self, rows: list[dict], summary: bool = False) -> list[Article]:
        """Articles of `rows` with their mentions and statements (read in two queries, not two per article),
        or without them when only a `summary` is wanted (a summary's row may leave out the embedding)."""
        ids = [row["id"] for row in rows]
        mentions: dict[str, list[Mention]] = {i: [] for i in ids}
        statements: dict[str, list[Statement]] = {i: [] for i in ids}
        if ids and not summary:
            for r in self._q('SELECT * FROM mentions WHERE article_id = ANY(%s) ORDER BY start, seq', (ids,)):
                mentions[r["article_id"]].append(Mention(r["text"], r["label"], r["start"], r["end"], r["entity_id"]))
            for r in self._q("SELECT * FROM statements WHERE article_id = ANY(%s) ORDER BY start, seq", (ids,)):
                statements[r["article_id"]].append(statement_from_row(r))
        articles = []
        for row in rows:
            dateline = None
            if row["dateline_place"] or row["dateline_date"] or row["dateline_agency"]:
                dateline = Dateline(row["dateline_place"], to_date(row["dateline_date"]), row["dateline_agency"])
            embedding = np.frombuffer(row["embedding"], dtype=np.float32) if row.get("embedding") else None
            articles.append(Article(
                id=row["id"], source=row["source"], text=row["text"], url=row["url"], outlet=row["outlet"],
                title=row["title"], byline=row["byline"], dateline=dateline, published=to_datetime(row["published"]),
                language=row["language"], mentions=mentions[row["id"]], statements=statements[row["id"]],
                embedding=embedding))
        return articles

    @_reads
    def article_vectors(self, first: date | None, last: date | None) -> tuple[list[str], np.ndarray]:
        within, bounds = own_dates_within(first, last, "%s")
        rows = self._q(f"SELECT a.id, a.embedding FROM articles a WHERE {within} AND a.embedding IS NOT NULL "
                       "ORDER BY a.seq", bounds)
        return vectors_from_rows([(r["id"], r["embedding"]) for r in rows])

    @_reads
    def last_article_seq(self) -> int:
        return self._q("SELECT COALESCE(MAX(seq), 0) AS seq FROM articles")[0]["seq"]

    @_reads
    def own_date_range(self) -> tuple[date, date] | None:
        row = self._q(OWN_DATE_RANGE)[0]
        return (to_date(row["first"]), to_date(row["last"])) if row["first"] else None

    @_reads
    def article_features(self, article_ids: list[str]) -> dict[str, tuple[set[str], tuple[date, ...], str]]:
        entities: dict[str, set[str]] = {i: set() for i in article_ids}
        for row in self._q("SELECT DISTINCT article_id, entity_id FROM mentions WHERE article_id = ANY(%s) "
                           "AND entity_id IS NOT NULL", (article_ids,)):
            entities[row["article_id"]].add(row["entity_id"])
        rows = self._q(f"SELECT a.id, {DATELINE_DAY} AS dateline_day, {PUBLISHED_DAY} AS published_day, a.story_id "
                       "FROM articles a WHERE a.id = ANY(%s)", (article_ids,))
        return {r["id"]: (entities[r["id"]], own_dates(r["dateline_day"], r["published_day"]), r["story_id"])
                for r in rows}

    @_reads
    def article_texts(self, article_ids: list[str]) -> dict[str, tuple[str | None, str]]:
        rows = self._q("SELECT id, title, text FROM articles WHERE id = ANY(%s)", (article_ids,))
        return {r["id"]: (r["title"], r["text"]) for r in rows}

    @_reads
    def article_outlet(self, article_id: str) -> str | None:
        rows = self._q("SELECT outlet FROM articles WHERE id = %s", (article_id,))
        return rows[0]["outlet"] if rows else None

    @_reads
    def article_story(self, article_id: str) -> str | None:
        rows = self._q("SELECT story_id FROM articles WHERE id = %s", (article_id,))
        return rows[0]["story_id"] if rows else None

    # entities
    @_reads
    def entities_by_key(self, key: str) -> list[Entity]:
        # Earliest-stored first, as SQLite's scan of its key index gives them: the first entity known by a name wins.
        return self._entities("JOIN (SELECT entity_id, MIN(seq) AS first FROM entity_aliases WHERE key = %s "
                              "GROUP BY entity_id) AS k ON k.entity_id = e.id ORDER BY k.first", (key,))

    @_reads
    def entities_by_keys(self, keys: set[str]) -> dict[str, list[Entity]]:
        # One query for an article's names, not one round trip per name; each key's entities earliest-stored first.
        rows = self._q(f"SELECT k.key, e.*, {_ENTITY_ALIASES} FROM entities e JOIN "
                       "(SELECT key, entity_id, MIN(seq) AS first FROM entity_aliases WHERE key = ANY(%s) "
                       "GROUP BY key, entity_id) AS k ON k.entity_id = e.id ORDER BY k.key, k.first",
                       (sorted(keys),))
        found: dict[str, list[Entity]] = {key: [] for key in sorted(keys)}
        for r in rows:
            found[r["key"]].append(Entity(r["id"], r["name"], r["type"], r["aliases"]))
        return found

    @_reads
    def link_context(self, story_id: str, merged: tuple[str, ...] = ()) -> LinkContext:
        # The interface's reads, on one pooled connection rather than a checkout per read.
        return super().link_context(story_id, merged)

    @_writes
    def put_entity(self, entity: Entity, keys: list[tuple[str, str]]) -> None:
        self._write("INSERT INTO entities VALUES (%s,%s,%s) ON CONFLICT (id) DO UPDATE SET name = excluded.name",
                    (entity.id, entity.name, entity.type))
        self._many("INSERT INTO entity_aliases (entity_id, alias, key) VALUES (%s,%s,%s) ON CONFLICT DO NOTHING",
                   [(entity.id, alias, key) for alias, key in keys])

    def _entities(self, tail: str, params: tuple | list = ()) -> list[Entity]:
        rows = self._q(f"SELECT e.*, {_ENTITY_ALIASES} FROM entities e {tail}", params)
        return [Entity(r["id"], r["name"], r["type"], r["aliases"]) for r in rows]

    @_reads
    def entities(self) -> list[Entity]:
        return self._entities("ORDER BY e.name, e.id")

    # stories
    @_writes
    def put_story(self, story: Story) -> None:
        self._write("INSERT INTO stories VALUES (%s,%s,%s,%s) ON CONFLICT (id) DO UPDATE SET "
                    "title = excluded.title, first_seen = excluded.first_seen, last_seen = excluded.last_seen",
                    (story.id, story.title, iso(story.first_seen), iso(story.last_seen)))

    @_writes
    def fold_story(self, story_id: str, into: str) -> None:
        for table in ("articles", "claims"):
            self._write(f"UPDATE {table} SET story_id = %s WHERE story_id = %s", (into, story_id))
        self._write("DELETE FROM stories WHERE id = %s", (story_id,))
        # Ids that led to the folded story lead on to `into`, so every move is one step.
        self._write("UPDATE story_moves SET moved_to = %s WHERE moved_to = %s", (into, story_id))
        self._write("INSERT INTO story_moves VALUES (%s, %s) ON CONFLICT (id) DO UPDATE SET moved_to = excluded.moved_to",
                    (story_id, into))

    @_reads
    def story_moved_to(self, story_id: str) -> str | None:
        rows = self._q("SELECT moved_to FROM story_moves WHERE id = %s", (story_id,))
        return rows[0]["moved_to"] if rows else None

    @_reads
    def story(self, story_id: str) -> Story | None:
        found = self._stories("WHERE st.id = %s", (story_id,))
        return found[0] if found else None

    @_reads
    def stories(self) -> list[Story]:
        # SQLite sorts NULL first; PostgreSQL must be told.
        return self._stories("ORDER BY st.first_seen NULLS FIRST, st.id")

    @_reads
    def story_ids_starting(self, prefix: str, limit: int = 2) -> list[str]:
        # left(), not LIKE: '%' and '_' in what the user typed are plain characters
        rows = self._q("SELECT id FROM stories WHERE left(id, %s) = %s ORDER BY id LIMIT %s",
                       (len(prefix), _no_nul(prefix), limit))
        return [r["id"] for r in rows]

    def _stories(self, tail: str, params: tuple | list = ()) -> list[Story]:
        rows = self._q(f"SELECT st.*, {_STORY_ARTICLES} FROM stories st {tail}", params)
        return [_story(r) for r in rows]

    # statements, claims, disputes
    @_reads
    def statements(self, *, story_id: str | None = None, speaker: str | None = None, claim_id: str | None = None,
                   ids: list[str] | None = None, article_id: str | None = None) -> list[Statement]:
        where, params = _conditions([
            ("a.story_id = %s", story_id),
            ("s.claim_id = %s", claim_id),
            ("s.article_id = %s", article_id),
            ("s.id = ANY(%s)", ids),
            (_SPEAKER_LIKE, _contains(speaker) if speaker else None),
        ])
        rows = self._q("SELECT s.* FROM statements s JOIN articles a ON a.id = s.article_id" + where
                       + " ORDER BY a.seq, s.start, s.seq", params)
        return [statement_from_row(r) for r in rows]

    @_reads
    def statement_claims(self, statement_ids: list[str]) -> dict[str, str | None]:
        rows = self._q("SELECT id, claim_id FROM statements WHERE id = ANY(%s)", (statement_ids,))
        return {r["id"]: r["claim_id"] for r in rows}

    @_writes
    def set_statement_claim(self, statement_id: str, claim_id: str) -> None:
        self._write("UPDATE statements SET claim_id = %s WHERE id = %s", (claim_id, statement_id))

    @_writes
    def put_claim(self, claim: Claim) -> None:
        self._write("INSERT INTO claims VALUES (%s,%s,%s,%s) ON CONFLICT (id) DO UPDATE SET "
                    "story_id = excluded.story_id, summary = excluded.summary, status = excluded.status",
                    (claim.id, claim.story_id, claim.summary, claim.status))

    @_writes
    def delete_claim(self, claim_id: str) -> None:
        self._write("DELETE FROM disputes WHERE claim_id = %s", (claim_id,))
        self._write("DELETE FROM claims WHERE id = %s", (claim_id,))

    @_reads
    def claims(self, story_id: str | None = None) -> list[Claim]:
        if story_id is None:
            return self._claims("ORDER BY c.id")
        return self._claims("WHERE c.story_id = %s ORDER BY c.id", (story_id,))

    def _claims(self, tail: str, params: tuple | list = ()) -> list[Claim]:
        rows = self._q(f"SELECT c.*, {_CLAIM_STATEMENTS} FROM claims c {tail}", params)
        return [Claim(r["id"], r["story_id"], r["summary"], r["statement_ids"], r["status"]) for r in rows]

    @_writes
    def replace_disputes(self, claim_id: str, disputes: list[Dispute]) -> None:
        self._write("DELETE FROM disputes WHERE claim_id = %s", (claim_id,))
        self._many(f"INSERT INTO disputes ({DISPUTE_COLUMNS}) VALUES (%s,%s,%s,%s,%s,%s,%s,%s)",
                   [dispute_row(d) for d in disputes])

    @_reads
    def disputes(self, story_id: str | None = None) -> list[Dispute]:
        sql = "SELECT d.* FROM disputes d JOIN claims c ON c.id = d.claim_id"
        rows = (self._q(sql + " ORDER BY d.id") if story_id is None
                else self._q(sql + " WHERE c.story_id = %s ORDER BY d.id", (story_id,)))
        return [dispute_from_row(r) for r in rows]

    # search
    @_reads
    def search(self, query: str, limit: int = 20) -> Iterator[tuple[str, str, str]]:
        # plainto_tsquery reads plain words (quotes and operators are ignored), so input is never query syntax;
        # 'english' must match the configuration of search_index.document (see migrations).
        query = query.replace("\x00", " ")
        if not query.split():
            return iter(())
        rows = self._q("SELECT kind, ref, ts_headline('english', body, q, %s) AS snippet "
                       "FROM search_index, plainto_tsquery('english', %s) AS q WHERE document @@ q "
                       "ORDER BY ts_rank_cd(document, q) DESC, kind, ref LIMIT %s", (_HEADLINE, query, limit))
        return iter([(r["kind"], r["ref"], r["snippet"]) for r in rows])

    # read-only listings and lookups for the REST API and web UI
    def _page(self, select: str, body: str, params: list, order: str, query: Query) -> tuple[list[dict], int]:
        """Rows of one page of `SELECT select body ORDER BY order`, and the count of all rows matching."""
        total = self._q(f"SELECT COUNT(*) AS n FROM (SELECT 1 {body}) AS matching", params)[0]["n"]
        rows = self._q(f"SELECT {select} {body} ORDER BY {order} LIMIT %s OFFSET %s",
                       [*params, query.limit, query.offset])
        return rows, total

    @_reads
    def find_articles(self, query: Query) -> tuple[list[Article], int]:
        where, params = _where(query, day=_ARTICLE_DAY)
        rows, total = self._page(_ARTICLE_COLUMNS, "FROM articles a" + where, params, "a.seq", query)
        return self._articles(rows, summary=True), total

    @_reads
    def find_statements(self, query: Query) -> tuple[list[Statement], int]:
        where, params = _where(query, day=_STATEMENT_DAY, extra=[
            ("s.article_id = %s", query.article_id),
            self._speaker_condition(query.speaker) if query.speaker else ("", None),
            ("s.speaker_entity_id = %s", query.entity_id),
            ("s.polarity = %s", query.polarity),
        ])
        if query.offset and not where and not query.by_day:
            return [statement_from_row(r) for r in self._positioned_page(query)], \
                self._q("SELECT COUNT(*) AS n FROM statements")[0]["n"]
        order = (f"{_STATEMENT_DAY} IS NULL, {_STATEMENT_DAY}, s.start, a.seq, s.seq" if query.by_day
                 else "a.seq, s.start, s.seq")
        rows, total = self._page("s.*", "FROM statements s JOIN articles a ON a.id = s.article_id" + where, params,
                                 order, query)
        return [statement_from_row(r) for r in rows], total

    def _positioned_page(self, query: Query) -> list[dict]:
        """A page of every statement in article order, started at the article holding the page's first
        statement (found by the statements_before index), so no skipped statement is stepped over."""
        first = self._q("SELECT seq, statements_before FROM articles WHERE statements_before <= %s "
                        "ORDER BY statements_before DESC, seq DESC LIMIT 1", (query.offset,))
        if not first:
            return []
        return self._q("SELECT s.* FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.seq >= %s "
                       "ORDER BY a.seq, s.start, s.seq LIMIT %s OFFSET %s",
                       (first[0]["seq"], query.limit, query.offset - first[0]["statements_before"]))

    def _speaker_condition(self, speaker: str) -> tuple[str, tuple]:
        """Statements whose speaker's name, or one of its entity's aliases, contains `speaker`: the names are
        matched among the distinct ones (the speaker_names table), then statements found by index."""
        pattern = _no_nul(_contains(speaker))
        names = [r["name"] for r in self._q("SELECT name FROM speaker_names WHERE name ILIKE %s", (pattern,))]
        ids = [r["entity_id"] for r in self._q("SELECT DISTINCT entity_id FROM entity_aliases WHERE alias ILIKE %s",
                                               (pattern,))]
        return "(s.speaker_name = ANY(%s) OR s.speaker_entity_id = ANY(%s))", (names, ids)

    @_reads
    def find_stories(self, query: Query) -> tuple[list[Story], int]:
        # A story overlaps [since, until] when it ends on or after `since` and starts on or before `until`.
        where, params = _conditions([
            ("st.id = %s", query.story_id),
            ("EXISTS (SELECT 1 FROM articles a WHERE a.story_id = st.id AND lower(a.outlet) = lower(%s))",
             query.outlet),
            ("COALESCE(st.last_seen, st.first_seen) >= %s", iso(query.since)),
            ("st.first_seen <= %s", iso(query.until)),
        ])
        rows, total = self._page(f"st.*, {_STORY_ARTICLES}", "FROM stories st" + where, params,
                                 "st.first_seen IS NULL, st.first_seen, st.id", query)
        return [_story(r) for r in rows], total

    @_reads
    def find_claims(self, query: Query) -> tuple[list[Claim], int]:
        where, params = _conditions([("c.story_id = %s", query.story_id), ("c.status = %s", query.status)])
        rows, total = self._page(f"c.*, {_CLAIM_STATEMENTS}", "FROM claims c" + where, params, "c.id", query)
        return [Claim(r["id"], r["story_id"], r["summary"], r["statement_ids"], r["status"]) for r in rows], total

    @_reads
    def find_disputes(self, query: Query) -> tuple[list[Dispute], int]:
        where, params = _conditions([("c.story_id = %s", query.story_id), ("d.kind = %s", query.kind)])
        rows, total = self._page("d.*", "FROM disputes d JOIN claims c ON c.id = d.claim_id" + where, params,
                                 "d.id", query)
        return [dispute_from_row(r) for r in rows], total

    @_reads
    def find_entities(self, query: Query) -> tuple[list[Entity], int]:
        where, params = _conditions([
            ("(e.name ILIKE %s OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias ILIKE %s))",
             _contains(query.speaker) if query.speaker else None),
            ("e.type = %s", query.kind),
        ])
        rows, total = self._page(f"e.*, {_ENTITY_ALIASES}", "FROM entities e" + where, params, "e.name, e.id",
                                 query)
        return [Entity(r["id"], r["name"], r["type"], r["aliases"]) for r in rows], total

    @_reads
    def entity(self, entity_id: str) -> Entity | None:
        found = self._entities("WHERE e.id = %s", (entity_id,))
        return found[0] if found else None

    @_reads
    def claim(self, claim_id: str) -> Claim | None:
        found = self._claims("WHERE c.id = %s", (claim_id,))
        return found[0] if found else None

    @_reads
    def dispute(self, dispute_id: str) -> Dispute | None:
        rows = self._q("SELECT * FROM disputes WHERE id = %s", (dispute_id,))
        return dispute_from_row(rows[0]) if rows else None

    @_reads
    def story_outlets(self, story_ids: list[str] | None = None) -> dict[str, list[str]]:
        only, params = ("", []) if story_ids is None else (" AND story_id = ANY(%s)", [list(story_ids)])
        outlets: dict[str, list[str]] = {}
        for row in self._q("SELECT DISTINCT story_id, outlet FROM articles WHERE outlet IS NOT NULL" + only +
                           " ORDER BY story_id, outlet", params):
            outlets.setdefault(row["story_id"], []).append(row["outlet"])
        return outlets

    @_reads
    def story_dispute_counts(self, story_ids: list[str] | None = None) -> dict[str, int]:
        only, params = ("", []) if story_ids is None else (" WHERE c.story_id = ANY(%s)", [list(story_ids)])
        rows = self._q("SELECT c.story_id, COUNT(*) AS n FROM disputes d JOIN claims c ON c.id = d.claim_id" + only +
                       " GROUP BY c.story_id", params)
        return {r["story_id"]: r["n"] for r in rows}


# A speaker filter: a substring of the speaker's name or of one of its entity's aliases (ILIKE: SQLite's LIKE
# ignores case too).
_SPEAKER_LIKE = ("(s.speaker_name ILIKE %s OR s.speaker_entity_id IN "
                 "(SELECT entity_id FROM entity_aliases WHERE alias ILIKE %s))")


def _configure_reader(conn: psycopg.Connection) -> None:
    """Pooled connections only read, each statement on its own (autocommit)."""
    conn.autocommit = True
    conn.execute("SET default_transaction_read_only = on")


def _conditions(conditions: list[tuple[str, object]]) -> tuple[str, list]:
    """A WHERE clause of the conditions whose value was given; each "%s" in a condition takes its value, or the
    next of its values when the value is a tuple."""
    given = [(sql, _no_nul(value)) for sql, value in conditions if value is not None]
    params = [v for sql, value in given for v in (value if isinstance(value, tuple) else [value] * sql.count("%s"))]
    return (" WHERE " + " AND ".join(sql for sql, _ in given) if given else ""), params


def _where(query: Query, *, day: str, extra: list[tuple[str, object]] = ()) -> tuple[str, list]:
    """The WHERE clause shared by article and statement listings: story, outlet and date range, then `extra`."""
    return _conditions([("a.story_id = %s", query.story_id), ("lower(a.outlet) = lower(%s)", query.outlet),
                        (f"{day} >= %s", iso(query.since)), (f"{day} <= %s", iso(query.until)), *extra])


def _no_nul(value: object) -> object:
    """PostgreSQL text cannot hold NUL, so no stored text contains one: a filter holding one stays unmatchable
    (U+FFFD) instead of failing the request."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def _contains(text: str) -> str:
    """An ILIKE pattern matching `text` anywhere, its own % and _ matched literally (backslash is ILIKE's escape)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _story(row: dict) -> Story:
    return Story(row["id"], row["title"], row["article_ids"], to_date(row["first_seen"]), to_date(row["last_seen"]))


def _reason(exc: psycopg.Error) -> str:
    """The first line of a driver error: the server's own message, without its hints and context."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
