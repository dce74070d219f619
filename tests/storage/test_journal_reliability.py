"""The journal under real processes: writers killed at random moments, two writers at
once, damaged files and a read-only folder.

Marked slow (they start real interpreters) but run by default.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from imuran_cli.storage.journal import writing

pytestmark = pytest.mark.slow

TODAY = dt.date(2026, 11, 25)
PROFILE = """\
schema_version = 2
[prescription]
daily_mg = 150
started_on = 2000-01-01
"""

# Records a dose a day, going back one day at a time, in-process and as fast as it can.
# After each `take` that returned 0 it prints the day, so the test knows which records
# were acknowledged before the kill.
WRITER = textwrap.dedent(
    """
    import datetime as dt, os, sys
    from imuran_cli.cli import app

    start = int(sys.argv[1])
    out = os.fdopen(os.dup(1), "w")
    sys.stdout = open(os.devnull, "w")
    out.write("ready\\n")
    out.flush()
    back = start
    while True:
        day = (dt.date(2026, 11, 25) - dt.timedelta(days=back)).isoformat()
        code = app(["take", "--date", day, "--json"], standalone_mode=False)
        if code != 0:
            sys.stderr.write(f"exit {code} for {day}\\n")
            sys.exit(3)
        out.write(day + "\\n")
        out.flush()
        back += 1
    """
)


@pytest.fixture
def env(tmp_path: Path, journal_path: Path) -> dict[str, str]:
    profile = tmp_path / "config" / "profile.toml"
    profile.parent.mkdir(parents=True, exist_ok=True)
    profile.write_text(PROFILE, encoding="utf-8")
    return dict(os.environ, IMURAN_PROFILE=str(profile), IMURAN_JOURNAL=str(journal_path))


def run(
    args: list[str], env: dict[str, str], preexec_fn: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "imuran_cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=preexec_fn,
    )


def recorded_days(path: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        rows = connection.execute("SELECT date FROM doses WHERE replaced_by IS NULL").fetchall()
    return {row[0] for row in rows}


def integrity(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


# ---------------------------------------------------------------- kill -9


def test_writers_killed_at_random_moments_never_lose_an_acknowledged_record(env, journal_path):
    rng = random.Random(20261125)
    acknowledged: set[str] = set()
    start = 1
    for round_number in range(30):
        if round_number % 3 == 2:
            # A plain `imuran take` killed anywhere, start-up and journal creation included.
            day = (TODAY - dt.timedelta(days=start)).isoformat()
            plain = subprocess.Popen(
                [sys.executable, "-m", "imuran_cli", "take", "--date", day],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            time.sleep(rng.uniform(0.0, 0.6))
            plain.send_signal(signal.SIGKILL)
            _, stderr = plain.communicate(timeout=60)
            if plain.returncode == 0:
                acknowledged.add(day)
            else:
                assert plain.returncode == -signal.SIGKILL, stderr
            start += 1
            continue
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(start)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 0.4))
        process.send_signal(signal.SIGKILL)
        out, err = process.communicate(timeout=60)
        assert process.returncode == -signal.SIGKILL, err
        days = out.split()
        acknowledged.update(days)
        start += len(days) + 1  # the day being written when killed may or may not be there
        assert integrity(journal_path) == "ok"
        assert acknowledged <= recorded_days(journal_path)
    # The journal still works: a normal command after all the kills.
    done = run(["history", "--days", "1", "--json"], env)
    assert done.returncode == 0, done.stderr
    assert integrity(journal_path) == "ok"
    assert acknowledged <= recorded_days(journal_path)
    assert len(acknowledged) > 30  # the kills did land among many writes
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600


# ---------------------------------------------------------------- two at once

TAKER = textwrap.dedent(
    """
    import datetime as dt, os, sys
    from imuran_cli.cli import app

    sys.stdout = open(os.devnull, "w")
    first = int(sys.argv[1])
    for back in range(first, first + 50):
        day = (dt.date(2026, 11, 25) - dt.timedelta(days=back)).isoformat()
        code = app(["take", "--date", day], standalone_mode=False)
        if code != 0:
            sys.exit(3)
    """
)


def test_two_writers_at_once_take_turns(env, journal_path):
    with writing(journal_path):
        pass  # both start on an existing journal
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", TAKER, str(first)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for first in (1, 51)
    ]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert "database is locked" not in err
        assert "Traceback" not in err
    assert len(recorded_days(journal_path)) == 100
    assert integrity(journal_path) == "ok"


# ---------------------------------------------------------------- damaged files


def damaged(tmp_path: Path) -> dict[str, bytes]:
    source = tmp_path / "source.sqlite3"
    with writing(source) as journal, journal.write() as connection:
        for n in range(300):
            connection.execute("INSERT INTO entries (kind) VALUES ('dose')")
            connection.execute(
                "INSERT INTO doses (entry_id, date, dose, status, recorded_at)"
                " VALUES (last_insert_rowid(), ?, 'morning', 'taken', 'x')",
                (f"day {n}",),
            )
    data = source.read_bytes()
    source.unlink()
    return {
        "random": random.Random(1).randbytes(16384),
        "truncated": data[: len(data) // 2],
        "text": b"Monday: took my tablets\nTuesday: forgot\n",
    }


@pytest.mark.parametrize("case", ["random", "truncated", "text"])
@pytest.mark.parametrize("args", [["take"], ["history"], ["missed"], ["undo"]], ids=lambda a: a[0])
def test_a_damaged_journal_is_exit_2_naming_it_and_unchanged(
    env, tmp_path, journal_path, case, args
):
    content = damaged(tmp_path)[case]
    journal_path.parent.mkdir(parents=True, exist_ok=True)
    journal_path.write_bytes(content)
    done = run(args, env)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: ")
    assert str(journal_path) in "".join(done.stderr.split())
    assert "Traceback" not in done.stderr
    assert journal_path.read_bytes() == content
    assert sorted(p.name for p in journal_path.parent.iterdir()) == [journal_path.name]


# ---------------------------------------------------------------- read-only folder


def _without_file_permission_override() -> None:
    """In the child: drop the capabilities that let root write anywhere (CAP_DAC_OVERRIDE,
    CAP_DAC_READ_SEARCH, CAP_FOWNER) from the bounding set, so a read-only folder is
    read-only for the program run next."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def read_only_runner() -> Callable[..., subprocess.CompletedProcess[str]]:
    if os.geteuid() != 0:
        return run
    return lambda args, env: run(args, env, _without_file_permission_override)


