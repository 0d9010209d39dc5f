"""Storage: only this package speaks SQL."""

from __future__ import annotations

import os
from pathlib import Path

from storytrace.store.base import Store
from storytrace.store.sqlite import SQLiteStore

# Where the corpus lives when no `db` is given: this variable's value, else a SQLite file in the working folder.
DB_ENV = "STORYTRACE_DB"
DEFAULT_DB = "storytrace.db"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def default_db() -> str:
    """$STORYTRACE_DB when set, else storytrace.db in the working folder."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def open_store(db: str | Path | None = None) -> Store:
    """Open (creating and migrating when needed) the store at `db`: a `postgresql://` URL selects PostgreSQL,
    anything else is a SQLite file path; None means `default_db()`."""
    db = default_db() if db is None else db
    if isinstance(db, str) and db.startswith(POSTGRES_SCHEMES):
        # Imported here: only PostgreSQL users pay for loading the driver.
        from storytrace.store.postgres import PostgresStore

        return PostgresStore(db)
    return SQLiteStore(db)


__all__ = ["DB_ENV", "Store", "SQLiteStore", "default_db", "open_store"]
