"""Linking is a pure stage: from an article and a hand-built context it decides entities, story, claims and
disputes, with no database; the store only commits what it returns."""

from __future__ import annotations

from datetime import date


from storytrace.link.claims import link_claims
from storytrace.link.entities import entity_keys, resolve_entities
from storytrace.link.stage import link
from storytrace.model import Article, Entity, LinkContext, Mention, Speaker, Statement, Story
from storytrace.settings import Settings
from tests.link.deadlines import AfterChecks


def _statement(text, speaker, polarity="asserts", article_id="new", n=1, chain=None):
    return Statement(text=text, start=10 * n, end=10 * n + len(text), direct=False, speaker=Speaker(speaker),
                     cue="said", polarity=polarity, chain=chain or [speaker], id=f"{article_id}-{n}",
                     article_id=article_id)


def _article(*statements, outlet="Harbour Wire", mentions=()):
    return Article(id="new", source="new.txt", text="...", outlet=outlet, statements=list(statements),
                   mentions=list(mentions), published=None)


REPORT = _statement("the council will close the old fishing pier next spring", "two council members",
                    article_id="old", chain=["Ellis Herald", "two council members"])
STORY = Story("S1", "Pier to close", ["old"], date(2010, 3, 1), date(2010, 3, 1))


def _context(claim_of=None):
    return LinkContext(story_id="S1", story=STORY, statements=[REPORT], claim_of=claim_of or {"old-1": "Cold"},
                       outlets={"old": "Ellis Herald"})


def test_a_denial_of_the_stored_report_is_a_dispute_decided_without_a_store(claim_models):
    """The spokeswoman's denial joins (or merges with) the report's claim, which becomes disputed."""
    denial = _statement("the council will close the old fishing pier", "a council spokeswoman", "denies")
    result = link(_article(denial), [], _context(), Settings(), claim_models)
    claim = next(c for c in result.claims if "new-1" in c.statement_ids)
    assert set(claim.statement_ids) == {"old-1", "new-1"} and claim.status == "disputed"
    [dispute] = result.disputes[claim.id]
    assert dispute.kind == "denial" and dispute.statement_ids[:2] == ["new-1", "old-1"]
    assert result.claim_of["new-1"] == claim.id
    assert result.story.id == "S1" and result.story.article_ids == ["old", "new"]


def test_an_unrelated_statement_starts_its_own_claim_and_touches_nothing_stored(claim_models):
    """A statement about something else gets a claim of its own; the stored claim is neither changed nor merged."""
    other = _statement("ferry fares will rise by ten percent in April", "the ferry operator")
    result = link(_article(other), [], _context(), Settings(), claim_models)
    assert [c.statement_ids for c in result.claims] == [["new-1"]]
    assert result.claim_of == {"new-1": result.claims[0].id} and result.deleted_claims == []
    assert result.claims[0].status == "single_source"


def test_the_article_starts_a_story_when_placed_in_a_new_one(claim_models):
    """With no stored story, the result creates it with the article's headline and date."""
    article = _article(_statement("ferry fares will rise by ten percent in April", "the ferry operator"))
    article.title, article.published = "Ferry fares to rise", None
    context = LinkContext(story_id="Snew", story=None, statements=[], claim_of={}, outlets={})
    result = link(article, [], context, Settings(), claim_models)
    assert (result.story.id, result.story.title, result.story.article_ids) == ("Snew", "Ferry fares to rise", ["new"])


def test_names_resolve_against_the_stored_entities_given():
    """'Mr. Petrie' matches the stored Joan Petrie (by surname key); a new place becomes a new entity to store."""
    article = _article(_statement("the pier is safe", "Mr. Petrie"),
                       mentions=[Mention("Mr. Petrie", "PERSON", 0, 10), Mention("Port Ellis", "GPE", 20, 30)])
    stored = Entity("Epetrie", "Joan Petrie", "PERSON")
    keys = entity_keys(article)
    known = {key: [stored] for key in keys if "petrie" in key}
    written = resolve_entities(article, known)
    assert article.mentions[0].entity_id == "Epetrie"
    assert article.statements[0].speaker.entity_id == "Epetrie"
    assert {e.name for e, _ in written} == {"Joan Petrie", "Port Ellis"}


def test_with_no_time_left_the_statements_stay_out_of_claims_and_the_article_says_so(claim_models):
    """At a zero-second budget nothing is placed or refreshed, the stored claim is untouched, and the article
    carries a warning naming the cut."""
    article = _article(_statement("the council will close the old fishing pier", "a council spokeswoman", "denies"))
    result = link(article, [], _context(), Settings(article_seconds=0.0), claim_models)
    assert result.claims == [] and result.claim_of == {} and result.deleted_claims == []
    assert article.warnings == ["claim linking stopped at the 0-second budget (article_seconds): "
                                "1 of 1 statements not grouped into claims"]


def test_wherever_time_runs_out_the_result_stays_consistent(claim_models):
    """Run out of time at each check in turn: every statement the result assigns is in a claim the result
    stores (ones placed in claims left as stored are taken back out), and each cut is recorded; somewhere a
    claim is left unrefreshed."""
    article = _article(_statement("the council will close the old fishing pier", "a council spokeswoman", "denies"),
                       _statement("ferry fares will rise by ten percent in April", "the ferry operator", n=2))
    cuts = []
    for checks in range(12):
        deadline = AfterChecks(checks)
        changes = link_claims(article, _context(), Settings(), claim_models, deadline)
        assert set(changes.claim_of.values()) <= {c.id for c in changes.claims}
        assert all(set(c.statement_ids) >= {sid for sid, cid in changes.claim_of.items() if cid == c.id}
                   for c in changes.claims)
        cuts += deadline.cuts
    assert "1 claim(s) not updated (this article's statements left out of them)" in cuts
    assert "2 of 2 statements not grouped into claims" in cuts


def test_a_stored_denial_in_no_claim_joins_the_claim_it_denies(claim_models):
    """A stored statement may be in no claim (its article ran out of time, or it is too terse to group): a new
    assertion it denies is paired with it, the denial joins the assertion's claim, and the story's other
    statements in no claim stay out of it."""
    unclaimed = _statement("the council will close the old fishing pier", "a council spokeswoman", "denies",
                           article_id="old", n=2)
    bystander = _statement("ferries will run on Sundays from May", "the ferry company", article_id="old", n=3)
    context = LinkContext(story_id="S1", story=STORY, statements=[unclaimed, bystander], claim_of={},
                          outlets={"old": "Ellis Herald"})
    article = _article(_statement("the council will close the old fishing pier next spring", "the harbour master"))
    result = link(article, [], context, Settings(), claim_models)
    assert result.claim_of["new-1"] in {c.id for c in result.claims} and article.warnings == []
    assert result.claim_of["old-2"] == result.claim_of["new-1"] and "old-3" not in result.claim_of
