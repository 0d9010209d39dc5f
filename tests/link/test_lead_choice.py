"""Which assertion a denial is shown against first: the one that says, in the denial's own words, what it rejects,
among those about as near in meaning; never one far in meaning for its words alone."""

from __future__ import annotations

from storytrace.link.disputes import find_disputes
from storytrace.model import Claim

from tests.link.hand_made import said

CLAIM = Claim("C1", "S1", "", [])


def _lead(denial, assertions, meaning):
    [dispute] = find_disputes(CLAIM, [denial, *assertions], {}, similarity=lambda a, b: meaning[b.id])
    return dispute.statement_ids[1]


def test_the_assertion_that_answers_the_denial_word_for_word_leads():
    """The palace denies the prince personally flew the rescue helicopter: 'the prince will personally fly the
    rescue helicopter' answers it, though 'the prince will order more rescue flights' is a little nearer overall."""
    denial = said("the prince, a trained pilot, personally flew the rescue helicopter", "the palace", "m", "denies")
    orders = said("the prince will order more rescue flights over the valley", "the radio", "r")
    flies = said("the prince will personally fly the rescue helicopter, a trained pilot at the controls", "a daily",
                 "d")
    assert _lead(denial, [orders, flies], {orders.id: 0.84, flies.id: 0.78}) == flies.id


def test_one_word_more_does_not_displace_the_first_telling():
    """Two tellings of one story differ by a word or so: the first, as near in meaning, keeps the lead."""
    denial = said("the prince personally flew the rescue helicopter", "the palace", "m", "denies")
    first = said("the prince flew the rescue helicopter himself", "the radio", "r")
    other = said("the prince personally flew a rescue helicopter", "a daily", "d")
    assert _lead(denial, [first, other], {first.id: 0.84, other.id: 0.8}) == first.id


def test_words_alone_do_not_lead_an_assertion_far_in_meaning():
    """An assertion sharing many of the denial's words but well below the nearest in meaning does not lead."""
    denial = said("the prince, a trained pilot, personally flew the rescue helicopter", "the palace", "m", "denies")
    near = said("the prince took the controls of the mountain rescue", "the radio", "r")
    wordy = said("a trained pilot personally flew the rescue helicopter for the prince's cousin", "a daily", "d")
    assert _lead(denial, [near, wordy], {near.id: 0.85, wordy.id: 0.6}) == near.id


def test_the_denial_told_through_the_fewest_sources_leads():
    """One ministry's denial, told by a paper citing an agency and by another paper directly: the direct telling
    leads though it has fewer words; a plain cue does not lead over a denying one however direct."""
    retold = said("the woman held at the border crossing last week is the rebel leader's wife", "the ministry", "x",
                  "denies", cue="denied")
    retold.chain = ["The Courier", "the agency", "the ministry"]
    direct = said("the woman held at the border is the rebel leader's wife", "the ministry", "y", "denies",
                  cue="denied")
    direct.chain = ["The Herald", "the ministry"]
    report = said("the army detained the rebel leader's wife at the border", "security officials", "z")
    [dispute] = find_disputes(CLAIM, [retold, direct, report], {})
    assert dispute.statement_ids[0] == direct.id
    direct.cue = "said"
    [dispute] = find_disputes(CLAIM, [retold, direct, report], {})
    assert dispute.statement_ids[0] == retold.id
