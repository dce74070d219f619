"""Golden files of the exports: a fixed profile (and journal), a fixed IMURAN_NOW.

Run ``IMURAN_UPDATE_GOLDEN=1 pytest tests/cli`` to rewrite them after a deliberate change,
then read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


# The fixed journal of the golden files: commands as a person would type them.
JOURNAL_COMMANDS: list[list[str]] = [
    [
        "labs",
        "add",
        "--date",
        "2026-06-10",
        "--wbc",
        "6.2",
        "--neutrophils",
        "3.9",
        "--platelets",
        "250",
        "--hemoglobin",
        "13.8",
        "--alt",
        "24",
    ],
    [
        "labs",
        "add",
        "--date",
        "2026-07-20",
        "--wbc",
        "5.4",
        "--neutrophils",
        "3.3",
        "--platelets",
        "236",
        "--hemoglobin",
        "13.5",
        "--alt",
        "31",
    ],
    [
        "labs",
        "add",
        "--date",
        "2026-09-01",
        "--wbc",
        "4.6",
        "--neutrophils",
        "2.8",
        "--platelets",
        "221",
        "--hemoglobin",
        "13.6",
        "--alt",
        "118",
    ],
    [
        "labs",
        "add",
        "--date",
        "2026-10-14",
        "--wbc",
        "3.3",
        "--neutrophils",
        "2.1",
        "--platelets",
        "205",
        "--hemoglobin",
        "13.1",
        "--alt",
        "64",
    ],
]


def seed_journal(cli: Callable[..., Any]) -> None:
    """Write the golden profile and record the fixed journal through the commands."""
    for command in JOURNAL_COMMANDS:
        result = cli(*command)
        assert result.exit_code == 0, (command, result.stderr)
