"""The day of a saying in the classes the third blind reading of PolNeAR train found undated: a saying that is the
scene's ("with X yelling"), simultaneous ("even as"), a continuation ("though he added"), an occasion of a dated
event ("in his opening statement of Thursday night's debate"), a day closing the sentence after a quote its cue
opens, and a speaker's "tonight" or "last night" where the lead names no day or names the speaking night."""

from __future__ import annotations

import pytest

from tests.analyze.said_on_days import FRIDAY, THURSDAY, TUESDAY, WEDNESDAY, by_cue


@pytest.mark.parametrize("text, cue, day", [
    # a "with"-clause is the scene of the verb it hangs on
    ("At a rally in Akron on Tuesday, some of his supporters pushed and kicked a heckler, with the mayor "
     "reportedly yelling: \"Take him away!\"", "yelling", TUESDAY),
    # "even as": at the same time as the dated act
    ("On his blog on Wednesday, the coach did not back down, even as parents in the league called for his "
     "dismissal.", "called for", WEDNESDAY),
    # "though he added": the same saying, continued
    ("In his Thursday interviews, the mayor again criticized the council, though he added that the vote had "
     "helped him raise money.", "added", THURSDAY),
    # the occasion of a dated event
    ("The senator is touting his wins in the primaries in his opening statement of Tuesday night's debate.",
     "is touting", TUESDAY),
    # the day closing the sentence after a quote the cue opens (the parse breaks at the quote's "!")
    ("The mayor, who also toured the plant this week, tweeted, \"Thank you Akron! #Ohio\" on Wednesday "
     "afternoon. His tweet showed the crowd.", "tweeted", WEDNESDAY),
])
def test_day_of_the_scene_a_saying_belongs_to(nlp, text, cue, day):
    """A saying set in, or going on with, a dated act takes its day."""
    assert by_cue(nlp, text)[cue].said_on == day


@pytest.mark.parametrize("text, cue", [
    # "later" puts the added words on another occasion
    ("In his Thursday interviews, the mayor again criticized the council, though he later added that the vote had "
     "helped him raise money.", "later added"),
    # "even as" with a span of time ("have called for"), not one act at the same time
    ("On his blog on Wednesday, the coach did not back down, even as parents have called for his dismissal for "
     "months.", "have called for"),
    # a date on the event names an anniversary, not the occasion's day
    ("At a memorial of the Sept. 11 attacks, the mayor promised a new fire station.", "promised"),
    # the cue after the quote: the day is dated by the usual rules, none here
    ("\"Thank you Akron!\" the mayor tweeted. His aides on Wednesday afternoon counted the replies.", "tweeted"),
])
def test_no_day_from_another_occasion(nlp, text, cue):
    """A later act, a long span, an anniversary or a day on another sentence's act dates nothing."""
    statements = by_cue(nlp, text)
    assert cue in statements
    assert statements[cue].said_on is None


@pytest.mark.parametrize("after, day", [
    ("But he offered the union a pledge Wednesday very much in line with what it had hoped to hear.", WEDNESDAY),
    ("The union has not endorsed anyone in the race.", None),
])
def test_a_speakers_tonight_takes_the_day_named_next_to_it_or_none(nlp, after, day):
    """The lead names no day and the quote's own "tonight" is not the lead's day: the day the next sentence names;
    with no day in the lead or near the quote, the reader cannot tell which night."""
    text = ("Governor wins praise from union.\n\n"
            "Standing before a packed hall in Akron, the governor read the words he had come to deliver.\n\n"
            "\"I did not come here tonight to make promises,\" the governor said slowly.\n\n" + after)
    assert by_cue(nlp, text)["said slowly"].said_on == day


def test_a_speakers_today_with_no_lead_day_takes_the_nearby_day(nlp):
    """"Their announcement today", where the lead names no day: the day named a sentence or two away."""
    text = ("Mill deal draws fire.\n\n"
            "Workers at the Akron mill plan to release the contract in full.\n\n"
            "\"Their announcement today is further proof that they want a strike,\" the owner's aide said.\n\n"
            "The union earlier Thursday said the vote would be held next month.")
    assert by_cue(nlp, text)["said"].said_on == THURSDAY


def test_a_speakers_last_night_on_the_night_the_lead_names(nlp):
    """The lead names the night of the speaking, the article's own ("Friday night"): the speaker's "last night" is
    the night before, and the saying is that Friday."""
    text = ("Crowds cheer the mayor's last speech.\n\n"
            "The mayor's farewell speech Friday night was the moment the crowd had waited for.\n\n"
            "\"I heard the band last night and thought I would bring my own drum,\" one supporter said.")
    assert by_cue(nlp, text)["said"].said_on == FRIDAY


LIVE = "The Latest on the mayor's race (all times EST):\n\n4:40 p.m.\n\n"


