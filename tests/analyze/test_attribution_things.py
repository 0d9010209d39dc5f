"""A verb of finding, seeing or naming with a noun phrase alone reports a thing, not a statement ("found a way",
"didn't see the irony", "mentions a name"); with a clause, a predicate or a poll as its subject it says something."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_attributions


def said(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(a.statement.speaker.name, a.statement.cue, a.statement.text) for a in extract_attributions(nlp(text))]


def test_a_thing_found_seen_or_named_is_no_statement(nlp):
    """Each object is what was found, seen or mentioned: nothing a reader could check as said."""
    text = ("The harbour board found a way around the levy. Councillor Brant didn't see the irony. "
            "The leaflet also mentions Edda Voss, the ferry's first captain. The mayor invoked the rising tides. "
            "Two members had indicated an interest in the seat. The mill had declared bankruptcy.")
    assert said(nlp, text) == []


def test_backing_a_person_is_a_deed(nlp):
    """"voters supporting Brant": support given to a candidate, not words."""
    assert said(nlp, "The rally drew thousands of voters supporting Ilse Brant.") == []


def test_a_clause_or_a_predicate_still_says_something(nlp):
    """"found that ...", "sees the levy as a tax", "found the rule unlawful" state what was found or seen."""
    found = said(nlp, "The auditor found that the port had lied. Councillor Brant sees the levy as a tax.")
    assert [text for _, _, text in found] == ["the port had lied", "the levy as a tax"]


def test_a_poll_shows_a_finding_in_a_noun_phrase(nlp):
    """"Polls show a tight race": a survey's finding, kept though its content is a noun phrase."""
    assert said(nlp, "Polls show a tight race in the harbour ward.") == [
        ("Polls", "show", "a tight race in the harbour ward")]
