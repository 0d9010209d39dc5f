"""A "could" or "may" that is not the speaker's hedge: in a purpose or a condition, in what someone wishes, in a
question named, and in a quotation that goes on from the one before. Hand-written sentences for the polarity class
read on PolNeAR dev."""

from __future__ import annotations

import pytest

from storytrace.analyze.attribution import extract_attributions


def stances(nlp, text: str) -> dict[str, str]:
    return {a.statement.text: a.statement.polarity for a in extract_attributions(nlp(text))}


@pytest.mark.parametrize("text, content", [
    ("Senator Ada Pike said developers had added poor districts to rich ones so they could use the fund.",
     "developers had added poor districts to rich ones so they could use the fund"),
    ("The harbour master said most skippers wish they could go back and change their routes.",
     "most skippers wish they could go back and change their routes"),
    ("The judge wrote that if the court were to deprive him of his rights, that ground does not exist for his wife.",
     "if the court were to deprive him of his rights, that ground does not exist for his wife"),
    ("Analysts said the wording was too vague to determine who could take part.",
     "the wording was too vague to determine who could take part"),
])
def test_a_modal_in_a_subordinate_clause_is_no_hedge(nlp, text, content):
    assert stances(nlp, text)[content] == "asserts"


def test_the_speakers_own_modal_still_hedges(nlp):
    """Must not change: "the levy could fail", "if the levy fails, the ferry might close" are speculation."""
    assert stances(nlp, "Senator Ada Pike said the levy could fail.") == {"the levy could fail": "speculates"}
    assert stances(nlp, "Senator Ada Pike said that if the levy fails, the ferry might close.") == {
        "if the levy fails, the ferry might close": "speculates"}


def test_a_continued_quotation_is_read_as_the_first_is(nlp):
    """The second quotation takes its speaker from the first and its stance from its own parse: the condition's
    "may" does not hedge the judge's conclusion."""
    text = ('"The other party is not a candidate," Judge Mara Holt wrote. "If the court were to look there on the '
            'ground that there may be something useful, that ground does not exist in her case."')
    found = stances(nlp, text)
    second = ("If the court were to look there on the ground that there may be something useful, that ground does "
              "not exist in her case.")
    assert found[second] == "asserts"
