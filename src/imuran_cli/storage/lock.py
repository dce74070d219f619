"""An advisory lock beside the profile, so two imuran processes never lose an update."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from imuran_cli.core.errors import EnvironmentFailure, LockTimeout
from imuran_cli.storage.atomic import FILE_MODE, ensure_private_dir

LOCK_TIMEOUT_SECONDS = 10.0
_POLL_SECONDS = 0.02


@contextlib.contextmanager
def profile_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path`` (the ``.lock`` file) for the block.

    ``timeout`` defaults to ``LOCK_TIMEOUT_SECONDS``; after it, ``LockTimeout`` (exit 1).
    The kernel drops the lock when the process dies, so a killed writer never leaves the
    profile locked. The lock file itself stays (removing it would race with a waiter).
    """
    wait = LOCK_TIMEOUT_SECONDS if timeout is None else timeout
    ensure_private_dir(path.parent)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        raise EnvironmentFailure(
            f"cannot open the lock file {path}: {exc.strerror or exc}",
            "check that you may write in the profile's folder",
            code="unwritable",
        ) from exc
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"another imuran is still using the profile (waited {wait:g} s "
                        f"for the lock {path})",
                        "wait for the other imuran command to finish, then try again",
                    ) from None
                time.sleep(_POLL_SECONDS)
            except OSError as exc:
                raise EnvironmentFailure(
                    f"cannot lock {path}: {exc.strerror or exc}",
                    "keep the profile on a local disk, or choose another place with --profile",
                    code="unwritable",
                ) from exc
        yield
    finally:
        os.close(fd)
