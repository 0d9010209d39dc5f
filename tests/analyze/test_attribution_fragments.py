"""Statements whole: a quotation that ends a clause keeps the clause, a verb with its own answer takes no quote,
a hyphenated party tag is one role, a supposition is no statement, and a refusal or a "not for" keeps its stance."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_attributions


def found(nlp, text: str) -> list[tuple[str, str, str, str]]:
    return [(a.statement.speaker.name, a.statement.cue, a.statement.text, a.statement.polarity)
            for a in extract_attributions(nlp(text))]


def test_a_quote_that_ends_a_clause_keeps_the_clause(nlp):
    """`The levy raised "far too little," he added`: what he added is that the levy raised too little."""
    text = '"The port is safe," Tom Becker said. The levy raised "far too little," he added on the radio.'
    assert found(nlp, text)[1][2].startswith("The levy raised")


def test_a_quote_opening_its_sentence_stays_as_it_is(nlp):
    """`"The port is safe," Becker said`: nothing before the quote, nothing to add."""
    assert found(nlp, '"The port is safe," Tom Becker said.')[0][2] == "The port is safe"


def test_a_verb_with_its_own_answer_takes_no_quote(nlp):
    """`as Hughes went on about "our proud docks," Linda Morris said yes`: the quote is Hughes's, she said yes."""
    text = 'As Bill Hughes went on about "our proud docks," Linda Morris said yes, yes, yes.'
    assert not any(speaker == "Linda Morris" for speaker, _, _, _ in found(nlp, text))


def test_a_hyphenated_party_tag_is_one_role(nlp):
    """"Sen. Tom Becker (R-Ohio)": the role is "R-Ohio", not "R"."""
    statement = extract_attributions(nlp('Sen. Tom Becker (R-Ohio) said the port is safe.'))[0].statement
    assert statement.speaker.role == "R-Ohio"


def test_a_supposition_is_no_statement(nlp):
    """"Let's say you think ...": the writer supposes; nobody said it."""
    assert found(nlp, "Let's say you think a degree will cost $90,000.") == []


def test_not_saying_is_a_refusal_and_not_recommending_is_against(nlp):
    """"isn't saying if ..." declines to comment; "did not recommend charges" is against them."""
    refusal = found(nlp, "The attorney general isn't saying if the charity broke any laws.")
    against = found(nlp, "The inspector criticized the mayor but did not recommend charges.")
    assert refusal[0][3] == "declines_comment"
    assert ("The inspector", "did not recommend", "charges", "denies") in against


def test_a_conjunction_left_at_the_end_is_not_said(nlp):
    """"said the levy would rise — and he noted ...": the "and" opens the next statement."""
    said = found(nlp, "But Tom Becker said the levy would rise — and he noted that the port would close later.")
    assert said[0][2] == "the levy would rise"


def test_a_relative_clause_hung_on_the_verb_speaks_for_the_noun_before(nlp):
    """"turned to the harbour police which reported ...": the police reported, not "turned to the police"."""
    said = found(nlp, 'They turned to the Harbour Police Department which reported "212 thefts" in the port.')
    assert said[0][0] == "the Harbour Police Department"


def test_a_concessive_may_is_no_hedge(nlp):
    """"My name may not be on the ballot, but ...": a concession, asserted; "the talks may resume" is a guess."""
    conceded = found(nlp, '"My name may not be on the ballot, but our work is," Tom Becker said.')
    guessed = found(nlp, '"The talks may resume next week," Tom Becker said.')
    assert conceded[0][3] == "asserts" and guessed[0][3] == "speculates"


def test_said_inside_a_relative_clause_starts_at_its_noun(nlp):
    """"the levy, which critics say hurts the docks": what critics say is that the levy hurts the docks; "an
    architect who said ..." is the architect speaking, and his words stay as they are."""
    said = found(nlp, "Becker defended the harbour levy, which critics say hurts small docks. "
                      "Hughes hired an architect who said he was never paid.")
    assert ("critics", "say", "the harbour levy, which critics say hurts small docks", "asserts") in said
    assert ("an architect", "said", "he was never paid", "asserts") in said
