"""Stance words have one home: the analyzer and the linker read a statement's negation and hedges alike."""

from __future__ import annotations

from storytrace.analyze.polarity import statement_polarity
from storytrace.analyze.stance_words import cue_is_negated, is_hedged, is_negated


def test_a_contrastive_however_neither_negates_nor_denies_in_either_stage():
    """'Officials, however, said ...' asserts for the analyzer and is not negated for the linker (one test for both)."""
    text = "however, the ferry will keep running through the winter"
    assert statement_polarity("said", text) == "asserts" and not is_negated(text)


def test_negation_rejection_and_affirming_negatives():
    """'nowhere' negates, 'a hoax' rejects, 'no doubt' affirms; a negated cue is read from its words."""
    assert is_negated("the minister was nowhere near the harbour") and is_negated("the report is a hoax")
    assert not is_negated("I have no doubt the ferry will run")
    assert cue_is_negated("did not say") and cue_is_negated("didn’t mention") and not cue_is_negated("said")


def test_hedges_are_read_from_one_pattern():
    """The linker's hedge test is the analyzer's: 'may stop' is a guess in both."""
    assert is_hedged("the ferry may stop in March") and not is_hedged("the ferry stops in March")
    assert statement_polarity("said", "the ferry may stop in March") == "speculates"


def test_a_rejecting_word_that_describes_what_someone_carries_rejects_nothing():
    """'Held for travelling with a fake passport' asserts; 'it is a fake passport' rejects the passport."""
    assert not is_negated("she was held for travelling with a fake passport")
    assert is_negated("it is a fake passport") and is_negated("the passport is fake")
