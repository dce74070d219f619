"""What the tool accepts as input (``limits.toml``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from imuran_cli.knowledge._files import load_model


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(_Frozen):
    """An inclusive range with the source that sets it."""

    min: float
    max: float
    source: str

    def contains(self, value: float) -> bool:
        return self.min <= value <= self.max


class WeightRanges(_Frozen):
    kg: Range
    lb: Range


class Pound(_Frozen):
    kg: float
    source: str


class ScoredTablets(_Frozen):
    """The strengths known to be scored (may be halved), with their sources."""

    strengths_mg: list[int]
    sources: list[str]


class Tablets(_Frozen):
    strengths_mg: list[int]
    default_strength_mg: int
    pieces_when_split: int
    source: str
    scored: ScoredTablets

    def may_halve(self, tablet_mg: float) -> bool:
        """True when tablets of this strength are known to be scored."""
        return tablet_mg in self.scored.strengths_mg


class Schedule(_Frozen):
    doses_when_split: int
    source: str


class Limits(_Frozen):
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
    return load_model("limits.toml", Limits)
