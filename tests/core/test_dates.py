"""Adding calendar months, with end-of-month clamping."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.dates import add_months


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2026-03-01", 3, "2026-06-01"),
        ("2026-08-31", 6, "2027-02-28"),  # February has no 31st
        ("2027-08-31", 6, "2028-02-29"),  # a leap year
        ("2026-01-31", 1, "2026-02-28"),
        ("2026-03-31", 3, "2026-06-30"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-10-15", 3, "2027-01-15"),  # across the year end
        ("2026-12-31", 1, "2027-01-31"),
        ("2026-05-31", -3, "2026-02-28"),
        ("2026-01-15", -1, "2025-12-15"),
        ("2026-06-10", 0, "2026-06-10"),
        ("2026-06-10", 24, "2028-06-10"),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(dt.date.fromisoformat(day), months) == dt.date.fromisoformat(expected)


def test_out_of_range_raises():
    with pytest.raises(OverflowError):
        add_months(dt.date(9999, 12, 1), 1)


days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
shifts = st.integers(min_value=-240, max_value=240)


@given(days, shifts)
def test_the_month_moves_and_the_day_is_kept_or_clamped(day, months):
    result = add_months(day, months)
    assert result.year * 12 + result.month == day.year * 12 + day.month + months
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(day.day, last)


@given(days, st.integers(min_value=0, max_value=240))
def test_adding_months_never_goes_back_and_keeps_the_day_when_it_exists(day, months):
    result = add_months(day, months)
    assert result >= day
    if day.day <= 28:
        assert add_months(result, -months) == day
