"""The person's profile (schema version 2) and its validation rules.

The profile is plain data. Range checks need the knowledge limits and today's date, which
core never reads for itself: ``parse_profile`` takes both and is the one way in.
"""

# No `from __future__ import annotations`: pydantic would compile every annotation string
# of these models at start-up; real annotations cost nothing to read.

import datetime as dt
import math
import re
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
from imuran_cli.knowledge.limits import Limits, Range
from imuran_cli.record import Record

SCHEMA_VERSION = 2

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

# The blood tests a clinic may set its own limits for, in ``[monitoring.lab_limits]`` as
# ``<test>_low`` / ``<test>_high`` (e.g. ``wbc_low = 4.0``), in the units of ``imuran labs``.
LAB_TESTS: tuple[str, ...] = (
    "wbc",
    "neutrophils",
    "lymphocytes",
    "platelets",
    "hemoglobin",
    "mcv",
    "alt",
    "ast",
    "alp",
    "lipase",
)
LAB_LIMIT_NAMES: tuple[str, ...] = tuple(
    f"{test}_{side}" for test in LAB_TESTS for side in ("low", "high")
)

# A pattern is compiled when first used (re keeps it), not at import: start-up time.
_CLOCK = r"^([01]\d|2[0-3]):[0-5]\d$"

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
UNSCORED_SPLIT = "unscored_split"  # ctx: tablet_mg, scored
TEXT_VALUE = "text_value"  # ctx: value, max
LAB_LIMIT_NAME = "lab_limit_name"  # ctx: value, allowed


def _range_error(value: float, unit: str, low: float, high: float, per: str = "") -> Exception:
    return PydanticCustomError(
        OUT_OF_RANGE,
        "{value} is outside {allowed}",
        {
            "value": f"{format_number(value)} {unit}",
            "allowed": f"{format_number(low)} to {format_number(high)} {unit}{per}",
        },
    )


