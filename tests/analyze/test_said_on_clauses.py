"""The day of a saying where the parse or the sentence puts it on another word: a degree word, a parenthetical
between commas, a participle parsed as a second verb, a colon's clause, an event named elsewhere, the
audience addressed, and a speaker's own "tonight" read against the article's lead."""

from __future__ import annotations

import pytest

from storytrace.analyze.timex import is_live_report
from tests.analyze.said_on_days import (
    FRIDAY,
    MONDAY,
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
    by_cue,
)


@pytest.mark.parametrize("text, cue, day", [
    # the occasion hung on a degree word ("as much") is the saying's
    ("The mayor's aide Lena Voss said as much in an interview earlier Thursday morning, arguing that the mill "
     "had failed its workers.", "arguing", THURSDAY),
    # a parenthetical time between commas just before the cue
    ("Voters have doubted Arendt since Calder, at Tuesday's forum, cited the losses his firm had hidden.", "cited",
     TUESDAY),
    ("The union leader, on Wednesday, said the strike would go on.", "said", WEDNESDAY),
    # a participle after a comma, parsed as a second verb of the clause, shares its day
    ("Calder mocked Arendt's constant sighing during the Tuesday night forum, tweeting that he seemed bored.",
     "tweeting", TUESDAY),
    # the audience addressed carries the day
    ("Reyes told his radio audience of Wednesday that the mill would close.", "told", WEDNESDAY),
])
def test_day_the_parse_hangs_elsewhere(nlp, text, cue, day):
    """The day belongs to the saying though the parse hangs it on another word."""
    assert by_cue(nlp, text)[cue].said_on == day


def test_a_colon_clause_tells_of_the_day_before_it(nlp):
    """"fireworks on Thursday: Republicans said ...": the colon opens the account of that day's event."""
    text = ("The report on the mill set off another round of angry talk on Thursday: Republicans said the owners "
            "had lied to the town.")
    assert by_cue(nlp, text)["said"].said_on == THURSDAY


def test_a_colon_after_a_saying_is_not_a_day_for_what_follows(nlp):
    """"X said Wednesday: ..." is X's account; a saying inside it is not dated by X's day."""
    text = "Calder said on Wednesday: Reyes told the board that the plant was safe."
    assert by_cue(nlp, text)["told"].said_on is None


def test_a_day_told_by_an_event_named_elsewhere(nlp):
    """"the day before the forum" takes the forum's day from the article's other mention of it."""
    text = ("Arendt attacked his rival during the town forum Tuesday night. In a column in the day before the "
            "forum, two aides urged him to attack, arguing that voters wanted a fight.")
    assert by_cue(nlp, text)["arguing"].said_on == MONDAY


def test_a_speakers_tonight_takes_the_lead_day(nlp):
    """A speaker's own "tonight" puts the saying on the night of the news the lead dates."""
    text = ("Reyes was the clear winner of Wednesday night's forum, according to the commentators.\n\n"
            "\"I think what he showed tonight is that he can lead,\" said Lena Voss.")
    assert by_cue(nlp, text)["said"].said_on == WEDNESDAY


def test_a_speakers_today_is_no_day(nlp):
    """"today" in a quote is as often "nowadays": it does not date the saying."""
    text = ("Reyes was the clear winner of Wednesday night's forum, according to the commentators.\n\n"
            "\"Young people today want jobs, not speeches,\" said Lena Voss.")
    assert by_cue(nlp, text)["said"].said_on is None


@pytest.mark.parametrize("text, cue, day", [
    # a day closing the clause, hung by the parse on the object
    ("Arendt cited his own backing from 40 mayors and sheriffs Tuesday.", "cited", TUESDAY),
    # a source made right after the event it reports
    ("Instant polls showed Calder was the winner of Wednesday's forum.", "showed", WEDNESDAY),
    ("Reyes was the clear winner of Tuesday night's forum, according to the post-forum analysis.", "according to",
     TUESDAY),
])
def test_day_of_the_clause_and_of_the_event(nlp, text, cue, day):
    """News style puts the verb's day last; a poll or analysis made right after an event speaks on its day."""
    assert by_cue(nlp, text)[cue].said_on == day


