"""'citing ...' after a reported clause: whose citing it is, and where the reported clause ends."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_statements

OUTLET = "The Gazette"


def found(nlp, text: str) -> dict[str, tuple[str, str, list[str]]]:
    """Cue -> (text, speaker, chain) of the statements found."""
    return {s.cue: (s.text, s.speaker.name, s.chain) for s in extract_statements(nlp(text), outlet=OUTLET)}


def test_citing_hung_on_a_clause_of_things_is_the_sayers(nlp):
    got = found(nlp, "Local economists said rising rents have hurt small shops, citing the closure of a bakery.")
    assert got["said"][0] == "rising rents have hurt small shops"
    assert got["citing"][:2] == ("the closure of a bakery", "Local economists")
    assert got["citing"][2] == [OUTLET, "Local economists"]


def test_citing_after_a_clause_about_a_plan_ends_the_clause(nlp):
    got = found(nlp, "The mayor said the plan would cut costs, citing a survey of local firms.")
    assert got["said"][:2] == ("the plan would cut costs", "The mayor")


def test_a_person_in_the_clause_still_cites_for_himself(nlp):
    # must not change: the minister could cite ill health, so the participle stays in what the officials said
    got = found(nlp, "Officials said the minister resigned, citing ill health.")
    assert got["said"][0] == "the minister resigned, citing ill health"
    assert got["citing"][1] == "the minister"


def test_the_release_of_prisoners_is_a_reason_not_a_source(nlp):
    got = found(nlp, '"The town has changed," Johnson said in May, citing the release of two prisoners.')
    assert got["said"][1:] == ("Johnson", [OUTLET, "Johnson"])
    assert got["citing"][:2] == ("the release of two prisoners", "Johnson")
