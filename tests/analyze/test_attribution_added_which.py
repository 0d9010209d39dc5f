"""Stance: a hedge in an added which-clause, and an explanation not given."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_statements


def stance(nlp, text: str, cue: str) -> str:
    found = {s.cue: s.polarity for s in extract_statements(nlp(text), outlet="The Gazette")}
    return found[cue]


def test_a_could_in_an_added_which_clause_hedges_only_the_consequence(nlp):
    text = "The paper wrote that the firm had reported a large loss in 1999, which could have let it avoid taxes."
    assert stance(nlp, text, "wrote") == "asserts"


def test_a_could_in_a_restrictive_clause_still_hedges(nlp):
    # must not change: the Senate on a knife edge is the claim itself
    assert stance(nlp, "She said the vote would produce a Senate that could be on a knife edge.", "said") == "speculates"


def test_a_hedge_in_the_main_clause_still_hedges(nlp):
    assert stance(nlp, "He said the firm may have reported a loss, which was large.", "said") == "speculates"


def test_could_not_explain_is_no_assertion(nlp):
    assert stance(nlp, "The mayor could not explain why the bridge was closed.", "could not explain") == "declines_comment"
