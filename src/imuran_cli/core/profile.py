"""The person's profile (schema version 2) and its validation rules.

The profile is plain data: records (``imuran_cli.record``), like every answer. Range
checks need the knowledge limits and today's date, which core never reads for itself:
``parse_profile`` takes both and is the one way in.

pydantic validates the profile: ``parse_profile`` checks raw data (from the file or from
an edit) against ``_schema()``, the profile's schema in pydantic-core's terms, with the
rules below as its validator functions, and the schema builds the records.

Why a schema and not pydantic models: start-up time. The nine ``BaseModel`` classes the
profile used to be cost 28 M instructions on every run (4 % of a Typer hello-world,
measured with valgrind), because pydantic works out each class's schema in Python when
the class is defined. ``_schema()`` writes that schema directly, with pydantic-core's own
``core_schema`` functions, and costs about 6 M: the same checks, error types and
locations, done by the same validator.
"""

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from pydantic_core import PydanticCustomError, SchemaValidator
from pydantic_core import core_schema as cs

from imuran_cli.core.units import (
    WeightUnit,
    format_number,
    is_whole_steps,
    tablet_step_mg,
    to_kg,
)
from imuran_cli.knowledge.limits import Limits, Range
from imuran_cli.record import Record

if TYPE_CHECKING:
    from pydantic_core.core_schema import ValidationInfo

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
WEIGHT_UNITS: tuple[WeightUnit, ...] = ("kg", "lb")

# The usual dose times when the profile sets none.
MORNING_TIME = "08:00"
LATER_TIME = "20:00"

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


# ---------------------------------------------------------------- the profile's records


class Weight(Record):
    """Body weight as the person gave it, in their unit."""

    value: float
    unit: WeightUnit = "kg"

    def kg(self, limits: Limits) -> float:
        return to_kg(self.value, self.unit, limits)


class Prescription(Record):
    """What the neurologist prescribed."""

    daily_mg: float | None
    mg_per_kg: float | None
    schedule: Schedule
    # From the knowledge data's default strength when the file has none (_defaults).
    tablet_mg: int
    # When the file does not say: yes for a strength known to be scored, else no.
    tablets_split: bool
    started_on: dt.date | None
    stopped_on: dt.date | None


class Genetics(Record):
    """TPMT and NUDT15 test results (CPIC phenotype names)."""

    tpmt: Genotype = "unknown"
    nudt15: Genotype = "unknown"


class DoseTimes(Record):
    """The usual local times of the morning and the later dose, as HH:MM."""

    morning: str = MORNING_TIME
    later: str = LATER_TIME

    def time_of(self, which: DoseTime) -> dt.time:
        return dt.time.fromisoformat(self.morning if which == "morning" else self.later)


class Monitoring(Record):
    """A clinic's own blood-test interval and limits, and when to think of a refill."""

    lab_interval_weeks: int | None
    refill_days: int | None
    lab_limits: Mapping[str, float]


class Person(Record):
    """The person: a name for the medicine card, and whether pregnancy guidance applies."""

    name: str | None
    pregnancy_relevant: bool


class Contacts(Record):
    """Who to call: the neurologist and an emergency contact, as the person writes them."""

    neurologist: str | None
    neurologist_phone: str | None
    emergency_contact: str | None


class Profile(Record):
    """Everything imuran remembers about the person, validated as a whole."""

    schema_version: int
    weight: Weight | None
    prescription: Prescription
    genetics: Genetics
    medications: tuple[str, ...]
    dose_times: DoseTimes
    monitoring: Monitoring
    person: Person
    contacts: Contacts

    def to_data(self) -> dict[str, Any]:
        """The profile as TOML-ready data: no None values, dates as dates, 70.0 as 70."""
        return _without_unset_sections(_tidy(_plain(self)))

    def to_json_data(self) -> dict[str, Any]:
        """The profile with the same keys and nesting as the file, dates as ISO strings."""
        data: dict[str, Any] = _iso_dates(self.to_data())
        return data

    def __json__(self) -> dict[str, Any]:
        """The ``--json`` view (``render.json_out``): as in the file, dates as ISO strings."""
        return self.to_json_data()


