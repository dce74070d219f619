"""Weights with units, and their limits."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.errors import InputError
from imuran_cli.core.units import format_number, parse_weight, tablet_step_mg, to_kg
from imuran_cli.knowledge.limits import load_limits

LIMITS = load_limits()


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("70", None, (70.0, "kg")),
        ("70kg", None, (70.0, "kg")),
        ("70 kg", None, (70.0, "kg")),
        ("154lb", None, (154.0, "lb")),
        ("154 LBS", None, (154.0, "lb")),
        ("154", "lb", (154.0, "lb")),
        ("154lb", "lb", (154.0, "lb")),
        ("10", None, (10.0, "kg")),
        ("300", None, (300.0, "kg")),
        ("22lb", None, (22.0, "lb")),
        ("660lb", None, (660.0, "lb")),
    ],
)
def test_parse_weight_accepts(text, unit, expected):
    assert parse_weight(text, LIMITS, unit) == expected


@pytest.mark.parametrize(
    ("text", "unit", "code"),
    [
        ("0", None, "weight_out_of_range"),
        ("-70", None, "weight_out_of_range"),
        ("9.9", None, "weight_out_of_range"),
        ("300.1", None, "weight_out_of_range"),
        ("21lb", None, "weight_out_of_range"),
        ("661lb", None, "weight_out_of_range"),
        ("400", None, "weight_out_of_range"),  # 400 kg: absurd, even though 400 lb is not
        ("nan", None, "weight_out_of_range"),
        ("inf", None, "weight_out_of_range"),
        ("-inf", None, "weight_out_of_range"),
        ("seventy", None, "invalid_weight"),
        ("", None, "invalid_weight"),
        ("70st", None, "invalid_unit"),
        ("154lb", "kg", "conflicting_unit"),
    ],
)
def test_parse_weight_rejects(text, unit, code):
    with pytest.raises(InputError) as caught:
        parse_weight(text, LIMITS, unit)
    assert caught.value.code == code
    assert caught.value.hint


def test_out_of_range_message_names_value_and_range():
    with pytest.raises(InputError) as caught:
        parse_weight("-5", LIMITS)
    assert caught.value.message == "weight -5 kg is outside 10 to 300 kg"


def test_pounds_to_kg_is_exact():
    assert to_kg(154, "lb", LIMITS) == pytest.approx(69.853225, abs=1e-6)


@pytest.mark.parametrize(
    ("tablet", "split", "step"),
    # Only the scored 50 mg tablet is ever halved (issue 13).
    [(50, True, 25), (50, False, 50), (25, True, 25), (25, False, 25), (100, True, 100)],
)
def test_tablet_step(tablet, split, step):
    assert tablet_step_mg(tablet, split, LIMITS) == step


@given(st.floats(min_value=10, max_value=300, allow_nan=False))
def test_any_weight_in_range_round_trips(value):
    number, unit = parse_weight(repr(value), LIMITS)
    assert unit == "kg" and math.isclose(number, value)


@pytest.mark.parametrize(("value", "text"), [(70.0, "70"), (2.5, "2.5"), (0.45, "0.45")])
def test_format_number(value, text):
    assert format_number(value) == text


def test_mg_json_writes_whole_amounts_as_integers_and_leaves_the_rest():
    from typing import NamedTuple

    from imuran_cli.core.units import mg_json

    class Amount(NamedTuple):
        mg: float
        low: float | None
        tablets: float

    assert mg_json(Amount(150.0, None, 3.0), "mg", "low") == {
        "mg": 150,
        "low": None,
        "tablets": 3.0,
    }
    assert mg_json(Amount(37.5, 25.0, 0.75), "mg", "low") == {
        "mg": 37.5,
        "low": 25,
        "tablets": 0.75,
    }
    assert type(mg_json(Amount(150.0, None, 3.0), "mg")["mg"]) is int
