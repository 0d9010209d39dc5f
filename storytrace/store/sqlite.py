"""SQLite implementation of the store: one file, WAL journal, one write transaction per article."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import numpy as np

from storytrace.errors import StoreError
from storytrace.model import Article, Claim, Dateline, Dispute, Entity, Mention, Statement, Story
from storytrace.store.base import Query, Store
from storytrace.store.migrations import MIGRATIONS
from storytrace.store.rows import DATELINE_DAY, DISPUTE_COLUMNS, OWN_DATE_RANGE, PUBLISHED_DAY, dispute_row, own_dates, own_dates_within
from storytrace.store.rows import dispute_from_row as _dispute
from storytrace.store.rows import iso as _iso
from storytrace.store.rows import statement_from_row as _statement
from storytrace.store.rows import to_date as _date
from storytrace.store.rows import to_datetime as _datetime

from storytrace.store.rows import vectors_from_rows

# How long a read connection waits on a lock before giving up (WAL readers only wait in rare cases, such as
# while the writer's connection recovers the journal).
_READ_BUSY_MS = 5000
# Matches of a search that are ranked, newest first: a few thousand passages hold the best answers to any query
# a person types, and ranking costs grow with every match.
RANKED_MATCHES = 5000


class SQLiteStore(Store):
    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = str(path)
        try:
            if read_only:
                self._db = sqlite3.connect(f"{Path(self.path).resolve().as_uri()}?mode=ro", uri=True,
                                           isolation_level=None, check_same_thread=False)
                self._db.execute(f"PRAGMA busy_timeout={_READ_BUSY_MS}")
                self._db.execute("PRAGMA query_only=ON")
            else:
                self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                self._use_wal()
                self._db.execute("PRAGMA foreign_keys=ON")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
            self._db.row_factory = sqlite3.Row
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable storytrace database ({exc})") from exc
        self._depth = 0

    def data_version(self) -> int | None:
        # SQLite's own counter: it moves when another connection commits to the file.
        return self._q("PRAGMA data_version")[0][0]

    def reader(self) -> "SQLiteStore":
        """A read-only connection of its own to the same file: in WAL mode it reads the last committed state
        while this store writes, never waiting for the writer (one per concurrent reader; not shared)."""
        return SQLiteStore(self.path, read_only=True)

    def files(self) -> list[str]:
        return [self.path + suffix for suffix in ("", "-wal", "-shm", "-journal", ".lock", ".migrate.lock")]

    @contextmanager
    def exclusive_writer(self, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        # A lock file beside the database: the OS releases it when its holder exits, however it exits.
        with _file_lock(f"{self.path}.lock", on_wait, "another `storytrace add` is writing to this corpus"):
            yield

    def _use_wal(self) -> None:
        """Write-ahead logging, so readers never wait for the writer. Switching a new file to it takes a lock
        SQLite does not wait for ("database is locked" when several processes open a new corpus at once), so
        they take turns on the file lock that also orders schema creation."""
        if self._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            return
        with _file_lock(f"{self.path}.migrate.lock", None, "another process is creating this corpus"):
            self._db.execute("PRAGMA journal_mode=WAL")

    def _migrate(self) -> None:
        if self._pending_migrations():
            # Several processes opening a new database at once: one creates the schema, the others wait for it
            # (on its own lock file: a running add must not make a reader wait).
            with _file_lock(f"{self.path}.migrate.lock", None, "another process is creating this corpus"):
                self._migrate_now()

    def _pending_migrations(self) -> bool:
        known = self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").fetchone()
        done = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")} if known else set()
        return any(version not in done for version, _, _ in MIGRATIONS)

    def _migrate_now(self) -> None:
        self._db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied TEXT)")
        done = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")}
        for version, name, script in MIGRATIONS:
            if version in done:
                continue
            # executescript commits on its own, so the migration and its record share one explicit transaction.
            self._db.executescript(
                f"BEGIN;\n{script}\nINSERT INTO schema_migrations VALUES ({version}, '{name}', datetime('now'));\nCOMMIT;")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    def close(self) -> None:
        self._db.close()

    def _q(self, sql: str, params: tuple | list = ()) -> list[sqlite3.Row]:
        return self._db.execute(sql, params).fetchall()

    # articles
    def has_article(self, article_id: str) -> bool:
        return bool(self._q("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def put_article(self, article: Article, story_id: str) -> None:
        dl = article.dateline or Dateline()
        vector = article.embedding.astype(np.float32).tobytes() if article.embedding is not None else None
        # The newest row holds the highest seq (articles are only ever appended); finding it by rowid is a
        # B-tree lookup, where MAX(seq) scanned the whole table for every stored article. The statements before
        # this article's are the newest one's plus its own.
        last = self._q("SELECT a.seq, a.statements_before + (SELECT COUNT(*) FROM statements s "
                       "WHERE s.article_id = a.id) FROM articles a WHERE a.rowid = (SELECT MAX(rowid) FROM articles)")
        seq, before = (last[0][0] + 1, last[0][1]) if last else (1, 0)
        self._db.execute(
            f"INSERT INTO articles ({_ARTICLE_COLUMNS}, embedding, story_id, seq, statements_before) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article.id, article.source, article.url, article.outlet, article.title, article.byline, dl.place,
             _iso(dl.date), dl.agency, _iso(article.published), article.language, article.text, vector,
             story_id, seq, before))
        self._db.executemany(
            'INSERT INTO mentions (article_id, entity_id, text, label, start, "end") VALUES (?,?,?,?,?,?)',
            [(article.id, m.entity_id, m.text, m.label, m.start, m.end) for m in article.mentions])
        self._db.executemany(
            "INSERT INTO statements VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL)",
            [(s.id, article.id, s.text, int(s.direct), s.speaker.name, s.speaker.entity_id, s.speaker.role, s.cue,
              _iso(s.said_on), json.dumps(s.chain), s.polarity, s.start, s.end, s.cue_start, s.cue_end)
             for s in article.statements])
        self._db.executemany("INSERT OR IGNORE INTO speaker_names VALUES (?)",
                             [(name,) for name in sorted({s.speaker.name for s in article.statements})])
        self._db.execute("INSERT INTO search_index VALUES ('article', ?, ?)",
                         (article.id, f"{article.title or ''}\n{article.text}"))
        self._db.executemany("INSERT INTO search_index VALUES ('statement', ?, ?)",
                             [(s.id, f"{s.speaker.name}: {s.text}") for s in article.statements])

    def article(self, article_id: str) -> Article | None:
        rows = self._q("SELECT * FROM articles WHERE id = ?", (article_id,))
        return self._article(rows[0]) if rows else None

    def articles(self, story_id: str | None = None) -> list[Article]:
        if story_id is None:
            rows = self._q("SELECT * FROM articles ORDER BY seq")
        else:
            rows = self._q("SELECT * FROM articles WHERE story_id = ? ORDER BY seq", (story_id,))
        return [self._article(row) for row in rows]

    def article_summaries(self, article_ids: list[str]) -> dict[str, Article]:
        rows = [row for chunk in _chunks(article_ids) for row in self._q(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)]
        return {row["id"]: self._article(row, summary=True) for row in rows}

    def article_stories(self, article_ids: list[str]) -> dict[str, tuple[str, str]]:
        rows = [row for chunk in _chunks(article_ids) for row in self._q(
            "SELECT a.id, st.id, st.title FROM articles a JOIN stories st ON st.id = a.story_id "
            f"WHERE a.id IN ({','.join('?' * len(chunk))})", chunk)]
        return {r[0]: (r[1], r[2]) for r in rows}

    def _article(self, row: sqlite3.Row, summary: bool = False) -> Article:
        """The article of a row, with its mentions and statements unless only a `summary` is wanted (a summary's
        row may leave out the embedding)."""
        mentions = [] if summary else [
            Mention(r["text"], r["label"], r["start"], r["end"], r["entity_id"])
            for r in self._q('SELECT * FROM mentions WHERE article_id = ? ORDER BY start', (row["id"],))]
        dateline = None
        if row["dateline_place"] or row["dateline_date"] or row["dateline_agency"]:
            dateline = Dateline(row["dateline_place"], _date(row["dateline_date"]), row["dateline_agency"])
        vector = row["embedding"] if "embedding" in row.keys() else None
        embedding = np.frombuffer(vector, dtype=np.float32) if vector else None
        return Article(id=row["id"], source=row["source"], text=row["text"], url=row["url"], outlet=row["outlet"],
                       title=row["title"], byline=row["byline"], dateline=dateline,
                       published=_datetime(row["published"]), language=row["language"], mentions=mentions,
                       statements=[] if summary else self.statements(article_id=row["id"]), embedding=embedding)

    def article_vectors(self, first: date | None, last: date | None) -> tuple[list[str], np.ndarray]:
        within, bounds = own_dates_within(first, last, "?")
        rows = self._q(f"SELECT a.id, a.embedding FROM articles a WHERE {within} AND a.embedding IS NOT NULL "
                       "ORDER BY a.seq", bounds)
        return vectors_from_rows(rows)

    def last_article_seq(self) -> int:
        rows = self._q("SELECT seq FROM articles ORDER BY rowid DESC LIMIT 1")
        return rows[0][0] if rows else 0

    def own_date_range(self) -> tuple[date, date] | None:
        first, last = self._q(OWN_DATE_RANGE)[0]
        return (_date(first), _date(last)) if first else None

    def article_features(self, article_ids: list[str]) -> dict[str, tuple[set[str], tuple[date, ...], str]]:
        marks = ",".join("?" * len(article_ids))
        entities: dict[str, set[str]] = {i: set() for i in article_ids}
        for row in self._q(f"SELECT DISTINCT article_id, entity_id FROM mentions WHERE article_id IN ({marks}) "
                           "AND entity_id IS NOT NULL", article_ids):
            entities[row[0]].add(row[1])
        rows = self._q(f"SELECT a.id, {DATELINE_DAY}, {PUBLISHED_DAY}, a.story_id FROM articles a "
                       f"WHERE a.id IN ({marks})", article_ids)
        return {r[0]: (entities[r[0]], own_dates(r[1], r[2]), r[3]) for r in rows}

    def article_texts(self, article_ids: list[str]) -> dict[str, tuple[str | None, str]]:
        rows = self._q(f"SELECT id, title, text FROM articles WHERE id IN ({','.join('?' * len(article_ids))})",
                       article_ids)
        return {r[0]: (r[1], r[2]) for r in rows}

    def article_outlet(self, article_id: str) -> str | None:
        rows = self._q("SELECT outlet FROM articles WHERE id = ?", (article_id,))
        return rows[0][0] if rows else None

    def article_story(self, article_id: str) -> str | None:
        rows = self._q("SELECT story_id FROM articles WHERE id = ?", (article_id,))
        return rows[0][0] if rows else None

    # entities
    def entities_by_key(self, key: str) -> list[Entity]:
        # Earliest-stored first (the first entity known by a name wins), said outright so PostgreSQL matches it.
        rows = self._q("SELECT entity_id FROM entity_aliases WHERE key = ? GROUP BY entity_id ORDER BY MIN(rowid)",
                       (key,))
        return self._entities([r[0] for r in rows])

    def put_entity(self, entity: Entity, keys: list[tuple[str, str]]) -> None:
        self._db.execute("INSERT INTO entities VALUES (?,?,?) ON CONFLICT(id) DO UPDATE SET name = excluded.name",
                         (entity.id, entity.name, entity.type))
        self._db.executemany("INSERT OR IGNORE INTO entity_aliases VALUES (?,?,?)",
                             [(entity.id, alias, key) for alias, key in keys])

    def _entities(self, entity_ids: list[str]) -> list[Entity]:
        """The stored entities of these ids, in this order, each with its distinct aliases sorted: two queries
        for all of them, not two per entity."""
        rows: dict[str, sqlite3.Row] = {}
        aliases: dict[str, list[str]] = {i: [] for i in entity_ids}
        for chunk in _chunks(list(aliases)):
            marks = ",".join("?" * len(chunk))
            rows.update((r["id"], r) for r in self._q(f"SELECT * FROM entities WHERE id IN ({marks})", chunk))
            for entity_id, alias in self._q(f"SELECT DISTINCT entity_id, alias FROM entity_aliases "
                                            f"WHERE entity_id IN ({marks}) ORDER BY entity_id, alias", chunk):
                aliases[entity_id].append(alias)
        return [Entity(rows[i]["id"], rows[i]["name"], rows[i]["type"], aliases[i]) for i in entity_ids if i in rows]

    def entities(self) -> list[Entity]:
        return self._entities([r[0] for r in self._q("SELECT id FROM entities ORDER BY name, id")])

    # stories
    def put_story(self, story: Story) -> None:
        self._db.execute("INSERT OR REPLACE INTO stories VALUES (?,?,?,?)",
                         (story.id, story.title, _iso(story.first_seen), _iso(story.last_seen)))

    def fold_story(self, story_id: str, into: str) -> None:
        for table in ("articles", "claims"):
            self._db.execute(f"UPDATE {table} SET story_id = ? WHERE story_id = ?", (into, story_id))
        self._db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        # Ids that led to the folded story lead on to `into`, so every move is one step.
        self._db.execute("UPDATE story_moves SET moved_to = ? WHERE moved_to = ?", (into, story_id))
        self._db.execute("INSERT OR REPLACE INTO story_moves VALUES (?, ?)", (story_id, into))

    def story_moved_to(self, story_id: str) -> str | None:
        rows = self._q("SELECT moved_to FROM story_moves WHERE id = ?", (story_id,))
        return rows[0][0] if rows else None

    def story(self, story_id: str) -> Story | None:
        rows = self._q("SELECT * FROM stories WHERE id = ?", (story_id,))
        return self._stories(rows)[0] if rows else None

    def stories(self) -> list[Story]:
        return self._stories(self._q("SELECT * FROM stories ORDER BY first_seen, id"))

    def story_ids_starting(self, prefix: str, limit: int = 2) -> list[str]:
        # substr, not LIKE: '%' and '_' in what the user typed are plain characters
        return [r[0] for r in self._q("SELECT id FROM stories WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT ?",
                                      (len(prefix), prefix, limit))]

    def _stories(self, rows: list[sqlite3.Row]) -> list[Story]:
        """The stories of `rows` with their articles in stored order (rowid order is seq order), read in one query
        for all of them, not one per story."""
        members: dict[str, list[str]] = {row["id"]: [] for row in rows}
        for chunk in _chunks(list(members)):
            # Sorted here, not by SQL: ORDER BY rowid would tempt SQLite to scan every article instead of the index.
            found = self._q(f"SELECT story_id, rowid, id FROM articles WHERE story_id IN ({','.join('?' * len(chunk))})",
                            chunk)
            for story_id, _, article_id in sorted(found, key=lambda r: r[1]):
                members[story_id].append(article_id)
        return [Story(row["id"], row["title"], members[row["id"]], _date(row["first_seen"]), _date(row["last_seen"]))
                for row in rows]

    # statements, claims, disputes
    def statements(self, *, story_id: str | None = None, speaker: str | None = None, claim_id: str | None = None,
                   ids: list[str] | None = None, article_id: str | None = None) -> list[Statement]:
        where, params = [], []
        if story_id is not None:
            where.append("a.story_id = ?")
            params.append(story_id)
        if claim_id is not None:
            where.append("s.claim_id = ?")
            params.append(claim_id)
        if article_id is not None:
            where.append("s.article_id = ?")
            params.append(article_id)
        if ids is not None:
            where.append(f"s.id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        if speaker:
            where.append(f"(s.speaker_name LIKE ? {_ESCAPE} OR s.speaker_entity_id IN "
                         f"(SELECT entity_id FROM entity_aliases WHERE alias LIKE ? {_ESCAPE}))")
            params.extend([_contains(speaker), _contains(speaker)])
        sql = ("SELECT s.* FROM statements s JOIN articles a ON a.id = s.article_id"
               + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {_STATEMENT_ORDER}")
        return [_statement(r) for r in self._q(sql, params)]

    def statement_claims(self, statement_ids: list[str]) -> dict[str, str | None]:
        rows = self._q(f"SELECT id, claim_id FROM statements WHERE id IN ({','.join('?' * len(statement_ids))})",
                       statement_ids)
        return {r[0]: r[1] for r in rows}

    def set_statement_claim(self, statement_id: str, claim_id: str) -> None:
        self._db.execute("UPDATE statements SET claim_id = ? WHERE id = ?", (claim_id, statement_id))

    def put_claim(self, claim: Claim) -> None:
        self._db.execute("INSERT OR REPLACE INTO claims VALUES (?,?,?,?)",
                         (claim.id, claim.story_id, claim.summary, claim.status))

    def delete_claim(self, claim_id: str) -> None:
        self._db.execute("DELETE FROM disputes WHERE claim_id = ?", (claim_id,))
        self._db.execute("DELETE FROM claims WHERE id = ?", (claim_id,))

    def claims(self, story_id: str | None = None) -> list[Claim]:
        rows = (self._q("SELECT * FROM claims ORDER BY id") if story_id is None
                else self._q("SELECT * FROM claims WHERE story_id = ? ORDER BY id", (story_id,)))
        return self._claims(rows)

    def replace_disputes(self, claim_id: str, disputes: list[Dispute]) -> None:
        self._db.execute("DELETE FROM disputes WHERE claim_id = ?", (claim_id,))
        self._db.executemany(f"INSERT INTO disputes ({DISPUTE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
                             [dispute_row(d) for d in disputes])

    def disputes(self, story_id: str | None = None) -> list[Dispute]:
        sql = "SELECT d.* FROM disputes d JOIN claims c ON c.id = d.claim_id"
        rows = self._q(sql + " ORDER BY d.id") if story_id is None else \
            self._q(sql + " WHERE c.story_id = ? ORDER BY d.id", (story_id,))
        return [_dispute(r) for r in rows]

    def search(self, query: str, limit: int = 20) -> Iterator[tuple[str, str, str]]:
        # Quote every word so user input is never parsed as FTS5 syntax; FTS5 cannot quote a NUL, so it splits words.
        terms = " ".join('"' + w.replace('"', '""') + '"' for w in query.replace("\x00", " ").split())
        if not terms:
            return iter(())
        # Only the newest RANKED_MATCHES matches are ranked: FTS5 scores every match before taking the best, and a
        # word in most passages ("the", "said") would otherwise cost a scoring pass over the whole corpus.
        rows = self._q("SELECT kind, ref, snippet(search_index, 2, '[', ']', '…', 12) FROM search_index "
                       "WHERE search_index MATCH ? AND rowid >= COALESCE((SELECT rowid FROM search_index WHERE "
                       "search_index MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?), 0) ORDER BY rank LIMIT ?",
                       (terms, terms, RANKED_MATCHES - 1, limit))
        return iter([(r[0], r[1], r[2]) for r in rows])

    # read-only listings and lookups for the REST API and web UI
    def _page(self, select: str, body: str, params: list, order: str, query: Query,
              count: str | None = None) -> tuple[list[sqlite3.Row], int]:
        """Rows of one page of `SELECT select body ORDER BY order`, and the count of all rows matching (counted
        over `count` when given: the same rows, from fewer tables)."""
        total = self._q(f"SELECT COUNT(*) FROM (SELECT 1 {count or body})", params)[0][0]
        rows = self._q(f"SELECT {select} {body} ORDER BY {order} LIMIT ? OFFSET ?",
                       [*params, query.limit, query.offset])
        return rows, total

    def _deep_page(self, table: str, body: str, params: list, order: str, query: Query) -> list[sqlite3.Row]:
        """Rows of one page of `table`, the offset walked over row ids only (read from indexes), then only the
        page's rows read in full: a deep page costs index steps, not reading every row it skips."""
        ids = [r[0] for r in self._q(f"SELECT {table[0]}.rowid {body} ORDER BY {order} LIMIT ? OFFSET ?",
                                     [*params, query.limit, query.offset])]
        rows = {r["rowid"]: r for r in self._q(f"SELECT rowid, * FROM {table} WHERE rowid IN "
                                                 f"({','.join('?' * len(ids))})", ids)} if ids else {}
        return [rows[i] for i in ids]

    def find_articles(self, query: Query) -> tuple[list[Article], int]:
        where, params = _where(query, story="a.story_id", outlet="a.outlet", day=_ARTICLE_DAY)
        # Articles are only ever appended, so rowid order is seq order, and rowid order needs no sort.
        rows, total = self._page(_ARTICLE_COLUMNS, "FROM articles a" + where, params, "a.rowid", query)
        return [self._article(r, summary=True) for r in rows], total

    def find_statements(self, query: Query) -> tuple[list[Statement], int]:
        where, params = _where(query, story="a.story_id", outlet="a.outlet", day=_STATEMENT_DAY, extra=[
            ("s.article_id = ?", query.article_id),
            self._speaker_condition(query.speaker) if query.speaker else ("", None),
            ("s.speaker_entity_id = ?", query.entity_id),
            ("s.polarity = ?", query.polarity),
        ])
        # Without a filter on statements, walking articles in rowid (= seq) order and each one's statements by
        # index yields the first page at once, where letting SQLite choose sorted every statement first.
        narrow = query.article_id or query.speaker or query.entity_id
        join = "statements s JOIN articles a" if narrow else "articles a CROSS JOIN statements s"
        count = None if "a." in where else "FROM statements s" + where
        order = (f"{_STATEMENT_DAY} IS NULL, {_STATEMENT_DAY}, s.start, a.rowid, s.rowid" if query.by_day
                 else _STATEMENT_ORDER)
        body = f"FROM {join} ON a.id = s.article_id" + where
        if query.offset and not where and not query.by_day:
            total = self._q("SELECT COUNT(*) FROM statements")[0][0]
            rows = self._positioned_page(query)
        elif query.offset:
            total = self._q(f"SELECT COUNT(*) FROM (SELECT 1 {count or body})", params)[0][0]
            rows = self._deep_page("statements", body, params, order, query)
        else:
            rows, total = self._page("s.*", body, params, order, query, count)
        return [_statement(r) for r in rows], total

    def _positioned_page(self, query: Query) -> list[sqlite3.Row]:
        """A page of every statement in article order, started at the article holding the page's first
        statement (found by the statements_before index), so no skipped statement is stepped over."""
        first = self._q("SELECT rowid, statements_before FROM articles WHERE statements_before <= ? "
                        "ORDER BY statements_before DESC, rowid DESC LIMIT 1", (query.offset,))
        if not first:
            return []
        return self._q("SELECT s.* FROM articles a CROSS JOIN statements s ON a.id = s.article_id WHERE a.rowid >= ? "
                       f"ORDER BY {_STATEMENT_ORDER} LIMIT ? OFFSET ?",
                       (first[0][0], query.limit, query.offset - first[0][1]))

    def _speaker_condition(self, speaker: str) -> tuple[str, tuple]:
        """Statements whose speaker's name, or one of its entity's aliases, contains `speaker`. The names are
        matched once among the distinct ones (the speaker_names table), and statements then found by index."""
        pattern = _contains(speaker)
        names = [r[0] for r in self._q(f"SELECT name FROM speaker_names WHERE name LIKE ? {_ESCAPE}", (pattern,))]
        ids = [r[0] for r in self._q(f"SELECT DISTINCT entity_id FROM entity_aliases WHERE alias LIKE ? {_ESCAPE}",
                                     (pattern,))]
        if len(names) + len(ids) > _MAX_LISTED:
            return (f"(s.speaker_name LIKE ? {_ESCAPE} OR s.speaker_entity_id IN (SELECT entity_id FROM "
                    f"entity_aliases WHERE alias LIKE ? {_ESCAPE}))", (pattern, pattern))
        return (f"(s.speaker_name IN ({','.join('?' * len(names))}) OR "
                f"s.speaker_entity_id IN ({','.join('?' * len(ids))}))", (*names, *ids))

    def find_stories(self, query: Query) -> tuple[list[Story], int]:
        # A story overlaps [since, until] when it ends on or after `since` and starts on or before `until`.
        where, params = _conditions([
            ("st.id = ?", query.story_id),
            ("EXISTS (SELECT 1 FROM articles a WHERE a.story_id = st.id AND a.outlet = ? COLLATE NOCASE)",
             query.outlet),
            ("COALESCE(st.last_seen, st.first_seen) >= ?", _iso(query.since)),
            ("st.first_seen <= ?", _iso(query.until)),
        ])
        rows, total = self._page("st.*", "FROM stories st" + where, params, "st.first_seen IS NULL, st.first_seen, st.id", query)
        return self._stories(rows), total

    def find_claims(self, query: Query) -> tuple[list[Claim], int]:
        where, params = _conditions([("c.story_id = ?", query.story_id), ("c.status = ?", query.status)])
        rows, total = self._page("c.*", "FROM claims c" + where, params, "c.id", query)
        return self._claims(rows), total

    def _claims(self, rows: list[sqlite3.Row]) -> list[Claim]:
        """The claims of `rows`, each with its statements in article order (one query for all of them, not one
        per claim; rowid order is seq order, and reading it from the id index skips the articles' rows)."""
        said: dict[str, list[str]] = {row["id"]: [] for row in rows}
        for chunk in _chunks(list(said)):
            for claim_id, statement_id in self._q(
                    "SELECT s.claim_id, s.id FROM statements s JOIN articles a ON a.id = s.article_id "
                    f"WHERE s.claim_id IN ({','.join('?' * len(chunk))}) ORDER BY {_STATEMENT_ORDER}", chunk):
                said[claim_id].append(statement_id)
        return [Claim(row["id"], row["story_id"], row["summary"], said[row["id"]], row["status"]) for row in rows]

    def find_disputes(self, query: Query) -> tuple[list[Dispute], int]:
        where, params = _conditions([("c.story_id = ?", query.story_id), ("d.kind = ?", query.kind)])
        rows, total = self._page("d.*", "FROM disputes d JOIN claims c ON c.id = d.claim_id" + where, params,
                                 "d.id", query)
        return [_dispute(r) for r in rows], total

    def find_entities(self, query: Query) -> tuple[list[Entity], int]:
        where, params = _conditions([
            (f"(e.name LIKE ? {_ESCAPE} OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ? "
             f"{_ESCAPE}))", _contains(query.speaker) if query.speaker else None),
            ("e.type = ?", query.kind),
        ])
        rows, total = self._page("e.id", "FROM entities e" + where, params, "e.name, e.id", query)
        return self._entities([r[0] for r in rows]), total

    def entity(self, entity_id: str) -> Entity | None:
        found = self._entities([entity_id])
        return found[0] if found else None

    def claim(self, claim_id: str) -> Claim | None:
        rows = self._q("SELECT * FROM claims WHERE id = ?", (claim_id,))
        return self._claims(rows)[0] if rows else None

    def dispute(self, dispute_id: str) -> Dispute | None:
        rows = self._q("SELECT * FROM disputes WHERE id = ?", (dispute_id,))
        return _dispute(rows[0]) if rows else None

    def story_outlets(self, story_ids: list[str] | None = None) -> dict[str, list[str]]:
        only, params = _among("story_id", story_ids)
        outlets: dict[str, list[str]] = {}
        for row in self._q(f"SELECT DISTINCT story_id, outlet FROM articles WHERE outlet IS NOT NULL{only} "
                           "ORDER BY story_id, outlet", params):
            outlets.setdefault(row[0], []).append(row[1])
        return outlets

    def story_dispute_counts(self, story_ids: list[str] | None = None) -> dict[str, int]:
        only, params = _among("c.story_id", story_ids)
        rows = self._q(f"SELECT c.story_id, COUNT(*) FROM disputes d JOIN claims c ON c.id = d.claim_id WHERE 1{only} "
                       "GROUP BY c.story_id", params)
        return {r[0]: r[1] for r in rows}


