"""The day a statement was made, where a careful reader can tell it: on the cue, on what governs the cue, in the
content, or from the article itself (the writer's own words, a running live report)."""

from __future__ import annotations

import pytest

from storytrace.analyze.attribution import extract_statements
from storytrace.analyze.timex import is_live_report
from tests.analyze.said_on_days import (
    FRIDAY,
    MONDAY,
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
    by_cue,
)

# --- the day on a phrase or verb that governs the cue ----------------------------------------


@pytest.mark.parametrize("text, cue, day", [
    # the occasion the saying came in, with its own day
    ("In a radio message posted Friday, Senator Ruth Calder said the talks were over.", "said", FRIDAY),
    ("At a rally Tuesday in Akron, Arendt questioned what kind of leader tweets at night.", "questioned", TUESDAY),
    ("In an interview on Wednesday, the governor said the budget was balanced.", "said", WEDNESDAY),
    ("In a letter sent Wednesday to lawmakers, the agency warned that funds would run out.", "warned", WEDNESDAY),
    ("Arendt said during a Tuesday evening rally in Akron that the mill would reopen.", "said", TUESDAY),
    # a participle clause that sets the scene
    ("Speaking at a rally Thursday in Ohio, Arendt said the plant would stay open.", "said", THURSDAY),
    # the verb a participle or gerund cue belongs to
    ("On Thursday, however, Arendt spoke to a union crowd, promising to lift the rules.", "promising", THURSDAY),
    ("The mayor responded Wednesday night by saying the budget was balanced.", "saying", WEDNESDAY),
    ("The ministry issued a statement Wednesday, insisting the envoy had left.", "insisting", WEDNESDAY),
    ("The rivals met voters Tuesday, each touting a plan and saying the other had none.", "saying", TUESDAY),
    # a "when"-clause takes the day named just before it
    ("The singer has been in the news since Monday night's debate, when Arendt said he was a fraud.", "said", MONDAY),
    ("Prices have risen since Tuesday, when the bank announced it would cut rates.", "announced", TUESDAY),
])
def test_day_on_what_governs_the_cue(nlp, text, cue, day):
    """The day sits on the phrase or verb the cue hangs on, not on the cue itself."""
    assert by_cue(nlp, text)[cue].said_on == day


@pytest.mark.parametrize("text, cue", [
    ("After meeting the unions Tuesday, the mayor said the strike was over.", "said"),  # said after Tuesday
    ("A man arrested Wednesday told police that he had acted alone.", "told"),  # arrested is no publishing
    ("The Dec. 7 commission said the report was late.", "said"),  # a day in a speaker's name
    ("The governor condemned Wednesday's vote as reckless.", "condemned"),  # the vote's day, not the saying's
    ("Senator Ruth Calder on Wednesday called on Tom Reyes to apologize for accusing her of lying.", "accusing"),
])
def test_a_day_of_another_event_is_not_the_saying(nlp, text, cue):
    """A day on an earlier act, on the speaker's arrest or on the verb that asks someone else to speak does not
    date the saying."""
    assert by_cue(nlp, text)[cue].said_on is None


# --- the article's own day: the writer, and a present-tense cue in a live report -------------


@pytest.mark.parametrize("text, cue", [
    ("Arendt seemed to concede the race.", "seemed"),
    ("The veto is expected to come before midnight Saturday.", "is expected"),
])
def test_the_writers_own_statement_is_made_on_the_articles_day(nlp, text, cue):
    """The writer's hedge or expectation is stated as the article is written."""
    assert by_cue(nlp, text)[cue].said_on == FRIDAY


@pytest.mark.parametrize("text, cue", [
    ("I said in 2004 that the plan would fail.", "said"),
    ("We asked whether the plan would work.", "asked"),
])
def test_the_writer_recalling_an_earlier_saying_is_not_dated_today(nlp, text, cue):
    """"I said", "we asked": the writer reports a saying of their own from before."""
    assert by_cue(nlp, text)[cue].said_on is None


LIVE = ("DAYTON (AP) — The Latest on the strike (all times EST):\n\n"
        "7 p.m.\n\nTomas Arendt says the plant will stay open.\n\n"
        "6:05 p.m.\n\nThe union says its members will vote Monday.\n\n"
        "5 p.m.\n\nArendt said Tuesday that the critics say the plan is dead.\n")


def test_present_tense_cue_in_a_live_report_is_the_reports_day(nlp):
    """A running report's "says" is said on the day it is written; a "say" inside someone's words is not."""
    found = extract_statements(nlp(LIVE), outlet="The Dayton Ledger", anchor=FRIDAY)
    days = {s.text: s.said_on for s in found}
    assert days["the plant will stay open"] == FRIDAY
    assert days["its members will vote Monday"] == FRIDAY  # "Monday" is when they vote, not when it was said
    assert days["the critics say the plan is dead"] == TUESDAY
    assert days["the plan is dead"] is None


def test_present_tense_cue_elsewhere_stays_undated(nlp):
    """A profile's "says" or "experts say" is a standing position or an interview of unknown date."""
    assert by_cue(nlp, "Tomas Arendt says the plant will stay open.")["says"].said_on is None
    assert by_cue(nlp, "The union says its members will vote Monday.")["says"].said_on is None


@pytest.mark.parametrize("text, live", [
    ("10:30 a.m.\n\nArendt says the plant will stay open.\n\n9 a.m.\n\nThe union says no.\n", True),
    ("14:05 GMT\nArendt says the plant will stay open.\n13:40 GMT\nThe union says no.\n", True),
    ("The Latest on the strike (all times local):\n\nArendt says the plant will stay open.\n", True),
    ("7 p.m.\n\nArendt says the plant will stay open.\n", False),  # one time on a line: a caption, perhaps
    ("The vote is at 7 p.m. on Friday.\nArendt says the plant will stay open at 6:05 p.m.\n", False),
])
def test_live_report_form(text, live):
    """A live report is recognised by its clock-time headings or the note announcing them."""
    assert is_live_report(text) is live


# --- the day inside the content ---------------------------------------------------------------


def test_reported_saying_keeps_its_own_day(nlp):
    """`According to Y, X said Tuesday that ...`: X said it Tuesday; when Y reported it is not told."""
    found = by_cue(nlp, "According to the Herald, spokesman Tom Bell said Tuesday that the plant would close.")
    assert (found["said"].speaker.name, found["said"].said_on) == ("Tom Bell", TUESDAY)
    assert found["According to"].said_on is None


def test_day_in_the_content_of_a_live_report_dates_the_event_not_the_saying(nlp):
    """`X says that Y called Z on Friday` in Friday's live report: the call and the saying share the day."""
    text = "8 p.m.\n\nA union spokesman says that Arendt called the strikers on Friday.\n\n7 p.m.\n\nNo news.\n"
    found = extract_statements(nlp(text), outlet="The Dayton Ledger", anchor=FRIDAY)
    assert [s.said_on for s in found if s.cue == "says"] == [FRIDAY]


@pytest.mark.parametrize("text, day", [
    ("The mayor said that the explosions that went off in Akron today were not linked.", FRIDAY),
    ("A union spokesman said that Arendt called the strikers on Friday.", FRIDAY),
    ("The campaign said the candidate will announce plans Friday.", None),  # an event still to come
    ("The mayor said that the explosions last Friday were linked.", None),  # a week before: said any day since
    ("The mayor said that the explosions on Wednesday were linked.", None),
])
def test_content_reporting_the_articles_day(nlp, text, day):
    """Reported speech telling of a past event of the article's own day was said on that day."""
    assert by_cue(nlp, text)["said"].said_on == day
