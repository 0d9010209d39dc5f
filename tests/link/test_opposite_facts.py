"""Opposite facts told by independent sources ("he is alive and well" against "he died") are contradictions; a
denial, one speaker, one sentence, a guess or a report of the fact are not. Hand-built statements, no model."""

from __future__ import annotations

import pytest

from storytrace.analyze.stance_words import opposite_facts, opposite_sides
from storytrace.link.claims import _newly_opposed
from storytrace.link.disputes import find_disputes
from storytrace.model import Claim, Speaker, Statement

CLAIM = Claim("C1", "S1", "", [])


def _said(text, speaker, article, polarity="asserts", start=0):
    return Statement(text=text, start=start, end=start + len(text), direct=False, speaker=Speaker(speaker),
                     cue="denied" if polarity == "denies" else "said", polarity=polarity, chain=[speaker],
                     id=f"{article}:{start}", article_id=article)


def _opposed(a: Statement, b: Statement) -> str | None:
    """The lexicon alone: these tests' statements are all of one subject."""
    return opposite_facts(a.text, b.text)


@pytest.mark.parametrize("one, other, opposition", [
    ("the drummer is alive and well", "the drummer died in his sleep on Sunday", "alive"),
    ("the photo of the flooded square is real", "the photo of the flooded square was doctored", "genuine"),
    ("it's a hoax, the clip of the flooded square", "the clip of the flooded square is authentic", "genuine"),
    ("the three hostages have been released", "the three hostages are still held in the port", "released"),
    ("the three hostages were freed on Friday", "the three hostages have not been released", "released"),
    ("a second case has been confirmed in the town", "a second case in the town was ruled out", "ruled out"),
])
def test_each_opposition_of_the_lexicon(one, other, opposition):
    """Each named opposition: one side against the other, either order."""
    assert opposite_facts(one, other) == opposition == opposite_facts(other, one)


@pytest.mark.parametrize("text", [
    "the drummer is not dead",  # a denial, read as such elsewhere
    "the drummer may be alive",  # a guess
    "she said the tape, if it is authentic, shows a pause",  # a supposition
    "the band laughed off reports that the drummer had died",  # a report of the fact, not the fact
    "the drummer's real name is Ivo Lind",  # a possessive, not "is"
    "the question is is this authentic",  # a question
])
def test_what_does_not_tell_a_fact(text):
    assert opposite_sides(text) == set()


def test_one_subject_against_many_is_no_opposition():
    """'The video is real' and 'many prank videos are staged' speak of different things."""
    assert opposite_facts("the video of the rescue is real", "many prank videos are staged") is None


def test_independent_sources_telling_opposite_facts_contradict_each_other():
    alive = _said("the drummer is alive and well, resting at home", "his manager", "wire")
    dead = _said("the drummer died on Sunday at his home", "a fan site", "blog")
    [dispute] = find_disputes(CLAIM, [alive, dead], {}, opposed=_opposed)
    assert dispute.kind == "contradiction" and dispute.evidence.rule == "opposites"
    assert dispute.statement_ids == [alive.id, dead.id] and "alive" in dispute.explanation


def test_no_contradiction_without_the_lexicon_reading():
    """Without `opposed`, only rival figures contradict: the rule is opt-in for callers."""
    alive = _said("the drummer is alive and well, resting at home", "his manager", "wire")
    dead = _said("the drummer died on Sunday at his home", "a fan site", "blog")
    assert find_disputes(CLAIM, [alive, dead], {}, close=lambda a, b: False) == []


def test_a_denial_is_a_denial_not_an_opposite_fact():
    """'He is not dead, as reported' denies the report; it is not also raised as a contradiction."""
    denial = _said("the drummer is not dead, as reported", "his manager", "wire", polarity="denies")
    dead = _said("the drummer died on Sunday", "a fan site", "blog")
    disputes = find_disputes(CLAIM, [denial, dead], {}, opposed=_opposed)
    assert [d.kind for d in disputes] == ["denial"]


