"""Month and weekday names are read the same way by the clean stage, the time tagger and the linker."""

from __future__ import annotations

import re

import pytest

from storytrace.date_words import MONTH_IN_PROSE, MONTH_ON_PAGE, month_number, weekday_number
from storytrace.link.propositions import concrete_values


@pytest.mark.parametrize("name, number", [("Sept.", 9), ("september", 9), ("DEC", 12), ("May", 5), ("Jul.", 7)])
def test_a_month_name_or_abbreviation_gives_its_number(name, number):
    assert month_number(name) == number


def test_a_weekday_name_or_abbreviation_gives_its_number():
    assert [weekday_number(n) for n in ("Monday", "Thurs.", "sun")] == [0, 3, 6]


def test_a_lower_case_month_word_is_a_date_on_a_date_line_but_not_in_prose():
    """"may" and "march" are common words in prose; on a date line ("posted may 5, 2019") they are months."""
    assert re.fullmatch(MONTH_ON_PAGE, "may") and re.fullmatch(MONTH_ON_PAGE, "DEC.")
    assert not re.fullmatch(MONTH_IN_PROSE, "may") and re.fullmatch(MONTH_IN_PROSE, "May")


def test_a_word_that_starts_like_a_month_is_no_date_of_a_claim():
    """"Market 5" and "Decision 2" name no day; "Dec. 9" and "March 3" do."""
    assert concrete_values("Market 5 opened after Decision 2 was taken")["date"] == set()
    assert concrete_values("the vote on Dec. 9, not March 3")["date"] == {"dec 9", "mar 3"}
