"""Who is the original source of a statement, and when two statements come from the same one."""

from __future__ import annotations

from storytrace.analyze.entities import entity_key
from storytrace.model import Statement


def source_key(statement: Statement) -> str:
    """The original source behind a statement: three papers quoting one agency's source are one source."""
    original = statement.chain[-1] if statement.chain else statement.speaker.name
    return entity_key(original)


def same_source(a: str, b: str) -> bool:
    """Source keys naming one source: equal, or a bare surname against the full name ("ellery", "nathan ellery")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return " " not in short and long.split()[-1] == short


def count_sources(keys: set[str]) -> int:
    """Distinct sources among keys, a surname and its full name counting once."""
    distinct: list[str] = []
    for key in sorted(keys, key=len, reverse=True):
        if not any(same_source(key, seen) for seen in distinct):
            distinct.append(key)
    return len(distinct)
