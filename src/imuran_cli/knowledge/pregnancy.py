"""Pregnancy and breastfeeding guidance (``pregnancy.toml``), as records."""

# No `from __future__ import annotations`: real annotations let `build` resolve the field
# types without compiling strings, which saves start-up time.

from imuran_cli.knowledge._data import build
from imuran_cli.knowledge._files import read_data
from imuran_cli.record import Record

# The placeholders a text may use; ``core.pregnancy`` fills them in.
PLACEHOLDERS = frozenset(
    {"earliest", "conservative", "stopped_on", "earliest_date", "conservative_date"}
)


class AfterStopping(Record):
    """How many months after stopping to avoid pregnancy: the earliest and the safe end."""

    earliest_months: int
    conservative_months: int
    source: str


class Statement(Record):
    """One statement with a stable id and its source."""

    id: str
    text: str
    source: str


class Timing(Record):
    """When to avoid pregnancy: the full sentence and the one line of ``status``."""

    text: str
    short: str
    source: str


class Timings(Record):
    taking: Timing
    stopped: Timing
    ended: Timing


class SourcesDiffer(Record):
    text: str
    sources: tuple[str, ...]


class PregnancyRules(Record):
    after_stopping: AfterStopping
    general: tuple[Statement, ...]
    timing: Timings
    sources_differ: SourcesDiffer
    breastfeeding: tuple[Statement, ...]


def load_pregnancy() -> PregnancyRules:
    return build(PregnancyRules, read_data("pregnancy.toml"))