# The tables of the file by name, and the record each holds: for messages naming keys.
SECTIONS: dict[str, type[Record]] = {
    "weight": Weight,
    "prescription": Prescription,
    "genetics": Genetics,
    "dose_times": DoseTimes,
    "monitoring": Monitoring,
    "person": Person,
    "contacts": Contacts,
}


# ---------------------------------------------------------------- the rules


class ProfileContext(Record):
    """What validation needs from outside core: the limits and today's date."""

    limits: Limits
    today: dt.date


def _context(info: "ValidationInfo") -> ProfileContext:
    context = info.context
    if not isinstance(context, ProfileContext):
        raise TypeError("profile validation needs a ProfileContext; use parse_profile()")
    return context


def _range_error(value: float, unit: str, low: float, high: float, per: str = "") -> Exception:
    return PydanticCustomError(
        OUT_OF_RANGE,
        "{value} is outside {allowed}",
        {
            "value": f"{format_number(value)} {unit}",
            "allowed": f"{format_number(low)} to {format_number(high)} {unit}{per}",
        },
    )


def _weight_in_range(weight: Weight, info: "ValidationInfo") -> Weight:
    limits = _context(info).limits
    allowed = limits.weight.kg if weight.unit == "kg" else limits.weight.lb
    if not math.isfinite(weight.value) or not allowed.contains(weight.value):
        raise _range_error(weight.value, weight.unit, allowed.min, allowed.max)
    return weight


def _mg_per_kg_range(value: float, info: "ValidationInfo") -> float:
    allowed = _context(info).limits.mg_per_kg
    if not math.isfinite(value) or not allowed.contains(value):
        raise _range_error(value, "mg/kg", allowed.min, allowed.max, " a day")
    return value


def _daily_mg_range(value: float, info: "ValidationInfo") -> float:
    allowed = _context(info).limits.daily_mg
    if not math.isfinite(value) or not allowed.contains(value):
        raise _range_error(value, "mg", allowed.min, allowed.max, " a day")
    return value


def _known_strength(value: int, info: "ValidationInfo") -> int:
    strengths = _context(info).limits.tablets.strengths_mg
    if value not in strengths:
        raise PydanticCustomError(
            TABLET_STRENGTH,
            "there are no {value} mg tablets; use {allowed}",
            {"value": str(value), "allowed": _one_of([str(s) for s in strengths])},
        )
    return value


def _not_in_future(value: dt.date, info: "ValidationInfo") -> dt.date:
    today = _context(info).today
    if value > today:
        raise PydanticCustomError(
            DATE_IN_FUTURE,
            "{value} is in the future (today is {today})",
            {"value": value.isoformat(), "today": today.isoformat()},
        )
    return value


def _consistent(prescription: Prescription, info: "ValidationInfo") -> Prescription:
    limits = _context(info).limits
    started, stopped = prescription.started_on, prescription.stopped_on
    if started and stopped and stopped < started:
        raise PydanticCustomError(
            STOP_BEFORE_START,
            "stopped_on {stopped_on} is before started_on {started_on}",
            {"started_on": started.isoformat(), "stopped_on": stopped.isoformat()},
        )
    tablet_mg, split = prescription.tablet_mg, prescription.tablets_split
    if split and not limits.tablets.may_halve(tablet_mg):
        raise PydanticCustomError(
            UNSCORED_SPLIT,
            "{tablet_mg} mg tablets have no score line, so they are not halved "
            "(only {scored} mg tablets are)",
            {
                "tablet_mg": str(tablet_mg),
                "scored": _one_of([str(mg) for mg in limits.tablets.scored.strengths_mg]),
            },
        )
    daily_mg = prescription.daily_mg
    if daily_mg is not None:
        step = tablet_step_mg(tablet_mg, split, limits)
        if not is_whole_steps(daily_mg, step):
            raise PydanticCustomError(
                NOT_WHOLE_TABLETS,
                "daily_mg {daily_mg} cannot be made from {piece} {tablet_mg} mg tablets "
                "(tablet_mg = {tablet_mg}, tablets_split = {tablets_split}): "
                "use a multiple of {step_mg} mg",
                {
                    "daily_mg": format_number(daily_mg),
                    "tablet_mg": str(tablet_mg),
                    "tablets_split": str(split).lower(),
                    "piece": "half" if split else "whole",
                    "step_mg": format_number(step),
                },
            )
    return prescription


