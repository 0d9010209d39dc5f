"""Storage: only this package speaks SQL."""

from __future__ import annotations

import os
from pathlib import Path

from storytrace.errors import StoreError
from storytrace.store.base import Store
from storytrace.store.names import POSTGRES_SCHEMES, public_name
from storytrace.store.sqlite import SQLiteStore

# Where the corpus lives when no `db` is given: this variable's value, else a SQLite file in the working folder.
DB_ENV = "STORYTRACE_DB"
DEFAULT_DB = "storytrace.db"


def default_db() -> str:
    """$STORYTRACE_DB when set, else storytrace.db in the working folder."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def open_store(db: str | Path | None = None, create: bool = True) -> Store:
    """Open (creating and migrating when needed) the store at `db`: a `postgresql://` URL selects PostgreSQL,
    anything else is a SQLite file path; None means `default_db()`. With `create=False` a SQLite file that does
    not exist is an error, not a new empty database (a mistyped --db must not look like an empty corpus)."""
    db = default_db() if db is None else db
    if isinstance(db, str) and db.startswith(POSTGRES_SCHEMES):
        # Imported here: only PostgreSQL users pay for loading the driver.
        from storytrace.store.postgres import PostgresStore

        return PostgresStore(db, create)
    if not create and not Path(db).is_file():
        raise StoreError(f"{db}: no such database (`storytrace add --db {db} PATH...` creates one)")
    return SQLiteStore(db)


__all__ = ["DB_ENV", "Store", "SQLiteStore", "default_db", "open_store", "public_name"]
