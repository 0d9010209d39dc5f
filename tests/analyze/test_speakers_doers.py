"""Who does the saying in a non-finite clause: the one blamed or praised "for saying", the one "called on" to
speak, not the subject of the sentence around it (rules on the parse; hand-written sentences)."""

from __future__ import annotations

from tests.analyze.said_by import speakers


def test_the_one_criticized_for_saying_said_it(nlp):
    """"Critics faulted X for saying ...": X said it, the critics only faulted him."""
    found = speakers(nlp, "Harbour unions criticized Mayor Tom Becker for saying the docks were safe.")
    assert found["the docks were safe"] == "Tom Becker"


def test_the_one_praised_for_insisting_said_it(nlp):
    found = speakers(nlp, "The council praised the fire chief for insisting that the old mill was sound.")
    assert found["the old mill was sound"] == "the fire chief"


def test_the_one_called_on_to_apologize_made_the_accusation(nlp):
    """"called on Y to apologize for accusing Z": Y accused Z, not the one who called on Y."""
    text = "Linda Morris on Tuesday called on Bill Hughes to apologize to the dockers for accusing them of theft."
    found = speakers(nlp, text)
    assert found["them of theft"] == "Bill Hughes"


def test_apologizing_for_saying_stays_with_the_subject(nlp):
    """With no one blamed, the subject who apologized is the one who said it."""
    found = speakers(nlp, "Bill Hughes apologized for saying that the ferry would close.")
    assert found["the ferry would close"] == "Bill Hughes"


def test_a_day_after_on_is_no_one_called_on(nlp):
    """"said on Monday": the day is when, and the subject still speaks."""
    found = speakers(nlp, "The harbour master said on Monday that the storm had passed.")
    assert found["the storm had passed"] == "The harbour master"


def test_the_one_recorded_speaks_not_the_footage(nlp):
    found = speakers(nlp, 'The ad uses footage of Linda Morris asking, "Why am I not ahead?"')
    assert found["Why am I not ahead?"] == "Linda Morris"


def test_they_after_an_organisation_subject_is_the_organisation(nlp):
    """"The watchdog group checked ... they published ... by announcing": the group, not an unresolved "they"."""
    text = ("The watchdog group checked the claim. On Tuesday they published the results by announcing that the "
            "claim was true.")
    assert speakers(nlp, text)["the claim was true"] == "The watchdog group"


def test_they_after_a_plural_speaker_stays_with_the_speakers(nlp):
    text = ('The dockers said the talks had failed. The port authority met on Monday. "We are not moving," they said.')
    assert speakers(nlp, text)["We are not moving"] != "The port authority"


def test_a_list_of_people_broken_by_brackets_speaks_together(nlp):
    """"X (D-Ore.), Y (D-Ohio) and Z (D-N.J.) all suggested": the three, not the first alone."""
    text = ("Sens. Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.) all suggested that "
            "the fees could be grounds for a case.")
    assert speakers(nlp, text)["the fees could be grounds for a case"] == (
        "Jeff Merkley, Sherrod Brown and Robert Menendez")


def test_one_person_with_a_bracket_stays_one(nlp):
    assert speakers(nlp, "Tom Becker (D-Ore.) said the port was closed.")["the port was closed"] == "Tom Becker"


def test_who_after_a_place_is_the_people_there(nlp):
    """"Democrats on Capitol Hill, who have argued": the Democrats, not the hill."""
    text = "The ferry deal will calm nervous Liberals on Parliament Hill, who have argued that the port needs money."
    assert speakers(nlp, text)["the port needs money"] == "nervous Liberals"


def test_a_relative_clause_on_an_apposition_speaks_for_the_ones_named(nlp):
    """"Norway and Chile, the two biggest fishing nations, which vowed": the two countries, not the description."""
    text = ("Much of the push came from Norway and Chile, the two biggest fishing nations, which together vowed to "
            "protect the reefs.")
    assert speakers(nlp, text)["to protect the reefs"] == "Norway and Chile"
