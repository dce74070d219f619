"""The treatment timeline of ``imuran status`` (``status.toml``), as records."""

# No `from __future__ import annotations`: real annotations let `build` resolve the field
# types without compiling strings, which saves start-up time.

from imuran_cli.knowledge._data import build
from imuran_cli.knowledge._files import read_data
from imuran_cli.record import Record

# The placeholders each kind of text may use; ``core.status`` fills them in.
PHASE_PLACEHOLDERS = frozenset({"window_from", "window_to", "from_months", "to_months"})
DOSE_PLACEHOLDERS = frozenset({"dose", "at"})


class Window(Record):
    """When improvement is expected: from and to so many months after starting."""

    from_months: int
    to_months: int
    source: str


class Line(Record):
    """One statement with its source."""

    text: str
    source: str


class Phases(Record):
    too_early: Line
    window: Line
    past_window: Line
    stopped: Line


class StatusRules(Record):
    improvement: Window
    phases: Phases
    dose_past_time: Line


def load_status() -> StatusRules:
    return build(StatusRules, read_data("status.toml"))
