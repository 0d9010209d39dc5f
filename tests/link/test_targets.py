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
