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
