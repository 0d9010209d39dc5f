"""The time tagger's document-level rules: the story's own dates, the quarter a report is about,
past-leaning years for dates without one, holidays and weekly recurrences."""

from __future__ import annotations

from datetime import date

import pytest

from storytrace.analyze.time import tag_timexes
from storytrace.analyze.time.anchoring import day_year, month_year

FRIDAY = date(2009, 12, 18)  # a Friday in ISO week 51


def tags(text: str, anchor: date | None = FRIDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_timexes(text, anchor)]


@pytest.mark.parametrize("text, expected", [
    ("On May 22, 1995, he was promoted, and the following year he left.", ("the following year", "DATE", "1996")),
    ("Talks began in March. The following month, the firm was sold.", ("The following month", "DATE", "2009-04")),
    ("Imports reached $1 billion in 1988, a record that year.", ("that year", "DATE", "1988")),
    ("He fled in June 1998 and returned later that year.", ("later that year", "DATE", "1998")),
    ("He was shot on Oct. 23, 1998. The next day police searched the house.", ("The next day", "DATE", "1998-10-24")),
    ("Stocks fell Friday, down 4% from the previous Friday.", ("the previous Friday", "DATE", "2009-12-11")),
])
def test_anaphoric_expressions_count_from_the_story_date(text, expected):
    """"the following year", "that year", "the next day" count from the date the story last named."""
    assert expected in tags(text)


def test_anaphoric_expressions_without_a_story_date_use_the_anchor():
    """With no date named before it, "the previous day" counts from the dateline."""
    assert tags("He had spoken the previous day.") == [("the previous day", "DATE", "2009-12-17")]


def test_the_report_quarter_is_the_first_begun_one():
    """A later aside ("after a flat second quarter") or a quarter ahead does not change the subject."""
    text = ("Third-quarter profit rose 20% from a year ago. After a flat second quarter, sales grew. "
            "A fourth-quarter charge is expected. Profit was lower than a year ago.")
    found = tags(text, date(1989, 11, 1))
    assert [value for phrase, _, value in found if phrase == "a year ago"] == ["1988-Q3", "1988-Q3"]
    assert ("fourth-quarter", "DATE", "1989-Q4") in found


def test_an_old_quarter_is_history_not_the_subject():
    """"the third quarter of 1984" in a 1989 report is not the quarter being reported."""
    found = tags("Sales peaked in the third quarter of 1984. Profit rose from a year ago.", date(1989, 10, 27))
    assert ("a year ago", "DATE", "1988") in found


@pytest.mark.parametrize("text, expected", [
    ("The current quarter began well.", ("The current quarter", "DATE", "2009-Q4")),
    ("The loss in the latest quarter widened.", ("the latest quarter", "DATE", "2009-Q3")),
    ("Profit doubled in the first half.", ("the first half", "DATE", "2009-H1")),
    ("It was the worst crash of the 20th century.", ("the 20th century", "DATE", "19")),
    ("Traders squared positions over the weekend.", ("the weekend", "DATE", "2009-W50-WE")),
    ("A hearing is set for the week of Jan. 4.", ("the week of Jan. 4", "DATE", "2010-W01")),
])
def test_quarters_halves_centuries_weekends_and_weeks(text, expected):
    """"the current quarter" is the anchor's; "the latest quarter" the last one closed; "the week of" an ISO week."""
    assert tags(text) == [expected]


def test_a_compound_year_earlier_is_not_a_duration():
    """"a year-earlier loss" is the year-earlier date, not the duration "a year"."""
    found = tags("Third-quarter profit beat a year-earlier loss.", date(1989, 10, 26))
    assert ("year-earlier", "DATE", "1988-Q3") in found


@pytest.mark.parametrize("month, day, anchor, tense, year", [
    (10, 23, date(1999, 5, 6), None, 1998),  # "the Oct. 23 slaying", written in May: last October's
    (2, 1, date(1989, 10, 26), None, 1990),  # "effective Feb. 1": the coming one, much nearer
    (12, 28, FRIDAY, "past", 2008),  # a past event is never after the dateline
    (1, 14, date(2000, 1, 15), "future", 2000),  # "by Jan. 14" in a report dated the day after
    (1, 5, FRIDAY, "future", 2010),
])
def test_day_year_leans_to_the_past(month, day, anchor, tense, year):
    """Without a tense, a past date wins unless a future one is more than twice as near."""
    assert day_year(month, day, anchor, tense) == year