def test_one_speaker_or_one_article_is_never_both_sides():
    """A speaker correcting themselves, or one article telling the rumour and the fact, is no contradiction."""
    alive = _said("the drummer is alive and well", "his manager", "wire")
    dead_same_speaker = _said("the drummer died on Sunday", "his manager", "blog")
    dead_same_article = _said("the drummer died on Sunday", "a fan site", "wire", start=200)
    assert find_disputes(CLAIM, [alive, dead_same_speaker], {}, opposed=_opposed) == []
    assert find_disputes(CLAIM, [alive, dead_same_article], {}, opposed=_opposed) == []


def test_a_range_agreeing_with_a_value_stays_no_contradiction():
    """The opposite-fact reading adds nothing where figures agree: 'at least 50' and 'between 50 and 60'."""
    bound = _said("at least 50 doctors signed the letter", "the union", "x")
    ranged = _said("between 50 and 60 doctors signed the letter", "the hospital", "y")
    assert find_disputes(CLAIM, [bound, ranged], {}, opposed=_opposed) == []


def test_opposite_facts_are_paired_across_claims_only_where_new():
    """Pairs found when an article arrives hold one of its statements, of two articles and two sources."""
    alive = _said("the drummer is alive and well", "his manager", "wire")
    dead = _said("the drummer died on Sunday", "a fan site", "blog")
    older = _said("the drummer died last night", "a radio host", "radio")
    claim_of = {alive.id: "C1", dead.id: "C2", older.id: "C3"}
    pairs = _newly_opposed([alive, dead, older], {dead.id}, claim_of, _opposed)
    assert [(a.id, b.id) for a, b in pairs] == [(alive.id, dead.id)]


def test_one_opposition_told_by_many_reports_is_one_dispute():
    """Two outlets telling the death and two telling him alive: one conflict, led by the first pair found, with
    each further report named on its side; a second opposition of the claim stays a dispute of its own."""
    alive = _said("the drummer is alive and well, resting at home", "his manager", "wire")
    dead = _said("the drummer died on Sunday at his home", "a fan site", "blog")
    dead_again = _said("the drummer died in his sleep on Sunday", "a gossip page", "gossip")
    alive_again = _said("the drummer is alive, his label says", "his label", "paper")
    real = _said("the photo of the drummer's bus is real", "a fan site", "forum")
    doctored = _said("the photo of the drummer's bus was doctored", "a picture desk", "desk")
    disputes = find_disputes(CLAIM, [alive, dead, dead_again, alive_again, real, doctored], {}, opposed=_opposed)
    assert len(disputes) == 2
    first, second = disputes
    assert first.statement_ids[:2] == [alive.id, dead.id]
    assert set(first.statement_ids) == {alive.id, dead.id, dead_again.id, alive_again.id}
    assert "1 more statement(s) tell what his manager tells: his label" in first.explanation
    assert "1 more statement(s) tell what a fan site tells: a gossip page" in first.explanation
    assert second.statement_ids == [real.id, doctored.id]


@pytest.mark.parametrize("one, other, opposed", [
    ("Orlan Vey was still alive during the talks", "Mira Tolk had been killed in the raid", False),  # two names
    ("Orlan Vey was still alive during the talks", "a Corvan hostage was killed in an airstrike", False),
    ("Orlan Vey is dead", "he is still alive", True),  # a pronoun may be anyone
    ("the singer was reported dead", "Vey was alive and well", True),  # so may a description
    ("Sources say Orlan Vey was found dead", "Vey was alive and well", True),  # one name in both
])
def test_two_subjects_named_apart_are_no_opposition(one, other, opposed):
    """Each predicate's subject named, and neither text naming the other's: two people, not one."""
    assert (opposite_facts(one, other) == "alive") is opposed


def test_a_feigned_fact_is_not_told():
    """'pretended he was alive' tells that he was not."""
    assert opposite_sides("the captors pretended he was alive during the talks") == set()
