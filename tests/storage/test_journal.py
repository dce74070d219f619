"""The journal file: creation, permissions, pragmas, migrations, damaged files, locking,
and the generic record operations (entries, replacement, undo)."""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from imuran_cli.core.errors import EnvironmentFailure, JournalError, LockTimeout
from imuran_cli.storage import journal as store
from imuran_cli.storage.journal import (
    JOURNAL_VERSION,
    MIGRATIONS,
    add_entry,
    has_records,
    open_journal,
    undo_latest,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def new_journal(path: Path) -> None:
    journal = open_journal(path, create=True)
    assert journal is not None
    journal.close()


def schema(path: Path) -> list[tuple[str, str]]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        rows = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    return [(str(name), str(sql)) for name, sql in rows]


def pragma(path: Path, name: str) -> object:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]


def add_dose_row(journal: store.Journal, day: str, dose: str = "morning") -> int:
    with journal.write() as connection:
        entry = add_entry(connection, "dose")
        connection.execute(
            "INSERT INTO doses (entry_id, date, dose, status, mg, tablets, note, recorded_at)"
            " VALUES (?, ?, ?, 'taken', 150, 3, NULL, '2026-11-25T10:00:00+00:00')",
            (entry, day, dose),
        )
    return entry


# ---------------------------------------------------------------- creation and privacy


def test_a_reading_open_of_a_missing_journal_creates_nothing(tmp_path: Path):
    path = tmp_path / "data" / "journal.sqlite3"
    assert open_journal(path, create=False) is None
    assert not path.parent.exists()
    with store.reading(path) as journal:
        assert journal is None
    assert not has_records(None)
    assert not path.parent.exists()


def test_a_new_journal_is_private_even_under_umask_000(tmp_path: Path):
    path = tmp_path / "a" / "b" / "journal.sqlite3"
    # The rollback journal exists while a write transaction has changed a page.
    with umask(0), store.writing(path) as journal, journal.write() as connection:
        entry = add_entry(connection, "dose")
        connection.execute(
            "INSERT INTO doses (entry_id, date, dose, status, recorded_at)"
            " VALUES (?, '2026-11-25', 'morning', 'taken', 'x')",
            (entry,),
        )
        sidecar = path.with_name(path.name + "-journal")
        assert sidecar.exists()
        assert mode(sidecar) == 0o600
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert mode(path.parent.parent) == 0o700
    # A clean close leaves nothing beside the database.
    assert sorted(p.name for p in path.parent.iterdir()) == ["journal.sqlite3"]


def test_an_existing_folder_is_left_as_it_is(tmp_path: Path):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    new_journal(folder / "journal.sqlite3")
    assert mode(folder) == 0o755
    assert mode(folder / "journal.sqlite3") == 0o600


def test_the_connection_is_durable_and_waits_its_turn(tmp_path: Path):
    path = tmp_path / "journal.sqlite3"
    with store.writing(path) as journal:
        assert journal.rows("PRAGMA synchronous")[0][0] == 2  # FULL
        assert journal.rows("PRAGMA journal_mode")[0][0] == "delete"
        assert journal.rows("PRAGMA busy_timeout")[0][0] == 10_000
    assert store.BUSY_TIMEOUT_SECONDS == 10.0


def test_a_write_that_fails_leaves_nothing(tmp_path: Path):
    path = tmp_path / "journal.sqlite3"
    with store.writing(path) as journal:
        with pytest.raises(RuntimeError), journal.write() as connection:
            add_entry(connection, "dose")
            raise RuntimeError("boom")
        assert not has_records(journal)


# ---------------------------------------------------------------- schema versions


def build_at_version(path: Path, version: int) -> None:
    """A journal as imuran at schema ``version`` left it (version 0: a new empty file)."""
    path.touch(mode=0o600)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as connection:
        for migration in MIGRATIONS[:version]:
            for statement in migration.statements:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {version}")


# Rows a journal at each version holds, to check that migrating keeps them.
SEED: dict[int, list[str]] = {
    1: [
        "INSERT INTO entries (id, kind) VALUES (1, 'dose')",
        "INSERT INTO doses (entry_id, date, dose, status, mg, tablets, recorded_at)"
        " VALUES (1, '2026-11-24', 'morning', 'taken', 150, 3, '2026-11-24T08:00:00+00:00')",
    ],
    2: [
        "INSERT INTO entries (id, kind) VALUES (1, 'labs')",
        "INSERT INTO labs (entry_id, date, wbc, hemoglobin, note, recorded_at)"
        " VALUES (1, '2026-11-20', 5.1, 13.5, 'fasting', '2026-11-20T09:00:00+00:00')",
    ],
}


