"""Atomic, owner-only file writes.

A write goes to a temporary file in the same folder, is flushed and fsynced, then
``os.replace``-d over the target, and the folder is fsynced. A reader therefore sees the
old file or the new one, never half of one. A symlinked target is written through: the
link stays and the file it points to is replaced.

Temporary files are named ``.<target name>.<random>.imuran-tmp``, so that a writer killed
mid-write leaves something ``remove_stale_temp_files`` can recognise (and nothing else).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path

from imuran_cli.core.errors import EnvironmentFailure

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".imuran-tmp"
# Folders where fsync is not supported (some network and FUSE file systems).
_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (and missing parents) as 0700, whatever the umask.

    Folders that already exist are left as they are.
    """
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
            raise _unwritable(f"cannot create the folder {path}", exc) from exc
        try:
            # mkdir's mode is filtered by the umask; set it exactly.
            os.chmod(path, DIR_MODE)
        except OSError as exc:
            raise _unwritable(f"cannot make the folder {path} private", exc) from exc


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
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
        os.fchmod(fd, FILE_MODE)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            if written <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            view = view[written:]
        os.fsync(fd)
        closing, fd = fd, -1
        os.close(closing)
        os.replace(temp_name, target)
        temp_name = ""
    except OSError as exc:
        raise _unwritable(
            f"cannot write {path}",
            exc,
            "free some disk space or check the folder's permissions; the previous file was kept",
        ) from exc
    finally:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        if temp_name:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
    try:
        fsync_dir(target.parent)
    except OSError as exc:
        raise _unwritable(
            f"{path} was written, but its folder could not be flushed to disk",
            exc,
            "check the disk, then run the command again to be sure it is saved",
        ) from exc


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be fsynced)."""
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    except OSError as exc:
        if exc.errno not in _FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(dir_fd)


def is_temp_file_of(name: str, target_name: str) -> bool:
    """True when ``name`` is a temporary file of ``target_name`` or of one of its backups."""
    pattern = (
        rf"\.{re.escape(target_name)}(\.[0-9TZ-]+\.bak)?\.[A-Za-z0-9_]+{re.escape(TEMP_SUFFIX)}"
    )
    return re.fullmatch(pattern, name) is not None


def remove_stale_temp_files(target: Path) -> list[Path]:
    """Delete temp files that a writer of ``target`` left when it was killed mid-write.

    Call only while holding the profile lock, so no live writer owns them. Returns what
    was removed. Temp files of other files in the folder are left alone.
    """
    removed: list[Path] = []
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if is_temp_file_of(entry.name, target.name):
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(entry)
    return removed


def _unwritable(
    what: str,
    exc: OSError,
    hint: str = "check that you may write there, or choose another place with --profile",
) -> EnvironmentFailure:
    reason = exc.strerror or str(exc) or type(exc).__name__
    return EnvironmentFailure(f"{what}: {reason}", hint, code="unwritable")