# Statements in article order (rowid order is seq order: articles are only appended), then by start, then as
# stored (two statements may start at one offset); the (article_id, start) index gives this order without a sort.
_STATEMENT_ORDER = "a.rowid, s.start, s.rowid"
# The day a statement is placed on: its own date, else its article's dateline or publication day.
_STATEMENT_DAY = "COALESCE(s.said_on, a.dateline_date, substr(a.published, 1, 10))"
_ARTICLE_DAY = "COALESCE(a.dateline_date, substr(a.published, 1, 10))"


_ESCAPE = "ESCAPE '\\'"
# An article's columns as a listing or a page quoting its statements reads them (no embedding).
_ARTICLE_COLUMNS = ("id, source, url, outlet, title, byline, dateline_place, dateline_date, dateline_agency, "
                    "published, language, text")
# Most values bound into one IN list; past this a filter matches in SQL instead (SQLite caps bound variables).
_MAX_LISTED = 2000


def _contains(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its own % and _ matched literally (with `LIKE ? ESCAPE '\\'`)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _chunks(values: list[str]) -> Iterator[list[str]]:
    """`values` in slices small enough to bind into one IN list."""
    for start in range(0, len(values), _MAX_LISTED):
        yield values[start:start + _MAX_LISTED]


def _among(column: str, values: list[str] | None) -> tuple[str, list[str]]:
    """` AND column IN (...)` for the given values, or nothing when `values` is None (every row)."""
    if values is None:
        return "", []
    return f" AND {column} IN ({','.join('?' * len(values))})", list(values)


def _conditions(conditions: list[tuple[str, object]]) -> tuple[str, list]:
    """A WHERE clause of the conditions whose value was given; each "?" in a condition takes its value, or the
    next of its values when the value is a tuple."""
    given = [(sql, value) for sql, value in conditions if value is not None]
    params = [v for sql, value in given for v in (value if isinstance(value, tuple) else [value] * sql.count("?"))]
    return (" WHERE " + " AND ".join(sql for sql, _ in given) if given else ""), params


def _where(query: Query, *, story: str, outlet: str, day: str,
           extra: list[tuple[str, object]] = ()) -> tuple[str, list]:
    """The WHERE clause shared by article and statement listings: story, outlet and date range, then `extra`."""
    return _conditions([(f"{story} = ?", query.story_id), (f"{outlet} = ? COLLATE NOCASE", query.outlet),
                        (f"{day} >= ?", _iso(query.since)), (f"{day} <= ?", _iso(query.until)), *extra])


@contextmanager
def _file_lock(path: str, on_wait: Callable[[str], None] | None, holder: str) -> Iterator[None]:
    """An exclusive advisory lock on `path` (created when missing), waited for when another process holds it.
    Re-entrant within a process is not needed: the migration lock is taken before the add lock, never inside."""
    import fcntl

    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                handle.seek(0)
                pid = handle.read().strip()
                on_wait(f"{holder}{f' (process {pid})' if pid else ''}; waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
