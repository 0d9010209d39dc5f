"""Attributed statements from hand-written news sentences, one shape per test."""

from __future__ import annotations

from datetime import date

import pytest

from storytrace.analyze.attribution import extract_statements
from storytrace.model import Statement

OUTLET = "The Washington Times"
FRIDAY = date(2009, 12, 18)  # a Friday: the anchor of every test that resolves a day


def statements(nlp, text: str, **kwargs) -> list[Statement]:
    kwargs.setdefault("outlet", OUTLET)
    kwargs.setdefault("anchor", FRIDAY)
    doc = nlp(text)
    found = extract_statements(doc, **kwargs)
    for statement in found:
        # the offsets contract: every statement's text is a slice of the article text
        assert doc.text[statement.start:statement.end] == statement.text
        assert doc.text[statement.cue_start:statement.cue_end] == statement.cue
    return found


def only(nlp, text: str, **kwargs) -> Statement:
    found = statements(nlp, text, **kwargs)
    assert len(found) == 1, [(s.text, s.speaker.name) for s in found]
    return found[0]


# --- direct quotes -------------------------------------------------------------------------


def test_quote_then_said_description(nlp):
    """The case study's denial: a curly quote, inverted "said", a description kept as the speaker name."""
    s = only(nlp, "“No such proposal has been made,” said a National Security Council spokesman.")
    assert s.direct
    assert s.text == "No such proposal has been made"
    assert s.speaker.name == "a National Security Council spokesman"
    assert s.speaker.role is None
    assert s.cue == "said"
    assert s.polarity == "denies"
    assert s.chain == [OUTLET, "a National Security Council spokesman"]
    assert s.said_on is None


def test_quote_then_name_said_weekday(nlp):
    """Straight quotes, `"...," X said Friday.`: the weekday resolves against the anchor."""
    s = only(nlp, '"We will not accept this," Benjamin Chang said Friday.')
    assert (s.text, s.speaker.name, s.cue, s.polarity) == ("We will not accept this", "Benjamin Chang", "said", "asserts")
    assert s.said_on == FRIDAY
    assert s.chain == [OUTLET, "Benjamin Chang"]


def test_cue_and_colon_before_quote(nlp):
    """`X told reporters: "..."`: the cue comes first and the quote keeps its final period."""
    s = only(nlp, 'Benjamin Chang told reporters yesterday: "The office will open in March."')
    assert s.direct
    assert s.text == "The office will open in March."
    assert (s.speaker.name, s.cue, s.polarity) == ("Benjamin Chang", "told", "asserts")
    assert s.said_on == date(2009, 12, 17)


def test_split_quote_keeps_speaker(nlp):
    """`"...," he said. "..."`: the second part is its own statement by the same, resolved speaker."""
    first, second = statements(nlp, 'Benjamin Chang spoke in Seoul. "We will not accept this," he said. '
                                     '"It is a provocation and we will respond."')
    assert first.text == "We will not accept this"
    assert second.text == "It is a provocation and we will respond."
    assert first.speaker.name == second.speaker.name == "Benjamin Chang"
    assert second.cue == "said" and second.direct
    assert second.chain == [OUTLET, "Benjamin Chang"]


def test_quote_over_several_sentences_with_apposition_role(nlp):
    """A quote of two sentences; the apposition after the name is the role."""
    s = only(nlp, '"The talks are over. We have nothing more to discuss," said Kim Sung-hwan, the foreign minister.')
    assert s.text == "The talks are over. We have nothing more to discuss"
    assert s.speaker.name == "Kim Sung-hwan"
    assert s.speaker.role == "the foreign minister"
    assert s.polarity == "asserts"


def test_unbalanced_quote_stops_at_paragraph(nlp):
    """An unclosed quote mark must not swallow the next paragraph, whose statement is still found."""
    text = "“This never ends, the critics say.\n\nThe minister said the talks were over."
    found = statements(nlp, text)
    assert all("\n" not in s.text for s in found)
    last = found[-1]
    assert (last.text, last.speaker.name, last.direct) == ("the talks were over", "The minister", False)


def test_scare_quote_is_no_statement(nlp):
    """A quoted label inside narrative ("a “liaison office”") is not attributed to anyone."""
    assert statements(nlp, "The proposal for a “liaison office” was first made in 2008.") == []


# --- reported speech -----------------------------------------------------------------------


def test_said_on_weekday_that_clause(nlp):
    """`X said on Thursday that ...`: content without "that", day from the prepositional phrase."""
    s = only(nlp, "The official said on Thursday that talks were not imminent.")
    assert (s.text, s.speaker.name, s.cue, s.polarity) == ("talks were not imminent", "The official", "said", "asserts")
    assert s.said_on == date(2009, 12, 17)
    assert not s.direct


