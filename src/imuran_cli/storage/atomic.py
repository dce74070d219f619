"""Atomic, owner-only file writes.

A write goes to a temporary file in the same folder, is flushed and fsynced, then
``os.replace``-d over the target, and the folder is fsynced. A reader therefore sees the
old file or the new one, never half of one. A symlinked target is written through: the
link stays and its target is replaced.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from imuran_cli.core.errors import EnvironmentFailure

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_PREFIX = ".imuran-tmp-"


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (and missing parents) as 0700, whatever the umask."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        except OSError as exc:
            raise EnvironmentFailure(
                f"cannot create the folder {path}: {exc.strerror}",
                "check that you may write there, or choose another place with --profile",
                code="unwritable",
            ) from exc
        # mkdir's mode is filtered by the umask; set it exactly.
        os.chmod(path, DIR_MODE)


def real_target(path: Path) -> Path:
    """The file a write to ``path`` must replace: the end of a symlink chain, if any."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, as a 0600 file.

    Raises ``EnvironmentFailure`` when the disk refuses; the old file is then untouched
    and no temporary file is left behind.
    """
    target = real_target(path)
    ensure_private_dir(target.parent)
    fd = -1
    temp_name = ""
    try:
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
        os.fchmod(fd, FILE_MODE)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(temp_name, target)
        temp_name = ""
        fsync_dir(target.parent)
    except OSError as exc:
        raise EnvironmentFailure(
            f"cannot write {path}: {exc.strerror or exc}",
            "free some disk space or check the folder's permissions; the previous file was kept",
            code="unwritable",
        ) from exc
    finally:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        if temp_name:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def remove_stale_temp_files(folder: Path) -> None:
    """Delete temp files left by a writer that was killed mid-write.

    Call only while holding the profile lock, so no live writer owns them.
    """
    with contextlib.suppress(OSError):
        for leftover in folder.glob(TEMP_PREFIX + "*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
