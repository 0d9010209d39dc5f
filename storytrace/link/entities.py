"""Merge an article's entity mentions with entities already stored, by normalised name variants."""

from __future__ import annotations

import hashlib

from storytrace.analyze.entities import canonical_names, entity_key, surname_key
from storytrace.model import Article, Entity, Mention

# Labels that may name the same thing (spaCy often tags a country as GPE in one article and NORP or ORG in another).
_COMPATIBLE = {"GPE": {"GPE", "LOC", "NORP"}, "LOC": {"GPE", "LOC"}, "NORP": {"NORP", "GPE"}, "ORG": {"ORG", "FAC"},
               "FAC": {"FAC", "ORG"}, "PERSON": {"PERSON"}, "EVENT": {"EVENT"}}


def entity_keys(article: Article) -> set[str]:
    """Every alias key `resolve_entities` may look up for `article`: the store loads these, and only these."""
    names = canonical_names(article.mentions)
    keys = set()
    for mention in article.mentions:
        for name in (mention.text, names[mention.text]):
            keys.add(entity_key(name))
        key = entity_key(names[mention.text])
        if mention.label == "PERSON" and len(key.split()) == 1:
            keys.add(f"~{key}")
    keys.update(entity_key(s.speaker.name) for s in article.statements)
    return keys


class EntityBook:
    """The stored entities an article's names may match, plus those this article adds or renames, looked up
    by alias key as the store would after each write (stored entities first, in the order they were stored)."""

    def __init__(self, stored: dict[str, list[Entity]]):
        self._by_id: dict[str, Entity] = {}
        self._ids: dict[str, list[str]] = {}
        for key, entities in stored.items():
            for entity in entities:
                self._by_id.setdefault(entity.id, entity)
                self._ids.setdefault(key, []).append(entity.id)
        self.written: list[tuple[Entity, list[tuple[str, str]]]] = []

    def find(self, key: str) -> list[Entity]:
        return [self._by_id[i] for i in self._ids.get(key, [])]

    def put(self, entity: Entity, keys: list[tuple[str, str]]) -> None:
        self._by_id[entity.id] = entity
        for _, key in keys:
            ids = self._ids.setdefault(key, [])
            if entity.id not in ids:
                ids.append(entity.id)
        self.written.append((entity, keys))


def resolve_entities(article: Article, stored: dict[str, list[Entity]]) -> list[tuple[Entity, list[tuple[str, str]]]]:
    """Set `entity_id` on every mention and on statement speakers that name a known entity. `stored` holds the
    stored entities for `entity_keys(article)`; returns the entities to store (new, or renamed to a longer
    variant) with their (alias, key) pairs, in the order they must be written."""
    book = EntityBook(stored)
    names = canonical_names(article.mentions)
    by_key: dict[str, str] = {}
    for mention in article.mentions:
        canonical = names[mention.text]
        entity = _find_or_create(canonical, mention, book)
        _remember(entity, [mention.text, canonical], book)
        mention.entity_id = entity.id
        by_key[entity_key(mention.text)] = entity.id
        by_key[entity_key(canonical)] = entity.id
    for statement in article.statements:
        key = entity_key(statement.speaker.name)
        statement.speaker.entity_id = by_key.get(key) or _known_speaker(key, book)
    return book.written


def _find_or_create(canonical: str, mention: Mention, book: EntityBook) -> Entity:
    key = entity_key(canonical)
    allowed = _COMPATIBLE.get(mention.label, {mention.label})
    found = [e for e in book.find(key) if e.type in allowed]
    if not found and mention.label == "PERSON" and len(key.split()) == 1:
        # A bare surname across articles: only when exactly one stored person carries it.
        found = [e for e in book.find(f"~{key}") if e.type == "PERSON"]
        found = found if len(found) == 1 else []
    if found:
        return found[0]
    entity_id = "E" + hashlib.sha1(f"{mention.label}:{key}".encode()).hexdigest()[:10]
    return Entity(entity_id, canonical, mention.label, [])


def _remember(entity: Entity, aliases: list[str], book: EntityBook) -> None:
    keys = [(alias, entity_key(alias)) for alias in aliases]
    if entity.type == "PERSON":
        keys += [(alias, surname) for alias, key in keys if (surname := surname_key(key))]
    # A longer variant becomes the display name ("Barack Obama" over "Obama").
    name = max([entity.name, *aliases], key=len)
    book.put(Entity(entity.id, name, entity.type, []), keys)
    entity.name = name


def _known_speaker(key: str, book: EntityBook) -> str | None:
    found = book.find(key)
    return found[0].id if len(found) == 1 else None
