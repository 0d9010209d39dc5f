"""Attribution shapes beyond "X said Y": source-less statements, the writer, object contents, participles,
headlines, nouns and documents as cues, and the cue as PolNeAR writes it."""

from __future__ import annotations

from datetime import date

from storytrace.analyze.attribution import UNNAMED, Attribution, extract_attributions

OUTLET = "The Washington Times"
FRIDAY = date(2009, 12, 18)


def found(nlp, text: str, **kwargs) -> list[Attribution]:
    kwargs.setdefault("outlet", OUTLET)
    kwargs.setdefault("anchor", FRIDAY)
    attributions = extract_attributions(nlp(text), **kwargs)
    for a in attributions:
        s = a.statement
        assert text[s.start:s.end] == s.text and text[s.cue_start:s.cue_end] == s.cue
    return attributions


def only(nlp, text: str, **kwargs) -> Attribution:
    attributions = found(nlp, text, **kwargs)
    assert len(attributions) == 1, [(a.statement.cue, a.statement.text) for a in attributions]
    return attributions[0]


def shape(a: Attribution) -> tuple[str, str, str, str]:
    s = a.statement
    return s.speaker.name, s.cue, s.text, s.polarity


# --- no one named: the writer's impression, expectation or hearsay ---------------------------


def test_raising_verb_is_sourceless_and_keeps_its_subject(nlp):
    """"X seemed to ...": nobody is the source; the content is the whole proposition; a speculation."""
    a = only(nlp, "Sanders seemed to be losing ground in Iowa.")
    assert shape(a) == (OUTLET, "seemed", "Sanders seemed to be losing ground in Iowa", "speculates")
    assert (a.source_start, a.source_end) == (-1, -1)
    assert a.statement.chain == [OUTLET]


def test_impersonal_passive_reports_hearsay(nlp):
    """"It was reported that X": the content is X; the outlet carries it, no mention is the source."""
    a = only(nlp, "It was reported that the talks had stalled.")
    assert shape(a) == (OUTLET, "was reported", "the talks had stalled", "asserts")
    assert a.source_start == -1


def test_reportedly_is_hearsay_and_hedges(nlp):
    """"reportedly" attributes to nobody in particular and makes the content a speculation."""
    a = only(nlp, "The president reportedly left the country.")
    assert shape(a) == (OUTLET, "reportedly", "The president reportedly left the country", "speculates")


def test_sourceless_without_outlet_names_the_writer(nlp):
    """Without an outlet the speaker is still a name, never empty: the writer."""
    a = only(nlp, "The senator is expected to run for re-election.", outlet=None)
    assert shape(a) == (UNNAMED, "is expected", "The senator is expected to run for re-election", "speculates")
    assert a.statement.chain == [UNNAMED]


def test_first_person_outside_quotes_is_the_writer(nlp):
    """"I think" in a column: the outlet speaks; the mention is the pronoun."""
    text = "I think the plan will fail."
    a = only(nlp, text)
    assert shape(a) == (OUTLET, "think", "the plan will fail", "speculates")
    assert text[a.source_start:a.source_end] == "I"


# --- what a speech verb reports without a clause -----------------------------------------------


def test_object_and_complement_of_a_speech_verb(nlp):
    """"accused Trump of buying influence": the object with its complement is the content."""
    a = only(nlp, "Senator Ruth Calder accused Trump of buying influence.")
    assert shape(a) == ("Ruth Calder", "accused", "Trump of buying influence", "asserts")


def test_telling_reporters_alone_says_nothing(nlp):
    """The addressee of "told" is not what was said."""
    assert found(nlp, "Benjamin Chang told reporters in Seoul.") == []


def test_talked_about_a_noun_phrase_is_a_topic(nlp):
    """"talked about the deal": what was talked of, nothing said of it; a reader would not sign "the deal" as
    Calder's statement (see test_attribution_topics)."""
    assert found(nlp, "Ruth Calder talked about the deal at length.") == []


def test_said_of_keeps_the_preposition_out_of_the_cue(nlp):
    """"said of him" is not a cue: PolNeAR's cue is "said"."""
    text = '"He is a liar," Calder said of the governor.'
    a = only(nlp, text)
    assert a.statement.cue == "said"


def test_adverb_of_manner_joins_the_cue(nlp):
    """"repeatedly said" is the cue as written."""
    a = only(nlp, "Ruth Calder repeatedly said the talks would resume.")
    assert shape(a) == ("Ruth Calder", "repeatedly said", "the talks would resume", "asserts")


