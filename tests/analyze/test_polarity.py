"""Statement polarity from cue and content, on plain strings and on parsed spans."""

from __future__ import annotations

import pytest

from storytrace.analyze.polarity import statement_polarity
from storytrace.model import POLARITIES


@pytest.mark.parametrize("cue, content", [
    ("denied", "it had proposed a liaison office"),
    ("rejected", "speculation that talks were imminent"),
    ("dismissed", "reports that he would resign"),
    ("said", "It's untrue"),
    ("said", "No such proposal has been made"),
    ("said", "There is no truth to the report"),
    ("said", "the claims were baseless"),
    ("said", "the report was groundless"),
    ("said", "the White House never proposed an office"),
    ("said", "the story is not true"),
    ("said", "the report was completely false"),
    ("confirmed", "no such proposal had been made"),
    ("had said", "no proposal for a liaison office had been made"),
])
def test_denials(cue, content):
    """A denial comes from the cue or from content that rejects the claim."""
    assert statement_polarity(cue, content) == "denies"


@pytest.mark.parametrize("cue, content", [
    ("declined to comment", ""),
    ("would not comment", "the report"),
    ("refused to comment", "the talks"),
    ("did not immediately respond", ""),
    ("would neither confirm nor deny", "the report"),
    ("said", "No comment"),
    ("would not say", "what else the letter contained"),
])
def test_declines_comment(cue, content):
    """Refusals to comment, however phrased, are declines_comment."""
    assert statement_polarity(cue, content) == "declines_comment"


@pytest.mark.parametrize("cue, content", [
    ("said", "the talks may resume next month"),
    ("said", "Kim might visit Seoul"),
    ("said", "the envoy could arrive on Monday"),
    ("said", "the deal would likely be signed"),
    ("said", "the summit is expected to take place in March"),
    ("said", "the office will possibly open"),
    ("said", "the leader appears to be ill"),
    ("speculated", "the talks would collapse"),
    ("predicted", "the talks would collapse"),
    ("seemed", "Sanders seemed to be losing ground"),
    ("is expected", "the minister is expected to announce a deal"),
    ("is widely believed", "taxes will rise"),
    ("reportedly", "the president reportedly left"),
])
def test_speculation(cue, content):
    """Hedged content, or a guessing cue, is speculation."""
    assert statement_polarity(cue, content) == "speculates"


@pytest.mark.parametrize("cue, content, expected", [
    ("confirmed", "the envoy had arrived", "confirms"),
    ("acknowledged", "mistakes were made", "confirms"),
    ("admitted", "the office had been discussed", "confirms"),
    ("said", "the talks were over", "asserts"),
    ("did not deny", "talks were under way", "asserts"),
    ("didn't deny", "talks were under way", "asserts"),
    ("said", "we could not accept the offer", "asserts"),
])
def test_confirms_and_asserts(cue, content, expected):
    """Confirming cues confirm; negated denials and unhedged claims assert."""
    assert statement_polarity(cue, content) == expected


def test_negated_override():
    """The caller may say the cue was negated when the cue text does not show it."""
    assert statement_polarity("denied", "the report", negated=True) == "asserts"


def test_month_may_is_no_hedge(nlp):
    """With a parse, "May" the month is not the modal "may"."""
    doc = nlp("The talks ended in May.")
    assert statement_polarity("said", doc[0:5]) == "asserts"
    doc = nlp("The talks may end soon.")
    assert statement_polarity("said", doc[0:5]) == "speculates"


def test_result_is_always_a_known_polarity():
    """Every answer is one of model.POLARITIES."""
    for cue in ("said", "denied", "", "xyz"):
        assert statement_polarity(cue, "anything at all") in POLARITIES


def test_declining_to_confirm_or_deny_is_no_denial(nlp):
    """The cue caught may be only "deny" of "declined to confirm or deny that ..."; the content stays unanswered."""
    doc = nlp("The ministry declined to confirm or deny that the ferry had been sold.")
    content = doc[8:13]
    assert content.text == "the ferry had been sold"
    assert statement_polarity("deny", content) == "declines_comment"
    plain = nlp("The ministry denied that the ferry had been sold.")
    assert plain[4:9].text == "the ferry had been sold"
    assert statement_polarity("denied", plain[4:9]) == "denies"
