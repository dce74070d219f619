"""Load, validate and save the profile.

Reading never changes the file. A corrupt or invalid profile is an error naming the file,
the line where there is one, and the problem; it is never overwritten, moved or reset.
Writes hold the lock, are atomic and owner-only (see ``atomic.py``).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from imuran_cli.core.errors import EnvironmentFailure, ProfileError
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.knowledge.limits import Limits
from imuran_cli.storage.atomic import atomic_write_bytes, real_target, remove_stale_temp_files
from imuran_cli.storage.lock import profile_lock
from imuran_cli.storage.migrations import RawProfile, migrate
from imuran_cli.storage.paths import lock_path

_FIX_HINT = (
    "fix the file by hand (imuran profile path shows it), "
    "or replace it: imuran profile init --force"
)


def read_raw(path: Path) -> RawProfile | None:
    """Parse the profile file as TOML; None when there is no file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError as exc:
        raise EnvironmentFailure(
            f"{path} is a folder, not a profile file",
            "point --profile or IMURAN_PROFILE at a file",
            code="unreadable",
        ) from exc
    except OSError as exc:
        raise EnvironmentFailure(
            f"cannot read {path}: {exc.strerror or exc}",
            "check the file's permissions (it should be yours, mode 600)",
            code="unreadable",
        ) from exc
    if not data.strip():
        raise ProfileError(f"{path} is empty", _FIX_HINT, code="profile_corrupt")
    if b"\x00" in data:
        raise ProfileError(
            f"{path} contains binary data (NUL bytes), not TOML text",
            _FIX_HINT,
            code="profile_corrupt",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ProfileError(
            f"{path}, line {line}: not UTF-8 text", _FIX_HINT, code="profile_corrupt"
        ) from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(
            f"{path}: not valid TOML ({exc})", _FIX_HINT, code="profile_corrupt"
        ) from exc


def validate_raw(raw: RawProfile, path: Path, limits: Limits, today: dt.date) -> Profile:
    """Migrate and validate raw profile data read from ``path``."""
    migrated, _ = migrate(raw, str(path))
    try:
        return parse_profile(migrated, limits, today)
    except ValidationError as exc:
        raise profile_error(exc, path) from exc


def load_profile(path: Path, limits: Limits, today: dt.date) -> Profile | None:
    """The validated profile at ``path``, or None when there is none."""
    raw = read_raw(path)
    if raw is None:
        return None
    return validate_raw(raw, path, limits, today)


def profile_error(exc: ValidationError, path: Path | None) -> ProfileError:
    """Turn pydantic's error into one line naming the file, line, key and problem."""
    first = exc.errors()[0]
    key = ".".join(str(part) for part in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = "unknown key (a typo?)"
    elif first["type"] == "missing":
        message = "required key is missing"
    where = ""
    if path is not None:
        line = _line_of(path, key)
        where = f"{path}, line {line}: " if line else f"{path}: "
    more = len(exc.errors()) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return ProfileError(f"{where}{key}: {message}{suffix}", _FIX_HINT, code="invalid_profile")


def _line_of(path: Path, dotted_key: str) -> int | None:
    """Best effort: the line where the last part of ``dotted_key`` is set."""
    parts = [part for part in dotted_key.split(".") if part and not part.isdigit()]
    if not parts:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    section = ".".join(parts[:-1])
    key_re = re.compile(rf"^\s*{re.escape(parts[-1])}\s*=")
    current = ""
    for number, line in enumerate(lines, start=1):
        header = re.match(r"^\s*\[([^\]]+)\]", line)
        if header:
            current = header.group(1).strip()
            continue
        if current == section and key_re.match(line):
            return number
    if len(parts) == 1:
        return None
    # The key may be the section itself (e.g. a whole [weight] table is wrong).
    for number, line in enumerate(lines, start=1):
        if re.match(rf"^\s*\[{re.escape(section)}\]", line):
            return number
    return None


def dump_profile(profile: Profile) -> bytes:
    return tomli_w.dumps(profile.to_data()).encode("utf-8")


def save_profile(path: Path, profile: Profile) -> None:
    """Write ``profile`` atomically (the caller holds the lock)."""
    atomic_write_bytes(path, dump_profile(profile))


def backup_path(path: Path, now: dt.datetime) -> Path:
    """``<profile name>.<UTC timestamp>.bak`` beside the profile."""
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.{stamp}.bak")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}.{stamp}-{counter}.bak")
    return candidate


def backup_file(path: Path, now: dt.datetime) -> Path | None:
    """Copy the bytes of ``path`` (even a corrupt file) beside it; None if there is none."""
    target = real_target(path)
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise EnvironmentFailure(
            f"cannot read {path} to back it up: {exc.strerror}",
            "check the file's permissions",
            code="unreadable",
        ) from exc
    backup = backup_path(path, now)
    atomic_write_bytes(backup, data)
    return backup


def update_profile(
    path: Path,
    change: Callable[[RawProfile | None], RawProfile],
    limits: Limits,
    now: dt.datetime,
) -> Profile:
    """Read, change, re-validate and write the profile under the lock.

    ``change`` gets the current raw data (None when there is no profile yet) and returns
    the new raw data. The whole profile is validated before anything is written; an
    invalid result raises ``ProfileError`` and the file is left as it was.
    """
    today = now.date()
    with profile_lock(lock_path(path)):
        remove_stale_temp_files(real_target(path).parent)
        raw = read_raw(path)
        migrated = False
        if raw is not None:
            validate_raw(raw, path, limits, today)  # refuse to edit an invalid file
            raw, migrated = migrate(raw, str(path))
        new_raw = change(raw)
        try:
            profile = parse_profile(new_raw, limits, today)
        except ValidationError as exc:
            raise profile_error(exc, None) from exc
        if migrated:
            backup_file(path, now)
        save_profile(path, profile)
        return profile


def replace_profile(path: Path, profile: Profile, now: dt.datetime, *, force: bool) -> Path | None:
    """Write a new profile; with ``force`` an existing file is first backed up.

    Returns the backup path, if one was made. Without ``force`` an existing file (even a
    corrupt one) is an error.
    """
    with profile_lock(lock_path(path)):
        remove_stale_temp_files(real_target(path).parent)
        exists = path.exists() or path.is_symlink()
        if exists and not force:
            raise ProfileError(
                f"a profile already exists at {path}",
                "use imuran profile set to change it, or add --force to replace it "
                "(the old file is kept as a .bak)",
                code="profile_exists",
            )
        backup = backup_file(path, now) if exists else None
        save_profile(path, profile)
        return backup


def raw_or_empty(raw: RawProfile | None) -> dict[str, Any]:
    return dict(raw) if raw is not None else {}
