"""More attribution shapes: topics put to an unnamed asker, transcript and headline speakers written as bare
names, polls inside a noun phrase, reasons cited, "as X noted", owned promises and criticism, one-word
quotes handed to a cue, and parses that give a cue a clause that is only a circumstance."""

from __future__ import annotations

from storytrace.analyze.attribution import Attribution, extract_attributions

OUTLET = "The Washington Times"


def found(nlp, text: str) -> list[Attribution]:
    attributions = extract_attributions(nlp(text), outlet=OUTLET)
    for a in attributions:
        s = a.statement
        assert text[s.start:s.end] == s.text and text[s.cue_start:s.cue_end] == s.cue
    return attributions


def by_cue(nlp, text: str, cue: str) -> Attribution:
    matches = [a for a in found(nlp, text) if a.statement.cue == cue]
    assert len(matches) == 1, [(a.statement.cue, a.statement.text) for a in found(nlp, text)]
    return matches[0]


def shape(a: Attribution) -> tuple[str, str, str, str]:
    s = a.statement
    return s.speaker.name, s.cue, s.text, s.polarity


def test_passive_asked_about_is_sourceless(nlp):
    """"X was asked about Y": whoever asked is not named; what it was about is the content."""
    a = by_cue(nlp, "Sanders was asked about their case during an interview on Sunday.", "was asked about")
    assert shape(a) == (OUTLET, "was asked about", "their case", "asserts")
    assert a.source_start == -1


def test_opening_asked_about_is_sourceless(nlp):
    """"Asked about X, Y said ...": the topic is the content of a source-less "Asked about"."""
    text = "Asked about that vote, Mark-Viverito said that the law was wrong."
    a = by_cue(nlp, text, "Asked about")
    assert shape(a) == (OUTLET, "Asked about", "that vote", "asserts")
    assert a.source_start == -1


def test_a_question_put_to_nobody_is_no_statement(nlp):
    """"Asked if he would run, ..." and "asked about a report that ..." would read as the writer asserting
    the question or the report: neither becomes a statement."""
    text = "Asked if he would endorse Trump, the speaker smiled."
    assert [a for a in found(nlp, text) if a.statement.cue.lower().startswith("asked")] == []
    text = "The spokeswoman smiled when asked about a report that talks would take place in Geneva."
    assert [a for a in found(nlp, text) if "asked" in a.statement.cue] == []


def test_active_asked_is_no_sourceless_question(nlp):
    """"Reporters asked him about the vote" names the asker: no source-less statement comes from it."""
    assert all(a.statement.speaker.name != OUTLET
               for a in found(nlp, "Reporters asked him about the vote on Tuesday."))


def test_transcript_name_in_capitals(nlp):
    """A transcript's "TAPPER: ..." gives the line to the name written in capitals."""
    text = "Partial transcript as follows:\n\nTAPPER: Do you think Donald Trump has campaigned as a healer?\n"
    a = by_cue(nlp, text, ":")
    assert shape(a) == ("TAPPER", ":", "Do you think Donald Trump has campaigned as a healer?", "asserts")
    assert text[a.source_start:a.source_end] == "TAPPER"


def test_headline_single_name_and_colon(nlp):
    """`Lynch: No outside influence on FBI probe`: a one-word name the tagger misses still speaks."""
    text = "Lynch: No outside influence on FBI probe into Clinton emails.\n\nWASHINGTON (AP) — The attorney general spoke."
    a = by_cue(nlp, text, ":")
    assert shape(a) == ("Lynch", ":", "No outside influence on FBI probe into Clinton emails", "asserts")


def test_section_label_is_no_speaker(nlp):
    """"UPDATE: ..." is the outlet's label, not a speaker."""
    text = "UPDATE: The senator has since deleted the tweet about the vote.\n"
    assert [a for a in found(nlp, text) if a.statement.cue == ":"] == []


