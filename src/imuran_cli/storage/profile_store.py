"""Load, validate and save the profile.

Reading never changes the file. A corrupt or invalid profile is an error naming the file,
the line where there is one, and the problem; it is never overwritten, moved or reset.
Writes hold the lock (``<profile name>.lock`` beside the file), are atomic and owner-only
(see ``atomic.py``). A symlinked profile is followed: the lock, the temporary file and the
backups sit beside the file it points to.
"""

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from imuran_cli.core import profile as model
from imuran_cli.core.errors import EnvironmentFailure, ProfileError
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.knowledge.limits import Limits
from imuran_cli.record import Record
from imuran_cli.storage.atomic import atomic_write_bytes, real_target, remove_stale_temp_files
from imuran_cli.storage.lock import profile_lock
from imuran_cli.storage.migrations import RawProfile, migrate
from imuran_cli.storage.paths import lock_path

# A profile is a few hundred bytes; anything far larger is not one (a wrong --profile).
MAX_PROFILE_BYTES = 1024 * 1024

# A pattern is compiled when first used (re keeps it), not at import: start-up time.
_UNSCORED_HINT = (
    "these tablets are taken whole: write tablets_split = false in the file "
    "(imuran profile path shows it)"
)
_FIX_HINT = (
    "fix the file by hand (imuran profile path shows it), "
    "or replace it: imuran profile init --force (the old file is kept as a .bak)"
)
_TOML_POSITION = r"\s*\(at line (\d+), column (\d+)\)$"
_TOML_END = r"\s*\(at end of document\)$"

# The tables of the file, by dotted path, for "unknown key" messages.
_TABLES: dict[str, type[Record]] = {"": model.Profile, **model.SECTIONS}
_TYPE_WORDS = {
    "float_type": "should be a number",
    "int_type": "should be a whole number",
    "bool_type": "should be true or false",
    "date_type": "should be a date such as 2026-03-01 (no quotes)",
    "string_type": "should be text in double quotes",
    "list_type": 'should be a list such as ["allopurinol"]',
    "model_type": "should be a table ([section] with keys)",
    "dict_type": "should be a table ([section] with keys)",
}


# ---------------------------------------------------------------- reading


