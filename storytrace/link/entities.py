"""Merge an article's entity mentions with entities already stored, by normalised name variants."""

from __future__ import annotations

import hashlib

from storytrace.analyze.entities import canonical_names, entity_key, surname_key
from storytrace.model import Article, Entity, Mention
from storytrace.store import Store

# Labels that may name the same thing (spaCy often tags a country as GPE in one article and NORP or ORG in another).
_COMPATIBLE = {"GPE": {"GPE", "LOC", "NORP"}, "LOC": {"GPE", "LOC"}, "NORP": {"NORP", "GPE"}, "ORG": {"ORG", "FAC"},
               "FAC": {"FAC", "ORG"}, "PERSON": {"PERSON"}, "EVENT": {"EVENT"}}


def resolve_entities(article: Article, store: Store) -> None:
    """Set `entity_id` on every mention and on statement speakers that name a known entity; store new entities."""
    names = canonical_names(article.mentions)
    by_key: dict[str, str] = {}
    for mention in article.mentions:
        canonical = names[mention.text]
        entity = _find_or_create(canonical, mention, store)
        _remember(entity, [mention.text, canonical], store)
        mention.entity_id = entity.id
        by_key[entity_key(mention.text)] = entity.id
        by_key[entity_key(canonical)] = entity.id
    for statement in article.statements:
        key = entity_key(statement.speaker.name)
        statement.speaker.entity_id = by_key.get(key) or _known_speaker(key, store)


def _find_or_create(canonical: str, mention: Mention, store: Store) -> Entity:
    key = entity_key(canonical)
    allowed = _COMPATIBLE.get(mention.label, {mention.label})
    found = [e for e in store.entities_by_key(key) if e.type in allowed]
    if not found and mention.label == "PERSON" and len(key.split()) == 1:
        # A bare surname across articles: only when exactly one stored person carries it.
        found = [e for e in store.entities_by_key(f"~{key}") if e.type == "PERSON"]
        found = found if len(found) == 1 else []
    if found:
        return found[0]
    entity_id = "E" + hashlib.sha1(f"{mention.label}:{key}".encode()).hexdigest()[:10]
    return Entity(entity_id, canonical, mention.label, [])


def _remember(entity: Entity, aliases: list[str], store: Store) -> None:
    keys = [(alias, entity_key(alias)) for alias in aliases]
    if entity.type == "PERSON":
        keys += [(alias, surname) for alias, key in keys if (surname := surname_key(key))]
    # A longer variant becomes the display name ("Barack Obama" over "Obama").
    name = max([entity.name, *aliases], key=len)
    store.put_entity(Entity(entity.id, name, entity.type, []), keys)
    entity.name = name


def _known_speaker(key: str, store: Store) -> str | None:
    found = store.entities_by_key(key)
    return found[0].id if len(found) == 1 else None
