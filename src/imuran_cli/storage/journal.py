"""The treatment journal: one SQLite file of what happened (doses, MG-ADL scores, stock).

Only the commands that use the journal import this module (and with it ``sqlite3``).

Durable and private:

- imuran creates the database file itself (0600, its folders 0700, whatever the umask)
  and SQLite only ever opens it (``mode=rw``), so SQLite never creates the database.
  SQLite gives the files it adds beside it (``-journal``, and ``-wal``/``-shm`` were WAL
  ever used) the database's own permission bits, so they are 0600 too.
- ``journal_mode=DELETE`` (a rollback journal: nothing stays beside the file after a
  clean close, and reading needs no write access to the folder), ``synchronous=FULL``,
  every write in one ``BEGIN IMMEDIATE`` transaction, and a busy timeout of
  ``BUSY_TIMEOUT_SECONDS`` so that two commands at once take turns; after it,
  ``LockTimeout`` (exit 1).
- On open: the file must read as a SQLite database and pass ``PRAGMA quick_check``, else
  ``JournalError`` (exit 2) naming the file. Nothing is written before these checks, and a
  damaged file is never overwritten, moved or reset.
- The schema version is ``PRAGMA user_version``; ``MIGRATIONS`` is the ordered list of
  steps, migration ``n`` taking a journal from version ``n`` to ``n + 1``. A journal from
  a newer imuran is refused (exit 2). An older one is migrated in one transaction.

Records. Every record is one row of ``entries`` (``id`` AUTOINCREMENT, ``kind``) and one
row of its kind's table (``RECORD_TABLES``), whose ``entry_id`` is that id and which has
``recorded_at`` (ISO 8601 with offset) and ``replaced_by``. The most recent record is the
entry with the highest id: ``undo_latest`` removes it. A record that replaces another
(a second MG-ADL score for a day, ``take --replace``) sets the old row's ``replaced_by``
to its own entry id; undoing it brings the old row back. Current rows have
``replaced_by IS NULL``.

Adding a kind of record (the next migration): append a ``Migration`` that creates its
table with ``entry_id INTEGER PRIMARY KEY REFERENCES entries(id)``, ``recorded_at TEXT NOT
NULL`` and ``replaced_by INTEGER``, register the kind in ``RECORD_TABLES``, and write its
rows through ``add_entry`` inside ``Journal.write()``.
"""

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from imuran_cli.core.errors import (
    EnvironmentFailure,
    ImuranError,
    JournalError,
    LockTimeout,
)
from imuran_cli.record import Record
from imuran_cli.storage.atomic import FILE_MODE, ensure_private_dir, fsync_dir

BUSY_TIMEOUT_SECONDS = 10.0
# ``PRAGMA application_id`` of an imuran journal ("IMUR"): a SQLite file of another program
# is never taken for a journal, let alone migrated.
APPLICATION_ID = 0x494D5552
PLACE_HINT = "check that you may write there, or choose another place with --journal PATH"
_DAMAGED_HINT = (
    "imuran never changes a damaged journal: restore it from a backup, or move it away "
    "to start a new one (imuran --journal PATH chooses another file)"
)

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


