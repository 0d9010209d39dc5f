"""Deeds that look like speech: a thing withheld ("denied him a visa"), an amount filed ("claimed a loss"), a work
made or shared ("wrote songs", "retweeted a photo")."""

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


def test_reporting_gains_on_a_return_is_a_filing(nlp):
    assert "reporting" not in cues_found(nlp, "Under the plan, taxpayers reporting capital gains would pay more.")


def test_claiming_a_loss_is_a_filing(nlp):
    assert "had claimed" not in cues_found(nlp, "The paper wrote that the firm had claimed a loss of $90 million.")


def test_reporting_that_losses_were_small_still_reports(nlp):
    # must not change: a clause reported
    assert cues_found(nlp, "The firm reported that its losses were smaller than feared.")["reported"] == (
        "its losses were smaller than feared")


def test_writing_songs_is_a_deed(nlp):
    assert "writing" not in cues_found(nlp, "Many singers were writing songs about him.")


def test_retweeting_a_photo_is_a_deed(nlp):
    assert "retweeted" not in cues_found(nlp, "He also retweeted an unflattering photo of his rival.")


def test_writing_that_is_still_speech(nlp):
    # must not change: a clause written
    assert cues_found(nlp, "She wrote that the songs were about him.")["wrote"] == "the songs were about him"
