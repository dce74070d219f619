"""The treatment journal's numbers and the answers of ``missed`` that come from it
(``journal.toml``)."""

# No `from __future__ import annotations`: real annotations let `build` resolve the field
# types without compiling strings, which saves start-up time.

from imuran_cli.knowledge._data import build
from imuran_cli.knowledge._files import read_data
from imuran_cli.record import Record


class HistoryRules(Record):
    """The default and longest span of ``history``, and how percentages are rounded."""

    default_days: int
    max_days: int
    percent_decimals: int
    source: str


class MissedLookback(Record):
    """How many days (today included) ``missed`` without ``--when`` looks at."""

    lookback_days: int
    source: str


class StockRules(Record):
    """The refill reminder: fewer than ``refill_days`` days of tablets left."""

    refill_days: int
    source: str


class Answer(Record):
    """A headline and its one-line reason, with their source."""

    headline: str
    reason: str
    source: str


class JournalRules(Record):
    history: HistoryRules
    missed: MissedLookback
    stock: StockRules
    already_taken: Answer
    nothing_missed: Answer


def load_journal_rules() -> JournalRules:
    return build(JournalRules, read_data("journal.toml"))
