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
    """A month and day with no year takes the nearer year, leaning to the past (see test_timex_story)."""
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


@pytest.mark.parametrize("text, expected", [
    ("Since the decision was announced Wednesday, they have said they will appeal it.", "2009-12-16"),
    ("Protesters were planning to drive to the airport on Monday.", "2009-12-21"),
    ("Thirty members had filed their reports by Wednesday.", "2009-12-16"),
    ("Until Thursday, the police had not called him a suspect.", "2009-12-17"),
    ("The offer had been due to expire Tuesday.", "2009-12-15"),
    ("The father would be traveling to the United States Thursday with his wife.", "2009-12-24"),
    ("On Wednesday, when she set aside vacation plans to fly home, the toll rose.", "2009-12-16"),
    ("The minister is to arrive in Seoul Monday.", "2009-12-21"),
])
def test_weekday_follows_the_governing_verb(text, expected):
    """A weekday's direction comes from the nearest tense marker of its clause, not from any "will" nearby."""
    [(_, kind, value)] = [t for t in tags(text) if t[0].endswith("day")]
    assert (kind, value) == ("DATE", expected)


def test_hyphenated_ages_are_not_durations():
    """"6-year-old" and "8-month-old" are ages, not time expressions."""
    assert tags("The 6-year-old boy and a 44-year-old man defended the 8-month-old truce.") == []


@pytest.mark.parametrize("text", [
    'Baker said on ABC\'s "This Week" that talks failed.',
    "Gonzalez said on CBS's ``60 Minutes'' that he was angry.",
    "A poster showed Gary Cooper from the film High Noon.",
    "This is VOA Today.",
])
def test_capitalized_time_words_inside_a_sentence_are_titles(text):
    """A time word capitalized mid-sentence names a show or film, not a time."""
    assert tags(text) == []


def test_sentence_initial_capitals_still_count():
    """"Today" and "This week" at a sentence start remain time expressions."""
    assert tags("Today the talks resume. This week they ended.")[0] == ("Today", "DATE", "2009-12-18")
    assert tags("This week they ended.") == [("This week", "DATE", "2009-W51")]


@pytest.mark.parametrize("text", [
    "The plan saves $500 million a year in costs.",
    "Guards stood outside the clinic 24 hours a day.",
    "If they turned him back, it will be a second betrayal.",
    "He was last seen the day before authorities issued a warrant.",
    "Czech Foreign Minister Jan Kavan signed the treaty.",
])
def test_lookalikes_are_not_timexes(text):
    """Rates after amounts, ordinal "a second", conjunction "the day before" and the name "Jan" are not times."""
    assert [t for t in tags(text) if t[0].lower() in ("a year", "a day", "a second", "the day before", "jan")] == []


@pytest.mark.parametrize("text", [
    "The group could leave as soon as Tuesday.",
    "He was soon released from the hospital.",
    "He was probably killed soon after being captured.",
])
def test_soon_in_narrative_or_as_soon_as_is_not_future_ref(text):
    """"as soon as", "soon after" and past-tense "was soon" are not FUTURE_REF."""
    assert all(t[0].lower() != "soon" for t in tags(text))


def test_soon_in_the_future_is_future_ref():
    """"will soon" stays a FUTURE_REF."""
    assert ("soon", "DATE", "FUTURE_REF") in tags("The company will soon begin selling boxes.")


@pytest.mark.parametrize("text, expected", [
    ("They would look for ways to get around Wednesday's ruling.", "2009-12-16"),
    ("The stock fell 75 cents to $16.25 in composite trading Friday.", "2009-12-18"),
    ("Officials decided to meet Monday.", "2009-12-21"),
])
def test_weekday_possessive_and_infinitive_markers(text, expected):
    """"Wednesday's ruling" is past; "to $16.25" is no infinitive; "decided to meet" points ahead."""
    assert [t for t in tags(text) if t[0].endswith("day")][0][2] == expected


@pytest.mark.parametrize("text, expected", [
    ("NATO has decided to admit Poland in early March.", "2010-03"),
    ("Final guidelines to be published in November will decide it.", "2010-11"),
    ("He will be named commander of the shuttle for a mission in March.", "2010-03"),
    ("The accession was planned for early March.", "2010-03"),
    ("The company reported a loss in March.", "2009-03"),
])
def test_bare_month_follows_the_governing_verb(text, expected):
    """A month named without a year takes its year from the tense of the verb that governs it."""
    [(_, kind, value)] = [t for t in tags(text) if "March" in t[0] or "November" in t[0]]
    assert (kind, value) == ("DATE", expected)

