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


def _dose_commands() -> list[list[str]]:
    """Both doses of every day from 2026-11-01 to 2026-11-24, except a few: 11-05 later
    missing, 11-12 morning skipped, 11-18 missing."""
    commands: list[list[str]] = []
    for day in range(1, 25):
        date = f"2026-11-{day:02d}"
        for dose in ("morning", "later"):
            if (day, dose) in {(5, "later"), (18, "morning"), (18, "later")}:
                continue
            verb = "skip" if (day, dose) == (12, "morning") else "take"
            commands.append([verb, "--date", date, "--dose", dose])
    return commands


ADL_COMMANDS: list[list[str]] = [
    [
        "adl",
        "add",
        "--date",
        date,
        *(
            f"--{item}={grade}"
            for item, grade in zip(
                (
                    "talking",
                    "chewing",
                    "swallowing",
                    "breathing",
                    "hygiene",
                    "chair",
                    "double-vision",
                    "eyelids",
                ),
                grades,
                strict=True,
            )
        ),
    ]
    for date, grades in (
        ("2026-06-01", (2, 1, 1, 1, 1, 1, 1, 1)),
        ("2026-08-03", (1, 1, 1, 1, 1, 1, 0, 1)),
        ("2026-10-05", (1, 1, 0, 1, 1, 1, 0, 1)),
        ("2026-11-20", (1, 0, 0, 0, 1, 1, 0, 1)),
    )
]


_SEEDED: dict[str, bytes] = {}


def seed_journal(cli: Callable[..., Any]) -> None:
    """Record the fixed journal through the commands (the profile must be written first).

    The commands run once per test session; later tests get a copy of the same file.
    """
    target = Path(os.environ["IMURAN_JOURNAL"])
    if "journal" in _SEEDED:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        target.write_bytes(_SEEDED["journal"])
        target.chmod(0o600)
        return
    for command in JOURNAL_COMMANDS + ADL_COMMANDS + _dose_commands():
        result = cli(*command)
        assert result.exit_code == 0, (command, result.stderr)
    assert not Path(f"{target}-wal").exists() or Path(f"{target}-wal").stat().st_size == 0
    _SEEDED["journal"] = target.read_bytes()