def test_denied_reports_that_with_role(nlp):
    """`X, role, denied reports that ...`: the reports' clause is the content, the apposition the role."""
    s = only(nlp, "Benjamin Chang, deputy spokesman for the National Security Council, "
                  "denied reports that the White House had proposed the office.")
    assert s.text == "the White House had proposed the office"
    assert s.speaker.name == "Benjamin Chang"
    assert s.speaker.role == "deputy spokesman for the National Security Council"
    assert (s.cue, s.polarity) == ("denied", "denies")


def test_role_before_name(nlp):
    """"National Security Council spokesman Benjamin Chang": the words before the name are the role."""
    s = only(nlp, "National Security Council spokesman Benjamin Chang denied that the office had been proposed.")
    assert s.speaker.name == "Benjamin Chang"
    assert s.speaker.role == "National Security Council spokesman"
    assert (s.text, s.polarity) == ("the office had been proposed", "denies")


def test_weekday_before_cue_confirmed(nlp):
    """`X Wednesday confirmed that ...`: a confirmation dated by the weekday before the verb."""
    s = only(nlp, "The ministry Wednesday confirmed that the envoy had arrived in Beijing.")
    assert (s.text, s.speaker.name, s.cue, s.polarity) == (
        "the envoy had arrived in Beijing", "The ministry", "confirmed", "confirms")
    assert s.said_on == date(2009, 12, 16)


def test_content_before_cue_citing_sources(nlp):
    """The case study's newspaper report: content first, then `Yonhap said, citing Y` -> chain outlet, Yonhap, Y."""
    s = only(nlp, "President Lee Myung-bak proposed a liaison office, Yonhap said, citing diplomatic sources in Beijing.")
    assert s.text == "President Lee Myung-bak proposed a liaison office"
    assert s.speaker.name == "diplomatic sources in Beijing"
    assert s.cue == "said"
    assert s.chain == [OUTLET, "Yonhap", "diplomatic sources in Beijing"]
    assert s.polarity == "asserts"


def test_subject_citing_before_cue(nlp):
    """`X, citing Y, said ...`: Y is the speaker, reached through X; a hedge makes it speculation."""
    s = only(nlp, "Foreign Minister Yu Myung-hwan, citing officials in Beijing, said the talks may resume.")
    assert s.speaker.name == "officials in Beijing"
    assert s.chain == [OUTLET, "Yu Myung-hwan", "officials in Beijing"]
    assert (s.text, s.polarity) == ("the talks may resume", "speculates")


def test_quoted_as_saying(nlp):
    """`X quoted Y as saying that ...`: speaker Y, chain through X, cue "saying"."""
    s = only(nlp, "Yonhap quoted diplomatic sources in Beijing as saying that Kim would visit Seoul.")
    assert s.text == "Kim would visit Seoul"
    assert s.speaker.name == "diplomatic sources in Beijing"
    assert s.cue == "saying"
    assert s.chain == [OUTLET, "Yonhap", "diplomatic sources in Beijing"]


@pytest.mark.parametrize("text", [
    "According to diplomatic sources, the talks will resume in January.",
    "The talks will resume in January, according to diplomatic sources.",
])
def test_according_to_either_side(nlp, text):
    """"according to X" before or after its clause."""
    s = only(nlp, text)
    assert (s.text, s.speaker.name, s.cue.lower(), s.polarity) == (
        "the talks will resume in January" if text.startswith("According") else "The talks will resume in January",
        "diplomatic sources", "according to", "asserts")


def test_declined_to_comment_on_topic(nlp):
    """`X refused to comment on the report`: kept, the topic as content, polarity declines_comment."""
    s = only(nlp, "The official refused to comment on the report.")
    assert (s.text, s.speaker.name, s.cue, s.polarity) == ("the report", "The official", "refused to comment", "declines_comment")


def test_would_not_comment_without_topic(nlp):
    """`X would not comment.`: no content at all, but the refusal is still a statement."""
    s = only(nlp, "The ministry would not comment.")
    assert (s.text, s.speaker.name, s.cue, s.polarity) == ("", "The ministry", "would not comment", "declines_comment")


def test_negated_denial_is_no_denial(nlp):
    """"did not deny" must not become a denial."""
    s = only(nlp, "Chang did not deny that talks were under way.")
    assert (s.text, s.cue, s.polarity) == ("talks were under way", "did not deny", "asserts")


