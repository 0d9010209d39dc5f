"""Storage: only this package speaks SQL."""

from __future__ import annotations

from pathlib import Path

from storytrace.store.base import Store
from storytrace.store.sqlite import SQLiteStore


def open_store(db: str | Path) -> Store:
    """Open (creating and migrating when needed) the store at `db`; a SQLite file path today."""
    return SQLiteStore(db)


__all__ = ["Store", "SQLiteStore", "open_store"]
