"""The writer calling a report not true ("the story is not true", "the article saying ... isn't real", "it is not
true that ...") refutes it as "is false" does; a truth said plainly, doubted or of a thing that is no claim does
not."""

from __future__ import annotations

import pytest

from storytrace.analyze.attribution import extract_statements
from tests.analyze.said_by import outlet_says


@pytest.mark.parametrize("text, content", [
    ("It is not true that the harbour master resigned.", "the harbour master resigned"),
    ("The report that the harbour master had resigned is not true.", "the harbour master had resigned"),
    ("The story of the ferry sinking isn’t real.", "The story of the ferry sinking"),  # a curly apostrophe
    ("The photo of the flooded quay is not genuine.", "The photo of the flooded quay"),
])
def test_a_report_called_not_true_is_refuted(nlp, text, content):
    assert outlet_says(nlp, text) == [("denies", content)]


def test_the_cue_keeps_the_negation(nlp):
    [statement] = [s for s in extract_statements(nlp("The story of the ferry sinking is not true."),
                                                 outlet="The Ledger") if s.speaker.name == "The Ledger"]
    assert statement.cue == "is not true"


@pytest.mark.parametrize("text", [
    "The report that the harbour master resigned is true.",  # a truth, not a refutation
    "The story of the ferry sinking may not be true.",  # a doubt
    "The harbour master is not real happy about the tides.",  # not said of a claim
    "It is not true.",  # "it" may be anything
])
def test_what_calls_nothing_untrue(nlp, text):
    assert outlet_says(nlp, text) == []
