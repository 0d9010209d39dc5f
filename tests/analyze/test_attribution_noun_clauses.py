"""A "that"-clause of a noun of circumstance ("despite concerns that ...", "amid reports that ...") is the noun's
content, nobody's statement by the sentence's subject, however the parser attached it."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_attributions
from storytrace.analyze.clauses import clause_of_a_noun


def statements(nlp, text: str) -> dict[str, str]:
    """Statement text -> speaker name."""
    return {a.statement.text: a.statement.speaker.name for a in extract_attributions(nlp(text))}


def test_concerns_despite_which_the_subject_acted_are_not_his(nlp):
    text = ("The mayor again decided to sell the harbour despite concerns, even inside his own council, that it "
            "might drive the fishing fleet away.")
    assert not any("fishing fleet" in said for said in statements(nlp, text))


def test_the_clause_of_a_noun_of_circumstance_is_recognised(nlp):
    """"amid reports that", "in spite of fears that": the clause is the noun's; "denied reports that" is no
    circumstance and "said, despite the fears, that" hangs on the verb."""
    def after_that(text: str) -> bool:
        doc = nlp(text)
        return clause_of_a_noun(doc, text.index(" that ") + len(" that "))

    assert after_that("The harbour master stepped down amid reports that he had sold the old pier.")
    assert after_that("The council approved the plan in spite of fears that the river would flood.")
    assert not after_that("The ferry company denied reports that it would raise the fares.")
    assert not after_that("The engineers said, despite the fears, that the dam was safe.")


def test_a_concern_the_subject_expressed_is_the_subjects(nlp):
    found = statements(nlp, "Dockers have expressed concern that the new cranes could cost jobs.")
    assert found.get("concern that the new cranes could cost jobs") == "Dockers"


def test_reports_denied_stay_the_denial_content(nlp):
    found = statements(nlp, "The ferry company denied reports that it would raise the fares.")
    assert found.get("it would raise the fares") == "The ferry company"


def test_an_aside_between_cue_and_clause_keeps_the_statement(nlp):
    found = statements(nlp, "The engineers said, despite the fears, that the dam was safe.")
    assert found.get("the dam was safe") == "The engineers"


def test_a_name_given_to_a_noun_is_no_statement(nlp):
    """"His group, called the Harbour Legacy Fund,": a name, nothing the group said."""
    found = statements(nlp, "His nonprofit group, called the Harbour Legacy Fund, will still own the pier.")
    assert not any("Legacy Fund" in said for said in found)


def test_calling_something_a_name_is_still_a_statement(nlp):
    found = statements(nlp, "The mayor called the ferry plan a disaster.")
    assert found.get("the ferry plan a disaster") == "The mayor"


def test_a_topic_defended_before_saying_is_no_statement(nlp):
    """"He defended the remark, saying ...": the remark is the topic, what he said is after "saying"."""
    found = statements(nlp, 'Tom Becker then defended the remark, saying, "I do not think this is a silly idea."')
    assert "the remark" not in found and "I do not think this is a silly idea." in found


def test_a_topic_with_no_saying_after_it_stays(nlp):
    found = statements(nlp, "The mayor defended the plan.")
    assert found.get("the plan") == "The mayor"
