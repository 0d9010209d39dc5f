"""Entity mentions merge across articles by name variants, and speakers get the entity they name."""

from __future__ import annotations

from storytrace.analyze.entities import canonical_names, entity_key
from storytrace.link.entities import entity_keys, resolve_entities
from storytrace.model import Article, Mention, Speaker, Statement
from storytrace.store import open_store


def _article(article_id, mentions, speaker=None):
    statements = []
    if speaker:
        statements = [Statement("text", 0, 4, False, Speaker(speaker), "said", id=f"{article_id}-1",
                                article_id=article_id)]
    return Article(id=article_id, source=article_id, text="...", mentions=[Mention(text, label, 0, 1) for text, label in mentions],
                   statements=statements)


def test_entity_key_ignores_hyphens_titles_case_and_possessives():
    """Spelling variants of one name share a key."""
    assert entity_key("Kim Jong-il") == entity_key("Kim Jong Il") == entity_key("KIM JONG IL's") == "kim jong il"
    assert entity_key("Mr. Obama") == "obama"
    assert entity_key("President Barack Obama") == "barack obama"


def test_surname_takes_the_full_name_within_an_article():
    """'Obama' and 'Mr. Obama' after 'Barack Obama' are the same person."""
    names = canonical_names([Mention("Barack Obama", "PERSON", 0, 1), Mention("Mr. Obama", "PERSON", 0, 1),
                             Mention("Obama", "PERSON", 0, 1), Mention("Seoul", "GPE", 0, 1)])
    assert names == {"Barack Obama": "Barack Obama", "Mr. Obama": "Barack Obama", "Obama": "Barack Obama",
                     "Seoul": "Seoul"}


def test_variants_across_articles_share_one_entity(tmp_path):
    """'Kim Jong-il' in one article and 'Kim Jong Il' in another are one entity; so is a later bare 'Obama'."""
    store = open_store(tmp_path / "e.db")
    first = _article("a", [("Kim Jong-il", "PERSON"), ("Barack Obama", "PERSON")])
    second = _article("b", [("Kim Jong Il", "PERSON"), ("Mr. Obama", "PERSON")], speaker="Mr. Obama")
    for article in (first, second):
        with store.transaction():
            for entity, keys in resolve_entities(article, store.entities_by_keys(entity_keys(article))):
                store.put_entity(entity, keys)
    assert first.mentions[0].entity_id == second.mentions[0].entity_id
    assert first.mentions[1].entity_id == second.mentions[1].entity_id
    assert second.statements[0].speaker.entity_id == first.mentions[1].entity_id
    names = sorted(e.name for e in store.entities())
    assert names == ["Barack Obama", "Kim Jong-il"]
    store.close()
