"""The writer's own refutation is the outlet's denial of what it rejects; doubts, negations and quoted
refutations are not."""

from __future__ import annotations

import pytest

from storytrace.analyze.attribution import extract_statements
from tests.analyze.said_by import outlet_says


@pytest.mark.parametrize("text, content", [
    ("The report that the harbour master had resigned is false.", "the harbour master had resigned"),
    ("There is no evidence that the harbour master resigned.", "the harbour master resigned"),
    ("There is no truth to the reports that the harbour master resigned.", "the harbour master resigned"),
    ("The video of the ferry sinking turned out to be a hoax.", "The video of the ferry sinking"),
    ("The ferry did not, contrary to some reports, sink off the harbour.",
     "The ferry did not, contrary to some reports, sink off the harbour"),
    ("The harbour master has not been dismissed as has been previously claimed.",
     "The harbour master has not been dismissed as has been previously claimed"),
    ('She did not, as some sites report, "drive the bus" into the river.',
     'She did not, as some sites report, "drive the bus" into the river'),
    ("It is untrue that the harbour master resigned.", "the harbour master resigned"),
    # terse: the linker reads it as the report its article tells beside it (link.targets)
    ("The story turned out to be a hoax.", "The story"),
    # "This" points at the sentence before it
    ("The harbour master resigned on Monday.\n\nThis is false.", "The harbour master resigned on Monday"),
])
def test_a_refutation_in_the_writers_voice_is_the_outlets_denial(nlp, text, content):
    assert outlet_says(nlp, text) == [("denies", content)]


@pytest.mark.parametrize("text", [
    "The report that the harbour master resigned may be false.",
    "Or maybe the report about the harbour master is inaccurate.",
    "There is still a small chance that the video of the ferry sinking will prove to have been fake.",
    "The report that the harbour master resigned is not false.",
    "The harbour master gave a false name to the clerk.",
    "The harbour master is wrong about the tides.",
    "The ferry did not sail, as reported earlier.",
    "As reported, the ferry did not sail.",
    "The harbour master has apparently not resigned, as has been claimed.",
    "Contrary to published reports, there was no ferry in the harbour.",
    "It is false.",
    "This is false.",
    "The ferry sank. This is false, and the harbour master knows it well because he was on the quay that day.",
    "They are fake.",
])
def test_doubts_negations_and_other_uses_of_the_words_are_no_refutation(nlp, text):
    assert outlet_says(nlp, text) == []


def test_a_quoted_denial_set_against_the_reports_denies(nlp):
    """'She said that, contrary to reports, she had not resigned' is her denial of the reports."""
    found = extract_statements(nlp("The harbour master said that, contrary to reports, she had not resigned."),
                               outlet="The Ledger")
    assert [(s.speaker.name, s.polarity) for s in found] == [("The harbour master", "denies")]


def test_a_quoted_refutation_belongs_to_whoever_made_it(nlp):
    """'Officials said the report is false' is the officials' denial, not the outlet's."""
    found = extract_statements(nlp("Officials said the report that the harbour master resigned is false."),
                               outlet="The Ledger")
    assert [(s.speaker.name, s.polarity) for s in found] == [("Officials", "denies")]


def test_this_is_false_after_a_reported_statement_stands_for_that_statement(nlp):
    """'The blog claims that ... . This is false.': the outlet's terse denial, whose target the linker takes from
    the blog's statement beside it."""
    found = extract_statements(nlp("The blog claims that the harbour master resigned on Monday.\n\nThis is false."),
                               outlet="The Ledger")
    assert [(s.speaker.name, s.polarity, s.text) for s in found] == [
        ("The blog", "asserts", "the harbour master resigned on Monday"), ("The Ledger", "denies", "This")]


def test_a_quote_with_no_cue_of_its_own_hides_no_refutation_before_it(nlp):
    """A quote that goes on from the one before has no cue of its own; the refutation ahead of it is still the
    outlet's denial."""
    text = ('"The quay will reopen in May," the harbour master said.\n\nThe report that the ferry had sunk is '
            'false.\n\n"Nothing has changed for the passengers who booked the crossing."')
    assert ("denies", "the ferry had sunk") in outlet_says(nlp, text)