def test_going_on_to_insist_was_said(nlp):
    """"continued to insist" is a statement made, and one cue."""
    a = only(nlp, "Clinton continued to insist that she would release the transcripts.")
    assert shape(a) == ("Clinton", "continued to insist", "she would release the transcripts", "asserts")


# --- speakers found through participles, passives and statements -----------------------------------


def test_by_saying_takes_the_subject_above(nlp):
    """"ended the meeting by saying ...": the one who ended it spoke."""
    [a] = [a for a in found(nlp, "Ruth Calder ended the meeting by saying the talks would resume.")
           if a.statement.cue == "saying"]
    assert shape(a) == ("Ruth Calder", "saying", "the talks would resume", "asserts")


def test_passive_with_agent_names_the_reporter(nlp):
    """"was first reported by MSNBC": MSNBC is the source, the passive subject the content."""
    text = "The move was first reported by MSNBC."
    a = only(nlp, text)
    assert shape(a) == ("MSNBC", "was first reported", "The move", "asserts")
    assert text[a.source_start:a.source_end] == "MSNBC"


def test_statement_saying_belongs_to_its_issuer(nlp):
    """"issued a statement saying ...": one statement, by the issuer, with one cue."""
    a = only(nlp, "The ministry issued a statement saying the talks had collapsed.")
    assert shape(a) == ("The ministry", "issued a statement saying", "the talks had collapsed", "asserts")


def test_quote_inside_reported_speech_is_part_of_it(nlp):
    """`X said he believes "..."`: one statement by X; the belief and its quote are what X said."""
    text = 'Benjamin said he believes "there may be some generals who are beating their chests."'
    a = only(nlp, text)
    assert (a.statement.speaker.name, a.statement.cue) == ("Benjamin", "said")
    assert a.statement.text.startswith('he believes "there may be')


def test_that_said_is_no_speaker(nlp):
    """The idiom "That said," attributes nothing."""
    assert found(nlp, "That said, the talks will resume next week.") == []


# --- headlines, nouns and documents ----------------------------------------------------------------


def test_headline_name_and_colon(nlp):
    """`Name: words` opening a paragraph gives the words to the name; the colon is the cue."""
    text = "Hillary Clinton: Time for a new strategy against ISIL.\n\nThe candidate spoke in Ohio."
    a = only(nlp, text)
    assert shape(a) == ("Hillary Clinton", ":", "Time for a new strategy against ISIL", "asserts")
    assert text[a.source_start:a.source_end] == "Hillary Clinton"


def test_owned_claim_noun(nlp):
    """"Rubio's claim that ...": Rubio is the source, the that-clause the content; calling it false is the
    writer's own denial of that content."""
    text = "Rubio's claim that he is the strongest alternative is false."
    claim, refutation = found(nlp, text)
    assert shape(claim) == ("Rubio", "claim", "he is the strongest alternative", "asserts")
    assert text[claim.source_start:claim.source_end] == "Rubio's"
    assert (refutation.statement.cue, refutation.statement.text, refutation.statement.polarity) == (
        "is false", "he is the strongest alternative", "denies")


def test_in_a_poll(nlp):
    """"In a poll, X": the poll is the source of the clause."""
    text = "In a Quinnipiac poll released Monday, Cruz led Trump by ten points."
    a = only(nlp, text)
    assert (a.statement.cue, a.statement.text) == ("In", "Cruz led Trump by ten points")
    assert a.statement.speaker.name == "a Quinnipiac poll"


def test_not_responding_to_a_request_declines_comment(nlp):
    """"did not respond to a request for comment": a refusal; what went unanswered is the content."""
    a = only(nlp, "The ministry did not immediately respond to a request for comment.")
    assert shape(a) == ("The ministry", "did not immediately respond to", "a request for comment",
                        "declines_comment")


def test_passive_subject_is_what_was_reported(nlp):
    """"The breach had been previously reported": no one named; the subject is what was made known."""
    a = only(nlp, "The breach had been previously reported.")
    assert shape(a) == (OUTLET, "had been previously reported", "The breach", "asserts")
    assert a.source_start == -1


def test_participle_after_a_noun_speaks_for_the_noun(nlp):
    """"a memo alleging that ...": the memo is the source; a letter someone sent is that sender's."""
    text = "A memo alleging that the fund was improper surfaced on Monday."
    [a] = [a for a in found(nlp, text) if a.statement.cue == "alleging"]
    assert (a.statement.speaker.name, a.statement.text) == ("A memo", "the fund was improper")
    assert text[a.source_start:a.source_end] == "A memo"
    sent = only(nlp, "The campaign sent a letter alleging that the fund was improper.")
    assert shape(sent) == ("The campaign", "sent a letter alleging", "the fund was improper", "asserts")