def test_a_past_saying_in_a_live_report_naming_its_day(nlp):
    """A running report's past "declared 'What a Friday!'": told of the report's own day, so said that day."""
    text = LIVE + "The mayor declared \"What a Friday!\" and thanked the volunteers in Akron."
    assert by_cue(nlp, text)["declared"].said_on == FRIDAY


@pytest.mark.parametrize("sentence", [
    "The mayor declared \"What a race!\" and thanked the volunteers in Akron.",  # no day in its sentence
    "The mayor declared that Wednesday's vote was a turning point for the city.",  # another day: the vote's
])
def test_a_past_saying_in_a_live_report_without_its_day_stays_undated(nlp, sentence):
    """A past saying in a running report, whose sentence names no day or another day's event: when is not told."""
    assert by_cue(nlp, LIVE + sentence)["declared"].said_on is None


@pytest.mark.parametrize("text, cue, day", [
    ("Columnist Ann Reyes stated that the debate was a calmer one and the senator \"did well\" against his rival "
     "on Wednesday's \"Evening Hour.\"", "stated", WEDNESDAY),
    # a full stop inside the quotation does not end the sentence, though the parse may end it there
    ("Columnist Ann Reyes stated that the senator \"did well, because it was a real debate. It was calmer\" and "
     "his rival was hurt by going \"into the gutter\" on Wednesday's \"Evening Hour.\"", "stated", WEDNESDAY),
    ("The pastor slammed the club for promoting \"bad habits\" among its members on Tuesday's installment of his "
     "radio show.", "slammed", TUESDAY),
])
def test_a_broadcast_of_a_weekday_is_where_it_was_said(nlp, text, cue, day):
    """A show named with its weekday late in the sentence is the saying's occasion, wherever the parse hangs it."""
    assert by_cue(nlp, text)[cue].said_on == day


def test_a_show_still_to_come_dates_nothing(nlp):
    """"said he will appear on Friday's 'Meet the Press'": the show is ahead, the saying's day not told."""
    text = "The senator said he will appear on Thursday's \"Morning Line\" to explain the vote."
    assert by_cue(nlp, text)["said"].said_on is None


@pytest.mark.parametrize("text, cue, day", [
    # a bare day closing the verb's phrase before a comma, hung by the parse on a quoted noun
    ("The mayor defended his aide as a \"very decent man\" Wednesday, hours after the aide was charged with "
     "battery.", "defended", WEDNESDAY),
    # a clause at the same time, set before the saying
    ("As he shook hands with shoppers Tuesday afternoon in Akron, the senator reiterated his belief that the plant "
     "will stay open.", "reiterated", TUESDAY),
    # a document says what it says as it is made
    ("The city council on Wednesday approved a resolution condemning the governor's call for a ban on new "
     "plants.", "condemning", WEDNESDAY),
    # a view held, stated in a dated column
    ("The columnist has been critical of the mayor but on Tuesday wrote that she agreed with him that the past "
     "is relevant.", "agreed with", TUESDAY),
    # a broadcast of a weekday before the saying, deep in its occasion
    ("During an interview with a correspondent for \"Dateline\" broadcast on Thursday's \"Evening Live,\" the "
     "hacker stated that he had access to the server.", "stated", THURSDAY),
])
def test_day_of_the_saying_read_off_the_fourth_sample(nlp, text, cue, day):
    """Classes read off the blind seed-404 sample (fitted: its figure was taken before them)."""
    assert by_cue(nlp, text)[cue].said_on == day


@pytest.mark.parametrize("text, cue", [
    # the day of an event the saying came after, on a day not told
    ("The mayor spoke to reporters after the vote Tuesday, and praised the council.", "praised"),
    # a clause before the saying that puts it later ("after"), not at the same time
    ("After he shook hands with shoppers Tuesday afternoon, the senator reiterated his belief in the plan.",
     "reiterated"),
    # a document's participle under a verb that does not make it
    ("The city council on Wednesday rejected a resolution condemning the governor's call for a ban.",
     "condemning"),
])
def test_no_day_from_an_act_before_or_apart(nlp, text, cue):
    """An act before the saying, or a document not made then, dates nothing."""
    statements = by_cue(nlp, text)
    assert cue in statements
    assert statements[cue].said_on is None


def test_a_speakers_yesterday_keeps_no_day_from_the_weekday_named_before(nlp):
    """A speaker's "yesterday" is not read off the last weekday named before the quote: on train that weekday was
    as often another event's ("the visit yesterday", "from yesterday" as a figure) as the one meant. (An occasion
    of the same kind as the quote's is another matter: tests/analyze/test_said_on_events.py.)"""
    text = ("The chief does not do them publicly, as was the case with Wednesday's surprise visit to the plant.\n\n"
            "\"Nobody has ever seen a chief hold a press conference like what we saw yesterday,\" the aide said.")
    assert by_cue(nlp, text)["said"].said_on is None
