"""A denying verb with someone it is denied to withholds a thing; it denies no claim."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_statements


def cues_found(nlp, text: str) -> dict[str, str]:
    return {s.cue: s.text for s in extract_statements(nlp(text), outlet="The Gazette")}


def test_denied_him_a_visa_is_a_deed(nlp):
    assert "denied" not in cues_found(nlp, "The embassy denied him a visa.")


def test_could_deny_them_permits_is_a_deed(nlp):
    assert "could deny" not in cues_found(nlp, "If they failed, the county could deny them building permits.")


def test_denied_the_report_still_denies(nlp):
    # must not change: a claim denied, nobody it is denied to
    assert cues_found(nlp, "The company denied the report.")["denied"] == "the report"
    assert cues_found(nlp, "The minister denied the charges against him.")["denied"] == "the charges against him"
