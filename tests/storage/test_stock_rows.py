"""Stock moves read from the journal: doses between two stock events come summed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.stock import StockEvent, TakenTablets, stock_status
from imuran_cli.storage.journal import add_entry, writing
from imuran_cli.storage.stock_rows import stock_moves, taken_between

START = dt.date(2026, 1, 1)
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


def _status(events: list[StockEvent], taken: list[TakenTablets]) -> object:
    return stock_status(events, taken, 150, 50, 14, "default", "PROJECT", dt.date(2027, 1, 1))


# A timeline after the anchor (a stock event): each move is a stock event ("add" or
# "set") or a dose taken, on a day from the start, in tablets (whole or half).
moves = st.lists(
    st.tuples(
        st.sampled_from(["add", "set", "take", "take", "take"]),
        st.integers(min_value=0, max_value=40),
        st.integers(min_value=0, max_value=400).map(lambda halves: halves / 2),
    ),
    max_size=40,
)


@given(st.integers(min_value=0, max_value=200), moves)
def test_summed_runs_leave_the_stock_that_dose_by_dose_leaves(first: int, timeline):
    """Taking a run of doses away one by one, stopping at 0, leaves what taking their
    sum away leaves; so does the day the stock is known as of."""
    anchor = StockEvent(1, START, "set", float(first), NOW)
    events, doses = [anchor], []
    ordered = sorted(
        ((START + dt.timedelta(days=day), entry), action, tablets)
        for entry, (action, day, tablets) in enumerate(timeline, start=2)
    )
    for (date, entry), action, tablets in ordered:
        if action == "take":
            doses.append(TakenTablets(entry, date, tablets))
        else:
            events.append(StockEvent(entry, date, action, tablets or 1.0, NOW))
    rows = [(dose.date.isoformat(), dose.entry_id, dose.tablets) for dose in doses]
    summed = taken_between(events, rows)
    assert _status(events, summed) == _status(events, doses)
    assert sum(run.tablets for run in summed) == sum(dose.tablets for dose in doses)
    assert len(summed) <= len(events)


def test_doses_between_events_are_one_move_each(tmp_path: Path):
    journal_path = tmp_path / "journal.sqlite3"
    with writing(journal_path) as journal, journal.write() as connection:

        def stock(day: int, action: str, tablets: float) -> None:
            entry = add_entry(connection, "stock")
            connection.execute(
                "INSERT INTO stock (entry_id, date, action, tablets, recorded_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (entry, f"2026-11-{day:02d}", action, tablets, NOW.isoformat()),
            )

        def dose(day: int, tablets: float, which: str = "morning", status: str = "taken") -> None:
            entry = add_entry(connection, "dose")
            connection.execute(
                "INSERT INTO doses (entry_id, date, dose, status, tablets, recorded_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (entry, f"2026-11-{day:02d}", which, status, tablets, NOW.isoformat()),
            )

        dose(1, 3)  # before the count by hand: not counted
        stock(2, "set", 100)
        dose(3, 3)
        dose(4, 1.5)
        dose(4, 3, "later", status="skipped")
        stock(5, "add", 60)
        dose(6, 3)
    with writing(journal_path) as journal:
        events, taken = stock_moves(journal)
    assert [(event.action, event.tablets) for event in events] == [("set", 100), ("add", 60)]
    assert [(run.date, run.tablets) for run in taken] == [
        (dt.date(2026, 11, 4), 4.5),
        (dt.date(2026, 11, 6), 3),
    ]
