"""The day of a saying in the classes a blind reading of PolNeAR train found undated: an event right next to the
saying, a clause that dates the same words, a simultaneous "came as", a view held in a dated saying, a speaker's
"today" on a day's act, a past progressive of the article's day, "according to" in a live report, and a quote
carried over from the one before with its own "today"; then, from the second reading, "according to" a dated
document and a writer's hedge on a dated subject."""

from __future__ import annotations

import pytest

from storytrace.analyze.attribution import extract_statements
from storytrace.analyze.timex import said_on
from tests.analyze.said_on_days import FRIDAY, THURSDAY, TUESDAY, WEDNESDAY, by_cue


@pytest.mark.parametrize("text, cue, day", [
    # an event right next to the saying ("just prior to", "shortly after") shares its day
    ("\"It does not help him,\" the chairman said, just prior to the governor's announcement Wednesday that he "
     "would back the bill.", "said", WEDNESDAY),
    ("The mayor spoke to the crowd shortly after the vote Tuesday, saying the plant would stay open.", "saying",
     TUESDAY),
    # a clause that quotes the same words dates them
    ("On the trail, the mayor regularly pledges to \"fix every road,\" as she put it on Wednesday in Akron.",
     "regularly pledges", WEDNESDAY),
    # "X on Tuesday came as Y opposed": the same time
    ("The hearings on Tuesday came as the company's lawyers opposed a request to question the owner under oath.",
     "opposed", TUESDAY),
])
def test_day_of_what_happens_with_the_saying(nlp, text, cue, day):
    """A saying right next to a dated event, or the words a dated clause quotes, take that day."""
    assert by_cue(nlp, text)[cue].said_on == day


def test_an_event_not_close_by_does_not_date_the_saying(nlp):
    """"after the vote Tuesday" without "shortly" or "just": the saying may be days later."""
    text = "The mayor spoke to the crowd after the vote Tuesday, saying the plant would stay open."
    assert by_cue(nlp, text)["saying"].said_on is None


def test_a_view_held_is_dated_by_the_saying_that_states_it(nlp):
    """"said Wednesday she expected": the expectation is the one she stated that day."""
    doc = nlp("Governor Ruth Calder said Wednesday she expected that the workers will accept the offer.")
    expected = next(t for t in doc if t.text == "expected")
    assert said_on(expected, doc.text, FRIDAY) == WEDNESDAY


def test_another_persons_act_in_a_saying_keeps_no_day(nlp):
    """"She said Wednesday that he told her": his telling came before, on a day not told."""
    assert by_cue(nlp, "She said Wednesday that he told her the plant was safe.")["told"].said_on is None


def test_a_speakers_today_on_a_days_act_takes_the_lead_day(nlp):
    """"our decision today" is the day's act, dated as the lead dates the news, not "nowadays"."""
    text = ("The town board on Thursday voted to close the mill.\n\n"
            "\"Our decision today does not end the fight,\" the mayor said.")
    assert by_cue(nlp, text)["said"].said_on == THURSDAY


def test_a_past_progressive_of_the_articles_day_was_reported_that_day(nlp):
    """"As the Ledger reported, even on Friday morning the council was refusing": reported that Friday."""
    text = "As the Ledger reported, even on Friday morning, the council was refusing to call the fire arson."
    assert by_cue(nlp, text)["reported"].said_on == FRIDAY


def test_according_to_in_a_live_report_is_the_reports_day(nlp):
    """A running report's "according to exit polls, voters make up" speaks on the report's day."""
    text = ("The Latest on the primaries (all times EST):\n\n"
            "According to early results of exit polls, women make up more than half of the voters in each state "
            "voting Tuesday.")
    assert by_cue(nlp, text)["According to"].said_on == FRIDAY


def test_according_to_outside_a_live_report_keeps_no_day(nlp):
    """Elsewhere "according to" a source on a present verb is a standing finding of no stated day."""
    text = "According to early results of exit polls, women make up more than half of the voters in each state."
    assert by_cue(nlp, text)["According to"].said_on is None


def test_a_continued_quote_with_its_own_today_takes_the_lead_day(nlp):
    """A quote carried over from the one before keeps its speaker, and its own "the decision today" dates it."""
    text = ("The court on Thursday struck down the county's voting law.\n\n"
            "\"We took on this case for the voters,\" the chairman said. \"The decision today is a reminder that "
            "every vote counts.\"")
    continued = [s for s in extract_statements(nlp(text), outlet="The Dayton Ledger", anchor=FRIDAY)
                 if s.text.startswith("The decision today")]
    assert continued and continued[0].said_on == THURSDAY


@pytest.mark.parametrize("text, day", [
    ("The mill will close in March, according to a report Tuesday from the Dayton Ledger.", TUESDAY),
    ("Workers gave $5,000 to the fund, according to figures that were released Thursday by the union.", THURSDAY),
])
def test_according_to_a_dated_document_takes_its_day(nlp, text, day):
    """A report or figures made public on a day speak on that day."""
    assert by_cue(nlp, text)["according to"].said_on == day


def test_according_to_a_person_of_a_dated_act_keeps_no_day(nlp):
    """"according to a man who was arrested Tuesday": the arrest does not date what he said."""
    assert by_cue(nlp, "Two workers were hurt, according to a man who was arrested Tuesday.")["according to"].said_on is None


def test_a_writers_hedge_is_not_dated_by_its_subjects_day(nlp):
    """"Thursday's memo seemed aimed at ...": the writer's guess is made on the article's day, not the memo's."""
    assert by_cue(nlp, "Thursday's memo from the board seemed aimed at saving the plan.")["seemed"].said_on == FRIDAY
