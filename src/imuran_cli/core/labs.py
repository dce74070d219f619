"""Blood tests: values and units, limits and flags, falling trends, the chart's data.

When the next test is due is ``core.lab_due`` (a module of its own, light to import).

Pure: the knowledge (``Labs``), the profile, the recorded tests and ``today`` are arguments.
Every number a rule uses comes from ``knowledge/labs.toml``.
"""

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from imuran_cli.core.errors import InputError
from imuran_cli.core.units import format_number
from imuran_cli.knowledge.labs import Labs, LabTestInfo
from imuran_cli.knowledge.limits import Limits
from imuran_cli.record import Record

if TYPE_CHECKING:  # pydantic and the profile editor load only where they are used
    from imuran_cli.core.profile import Profile
    from imuran_cli.core.profile_edit import Edit

Direction = Literal["low", "high"]
LimitSource = Literal["default", "profile"]
Severity = Literal["urgent", "caution"]

_NUMBER = r"^\s*(?P<number>[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(?P<unit>.*?)\s*$"


# ---------------------------------------------------------------- records and results


class LabTest(Record):
    """One blood test as recorded: its day, the values given (stored units) and a note."""

    date: dt.date
    values: Mapping[str, float] = MappingProxyType({})
    note: str | None = None


class LabRecord(Record):
    """A blood test as the journal holds one record of it (what ``undo`` reports)."""

    date: dt.date
    values: Mapping[str, float]
    note: str | None
    recorded_at: dt.datetime


def describe_record(record: LabRecord) -> str:
    """``the blood test of 2026-11-20 (wbc 5.1, alt 30)``, for ``undo``."""
    values = ", ".join(f"{name} {format_number(value)}" for name, value in record.values.items())
    return f"the blood test of {record.date.isoformat()} ({values or 'no values'})"


class Flag(Record):
    """A value past its limit."""

    test: str
    value: float
    limit: float
    direction: Direction
    limit_source: LimitSource
    severity: Severity
    message: str
    source: str
    action: str


class TrendFlag(Record):
    """A run of falls in one blood count, oldest date first."""

    test: str
    dates: tuple[dt.date, ...]
    values: tuple[float, ...]
    severity: Severity
    message: str
    source: str
    sources: tuple[str, ...]


class TestView(Record):
    """One test with its flags, as ``labs list`` shows it."""

    date: dt.date
    values: Mapping[str, float]
    flags: tuple[Flag, ...]
    note: str | None


class LabsList(Record):
    """``imuran labs list``: every test, newest first, and the falling trends."""

    tests: tuple[TestView, ...]
    trends: tuple[TrendFlag, ...]
    sources: tuple[str, ...]


class Replaced(Record):
    """A value a merge replaced."""

    test: str
    old: float
    new: float


class LabRecorded(Record):
    """``imuran labs add``: the test as it now stands, and what the merge replaced."""

    recorded: TestView
    merged: bool
    replaced: tuple[Replaced, ...]
    note_replaced: bool
    trends: tuple[TrendFlag, ...]
    sources: tuple[str, ...]


class LabRemoved(Record):
    """``imuran labs remove DAY``: the test that was deleted."""

    removed: TestView


class ActiveLimit(Record):
    """A limit in force for one test: the default or the clinic's."""

    name: str
    test: str
    value: float
    direction: Direction
    limit_source: LimitSource
    source: str


class ChartPoint(Record):
    date: dt.date
    value: float


class ChartLimit(Record):
    value: float
    direction: Direction
    limit_source: LimitSource
    source: str


class LabChart(Record):
    """``imuran labs chart TEST``: one test's values over time, with its limits."""

    test: str
    label: str
    unit: str
    points: tuple[ChartPoint, ...]
    limits: tuple[ChartLimit, ...]
    trend: TrendFlag | None
    sources: tuple[str, ...]


# ---------------------------------------------------------------- values


def option_of(test: str) -> str:
    """The ``labs add`` option of a test: ``--wbc``."""
    return f"--{test}"


def _unit_key(text: str) -> str:
    """A unit as compared: case and the micro sign do not matter, nor a leading ``x``."""
    unit = text.strip().replace("µ", "u").replace("μ", "u").replace(" ", "").lower()
    return unit.lstrip("x×*")


