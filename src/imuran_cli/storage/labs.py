"""Blood tests in the journal (the ``labs`` table of migration ``m002_labs``).

One current row per day (``replaced_by IS NULL``). Adding values to a day that has a test
writes the merged test as a new record that replaces the old row, so that ``undo`` (which
removes the latest record and restores what it replaced) takes back exactly the last
``labs add``. ``remove_test`` deletes a day's test with its history.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from imuran_cli.core.profile import LAB_TESTS
from imuran_cli.storage.journal import Journal, add_entry, timestamp

if TYPE_CHECKING:  # core.labs is loaded only by what reads or writes the values
    from imuran_cli.core.labs import LabRecord, LabTest

KIND = "labs"
_COLUMNS = ", ".join(LAB_TESTS)


def test_from_row(row: sqlite3.Row) -> LabTest:
    """A ``LabTest`` from a ``labs`` row."""
    from imuran_cli.core.labs import LabTest

    values = {name: float(row[name]) for name in LAB_TESTS if row[name] is not None}
    return LabTest(dt.date.fromisoformat(str(row["date"])), values, row["note"])


def record_from_row(row: sqlite3.Row | Mapping[str, Any]) -> LabRecord:
    """A ``labs`` row as the record ``undo`` reports (a ``RemovedEntry`` row is a dict)."""
    from imuran_cli.core.labs import LabRecord

    values = {name: float(row[name]) for name in LAB_TESTS if row[name] is not None}
    return LabRecord(
        date=dt.date.fromisoformat(str(row["date"])),
        values=values,
        note=row["note"],
        recorded_at=dt.datetime.fromisoformat(str(row["recorded_at"])),
    )


def read_tests(journal: Journal | None) -> list[LabTest]:
    """Every current test, oldest first; none without a journal."""
    if journal is None:
        return []
    rows = journal.rows(
        f"SELECT date, {_COLUMNS}, note FROM labs WHERE replaced_by IS NULL ORDER BY date"
    )
    return [test_from_row(row) for row in rows]


def last_test_date(journal: Journal | None) -> dt.date | None:
    """The day of the most recent test; None without one."""
    if journal is None:
        return None
    rows = journal.rows("SELECT max(date) AS last FROM labs WHERE replaced_by IS NULL")
    last = rows[0]["last"] if rows else None
    return dt.date.fromisoformat(str(last)) if last is not None else None


def _current(connection: sqlite3.Connection, day: dt.date) -> sqlite3.Row | None:
    row: sqlite3.Row | None = connection.execute(
        f"SELECT entry_id, date, {_COLUMNS}, note FROM labs WHERE date = ? AND replaced_by IS NULL",
        (day.isoformat(),),
    ).fetchone()
    return row


def save_test(
    journal: Journal,
    day: dt.date,
    merge: Callable[[LabTest | None], LabTest],
    recorded_at: dt.datetime,
) -> tuple[LabTest | None, LabTest]:
    """Record the test of ``day`` in one transaction: ``merge(existing)`` (the current test
    of that day or None) returns the test to store. Returns (existing, stored)."""
    with journal.write() as connection:
        row = _current(connection, day)
        existing = test_from_row(row) if row is not None else None
        stored: LabTest = merge(existing)
        entry_id = add_entry(connection, KIND)
        if row is not None:
            connection.execute(
                "UPDATE labs SET replaced_by = ? WHERE entry_id = ?", (entry_id, row["entry_id"])
            )
        names = ["entry_id", "date", *LAB_TESTS, "note", "recorded_at"]
        values = [
            entry_id,
            day.isoformat(),
            *(stored.values.get(name) for name in LAB_TESTS),
            stored.note,
            timestamp(recorded_at),
        ]
        marks = ", ".join("?" for _ in names)
        connection.execute(f"INSERT INTO labs ({', '.join(names)}) VALUES ({marks})", values)
    return existing, stored


def remove_test(journal: Journal, day: dt.date) -> LabTest | None:
    """Delete the test of ``day`` (and the rows it replaced); None when there is none."""
    with journal.write() as connection:
        row = _current(connection, day)
        if row is None:
            return None
        entries = [
            int(found["entry_id"])
            for found in connection.execute(
                "SELECT entry_id FROM labs WHERE date = ?", (day.isoformat(),)
            )
        ]
        connection.execute("DELETE FROM labs WHERE date = ?", (day.isoformat(),))
        connection.executemany("DELETE FROM entries WHERE id = ?", [(e,) for e in entries])
        return test_from_row(row)