def test_the_version_is_the_number_of_migrations(tmp_path: Path):
    path = tmp_path / "journal.sqlite3"
    new_journal(path)
    assert pragma(path, "user_version") == JOURNAL_VERSION == len(MIGRATIONS)
    assert pragma(path, "application_id") == store.APPLICATION_ID
    names = [migration.name for migration in MIGRATIONS]
    assert names == sorted(names) and len(set(names)) == len(names)


@pytest.mark.parametrize("version", range(JOURNAL_VERSION + 1))
def test_every_older_version_migrates_to_the_current_schema(tmp_path: Path, version: int):
    """From every older version (and the current one, which stays as it is), the schema
    ends as a new journal's and the records are kept."""
    fresh = tmp_path / "fresh.sqlite3"
    new_journal(fresh)
    old = tmp_path / "old.sqlite3"
    build_at_version(old, version)
    with contextlib.closing(sqlite3.connect(old, isolation_level=None)) as connection:
        for statement in SEED.get(version, []):
            connection.execute(statement)
    before = len(SEED.get(version, [])) and 1  # each seed adds one entry
    new_journal(old)
    assert pragma(old, "user_version") == JOURNAL_VERSION
    assert schema(old) == schema(fresh)
    with contextlib.closing(sqlite3.connect(old)) as connection:
        assert connection.execute("SELECT count(*) FROM entries").fetchone()[0] == before


def test_every_version_with_tables_has_seed_rows():
    assert set(SEED) == set(range(1, JOURNAL_VERSION + 1))


def test_a_journal_from_a_newer_imuran_is_refused_unchanged(tmp_path: Path):
    path = tmp_path / "journal.sqlite3"
    new_journal(path)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute(f"PRAGMA user_version = {JOURNAL_VERSION + 1}")
        connection.commit()
    before = path.read_bytes()
    with pytest.raises(JournalError) as caught:
        open_journal(path, create=True)
    assert caught.value.code == "journal_too_new"
    assert caught.value.exit_code == 2
    assert str(path) in caught.value.message
    assert "upgrade" in (caught.value.hint or "")
    assert path.read_bytes() == before


# ---------------------------------------------------------------- damaged files


def a_real_journal(path: Path, doses: int = 400) -> bytes:
    with store.writing(path) as journal, journal.write() as connection:
        for day in range(doses):
            entry = add_entry(connection, "dose")
            connection.execute(
                "INSERT INTO doses (entry_id, date, dose, status, recorded_at)"
                " VALUES (?, ?, 'morning', 'taken', 'x')",
                (entry, f"day {day}"),
            )
    return path.read_bytes()


