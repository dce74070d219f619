"""The profile lock: exclusive, released on exit, a clear error after the timeout."""

from __future__ import annotations

import fcntl
import os
import stat
import time
from pathlib import Path

import pytest

from imuran_cli.core.errors import LockTimeout
from imuran_cli.storage import lock as lock_module
from imuran_cli.storage.lock import profile_lock
from imuran_cli.storage.paths import lock_path


def held_elsewhere(path: Path) -> int:
    """Take the lock through another open file, as a second process would."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def test_the_lock_file_sits_beside_the_profile(tmp_path: Path):
    assert lock_path(tmp_path / "profile.toml") == tmp_path / "profile.toml.lock"


def test_the_lock_is_exclusive_while_held_and_released_after(tmp_path: Path):
    path = tmp_path / "p.toml.lock"
    with profile_lock(path):
        probe = os.open(path, os.O_RDWR)
        with pytest.raises(BlockingIOError):
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.close(probe)
    fd = held_elsewhere(path)  # free again
    os.close(fd)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_held_lock_times_out_with_a_clear_error(tmp_path: Path):
    path = tmp_path / "p.toml.lock"
    fd = held_elsewhere(path)
    try:
        started = time.monotonic()
        with pytest.raises(LockTimeout) as caught, profile_lock(path, timeout=0.2):
            pass
        assert 0.2 <= time.monotonic() - started < 5
    finally:
        os.close(fd)
    assert caught.value.exit_code == 1
    assert caught.value.code == "lock_timeout"
    assert caught.value.message == (
        f"another imuran is still using the profile (waited 0.2 s for the lock {path})"
    )


def test_the_default_timeout_is_ten_seconds_and_read_at_call_time(tmp_path, monkeypatch):
    assert lock_module.LOCK_TIMEOUT_SECONDS == 10
    monkeypatch.setattr(lock_module, "LOCK_TIMEOUT_SECONDS", 0.05)
    path = tmp_path / "p.toml.lock"
    fd = held_elsewhere(path)
    try:
        with pytest.raises(LockTimeout, match="waited 0.05 s"), profile_lock(path):
            pass
    finally:
        os.close(fd)


def test_a_lock_freed_while_waiting_is_taken(tmp_path: Path):
    import threading

    path = tmp_path / "p.toml.lock"
    fd = held_elsewhere(path)
    threading.Timer(0.1, os.close, args=(fd,)).start()
    with profile_lock(path, timeout=5):
        pass


def test_an_error_inside_releases_the_lock(tmp_path: Path):
    path = tmp_path / "p.toml.lock"
    with pytest.raises(RuntimeError), profile_lock(path):
        raise RuntimeError("boom")
    os.close(held_elsewhere(path))