class ProfileContext(Record):
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
    def _in_range(self, info: ValidationInfo) -> "Weight":
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
    # When absent: yes for a strength known to be scored, else no (Profile._defaults).
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
    def _consistent(self, info: ValidationInfo) -> "Prescription":
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
        if self.tablets_split and not limits.tablets.may_halve(self.tablet_mg):
            raise PydanticCustomError(
                UNSCORED_SPLIT,
                "{tablet_mg} mg tablets have no score line, so they are not halved "
                "(only {scored} mg tablets are)",
                {
                    "tablet_mg": str(self.tablet_mg),
                    "scored": _one_of([str(mg) for mg in limits.tablets.scored.strengths_mg]),
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
        if not re.match(_CLOCK, value):
            raise PydanticCustomError(
                CLOCK_TIME,
                "{value} is not a time of day as HH:MM (24-hour clock)",
                {"value": _quoted(value)},
            )
        return value

    def time_of(self, which: DoseTime) -> dt.time:
        return dt.time.fromisoformat(self.morning if which == "morning" else self.later)


def _in_range(value: int | None, allowed: Range, unit: str) -> int | None:
    # pydantic has already refused a number with a fraction.
    if value is not None and not allowed.contains(value):
        raise _range_error(value, unit, allowed.min, allowed.max)
    return value


class Monitoring(_Section):
    """A clinic's own blood-test interval and limits, and when to think of a refill."""

    lab_interval_weeks: int | None = None
    refill_days: int | None = None
    # A literal default, not default_factory=dict: pydantic copies it for each profile, and
    # default_factory makes it inspect dict's signature, which costs start-up time.
    lab_limits: dict[str, float] = {}

    @field_validator("lab_interval_weeks")
    @classmethod
    def _interval(cls, value: int | None, info: ValidationInfo) -> int | None:
        return _in_range(value, _context(info).limits.lab_interval_weeks, "weeks")

    @field_validator("refill_days")
    @classmethod
    def _refill(cls, value: int | None, info: ValidationInfo) -> int | None:
        return _in_range(value, _context(info).limits.refill_days, "days")

    @field_validator("lab_limits")
    @classmethod
    def _lab_limits(cls, value: dict[str, float]) -> dict[str, float]:
        for name, limit in value.items():
            if name not in LAB_LIMIT_NAMES:
                raise PydanticCustomError(
                    LAB_LIMIT_NAME,
                    "{value} is not a lab limit; use <test>_low or <test>_high with a test "
                    "of {allowed}",
                    {"value": _quoted(name), "allowed": _one_of(list(LAB_TESTS))},
                )
            if not math.isfinite(limit) or limit < 0:
                raise PydanticCustomError(
                    OUT_OF_RANGE,
                    "{value} is outside {allowed}",
                    {"value": format_number(limit), "allowed": "0 or more"},
                )
        return value


def _text(value: str | None, info: ValidationInfo) -> str | None:
    if value is None:
        return None
    allowed = _context(info).limits.text_length
    cleaned = value.strip()
    if not cleaned or not cleaned.isprintable() or len(cleaned) > allowed.max:
        raise PydanticCustomError(
            TEXT_VALUE,
            "{value} is empty, longer than {max} characters, or holds a control character",
            {"value": _quoted(value), "max": format_number(allowed.max)},
        )
    return cleaned


class Person(_Section):
    """The person: a name for the medicine card, and whether pregnancy guidance applies."""

    name: str | None = None
    pregnancy_relevant: bool = False

    @field_validator("name")
    @classmethod
    def _clean(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _text(value, info)


class Contacts(_Section):
    """Who to call: the neurologist and an emergency contact, as the person writes them."""

    neurologist: str | None = None
    neurologist_phone: str | None = None
    emergency_contact: str | None = None

    @field_validator("neurologist", "neurologist_phone", "emergency_contact")
    @classmethod
    def _clean(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _text(value, info)


class Profile(_Section):
    """Everything imuran remembers about the person, validated as a whole."""

    schema_version: int = SCHEMA_VERSION
    weight: Weight | None = None
    prescription: Prescription
    genetics: Genetics = Field(default_factory=Genetics)
    medications: list[str] = []  # copied for each profile (see lab_limits)
    dose_times: DoseTimes = Field(default_factory=DoseTimes)
    monitoring: Monitoring = Field(default_factory=Monitoring)
    person: Person = Field(default_factory=Person)
    contacts: Contacts = Field(default_factory=Contacts)

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any, info: ValidationInfo) -> Any:
        """Fill in what needs the knowledge data: the default tablet strength, and whether
        tablets are halved (only a strength known to be scored is, by default)."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        prescription = data.get("prescription", {})
        if isinstance(prescription, dict):
            tablets = _context(info).limits.tablets
            prescription = dict(prescription)
            prescription.setdefault("tablet_mg", tablets.default_strength_mg)
            if "tablets_split" not in prescription:
                strength = prescription["tablet_mg"]
                number = isinstance(strength, (int, float)) and not isinstance(strength, bool)
                scored = number and tablets.may_halve(strength)
                prescription["tablets_split"] = scored
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
        return _without_unset_sections(_tidy(self.model_dump(mode="python", exclude_none=True)))

    def to_json_data(self) -> dict[str, Any]:
        """The profile with the same keys and nesting as the file, dates as ISO strings."""
        return _without_unset_sections(_tidy(self.model_dump(mode="json", exclude_none=True)))

    def __json__(self) -> dict[str, Any]:
        """The ``--json`` view (``render.json_out``): as in the file, dates as ISO strings."""
        return self.to_json_data()


# Tables added in schema 2: written only with what the person set, so that a profile that
# uses none of them reads as it did before.
_OPTIONAL_SECTIONS: dict[str, dict[str, Any]] = {
    "monitoring": {"lab_limits": {}},
    "person": {"pregnancy_relevant": False},
    "contacts": {},
}


def _without_unset_sections(data: dict[str, Any]) -> dict[str, Any]:
    for section, defaults in _OPTIONAL_SECTIONS.items():
        table = {
            key: value
            for key, value in data.get(section, {}).items()
            if key not in defaults or value != defaults[key]
        }
        if table:
            data[section] = table
        else:
            data.pop(section, None)
    return data


def _quoted(text: str) -> str:
    """A string as TOML would write it: in double quotes, special characters escaped."""
    import json  # only for an error message

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