@pytest.mark.parametrize("month, anchor, tense, year", [
    (1, date(1989, 11, 2), None, 1990),  # "in January", written in November
    (5, date(2000, 3, 29), None, 2000),  # "heard in May", written in March
    (4, date(1989, 10, 26), None, 1989),  # "in April", written in October: this year's
    (5, date(2009, 3, 2), "past", 2008),
    (3, date(2009, 3, 2), "future", 2009),  # the anchor's own month
])
def test_month_year_leans_to_the_past(month, anchor, tense, year):
    """A bare month takes the tense's side of the anchor, or the nearer side leaning to the past."""
    assert month_year(month, anchor, tense) == year


@pytest.mark.parametrize("text, anchor, expected", [
    ("The quarter ended Sept. 30.", date(1989, 10, 26), ("Sept. 30", "DATE", "1989-09-30")),
    ("The dividend is payable Dec. 15 to holders of record Nov. 17.", date(1989, 10, 26),
     ("Dec. 15", "DATE", "1989-12-15")),
    ("He was last seen Nov. 3.", date(1999, 5, 7), ("Nov. 3", "DATE", "1998-11-03")),
    ("The dividend will be paid Jan. 14.", date(1989, 10, 26), ("Jan. 14", "DATE", "1990-01-14")),
])
def test_month_day_follows_a_verb_right_before_it(text, anchor, expected):
    """"ended Sept. 30" is past; "will be paid Jan. 14" and "payable Dec. 15" are not."""
    assert expected in tags(text, anchor)


@pytest.mark.parametrize("text, anchor, expected", [
    ("The boy was found Thanksgiving Day.", date(2000, 1, 7), ("Thanksgiving Day", "DATE", "1999-11-25")),
    ("He was rescued last Thanksgiving.", date(2000, 2, 10), ("last Thanksgiving", "DATE", "1999-11-25")),
    ("It is a theme from now to Election Day.", date(1998, 10, 26), ("Election Day", "DATE", "1998-11-03")),
    ("Crowds gathered as Easter week began.", date(2000, 4, 17), ("Easter week", "DATE", "2000-W16")),
    ("The shop closes on Christmas Eve.", FRIDAY, ("Christmas Eve", "DATE", "2009-12-24")),
])
def test_holidays(text, anchor, expected):
    """Holidays resolve to their date in the year the tense points to, "... week" to its ISO week."""
    assert expected in tags(text, anchor)


@pytest.mark.parametrize("text, expected", [
    ("The third flight departs each Thursday.", ("each Thursday", "SET", "XXXX-WXX-4")),
    ("The club meets on Sundays.", ("Sundays", "SET", "XXXX-WXX-7")),
    ("Flights leave on Tuesday nights.", ("Tuesday nights", "SET", "XXXX-WXX-2TNI")),
])
def test_weekly_recurrences(text, expected):
    """"each Thursday", plural weekdays and "Tuesday nights" are weekly SETs."""
    assert tags(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Ukraine was ruled from Moscow for centuries.", ("centuries", "DURATION", "PXC")),
    ("Growth is the first in years.", ("years", "DURATION", "PXY")),
    ("Many more died over the years.", ("the years", "DURATION", "PXY")),
    ("We don't minimize the challenges of the near term.", ("the near term", "DATE", "FUTURE_REF")),
])
def test_bare_plural_units_and_vague_futures(text, expected):
    """"for centuries", "in years" are vague durations; "the near term" a vague future."""
    assert tags(text) == [expected]


def test_a_new_earnings_lead_changes_the_report_quarter():
    """In a digest, "Separately, X reported third-quarter profit" makes Q3 the subject after a fiscal Q1."""
    text = ("Delta's earnings soared in the fiscal first quarter. Separately, America West reported "
            "third-quarter profit jumped 45% from a year earlier.")
    assert ("a year earlier", "DATE", "1988-Q3") in tags(text, date(1989, 10, 26))


