"""A role noun with a name beside it: the name is the speaker and the noun the role, even where the entity
recogniser takes an unfamiliar name for an organisation."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_attributions


def _speakers(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(a.statement.speaker.name, a.statement.speaker.role) for a in extract_attributions(nlp(text))]


def test_an_unfamiliar_name_beside_a_spokeswoman_is_her_name(nlp):
    [(name, role)] = _speakers(nlp, '"No sale has been agreed," said its spokeswoman, Ines Marlow, responding '
                                    'to a newspaper report.')
    assert name == "Ines Marlow" and "spokeswoman" in role


def test_an_organisation_beside_a_noun_that_is_no_person_stays_the_role(nlp):
    """Only a noun that denotes a person takes a name: "the regulator, Ofwat," keeps its own reading."""
    speakers = _speakers(nlp, '"The fine stands," said the regulator, Ofwat Holdings Board, on Tuesday.')
    assert all(name != "Ofwat Holdings Board" or role is None for name, role in speakers)


def test_a_point_in_time_after_the_speaker_is_not_part_of_the_name(nlp):
    """"The mayor at the time said ...": the time of the saying, so the speaker is "The mayor" (one person with
    the mayor who speaks elsewhere); a place after the speaker stays part of who spoke."""
    names = {name for name, _ in _speakers(nlp, "The mayor at the time said the quay would reopen in May.")}
    assert names == {"The mayor"}
    names = {name for name, _ in _speakers(nlp, "The head of the union at the port said the strike would go on.")}
    assert names == {"The head of the union at the port"}


def test_a_focus_adverb_is_no_part_of_the_name(nlp):
    """"Even Portvale, the island's only ally, said ...": the speaker is Portvale."""
    found = extract_attributions(nlp("Even Portvale, the island's only ally, said it was opposed to the test."))
    assert [a.statement.speaker.name for a in found] == ["Portvale"]


def test_a_bracketed_party_and_state_is_the_role_whole(nlp):
    """"Sen. Ada Pike (D-Vt.)": the role is "D-Vt.", not the "D" or "Vt" the parser split off."""
    assert _speakers(nlp, "Sen. Ada Pike (D-Vt.) said the levy fails.") == [("Ada Pike", "D-Vt.")]
    assert _speakers(nlp, "Sen. Ada Pike (Vt.) said the levy fails.") == [("Ada Pike", "Vt.")]
    assert _speakers(nlp, "Tom Reed, the mayor, said the levy fails.") == [("Tom Reed", "the mayor")]