def test_content_denial_after_plain_said(nlp):
    """A plain "said" whose content rejects the claim ("untrue") is a denial."""
    s = only(nlp, "Chang said it was untrue that he would resign.")
    assert s.polarity == "denies"


def test_nested_statement_keeps_both(nlp):
    """`X said Y had said ...`: both statements, each with its own speaker."""
    outer, inner = statements(nlp, "Song said Clinton had said the plan would not happen.")
    assert (outer.speaker.name, outer.text) == ("Song", "Clinton had said the plan would not happen")
    assert (inner.speaker.name, inner.text, inner.cue) == ("Clinton", "the plan would not happen", "had said")


def test_intended_statement_is_not_made(nlp):
    """"is expected to announce" is no statement by the minister: only the writer's unsourced expectation."""
    s = only(nlp, "The minister is expected to announce that the talks will resume.")
    assert (s.speaker.name, s.cue, s.polarity) == (OUTLET, "is expected", "speculates")
    assert s.text == "The minister is expected to announce that the talks will resume"
    assert s.chain == [OUTLET]
    assert statements(nlp, "Mr. Chang will say on Monday that the talks will resume.") == []
    assert statements(nlp, "Alice Brandt would ask the administration about the letter.") == []


# --- speakers ------------------------------------------------------------------------------


def test_relative_clause_not_in_name(nlp):
    """A relative clause after the subject is not part of the speaker's name."""
    s = only(nlp, "A South Korean official, who asked not to be named, said talks were not imminent.")
    assert s.speaker.name == "A South Korean official"
    assert s.text == "talks were not imminent"


def test_honorific_surname_resolves_to_full_name(nlp):
    """"Mr. Chang" resolves to the full name and role met earlier."""
    found = statements(nlp, "Benjamin Chang, a spokesman for the council, said the office was closed. "
                            "Mr. Chang said the visit was a success.")
    assert found[1].speaker.name == "Benjamin Chang"
    assert found[1].speaker.role == "a spokesman for the council"


def test_the_spokesman_resolves_to_earlier_speaker(nlp):
    """"the spokesman" resolves to the latest speaker whose role names a spokesman."""
    found = statements(nlp, "Benjamin Chang, deputy spokesman for the National Security Council, said the office was closed. "
                            "Kim Sung-hwan said the talks were over. The spokesman later said no proposal had been made.")
    last = found[-1]
    assert last.speaker.name == "Benjamin Chang"
    assert last.speaker.role == "deputy spokesman for the National Security Council"
    assert last.text == "no proposal had been made"
    assert last.polarity == "denies"


def test_pronoun_resolves_to_latest_person_speaker(nlp):
    """"he said" after a named speaker takes that speaker, not a name inside the quote."""
    found = statements(nlp, 'Benjamin Chang said the office was closed. "Kim Sung-hwan has not called us," he said.')
    assert [s.speaker.name for s in found] == ["Benjamin Chang", "Benjamin Chang"]


# --- chains --------------------------------------------------------------------------------


def test_agency_story_chain(nlp):
    """An agency story carried by an outlet: outlet, agency, speaker."""
    s = only(nlp, "The official said talks were not imminent.", agency="Yonhap")
    assert s.chain == [OUTLET, "Yonhap", "The official"]


def test_outlet_equal_to_agency_collapses(nlp):
    """Consecutive duplicates collapse when the outlet is the agency itself."""
    s = only(nlp, "The official said talks were not imminent.", outlet="Yonhap", agency="Yonhap")
    assert s.chain == ["Yonhap", "The official"]


def test_the_agency_names_the_agency(nlp):
    """"the agency said" in an agency story names the agency."""
    s = only(nlp, "The agency said the talks had stalled.", agency="Yonhap")
    assert s.speaker.name == "Yonhap"
    assert s.chain == [OUTLET, "Yonhap"]


def test_no_outlet_no_anchor(nlp):
    """Without outlet or anchor the chain is just the speaker and the day stays unknown."""
    s = only(nlp, "Chang said Friday the talks had stalled.", outlet=None, anchor=None)
    assert s.chain == ["Chang"]
    assert s.said_on is None


def test_works_without_lemmatizer(nlp):
    """The fast pipeline may drop the lemmatizer: cues are matched by word form, results unchanged."""
    text = "Benjamin Chang, deputy spokesman for the council, denied reports that the office had been proposed."
    with nlp.select_pipes(disable=[name for name in ("lemmatizer", "attribute_ruler") if name in nlp.pipe_names]):
        s = only(nlp, text)
    assert (s.speaker.name, s.speaker.role, s.cue, s.polarity) == (
        "Benjamin Chang", "deputy spokesman for the council", "denied", "denies")
    assert s.text == "the office had been proposed"
