"""Dose records in the journal, read and written as core's plain data.

``record_dose`` runs its read, the core decision it is given and its write in one
``BEGIN IMMEDIATE`` transaction, so that two commands at once cannot both record the same
dose: the second one sees the first one's record.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from imuran_cli.core.doses import DoseRecord, DoseStatus
from imuran_cli.core.units import whole_as_int
from imuran_cli.storage.journal import Journal, add_entry, timestamp

if TYPE_CHECKING:
    from imuran_cli.core.take import NewDose

# A row as sqlite3 gives it, or as a dict (``RemovedEntry``).
Row = sqlite3.Row | Mapping[str, Any]

_DATE = dt.date.fromisoformat
_MOMENT = dt.datetime.fromisoformat
_DOSE_COLUMNS = "entry_id, date, dose, status, mg, tablets, note, recorded_at"
# mg as written in JSON: 75 rather than 75.0 (a whole REAL read back as an INTEGER).
_TIDY_MG = "CASE WHEN mg = CAST(mg AS INTEGER) THEN CAST(mg AS INTEGER) ELSE mg END"


def dose_from_row(row: Row) -> DoseRecord:
    return DoseRecord(
        entry_id=int(row["entry_id"]),
        date=_DATE(row["date"]),
        dose=row["dose"],
        status=row["status"],
        mg=whole_as_int(row["mg"]) if row["mg"] is not None else None,
        tablets=row["tablets"],
        note=row["note"],
        recorded_at=_MOMENT(row["recorded_at"]),
    )


def doses_between(journal: Journal | None, start: dt.date, end: dt.date) -> list[DoseRecord]:
    """The current dose records from ``start`` to ``end`` (both included), by day."""
    if journal is None:
        return []
    rows = journal.rows(
        f"SELECT {_DOSE_COLUMNS} FROM doses WHERE replaced_by IS NULL"
        " AND date BETWEEN ? AND ? ORDER BY date, dose",
        (start.isoformat(), end.isoformat()),
    )
    return [dose_from_row(row) for row in rows]


def first_dose_day(journal: Journal, end: dt.date) -> dt.date | None:
    """The day of the first current dose record up to ``end``; None without one."""
    first = journal.tuples(
        "SELECT min(date) FROM doses WHERE replaced_by IS NULL AND date <= ?", (end.isoformat(),)
    )[0][0]
    return _DATE(first) if first is not None else None


def taken_doses(
    journal: Journal, start: dt.date, end: dt.date
) -> list[tuple[dt.date, str, float | None, dt.datetime]]:
    """The doses recorded as taken from ``start`` to ``end`` (both included), by day:
    ``(day, dose, mg, recorded_at)``, read as plain tuples (the report lists every one of
    them: a ``DoseRecord`` a dose cost about 40,000 instructions, this a quarter of it)."""
    rows = journal.tuples(
        f"SELECT date, dose, {_TIDY_MG}, recorded_at FROM doses WHERE replaced_by IS NULL"
        " AND status = 'taken' AND date BETWEEN ? AND ? ORDER BY date, dose",
        (start.isoformat(), end.isoformat()),
    )
    return [(_DATE(day), dose, mg, _MOMENT(at)) for day, dose, mg, at in rows]


def _day_doses(connection: sqlite3.Connection, day: dt.date) -> list[DoseRecord]:
    rows = connection.execute(
        f"SELECT {_DOSE_COLUMNS} FROM doses WHERE replaced_by IS NULL AND date = ?",
        (day.isoformat(),),
    ).fetchall()
    return [dose_from_row(row) for row in rows]


def record_dose(
    journal: Journal, day: dt.date, decide: Callable[[list[DoseRecord]], NewDose]
) -> tuple[NewDose, DoseStatus | None, list[DoseRecord]]:
    """Write the dose ``decide`` makes of ``day``'s current records.

    Returns the new dose, the status of the record it replaced (None when it replaced
    none) and the day's current records afterwards. When ``decide`` raises, nothing is
    written.
    """
    with journal.write() as connection:
        new = decide(_day_doses(connection, day))
        replaced: DoseStatus | None = None
        entry = add_entry(connection, "dose")
        if new.replaces is not None:
            old = connection.execute(
                "SELECT status FROM doses WHERE entry_id = ?", (new.replaces,)
            ).fetchone()
            replaced = old["status"] if old is not None else None
            connection.execute(
                "UPDATE doses SET replaced_by = ? WHERE entry_id = ?", (entry, new.replaces)
            )
        connection.execute(
            f"INSERT INTO doses ({_DOSE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry,
                new.date.isoformat(),
                new.dose,
                new.status,
                new.mg,
                new.tablets,
                new.note,
                timestamp(new.recorded_at),
            ),
        )
        after = _day_doses(connection, new.date)
    return new, replaced, after


class DoseStatuses(Mapping[tuple[str, str], tuple[DoseStatus, float | None]]):
    """``(ISO day, dose) -> (status, mg)``: the current dose records of a span of days.

    Read as two strings that SQLite builds (the keys, and the values in the same order),
    split and zipped into one dict in C: ten years of doses cost a few milliseconds less
    than 7,300 rows turned into Python tuples one by one. A key is the day and the
    dose's first letter (``2026-11-25m``); a value the status's first letter and the mg
    (``t75``, ``s37.5``, ``s`` when unknown), decoded once per distinct value.
    """

    _DOSE_LETTER: ClassVar[dict[str, str]] = {"morning": "m", "later": "l"}
    _STATUS: ClassVar[dict[str, DoseStatus]] = {"t": "taken", "s": "skipped"}

    def __init__(self, keys: str | None, values: str | None) -> None:
        self._raw: dict[str, str] = (
            dict(zip(keys.split(";"), values.split(";"), strict=True)) if keys and values else {}
        )
        self._decoded: dict[str, tuple[DoseStatus, float | None]] = {}

    def _decode(self, value: str) -> tuple[DoseStatus, float | None]:
        found = self._decoded.get(value)
        if found is None:
            amount = value[1:]
            mg: float | None = None
            if amount:
                mg = float(amount)
                mg = whole_as_int(mg)
            found = self._decoded[value] = (self._STATUS[value[0]], mg)
        return found

    def get(  # type: ignore[override]
        self, key: tuple[str, str], default: None = None
    ) -> tuple[DoseStatus, float | None] | None:
        value = self._raw.get(key[0] + self._DOSE_LETTER[key[1]])
        return default if value is None else self._decode(value)

    def __getitem__(self, key: tuple[str, str]) -> tuple[DoseStatus, float | None]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[tuple[str, str]]:
        doses = {letter: dose for dose, letter in self._DOSE_LETTER.items()}
        return ((raw[:-1], doses[raw[-1]]) for raw in self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def dose_statuses(journal: Journal, start: dt.date, end: dt.date) -> DoseStatuses:
    """The current dose records from ``start`` to ``end`` as ``DoseStatuses``: what
    ``history`` needs, read fast."""
    rows = journal.tuples(
        "SELECT group_concat(date || substr(dose, 1, 1), ';'),"
        f" group_concat(substr(status, 1, 1) || ifnull({_TIDY_MG}, ''), ';')"
        " FROM doses WHERE replaced_by IS NULL AND date BETWEEN ? AND ?",
        (start.isoformat(), end.isoformat()),
    )
    keys, values = rows[0]
    return DoseStatuses(keys, values)
