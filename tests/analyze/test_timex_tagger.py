"""The time tagger: spans, TIMEX3 types and values of hand-written sentences against an anchor."""

from __future__ import annotations

from datetime import date

import pytest

from storytrace.analyze.time import Timex, tag_timexes

FRIDAY = date(2009, 12, 18)  # a Friday in ISO week 51


def tags(text: str, anchor: date | None = FRIDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_timexes(text, anchor)]


def test_spans_are_character_offsets():
    """Each Timex's start and end slice its own text out of the input."""
    text = "The minister denied it on Wednesday."
    [timex] = tag_timexes(text, FRIDAY)
    assert timex == Timex(26, 35, "Wednesday", "DATE", "2009-12-16")
    assert text[timex.start:timex.end] == timex.text


@pytest.mark.parametrize("text, expected", [
    ("The ministry denied the report Wednesday.", ("Wednesday", "DATE", "2009-12-16")),
    ("The talks will resume Wednesday.", ("Wednesday", "DATE", "2009-12-23")),
    ("He said Friday that no proposal was made.", ("Friday", "DATE", "2009-12-18")),
    ("They met last Friday.", ("last Friday", "DATE", "2009-12-11")),
    ("The envoy arrives next Monday.", ("next Monday", "DATE", "2009-12-21")),
    ("The vote is scheduled for Tuesday.", ("Tuesday", "DATE", "2009-12-22")),
])
def test_weekdays_resolve_by_tense(text, expected):
    """Past tense takes the most recent such weekday, future the next one."""
    assert tags(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Officials met last week.", ("last week", "DATE", "2009-W50")),
    ("The report came out this week.", ("this week", "DATE", "2009-W51")),
    ("Elections are due next year.", ("next year", "DATE", "2010")),
    ("Prices rose last month.", ("last month", "DATE", "2009-11")),
    ("Sales slowed earlier this month.", ("this month", "DATE", "2009-12")),
    ("The plan was approved last year.", ("last year", "DATE", "2008")),
    ("Growth should recover early next year.", ("early next year", "DATE", "2010")),
])
def test_relative_weeks_months_years(text, expected):
    """"last/this/next" move the anchor by one week, month or year, written at that granularity."""
    assert tags(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("He had spoken the previous day.", ("the previous day", "DATE", "2009-12-17")),
    ("She left yesterday.", ("yesterday", "DATE", "2009-12-17")),
    ("The court rules today.", ("today", "DATE", "2009-12-18")),
    ("Talks continue tomorrow.", ("tomorrow", "DATE", "2009-12-19")),
])
def test_day_words(text, expected):
    """Day words count from the anchor, the dateline day of the report."""
    assert tags(text) == [expected]


def test_year_range_takes_century_from_first_year():
    """"the 1950-53 war" gives two years, 1950 and 1953."""
    assert tags("Veterans of the 1950-53 war gathered.") == [("1950", "DATE", "1950"), ("53", "DATE", "1953")]


@pytest.mark.parametrize("text, anchor, expected", [
    ("The law passed in May.", date(2009, 3, 2), ("May", "DATE", "2008-05")),
    ("The law will take effect in May.", date(2009, 3, 2), ("May", "DATE", "2009-05")),
    ("The law passed in May.", date(2009, 12, 18), ("May", "DATE", "2009-05")),
])
def test_month_name_year_by_tense(text, anchor, expected):
    """A bare month is the last one gone by, unless the verb points ahead."""
    assert tags(text, anchor) == [expected]


