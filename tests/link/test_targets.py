"""A terse denial is read as what it denies, taken from its own article: the fuller denial before it or the
report it answers beside it."""

from __future__ import annotations

from storytrace.link.targets import denial_targets
from storytrace.model import Speaker, Statement


def _said(text, speaker, start, polarity="asserts", article="a1"):
    return Statement(text=text, start=start, end=start + len(text), direct=False, speaker=Speaker(speaker),
                     cue="said", polarity=polarity, chain=[speaker], id=f"{article}:{start}", article_id=article)


def test_a_terse_denial_takes_the_fuller_denial_just_before_it():
    """The office 'denied that ...'; its spokesman's 'No such offer was made' denies the same."""
    lead = _said("the mayor had offered the depot site to the rail company", "the mayor's office", 0, "denies")
    terse = _said("No such offer was made", "a spokesman", 120, "denies")
    assert denial_targets([lead, terse]) == {terse.id: lead.text}


def test_a_terse_denial_takes_the_report_it_answers_beside_it():
    """Not the nearer side remark: the report, as what the denial answers."""
    terse = _said("That is untrue", "the mayor", 0, "denies")
    report = _said("the mayor offered the depot site to the rail company", "a report in the Courier", 60)
    aside = _said("the depot site has been empty since the war", "a neighbour", 20)
    assert denial_targets([terse, aside, report]) == {terse.id: report.text}


def test_no_target_far_away_in_another_article_or_for_a_full_denial():
    """Nothing nearby: the denial keeps its own words; a denial that names its proposition needs none."""
    terse = _said("That is untrue", "the mayor", 0, "denies")
    far = _said("the mayor offered the depot site to the rail company", "the Courier", 2000)
    elsewhere = _said("the mayor offered the depot site to the rail company", "the Courier", 40, article="a2")
    full = _said("the mayor offered the depot site to the rail company", "the mayor", 5000, "denies")
    assert denial_targets([terse, far, elsewhere, full]) == {}



def test_a_terse_denial_far_from_any_report_takes_its_own_sources_fuller_denial_before_it():
    """The writer calls an article claiming X not real at the top and "this article" fake paragraphs later: the
    later one denies X. Another source's denial that far back is not taken."""
    opening = _said("An article saying the mayor had sold the depot site is not real", "The Ledger", 0, "denies")
    other = _said("the depot site had been sold to a rail company", "the council", 200, "denies")
    terse = _said("this article about the mayor", "The Ledger", 1500, "denies")
    assert denial_targets([opening, terse])[terse.id] == opening.text
    assert terse.id not in denial_targets([other, terse])


def _topic_embed(texts):
    """Sentence vectors by hand: texts about the capture point one way, every other text another."""
    import numpy as np

    return np.array([[1.0, 0.0] if "captur" in t else [0.0, 1.0] for t in texts])


def test_denied_the_reports_takes_the_report_on_its_articles_topic_not_the_nearest():
    """'Kurdish sources denied the reports' after a blog's report of her capture and, nearer, the report's aside
    on an attack: the denial answers the capture, which its article is about."""
    capture = _said("the volunteer had been captured near the border town", "a blog", 0)
    capture.cue = "reported"
    aside = _said("fighters attacked three outposts before dawn", "the report", 100)
    terse = _said("the reports", "Kurdish sources", 200, "denies")
    later = [_said(f"the volunteer was never captured, friend {n} insisted", f"friend {n}", 400 + 100 * n)
             for n in range(2)]
    assert denial_targets([capture, aside, terse, *later]) == {terse.id: aside.text}  # without vectors: nearest
    assert denial_targets([capture, aside, terse, *later], _topic_embed) == {terse.id: capture.text}


def test_a_report_off_its_articles_topic_is_no_target():
    """A made-up quote that users 'believed' is a side matter of an article about a capture: no target."""
    aside = _said("the lights will stay off for six days", "the article", 0)
    terse = _said("the fake news report", "many users", 60, "denies")
    others = [_said(f"the volunteer was captured on day {n}", f"witness {n}", 400 + 100 * n) for n in range(5)]
    assert denial_targets([aside, terse, *others]) == {terse.id: aside.text}
    assert denial_targets([aside, terse, *others], _topic_embed) == {}


def test_a_denial_of_the_speculation_answers_a_guess_not_a_count_reported_beside_it():
    """'The speculation was incorrect' does not deny the tracker's count of posts told just before it; it answers
    the guess the blog reported, where there is one."""
    count = _said("the forecaster had more than 300 mentions since the broadcast", "a tracking site's report", 0)
    terse = _said("the speculation", "the writer", 80, "denies")
    assert denial_targets([count, terse]) == {}
    guess = _said("the forecaster may have slipped on the ice on air", "a blog's report", 40, "speculates")
    assert denial_targets([count, guess, terse]) == {terse.id: guess.text}


def test_the_writers_denial_of_the_story_takes_its_articles_report_of_it_wherever_it_stands():
    """The writer's 'The story about the bakery is fiction', and paragraphs later what the fake piece reports: the
    denial answers that report. Another's 'denied the claims' or a terse 'That is untrue' takes nothing so far
    away: they may answer anything."""
    story = _said("The story about the bakery", "the writer", 0, "denies")
    report = _said("the bakery will stop selling bread to tourists from March", "a hoax site's report", 900)
    assert denial_targets([story, report]) == {story.id: report.text}
    claims = _said("the claims", "the baker's lawyer", 0, "denies")
    claims.chain = ["the writer", "the baker's lawyer"]
    untrue = _said("That is untrue", "the writer", 0, "denies")
    assert denial_targets([claims, report]) == {}
    assert denial_targets([untrue, report]) == {}
