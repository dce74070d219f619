"""DAY: the forms of ``missed --when`` for every journal ``--date``, with no 60-day limit."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.days import parse_day, read_day
from imuran_cli.core.errors import InputError

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "day", "dose"),
    [
        ("today", TODAY, None),
        ("TODAY", TODAY, None),
        ("this-morning", TODAY, "morning"),
        ("this morning", TODAY, "morning"),
        ("yesterday", dt.date(2026, 11, 24), None),
        ("last-night", dt.date(2026, 11, 24), "later"),
        ("last_night", dt.date(2026, 11, 24), "later"),
        ("0d", TODAY, None),
        ("0 days ago", TODAY, None),
        ("1 day ago", dt.date(2026, 11, 24), None),
        ("3 days ago", dt.date(2026, 11, 22), None),
        ("  3  Days  AGO ", dt.date(2026, 11, 22), None),
        ("61d", dt.date(2026, 9, 25), None),
        ("400 days ago", dt.date(2025, 10, 21), None),
        ("2026-11-25", TODAY, None),
        ("2016-02-29", dt.date(2016, 2, 29), None),
        ("1999-01-01", dt.date(1999, 1, 1), None),
    ],
)
def test_every_past_day_form(text: str, day: dt.date, dose: str | None):
    ref = parse_day(text, TODAY)
    assert (ref.day, ref.dose) == (day, dose)
    assert ref.days_ago == (TODAY - day).days


def test_no_date_is_today():
    ref = parse_day(None, TODAY)
    assert (ref.day, ref.days_ago, ref.dose) == (TODAY, 0, None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("tomorrow", "invalid_date"),
        ("", "invalid_date"),
        ("-3d", "invalid_date"),
        ("3", "invalid_date"),
        ("last week", "invalid_date"),
        ("2026/11/24", "invalid_date"),
        ("2026-02-30", "invalid_date"),
        ("2026-11-26", "future_date"),
        ("2030-01-01", "future_date"),
        ("99999999999999999999d", "too_long_ago"),
        ("800000 days ago", "too_long_ago"),
    ],
)
def test_bad_days_are_refused_with_a_code(text: str, code: str):
    with pytest.raises(InputError) as caught:
        parse_day(text, TODAY, "--date")
    assert caught.value.code == code
    assert caught.value.exit_code == 2
    assert caught.value.message.startswith("--date ")
    assert caught.value.hint


def test_the_option_is_named_in_the_error():
    with pytest.raises(InputError) as caught:
        parse_day("nonsense", TODAY, "--on")
    assert caught.value.message.startswith("--on 'nonsense'")


def test_read_day_says_none_for_text_that_is_no_day():
    assert read_day("soon", TODAY) is None


@given(
    today=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1)),
    days=st.integers(min_value=0, max_value=100_000),
)
def test_n_days_ago_counts_back_from_today(today: dt.date, days: int):
    expected = today - dt.timedelta(days=days) if days < (today - dt.date.min).days else None
    for text in (f"{days}d", f"{days} days ago"):
        if expected is None:
            with pytest.raises(InputError):
                parse_day(text, today)
        else:
            assert parse_day(text, today).day == expected


@given(today=st.dates(), day=st.dates())
def test_an_iso_date_is_accepted_exactly_when_it_is_not_in_the_future(today: dt.date, day: dt.date):
    if day <= today:
        assert parse_day(day.isoformat(), today).day == day
    else:
        with pytest.raises(InputError) as caught:
            parse_day(day.isoformat(), today)
        assert caught.value.code == "future_date"