@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
def test_a_read_only_journal_folder_is_exit_1_with_the_path(env, journal_path, existing):
    folder = journal_path.parent
    folder.mkdir(parents=True)
    if existing:
        with writing(journal_path):
            pass
    before = journal_path.read_bytes() if existing else None
    folder.chmod(0o500)
    try:
        done = read_only_runner()(["take"], env)
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith("error: ")
        assert str(folder) in "".join(done.stderr.split())
        assert "Traceback" not in done.stderr
        if existing:
            assert journal_path.read_bytes() == before
            # Reading needs no write access to the folder.
            shown = read_only_runner()(["history", "--days", "1"], env)
            assert shown.returncode == 0, shown.stderr
        else:
            assert not journal_path.exists()
    finally:
        folder.chmod(0o700)


# ---------------------------------------------------------------- a new journal, four at once

CREATOR = textwrap.dedent(
    """
    import os, sys, time
    from imuran_cli.cli import app

    sys.stdout = open(os.devnull, "w")
    go = float(sys.argv[2])
    while time.time() < go:
        time.sleep(0.001)
    code = app(["take", "--date", sys.argv[1]], standalone_mode=False)
    sys.exit(0 if code == 0 else 3)
    """
)


@pytest.mark.parametrize("round_number", range(3))
def test_processes_creating_the_journal_at_once_all_succeed(env, journal_path, round_number):
    go = time.time() + 1.5  # every process imported and waiting, then all at once
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", CREATOR, f"2026-11-{20 + n:02d}", str(go)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    assert len(recorded_days(journal_path)) == 4
    assert integrity(journal_path) == "ok"
