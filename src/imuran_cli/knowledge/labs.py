"""Blood tests (``labs.toml``): tests, units, default limits, trend rule and schedule.

Plain records built with ``build`` (no pydantic at run time); the tests validate
the file with ``pydantic.TypeAdapter(Labs)``.
"""

# No `from __future__ import annotations`: real annotations let `build` resolve the field
# types without compiling strings, which saves start-up time.

from imuran_cli.knowledge._data import build
from imuran_cli.knowledge._files import read_data
from imuran_cli.record import Record


class LabTestInfo(Record):
    """One blood test: its name in options and JSON, how it is shown, its plausible range."""

    name: str
    example: str
    label: str
    title: str
    unit: str
    min: float
    max: float
    trend: bool
    source: str


class UnitSpelling(Record):
    """A unit a value of ``test`` may be written in; dividing by ``per`` gives the stored unit."""

    test: str
    unit: str
    per: float
    source: str


class DefaultLimit(Record):
    """A default limit (``wbc_low``), from the source that sets it."""

    name: str
    value: float
    source: str


class Urgent(Record):
    """What a result past its limit means, as the guidance puts it."""

    who_default: str
    who_profile: str
    action: str
    source: str


class Trend(Record):
    """A run of falls that is a warning sign; ``message`` has {label} {count} {first} {last}."""

    min_tests: int
    message: str
    sources: tuple[str, ...]


class EarlySchedule(Record):
    """Closer tests early in treatment: ``first_days`` apart in the first ``first_months``
    calendar months, ``then_days`` apart until ``then_until_months``."""

    first_months: int
    first_days: int
    then_until_months: int
    then_days: int
    text: str
    source: str


class LeafletSchedule(Record):
    """The standing interval: from ``from_days`` to ``by_days`` after the last test."""

    from_days: int
    by_days: int
    text: str
    source: str


class Statement(Record):
    text: str
    source: str


class Note(Record):
    note: str
    source: str


class Schedule(Record):
    early: EarlySchedule
    leaflet: LeafletSchedule
    profile: Statement
    clinics: Note
    no_start: Note
    stopped: Note


class Labs(Record):
    tests: tuple[LabTestInfo, ...]
    units: tuple[UnitSpelling, ...]
    limits: tuple[DefaultLimit, ...]
    urgent: Urgent
    trend: Trend
    schedule: Schedule

    def test(self, name: str) -> LabTestInfo:
        for info in self.tests:
            if info.name == name:
                return info
        raise KeyError(name)

    def default_limit(self, name: str) -> DefaultLimit | None:
        for limit in self.limits:
            if limit.name == name:
                return limit
        return None


def load_labs() -> Labs:
    return build(Labs, read_data("labs.toml"))
