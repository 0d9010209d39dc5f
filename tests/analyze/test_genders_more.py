"""The gender the article gives a person beyond honorifics and "X said he": a gendered noun of the title or
apposition, a possessive ahead of the subject, a reflexive of the subject; and what gives none."""

from __future__ import annotations

from storytrace.analyze.genders import document_genders
from tests.analyze.said_by import speakers


def genders(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return document_genders(doc, [e for e in doc.ents if e.label_ == "PERSON"], set())


def test_a_gendered_title_or_apposition_tells_the_gender(nlp):
    found = genders(nlp, "Spokeswoman Dana Pryce took questions. Tom Becker, the mayor's husband, stood by.")
    assert found.get("pryce") == "f" and found.get("becker") == "m"


def test_a_role_that_says_no_gender_tells_none(nlp):
    found = genders(nlp, "Chairman Dana Pryce took questions. Tom Becker, the harbour director, stood by.")
    assert "pryce" not in found and "becker" not in found


def test_a_possessive_ahead_of_the_subject_is_the_subjects(nlp):
    found = genders(nlp, "Dana Pryce won the vote. In her first speech, Pryce promised a new ferry.")
    assert found.get("pryce") == "f"


def test_a_possessive_after_another_name_decides_nothing(nlp):
    """"In Becker's view of her plan": "her" may be anyone's but Becker's."""
    found = genders(nlp, "In Tom Becker's view of her plan, Pryce promised too much.")
    assert "pryce" not in found


def test_a_reflexive_of_the_subject_is_the_subjects(nlp):
    assert genders(nlp, "Dana Pryce defended herself at the hearing.").get("pryce") == "f"


def test_he_skips_the_woman_named_just_before(nlp):
    """Spokeswoman Pryce is a woman, so the denial's "he" goes back to the man who spoke before her."""
    text = ('"The ferry will run," Tom Becker said on Monday. Spokeswoman Dana Pryce announced a new timetable. '
            'He denied that the fares would rise.')
    assert speakers(nlp, text)["the fares would rise"] == "Tom Becker"


def test_he_skips_a_woman_described_not_named(nlp):
    """"A woman at the pier" is a woman though unnamed: the "he" after her is the man who spoke before."""
    text = ('Tom Becker said the ferry was late. A woman at the pier said the fares were too high. '
            '"We will fix it," he said.')
    assert speakers(nlp, text)["We will fix it"] == "Tom Becker"


def test_she_in_the_sentence_is_the_woman_named_there_not_the_subject_of_no_told_gender(nlp):
    """"Becker called Morris a disgrace after she blamed ...": Mrs. Morris is the one woman the article names."""
    text = ("Mrs. Linda Morris spoke at noon. Governor Tom Becker called Linda Morris a disgrace after she blamed the "
            "floods on the port.")
    assert speakers(nlp, text)["the floods on the port"] == "Linda Morris"


def test_she_stays_with_the_subject_when_no_one_else_is_told_a_woman(nlp):
    text = "Tom Becker spoke at noon. Linda Morris said she would stay."
    assert speakers(nlp, text)["she would stay"] == "Linda Morris"


def test_a_sentence_with_pronouns_of_both_genders_decides_nothing(nlp):
    """"Pryce said he ignored her orders": "he" is the man she spoke of, so Pryce is not made a man."""
    found = genders(nlp, "Tom Becker ran from the dock. Officer Dana Pryce said he ignored her orders.")
    assert found.get("pryce") != "m"
