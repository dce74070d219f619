"""The records of the journal, read and written as core's plain data.

Each writing function runs its reads, the core decision it is given and its writes in one
``BEGIN IMMEDIATE`` transaction, so that two commands at once cannot both record the
same dose: the second one sees the first one's record.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Mapping
from typing import Any

from imuran_cli.core.adl import ADL_ITEMS, AdlItems, AdlScore, NewScore
from imuran_cli.core.journal import DoseRecord, DoseStatus, NewDose
from imuran_cli.core.stock import NewStock, StockEvent, TakenTablets
from imuran_cli.core.units import whole_as_int
from imuran_cli.storage.journal import (
    Journal,
    RemovedEntry,
    add_entry,
    timestamp,
)
from imuran_cli.storage.labs import record_from_row as lab_record_from_row

# A row as sqlite3 gives it, or as a dict (``RemovedEntry``).
Row = sqlite3.Row | Mapping[str, Any]

_DATE = dt.date.fromisoformat
_MOMENT = dt.datetime.fromisoformat
_DOSE_COLUMNS = "entry_id, date, dose, status, mg, tablets, note, recorded_at"
_ADL_COLUMNS = "entry_id, date, " + ", ".join(ADL_ITEMS) + ", recorded_at"


# ---------------------------------------------------------------- doses


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


# ---------------------------------------------------------------- MG-ADL scores


def score_from_row(row: Row) -> AdlScore:
    return AdlScore(
        entry_id=int(row["entry_id"]),
        date=_DATE(row["date"]),
        items=AdlItems(**{key: int(row[key]) for key in ADL_ITEMS}),
        recorded_at=_MOMENT(row["recorded_at"]),
    )


def adl_scores(journal: Journal | None) -> list[AdlScore]:
    """Every current score, oldest first."""
    if journal is None:
        return []
    rows = journal.rows(
        f"SELECT {_ADL_COLUMNS} FROM adl_scores WHERE replaced_by IS NULL ORDER BY date"
    )
    return [score_from_row(row) for row in rows]


def record_adl(journal: Journal, new: NewScore) -> tuple[AdlScore | None, list[AdlScore]]:
    """Write ``new``; a score already there for that day is replaced (and returned)."""
    with journal.write() as connection:
        old_row = connection.execute(
            f"SELECT {_ADL_COLUMNS} FROM adl_scores WHERE replaced_by IS NULL AND date = ?",
            (new.date.isoformat(),),
        ).fetchone()
        entry = add_entry(connection, "adl")
        replaced = score_from_row(old_row) if old_row is not None else None
        if replaced is not None:
            connection.execute(
                "UPDATE adl_scores SET replaced_by = ? WHERE entry_id = ?",
                (entry, replaced.entry_id),
            )
        grades = [new.items.grade(key) for key in ADL_ITEMS]
        marks = ", ".join("?" for _ in range(len(ADL_ITEMS) + 3))
        connection.execute(
            f"INSERT INTO adl_scores ({_ADL_COLUMNS}) VALUES ({marks})",
            (entry, new.date.isoformat(), *grades, timestamp(new.recorded_at)),
        )
    return replaced, adl_scores(journal)


# ---------------------------------------------------------------- stock


def stock_from_row(row: Row) -> StockEvent:
    return StockEvent(
        entry_id=int(row["entry_id"]),
        date=_DATE(row["date"]),
        action=row["action"],
        tablets=whole_as_int(float(row["tablets"])),
        recorded_at=_MOMENT(row["recorded_at"]),
    )


def stock_moves(journal: Journal | None) -> tuple[list[StockEvent], list[TakenTablets]]:
    """The stock events from the last count by hand on (every event when there is none),
    and the tablets of the doses taken from that day on."""
    if journal is None:
        return [], []
    rows = journal.rows(
        "SELECT entry_id, date, action, tablets, recorded_at FROM stock"
        " WHERE replaced_by IS NULL ORDER BY date, entry_id"
    )
    events = [stock_from_row(row) for row in rows]
    if not events:
        return [], []
    counts = [event for event in events if event.action == "set"]
    anchor = counts[-1] if counts else events[0]
    events = [e for e in events if (e.date, e.entry_id) >= (anchor.date, anchor.entry_id)]
    taken_rows = journal.rows(
        "SELECT entry_id, date, tablets FROM doses WHERE replaced_by IS NULL"
        " AND status = 'taken' AND tablets IS NOT NULL AND date >= ?",
        (anchor.date.isoformat(),),
    )
    taken = [
        TakenTablets(int(row["entry_id"]), _DATE(row["date"]), float(row["tablets"]))
        for row in taken_rows
        if (_DATE(row["date"]), int(row["entry_id"])) > (anchor.date, anchor.entry_id)
    ]
    return events, taken


def record_stock(journal: Journal, new: NewStock) -> None:
    with journal.write() as connection:
        entry = add_entry(connection, "stock")
        connection.execute(
            "INSERT INTO stock (entry_id, date, action, tablets, recorded_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (entry, new.date.isoformat(), new.action, new.tablets, timestamp(new.recorded_at)),
        )


# ---------------------------------------------------------------- undo

# How each kind's row reads as core data (add one for each new kind of record).
ROW_READERS: dict[str, Callable[[Row], object]] = {
    "dose": dose_from_row,
    "adl": score_from_row,
    "stock": stock_from_row,
    "labs": lab_record_from_row,
}


def removed_records(removed: RemovedEntry) -> tuple[object, object | None]:
    """The record ``undo`` removed and the one it brought back, as core data."""
    read = ROW_READERS[removed.kind]
    restored = read(removed.restored) if removed.restored is not None else None
    return read(removed.row), restored
