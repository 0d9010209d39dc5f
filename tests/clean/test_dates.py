"""Printed dates and times as news pages show them: numeric orders, dotted clock times, publication
labels after update labels."""

from __future__ import annotations

from datetime import datetime

import pytest

from storytrace.clean.dates import is_date_line, numeric_day_first, parse_when


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("11/18/19 11:04 PM EST", None, datetime(2019, 11, 18, 23, 4)),
        ("11.14.2019 09:00 AM", None, datetime(2019, 11, 14, 9, 0)),
        ("18.11.2019", None, datetime(2019, 11, 18)),
        ("02/10/2020", True, datetime(2020, 10, 2)),
        ("02/10/2020", None, datetime(2020, 2, 10)),
        ("Mon 18 Nov 2019 18.54 GMT", None, datetime(2019, 11, 18, 18, 54)),
        ("Last updated 04 Jun 2020, originally created 17 Jun 2019", None, datetime(2019, 6, 17)),
    ],
)
def test_printed_shapes(text: str, day_first: bool | None, expected: datetime) -> None:
    """Each shape is read to its local time; the page's own order settles an ambiguous numeric date."""
    when = parse_when(text, day_first)
    assert when is not None and when.local == expected


def test_page_order_of_numeric_dates() -> None:
    """A "14/04/2020" anywhere on the page says the page writes the day first; "04/14/2020" the month."""
    assert numeric_day_first(["Posted 12/04/2020", "Comment 14/04/2020 at 3:00 pm"]) is True
    assert numeric_day_first(["Posted 04/14/2020"]) is False
    assert numeric_day_first(["Posted 04/04/2020"]) is None


def test_version_numbers_are_not_dates() -> None:
    """"version 1.2.3" holds no date, and a numeric date line is a date line."""
    assert parse_when("version 1.2.3") is None
    assert is_date_line("11.14.2019 09:00 AM")
