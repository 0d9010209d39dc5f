"""Claims group statements of one proposition across articles; denials and conflicting facts become disputes."""

from __future__ import annotations


import pytest

from storytrace.link.claims import claim_status, link_claims
from storytrace.link.propositions import concrete_values, similarity, stems
from storytrace.model import Article, Speaker, Statement
from storytrace.settings import Settings
from storytrace.store import open_store


@pytest.fixture
def store(tmp_path):
    db = open_store(tmp_path / "t.db")
    yield db
    db.close()


def _statement(text, speaker, polarity="asserts", chain=None, article_id="a1", n=1):
    return Statement(text=text, start=0, end=len(text), direct=False, speaker=Speaker(speaker), cue="said",
                     polarity=polarity, chain=chain or [speaker], id=f"{article_id}-{n}", article_id=article_id)


def _add(store, article_id, outlet, *statements, story="S1"):
    article = Article(id=article_id, source=f"{article_id}.txt", text=" ".join(s.text for s in statements),
                      outlet=outlet, statements=list(statements), dateline=None, published=None)
    with store.transaction():
        store.put_article(article, story)
        link_claims(article, story, store, Settings())
    return article


def test_stems_meet_across_inflections_and_ignore_stance_words():
    """'proposed' and 'proposal' share a stem; denial words do not count as content."""
    assert stems("The White House denied it had proposed a liaison office") == {"white", "house", "propos",
                                                                                 "liaiso", "office"}
    assert similarity(stems("Obama proposed a liaison office"), stems("no such liaison office proposal")) == 1.0
    assert similarity(stems("talks were imminent"), stems("a liaison office was proposed")) == 0.0


def test_denial_in_one_article_disputes_the_claim_asserted_in_another(store):
    """The case storytrace exists for: an assertion via an agency, a denial by the spokesman."""
    _add(store, "paper", "The Washington Times",
         _statement("President Obama proposed a liaison office in Pyongyang", "diplomatic sources in Beijing",
                    chain=["The Washington Times", "Yonhap", "diplomatic sources in Beijing"], article_id="paper"))
    _add(store, "agency", "Yonhap",
         _statement("it had proposed a liaison office in Pyongyang", "the White House", "denies",
                    chain=["Yonhap", "the White House"], article_id="agency"))
    [claim] = [c for c in store.claims() if len(c.statement_ids) == 2]
    assert claim.status == "disputed"
    [dispute] = store.disputes()
    assert dispute.kind == "denial"
    assert dispute.statement_ids == ["agency-1", "paper-1"]
    assert "the White House" in dispute.explanation and "Yonhap → diplomatic sources" in dispute.explanation


def test_same_agency_repeated_is_one_source_and_unrelated_denial_is_no_dispute(store):
    """Two papers quoting one agency's source are not corroboration; a denial of something else is no dispute."""
    for n, outlet in enumerate(["Paper A", "Paper B"]):
        _add(store, f"p{n}", outlet,
             _statement("the ministry will cut fuel subsidies by 20 percent next year", "officials",
                        chain=[outlet, "Yonhap", "officials"], article_id=f"p{n}"))
    _add(store, "d", "Paper C", _statement("the minister plans to resign", "the ministry", "denies", article_id="d"))
    grouped = [c for c in store.claims() if len(c.statement_ids) > 1]
    assert [c.status for c in grouped] == ["single_source"]
    assert store.disputes() == []


def test_conflicting_dates_in_one_claim_are_a_contradiction(store):
    """Two outlets giving different dates for the same talks are flagged, with both values explained."""
    _add(store, "x", "Outlet X", _statement("the bilateral talks will be held in Geneva on Jan. 5", "a diplomat",
                                            article_id="x"))
    _add(store, "y", "Outlet Y", _statement("the bilateral talks will be held in Geneva on Jan. 12",
                                            "an official", article_id="y"))
    [dispute] = store.disputes()
    assert dispute.kind == "contradiction"
    assert "jan 5" in dispute.explanation and "jan 12" in dispute.explanation
    assert concrete_values("20 people died on Dec. 9, 2009") == {"date": {"dec 9"}, "number": {"20"}}


def test_a_hedge_does_not_contradict_a_firm_date(store):
    """'may be held on Jan. 5' is a guess: against 'will be held on Jan. 12' it is no contradiction."""
    _add(store, "x", "Outlet X", _statement("the bilateral talks may be held in Geneva on Jan. 5", "an analyst",
                                            "speculates", article_id="x"))
    _add(store, "y", "Outlet Y", _statement("the bilateral talks will be held in Geneva on Jan. 12",
                                            "an official", article_id="y"))
    assert [len(c.statement_ids) for c in store.claims() if len(c.statement_ids) > 1] == [2]
    assert store.disputes() == []


def test_claim_status_rules():
    """Status follows the sources: denied alone, disputed, corroborated by independent sources, single source."""
    deny = _statement("x y z", "the ministry", "denies")
    a = _statement("x y z", "Yonhap")
    b = _statement("x y z", "Reuters")
    assert claim_status([deny]) == "denied"
    assert claim_status([deny, a]) == "disputed"
    assert claim_status([a, b]) == "corroborated"
    assert claim_status([a, _statement("x y z", "Yonhap", chain=["Paper", "Yonhap"])]) == "single_source"
    assert claim_status([a, _statement("x y", "Reuters", "declines_comment")]) == "single_source"
