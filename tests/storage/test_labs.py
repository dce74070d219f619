"""Blood tests in the journal: one test a day, merges as records that undo takes back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from imuran_cli.core.labs import LabTest, merge_test
from imuran_cli.storage import journal as store
from imuran_cli.storage.labs import last_test_date, read_tests, remove_test, save_test

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
DAY = dt.date(2026, 11, 20)


def add(path: Path, day: dt.date, values: dict[str, float], note: str | None = None):
    with store.writing(path) as journal:
        return save_test(journal, day, lambda old: merge_test(old, day, values, note)[0], NOW)


def stored_tests(path: Path) -> list[LabTest]:
    with store.reading(path) as journal:
        return read_tests(journal)


def test_a_test_is_stored_and_read_back(tmp_path: Path):
    path = tmp_path / "j.sqlite3"
    existing, stored = add(path, DAY, {"wbc": 5.1, "hemoglobin": 13.5}, "fasting")
    assert existing is None
    assert stored_tests(path) == [LabTest(DAY, {"wbc": 5.1, "hemoglobin": 13.5}, "fasting")]
    assert stored == stored_tests(path)[0]


def test_a_test_without_values_records_that_blood_was_taken(tmp_path: Path):
    path = tmp_path / "j.sqlite3"
    add(path, DAY, {})
    assert stored_tests(path) == [LabTest(DAY, {}, None)]


def test_a_second_test_of_the_day_is_merged_and_undo_restores_the_first(tmp_path: Path):
    path = tmp_path / "j.sqlite3"
    add(path, DAY, {"wbc": 5.1, "alt": 30})
    existing, stored = add(path, DAY, {"wbc": 4.9})
    assert existing == LabTest(DAY, {"wbc": 5.1, "alt": 30})
    assert stored_tests(path) == [LabTest(DAY, {"wbc": 4.9, "alt": 30})]
    with store.writing(path) as journal:
        removed = store.undo_latest(journal)
    assert removed is not None and removed.kind == "labs"
    assert removed.restored is not None and removed.restored["wbc"] == 5.1
    assert stored_tests(path) == [LabTest(DAY, {"wbc": 5.1, "alt": 30})]
    with store.writing(path) as journal:
        store.undo_latest(journal)
    assert stored_tests(path) == []


def test_tests_are_oldest_first_and_the_last_date_is_known(tmp_path: Path):
    path = tmp_path / "j.sqlite3"
    assert stored_tests(path) == [] and not path.exists()  # reading creates nothing
    with store.reading(path) as journal:
        assert last_test_date(journal) is None
    add(path, DAY, {"wbc": 5})
    add(path, DAY - dt.timedelta(days=40), {"wbc": 6})
    assert [t.date for t in stored_tests(path)] == [DAY - dt.timedelta(days=40), DAY]
    with store.reading(path) as journal:
        assert last_test_date(journal) == DAY


def test_remove_deletes_the_day_with_its_history(tmp_path: Path):
    path = tmp_path / "j.sqlite3"
    add(path, DAY, {"wbc": 5.1})
    add(path, DAY, {"wbc": 4.9})
    other = DAY - dt.timedelta(days=1)
    add(path, other, {"alt": 20})
    with store.writing(path) as journal:
        assert remove_test(journal, DAY) == LabTest(DAY, {"wbc": 4.9})
        assert remove_test(journal, DAY) is None
        kinds = journal.rows("SELECT count(*) FROM entries")[0][0]
        assert kinds == 1  # only the other day's record is left
    assert stored_tests(path) == [LabTest(other, {"alt": 20})]