class Migration(Record):
    """One schema step: its name and its SQL statements, run in order in one transaction.

    Statements run one by one (``executescript`` would commit halfway).
    """

    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "m001_doses_adl_stock",
        (
            f"PRAGMA application_id = {APPLICATION_ID:d}",
            """CREATE TABLE entries (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL
            )""",
            """CREATE TABLE doses (
                entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
                date TEXT NOT NULL,
                dose TEXT NOT NULL CHECK (dose IN ('morning', 'later')),
                status TEXT NOT NULL CHECK (status IN ('taken', 'skipped')),
                mg REAL,
                tablets REAL,
                note TEXT,
                recorded_at TEXT NOT NULL,
                replaced_by INTEGER
            )""",
            "CREATE UNIQUE INDEX doses_current ON doses (date, dose) WHERE replaced_by IS NULL",
            """CREATE TABLE adl_scores (
                entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
                date TEXT NOT NULL,
                talking INTEGER NOT NULL CHECK (talking BETWEEN 0 AND 3),
                chewing INTEGER NOT NULL CHECK (chewing BETWEEN 0 AND 3),
                swallowing INTEGER NOT NULL CHECK (swallowing BETWEEN 0 AND 3),
                breathing INTEGER NOT NULL CHECK (breathing BETWEEN 0 AND 3),
                hygiene INTEGER NOT NULL CHECK (hygiene BETWEEN 0 AND 3),
                chair INTEGER NOT NULL CHECK (chair BETWEEN 0 AND 3),
                double_vision INTEGER NOT NULL CHECK (double_vision BETWEEN 0 AND 3),
                eyelids INTEGER NOT NULL CHECK (eyelids BETWEEN 0 AND 3),
                recorded_at TEXT NOT NULL,
                replaced_by INTEGER
            )""",
            "CREATE UNIQUE INDEX adl_current ON adl_scores (date) WHERE replaced_by IS NULL",
            """CREATE TABLE stock (
                entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
                date TEXT NOT NULL,
                action TEXT NOT NULL CHECK (action IN ('add', 'set')),
                tablets REAL NOT NULL CHECK (tablets >= 0),
                recorded_at TEXT NOT NULL,
                replaced_by INTEGER
            )""",
        ),
    ),
    Migration(
        "m002_labs",
        (
            # One blood test a day: the values in the units of ``imuran labs`` (NULL when
            # not measured). A second ``labs add`` for the day replaces the row with the
            # merged one (``replaced_by``), so that ``undo`` brings the old one back.
            """CREATE TABLE labs (
                entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
                date TEXT NOT NULL,
                wbc REAL CHECK (wbc >= 0),
                neutrophils REAL CHECK (neutrophils >= 0),
                lymphocytes REAL CHECK (lymphocytes >= 0),
                platelets REAL CHECK (platelets >= 0),
                hemoglobin REAL CHECK (hemoglobin >= 0),
                mcv REAL CHECK (mcv >= 0),
                alt REAL CHECK (alt >= 0),
                ast REAL CHECK (ast >= 0),
                alp REAL CHECK (alp >= 0),
                lipase REAL CHECK (lipase >= 0),
                note TEXT,
                recorded_at TEXT NOT NULL,
                replaced_by INTEGER
            )""",
            "CREATE UNIQUE INDEX labs_current ON labs (date) WHERE replaced_by IS NULL",
        ),
    ),
)
JOURNAL_VERSION = len(MIGRATIONS)

# The table of each kind of record (``entries.kind``).
RECORD_TABLES: dict[str, str] = {
    "dose": "doses",
    "adl": "adl_scores",
    "stock": "stock",
    "labs": "labs",
}


class RemovedEntry(Record):
    """What ``undo_latest`` removed: the kind, its row, and the row it had replaced."""

    kind: str
    row: dict[str, Any]
    restored: dict[str, Any] | None


def journal_exists(path: Path) -> bool:
    return path.exists()


