"""The load bench's store builder: copies of analysed articles keep their stories, claims and disputes consistent,
and one story gathers every copy of its articles (the long story the bench pages through)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import storytrace
from storytrace.bench.load import build_store
from storytrace.model import Article, Claim, Dispute, Speaker, Statement, Story
from storytrace.settings import Settings


def _article(number: int, story: str) -> Article:
    said = f"The ferry will sail on route {number}"
    text = f"{said}, Isla Munro said."
    article_id = f"A{number}"
    statement = Statement(text=said, start=0, end=len(said), direct=False, speaker=Speaker("Isla Munro"),
                          cue="said", id=f"{article_id}-s0", article_id=article_id, said_on=date(2015, 1, number))
    return Article(id=article_id, source=f"hand/{number}", text=text, title=f"Ferry {number}", language="en",
                   published=datetime(2015, 1, number, 12, tzinfo=timezone.utc), statements=[statement])


def test_growing_copies_stories_claims_and_disputes(tmp_path):
    """Six hand-made articles in two stories grow to 30; the larger story keeps every copy, the other is copied
    per generation, and every copied dispute names statements and a claim that exist."""
    db = tmp_path / "grow.db"
    with storytrace.open(db) as corpus, corpus.store.transaction():
        store = corpus.store
        for n in range(1, 7):
            store.put_article(_article(n, "S-big" if n <= 4 else "S-small"), "S-big" if n <= 4 else "S-small")
        store.put_story(Story("S-big", "Ferry strike", [], date(2015, 1, 1), date(2015, 1, 4)))
        store.put_story(Story("S-small", "Harbour fees", [], date(2015, 1, 5), date(2015, 1, 6)))
        store.put_claim(Claim("C1", "S-small", "The ferry will sail", [], "disputed"))
        store.set_statement_claim("A5-s0", "C1")
        store.set_statement_claim("A6-s0", "C1")
        store.replace_disputes("C1", [Dispute("D1", "C1", ["A5-s0", "A6-s0"], "denial", "A6 denies A5.")])
    assert build_store(db, [], 30, Settings()) == 30
    with storytrace.open(db) as corpus:
        stories = {s.id: s for s in corpus.stories()}
        assert len(stories["S-big"].article_ids) == 4 * 5
        assert len(stories) == 1 + 5 and stories["S-big"].last_seen > date(2015, 1, 4)
        statements = {s.id for s in corpus.statements()}
        claims = {c.id: c for c in corpus.claims()}
        disputes = list(corpus.disputes())
        assert len(disputes) == 5
        for dispute in disputes:
            assert set(dispute.statement_ids) <= statements
            assert set(dispute.statement_ids) <= set(claims[dispute.claim_id].statement_ids)
    assert build_store(db, [], 20, Settings()) == 30  # a store already large enough is reused as it is
