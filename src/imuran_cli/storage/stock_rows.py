"""Stock events in the journal, and the tablets of the doses taken since."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping
from typing import Any

from imuran_cli.core.stock import NewStock, StockEvent, TakenTablets
from imuran_cli.core.units import whole_as_int
from imuran_cli.storage.journal import Journal, add_entry, timestamp

# A row as sqlite3 gives it, or as a dict (``RemovedEntry``).
Row = sqlite3.Row | Mapping[str, Any]

_DATE = dt.date.fromisoformat
_MOMENT = dt.datetime.fromisoformat


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
    and the tablets of the doses taken since, summed between one event and the next."""
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
    doses = journal.tuples(
        "SELECT date, entry_id, tablets FROM doses WHERE replaced_by IS NULL"
        " AND status = 'taken' AND tablets IS NOT NULL"
        " AND (date > ? OR (date = ? AND entry_id > ?)) ORDER BY date, entry_id",
        (anchor.date.isoformat(), anchor.date.isoformat(), anchor.entry_id),
    )
    return events, taken_between(events, doses)


def taken_between(
    events: list[StockEvent], doses: list[tuple[str, int, float]]
) -> list[TakenTablets]:
    """The doses taken (ISO date, entry id, tablets; in order) summed from one stock event
    to the next, each sum placed at its last dose.

    Doses only take tablets away and the stock stops at 0, so taking a run of doses away
    one by one leaves what taking their sum away leaves. Summing here spares a record per
    dose: a year without a count by hand is 700 doses, which took a third of `stock`'s
    start-up over a Typer hello-world.
    """
    bounds = [(event.date.isoformat(), event.entry_id) for event in events[1:]]
    runs: list[TakenTablets] = []
    total = 0.0
    last: tuple[str, int] | None = None
    for date, entry_id, tablets in doses:
        if bounds and (date, entry_id) > bounds[0]:
            if last is not None:
                runs.append(TakenTablets(last[1], _DATE(last[0]), total))
            total, last = 0.0, None
            while bounds and (date, entry_id) > bounds[0]:
                bounds.pop(0)
        total += tablets
        last = (date, entry_id)
    if last is not None:
        runs.append(TakenTablets(last[1], _DATE(last[0]), total))
    return runs


def record_stock(journal: Journal, new: NewStock) -> None:
    with journal.write() as connection:
        entry = add_entry(connection, "stock")
        connection.execute(
            "INSERT INTO stock (entry_id, date, action, tablets, recorded_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (entry, new.date.isoformat(), new.action, new.tablets, timestamp(new.recorded_at)),
        )
