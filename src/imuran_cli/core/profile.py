"""The person's profile (schema version 1) and its validation rules.

The profile is plain data. Range checks need the knowledge limits and today's date, which
core never reads for itself: ``parse_profile`` takes both and is the one way in.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from imuran_cli.core.units import (
    WeightUnit,
    format_number,
    is_whole_steps,
    tablet_step_mg,
    to_kg,
)
from imuran_cli.knowledge.limits import Limits

SCHEMA_VERSION = 1

Schedule = Literal["once", "split"]
SCHEDULES: tuple[Schedule, ...] = ("once", "split")
Genotype = Literal[
    "normal", "intermediate", "possible-intermediate", "poor", "indeterminate", "unknown"
]
GENOTYPES: tuple[Genotype, ...] = (
    "normal",
    "intermediate",
    "possible-intermediate",
    "poor",
    "indeterminate",
    "unknown",
)
DoseTime = Literal["morning", "later"]

_CLOCK_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

# The ``type`` of each validation error this module raises. Its ``ctx`` holds the values,
# already formatted, so that storage (file keys) and ``profile set`` (command keys) can
# each word the message for the place where the bad value was written.
OUT_OF_RANGE = "out_of_range"  # ctx: value (with unit), allowed
TABLET_STRENGTH = "tablet_strength"  # ctx: value, allowed
DATE_IN_FUTURE = "date_in_future"  # ctx: value, today
CLOCK_TIME = "clock_time"  # ctx: value
MEDICINE_NAME = "medicine_name"  # ctx: value
SCHEMA_MISMATCH = "schema_version"  # ctx: value, current
NOT_WHOLE_TABLETS = "not_whole_tablets"  # ctx: daily_mg, tablet_mg, tablets_split, piece, step_mg
STOP_BEFORE_START = "stop_before_start"  # ctx: started_on, stopped_on


def _range_error(value: float, unit: str, low: float, high: float, per: str = "") -> Exception:
    return PydanticCustomError(
        OUT_OF_RANGE,
        "{value} is outside {allowed}",
        {
            "value": f"{format_number(value)} {unit}",
            "allowed": f"{format_number(low)} to {format_number(high)} {unit}{per}",
        },
    )


@dataclass(frozen=True)
class ProfileContext:
    """What validation needs from outside core: the limits and today's date."""

    limits: Limits
    today: dt.date


def _context(info: ValidationInfo) -> ProfileContext:
    context = info.context
    if not isinstance(context, ProfileContext):
        raise TypeError("profile validation needs a ProfileContext; use parse_profile()")
    return context


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Weight(_Section):
    """Body weight as the person gave it, in their unit."""

    value: float
    unit: WeightUnit = "kg"

    @model_validator(mode="after")
    def _in_range(self, info: ValidationInfo) -> Weight:
        limits = _context(info).limits
        allowed = limits.weight.kg if self.unit == "kg" else limits.weight.lb
        if not math.isfinite(self.value) or not allowed.contains(self.value):
            raise _range_error(self.value, self.unit, allowed.min, allowed.max)
        return self

    def kg(self, limits: Limits) -> float:
        return to_kg(self.value, self.unit, limits)