@pytest.mark.parametrize("text, anchor, expected", [
    ("The offer expires Dec. 9.", date(2009, 12, 18), ("Dec. 9", "DATE", "2009-12-09")),
    ("The offer expires Jan. 5.", date(2009, 12, 18), ("Jan. 5", "DATE", "2010-01-05")),
    ("The deal closed Dec. 9.", date(2010, 1, 4), ("Dec. 9", "DATE", "2009-12-09")),
    ("It happened on December 18, 2008.", FRIDAY, ("December 18, 2008", "DATE", "2008-12-18")),
    ("It happened on 18 December.", FRIDAY, ("18 December", "DATE", "2009-12-18")),
])
def test_month_day_year_is_nearest(text, anchor, expected):
    """A month and day with no year takes the year that puts it nearest the anchor."""
    assert tags(text, anchor) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Profit fell in the third quarter.", ("the third quarter", "DATE", "2009-Q3")),
    ("It was founded in 1987.", ("1987", "DATE", "1987")),
    ("He arrived in the 1990s.", ("1990s", "DATE", "199X")),
    ("Output peaked in the late 1970s.", ("the late 1970s", "DATE", "197")),
    ("The strike began in March 2008.", ("March 2008", "DATE", "2008-03")),
    ("The harvest failed last summer.", ("last summer", "DATE", "2009-SU")),
    ("The resort reopens this winter.", ("this winter", "DATE", "2009-WI")),
])
def test_calendar_units(text, expected):
    """Quarters, years, decades, month-years and seasons."""
    assert tags(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("He spoke this morning.", ("this morning", "TIME", "2009-12-18TMO")),
    ("He spoke Thursday night.", ("Thursday night", "TIME", "2009-12-17TNI")),
    ("The deadline is 5 p.m. today.", ("5 p.m. today", "TIME", "2009-12-18T17:00")),
    ("Shares closed at noon.", ("noon", "TIME", "2009-12-18T12:00")),
])
def test_parts_of_day_and_clock_times(text, expected):
    """Parts of day append TMO/TAF/TEV/TNI to the day; clock times give hours and minutes."""
    assert tags(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The strike lasted three months.", ("three months", "DURATION", "P3M")),
    ("The flight took 5 1/2 hours.", ("5 1/2 hours", "DURATION", "PT5H30M")),
    ("Prices fell over the past two years.", ("the past two years", "DURATION", "P2Y")),
    ("It signed a two-year contract.", ("two-year", "DURATION", "P2Y")),
    ("Talks went on for several weeks.", ("several weeks", "DURATION", "PXW")),
])
def test_durations(text, expected):
    """Counts of units become P/PT durations; vague counts an X."""
    assert tags(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The bombing happened three days ago.", ("three days ago", "DATE", "2009-12-15")),
    ("He retired two years ago.", ("two years ago", "DATE", "2007")),
    ("Profit rose from a year earlier.", ("a year earlier", "DATE", "2008")),
])
def test_ago_moves_the_anchor(text, expected):
    """"N units ago" is a date N units before the anchor, at the unit's granularity."""
    assert tags(text) == [expected]


def test_year_earlier_follows_the_quarter_in_discussion():
    """In earnings talk "a year earlier" is the same quarter of the previous year."""
    found = tags("Third-quarter profit rose 5% from a year earlier.", date(1989, 10, 26))
    assert found == [("Third-quarter", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1988-Q3")]


@pytest.mark.parametrize("text, expected", [
    ("The paper is printed daily.", ("daily", "SET", "P1D")),
    ("Inspectors visit every two weeks.", ("every two weeks", "SET", "P2W")),
    ("It meets each year.", ("each year", "SET", "P1Y")),
])
def test_sets(text, expected):
    """Recurrences are SETs with the period as value."""
    assert tags(text) == [expected]


def test_set_adjective_before_amount_is_not_tagged():
    """"its quarterly dividend" names an amount, not a recurrence."""
    assert tags("The company raised its quarterly dividend.") == []


@pytest.mark.parametrize("text, expected", [
    ("Prices are now falling.", ("now", "DATE", "PRESENT_REF")),
    ("The firm recently cut jobs.", ("recently", "DATE", "PAST_REF")),
    ("Rates will rise soon.", ("soon", "DATE", "FUTURE_REF")),
    ("It may change in the future.", ("the future", "DATE", "FUTURE_REF")),
])
def test_vague_references(text, expected):
    """Vague present, past and future references."""
    assert tags(text) == [expected]


def test_no_anchor_keeps_only_explicit_values():
    """Without an anchor, explicit dates resolve and relative ones are left out or left open."""
    assert tags("It ended on December 18, 2009, not yesterday.", None) == [("December 18, 2009", "DATE", "2009-12-18")]


@pytest.mark.parametrize("text", [
    "Shareholders may vote.", "He was 37 years old.", "Iraq imports three-quarters of its food.",
    "It sold 1,990 shares.",
])
def test_not_time_expressions(text):
    """Modal "may", ages, fractions and amounts are not time expressions."""
    assert tags(text) == []
