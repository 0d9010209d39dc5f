"""Taking something up is no statement: "echo her concerns", "highlights the closures", "pushed the strategy",
"has embraced his approach", "are challenging the rules" (in court) report a thing taken
up or acted on, while their doer stays the one a later "they" stands for. Hand-written sentences for the deed and
bare-object classes read on PolNeAR dev."""

from __future__ import annotations

from tests.analyze.said_by import said_with_cue


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return said_with_cue(nlp, text, outlet="The Gazette")


def test_a_thing_taken_up_is_no_statement(nlp):
    assert found(nlp, "Several council members echo her concerns.") == []
    assert found(nlp, "The film highlights the closures of the harbour schools.") == []
    assert found(nlp, "Mayor Ines Volk has embraced the governor's go-it-alone approach.") == []


def test_the_doer_of_a_deed_is_who_they_are_after_it(nlp):
    """"Twelve towns are challenging the rules in court. They argue ...": the suit is no statement, the towns
    argue."""
    said = found(nlp, "Twelve harbour towns are challenging the ferry agency's new rules in court. They argue the "
                      "agency overstepped its authority.")
    assert said == [("Twelve harbour towns", "argue", "the agency overstepped its authority")]


def test_taking_up_a_claim_or_a_call_still_says_it(nlp):
    """Must not change: "echoed claims that ...", "challenged the claim that ...", "pushed for a vote"."""
    assert found(nlp, "Senator Ada Pike echoed claims that the vote was rigged.") == [
        ("Ada Pike", "echoed", "the vote was rigged")]
    assert found(nlp, "The mayor challenged the claim that the port is bankrupt.") == [
        ("The mayor", "challenged", "the port is bankrupt")]
    assert found(nlp, "Mayor Ines Volk pushed for a new vote on the levy.") == [
        ("Mayor Ines Volk", "pushed for", "a new vote on the levy")]
