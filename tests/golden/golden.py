"""Golden files of the exports: a fixed profile (and journal), a fixed IMURAN_NOW.

Run ``IMURAN_UPDATE_GOLDEN=1 pytest tests/cli`` to rewrite them after a deliberate change,
then read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

FOLDER = Path(__file__).parent
PROFILE = (FOLDER / "profile.toml").read_text(encoding="utf-8")
UPDATE_ENV = "IMURAN_UPDATE_GOLDEN"

_UID = re.compile(rb"UID:[0-9a-f]{32}@imuran\.invalid")


def normalise_uids(data: bytes) -> bytes:
    """UIDs depend on the profile's path (a temp folder in tests): number them in order."""
    counter = iter(range(1, 1000))
    return _UID.sub(lambda _: b"UID:uid-%d@imuran.invalid" % next(counter), data)


def check_golden(name: str, data: bytes) -> None:
    path = FOLDER / name
    if os.environ.get(UPDATE_ENV) == "1":
        path.write_bytes(data)
    assert path.exists(), f"missing golden file {path}; run with {UPDATE_ENV}=1"
    assert data == path.read_bytes(), f"{name} differs from its golden file"