def _range_text(info: LabTestInfo, per: float, unit: str) -> str:
    low, high = info.min * per, info.max * per
    return f"{format_number(low)} to {format_number(high)} {unit}"


def parse_lab_value(test: str, text: str, labs: Labs, *, option: str | None = None) -> float:
    """The value typed for ``test`` in its stored unit (``135g/L`` -> 13.5), or InputError.

    A value may carry its unit (any spelling of ``labs.units`` for that test); without
    one it is in the stored unit. A value outside the plausible range is refused, naming
    the option and the range.
    """
    info = labs.test(test)
    name = option or option_of(test)
    spellings = {_unit_key(u.unit): u for u in labs.units if u.test == test}
    range_text = _range_text(info, 1, info.unit)
    example = f"e.g. {name} {info.example}"
    match = re.match(_NUMBER, text)
    if match is None:
        raise InputError(
            f"{name} {_shown(text)} is not a number (allowed: {range_text})",
            example,
            code="invalid_lab_value",
        )
    value = float(match.group("number"))
    per = 1.0
    unit_text = match.group("unit")
    if unit_text:
        spelling = spellings.get(_unit_key(unit_text))
        if spelling is None:
            units = ", ".join(dict.fromkeys(u.unit for u in labs.units if u.test == test))
            raise InputError(
                f"{name} {_shown(text)}: unknown unit {_shown(unit_text)} (use {units})",
                example,
                code="invalid_lab_unit",
            )
        per = spelling.per
    stored = value / per
    if not math.isfinite(stored) or not info.min <= stored <= info.max:
        allowed = range_text
        if per != 1:
            allowed = f"{_range_text(info, per, unit_text)} ({range_text})"
        typed = f"{format_number(value)} {unit_text}" if unit_text else format_number(value)
        raise InputError(
            f"{name} {typed} is outside the plausible range {allowed}",
            f"check the value and its unit on the lab report; {example}",
            code="lab_value_out_of_range",
        )
    return stored


def parse_lab_values(given: Mapping[str, str | None], labs: Labs) -> dict[str, float]:
    """Every value given (test name -> text), checked; the first bad one is the error."""
    return {
        test: parse_lab_value(test, text, labs) for test, text in given.items() if text is not None
    }


def check_note(text: str | None, limits: Limits) -> str | None:
    """A note as stored: trimmed, printable, not too long; empty means none."""
    if text is None:
        return None
    cleaned = text.strip()
    allowed = limits.text_length
    if not cleaned:
        return None
    if not cleaned.isprintable() or len(cleaned) > allowed.max:
        raise InputError(
            f"--note is longer than {format_number(allowed.max)} characters or holds a "
            "control character",
            "give a short note on one line",
            code="invalid_note",
        )
    return cleaned


def merge_test(
    existing: LabTest | None, day: dt.date, values: Mapping[str, float], note: str | None
) -> tuple[LabTest, tuple[Replaced, ...], bool]:
    """The test of ``day`` after adding ``values`` and ``note`` to what is recorded.

    Returns the merged test, the values replaced (a value given again unchanged is not a
    replacement) and whether a different note was replaced.
    """
    if existing is None:
        return LabTest(day, dict(values), note), (), False
    merged = dict(existing.values)
    replaced = []
    for test, value in values.items():
        old = merged.get(test)
        if old is not None and old != value:
            replaced.append(Replaced(test, old, value))
        merged[test] = value
    note_replaced = note is not None and existing.note is not None and note != existing.note
    return (
        LabTest(day, merged, note if note is not None else existing.note),
        tuple(replaced),
        note_replaced,
    )


def ordered_values(values: Mapping[str, float], labs: Labs) -> dict[str, float]:
    """Values in the order of the knowledge's tests (WBC first)."""
    return {info.name: values[info.name] for info in labs.tests if info.name in values}


