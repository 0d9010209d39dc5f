"""Impossibility and non-existence ("it is not plausible that ...", "there is no rule requiring ...") deny an
assertion they restate in their own words; a plan with "no way", a hedge before the negation, or a plain negation
of other words does not."""

from __future__ import annotations

import pytest

from storytrace.analyze.stance_words import hedged_before_negation, untenable
from storytrace.link.claims import _closeness, load_claim_models, negated_restatements
from storytrace.link.disputes import find_disputes
from storytrace.model import Claim, Statement
from storytrace.settings import Settings
from tests.link.hand_made import embed_at, said


_said = said


@pytest.mark.parametrize("text", [
    "there is no rule requiring that the club calls its supporters members",
    "Put simply: it is not plausible that an eel climbed the ladder",
    "no such ferry exists",
    "that is impossible",
])
def test_what_calls_a_thing_impossible_or_absent(text):
    assert untenable(text)


@pytest.mark.parametrize("text", [
    "there is no way they can finish the bridge without him",  # a plan, not a fact denied
    "there is no doubt the eel climbed the ladder",  # affirms
    "this is not the first time the club has renamed its fans",  # affirms
    "the club did not rename its fans",  # a plain negation: read word for word elsewhere
])
def test_what_does_not(text):
    assert not untenable(text)


def test_a_hedge_inside_what_is_rejected_is_no_guess():
    assert not hedged_before_negation("it is not plausible that an eel might climb the ladder")
    assert hedged_before_negation("the eel climbed the ladder, but that may not be true")


RULE = _said("there is no rule requiring that the club calls its supporters members instead of fans", "the club",
             "wire")
DROPPED = _said("the club dropped the word fans and now calls its supporters members", "a supporter", "blog")
# Three words shared as well, but a plain negation of another thing, not an impossibility: its own words must be
# in the assertion (RESTATED_COVERAGE).
PLAIN = _said("the club will not sell tickets to supporters who call themselves fans or members abroad", "the club",
              "radio")


def _embed(cosine):
    """Sentence vectors by hand: the reported act at the given cosine to every other text."""
    return embed_at(DROPPED.text, cosine)


def test_there_is_no_rule_restates_and_denies_what_another_source_says_was_done():
    models = load_claim_models(_embed(0.75))
    restated = negated_restatements([RULE, DROPPED, PLAIN], models)
    assert restated == {RULE.id: {DROPPED.id}}
    denial = Statement(**{**RULE.__dict__, "polarity": "denies"})
    assert _closeness([denial, DROPPED], models, Settings(), restates=restated)(denial, DROPPED)


def test_not_alike_in_meaning_is_no_restatement():
    assert negated_restatements([RULE, DROPPED], load_claim_models(_embed(0.5))) == {}


def test_an_impossibility_with_a_hedge_inside_is_a_denial_and_one_with_a_hedge_before_is_not():
    claim = Claim("C1", "S1", "", [])
    climbed = _said("the eel climbed the fish ladder at the weir on Sunday", "a keeper", "paper")
    rejects = _said("it is not plausible that an eel might climb the fish ladder at the weir", "a biologist", "wire",
                    "denies")
    guesses = _said("the eel may not have climbed the fish ladder at the weir", "a biologist", "wire", "denies")
    assert len(find_disputes(claim, [rejects, climbed], {})) == 1
    assert find_disputes(claim, [guesses, climbed], {}) == []