def test_a_day_closing_a_clause_of_its_own_is_not_the_saying(nlp):
    """"said he will speak Tuesday": the day is the speech's, inside what was said."""
    assert by_cue(nlp, "Arendt said he will speak to the mayors Tuesday.")["said"].said_on is None


def test_later_that_day_in_what_was_reported(nlp):
    """"will speak later Wednesday": said earlier the same day."""
    text = "The aide said Calder will answer the charges at a town hall later Wednesday."
    assert by_cue(nlp, text)["said"].said_on == WEDNESDAY


def test_a_poll_with_no_sign_of_haste_keeps_no_day(nlp):
    """A poll not marked as made right after the event is not dated by the event it names."""
    assert by_cue(nlp, "A new poll showed Calder was the winner of Wednesday's forum.")["showed"].said_on is None


@pytest.mark.parametrize("text, cue, day", [
    # two past verbs of one subject share the first one's day
    ("The police announced on Wednesday the arrest of a driver and said the road would reopen.", "said", WEDNESDAY),
    # a relative clause's saying about the thing of an event of the article's own day
    ("Nine people were hurt today by a fire that the chief described as \"a deliberate act.\"", "described", FRIDAY),
])
def test_day_shared_with_the_clause_it_joins(nlp, text, cue, day):
    """A coordinated saying shares its first verb's day; a description of the day's event was made that day."""
    assert by_cue(nlp, text)[cue].said_on == day


def test_a_description_of_an_earlier_days_event_keeps_no_day(nlp):
    """An event of an earlier day may have been described any day since: no day."""
    text = "Nine people were hurt Tuesday by a fire that the chief described as \"a deliberate act.\""
    assert by_cue(nlp, text)["described"].said_on is None


def test_coordinated_verbs_with_their_own_subjects_do_not_share_a_day(nlp):
    """"X arrived Wednesday and Y said ...": two subjects, two acts."""
    text = "The governor arrived on Wednesday and the mayor said the road would reopen."
    assert by_cue(nlp, text)["said"].said_on is None


def test_a_speakers_past_today_takes_the_lead_day(nlp):
    """"was ready to do it today" in the speaker's words is the day of the news the lead dates."""
    text = ("A town board voted Wednesday to fine the mill owner for refusing to testify.\n\n"
            "\"He was ready to testify again today in a closed session,\" his lawyer said in a statement.")
    assert by_cue(nlp, text)["said"].said_on == WEDNESDAY


@pytest.mark.parametrize("text, cue, day", [
    # a saying just before its head's act shares its day
    ("The board met Wednesday afternoon, shortly after Arendt said he would resign.", "shortly after Arendt said",
     WEDNESDAY),
    # "earlier Wednesday" in what was reported: said later that day
    ("The union blasted the board for failing to publish the figures earlier Wednesday.", "blasted", WEDNESDAY),
    # what a document shows is dated by its release
    ("On Tuesday, the Ledger published pages of the mill's records that showed large losses.", "showed", TUESDAY),
])
def test_day_of_a_nearby_act(nlp, text, cue, day):
    """A saying close to a dated act, or a document's content, takes that act's day."""
    assert by_cue(nlp, text)[cue].said_on == day


def test_a_speakers_last_night_is_the_day_after_the_night_named(nlp):
    """A speaker's "last night" is the night the article named before the quote: said the next day."""
    text = ("Arendt said on Tuesday night that the mill would close.\n\n"
            "\"He also said last night that the workers would be paid,\" Calder said.")
    assert by_cue(nlp, text)["said"].said_on == WEDNESDAY


@pytest.mark.parametrize("note", ["(all times Eastern Standard Time)", "(all times are Pacific Daylight Time)"])
def test_a_live_reports_note_may_spell_out_its_zone(note):
    """The wire's note of a running report names its zone in words as often as in letters."""
    assert is_live_report(f"The Latest on the primaries {note}:\n\nThe polls are open.")


def test_a_parenthesis_on_times_is_no_live_report():
    assert not is_live_report("He was late (all times he was asked) and left.")
