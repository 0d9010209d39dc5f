"""Resolving the day of a statement ("said Friday") against the article's anchor date."""

from __future__ import annotations

from datetime import date

import pytest

from storytrace.analyze.timex import resolve_said_on

FRIDAY = date(2009, 12, 18)


@pytest.mark.parametrize("text, expected", [
    ("Friday", date(2009, 12, 18)),  # the anchor day itself: "said Friday" in Friday's paper
    ("Wednesday", date(2009, 12, 16)),
    ("on Wednesday", date(2009, 12, 16)),
    ("Saturday", date(2009, 12, 12)),
    ("last Friday", date(2009, 12, 11)),
    ("Thursday night", date(2009, 12, 17)),
    ("late Tuesday", date(2009, 12, 15)),
])
def test_weekday_in_the_past(text, expected):
    """A past statement's weekday is the most recent such day not after the anchor."""
    assert resolve_said_on(text, FRIDAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("Monday", date(2009, 12, 21)),
    ("Friday", date(2009, 12, 18)),
    ("next Friday", date(2009, 12, 25)),
])
def test_weekday_in_the_future(text, expected):
    """An announced statement's weekday is the next such day."""
    assert resolve_said_on(text, FRIDAY, past=False) == expected


@pytest.mark.parametrize("text, expected", [
    ("today", date(2009, 12, 18)),
    ("yesterday", date(2009, 12, 17)),
    ("Yesterday", date(2009, 12, 17)),
    ("the previous day", date(2009, 12, 17)),
    ("last night", date(2009, 12, 17)),
    ("this morning", date(2009, 12, 18)),
    ("tomorrow", date(2009, 12, 19)),
])
def test_relative_days(text, expected):
    """Day words count from the anchor."""
    assert resolve_said_on(text, FRIDAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("Dec. 18", date(2009, 12, 18)),
    ("December 18, 2009", date(2009, 12, 18)),
    ("on Dec. 3", date(2009, 12, 3)),
    ("18 December", date(2009, 12, 18)),
    ("Dec. 28", date(2008, 12, 28)),  # after the anchor: last year's, for a past statement
    ("Jan. 5, 2010", date(2010, 1, 5)),
    ("2009-11-30", date(2009, 11, 30)),
    ("Friday, Dec. 11", date(2009, 12, 11)),
])
def test_explicit_dates(text, expected):
    """Explicit dates take a missing year from the anchor, staying on the past side of it."""
    assert resolve_said_on(text, FRIDAY) == expected


def test_explicit_month_day_in_the_future():
    """A future month-day after the anchor stays in the anchor's year; before it, moves to the next."""
    assert resolve_said_on("Dec. 28", FRIDAY, past=False) == date(2009, 12, 28)
    assert resolve_said_on("Jan. 5", FRIDAY, past=False) == date(2010, 1, 5)


@pytest.mark.parametrize("text", ["last week", "recently", "earlier this month", "in the past", "", "Dec. 32", "Frobday"])
def test_vague_or_unknown_is_none(text):
    """Vague or unreadable expressions give None rather than a guess."""
    assert resolve_said_on(text, FRIDAY) is None


def test_relative_without_anchor_is_none():
    """Without an anchor only a fully explicit date resolves."""
    assert resolve_said_on("Friday", None) is None
    assert resolve_said_on("Dec. 18", None) is None
    assert resolve_said_on("December 18, 2009", None) == date(2009, 12, 18)


@pytest.mark.parametrize("text, past, expected", [
    ("on Thanksgiving Day", True, date(2009, 11, 26)),
    ("on Christmas Eve", False, date(2009, 12, 24)),
    ("on Oct. 23", True, date(2009, 10, 23)),
    ("on Jan. 14", False, date(2010, 1, 14)),
])
def test_holidays_and_dates_follow_the_statement_direction(text, past, expected):
    """A said (past) or announced (future) statement puts a holiday or a yearless date on that side."""
    assert resolve_said_on(text, FRIDAY, past=past) == expected
