"""Calendar arithmetic on dates: pure, no clock."""

from __future__ import annotations

import datetime as dt

# December's number: the months in a year, without writing the number down.
_MONTHS_IN_YEAR = dt.date.max.month


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (negative goes back).

    A day that the target month lacks is clamped to that month's last day:
    2026-08-31 + 6 months is 2027-02-28, and 2027-01-31 + 1 month is 2027-02-28.
    Raises ``OverflowError`` when the result is outside the years 1 to 9999.
    """
    index = day.year * _MONTHS_IN_YEAR + (day.month - 1) + months
    year, month_index = divmod(index, _MONTHS_IN_YEAR)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"{day.isoformat()} + {months} months is out of range")
    import calendar  # only when a date is worked out, not on every start-up

    month = month_index + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def whole_months_between(start: dt.date, end: dt.date) -> int:
    """How many whole calendar months from ``start`` to ``end`` (``end`` on or after ``start``).

    The largest ``n`` with ``add_months(start, n) <= end``, so that the two functions agree
    on month ends: from 2026-01-31, one whole month has passed on 2026-02-28.
    Raises ``ValueError`` when ``end`` is before ``start``.
    """
    if end < start:
        raise ValueError(f"{end.isoformat()} is before {start.isoformat()}")
    months = (end.year - start.year) * _MONTHS_IN_YEAR + (end.month - start.month)
    if add_months(start, months) > end:
        months -= 1
    return months
