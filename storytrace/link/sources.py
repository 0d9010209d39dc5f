"""Who is the original source of a statement, and when two statements come from the same one."""

from __future__ import annotations

from storytrace.analyze.entities import entity_key
from storytrace.model import Statement


# Words of a description that names no one: "diplomatic sources", "an unnamed GOP official", "a person
# familiar with the talks". Such a source cannot be told apart from another outside the relay that quotes it.
_ANONYMOUS_WORDS = frozenset({"source", "sources", "insider", "insiders", "anonymous", "unnamed", "familiar"})
# Trailing words an agency's name goes without: "Yonhap News Agency" and "Yonhap" are one source.
_ORG_SUFFIXES = ("news agency", "news service", "agency", "news", "wire service")


def source_key(statement: Statement) -> str:
    """The original source behind a statement: three papers quoting one agency's source are one source.

    The original is the chain's last name; anonymous sources are the relay's that quotes them ("Yonhap" for
    `[paper, Yonhap, diplomatic sources in Beijing]`), since "diplomatic sources" in one paper and "sources in
    Beijing" in another are one source when both came through Yonhap.
    """
    chain = statement.chain or [statement.speaker.name]
    original = chain[-1]
    if len(chain) > 1 and _ANONYMOUS_WORDS & set(entity_key(original).split()):
        original = chain[-2]
    return _without_suffix(entity_key(original))


def _without_suffix(key: str) -> str:
    for suffix in _ORG_SUFFIXES:
        if key.endswith(" " + suffix):
            return key[: -len(suffix) - 1]
    return key


def same_source(a: str, b: str) -> bool:
    """Source keys naming one source: equal, or one the other's last words, as a surname against the full
    name ("ellery", "nathan ellery") or a name against the name with its title ("aaron sorkin", "screenwriter
    aaron sorkin")."""
    if a == b:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    return bool(short) and long[-len(short):] == short


# Words of a description that names an office or a group, not a person.
_GENERIC = frozenset({
    "the", "a", "an", "of", "and", "for", "in", "at", "to", "on", "official", "officials", "source", "sources",
    "spokesman", "spokeswoman", "spokesperson", "representative", "rep", "reps", "police", "ministry",
    "government", "department", "office", "agency", "news", "report", "reports", "people", "experts", "expert",
    "analysts", "analyst", "leader", "leaders", "president", "minister", "former", "senior", "state", "group",
    "officer", "officers", "member", "members", "party", "press", "secretary", "general", "chief", "head",
    "council", "committee", "board", "court", "army", "military", "company", "union", "team", "family",
})


def may_be_one_speaker(a: str, b: str) -> bool:
    """Source keys that may well name one person ("pope benedict", "benedict xvi"): one source, or two names
    (no office or group word in either: "a council spokeswoman" and "two council members" are two) with a word
    in common. Too loose to count sources by; tight enough to keep a speaker from disputing himself."""
    if same_source(a, b):
        return True
    mine, theirs = set(a.split()), set(b.split())
    return not (mine | theirs) & _GENERIC and bool(mine & theirs)


def count_sources(keys: set[str]) -> int:
    """Distinct sources among keys, a surname and its full name counting once."""
    distinct: list[str] = []
    for key in sorted(keys, key=len, reverse=True):
        if not any(same_source(key, seen) for seen in distinct):
            distinct.append(key)
    return len(distinct)
