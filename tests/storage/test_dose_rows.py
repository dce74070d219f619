"""Dose rows: the fast readers (history's mapping, the report's doses taken, the first
day) read exactly what the plain query reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from imuran_cli.storage.dose_rows import (
    dose_statuses,
    doses_between,
    first_dose_day,
    taken_doses,
)
from imuran_cli.storage.journal import add_entry, writing

ROWS = st.dictionaries(
    st.tuples(st.integers(min_value=0, max_value=40), st.sampled_from(["morning", "later"])),
    st.tuples(st.sampled_from(["taken", "skipped"]), st.sampled_from([None, 25, 37.5, 75, 150])),
    max_size=30,
)


START = dt.date(2026, 10, 1)


def _write(path: Path, rows: dict[tuple[int, str], tuple[str, float | None]]) -> None:
    """``rows`` as dose records (day offset from START, dose -> status, mg), and a replaced
    row that is not current."""
    start = START
    with writing(path) as journal, journal.write() as connection:
        for (back, dose), (status, mg) in rows.items():
            entry = add_entry(connection, "dose")
            connection.execute(
                "INSERT INTO doses (entry_id, date, dose, status, mg, recorded_at)"
                " VALUES (?, ?, ?, ?, ?, '2026-11-25T10:00:00+00:00')",
                (entry, (start + dt.timedelta(days=back)).isoformat(), dose, status, mg),
            )
        # A replaced row is not current.
        entry = add_entry(connection, "dose")
        connection.execute(
            "INSERT INTO doses (entry_id, date, dose, status, mg, recorded_at, replaced_by)"
            " VALUES (?, '2026-10-05', 'morning', 'taken', 999, ?, 1)",
            (entry, "2026-11-25T10:00:00+00:00"),
        )


@settings(max_examples=25)
@given(rows=ROWS)
def test_dose_statuses_equal_the_records(tmp_path_factory, rows):
    path: Path = tmp_path_factory.mktemp("j") / "journal.sqlite3"
    _write(path, rows)
    start = START
    with writing(path) as journal:
        end = start + dt.timedelta(days=30)
        fast = dose_statuses(journal, start, end)
        plain = {
            (record.date.isoformat(), record.dose): (record.status, record.mg)
            for record in doses_between(journal, start, end)
        }
    assert dict(fast) == plain
    assert len(fast) == len(plain)
    for key, value in plain.items():
        assert fast.get(key) == value == fast[key]
        assert type(fast[key][1]) is type(value[1])  # 75 stays an int, 37.5 a float
    assert fast.get(("2026-12-31", "later")) is None


@settings(max_examples=25)
@given(rows=ROWS, first=st.integers(min_value=0, max_value=40))
def test_taken_doses_and_the_first_day_equal_the_records(tmp_path_factory, rows, first):
    path: Path = tmp_path_factory.mktemp("j") / "journal.sqlite3"
    _write(path, rows)
    start, end = START + dt.timedelta(days=first), START + dt.timedelta(days=30)
    with writing(path) as journal:
        taken = taken_doses(journal, start, end)
        plain = doses_between(journal, start, end)
        every = doses_between(journal, dt.date.min, end)
        first_day = first_dose_day(journal, end)
    assert taken == [(r.date, r.dose, r.mg, r.recorded_at) for r in plain if r.status == "taken"]
    for (_, _, mg, _), record in zip(taken, (r for r in plain if r.status == "taken"), strict=True):
        assert type(mg) is type(record.mg)  # 75 stays an int, 37.5 a float
    assert first_day == min((r.date for r in every), default=None)