def read_raw(path: Path) -> RawProfile | None:
    """Parse the profile file as TOML; None when there is no file."""
    data = _read_bytes(path)
    if data is None:
        return None
    if not data.strip():
        raise ProfileError(
            f"{path} is empty (a profile has at least schema_version = {model.SCHEMA_VERSION})",
            _FIX_HINT,
            code="profile_corrupt",
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ProfileError(
            f"{path}, line {line}: binary data (NUL bytes), not TOML text",
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
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(
            _toml_problem(path, str(exc), text), _FIX_HINT, code="profile_corrupt"
        ) from exc


def _read_bytes(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PROFILE_BYTES + 1)
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
    if len(data) > MAX_PROFILE_BYTES:
        raise ProfileError(
            f"{path} is larger than 1 MiB: it is not an imuran profile",
            "check --profile and IMURAN_PROFILE (imuran profile path shows the file in use)",
            code="profile_corrupt",
        )
    return data


def _toml_problem(path: Path, message: str, text: str) -> str:
    """``<file>, line 3: not valid TOML: invalid value (column 11)``."""
    position = re.search(_TOML_POSITION, message)
    if position:
        problem = _lower_first(message[: position.start()])
        line, column = position.group(1), position.group(2)
        return f"{path}, line {line}: not valid TOML: {problem} (column {column})"
    end = re.search(_TOML_END, message)
    if end:
        problem = _lower_first(message[: end.start()])
        last = len(text.rstrip("\n").splitlines()) or 1
        return f"{path}, line {last}: not valid TOML: {problem} at the end of the file (cut short?)"
    return f"{path}: not valid TOML: {_lower_first(message)}"


def validate_raw(raw: RawProfile, path: Path, limits: Limits, today: dt.date) -> Profile:
    """Migrate and validate raw profile data read from ``path``."""
    migrated, _ = migrate(raw, str(path))
    return _parse_file(migrated, path, limits, today)


def _parse_file(raw: RawProfile, path: Path, limits: Limits, today: dt.date) -> Profile:
    try:
        return parse_profile(raw, limits, today, strict=True)
    except ValidationError as exc:
        raise profile_error(exc, path) from exc


def load_profile(path: Path, limits: Limits, today: dt.date) -> Profile | None:
    """The validated profile at ``path``, or None when there is none. Never writes."""
    raw = read_raw(path)
    if raw is None:
        return None
    return validate_raw(raw, path, limits, today)


# ---------------------------------------------------------------- error messages


def profile_error(exc: ValidationError, path: Path | None) -> ProfileError:
    """Turn pydantic's error into one line naming the file, line, key and problem."""
    errors = exc.errors()
    first = errors[0]
    problem = describe_error(first)
    where = ""
    if path is not None:
        line = _line_in_file(path, _focus(first))
        where = f"{path}, line {line}: " if line else f"{path}: "
    more = len(errors) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    hint = _UNSCORED_HINT if first["type"] == model.UNSCORED_SPLIT else _FIX_HINT
    return ProfileError(f"{where}{problem}{suffix}", hint, code="invalid_profile")


def describe_error(error: ErrorDetails) -> str:
    """One validation error in the words of the file: ``prescription.daily_mg: ...``."""
    key = ".".join(str(part) for part in error["loc"])
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        section = ".".join(str(part) for part in error["loc"][:-1] if isinstance(part, str))
        table = _TABLES.get(section)
        known = f" (known: {', '.join(table._fields)})" if table else ""
        return f"{key} is not a known key{known}"
    if kind == "missing":
        return f"{key} is missing"
    if kind == "literal_error":
        expected = str((error.get("ctx") or {}).get("expected", ""))
        return f"{key} = {_toml_value(value)} is not allowed: use {expected}"
    if kind in _TYPE_WORDS:
        return f"{key} = {_toml_value(value)} {_TYPE_WORDS[kind]}"
    if kind in (model.NOT_WHOLE_TABLETS, model.STOP_BEFORE_START, model.SCHEMA_MISMATCH):
        return str(error["msg"])
    if kind == model.UNSCORED_SPLIT:
        return f"{key}.tablets_split = true is not possible: {error['msg']}"
    return f"{key}: {error['msg']}"


def _focus(error: ErrorDetails) -> tuple[str, ...]:
    """The key whose line an error points at."""
    loc = tuple(str(part) for part in error["loc"] if isinstance(part, str))
    if error["type"] == model.NOT_WHOLE_TABLETS:
        return (*loc, "daily_mg")
    if error["type"] == model.STOP_BEFORE_START:
        return (*loc, "stopped_on")
    if error["type"] == model.UNSCORED_SPLIT:
        return (*loc, "tablets_split")
    if error["type"] == model.OUT_OF_RANGE and loc == ("weight",):
        return ("weight", "value")
    return loc


def _line_in_file(path: Path, parts: Sequence[str]) -> int | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return line_of(text, parts)


def line_of(text: str, parts: Sequence[str]) -> int | None:
    """Best effort: the line of ``text`` (TOML) that sets the dotted key ``parts``.

    Falls back to the line of the nearest enclosing table or key (e.g. ``[weight]``).
    """
    target = ".".join(parts)
    if not target:
        return None
    best_length, best_line = 0, None
    section = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.match(r"^\[\s*([^\[\]]+?)\s*\]", stripped)
        if header:
            section = _dotted(header.group(1))
            key = section
        else:
            assignment = re.match(r"""^([A-Za-z0-9_\-."' ]+?)\s*=""", stripped)
            if not assignment:
                continue
            key = ".".join(part for part in (section, _dotted(assignment.group(1))) if part)
        if key == target:
            return number
        if target.startswith(key + ".") and len(key) > best_length:
            best_length, best_line = len(key), number
    return best_line


def _dotted(key: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in key.split("."))


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        import json  # only for an error message

        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# ---------------------------------------------------------------- writing


def dump_profile(profile: Profile) -> bytes:
    import tomli_w  # only commands that write the profile need it

    return tomli_w.dumps(profile.to_data()).encode("utf-8")


def save_profile(path: Path, profile: Profile) -> None:
    """Write ``profile`` atomically (the caller holds the lock)."""
    atomic_write_bytes(path, dump_profile(profile))


def profile_exists(path: Path) -> bool:
    """True when there is something at ``path`` (a file, even a corrupt one, or a link)."""
    return path.exists() or path.is_symlink()


def profile_exists_error(path: Path) -> ProfileError:
    return ProfileError(
        f"a profile already exists at {path}",
        "change it with imuran profile set, or add --force to replace it "
        "(the old file is kept as a .bak)",
        code="profile_exists",
    )


def backup_path(path: Path, now: dt.datetime) -> Path:
    """``<profile name>.<UTC timestamp>.bak`` beside the profile (a free name)."""
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.{stamp}.bak")
    counter = 1
    while candidate.exists() or candidate.is_symlink():
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
            f"cannot read {path} to back it up: {exc.strerror or exc}",
            "check the file's permissions; nothing was changed",
            code="unreadable",
        ) from exc
    backup = backup_path(target, now)
    atomic_write_bytes(backup, data)
    return backup


class Saved(Record):
    """What ``update_profile`` wrote."""

    profile: Profile
    created: bool
    backup: Path | None


def update_profile(
    path: Path,
    change: Callable[[RawProfile | None], RawProfile],
    limits: Limits,
    now: dt.datetime,
) -> Saved:
    """Read, change, re-validate and write the profile under the lock.

    ``change`` gets the current raw data, migrated to the current schema (None when there
    is no profile yet), and returns the new raw data; it may raise to refuse the change.
    An invalid existing file is an error, and so is an invalid result: in both cases
    nothing is written. A migrated profile is backed up before it is saved.
    """
    today = now.date()
    target = real_target(path)
    with profile_lock(lock_path(target)):
        remove_stale_temp_files(target)
        raw = read_raw(path)
        migrated = False
        if raw is not None:
            raw, migrated = migrate(raw, str(path))
            _parse_file(raw, path, limits, today)  # refuse to edit an invalid file
        new_raw = change(raw)
        try:
            profile = parse_profile(new_raw, limits, today, strict=True)
        except ValidationError as exc:
            raise profile_error(exc, None) from exc
        backup = backup_file(path, now) if migrated else None
        save_profile(path, profile)
        return Saved(profile=profile, created=raw is None, backup=backup)


def replace_profile(path: Path, profile: Profile, now: dt.datetime, *, force: bool) -> Path | None:
    """Write a new profile; with ``force`` an existing file is first backed up.

    Returns the backup path, if one was made. Without ``force`` an existing file (even a
    corrupt one) is an error.
    """
    target = real_target(path)
    with profile_lock(lock_path(target)):
        remove_stale_temp_files(target)
        exists = profile_exists(path)
        if exists and not force:
            raise profile_exists_error(path)
        backup = backup_file(path, now) if exists else None
        save_profile(path, profile)
        return backup