def _clock_time(value: str) -> str:
    if not re.match(_CLOCK, value):
        raise PydanticCustomError(
            CLOCK_TIME,
            "{value} is not a time of day as HH:MM (24-hour clock)",
            {"value": _quoted(value)},
        )
    return value


def _in_range(value: int, allowed: Range, unit: str) -> int:
    # pydantic has already refused a number with a fraction.
    if not allowed.contains(value):
        raise _range_error(value, unit, allowed.min, allowed.max)
    return value


def _interval(value: int, info: "ValidationInfo") -> int:
    return _in_range(value, _context(info).limits.lab_interval_weeks, "weeks")


def _refill(value: int, info: "ValidationInfo") -> int:
    return _in_range(value, _context(info).limits.refill_days, "days")


def _lab_limits(value: dict[str, float]) -> dict[str, float]:
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


def _text(value: str, info: "ValidationInfo") -> str:
    allowed = _context(info).limits.text_length
    cleaned = value.strip()
    if not cleaned or not cleaned.isprintable() or len(cleaned) > allowed.max:
        raise PydanticCustomError(
            TEXT_VALUE,
            "{value} is empty, longer than {max} characters, or holds a control character",
            {"value": _quoted(value), "max": format_number(allowed.max)},
        )
    return cleaned


def _current_schema(value: int) -> int:
    # Older files are migrated before validation (storage.migrations); newer are refused.
    if value != SCHEMA_VERSION:
        raise PydanticCustomError(
            SCHEMA_MISMATCH,
            "schema_version {value} is not the one this imuran writes ({current})",
            {"value": str(value), "current": str(SCHEMA_VERSION)},
        )
    return value


def _clean_names(value: list[str]) -> tuple[str, ...]:
    names = tuple(name.strip() for name in value)
    for name in names:
        if not name or not name.isprintable():
            raise PydanticCustomError(
                MEDICINE_NAME,
                "medicine name {value} is empty or holds a control character",
                {"value": _quoted(name)},
            )
    return names


def _defaults(data: Any, info: "ValidationInfo") -> Any:
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
            prescription["tablets_split"] = number and tablets.may_halve(strength)
        data["prescription"] = prescription
    return data


# ---------------------------------------------------------------- the schema


def _checked(schema: Any, rule: Callable[..., Any], *, with_context: bool = True) -> Any:
    """``schema``, then ``rule`` on the valid value (and the validation info, which holds
    the ``ProfileContext``, when ``with_context``)."""
    if with_context:
        return cs.with_info_after_validator_function(rule, schema)
    return cs.no_info_after_validator_function(rule, schema)


def _key(schema: cs.CoreSchema, default: Any = ..., *, optional: bool = False) -> Any:
    """A key of a table: required without a default; ``optional`` also takes nothing."""
    if optional:
        schema = cs.nullable_schema(schema)
        default = None
    if default is ...:
        return cs.typed_dict_field(schema)
    return cs.typed_dict_field(
        cs.with_default_schema(schema, default=default, validate_default=True), required=False
    )


def _table(record: type[Record], keys: dict[str, Any]) -> Any:
    """A TOML table holding exactly ``keys``, made into ``record``."""
    return cs.no_info_after_validator_function(
        lambda data: record(**data), cs.typed_dict_schema(keys, extra_behavior="forbid")
    )


def _literal(choices: tuple[str, ...]) -> cs.CoreSchema:
    return cs.literal_schema(list(choices))


