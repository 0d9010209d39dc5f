"""PolNeAR-style attributions beyond speech verbs, split contents and the speaker's mention span."""

from __future__ import annotations

from datetime import date

from storytrace.analyze.attribution import Attribution, extract_attributions

OUTLET = "The Washington Times"
FRIDAY = date(2009, 12, 18)


def only(nlp, text: str) -> Attribution:
    found = extract_attributions(nlp(text), outlet=OUTLET, anchor=FRIDAY)
    assert len(found) == 1, [(a.statement.text, a.statement.speaker.name) for a in found]
    statement = found[0].statement
    assert text[statement.start:statement.end] == statement.text
    assert text[statement.cue_start:statement.cue_end] == statement.cue
    return found[0]


def source(text: str, found: Attribution) -> str:
    return text[found.source_start:found.source_end]


def test_poll_found_that(nlp):
    """A finding is attributed to the poll; the mention keeps its participle, the name does not; the poll said it
    the day it was released."""
    text = "A Quinnipiac poll released Wednesday found that Arendt leads the race by six points."
    found = only(nlp, text)
    s = found.statement
    assert (s.text, s.cue, s.speaker.name, s.polarity) == ("Arendt leads the race by six points", "found",
                                                          "A Quinnipiac poll", "asserts")
    assert source(text, found) == "A Quinnipiac poll released Wednesday"
    assert s.chain == [OUTLET, "A Quinnipiac poll"]
    assert s.said_on == date(2009, 12, 16)


def test_called_object_predicate_with_weekday(nlp):
    """`X on Tuesday called Y reckless`: an evaluation; its content is object and predicate; the day resolves."""
    text = "Senator Ruth Calder on Tuesday called the proposal reckless."
    s = only(nlp, text).statement
    assert (s.text, s.cue, s.speaker.name, s.speaker.role) == ("the proposal reckless", "called", "Ruth Calder", "Senator")
    assert s.polarity == "asserts"
    assert s.chain == [OUTLET, "Ruth Calder"]
    assert s.said_on == date(2009, 12, 15)


def test_parenthetical_cue_splits_the_content(nlp):
    """`A, a senior official said, and B`: the content is the whole clause around the parenthetical cue."""
    text = "The office would open in March, a senior official said, and would be staffed by diplomats."
    found = only(nlp, text)
    s = found.statement
    assert s.text == text[:-1]
    assert (s.cue, s.speaker.name, s.polarity, s.said_on) == ("said", "a senior official", "asserts", None)
    assert source(text, found) == "a senior official"
    assert s.chain == [OUTLET, "a senior official"]


def test_according_to_inside_the_clause(nlp):
    """`X, according to Y, did Z`: the clause is the content, Y the source."""
    text = "The offer, according to Yonhap, was made in a letter to the Korvask government."
    s = only(nlp, text).statement
    assert s.text == text[:-1]
    assert (s.cue, s.speaker.name, s.polarity, s.said_on) == ("according to", "Yonhap", "asserts", None)
    assert s.chain == [OUTLET, "Yonhap"]


def test_relative_pronoun_is_the_mention_and_particle_joins_the_cue(nlp):
    """`Chang, who ... pointed out that ...`: speaker Chang, mention "who"; "pointed out" is one cue."""
    text = "Benjamin Chang, the deputy spokesman, who briefed reporters Thursday, pointed out that the talks had stalled."
    found = extract_attributions(nlp(text), outlet=OUTLET, anchor=FRIDAY)
    pointed = [a for a in found if a.statement.cue == "pointed out"]
    assert len(pointed) == 1
    s = pointed[0].statement
    assert (s.text, s.speaker.name, s.polarity, s.said_on) == ("the talks had stalled", "Benjamin Chang", "asserts", None)
    assert s.chain == [OUTLET, "Benjamin Chang"]


def test_also_said_and_hope_speculates(nlp):
    """"also" belongs to the cue; an intention ("hopes to") is a speculation, not an assertion."""
    text = "The deputy spokesman also said the talks would resume."
    s = only(nlp, text).statement
    assert (s.text, s.cue, s.speaker.name, s.polarity, s.said_on) == (
        "the talks would resume", "also said", "The deputy spokesman", "asserts", None)
    hope = only(nlp, "Arendt hopes to reopen the talks next year.").statement
    assert (hope.text, hope.cue, hope.speaker.name, hope.polarity) == (
        "to reopen the talks next year", "hopes", "Arendt", "speculates")
    assert hope.chain == [OUTLET, "Arendt"] and hope.said_on is None


def test_opinion_verb_inside_a_statement_is_no_statement(nlp):
    """`Sources said Arendt proposed an office`: "proposed" is what the sources said, not a second statement."""
    text = "Diplomatic sources in Beijing said Thursday that President Tomas Arendt proposed opening a liaison office."
    found = extract_attributions(nlp(text), outlet=OUTLET, anchor=FRIDAY)
    assert [a.statement.cue for a in found] == ["said"]
    s = found[0].statement
    assert s.speaker.name == "Diplomatic sources in Beijing"
    assert s.said_on == date(2009, 12, 17)
    assert s.text == "President Tomas Arendt proposed opening a liaison office"
