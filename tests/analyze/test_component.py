"""The attribution extractor as a spaCy component: results on `Doc._`, context from `as_tuples`."""

from __future__ import annotations

from datetime import date

import storytrace.analyze.component  # noqa: F401  (registers the factory)


def test_component_sets_statements_with_context(nlp):
    """add_pipe, then pipe with a context dict: the chain starts at the outlet and the day resolves."""
    nlp.add_pipe("storytrace_attribution")
    try:
        text = '"No such proposal has been made," a National Security Council spokesman said Friday.'
        context = {"outlet": "Yonhap", "agency": None, "anchor": "2009-12-18", "title": None}
        [(doc, _)] = list(nlp.pipe([(text, context)], as_tuples=True))
        [statement] = doc._.storytrace_statements
        assert statement.text == "No such proposal has been made"
        assert (statement.cue, statement.polarity, statement.direct) == ("said", "denies", True)
        assert statement.speaker.name == "a National Security Council spokesman"
        assert statement.chain == ["Yonhap", "a National Security Council spokesman"]
        assert statement.said_on == date(2009, 12, 18)
        [record] = doc._.storytrace_statement_records
        assert text[record["speaker_start"]:record["speaker_end"]] == "a National Security Council spokesman"
        plain = nlp(text)  # no context: the chain starts at the speaker, said_on stays unknown
        assert [s.chain for s in plain._.storytrace_statements] == [["a National Security Council spokesman"]]
        assert plain._.storytrace_statements[0].said_on is None
    finally:
        nlp.remove_pipe("storytrace_attribution")


QUOTES = " ".join(f'"The {thing} will be ready by spring," said {name}.' for thing, name in (
    ("bridge", "Anna Marsh"), ("harbour wall", "Tom Reyes"), ("new school", "Ida Lund"), ("ferry pier", "Olu Bakare")))


def test_component_stops_at_its_seconds_and_says_where(nlp):
    """With its time spent before the first statement, the component keeps none and records the cut; with
    time to spare it reads every statement and records nothing."""
    nlp.add_pipe("storytrace_attribution", config={"seconds": 0.0})
    try:
        doc = nlp(QUOTES)
        assert doc._.storytrace_statements == []
        assert doc._.storytrace_attribution_cut.startswith("attribution stopped at the 0-second budget")
        assert f"from character 1 of {len(QUOTES)} on not read" in doc._.storytrace_attribution_cut
    finally:
        nlp.remove_pipe("storytrace_attribution")
    nlp.add_pipe("storytrace_attribution", config={"seconds": 60.0})
    try:
        doc = nlp(QUOTES)
        assert len(doc._.storytrace_statements) == 4 and doc._.storytrace_attribution_cut is None
    finally:
        nlp.remove_pipe("storytrace_attribution")