class Prescription(_Section):
    """What the neurologist prescribed."""

    daily_mg: float | None = None
    mg_per_kg: float | None = None
    schedule: Schedule = "once"
    # Filled from the knowledge data's default strength when absent (Profile._defaults).
    tablet_mg: int
    tablets_split: bool = True
    started_on: dt.date | None = None
    stopped_on: dt.date | None = None

    @field_validator("mg_per_kg")
    @classmethod
    def _mg_per_kg_range(cls, value: float | None, info: ValidationInfo) -> float | None:
        allowed = _context(info).limits.mg_per_kg
        if value is not None and (not math.isfinite(value) or not allowed.contains(value)):
            raise _range_error(value, "mg/kg", allowed.min, allowed.max, " a day")
        return value

    @field_validator("daily_mg")
    @classmethod
    def _daily_mg_range(cls, value: float | None, info: ValidationInfo) -> float | None:
        allowed = _context(info).limits.daily_mg
        if value is not None and (not math.isfinite(value) or not allowed.contains(value)):
            raise _range_error(value, "mg", allowed.min, allowed.max, " a day")
        return value

    @field_validator("tablet_mg")
    @classmethod
    def _known_strength(cls, value: int, info: ValidationInfo) -> int:
        strengths = _context(info).limits.tablets.strengths_mg
        if value not in strengths:
            raise PydanticCustomError(
                TABLET_STRENGTH,
                "there are no {value} mg tablets; use {allowed}",
                {"value": str(value), "allowed": _one_of([str(s) for s in strengths])},
            )
        return value

    @field_validator("started_on", "stopped_on")
    @classmethod
    def _not_in_future(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        today = _context(info).today
        if value is not None and value > today:
            raise PydanticCustomError(
                DATE_IN_FUTURE,
                "{value} is in the future (today is {today})",
                {"value": value.isoformat(), "today": today.isoformat()},
            )
        return value

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Prescription:
        limits = _context(info).limits
        if self.started_on and self.stopped_on and self.stopped_on < self.started_on:
            raise PydanticCustomError(
                STOP_BEFORE_START,
                "stopped_on {stopped_on} is before started_on {started_on}",
                {
                    "started_on": self.started_on.isoformat(),
                    "stopped_on": self.stopped_on.isoformat(),
                },
            )
        if self.daily_mg is not None:
            step = tablet_step_mg(self.tablet_mg, self.tablets_split, limits)
            if not is_whole_steps(self.daily_mg, step):
                raise PydanticCustomError(
                    NOT_WHOLE_TABLETS,
                    "daily_mg {daily_mg} cannot be made from {piece} {tablet_mg} mg tablets "
                    "(tablet_mg = {tablet_mg}, tablets_split = {tablets_split}): "
                    "use a multiple of {step_mg} mg",
                    {
                        "daily_mg": format_number(self.daily_mg),
                        "tablet_mg": str(self.tablet_mg),
                        "tablets_split": str(self.tablets_split).lower(),
                        "piece": "half" if self.tablets_split else "whole",
                        "step_mg": format_number(step),
                    },
                )
        return self


class Genetics(_Section):
    """TPMT and NUDT15 test results (CPIC phenotype names)."""

    tpmt: Genotype = "unknown"
    nudt15: Genotype = "unknown"


class DoseTimes(_Section):
    """The usual local times of the morning and the later dose, as HH:MM."""

    morning: str = "08:00"
    later: str = "20:00"

    @field_validator("morning", "later")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        if not _CLOCK_RE.match(value):
            raise PydanticCustomError(
                CLOCK_TIME,
                "{value} is not a time of day as HH:MM (24-hour clock)",
                {"value": _quoted(value)},
            )
        return value

    def time_of(self, which: DoseTime) -> dt.time:
        return dt.time.fromisoformat(self.morning if which == "morning" else self.later)


class Profile(_Section):
    """Everything imuran remembers about the person, validated as a whole."""

    schema_version: int = SCHEMA_VERSION
    weight: Weight | None = None
    prescription: Prescription
    genetics: Genetics = Field(default_factory=Genetics)
    medications: list[str] = Field(default_factory=list)
    dose_times: DoseTimes = Field(default_factory=DoseTimes)

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any, info: ValidationInfo) -> Any:
        """Fill in what needs the knowledge data: the default tablet strength."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        prescription = data.get("prescription", {})
        if isinstance(prescription, dict):
            prescription = dict(prescription)
            prescription.setdefault("tablet_mg", _context(info).limits.tablets.default_strength_mg)
            data["prescription"] = prescription
        return data

    @field_validator("schema_version")
    @classmethod
    def _current_schema(cls, value: int) -> int:
        # Older files are migrated before validation (storage.migrations); newer are refused.
        if value != SCHEMA_VERSION:
            raise PydanticCustomError(
                SCHEMA_MISMATCH,
                "schema_version {value} is not the one this imuran writes ({current})",
                {"value": str(value), "current": str(SCHEMA_VERSION)},
            )
        return value

    @field_validator("medications")
    @classmethod
    def _clean_names(cls, value: list[str]) -> list[str]:
        names = [name.strip() for name in value]
        for name in names:
            if not name or not name.isprintable():
                raise PydanticCustomError(
                    MEDICINE_NAME,
                    "medicine name {value} is empty or holds a control character",
                    {"value": _quoted(name)},
                )
        return names

    def to_data(self) -> dict[str, Any]:
        """The profile as TOML-ready data: no None values, dates as dates, 70.0 as 70."""
        data: dict[str, Any] = _tidy(self.model_dump(mode="python", exclude_none=True))
        return data

    def to_json_data(self) -> dict[str, Any]:
        """The profile with the same keys and nesting as the file, dates as ISO strings."""
        data: dict[str, Any] = _tidy(self.model_dump(mode="json", exclude_none=True))
        return data

    def __json__(self) -> dict[str, Any]:
        """The ``--json`` view (``render.json_out``): as in the file, dates as ISO strings."""
        return self.to_json_data()


def _quoted(text: str) -> str:
    """A string as TOML would write it: in double quotes, special characters escaped."""
    return json.dumps(text, ensure_ascii=False)


def _one_of(choices: list[str]) -> str:
    """``25, 50, 75 or 100``."""
    if len(choices) <= 1:
        return "".join(choices)
    return ", ".join(choices[:-1]) + " or " + choices[-1]


def _tidy(value: Any) -> Any:
    """Write whole-number floats as integers, so a file says ``150``, not ``150.0``."""
    if isinstance(value, dict):
        return {key: _tidy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_tidy(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def parse_profile(
    data: dict[str, Any], limits: Limits, today: dt.date, *, strict: bool = False
) -> Profile:
    """Validate raw profile data (from TOML or edits) into a ``Profile``.

    ``strict`` refuses values of the wrong type instead of converting them (a file's
    ``daily_mg = "150"`` or ``tablets_split = "no"``): storage reads files strictly.
    Raises pydantic's ``ValidationError``; storage and the CLI turn it into a
    ``ProfileError`` naming the file, key and value.
    """
    return Profile.model_validate(
        data, strict=strict, context=ProfileContext(limits=limits, today=today)
    )
