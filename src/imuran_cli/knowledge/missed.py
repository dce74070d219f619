"""Missed-dose rules and texts (``missed.toml``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from imuran_cli.knowledge._files import load_model


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WhenRange(_Frozen):
    """How many days back ``--when`` may go, and when to mention the neurologist."""

    min_days_ago: int
    max_days_ago: int
    tell_neurologist_from_days_ago: int
    source: str


class DecisionText(_Frozen):
    """The headline and the one-line reason of one decision."""

    headline: str
    reason: str
    source: str


class Statement(_Frozen):
    """One piece of advice with its source."""

    text: str
    source: str


class LateDose(_Frozen):
    """A dose taken today although the next one is near: how near, and the caution."""

    once_daily_hours: float
    split_hours: float
    text: str
    sources: list[str]


class SourcesNote(_Frozen):
    """How the sources differ, for the sources line."""

    note: str
    sources: list[str]


class MissedRules(_Frozen):
    when: WhenRange
    take_today: DecisionText
    skip: DecisionText
    with_later: Statement
    never_double: Statement
    tell_neurologist: Statement
    late: LateDose
    differs: SourcesNote


def load_missed() -> MissedRules:
    return load_model("missed.toml", MissedRules)
