"""Both sides saying the same: an assertion that itself rejects or doubts (calls someone a liar, finds a thing hard to
relate, sets one thing in place of another), tells hearsay, or tells of a story as a thing someone tells is no other
side of a denial; nor is a negated feeling a denial. Hand-written texts; each rule has a case that must still match."""

from __future__ import annotations

import pytest

from storytrace.analyze.stance_words import negates_a_feeling, negatively_worded
from storytrace.link.disputes import find_disputes, tells_of
from storytrace.model import Claim

from tests.link.hand_made import said

CLAIM = Claim("C1", "S1", "", [])


@pytest.mark.parametrize("text", [
    "the rebels are being illogical and they're lying",
    "the rebels lied about the bridge",
    "the rebels' claim about the bridge was illogical from start to finish",
    "I think it is hard to relate the minister's absence to his health",
    "the ferry will carry bicycles rather than cars from May",
    "the council will issue fines instead of closing the market",
])
def test_an_assertion_that_rejects_or_doubts_in_its_own_words_is_negatively_worded(text):
    assert negatively_worded(text)


@pytest.mark.parametrize("text", [
    "the fisherman was found lying on the pier",
    "the minister's absence is related to his health",
    "the ferry will carry cars from May",
])
def test_a_plain_assertion_is_not(text):
    assert not negatively_worded(text)


def test_the_rebels_called_liars_are_no_other_side_of_a_denial_of_their_claim():
    """The ministry disputes the rebels' claim and its spokesman calls them liars: one side, not two."""
    denial = said("the rebels' claim that the bridge fell", "the ministry", "a", "denies", cue="disputed")
    liars = said("the rebels are being illogical about the bridge and they're lying", "a spokesman", "b")
    claim = said("the rebels said the bridge fell into the river", "a reporter", "c")
    disputes = find_disputes(CLAIM, [denial, liars, claim], {})
    assert [d.statement_ids[:2] for d in disputes] == [[denial.id, claim.id]]
    assert liars.id not in disputes[0].statement_ids


@pytest.mark.parametrize("text, hearsay", [
    ("the bakery has heard that people are saying it sells blue bread", True),
    ("fans were claiming the band had split", True),
    ("the board asked the mayor to stop telling the story in public", True),
    ("the bakery sells blue bread on Sundays", False),
    ("the mayor told the board the bridge would open in May", False),
])
def test_hearsay_and_a_story_told_as_a_thing_only_tell_of_the_claim(text, hearsay):
    assert tells_of(said(text, "someone", "a")) is hearsay


def test_a_company_that_has_heard_the_rumour_does_not_assert_it():
    denial = said("the bakery would not be selling blue bread", "a bakery spokesman", "a", "denies", cue="denied")
    hearsay = said("the bakery has heard that people are saying it sells blue bread", "the bakery", "b")
    assert find_disputes(CLAIM, [denial, hearsay], {}) == []
    report = said("the bakery sells blue bread on Sundays", "a food blog", "c")
    assert [d.statement_ids[:2] for d in find_disputes(CLAIM, [denial, report], {})] == [[denial.id, report.id]]


def test_a_negated_feeling_is_no_denial():
    assert negates_a_feeling("the maker isn't happy with the battery life of the watch just yet")
    assert negates_a_feeling("the coach was not at all pleased with the pitch")
    assert not negates_a_feeling("the maker is not making a new watch")
    feeling = said("the maker isn't happy with the battery life of the watch just yet", "a reporter", "a",
                   "denies", cue="reports")
    work = said("the maker is working to improve the battery life of the watch", "sources", "b")
    assert find_disputes(CLAIM, [feeling, work], {}) == []


def test_a_denying_cue_keeps_a_negated_feeling_a_denial():
    """'denied that the coach was not happy' is a denial by its cue, whatever its words."""
    denial = said("the coach was not happy with the pitch", "the club", "a", "denies", cue="denied")
    report = said("the coach complained that he was unhappy with the pitch", "a paper", "b")
    assert len(find_disputes(CLAIM, [denial, report], {})) == 1
