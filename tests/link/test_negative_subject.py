"""A clause whose subject is none of them ("None of the bodies belongs to the missing crew") negates it, and restates,
in other words, the assertion that the bodies are the crew's. Hand-written texts."""

from __future__ import annotations

import pytest

from storytrace.link.claims import main_clause_negated, negated_restatements
from tests.link.hand_made import MeaningByHand, said


@pytest.mark.parametrize("text, negated", [
    ("None of the twelve bodies found in the quarry belongs to the missing ferry crew", True),
    ("Nobody on the island was hurt in the storm", True),
    ("the twelve bodies found in the quarry belong to the missing ferry crew", False),
    ("the divers found the bodies, but none had been identified", False),  # a later clause
])
def test_a_subject_that_is_none_of_them_negates_the_clause(text, negated):
    assert main_clause_negated(text) is negated


FINDING = ("None of the twelve bodies, some badly burned, unearthed on Tuesday in a quarry outside Orrin belongs to the "
           "missing ferry crew")
BELIEF = "The bodies found in the quarry are believed to be those of the missing ferry crew"


@pytest.mark.parametrize("cosine, restates", [(0.85, True), (0.75, False)])
def test_a_negated_finding_restates_a_belief_told_in_other_words_only_when_as_alike_as_a_denial_must_be(
        claim_models, cosine, restates):
    """Few of the finding's words are in the belief (it says more: when, where, in what state), but five words of what
    is said are shared; the two are one proposition only at a denial's SAME_MEANING, not at the lower cosine a
    restatement in the same words needs."""
    finding = said(FINDING, "the coroner", "a")
    belief = said(BELIEF, "a local paper", "b", "speculates")
    restated = negated_restatements([finding, belief], MeaningByHand(claim_models, FINDING, cosine))
    assert restated == ({finding.id: {belief.id}} if restates else {})