def test_poll_inside_a_noun_phrase(nlp):
    """"Obama's approval rating in the latest poll stands at 53%": the poll is the source of the clause."""
    text = "President Obama's job approval rating in the latest Washington Post-ABC News Poll stands at 53%."
    a = by_cue(nlp, text, "in")
    assert a.statement.speaker.name == "the latest Washington Post-ABC News Poll"
    # the phrase sits inside the clause, so the clause is the content whole (as "X, according to Y, did Z")
    assert a.statement.text == text[:-1]
    assert (a.statement.cue, a.statement.polarity) == ("in", "asserts")


def test_citing_a_reason_is_what_was_cited(nlp):
    """"..., citing fears of terrorism": the reason is the content, the subject above the source."""
    text = "Trump last year proposed a ban on Muslims entering the country, citing fears of terrorism."
    a = by_cue(nlp, text, "citing")
    assert shape(a) == ("Trump", "citing", "fears of terrorism", "asserts")


def test_citing_a_source_still_relays(nlp):
    """"X said, citing Yonhap": the cited agency is a source, not something said."""
    text = "The ministry said the talks would resume, citing Yonhap."
    assert all(a.statement.cue != "citing" for a in found(nlp, text))


def test_as_someone_noted_gives_the_main_clause(nlp):
    """"As The Atlantic recently noted, ...": the clause the "as" phrase opens is what was noted."""
    text = "As The Atlantic recently noted, trust in government is collapsing around the world."
    a = by_cue(nlp, text, "recently noted")
    assert shape(a) == ("The Atlantic", "recently noted", "trust in government is collapsing around the world",
                        "asserts")


def test_as_reported_by_names_the_agent(nlp):
    """"As reported by The Washington Post, ...": the agent is the source."""
    text = "As reported by The Washington Post, Sanders would need to win 55 percent of the remaining delegates."
    a = by_cue(nlp, text, "reported")
    assert a.statement.speaker.name == "The Washington Post"
    assert a.statement.text == "Sanders would need to win 55 percent of the remaining delegates"


def test_quote_before_said_as_keeps_the_quote(nlp):
    """`"...," he said as the crowd booed`: "as the crowd booed" is when, not what: the quote is what was said."""
    text = ('Cruz said the race was close. "He didn\'t report the loans," he said as some wearing Trump '
            'shirts booed.')
    shapes = [shape(a) for a in found(nlp, text)]
    assert ("Cruz", "said", "He didn't report the loans", "asserts") in shapes
    assert not any("booed" in said for _, _, said, _ in shapes)


def test_owned_promise_and_criticism(nlp):
    """"Trump's promise to ..." and "Sanders's criticism of ...": the owner is the source."""
    text = "Trump's promise to build a wall on the border drew cheers."
    a = by_cue(nlp, text, "promise")
    assert shape(a) == ("Trump", "promise", "to build a wall on the border", "asserts")
    text = "Sanders's criticism of the trade deal has grown louder."
    a = by_cue(nlp, text, "criticism of")  # the bound preposition belongs to the cue, as in "called for"
    assert shape(a) == ("Sanders", "criticism of", "the trade deal", "asserts")


def test_a_bare_document_or_date_is_no_content(nlp):
    """"released a statement Wednesday" and "released on Wednesday night by X" say nothing yet."""
    assert found(nlp, "The town released a statement Wednesday.") == []
    text = "The poll, released on Wednesday night by the Public Policy Institute of California, drew notice."
    assert [a for a in found(nlp, text) if a.statement.cue == "released"] == []


def test_one_word_quote_handed_to_a_cue(nlp):
    """`"Savage," Clinton said`: a one-word quote with its comma inside is speech, not a scare-quoted label."""
    a = by_cue(nlp, 'Come again? "Savage," Clinton said, meaning that he is tough.', "said")
    assert shape(a) == ("Clinton", "said", "Savage", "asserts")
    assert [s.statement.text for s in found(nlp, 'He called it a "hoax" on Friday.') if s.statement.direct] == []