def sqlite_error(exc: sqlite3.Error, path: Path, doing: str) -> ImuranError:
    """The imuran error for a SQLite failure while ``doing`` (``read``, ``write to``) ``path``."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return LockTimeout(
            f"another imuran is still using the journal {path} (waited {BUSY_TIMEOUT_SECONDS:g} s)",
            "wait for the other imuran command to finish, then try again",
            code="journal_busy",
        )
    if primary in (_SQLITE_NOTADB, _SQLITE_CORRUPT):
        return JournalError(f"{path} is not a readable imuran journal ({text})", _DAMAGED_HINT)
    if primary == _SQLITE_FULL:
        return EnvironmentFailure(
            f"cannot {doing} the journal {path}: the disk is full; nothing was changed",
            "free some disk space and try again",
            code="unwritable",
        )
    if primary in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN, _SQLITE_IOERR):
        return EnvironmentFailure(
            f"cannot {doing} the journal {path}: {text}", PLACE_HINT, code="unwritable"
        )
    return EnvironmentFailure(f"cannot {doing} the journal {path}: {text}", PLACE_HINT)


class Journal:
    """An open journal: a SQLite connection in autocommit mode, rows as ``sqlite3.Row``."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Run a read query; a SQLite failure becomes an imuran error."""
        try:
            return self.connection.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise sqlite_error(exc, self.path, "read") from exc

    def tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """``rows`` as plain tuples: faster for thousands of rows."""
        try:
            cursor = self.connection.cursor()
            cursor.row_factory = None
            return cursor.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise sqlite_error(exc, self.path, "read") from exc

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: committed when the block ends, rolled back
        (nothing written) when it raises."""
        connection = self.connection
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise sqlite_error(exc, self.path, "write to") from exc
        try:
            yield connection
            connection.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise sqlite_error(exc, self.path, "write to") from exc
            raise


def _uri(path: Path) -> str:
    return f"file:{quote(str(path))}?mode=rw"


def create_journal_file(path: Path) -> None:
    """Create ``path`` as an empty 0600 file (folders 0700) unless it exists."""
    try:
        ensure_private_dir(path.parent)
    except EnvironmentFailure as exc:
        raise EnvironmentFailure(exc.message, PLACE_HINT, code=exc.code) from exc
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    except FileExistsError:
        return
    except OSError as exc:
        raise EnvironmentFailure(
            f"cannot create the journal {path}: {exc.strerror or exc}",
            PLACE_HINT,
            code="unwritable",
        ) from exc
    try:
        os.fchmod(fd, FILE_MODE)  # the mode given to open() is filtered by the umask
    finally:
        os.close(fd)
    with contextlib.suppress(OSError):
        fsync_dir(path.parent)


def open_journal(path: Path, *, create: bool) -> Journal | None:
    """Open the journal at ``path``, checked and migrated to ``JOURNAL_VERSION``.

    Without ``create`` (reading commands) a missing journal is None and nothing is created.
    """
    if create:
        create_journal_file(path)
    elif not journal_exists(path):
        return None
    try:
        connection = sqlite3.connect(
            _uri(path), uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None
        )
    except sqlite3.Error as exc:
        raise sqlite_error(exc, path, "open") from exc
    try:
        connection.row_factory = sqlite3.Row
        journal = Journal(path, connection)
        # One read transaction, so that every check sees the same state of the file
        # (another imuran may be creating or migrating it at this very moment).
        journal.rows("BEGIN")
        try:
            version = _checked_version(journal)
        finally:
            if connection.in_transaction:
                connection.execute("COMMIT")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA journal_mode = DELETE")
        if version < JOURNAL_VERSION:
            migrate(journal)
    except sqlite3.Error as exc:
        connection.close()
        raise sqlite_error(exc, path, "open") from exc
    except BaseException:
        connection.close()
        raise
    return journal


def _checked_version(journal: Journal) -> int:
    """The schema version, after checking the file is a sound journal imuran can read."""
    path = journal.path
    version = int(journal.rows("PRAGMA user_version")[0][0])
    if version > JOURNAL_VERSION:
        raise JournalError(
            f"{path} was written by a newer imuran (journal version {version}; "
            f"this imuran reads up to {JOURNAL_VERSION})",
            "upgrade imuran (pip install --upgrade imuran-cli); the journal was not changed",
            code="journal_too_new",
        )
    check = journal.rows("PRAGMA quick_check(1)")
    if not check or check[0][0] != "ok":
        found = check[0][0] if check else "no answer"
        raise JournalError(f"{path} is damaged: the integrity check says {found!r}", _DAMAGED_HINT)
    application_id = int(journal.rows("PRAGMA application_id")[0][0])
    foreign = application_id != APPLICATION_ID if version > 0 else application_id != 0
    if not foreign and version == 0:
        # A new, empty file is a journal to be; a database with tables is another's.
        foreign = bool(journal.rows("SELECT 1 FROM sqlite_master LIMIT 1"))
    if foreign:
        raise JournalError(
            f"{path} is a SQLite database, but not an imuran journal",
            "choose another file with --journal PATH; imuran did not change this one",
            code="not_a_journal",
        )
    return version


def migrate(journal: Journal) -> None:
    """Bring the journal to ``JOURNAL_VERSION`` (another process may have done it first)."""
    with journal.write() as connection:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        for migration in MIGRATIONS[version:]:
            for statement in migration.statements:
                connection.execute(statement)
        # PRAGMA takes no parameters; the value is our own integer.
        connection.execute(f"PRAGMA user_version = {JOURNAL_VERSION:d}")


@contextlib.contextmanager
def reading(path: Path) -> Iterator[Journal | None]:
    """The journal for a reading command: None when there is none (nothing is created)."""
    journal = open_journal(path, create=False)
    try:
        yield journal
    finally:
        if journal is not None:
            journal.close()


@contextlib.contextmanager
def writing(path: Path) -> Iterator[Journal]:
    """The journal for a writing command, created when missing."""
    journal = open_journal(path, create=True)
    assert journal is not None  # create=True always opens one
    try:
        yield journal
    finally:
        journal.close()


# ---------------------------------------------------------------- records


def add_entry(connection: sqlite3.Connection, kind: str) -> int:
    """Register a new record of ``kind`` (inside ``Journal.write()``); returns its id."""
    if kind not in RECORD_TABLES:
        raise ValueError(f"unknown record kind {kind!r}")
    cursor = connection.execute("INSERT INTO entries (kind) VALUES (?)", (kind,))
    entry_id = cursor.lastrowid
    assert entry_id is not None
    return entry_id


def timestamp(moment: dt.datetime) -> str:
    """``recorded_at`` as stored: ISO 8601 with its offset."""
    return moment.isoformat()


def has_records(journal: Journal | None) -> bool:
    """True when the journal holds at least one record of any kind."""
    if journal is None:
        return False
    return bool(journal.rows("SELECT 1 FROM entries LIMIT 1"))


def latest_entry(journal: Journal) -> tuple[int, str] | None:
    """The id and kind of the most recent record, or None in an empty journal."""
    rows = journal.rows("SELECT id, kind FROM entries ORDER BY id DESC LIMIT 1")
    return (int(rows[0]["id"]), str(rows[0]["kind"])) if rows else None


def undo_latest(journal: Journal) -> RemovedEntry | None:
    """Remove the most recent record (restoring the row it replaced); None when empty."""
    with journal.write() as connection:
        found = connection.execute("SELECT id, kind FROM entries ORDER BY id DESC LIMIT 1")
        entry = found.fetchone()
        if entry is None:
            return None
        entry_id, kind = int(entry["id"]), str(entry["kind"])
        table = RECORD_TABLES[kind]
        row = connection.execute(f"SELECT * FROM {table} WHERE entry_id = ?", (entry_id,))
        removed = row.fetchone()
        restored_row = connection.execute(
            f"SELECT * FROM {table} WHERE replaced_by = ?", (entry_id,)
        ).fetchone()
        connection.execute(f"DELETE FROM {table} WHERE entry_id = ?", (entry_id,))
        connection.execute(
            f"UPDATE {table} SET replaced_by = NULL WHERE replaced_by = ?", (entry_id,)
        )
        connection.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
    return RemovedEntry(
        kind=kind,
        row=dict(removed) if removed is not None else {},
        restored=dict(restored_row) if restored_row is not None else None,
    )
