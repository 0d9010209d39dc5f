"""A fact told as a change of state ("will no longer serve") asserts the new state: it can be what a denial denies."""

from __future__ import annotations

from storytrace.analyze.stance_words import negatively_worded
from storytrace.link.disputes import find_disputes
from storytrace.model import Claim

from tests.link.hand_made import said

CLAIM = Claim("C1", "S1", "", [])


def test_a_fact_told_as_a_change_of_state_is_the_other_side_of_its_denial():
    """'The chain will no longer serve tourists' tells a new policy; the chain's denial of it is a dispute. A plainly
    negated telling ('the chain will not serve tourists') stays too uncertain to be the other side."""
    denial = said("the chain will stop serving tourists from March", "the chain", "m", "denies", cue="denied")
    no_longer = said("from March the chain will no longer serve tourists", "a gossip site", "g")
    assert [d.statement_ids[:2] for d in find_disputes(CLAIM, [denial, no_longer], {})] == [[denial.id, no_longer.id]]
    negated = said("from March the chain will not serve tourists", "a gossip site", "g")
    assert find_disputes(CLAIM, [denial, negated], {}) == []


def test_no_longer_is_no_negation_of_what_is_told_but_not_is():
    assert not negatively_worded("the ferry will no longer stop at the island")
    assert negatively_worded("the ferry will no longer stop at the island, and no one knows why")
    assert negatively_worded("the ferry will not stop at the island")
