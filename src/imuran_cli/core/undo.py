"""What ``undo`` removed: the most recent record of any kind, and the one it brings back."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from imuran_cli.core.errors import InputError
from imuran_cli.record import Record


class UndoneRecord(Record):
    """A record as ``undo`` reports it: its kind (``dose``, ``adl``, ``stock``), day, when it
    was recorded, a one-line summary and the record itself."""

    kind: str
    date: dt.date
    recorded_at: dt.datetime
    summary: str
    record: Any


class Undone(Record):
    """The answer of ``undo``; ``restored`` is the record the removed one had replaced."""

    removed: UndoneRecord
    restored: UndoneRecord | None


def nothing_to_undo(path: str) -> InputError:
    return InputError(
        f"the journal {path} holds no record to undo",
        "record something first (imuran take, imuran adl add, imuran stock add)",
        code="empty_journal",
    )


def undone(kind: str, record: Any, restored: Any | None, describe: Callable[[Any], str]) -> Undone:
    """Each record needs ``date`` and ``recorded_at``; ``describe`` words it."""

    def view(item: Any) -> UndoneRecord:
        return UndoneRecord(
            kind=kind,
            date=item.date,
            recorded_at=item.recorded_at,
            summary=describe(item),
            record=item,
        )

    return Undone(removed=view(record), restored=view(restored) if restored is not None else None)
