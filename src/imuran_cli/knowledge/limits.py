"""What the tool accepts as input (``limits.toml``)."""

# No `from __future__ import annotations`: real annotations let `build` resolve the field
# types without compiling strings, which saves start-up time.

from collections.abc import Iterator

from imuran_cli.knowledge._files import load_record
from imuran_cli.record import Record

FILE = "limits.toml"


class Range(Record):
    """An inclusive range with the source that sets it."""

    min: float
    max: float
    source: str

    def contains(self, value: float) -> bool:
        return self.min <= value <= self.max


class WeightRanges(Record):
    kg: Range
    lb: Range


class Pound(Record):
    kg: float
    source: str


class ScoredTablets(Record):
    """The strengths known to be scored (may be halved), with their sources."""

    strengths_mg: tuple[int, ...]
    sources: tuple[str, ...]


class Tablets(Record):
    strengths_mg: tuple[int, ...]
    default_strength_mg: int
    pieces_when_split: int
    source: str
    scored: ScoredTablets

    def may_halve(self, tablet_mg: float) -> bool:
        """True when tablets of this strength are known to be scored."""
        return tablet_mg in self.scored.strengths_mg


class Schedule(Record):
    doses_when_split: int
    source: str


class Limits(Record):
    weight: WeightRanges
    pound: Pound
    mg_per_kg: Range
    daily_mg: Range
    tablets: Tablets
    schedule: Schedule
    refill_days: Range
    lab_interval_weeks: Range
    text_length: Range


def load_limits() -> Limits:
    return load_record(FILE, Limits)


def problems(limits: Limits) -> Iterator[str]:
    """What the types cannot say: ranges in order, strengths that exist (for the check)."""
    ranges = {
        "weight.kg": limits.weight.kg,
        "weight.lb": limits.weight.lb,
        "mg_per_kg": limits.mg_per_kg,
        "daily_mg": limits.daily_mg,
        "refill_days": limits.refill_days,
        "lab_interval_weeks": limits.lab_interval_weeks,
        "text_length": limits.text_length,
    }
    for where, allowed in ranges.items():
        if not 0 <= allowed.min <= allowed.max:
            yield f"{where}: min {allowed.min} and max {allowed.max} are not 0 <= min <= max"
    tablets = limits.tablets
    if not tablets.strengths_mg or any(mg <= 0 for mg in tablets.strengths_mg):
        yield "tablets.strengths_mg: give one or more positive strengths"
    if tablets.default_strength_mg not in tablets.strengths_mg:
        yield "tablets.default_strength_mg is not one of tablets.strengths_mg"
    if not set(tablets.scored.strengths_mg) <= set(tablets.strengths_mg):
        yield "tablets.scored.strengths_mg names a strength not in tablets.strengths_mg"
    if tablets.pieces_when_split < 1 or limits.schedule.doses_when_split < 1:
        yield "tablets.pieces_when_split and schedule.doses_when_split must be at least 1"
    if limits.pound.kg <= 0:
        yield "pound.kg must be positive"
