"""Real processes: a writer killed at random moments, and two writers at once.

Marked slow (they start real interpreters) but run by default; together they take a few
seconds on two cores.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from imuran_cli.knowledge.limits import load_limits
from imuran_cli.storage.atomic import TEMP_SUFFIX
from imuran_cli.storage.profile_store import load_profile

pytestmark = pytest.mark.slow

LIMITS = load_limits()
TODAY = dt.date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[2]

# Runs `imuran profile set` in-process, over and over, as fast as it can.
WRITER = textwrap.dedent(
    """
    import os, sys
    from imuran_cli.cli import app

    ready = os.fdopen(os.dup(1), "w")
    sys.stdout = open(os.devnull, "w")  # the answers themselves are not needed

    def run(*args):
        code = app(list(args), standalone_mode=False)
        if code != 0:
            sys.stderr.write(f"exit {code}\\n")
            sys.exit(3)

    run("profile", "set", "weight", "70")
    ready.write("ready\\n")
    ready.flush()
    n = 0
    while True:
        n += 1
        run("profile", "set", "weight", str(60 + n % 40))
        run("profile", "set", "medications", ", ".join(f"medicine {i}" for i in range(n % 30)))
    """
)

# Does 50 `profile set` calls of one key; every saved profile is appended to a journal
# (under the profile lock, so the journal is in the order of the writes).
SETTER = textwrap.dedent(
    """
    import json, sys
    from imuran_cli.storage import profile_store
    from imuran_cli.cli import app

    journal, key = sys.argv[1], sys.argv[2]
    values = json.loads(sys.argv[3])
    original = profile_store.save_profile

    def save(path, profile):
        original(path, profile)
        with open(journal, "a", encoding="utf-8") as out:
            out.write(json.dumps(profile.to_json_data()) + "\\n")

    profile_store.save_profile = save
    for value in values:
        code = app(["profile", "set", key, value], standalone_mode=False)
        if code != 0:
            sys.exit(3)
    """
)


def environment(profile: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["IMURAN_PROFILE"] = str(profile)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env["COLUMNS"] = "60"
    return env


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_a_writer_killed_at_random_moments_never_breaks_the_profile(tmp_path: Path):
    profile = tmp_path / "config" / "profile.toml"
    env = environment(profile)
    chance = random.Random(20261125)
    weights_seen: set[float] = set()
    for _ in range(30):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert writer.stdout is not None
            assert writer.stdout.readline() == "ready\n"
            # A write takes about a millisecond: land anywhere among the next few dozen.
            with contextlib.suppress(subprocess.TimeoutExpired):
                writer.wait(timeout=chance.uniform(0.0, 0.05))
            assert writer.poll() is None, "the writer stopped on its own"
        finally:
            os.kill(writer.pid, signal.SIGKILL)
            writer.wait(timeout=30)
            if writer.stdout:
                writer.stdout.close()
        assert writer.returncode == -signal.SIGKILL
        loaded = load_profile(profile, LIMITS, TODAY)  # always loads: old or new, never half
        assert loaded is not None and loaded.weight is not None
        weights_seen.add(loaded.weight.value)
    assert len(weights_seen) > 1  # the kills did land at different moments

    # The next write clears what killed writers left, and the lock is free.
    result = subprocess.run(
        [sys.executable, "-m", "imuran_cli", "profile", "set", "weight", "71"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert temp_files(profile.parent) == []
    loaded = load_profile(profile, LIMITS, TODAY)
    assert loaded is not None and loaded.weight is not None and loaded.weight.value == 71


def test_two_processes_setting_different_keys_lose_no_update(tmp_path: Path):
    profile = tmp_path / "config" / "profile.toml"
    journal = tmp_path / "journal.jsonl"
    env = environment(profile)
    weights = [str(51 + n) for n in range(50)]
    times = [f"06:{n + 1:02d}" for n in range(50)]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", SETTER, str(journal), key, json.dumps(values)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for key, values in (("weight", weights), ("morning-time", times))
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err

    states: list[dict[str, Any]] = [
        json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()
    ]
    assert len(states) == 100
    # Each write changed exactly one key: a write based on a stale read would also have
    # put back the other process's older value.
    for before, after in zip(states, states[1:], strict=False):
        differing = [key for key in ("weight", "dose_times") if before.get(key) != after.get(key)]
        assert len(differing) == 1, (before, after)
    # Both processes' last writes are in the file.
    final = load_profile(profile, LIMITS, TODAY)
    assert final is not None and final.weight is not None
    assert final.weight.value == 100
    assert final.dose_times.morning == "06:50"
    assert temp_files(profile.parent) == []