def resolve_test(name: str, labs: Labs) -> str:
    """The test named ``name`` (``wbc``, ``WBC``, ``haemoglobin``), or InputError."""
    wanted = name.strip().lower().lstrip("-")
    for info in labs.tests:
        if wanted in (info.name, info.label.lower(), info.title.lower().split(" (")[0]):
            return info.name
    raise InputError(
        f"unknown blood test {_shown(name)}",
        "use one of: " + ", ".join(info.name for info in labs.tests),
        code="unknown_test",
    )


def lab_limit_edit(name: str, text: str, labs: Labs) -> "Edit":
    """``imuran profile set lab-limit NAME VALUE``: the value in the test's unit, checked
    against the test's plausible range (``hemoglobin-low 120g/L`` is stored as 12)."""
    from imuran_cli.core.profile_edit import Edit, resolve_lab_limit, spec_of

    key = resolve_lab_limit(name)
    limit_name = spec_of(key).path[-1]
    test = limit_name.rsplit("_", 1)[0]
    try:
        value = parse_lab_value(test, text, labs, option=key)
    except InputError as exc:
        example = f"e.g. imuran profile set {key} {labs.test(test).example}"
        hint = (
            exc.hint.replace(f"e.g. {key} {labs.test(test).example}", example) if exc.hint else None
        )
        raise InputError(exc.message, hint, code=exc.code) from None
    return Edit(key, value, text)


# ---------------------------------------------------------------- limits and flags


def active_limits(profile_limits: Mapping[str, float], labs: Labs) -> dict[str, ActiveLimit]:
    """The limits in force, by name (``wbc_low``): the clinic's from the profile win."""
    found: dict[str, ActiveLimit] = {}
    for default in labs.limits:
        found[default.name] = _limit(default.name, default.value, "default", default.source)
    for name, value in profile_limits.items():
        found[name] = _limit(name, value, "profile", labs.urgent.source)
    return found


def _limit(name: str, value: float, origin: LimitSource, source: str) -> ActiveLimit:
    test, side = name.rsplit("_", 1)
    direction: Direction = "low" if side == "low" else "high"
    return ActiveLimit(name, test, value, direction, origin, source)


def profile_lab_limits(profile: "Profile | None") -> Mapping[str, float]:
    return profile.monitoring.lab_limits if profile is not None else {}


def flags_for(
    values: Mapping[str, float], limits: Mapping[str, ActiveLimit], labs: Labs
) -> tuple[Flag, ...]:
    """``URGENT`` for every value past a limit in force, in the order of the tests."""
    flags = []
    for info in labs.tests:
        value = values.get(info.name)
        if value is None:
            continue
        for side in ("low", "high"):
            limit = limits.get(f"{info.name}_{side}")
            if limit is None:
                continue
            past = value < limit.value if limit.direction == "low" else value > limit.value
            if past:
                flags.append(_flag(info, value, limit, labs))
    return tuple(flags)


def _flag(info: LabTestInfo, value: float, limit: ActiveLimit, labs: Labs) -> Flag:
    who = labs.urgent.who_default if limit.limit_source == "default" else labs.urgent.who_profile
    side = "below" if limit.direction == "low" else "above"
    message = (
        f"{info.label} {format_number(value)} {info.unit} is {side} "
        f"{format_number(limit.value)}, {who}"
    )
    return Flag(
        test=info.name,
        value=value,
        limit=limit.value,
        direction=limit.direction,
        limit_source=limit.limit_source,
        severity="urgent",
        message=message,
        source=limit.source,
        action=labs.urgent.action,
    )


def falling_trends(tests: Iterable[LabTest], labs: Labs) -> tuple[TrendFlag, ...]:
    """``CAUTION`` for each blood count whose latest values fell at each of at least
    ``labs.trend.min_tests`` tests in a row (each lower than the one before).

    Only the run that ends at the latest value counts: a fall that has since recovered
    is no longer a warning. A test that did not measure the value does not break a run.
    """
    by_date = sorted(tests, key=lambda test: test.date)
    found = []
    for info in labs.tests:
        if not info.trend:
            continue
        series = [
            (test.date, test.values[info.name]) for test in by_date if info.name in test.values
        ]
        run = series[-1:]
        for earlier in reversed(series[:-1]):
            if earlier[1] > run[0][1]:
                run.insert(0, earlier)
            else:
                break
        if len(run) >= labs.trend.min_tests:
            found.append(_trend(info, run, labs))
    return tuple(found)


