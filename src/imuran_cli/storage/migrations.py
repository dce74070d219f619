"""Ordered migrations of the profile's raw data, one per schema change.

Each step takes the raw data of schema N and returns that of schema N + 1. They run in
memory on load; the migrated profile is saved (after a ``.bak`` copy of the old file) on
the next write. At each bump: raise ``core.profile.SCHEMA_VERSION``, add
``MIGRATIONS[n] = m00n_<what changed>`` here, and keep ``tests/storage/fixtures/vN.toml``
(a file of each schema); the tests check that every version has a fixture and a path to
the current one.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from imuran_cli.core import profile as profile_model
from imuran_cli.core.errors import ProfileError

RawProfile = dict[str, Any]
Migration = Callable[[RawProfile], RawProfile]


def m001_optional_tables(raw: RawProfile) -> RawProfile:
    """Schema 2 adds the optional ``[monitoring]``, ``[person]`` and ``[contacts]`` tables
    (a clinic's lab interval and limits, refill days, name, pregnancy guidance, contacts).
    A schema 1 file holds none of them, so its data carries over as it is."""
    return raw


# MIGRATIONS[n] upgrades schema n to n + 1.
MIGRATIONS: dict[int, Migration] = {1: m001_optional_tables}


def current_version() -> int:
    return profile_model.SCHEMA_VERSION


def oldest_version(steps: Mapping[int, Migration] | None = None) -> int:
    """The oldest schema this imuran can still read."""
    chain = MIGRATIONS if steps is None else steps
    return min(chain, default=current_version())


def migrate(
    raw: RawProfile,
    where: str,
    *,
    current: int | None = None,
    steps: Mapping[int, Migration] | None = None,
) -> tuple[RawProfile, bool]:
    """Bring ``raw`` up to the current schema; return it and whether anything changed.

    ``where`` names the file in error messages. ``current`` and ``steps`` default to the
    real schema version and ``MIGRATIONS`` (tests pass a fake chain).
    """
    target = current_version() if current is None else current
    chain = MIGRATIONS if steps is None else steps
    version = raw.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        shown = "missing" if version is None else f"{version!r}, not a whole number"
        raise ProfileError(
            f"{where}: schema_version is {shown}",
            f"add `schema_version = {target}` as the first line of the file",
            code="profile_schema",
        )
    if version > target:
        raise ProfileError(
            f"{where} was written by a newer imuran (schema {version}; "
            f"this one reads up to {target})",
            "upgrade imuran: python -m pip install --upgrade imuran-cli",
            code="profile_too_new",
        )
    oldest = oldest_version(chain)
    if version < oldest:
        raise ProfileError(
            f"{where}: schema_version {version} is not a version imuran ever wrote "
            f"(this one reads {oldest} to {target})",
            f"set schema_version = {target} if the rest of the file is current",
            code="profile_schema",
        )
    data = copy.deepcopy(raw)
    changed = False
    while version < target:
        step = chain.get(version)
        if step is None:
            # A gap in the chain is a bug in imuran, not in the file.
            raise RuntimeError(f"no migration from profile schema {version}")
        data = step(data)
        version += 1
        data["schema_version"] = version
        changed = True
    return data, changed
