"""Denials that real news words without a denying cue: a report named with what it says, a negated restatement
of another source's assertion; and assertions that only ask or tell of reports, which deny nothing and assert
nothing."""

from __future__ import annotations


from storytrace.link.claims import main_clause_negated
from storytrace.link.disputes import find_disputes, tells_of
from storytrace.link.stage import link
from storytrace.link.targets import denial_targets, reported_clause
from storytrace.model import Article, Claim, Speaker, Statement
from storytrace.settings import Settings


def _said(text, speaker, polarity="asserts", article="a1", start=0):
    return Statement(text=text, start=start, end=start + len(text), direct=False, speaker=Speaker(speaker),
                     cue="denied" if polarity == "denies" else "said", polarity=polarity, chain=[speaker],
                     id=f"{article}-{start}", article_id=article)


def test_a_denial_naming_a_report_denies_what_the_report_says():
    """The clause the report tells, not the wrapping words, whether a verb of telling or "that" introduces it."""
    assert reported_clause("there is no deal, and a story in the Courier suggesting that the mayor sold the pier "
                           "for a pound") == "the mayor sold the pier for a pound"
    assert reported_clause("rumours that the club will move to Harlow next season are untrue") == \
        "the club will move to Harlow next season"
    assert reported_clause("claims that two ferries had collided were false, he said, and the port is open") == \
        "two ferries had collided"
    assert reported_clause("the story on the Harbour Herald site claims that the pier will close for a year") == \
        "the pier will close for a year"


def test_a_report_named_without_its_clause_gives_none():
    """'A story that appeared in the Courier' tells of the story, not what it says; a bare report says nothing."""
    assert reported_clause("a story that appeared in the Courier on Monday morning") is None
    assert reported_clause("the reports of a merger") is None
    assert reported_clause("the mayor sold the pier") is None


def test_a_full_denial_naming_a_report_is_compared_by_the_reports_clause():
    denial = _said("a story in the Courier suggesting that the mayor sold the pier for a pound", "the mayor",
                   "denies")
    assert denial_targets([denial]) == {denial.id: "the mayor sold the pier for a pound"}


def test_only_a_negation_of_the_opening_clause_restates_in_the_negative():
    """Not a later clause's, nor a negated verb of knowing, which doubts rather than denies."""
    assert main_clause_negated("the club will not move to Harlow next season")
    assert main_clause_negated("The mayor didn’t sell the pier")
    assert not main_clause_negated("the club is in talks to move, but the deal has not been signed")
    assert not main_clause_negated("the council could not verify that the pier was sold")
    assert not main_clause_negated("the ministry had not yet commented on whether the pier was sold")
    assert not main_clause_negated("the mayor sold the pier without a vote")


def test_an_assertion_that_asks_or_tells_of_reports_is_no_side_of_a_denial():
    """'It was investigating reports that ...' and 'hard to say whether ...' assert nothing a denial could meet."""
    claim = Claim("C1", "S1", "", [])
    denial = _said("the mayor sold the pier for a pound to his brother", "the mayor", "denies", article="w")
    asking = _said("it is hard to say whether the mayor sold the pier for a pound to his brother", "experts",
                   article="x")
    telling = _said("it was looking into reports that the mayor sold the pier for a pound to his brother",
                    "the council", article="y")
    assert tells_of(asking) and tells_of(telling)
    assert find_disputes(claim, [denial, asking, telling], {}) == []
    plain = _said("the mayor sold the pier for a pound to his brother", "the Courier", article="z")
    assert not tells_of(plain)
    [dispute] = find_disputes(claim, [denial, asking, telling, plain], {})
    assert dispute.statement_ids[:2] == [denial.id, plain.id]


def _add(store, claim_models, article_id, outlet, statement):
    article = Article(id=article_id, source=f"{article_id}.txt", text=statement.text, outlet=outlet,
                      statements=[statement], dateline=None, published=None)
    store.apply(link(article, [], store.link_context("S1"), Settings(), claim_models))


def test_a_negated_restatement_merely_said_is_a_denial_by_its_words(store, claim_models):
    """'X will not star as the captain in the film', only 'said', against another outlet's 'X will star as the
    captain in the film': a dispute resting on its words; a guess or a later clause's negation is none."""
    _add(store, claim_models, "trade", "Trade paper",
         _said("Dana Voss will star as the captain in the submarine film directed by Ilse Marr", "the studio",
               article="trade"))
    _add(store, claim_models, "hedge", "Gossip", _said("Dana Voss may not star as the captain in the submarine film",
                                                 "a columnist", article="hedge"))
    assert store.disputes() == []
    _add(store, claim_models, "wire", "Wire",
         _said("Dana Voss will not be starring as the captain in the submarine film directed by Ilse Marr",
               "people close to the actor", article="wire"))
    [dispute] = store.disputes()
    assert dispute.kind == "denial" and dispute.statement_ids[:2] == ["wire-0", "trade-0"]
    assert dispute.evidence.rule == "words"


def test_a_name_particle_is_part_of_the_name_not_a_word_said_of_it():
    """'al' of 'al-Rashid' shared by two statements does not make them say the same thing of Omar al-Rashid."""
    from storytrace.link.propositions import predicate_stems

    assert not predicate_stems("neither brother is named Omar al Rashid") & predicate_stems(
        "Omar Hamid al-Rashid and his son were arrested")
    assert predicate_stems("Omar al-Rashid was arrested at the border") & predicate_stems(
        "police arrested Omar al-Rashid")
