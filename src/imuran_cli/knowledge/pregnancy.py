"""Pregnancy and breastfeeding guidance (``pregnancy.toml``), as plain frozen records."""

from __future__ import annotations

from dataclasses import dataclass

from imuran_cli.knowledge._data import Record, build
from imuran_cli.knowledge._files import read_data

# The placeholders a text may use; ``core.pregnancy`` fills them in.
PLACEHOLDERS = frozenset(
    {"earliest", "conservative", "stopped_on", "earliest_date", "conservative_date"}
)


@dataclass(frozen=True)
class AfterStopping(Record):
    """How many months after stopping to avoid pregnancy: the earliest and the safe end."""

    earliest_months: int
    conservative_months: int
    source: str


@dataclass(frozen=True)
class Statement(Record):
    """One statement with a stable id and its source."""

    id: str
    text: str
    source: str


@dataclass(frozen=True)
class Timing(Record):
    """When to avoid pregnancy: the full sentence and the one line of ``status``."""

    text: str
    short: str
    source: str


@dataclass(frozen=True)
class Timings(Record):
    taking: Timing
    stopped: Timing
    ended: Timing


@dataclass(frozen=True)
class SourcesDiffer(Record):
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PregnancyRules(Record):
    after_stopping: AfterStopping
    general: tuple[Statement, ...]
    timing: Timings
    sources_differ: SourcesDiffer
    breastfeeding: tuple[Statement, ...]


def load_pregnancy() -> PregnancyRules:
    return build(PregnancyRules, read_data("pregnancy.toml"))
