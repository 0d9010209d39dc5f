"""A claim's refresh (stances, disputes) checks the article's time budget as it compares pairs of statements, so
one refresh begun just before the budget ends cannot overrun it by the square of the claim's size."""

from __future__ import annotations


from storytrace.budget import Deadline
from storytrace.link.claims import link_claims, refresh_claim
from storytrace.model import Article, LinkContext, Speaker, Statement
from storytrace.settings import Settings
from tests.link.deadlines import AfterChecks


def _statement(text, speaker, polarity, article_id, n=1):
    return Statement(text=text, start=10 * n, end=10 * n + len(text), direct=False, speaker=Speaker(speaker),
                     cue="denied" if polarity == "denies" else "said", polarity=polarity, chain=[speaker],
                     id=f"{article_id}-{n}", article_id=article_id)


REPORT = _statement("the council will close the old fishing pier next spring", "two council members", "asserts", "old")
DENIAL = _statement("the council will close the old fishing pier", "a council spokeswoman", "denies", "new")
OUTLETS = {"old": "Ellis Herald", "new": "Harbour Wire"}


def test_a_refresh_with_time_finds_the_denial(claim_models):
    """The reference case: given time, the claim of a report and its denial is disputed."""
    claim, disputes = refresh_claim("C1", "S1", [REPORT, DENIAL], OUTLETS, Settings(), claim_models, [DENIAL])
    assert claim.status == "disputed" and [d.kind for d in disputes] == ["denial"]


def test_a_refresh_past_its_deadline_stops_comparing_and_says_what_it_left(claim_models):
    """With the budget spent, the pair is not compared: no dispute, the claim is whole and not disputed, and
    the deadline names the pairs left out, which the article's warning then carries."""
    deadline = Deadline(0.0)
    claim, disputes = refresh_claim("C1", "S1", [REPORT, DENIAL], OUTLETS, Settings(), claim_models, [DENIAL],
                                    deadline=deadline)
    assert disputes == [] and claim.status != "disputed" and claim.statement_ids == ["old-1", "new-1"]
    assert "1 pair(s) of a claim's statements not compared for disputes" in deadline.cuts
    assert "not compared for disputes" in deadline.warning("claim linking")


def test_time_running_out_inside_a_refresh_keeps_the_linking_result_consistent(claim_models):
    """Run out at each check in turn: somewhere the budget ends inside a refresh (pairs not compared); every
    statement the result assigns is in a claim it returns; given enough checks the dispute is found."""
    article = Article(id="new", source="new.txt", text="...", outlet="Harbour Wire", statements=[DENIAL],
                      mentions=[], published=None)
    context = LinkContext(story_id="S1", story=None, statements=[REPORT], claim_of={"old-1": "Cold"},
                          outlets={"old": "Ellis Herald"})
    cuts: list[str] = []
    for checks in range(40):
        deadline = AfterChecks(checks)
        changes = link_claims(article, context, Settings(), claim_models, deadline)
        assert set(changes.claim_of.values()) <= {c.id for c in changes.claims}
        cuts += deadline.cuts
        if not deadline.cuts:
            break
    assert any(cut.endswith("pair(s) of a claim's statements not compared for disputes") for cut in cuts)
    assert any(d.kind == "denial" for found in changes.disputes.values() for d in found)
