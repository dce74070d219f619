"""MG-ADL scores in the journal (one current score per day)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping
from typing import Any

from imuran_cli.core.adl import ADL_ITEMS, AdlItems, AdlScore, NewScore
from imuran_cli.storage.journal import Journal, add_entry, timestamp

# A row as sqlite3 gives it, or as a dict (``RemovedEntry``).
Row = sqlite3.Row | Mapping[str, Any]

_DATE = dt.date.fromisoformat
_MOMENT = dt.datetime.fromisoformat
_ADL_COLUMNS = "entry_id, date, " + ", ".join(ADL_ITEMS) + ", recorded_at"


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
