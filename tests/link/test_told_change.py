"""A statement that something will "no longer" be done tells a change of state: it restates, negated, an assertion
that it will be done, but denies nothing of one that tells the same change ("will stop ..., and instead ...").
Hand-written texts."""

from __future__ import annotations

import pytest

from storytrace.link.claims import negated_restatements
from tests.link.hand_made import MeaningByHand, said

NO_LONGER = "the harbour police will no longer fine anglers for night fishing on the pier"


@pytest.mark.parametrize("other, restated", [
    ("the harbour police will fine anglers for night fishing on the pier", True),
    ("the harbour police will stop fining anglers for night fishing on the pier and will instead warn them", False),
    ("the harbour police will warn anglers night fishing on the pier rather than fine them", False),
])
def test_no_longer_denies_the_old_state_not_a_telling_of_the_same_change(claim_models, other, restated):
    change = said(NO_LONGER, "people who know the plan", "a")
    assertion = said(other, "a harbour official", "b")
    found = negated_restatements([change, assertion], MeaningByHand(claim_models, NO_LONGER, 0.9))
    assert found == ({change.id: {assertion.id}} if restated else {})


def test_a_plain_negation_still_denies_a_telling_of_a_change(claim_models):
    """'will not stop fining' is no change of state: it denies that the police will stop."""
    negated = "the harbour police will not stop fining anglers for night fishing on the pier"
    change = said(negated, "the harbour master", "a")
    assertion = said("the harbour police will stop fining anglers for night fishing on the pier", "a paper", "b")
    found = negated_restatements([change, assertion], MeaningByHand(claim_models, negated, 0.9))
    assert found == {change.id: {assertion.id}}
