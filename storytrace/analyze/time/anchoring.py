"""Calendar arithmetic against an anchor date: which Friday, which May, which Dec. 9, which week.

`tense` is "past", "future" or None (unknown). A weekday or a month named without a year points to
the nearest such day or month on the tense's side of the anchor; with no tense, the nearest one.
"""

from __future__ import annotations

from datetime import date, timedelta


def weekday_date(target: int, anchor: date, tense: str | None, strict: bool = False) -> date:
    """The day with weekday `target`: past -> most recent not after the anchor, future -> next not before.

    `strict` excludes the anchor day itself ("last Friday", "next Friday"); with tense None the
    nearest day wins, the past one on a tie, as news mostly reports what happened.
    """
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    if tense == "future" or (tense is None and ahead < back):
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


# News mostly reports what happened: with no tense to go by, a past date wins over a future one
# unless the future one is more than this many times nearer ("in January", written in November, is next
# January; "the Oct. 23 slaying", written in May, is last October's).
PAST_LEAN = 2


def past_wins(past_gap: int, future_gap: int) -> bool:
    """Whether the past candidate is the nearer one once the past lean is applied."""
    return past_gap <= PAST_LEAN * future_gap


def month_year(month: int, anchor: date, tense: str | None) -> int:
    """The year of a month named without one: the anchor's own month is this year's; else the tense's
    side of the anchor, or with no tense the nearer side, leaning to the past."""
    if month == anchor.month:
        return anchor.year
    past_year = anchor.year if month < anchor.month else anchor.year - 1
    if tense == "past":
        return past_year
    if tense == "future":
        return past_year + 1
    past_gap, future_gap = (anchor.month - month) % 12, (month - anchor.month) % 12
    return past_year if past_wins(past_gap, future_gap) else past_year + 1


# Reports are dated after they were written, so a deadline just before the dateline is still this
# year's: a future day more than this far ahead loses to a past one this near ("by Jan. 14" in a report
# dated Jan. 15). A past event is never after the dateline, so the past side has no such slack.
_FAR_DAYS, _NEAR_DAYS = 270, 31


def day_year(month: int, day: int, anchor: date, tense: str | None) -> int:
    """The year of "Dec. 9": the nearest such day on the tense's side of the anchor; with no tense the
    nearer one, leaning to the past."""
    dated = [d for d in (safe_date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)) if d]
    if not dated:
        return anchor.year
    past = max((d for d in dated if d <= anchor), default=None)
    future = min((d for d in dated if d >= anchor), default=None)
    if past is None or future is None:
        return (past or future or anchor).year
    past_gap, future_gap = (anchor - past).days, (future - anchor).days
    if tense == "past":
        return past.year
    if tense == "future":
        return past.year if future_gap > _FAR_DAYS and past_gap < _NEAR_DAYS else future.year
    return past.year if past_wins(past_gap, future_gap) else future.year


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def shift_value(anchor: date, unit: str, amount: int) -> str:
    """The anchor moved by `amount` units, written at that unit's granularity ("1999-11", "1989-W43")."""
    if unit == "day":
        return (anchor + timedelta(days=amount)).isoformat()
    if unit == "week":
        return iso_week(anchor + timedelta(weeks=amount))
    if unit == "month":
        year, month = shift_months(anchor.year, anchor.month, amount)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, month = shift_months(anchor.year, anchor.month, 3 * amount)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "year":
        return f"{anchor.year + amount:04d}"
    if unit == "decade":
        return f"{(anchor.year + 10 * amount) // 10:03d}X"
    if unit == "century":
        return f"{(anchor.year + 100 * amount) // 100:02d}"
    return anchor.isoformat()
