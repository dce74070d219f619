"""Tablets in stock: refills, counts, doses taken, never below zero, the look ahead."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.errors import InputError
from imuran_cli.core.stock import (
    StockEvent,
    TakenTablets,
    parse_tablets,
    stock_status,
    trip_stock,
)

TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


def day(back: int) -> dt.date:
    return TODAY - dt.timedelta(days=back)


def event(entry: int, back: int, action: str, tablets: float) -> StockEvent:
    return StockEvent(entry, day(back), action, tablets, NOW)  # type: ignore[arg-type]


def taken(entry: int, back: int, tablets: float = 3) -> TakenTablets:
    return TakenTablets(entry, day(back), tablets)


def status(events, doses=(), daily_mg: float | None = 150, refill_days: int = 14):
    return stock_status(events, doses, daily_mg, 50, refill_days, "default", "PROJECT", TODAY)


def test_no_stock_recorded_is_unknown_not_zero():
    found = status([], [taken(1, 0)])
    assert found.tablets_left is None
    assert (found.as_of, found.days_left, found.runs_out_on, found.refill_now) == (
        None,
        None,
        None,
        None,
    )
    assert found.daily_tablets == 3


def test_a_refill_then_doses_taken():
    found = status([event(1, 10, "add", 100)], [taken(2, 9), taken(3, 8), taken(4, 0)])
    assert found.tablets_left == 91
    assert found.as_of == TODAY
    assert found.days_left == 30  # floor(91 / 3)
    assert found.runs_out_on == TODAY + dt.timedelta(days=30)
    assert found.refill_now is False


def test_a_count_by_hand_replaces_the_running_count():
    found = status(
        [event(1, 10, "add", 100), event(3, 5, "set", 20)], [taken(2, 9), taken(4, 4, 1.5)]
    )
    assert found.tablets_left == 18.5


def test_a_dose_recorded_late_for_a_day_before_a_count_is_in_that_count():
    # Counted 20 today; then a dose of yesterday is recorded: the count already saw it.
    found = status([event(1, 0, "set", 20)], [taken(2, 1)])
    assert found.tablets_left == 20


def test_the_count_never_goes_below_zero():
    found = status([event(1, 3, "set", 2)], [taken(2, 2), taken(3, 1), taken(4, 0)])
    assert found.tablets_left == 0
    assert found.days_left == 0
    assert found.refill_now is True


@pytest.mark.parametrize(("left", "refill_now"), [(42, False), (41, True), (39, True)])
def test_refill_when_fewer_than_the_refill_days_are_left(left, refill_now):
    found = status([event(1, 0, "set", left)])
    assert found.refill_now is refill_now  # 42 tablets: 14 days; 41: 13 days


def test_the_profiles_refill_days_replace_the_default():
    assert status([event(1, 0, "set", 60)], refill_days=21).refill_now is True


def test_the_look_ahead_starts_from_the_last_day_counted():
    found = status([event(1, 10, "add", 30)])
    assert (found.as_of, found.days_left) == (day(10), 10)
    assert found.runs_out_on == TODAY
    assert found.refill_now is True


def test_without_a_daily_dose_only_the_count_is_known():
    found = status([event(1, 0, "add", 30)], daily_mg=None)
    assert found.tablets_left == 30
    assert (found.daily_tablets, found.days_left, found.refill_now) == (None, None, None)


@given(
    moves=st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=30),
            st.sampled_from(["add", "set", "take"]),
            st.sampled_from([0, 0.5, 1, 1.5, 3, 30, 100]),
        ),
        max_size=20,
    )
)
def test_the_count_is_never_negative(moves):
    events = [event(n, back, a, t) for n, (back, a, t) in enumerate(moves) if a != "take"]
    doses = [taken(n, back, t) for n, (back, a, t) in enumerate(moves) if a == "take"]
    found = status(events, doses)
    if not events:
        assert found.tablets_left is None
    else:
        assert found.tablets_left is not None and found.tablets_left >= 0
        assert found.days_left is not None and found.days_left >= 0


@pytest.mark.parametrize(
    ("value", "action", "step", "expected"),
    [(60, "add", 0.5, 60), (1.5, "add", 0.5, 1.5), (0, "set", 0.5, 0), (42, "set", 1, 42)],
)
def test_tablets_given(value, action, step, expected):
    assert parse_tablets(value, action, step) == expected


@pytest.mark.parametrize(
    ("value", "action", "step"),
    [
        (0, "add", 0.5),
        (-1, "set", 0.5),
        (1.25, "add", 0.5),
        (1.5, "add", 1),
        (float("nan"), "set", 1),
    ],
)
def test_tablets_refused(value, action, step):
    with pytest.raises(InputError) as caught:
        parse_tablets(value, action, step)
    assert caught.value.code == "invalid_tablets"


def test_the_trip_needs_its_tablets_and_those_of_the_days_before_it():
    stock = status([event(1, 0, "set", 60)])
    soon = trip_stock(stock, 51, 3, TODAY + dt.timedelta(days=3), TODAY)
    assert soon is not None
    assert (soon.needed, soon.refill_before_leaving) == (60, False)
    later = trip_stock(stock, 51, 3, TODAY + dt.timedelta(days=4), TODAY)
    assert later is not None and later.refill_before_leaving is True
    assert trip_stock(status([]), 51, 3, TODAY, TODAY) is None
