"""The shared dose rules: rounding to tablet steps, the mg/kg target, splitting a day's dose."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.profile import parse_profile
from imuran_cli.core.regimen import (
    ceil_to_step,
    floor_to_step,
    round_to_step,
    split_doses,
    target_daily_mg,
    usual_daily_mg,
)
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.limits import load_limits

LIMITS = load_limits()
MAX = load_dosing().typical.max_mg_per_kg
TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("mg", "step", "expected"),
    [
        (150, 25, 150),
        (162.5, 25, 150),  # exactly half-way: down
        (162.6, 25, 175),
        (137.5, 25, 125),  # half-way: down
        (137.4, 25, 125),
        (174.9999999, 25, 175),  # float noise
        (175, 50, 150),  # half-way between whole tablets: down
        (176, 50, 200),
        (12.4, 25, 0),
    ],
)
def test_round_to_step(mg, step, expected):
    assert round_to_step(mg, step) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("mg", "step", "floor", "ceil"),
    [
        (210, 25, 200, 225),
        (200, 25, 200, 200),
        (199.99999999, 25, 200, 200),
        (140.000000001, 50, 100, 150),
    ],
)
def test_floor_and_ceil(mg, step, floor, ceil):
    assert floor_to_step(mg, step) == pytest.approx(floor)
    assert ceil_to_step(mg, step) == pytest.approx(ceil)


@pytest.mark.parametrize(
    ("weight", "target", "step", "expected"),
    [
        (70, 2.5, 25, 175),
        (70, 2, 25, 150),
        (70, 3, 50, 200),  # 210 -> nearest whole tablet 200
        (65, 2.5, 25, 150),  # 162.5 half-way: down
        (71, 3, 25, 200),  # 213 -> 225 would pass 213: capped at 200
        (10, 0.5, 25, None),  # 5 mg: less than one step
    ],
)
def test_target_daily_mg(weight, target, step, expected):
    assert target_daily_mg(weight, target, MAX, step) == expected


@pytest.mark.parametrize(
    ("daily", "schedule", "step", "expected"),
    [
        (150, "once", 25, [("morning", 150)]),
        (150, "split", 25, [("morning", 75), ("later", 75)]),
        (175, "split", 25, [("morning", 100), ("later", 75)]),
        (25, "split", 25, [("morning", 25)]),
        (150, "split", 50, [("morning", 100), ("later", 50)]),
    ],
)
def test_split_doses(daily, schedule, step, expected):
    parts = split_doses(daily, schedule, step, LIMITS)
    assert [(part.time, part.mg) for part in parts] == expected


@given(
    weight=st.floats(min_value=10, max_value=300),
    target=st.floats(min_value=0.5, max_value=3),
    step=st.sampled_from([12.5, 25, 37.5, 50, 75, 100]),
)
def test_target_never_exceeds_the_maximum_and_is_whole_steps(weight, target, step):
    dose = target_daily_mg(weight, target, MAX, step)
    if dose is not None:
        assert dose <= weight * MAX + 1e-9
        steps = dose / step
        assert steps >= 1 and abs(steps - round(steps)) < 1e-9


@given(
    steps=st.integers(min_value=1, max_value=40),
    step=st.sampled_from([12.5, 25, 37.5, 50]),
    schedule=st.sampled_from(["once", "split"]),
)
def test_split_parts_add_up_and_morning_is_larger(steps, step, schedule):
    daily = steps * step
    parts = split_doses(daily, schedule, step, LIMITS)
    assert sum(part.mg for part in parts) == pytest.approx(daily)
    assert parts[0].time == "morning"
    assert all(part.mg >= step for part in parts)
    if len(parts) == 2:
        assert parts[0].mg >= parts[1].mg


def test_usual_daily_mg_prefers_the_prescription():
    profile = parse_profile(
        {
            "schema_version": 2,
            "weight": {"value": 70},
            "prescription": {"daily_mg": 125, "mg_per_kg": 2.5},
        },
        LIMITS,
        TODAY,
    )
    assert usual_daily_mg(profile, LIMITS, MAX) == 125


def test_usual_daily_mg_from_target_and_weight_in_pounds():
    profile = parse_profile(
        {
            "schema_version": 2,
            "weight": {"value": 154, "unit": "lb"},
            "prescription": {"mg_per_kg": 2.5},
        },
        LIMITS,
        TODAY,
    )
    # 154 lb = 69.85 kg; x 2.5 = 174.6 mg -> 175 mg
    assert usual_daily_mg(profile, LIMITS, MAX) == 175


def test_usual_daily_mg_unknown_without_weight():
    profile = parse_profile(
        {"schema_version": 2, "prescription": {"mg_per_kg": 2.5}}, LIMITS, TODAY
    )
    assert usual_daily_mg(profile, LIMITS, MAX) is None
