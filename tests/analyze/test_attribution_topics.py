"""What a statement is about is not what was said: "spoke about X", "its claims about X" name a topic, and a title
before a possessor belongs to the possessor ("candidate Lea Brandt's doctor"). Hand-written sentences for error
classes read on PolNeAR dev (bare objects, roles)."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_attributions
from tests.analyze.said_by import said_with_cue


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return said_with_cue(nlp, text)


def test_spoke_about_a_noun_phrase_is_a_topic(nlp):
    """"spoke about her ties to the harbour unions": nothing said of the ties, no statement."""
    assert found(nlp, "Mayor Ines Volk spoke about her long ties to the harbour unions.") == []
    assert found(nlp, "Councillor Ben Ortiz talked about the ferry budget at length.") == []


def test_claims_about_a_noun_phrase_are_a_topic(nlp):
    """"the minister's claims about the strength of the dam": what the claims say is not in the sentence."""
    assert found(nlp, "It is hard to assess the minister's claims about the strength of the new dam.") == []


def test_what_a_cue_takes_as_its_object_stays_a_statement(nlp):
    """Must not change: a noun phrase the cue takes ("denied the report") and a claim noun's "that"-clause stay
    what was said."""
    denied = found(nlp, "Mayor Ines Volk denied the report about the harbour fund.")
    assert [text for _, _, text in denied] == ["the report about the harbour fund"]
    claim = found(nlp, "The minister's claim that the dam is safe was disputed.")
    assert [text for _, _, text in claim] == ["the dam is safe"]


def test_a_title_before_a_possessor_is_not_the_speakers_role(nlp):
    """"Green Party candidate Lea Brandt's doctor says ...": the doctor speaks, the title is Brandt's."""
    statement = extract_attributions(nlp("Green Party candidate Lea Brandt's doctor says she is in good health."))
    assert len(statement) == 1
    assert statement[0].statement.speaker.name == "Lea Brandt's doctor"
    assert statement[0].statement.speaker.role is None


def test_a_title_before_the_speaker_stays_the_role(nlp):
    """Must not change: "Green Party candidate Lea Brandt says ..." keeps her title as her role."""
    statement = extract_attributions(nlp("Green Party candidate Lea Brandt says she is in good health."))
    assert [(a.statement.speaker.name, a.statement.speaker.role) for a in statement] == [
        ("Lea Brandt", "Green Party candidate")]


def test_the_same_thing_said_again_is_no_statement(nlp):
    """"has said the same thing", "indicated as much": a pro-form for words given elsewhere, nothing to check."""
    assert found(nlp, "A chorus of councillors has said the same thing, including the former mayor Tom Reed.") == []
    assert found(nlp, "The head of the ferry company indicated as much in an email.") == []


def test_the_same_as_a_modifier_still_says_something(nlp):
    """Must not change: "said the same rules apply to the ferries" is a clause."""
    assert found(nlp, "Tom Reed said the same rules apply to the ferries.") == [
        ("Tom Reed", "said", "the same rules apply to the ferries")]


def test_a_headline_kicker_before_a_colon_is_no_speaker(nlp):
    """"Stealth Over Health: The Mayor Was Taken Home Early": the outlet's kicker, not someone speaking; a name before
    a colon still speaks ("Volk: Time for a new ferry plan")."""
    assert found(nlp, "Stealth Over Health: The Mayor Was Taken Home Early To Avoid Bad Optics\n\nThe mayor left.") == []
    said = found(nlp, "Volk: Time for a new ferry plan\n\nThe mayor spoke on Monday.")
    assert [(speaker, text) for speaker, _, text in said] == [("Volk", "Time for a new ferry plan")]