def _schema() -> cs.CoreSchema:
    """The profile file's schema: each table, its keys, their types and their rules.

    Errors name the key where they arise (``loc``); a rule on a whole table names the
    table. Tables the file leaves out take their defaults, which are checked too.
    """
    number = cs.float_schema()
    text = _checked(cs.str_schema(), _text)
    clock = _checked(cs.str_schema(), _clock_time, with_context=False)
    genotype = _literal(GENOTYPES)
    weight = _checked(
        _table(Weight, {"value": _key(number), "unit": _key(_literal(WEIGHT_UNITS), "kg")}),
        _weight_in_range,
    )
    prescription = _checked(
        _table(
            Prescription,
            {
                "daily_mg": _key(_checked(number, _daily_mg_range), optional=True),
                "mg_per_kg": _key(_checked(number, _mg_per_kg_range), optional=True),
                "schedule": _key(_literal(SCHEDULES), "once"),
                "tablet_mg": _key(_checked(cs.int_schema(), _known_strength)),
                "tablets_split": _key(cs.bool_schema(), True),
                "started_on": _key(_checked(cs.date_schema(), _not_in_future), optional=True),
                "stopped_on": _key(_checked(cs.date_schema(), _not_in_future), optional=True),
            },
        ),
        _consistent,
    )
    lab_limits = cs.dict_schema(cs.str_schema(), number)
    profile = _table(
        Profile,
        {
            "schema_version": _key(
                _checked(cs.int_schema(), _current_schema, with_context=False), SCHEMA_VERSION
            ),
            "weight": _key(weight, optional=True),
            "prescription": _key(prescription),
            "genetics": _key(
                _table(
                    Genetics,
                    {"tpmt": _key(genotype, "unknown"), "nudt15": _key(genotype, "unknown")},
                ),
                {},
            ),
            "medications": _key(
                _checked(cs.list_schema(cs.str_schema()), _clean_names, with_context=False), []
            ),
            "dose_times": _key(
                _table(
                    DoseTimes,
                    {"morning": _key(clock, MORNING_TIME), "later": _key(clock, LATER_TIME)},
                ),
                {},
            ),
            "monitoring": _key(
                _table(
                    Monitoring,
                    {
                        "lab_interval_weeks": _key(
                            _checked(cs.int_schema(), _interval), optional=True
                        ),
                        "refill_days": _key(_checked(cs.int_schema(), _refill), optional=True),
                        "lab_limits": _key(
                            _checked(lab_limits, _lab_limits, with_context=False), {}
                        ),
                    },
                ),
                {},
            ),
            "person": _key(
                _table(
                    Person,
                    {
                        "name": _key(text, optional=True),
                        "pregnancy_relevant": _key(cs.bool_schema(), False),
                    },
                ),
                {},
            ),
            "contacts": _key(
                _table(
                    Contacts,
                    {
                        "neurologist": _key(text, optional=True),
                        "neurologist_phone": _key(text, optional=True),
                        "emergency_contact": _key(text, optional=True),
                    },
                ),
                {},
            ),
        },
    )
    return cs.with_info_before_validator_function(_defaults, profile)


_validator: SchemaValidator | None = None


def parse_profile(
    data: dict[str, Any], limits: Limits, today: dt.date, *, strict: bool = False
) -> Profile:
    """Validate raw profile data (from TOML or edits) into a ``Profile``.

    ``strict`` refuses values of the wrong type instead of converting them (a file's
    ``daily_mg = "150"`` or ``tablets_split = "no"``): storage reads files strictly.
    Raises pydantic's ``ValidationError``; storage and the CLI turn it into a
    ``ProfileError`` naming the file, key and value.
    """
    global _validator
    if _validator is None:
        _validator = SchemaValidator(_schema())
    profile: Profile = _validator.validate_python(
        data, strict=strict, context=ProfileContext(limits=limits, today=today)
    )
    return profile


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


def _plain(value: Any) -> Any:
    """Records as dicts (no None values) and tuples as lists, all the way down."""
    if isinstance(value, Record):
        return {key: _plain(item) for key, item in value._asdict().items() if item is not None}
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def _tidy(value: Any) -> Any:
    """Write whole-number floats as integers, so a file says ``150``, not ``150.0``."""
    if isinstance(value, dict):
        return {key: _tidy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_tidy(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _iso_dates(value: Any) -> Any:
    """Dates as ISO 8601 strings, as JSON has them."""
    if isinstance(value, dict):
        return {key: _iso_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso_dates(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
