"""Sentences that look like attribution but are not someone's statement: they must not become one."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_statements


def test_being_asked_about_a_report_is_not_saying_it(nlp):
    """'declined to comment when asked about a report that X': she declined; X is not her statement."""
    doc = nlp("Ingrid Halloran, the ministry's spokeswoman, declined to comment when asked about a report "
              "that exploratory talks would take place in Geneva on Jan. 5.")
    [statement] = extract_statements(doc)
    assert statement.speaker.name == "Ingrid Halloran"
    assert statement.polarity == "declines_comment"


def test_contradicting_a_denial_is_not_a_denial(nlp):
    """A report 'contradicting a denial' is reported by the paper; the denial is nobody's new statement."""
    doc = nlp('The Meridian Post reported Saturday that the letter "spoke of an office in Korvask," '
              "contradicting a denial from Marlow House on Friday.")
    statements = extract_statements(doc, outlet="The Aldwick Courier")
    assert [s.speaker.name for s in statements] == ["The Meridian Post"]
    assert statements[0].polarity == "asserts"


def test_doing_is_not_saying(nlp):
    """'The president proposed an office' is the event a claim is about, not a statement by the president."""
    doc = nlp("President Tomas Arendt proposed opening a liaison office in Veskaria, the agency said.")
    [statement] = extract_statements(doc)
    assert statement.speaker.name == "the agency"
    assert statement.text.startswith("President Tomas Arendt proposed")


def test_bare_surname_the_parser_did_not_tag_still_finds_the_full_name(nlp):
    """'Ellery confirmed' after 'said Nathan Ellery, deputy spokesman' is the same person, role included."""
    doc = nlp('"No such proposal has been made," said Nathan Ellery, deputy spokesman for the National Security '
              "Council. Ellery confirmed that Stephen Marsh had carried a letter from the president.")
    first, second = extract_statements(doc)
    assert second.speaker.name == first.speaker.name == "Nathan Ellery"
    assert second.speaker.role == "deputy spokesman for the National Security Council"
    assert second.polarity == "confirms"


def test_dateline_is_not_part_of_what_was_said(nlp):
    """The extractor itself (also as a spaCy component) starts a lead's content after the dateline."""
    doc = nlp("BEIJING, Dec. 17 (Yonhap) -- President Tomas Arendt proposed opening a liaison office, "
              "diplomatic sources in Beijing said Thursday.")
    [statement] = extract_statements(doc)
    assert statement.text.startswith("President Tomas Arendt proposed")
    assert doc.text[statement.start:statement.end] == statement.text


def test_news_of_no_reply_is_no_refusal(nlp):
    """'had not yet replied to the letter' reports on a reply; only an unanswered request is a refusal."""
    doc = nlp("The sources said Veskaria had not yet replied to the letter.")
    [statement] = extract_statements(doc)
    assert (statement.speaker.name, statement.text) == ("The sources", "Veskaria had not yet replied to the letter")


def test_team_sheet_is_not_a_headline_quote(nlp):
    """'Aldwick Rovers: Orford; Dunn, Wierzba' is a line-up, not words given to the club."""
    doc = nlp("Aldwick Rovers: Orford; Dunn, Wierzba, Fenwick, Moss; Caddick, Tanner.\n\nThe match ended 2-1.")
    assert extract_statements(doc) == []


def test_speaking_for_an_organization_is_not_what_was_said(nlp):
    """'who speaks for the federation' names whom she represents, not a statement."""
    doc = nlp("Carla Wendt, who speaks for the Norland Retail Federation, said shops were running low.")
    [statement] = extract_statements(doc)
    assert (statement.speaker.name, statement.cue, statement.text) == ("Carla Wendt", "said", "shops were running low")


def test_not_answering_a_proposal_is_no_statement(nlp):
    """'has not yet answered the proposal' is news about a reply, not something Veskaria said."""
    doc = nlp("Veskaria has not yet answered the proposal.")
    assert extract_statements(doc) == []