def _trend(info: LabTestInfo, run: Sequence[tuple[dt.date, float]], labs: Labs) -> TrendFlag:
    message = labs.trend.message.format(
        label=info.label,
        count=len(run),
        first=run[0][0].isoformat(),
        last=run[-1][0].isoformat(),
    )
    return TrendFlag(
        test=info.name,
        dates=tuple(day for day, _ in run),
        values=tuple(value for _, value in run),
        severity="caution",
        message=message,
        source=labs.trend.sources[0],
        sources=labs.trend.sources,
    )


def view(test: LabTest, limits: Mapping[str, ActiveLimit], labs: Labs) -> TestView:
    return TestView(
        date=test.date,
        values=ordered_values(test.values, labs),
        flags=flags_for(test.values, limits, labs),
        note=test.note,
    )


def _sources(views: Iterable[TestView], trends: Iterable[TrendFlag]) -> tuple[str, ...]:
    ids: list[str] = []
    for shown in views:
        ids.extend(flag.source for flag in shown.flags)
    for trend in trends:
        ids.extend(trend.sources)
    return tuple(dict.fromkeys(ids))


def list_tests(
    tests: Iterable[LabTest], profile_limits: Mapping[str, float], labs: Labs
) -> LabsList:
    """Every test newest first, each value with its flag, and the falling trends."""
    limits = active_limits(profile_limits, labs)
    ordered = sorted(tests, key=lambda test: test.date, reverse=True)
    views = tuple(view(test, limits, labs) for test in ordered)
    trends = falling_trends(ordered, labs)
    return LabsList(tests=views, trends=trends, sources=_sources(views, trends))


def recorded(
    test: LabTest,
    replaced: tuple[Replaced, ...],
    note_replaced: bool,
    *,
    merged: bool,
    history: Iterable[LabTest],
    profile_limits: Mapping[str, float],
    labs: Labs,
) -> LabRecorded:
    """The answer of ``labs add``: ``history`` is every test now recorded (this one too)."""
    limits = active_limits(profile_limits, labs)
    shown = view(test, limits, labs)
    trends = tuple(trend for trend in falling_trends(history, labs) if trend.dates[-1] == test.date)
    return LabRecorded(
        recorded=shown,
        merged=merged,
        replaced=replaced,
        note_replaced=note_replaced,
        trends=trends,
        sources=_sources([shown], trends),
    )


def removed(test: LabTest, profile_limits: Mapping[str, float], labs: Labs) -> LabRemoved:
    return LabRemoved(removed=view(test, active_limits(profile_limits, labs), labs))


# ---------------------------------------------------------------- chart


def chart(
    test: str, tests: Iterable[LabTest], profile_limits: Mapping[str, float], labs: Labs
) -> LabChart:
    """The values of ``test`` over time, oldest first, with the limits in force for it."""
    info = labs.test(test)
    ordered = sorted(tests, key=lambda item: item.date)
    points = tuple(
        ChartPoint(item.date, item.values[test]) for item in ordered if test in item.values
    )
    limits = tuple(
        ChartLimit(limit.value, limit.direction, limit.limit_source, limit.source)
        for limit in active_limits(profile_limits, labs).values()
        if limit.test == test
    )
    trend = next((t for t in falling_trends(ordered, labs) if t.test == test), None)
    ids = [limit.source for limit in limits]
    if trend is not None:
        ids.extend(trend.sources)
    return LabChart(
        test=test,
        label=info.label,
        unit=info.unit,
        points=points,
        limits=tuple(sorted(limits, key=lambda limit: limit.direction, reverse=True)),
        trend=trend,
        sources=tuple(dict.fromkeys(ids)),
    )


def _shown(text: str) -> str:
    """A typed value in a message: as is, or quoted when it has spaces or odd characters."""
    if text and text.isprintable() and not any(char.isspace() for char in text):
        return text
    import json  # only for this message: the report and `labs list` load it otherwise not

    return json.dumps(text, ensure_ascii=False)
