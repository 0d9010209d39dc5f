"""Two assertions that are no other side of a denial: a telling of what the denier said ("the woman admitted in
court that ..." against her "denied all allegations": her words against hers), and a directive ("challenging people
to find a gold watch under $20,000": a dare asserts nothing). Hand-written texts; each with a case that still
matches."""

from __future__ import annotations

from storytrace.link.disputes import directive, find_disputes, own_words_told
from storytrace.model import Claim

from tests.link.hand_made import said

CLAIM = Claim("C1", "S1", "", [])
DENIAL = said("the keeper had fed the zoo's lions with stray cats", "the keeper", "a", "denies", cue="denied")


def test_the_deniers_own_later_words_told_by_another_are_no_side():
    admitted = said("the keeper admitted in court that he had fed the zoo's lions with stray cats", "a tabloid", "b")
    assert own_words_told(DENIAL, admitted)
    assert find_disputes(CLAIM, [DENIAL, admitted], {}) == []


def test_another_sources_telling_of_the_same_deed_is_still_a_side():
    witness = said("the keeper had fed the zoo's lions with stray cats for a year", "a visitor", "b")
    assert not own_words_told(DENIAL, witness)
    assert [d.statement_ids[:2] for d in find_disputes(CLAIM, [DENIAL, witness], {})] == [[DENIAL.id, witness.id]]


def test_a_dare_asserts_nothing():
    dare = said("people to find a solid gold watch that costs less than $20,000", "a blogger", "b", cue="challenging")
    assert directive(dare)
    denial = said("one could find a gold watch for under $10,000", "a site", "a", "denies", cue="doubts")
    assert find_disputes(CLAIM, [denial, dare], {}) == []
    assert not directive(said("a gold watch costs less than $20,000", "a blogger", "b", cue="wrote"))
