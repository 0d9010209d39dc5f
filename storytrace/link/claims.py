"""Group statements that carry the same proposition into claims, and keep each claim's status current."""

from __future__ import annotations

import hashlib
from typing import TypeVar

from storytrace.link.disputes import find_disputes
from storytrace.link.propositions import similarity, stems
from storytrace.link.sources import count_sources, same_source, source_key
from storytrace.model import Article, Claim, Statement
from storytrace.settings import Settings
from storytrace.store import Store

ASSERTING = {"asserts", "confirms", "speculates"}
T = TypeVar("T")


def link_claims(article: Article, story_id: str, store: Store, settings: Settings) -> list[str]:
    """Put each statement of a freshly stored article into a claim; return the ids of claims that changed."""
    pool = [(s, stems(s.text)) for s in store.statements(story_id=story_id) if s.article_id != article.id]
    claim_of = store.statement_claims([s.id for s, _ in pool]) if pool else {}
    touched: set[str] = set()
    for statement in article.statements:
        own = stems(statement.text)
        if not own:
            continue
        match = _best_match(own, pool, settings.claim_similarity)
        claim_id = claim_of.get(match.id) if match else None
        if claim_id is None:
            claim_id = "C" + hashlib.sha1(statement.id.encode()).hexdigest()[:11]
        store.set_statement_claim(statement.id, claim_id)
        claim_of[statement.id] = claim_id
        pool.append((statement, own))
        touched.add(claim_id)
    for claim_id in touched:
        refresh_claim(claim_id, story_id, store)
    return sorted(touched)


def _best_match(own: set[str], pool: list[tuple[T, set[str]]], threshold: float) -> T | None:
    """The pool entry whose proposition is most like `own`, if any reaches the threshold."""
    best, best_score = None, threshold
    for candidate, theirs in pool:
        score = similarity(own, theirs)
        if score >= best_score:
            best, best_score = candidate, score
    return best


def group_propositions(texts: list[str], threshold: float) -> list[int]:
    """Claim groups for texts taken one at a time, as statements arrive: each joins the group of its best
    earlier match or starts its own. Returns a group number per text (the index of the group's first text)."""
    groups: list[int] = []
    pool: list[tuple[int, set[str]]] = []
    for index, text in enumerate(texts):
        own = stems(text)
        match = _best_match(own, pool, threshold) if own else None
        groups.append(groups[match] if match is not None else index)
        pool.append((index, own))
    return groups


def refresh_claim(claim_id: str, story_id: str, store: Store) -> Claim:
    """Recompute a claim's summary, status and disputes from its current statements."""
    statements = store.statements(claim_id=claim_id)
    outlets = {s.article_id: store.article_outlet(s.article_id) for s in statements}
    claim = Claim(claim_id, story_id, _summary(statements), [s.id for s in statements], claim_status(statements))
    store.put_claim(claim)
    store.replace_disputes(claim_id, find_disputes(claim, statements, outlets))
    return claim


def claim_status(statements: list[Statement]) -> str:
    deniers = {source_key(s) for s in statements if s.polarity == "denies"}
    asserters = {source_key(s) for s in statements if s.polarity in ASSERTING}
    independent = {a for a in asserters if not any(same_source(a, d) for d in deniers)}
    if deniers and independent:
        return "disputed"
    if deniers:
        return "denied"
    return "corroborated" if count_sources(asserters) >= 2 else "single_source"


def _summary(statements: list[Statement]) -> str:
    lead = next((s for s in statements if s.polarity in ASSERTING), statements[0])
    text = " ".join(lead.text.split())
    return text if len(text) <= 200 else text[:199].rstrip() + "…"
