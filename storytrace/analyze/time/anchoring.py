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


def month_year(month: int, anchor: date, tense: str | None) -> int:
    """The year of a month named without one: this year's, unless tense puts it on the other side."""
    if tense == "future" and month < anchor.month:
        return anchor.year + 1
    if tense == "past" and month > anchor.month:
        return anchor.year - 1
    if tense is None and abs(month - anchor.month) > 6:  # nearest: "Feb." in late October is next year's
        return anchor.year + (1 if month < anchor.month else -1)
    return anchor.year


def day_year(month: int, day: int, anchor: date, tense: str | None) -> int:
    """The year of "Dec. 9": the anchor's, moved to stay on the tense's side or to the nearest one."""
    candidates = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if safe_date(y, month, day)]
    if not candidates:
        return anchor.year
    dated = [(safe_date(y, month, day), y) for y in candidates]
    if tense == "past":
        dated = [(d, y) for d, y in dated if d <= anchor] or dated
    elif tense == "future":
        dated = [(d, y) for d, y in dated if d >= anchor] or dated
    return min(dated, key=lambda pair: abs((pair[0] - anchor).days))[1]


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
