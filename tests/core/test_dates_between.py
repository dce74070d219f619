"""Whole calendar months between two days, in agreement with ``add_months``."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.dates import add_months, whole_months_between

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        ("2026-03-01", "2026-03-01", 0),
        ("2026-03-01", "2026-03-31", 0),
        ("2026-03-01", "2026-04-01", 1),
        ("2026-03-15", "2026-04-14", 0),
        ("2026-03-15", "2026-04-15", 1),
        ("2026-01-31", "2026-02-27", 0),
        ("2026-01-31", "2026-02-28", 1),  # clamped: Jan 31 + 1 month is Feb 28
        ("2026-01-31", "2026-03-30", 1),
        ("2026-01-31", "2026-03-31", 2),
        ("2024-01-31", "2024-02-29", 1),  # leap year
        ("2024-02-29", "2025-02-27", 11),
        ("2024-02-29", "2025-02-28", 12),
        ("2026-10-15", "2027-01-14", 2),  # across the year end
        ("2026-10-15", "2027-01-15", 3),
        ("2026-12-31", "2027-12-31", 12),
    ],
)
def test_whole_months_between(start, end, months):
    assert whole_months_between(D(start), D(end)) == months


def test_an_end_before_the_start_is_refused():
    with pytest.raises(ValueError, match="before"):
        whole_months_between(D("2026-03-02"), D("2026-03-01"))


days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


@given(days, st.integers(min_value=0, max_value=4000))
def test_the_count_is_the_last_whole_month_reached(start, offset):
    end = start + dt.timedelta(days=offset)
    months = whole_months_between(start, end)
    assert add_months(start, months) <= end < add_months(start, months + 1)


@given(days, st.integers(min_value=0, max_value=240))
def test_adding_months_then_counting_them_gives_them_back(start, months):
    assert whole_months_between(start, add_months(start, months)) == months
