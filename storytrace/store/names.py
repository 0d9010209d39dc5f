"""How a database is named: which strings select PostgreSQL, and how a URL is shown without its password."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def public_name(db: str | Path) -> str:
    """`db` as messages show it: a PostgreSQL URL without its password."""
    text = str(db)
    if not text.startswith(POSTGRES_SCHEMES):
        return text
    parts = urlsplit(text)
    if parts.password is None:
        return text
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))
