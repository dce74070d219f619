"""Weights, units and tablet steps."""

from __future__ import annotations

import math
import re
from typing import Any, Literal

from imuran_cli.core.errors import InputError
from imuran_cli.knowledge.limits import Limits

WeightUnit = Literal["kg", "lb"]


def whole_as_int(value: float) -> int | float:
    """``150.0`` -> ``150``; ``37.5`` stays: amounts as people write them."""
    return int(value) if float(value).is_integer() else value


# An amount in mg in a result, written in JSON as an integer when whole (150, not 150.0):
# the result's ``__json__`` says which fields are amounts (``mg_json`` below).
Mg = float


def mg_json(record: Any, *names: str) -> dict[str, Any]:
    """A record's fields for ``--json``, the amounts in mg ``names`` written as integers
    when whole. A record with amounts says so in its ``__json__`` method:

        def __json__(self) -> dict[str, Any]:
            return mg_json(self, "mg", "daily_mg")
    """
    data: dict[str, Any] = record._asdict()
    for name in names:
        if data[name] is not None:
            data[name] = whole_as_int(data[name])
    return data


# A pattern is compiled when first used (re keeps it), not at import: start-up time.
_WEIGHT = r"^\s*(?P<number>[^a-zA-Z\s]+)\s*(?P<unit>[a-zA-Z]+)?\s*$"
_UNIT_ALIASES: dict[str, WeightUnit] = {
    "kg": "kg",
    "kgs": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "lb": "lb",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
}


def parse_unit(text: str) -> WeightUnit:
    """Return the weight unit named by ``text`` (kg or lb), or raise ``InputError``."""
    unit = _UNIT_ALIASES.get(text.strip().lower())
    if unit is None:
        raise InputError(
            f"unknown weight unit {text!r}",
            "use kg or lb, e.g. --weight 70 or --weight 154lb",
            code="invalid_unit",
        )
    return unit


def parse_weight(
    text: str, limits: Limits, unit: WeightUnit | None = None
) -> tuple[float, WeightUnit]:
    """Parse ``70``, ``70kg`` or ``154lb`` into a checked (value, unit) pair.

    ``unit`` is the unit given separately (``--unit``); a suffix that contradicts it is an error.
    Without either, the weight is in kilograms.
    """
    try:  # a bare number first, so that "inf" or "-inf" is a number, not a unit
        return _checked(float(text.strip()), unit or "kg", limits)
    except ValueError:
        pass
    match = re.match(_WEIGHT, text)
    number_text = match.group("number") if match else text
    try:
        value = float(number_text)
    except ValueError:
        kg, lb = limits.weight.kg, limits.weight.lb
        raise InputError(
            f"weight {text!r} is not a number (allowed: {format_number(kg.min)} to "
            f"{format_number(kg.max)} kg, or {format_number(lb.min)} to "
            f"{format_number(lb.max)} lb)",
            "give the weight as a number, e.g. --weight 70 or --weight 154lb",
            code="invalid_weight",
        ) from None
    suffix = match.group("unit") if match else None
    if suffix is not None:
        suffix_unit = parse_unit(suffix)
        if unit is not None and suffix_unit != unit:
            raise InputError(
                f"weight {text!r} is in {suffix_unit} but --unit says {unit}",
                f"drop --unit, or write the weight as {number_text.strip()}{unit}",
                code="conflicting_unit",
            )
        unit = suffix_unit
    return _checked(value, unit or "kg", limits)


def _checked(value: float, unit: WeightUnit, limits: Limits) -> tuple[float, WeightUnit]:
    check_weight(value, unit, limits)
    return value, unit


def check_weight(value: float, unit: WeightUnit, limits: Limits) -> None:
    """Raise ``InputError`` unless ``value`` is a plausible body weight in ``unit``."""
    allowed = limits.weight.kg if unit == "kg" else limits.weight.lb
    if not math.isfinite(value) or not allowed.contains(value):
        raise InputError(
            f"weight {format_number(value)} {unit} is outside "
            f"{format_number(allowed.min)} to {format_number(allowed.max)} {unit}",
            f"give your body weight in {unit}, from "
            f"{format_number(allowed.min)} to {format_number(allowed.max)}",
            code="weight_out_of_range",
        )


def to_kg(value: float, unit: WeightUnit, limits: Limits) -> float:
    """Convert a weight to kilograms."""
    return value if unit == "kg" else value * limits.pound.kg


def tablet_step_mg(tablet_mg: float, tablets_split: bool, limits: Limits) -> float:
    """The smallest amount that can be taken: half a tablet if tablets may be split.

    Only a strength known to be scored is ever halved, whatever ``tablets_split`` says.
    """
    if tablets_split and limits.tablets.may_halve(tablet_mg):
        return tablet_mg / limits.tablets.pieces_when_split
    return tablet_mg


def is_whole_steps(mg: float, step_mg: float) -> bool:
    """True when ``mg`` is a positive whole number of ``step_mg`` steps."""
    steps = mg / step_mg
    return steps >= 1 and math.isclose(steps, round(steps))


def format_number(value: float) -> str:
    """``70.0`` -> ``70``, ``2.5`` -> ``2.5``: numbers as a person writes them."""
    if not math.isfinite(value):
        return str(value)
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
