"""A definite description ("the nominee", "the senator") as a subject goes on about the person the narrative was
just about, as a reader takes it; an aide, an institution's officer or a title another person bears is not."""

from __future__ import annotations

from tests.analyze.said_by import speakers


def test_the_nominee_is_the_person_of_the_sentence_before(nlp):
    text = ("Tom Becker says he has big plans for the last month of the race.\n\n"
            "The Liberal nominee noted Friday that his campaign had spent little on radio ads.")
    assert speakers(nlp, text)["his campaign had spent little on radio ads"] == "Tom Becker"


def test_the_candidate_and_his_he_are_one_person(nlp):
    """"The candidate" and the "he" after it are the named candidate, not two people."""
    text = ("Tom Becker won the harbour ward in May. The candidate said on Monday that he would cut the ferry fares. "
            "He said the port budget was too big.")
    found = speakers(nlp, text)
    assert found["he would cut the ferry fares"] == "Tom Becker"
    assert found["the port budget was too big"] == "Tom Becker"


def test_an_institutions_officer_is_someone_else(nlp):
    """"The FBI director" after a candidate's words is the director, not the candidate."""
    text = ("Tom Becker said the port was unsafe. The FBI director criticized the port authority but did not "
            "recommend charges.")
    assert "Tom Becker" not in {speakers(nlp, text).get("charges"), speakers(nlp, text).get("the port authority")}


def test_a_spokesman_is_not_the_person_named_before(nlp):
    text = 'Tom Becker said the port was unsafe. The spokesman said that the port would close on Sunday.'
    assert speakers(nlp, text)["the port would close on Sunday"] != "Tom Becker"


def test_a_title_another_person_bears_is_hers(nlp):
    """Senator Jane Roe bears the title: "the senator" is she even though Bill Hughes spoke last."""
    text = "Senator Jane Roe spoke first. Bill Hughes spoke next. The senator said the ferry bill would pass."
    assert speakers(nlp, text)["the ferry bill would pass"] == "Jane Roe"


def test_a_description_far_back_is_not_resolved(nlp):
    text = ("Tom Becker won the harbour ward in May. The ferries ran late all summer. The fares rose twice. "
            "The docks flooded in August. The storms kept coming. The candidate said the port needed a new wall.")
    assert speakers(nlp, text)["the port needed a new wall"] == "The candidate"


def test_a_description_the_person_named_before_does_not_fit_is_someone_else(nlp):
    """Rep. Roe, a lawmaker by title, is no "mayor"; and one description never stands for another."""
    text = ("Rep. Jane Roe, the top Liberal on the harbour committee, called on the governor to act. "
            "The mayor called the plan a disaster. The congressman said the ferry was late.")
    found = speakers(nlp, text)
    assert found["the plan a disaster"] == "The mayor"
    assert found["the ferry was late"] != "The mayor"


def test_an_office_the_article_never_gives_the_person_is_someone_else(nlp):
    """Nothing says Linda Morris is a mayor: "the mayor" is not taken for her."""
    text = "Linda Morris spoke out on Tuesday about the port.\n\nThe mayor said the plan would cost too much."
    assert speakers(nlp, text)["the plan would cost too much"] == "The mayor"


def test_an_office_the_article_gives_the_person_is_hers(nlp):
    text = "Harbour Sen. Jane Roe spoke on Tuesday. The senator said she would block the bill."
    assert speakers(nlp, text)["she would block the bill"] == "Jane Roe"