@pytest.mark.parametrize("text, expected", [
    ("The summit will be held on April 24 and 25.", [("April 24", "DATE", "2010-04-24"), ("25", "DATE", "2010-04-25")]),
    ("They held a third day-long meeting.", [("day-long", "DURATION", "P1D")]),
    ("It is a decades-long battle.", [("decades-long", "DURATION", "PXY")]),
    ("The post-1959 politics split families.", [("1959", "DATE", "1959")]),
    ("He will stay for two more weeks.", [("two more weeks", "DURATION", "P2W")]),
    ("It has become a daily public rally.", [("daily", "SET", "P1D")]),
])
def test_coordinated_days_compounds_and_set_adjectives(text, expected):
    """"April 24 and 25" is two dates; "-long" compounds are durations; "a daily rally" recurs daily."""
    assert tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("It announced an agreement to acquire the bank in January.", ("January", "DATE", "1990-01")),
    ("The dividend would be paid in January.", ("January", "DATE", "1990-01")),
    ("The cost came from a new labor pact effective June 1.", ("June 1", "DATE", "1990-06-01")),
])
def test_intent_nouns_would_be_and_effective_point_ahead(text, expected):
    """"an agreement to acquire", "would be paid" and "effective June 1" point past the dateline."""
    assert expected in tags(text, date(1989, 11, 2))


@pytest.mark.parametrize("text, expected", [
    ("Third-quarter profit rose. For the quarter a year ago, it earned $5.", ("the quarter a year ago", "DATE", "1988-Q3")),
    ("Third-quarter profit rose. Sales for last year's quarter were $3.", ("last year's quarter", "DATE", "1988-Q3")),
    ("Third-quarter net rose from $1.8 million for the corresponding period last year.",
     ("the corresponding period last year", "DATE", "1988-Q3")),
    ("For the week, the index dropped 3.8%.", ("the week", "DATE", "1989-WXX")),
])
def test_last_years_period_and_an_unpinned_week(text, expected):
    """"the quarter a year ago" is the report quarter a year back; "for the week" leaves the week open."""
    assert expected in tags(text, date(1989, 11, 1))


@pytest.mark.parametrize("text, anchor, expected", [
    ("Rules should be in place by year's end.", date(1989, 10, 26), ("year's end", "DATE", "1989")),
    ("He and Arafat meet separately Monday with the envoy.", date(1998, 5, 1), ("Monday", "DATE", "1998-05-04")),
    ("It marked a return to the rallies of early December.", date(2000, 1, 15), ("early December", "DATE", "1999-12")),
])
def test_year_end_and_scheduled_present(text, anchor, expected):
    """"year's end" is the anchor's year; "they meet Monday" is the coming Monday, "a return" is a noun."""
    assert expected in tags(text, anchor)


@pytest.mark.parametrize("text, expected", [
    ("Hopes were dashed Friday. Dealers placed buy orders in the morning.", ("the morning", "TIME", "2009-12-18TMO")),
    ("Funds may sell junk in the weeks ahead.", ("the weeks ahead", "DURATION", "PXW")),
])
def test_in_the_morning_and_the_weeks_ahead(text, expected):
    """"in the morning" is on the day the story is at; "the weeks ahead" is a vague duration."""
    assert expected in tags(text, date(2009, 12, 21))


@pytest.mark.parametrize("text, expected", [
    ("The river floods each July.", ("each July", "SET", "XXXX-07")),
    ("He recalled the winter of nineteen ninety-four.", ("the winter of nineteen ninety-four", "DATE", "1994-WI")),
])
def test_month_sets_and_seasons_with_spelled_out_years(text, expected):
    """"each July" recurs yearly; a season takes a year written in words."""
    assert tags(text) == [expected]


def test_a_bare_clock_time_is_on_the_story_day():
    """"at 10 p.m." after "On Oct. 23, 1998" is that evening, not the dateline's."""
    found = tags("He was shot on Oct. 23, 1998. It happened at 10 p.m. in his kitchen.", date(1999, 4, 19))
    assert ("10 p.m.", "TIME", "1998-10-23T22:00") in found
