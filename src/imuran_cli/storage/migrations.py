"""Ordered migrations of the profile's raw data, one per schema change.

Each step takes the raw data of schema N and returns that of schema N + 1. They run in
memory on load; the migrated profile is saved (after a ``.bak`` copy of the old file) on
the next write. Schema 1 is the first, so the list is still empty: add
``m001_<what changed>`` here, with a fixture in tests/storage/fixtures/, at the first bump.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from imuran_cli.core.errors import ProfileError
from imuran_cli.core.profile import SCHEMA_VERSION

RawProfile = dict[str, Any]
Migration = Callable[[RawProfile], RawProfile]

# MIGRATIONS[n] upgrades schema n to n + 1.
MIGRATIONS: dict[int, Migration] = {}


def migrate(raw: RawProfile, where: str) -> tuple[RawProfile, bool]:
    """Bring ``raw`` up to the current schema; return it and whether anything changed.

    ``where`` names the file in error messages.
    """
    version = raw.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProfileError(
            f"{where}: schema_version is missing or not a whole number",
            f"add `schema_version = {SCHEMA_VERSION}` as the first line of the file",
            code="profile_schema",
        )
    if version > SCHEMA_VERSION:
        raise ProfileError(
            f"{where} was written by a newer imuran (schema {version}; "
            f"this one reads up to {SCHEMA_VERSION})",
            "upgrade imuran: python -m pip install --upgrade imuran-cli",
            code="profile_too_new",
        )
    if version < 1:
        raise ProfileError(
            f"{where}: schema_version {version} is not valid",
            f"set schema_version = {SCHEMA_VERSION}",
            code="profile_schema",
        )
    changed = False
    while version < SCHEMA_VERSION:
        step = MIGRATIONS[version]
        raw = step(dict(raw))
        version += 1
        raw["schema_version"] = version
        changed = True
    return raw, changed
