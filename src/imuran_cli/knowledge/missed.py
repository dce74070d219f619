"""Missed-dose rules and texts (``missed.toml``)."""

# No `from __future__ import annotations`: real annotations let `build` resolve the field
# types without compiling strings, which saves start-up time.

from collections.abc import Iterator

from imuran_cli.knowledge._files import load_record
from imuran_cli.record import Record

FILE = "missed.toml"


class WhenRange(Record):
    """How many days back ``--when`` may go, and when to mention the neurologist."""

    min_days_ago: int
    max_days_ago: int
    tell_neurologist_from_days_ago: int
    source: str


class DecisionText(Record):
    """The headline and the one-line reason of one decision."""

    headline: str
    reason: str
    source: str


class Statement(Record):
    """One piece of advice with its source."""

    text: str
    source: str


class LateDose(Record):
    """A dose taken today although the next one is near: how near, and the caution."""

    once_daily_hours: float
    split_hours: float
    text: str
    sources: tuple[str, ...]


class SourcesNote(Record):
    """How the sources differ, for the sources line."""

    note: str
    sources: tuple[str, ...]


class MissedRules(Record):
    when: WhenRange
    take_today: DecisionText
    skip: DecisionText
    with_later: Statement
    never_double: Statement
    tell_neurologist: Statement
    late: LateDose
    differs: SourcesNote


def load_missed() -> MissedRules:
    return load_record(FILE, MissedRules)


def problems(rules: MissedRules) -> Iterator[str]:
    """What the types cannot say: the days in order, hours within a day, sources given."""
    when = rules.when
    if not 0 < when.min_days_ago <= when.tell_neurologist_from_days_ago <= when.max_days_ago:
        yield "when: not 0 < min_days_ago <= tell_neurologist_from_days_ago <= max_days_ago"
    late = rules.late
    hours_a_day = 24
    for name, hours in (
        ("once_daily_hours", late.once_daily_hours),
        ("split_hours", late.split_hours),
    ):
        if not 0 < hours < hours_a_day:
            yield f"late.{name}: {hours} is not between 0 and {hours_a_day} hours"
    if not late.sources or not rules.differs.sources:
        yield "late.sources and differs.sources must name at least one source"
