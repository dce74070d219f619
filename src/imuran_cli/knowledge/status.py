"""The treatment timeline of ``imuran status`` (``status.toml``), as plain frozen records."""

from __future__ import annotations

from dataclasses import dataclass

from imuran_cli.knowledge._data import Record, build
from imuran_cli.knowledge._files import read_data

# The placeholders each kind of text may use; ``core.status`` fills them in.
PHASE_PLACEHOLDERS = frozenset({"window_from", "window_to", "from_months", "to_months"})
DOSE_PLACEHOLDERS = frozenset({"dose", "at"})


@dataclass(frozen=True)
class Window(Record):
    """When improvement is expected: from and to so many months after starting."""

    from_months: int
    to_months: int
    source: str


@dataclass(frozen=True)
class Line(Record):
    """One statement with its source."""

    text: str
    source: str


@dataclass(frozen=True)
class Phases(Record):
    too_early: Line
    window: Line
    past_window: Line
    stopped: Line


@dataclass(frozen=True)
class StatusRules(Record):
    improvement: Window
    phases: Phases
    dose_past_time: Line


def load_status() -> StatusRules:
    return build(StatusRules, read_data("status.toml"))