def damaged_cases(tmp_path: Path) -> dict[str, bytes]:
    data = a_real_journal(tmp_path / "source.sqlite3")
    rng = random.Random(9)
    return {
        "random bytes": rng.randbytes(8192),
        "random bytes after a SQLite header": data[:100] + rng.randbytes(8192),
        "text file": b"schema_version = 2\n[prescription]\ndaily_mg = 150\n",
        "truncated to 50 bytes": data[:50],
        "truncated to half": data[: len(data) // 2],
        "truncated to one page": data[:4096],
    }


@pytest.mark.parametrize(
    "case",
    [
        "random bytes",
        "random bytes after a SQLite header",
        "text file",
        "truncated to 50 bytes",
        "truncated to half",
        "truncated to one page",
    ],
)
@pytest.mark.parametrize("create", [True, False], ids=["writing", "reading"])
def test_a_damaged_journal_is_named_and_never_changed(tmp_path: Path, case: str, create: bool):
    content = damaged_cases(tmp_path)[case]
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(content)
    with pytest.raises(JournalError) as caught:
        open_journal(path, create=create)
    assert caught.value.exit_code == 2
    assert str(path) in caught.value.message
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3", "source.sqlite3"]


def test_another_programs_database_is_not_taken_for_a_journal(tmp_path: Path):
    path = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.commit()
    before = path.read_bytes()
    with pytest.raises(JournalError) as caught:
        open_journal(path, create=True)
    assert caught.value.code == "not_a_journal"
    assert path.read_bytes() == before


def test_an_empty_file_becomes_a_journal(tmp_path: Path):
    """A file created by an imuran killed before its first commit is a journal to be."""
    path = tmp_path / "journal.sqlite3"
    path.touch(mode=0o600)
    new_journal(path)
    assert pragma(path, "user_version") == JOURNAL_VERSION


def test_a_folder_in_place_of_the_journal_is_an_environment_failure(tmp_path: Path):
    path = tmp_path / "journal.sqlite3"
    path.mkdir()
    with pytest.raises(EnvironmentFailure) as caught:
        open_journal(path, create=True)
    assert caught.value.exit_code == 1
    assert str(path) in caught.value.message


# ---------------------------------------------------------------- two at once


def test_a_journal_held_too_long_is_a_lock_timeout(tmp_path: Path, monkeypatch):
    path = tmp_path / "journal.sqlite3"
    new_journal(path)
    monkeypatch.setattr(store, "BUSY_TIMEOUT_SECONDS", 0.2)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        with store.writing(path) as journal, pytest.raises(LockTimeout) as caught, journal.write():
            pass
        other.execute("ROLLBACK")
    assert caught.value.exit_code == 1
    assert caught.value.code == "journal_busy"
    assert str(path) in caught.value.message


# ---------------------------------------------------------------- records and undo


def test_undo_removes_the_newest_entry_across_kinds(tmp_path: Path):
    path = tmp_path / "journal.sqlite3"
    with store.writing(path) as journal:
        assert undo_latest(journal) is None
        first = add_dose_row(journal, "2026-11-24")
        with journal.write() as connection:
            stock = add_entry(connection, "stock")
            connection.execute(
                "INSERT INTO stock (entry_id, date, action, tablets, recorded_at)"
                " VALUES (?, '2026-11-25', 'add', 60, 'x')",
                (stock,),
            )
        assert store.latest_entry(journal) == (stock, "stock")
        removed = undo_latest(journal)
        assert removed is not None
        assert (removed.kind, removed.row["tablets"], removed.restored) == ("stock", 60, None)
        assert store.latest_entry(journal) == (first, "dose")
        # Ids are never reused: a record added after an undo is the newest.
        second = add_dose_row(journal, "2026-11-25")
        assert second > stock


def test_undo_of_a_replacement_brings_the_replaced_row_back(tmp_path: Path):
    path = tmp_path / "journal.sqlite3"
    with store.writing(path) as journal:
        old = add_dose_row(journal, "2026-11-24")
        with journal.write() as connection:
            new = add_entry(connection, "dose")
            connection.execute("UPDATE doses SET replaced_by = ? WHERE entry_id = ?", (new, old))
            connection.execute(
                "INSERT INTO doses (entry_id, date, dose, status, recorded_at)"
                " VALUES (?, '2026-11-24', 'morning', 'skipped', 'y')",
                (new,),
            )
        removed = undo_latest(journal)
        assert removed is not None and removed.restored is not None
        assert removed.row["status"] == "skipped"
        assert removed.restored["entry_id"] == old
        current = journal.rows("SELECT entry_id FROM doses WHERE replaced_by IS NULL")
        assert [row[0] for row in current] == [old]


def test_one_current_dose_per_day_and_dose(tmp_path: Path):
    path = tmp_path / "journal.sqlite3"
    with store.writing(path) as journal:
        add_dose_row(journal, "2026-11-24")
        with pytest.raises(EnvironmentFailure):
            add_dose_row(journal, "2026-11-24")
        add_dose_row(journal, "2026-11-24", "later")
        assert len(journal.rows("SELECT * FROM doses")) == 2


def test_every_kind_has_a_table_with_the_record_columns(tmp_path: Path):
    path = tmp_path / "journal.sqlite3"
    with store.writing(path) as journal:
        for table in store.RECORD_TABLES.values():
            columns = {row["name"] for row in journal.rows(f"PRAGMA table_info({table})")}
            assert {"entry_id", "recorded_at", "replaced_by"} <= columns, table
        with pytest.raises(ValueError), journal.write() as connection:
            add_entry(connection, "nonsense")
