"""Whom "he" and "she" point back to: the person the narrative is about, of the gender the article gives them
(no coreference library works offline, so these are rules on the parse)."""

from __future__ import annotations

from storytrace.analyze.genders import document_genders
from tests.analyze.said_by import speakers


def test_he_goes_on_about_the_subject_of_the_last_sentence(nlp):
    """A person named as a main clause's subject after the last speaker is whom "he" continues."""
    text = ('"The tide is turning," added Councillor Tom Becker, the harbour chief. Bill Hughes spoke on Friday. '
            "Hughes has little support in the port wards. He recently courted dockers by telling them that "
            "their wages are too low.")
    assert speakers(nlp, text)["their wages are too low"] == "Bill Hughes"


def test_a_conditional_subject_is_not_whom_he_points_to(nlp):
    """"should Hughes return early" is no subject of the story: "he said" stays with the speaker before."""
    text = ('"It would be foolish not to plan," Tom Becker said. He added a caution, should Hughes return early. '
            '"Hughes better rest before the vote," he said.')
    assert speakers(nlp, text)["Hughes better rest before the vote"] == "Tom Becker"


def test_she_skips_a_man_the_article_calls_he(nlp):
    """Linda Morris is "she" in the article and Bill Hughes "he": "she said" is hers even when Hughes was named last."""
    text = ('"We are ready," Linda Morris said. She said she had waited all year. Bill Hughes spoke next, and he '
            'thanked the crowd. "It is over," she said.')
    assert speakers(nlp, text)["It is over"] == "Linda Morris"


def test_genders_come_from_honorifics_and_subject_pronouns(nlp):
    """"Mr. Hughes" is a man; "Morris said she" makes Morris a woman; a possessive decides nothing."""
    doc = nlp("Mr. Hughes arrived early. Linda Morris said she would stay. Tom Becker waved at his friends.")
    people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    genders = document_genders(doc, people, set())
    assert genders.get("hughes") == "m" and genders.get("morris") == "f" and "becker" not in genders


def test_a_headline_misread_is_not_the_usual_name(nlp):
    """A name met twice as "Bill Hughes" resolves there, not to a headline's once-met "Slam Bill Hughes"."""
    text = ("Dockers Slam Bill Hughes.\n\nBill Hughes spoke on Friday. Bill Hughes has few friends in the port. "
            '"We want jobs," Hughes said.')
    assert speakers(nlp, text)["We want jobs"] == "Bill Hughes"


def test_the_sender_of_words_speaks(nlp):
    """"A lesson from Linda Morris: ...", "Hughes sent out a series of tweets praising ...": the person whose
    words they are speaks, not the lesson or the tweets."""
    lesson = speakers(nlp, 'A lesson from Linda Morris: "Speak up and be heard."')
    tweets = speakers(nlp, "The mayor spoke after Bill Hughes sent out a series of tweets praising the new dock.")
    assert set(lesson.values()) == {"Linda Morris"} and set(tweets.values()) == {"Bill Hughes"}


def test_a_relative_clause_on_a_predicate_noun_speaks_for_the_subject(nlp):
    """"Hughes is a loud critic who has pledged to close the dock": the critic is Hughes."""
    assert set(speakers(nlp, "Bill Hughes is a loud critic who has pledged to close the dock.").values()) == {
        "Bill Hughes"}


def test_a_name_the_parser_hung_on_a_place_names_the_person(nlp):
    """"His old partner at Lenox, Bill Hughes, called ...": Hughes speaks, not "His old partner at Lenox"."""
    said = speakers(nlp, "His old partner at Lenox, Bill Hughes, called him a genius at making deals.")
    assert set(said.values()) == {"Bill Hughes"}


def test_a_brief_speaks_for_its_author(nlp):
    """"Linda Morris's brief said ...": Morris speaks through her filing."""
    assert set(speakers(nlp, "Linda Morris's brief said that was not her view.").values()) == {"Linda Morris"}


def test_a_relative_clause_misread_as_adverbial_still_speaks_for_its_noun(nlp):
    """"turned to the Harbour Police Department which reported ...": the department reported."""
    said = speakers(nlp, "To settle it, they turned to the Harbour Police Department which reported “212 thefts” in May.")
    assert set(said.values()) == {"the Harbour Police Department"}


def test_a_possessive_full_name_is_the_name_a_surname_resolves_to(nlp):
    """"Linda Morris's plan" names Linda Morris: the later bare "Morris" is she, the "'s" no part of the name."""
    text = "Critics attacked Linda Morris's plan for the port. Morris said the plan would save jobs."
    assert speakers(nlp, text)["the plan would save jobs"] == "Linda Morris"


def test_a_shared_surname_resolves_to_the_one_the_article_calls_by_given_name(nlp):
    """Two Beckers: the one the article also calls by her given name alone is whom a bare "Becker" goes on about."""
    text = ("The clinic was founded by Tom Becker. His daughter Grace Becker took it over in 2010. Grace kept the old "
            'staff. Grace hired two nurses. "We are full," Becker said.')
    assert speakers(nlp, text)["We are full"] == "Grace Becker"
