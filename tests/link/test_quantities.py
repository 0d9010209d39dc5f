"""Figures conflict only when they cannot both hold: bounds, ranges and approximations are intervals."""

from __future__ import annotations

import math

import pytest

from storytrace.link.disputes import values_conflict
from storytrace.link.quantities import quantities


@pytest.mark.parametrize("text, low, high, unit", [
    ("at least 50 doctors", 50, math.inf, "doctors"),
    ("between 50 and 60 doctors", 50, 60, "doctors"),
    ("up to 300 workers", 0, 300, "workers"),
    ("about 100 boats", 90, 110, "boats"),
    ("nearly 40 percent", 36, 40, "percent"),
    ("3.5 million people", 3.5e6, 3.5e6, "people"),
    ("1,200 jobs", 1200, 1200, "jobs"),
    ("$75 billion for the company", 75e9, 75e9, "dollars"),
    ("12-15 percent", 12, 15, "percent"),
    ("200 or more families", 200, math.inf, "families"),
    ("over 6 1/2 feet long", 6.5, math.inf, "feet"),  # a mixed number, not its last digit
    ("a pike 4¾ feet long", 4.75, 4.75, "feet"),
])
def test_a_figure_reads_as_the_interval_its_words_allow(text, low, high, unit):
    """Bounds, ranges, approximations and scale words become the interval of values the figure allows."""
    [quantity] = quantities(text)
    assert quantity.unit == unit and quantity.low == pytest.approx(low) and quantity.high == pytest.approx(high)


def test_digits_joined_by_a_slash_are_no_figure():
    """"24/7" and "9/11" are a ratio and a date, not counts."""
    assert [q.unit for q in quantities("a 24/7 desk with 3 doctors")] == ["doctors"]
    assert quantities("since 9/11") == []


def test_a_time_of_day_is_no_figure():
    """"11:05 p.m." and "around 11 p.m." are two readings of a clock, not rival counts; a count beside stays one."""
    assert [q.unit for q in quantities("at 11:05 p.m. a crater 12 metres wide")] == ["metres"]
    assert quantities("the blast came around 11 p.m. on Saturday") == []
    assert quantities("doors open at 9am") == []
    assert values_conflict("the blast came at 11:05 p.m. Saturday", "the blast came around 11 p.m. Saturday") is False
    assert values_conflict("11 people were hurt", "9 people were hurt") is True


def test_years_are_not_figures():
    """A year beside a figure is a date, not a rival count."""
    assert [q.unit for q in quantities("the plant opened in 1998 with 40 staff")] == ["staff"]
    assert len(quantities("the plant opened in 1998")) == 0


@pytest.mark.parametrize("a, b, conflict", [
    ("at least 50 doctors signed the letter", "between 50 and 60 doctors signed the letter", False),
    ("50 doctors signed the letter", "60 doctors signed the letter", True),
    ("about 100 boats joined the protest", "104 boats joined the protest", False),
    ("more than 80 boats joined the protest", "60 boats joined the protest", True),
    ("20 percent of the staff", "3 million people", False),
    ("a crater 39 feet across", "a crater 40 feet across", False),
    ("a catfish over 6 1/2 feet is rare", "a catfish over 6.5 feet is rare", False),
    ("a 16-year-old pupil and his teacher", "the 26-year-old teacher", False),
])
def test_two_figures_conflict_only_when_they_cannot_both_hold(a, b, conflict):
    """A range inside a bound agrees with it; two exact counts of one unit do not."""
    assert values_conflict(a, b) is conflict
