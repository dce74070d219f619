"""Journal commands on a 10-year journal, against the Typer hello-world.

Seeds a journal of 10 years of a split schedule (7,300 doses) and 120 MG-ADL scores, then
runs each command side by side with a minimal Typer hello-world, interleaved, with the
harness of ``startup.py`` (``_harness.py``):

- ``imuran history --days 3650 --json``
- ``imuran missed`` (no ``--when``: reads the last days of the journal)
- ``imuran take --json`` (the journal is restored after each run, so every run records
  the same dose into the same journal)

and prints one table: the median wall time of each, its ratio to the hello-world, the CPU
time ratio and the peak resident memory. ``imuran dose --weight 70 --json``, which does
not touch the journal, is measured alongside as a reading of how busy the machine is (its
own target, 1.10, is ``startup.py``'s business).

    python benchmarks/journal.py [--runs 21] [--only take] [--check]

Target (issue 9): each ratio at most 1.25. ``--check`` exits 1 when one is missed.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from _harness import Case, arguments, chosen, measure, print_table, workspace

RATIO_TARGET = 1.25
NOW = "2026-11-25T21:00:00+00:00"
TODAY = dt.date(2026, 11, 25)
YEARS_DAYS = 3650
SCORES = 120

PROFILE = f"""\
schema_version = 2

[weight]
value = 70
unit = "kg"

[prescription]
daily_mg = 150
schedule = "split"
tablet_mg = 50
tablets_split = true
started_on = {(TODAY - dt.timedelta(days=YEARS_DAYS)).isoformat()}
"""

CASES = [
    Case(["history", "--days", "3650", "--json"], target=RATIO_TARGET),
    Case(["missed"], target=RATIO_TARGET),
    Case(["take", "--json"], target=RATIO_TARGET, writes=True),
    Case(["dose", "--weight", "70", "--json"], target=None),  # how busy the machine is
]


def seed(path: Path) -> str:
    """Write 7,300 doses (every dose of 3,650 days before today) and 120 scores, straight
    into the journal's tables (imuran's own functions would take a minute). Run in a child
    process (``_harness.in_child``); returns what the journal holds."""
    from imuran_cli.storage.journal import add_entry, writing

    doses = scores = 0
    recorded = f"{TODAY.isoformat()}T08:00:00+00:00"
    with writing(path) as journal, journal.write() as connection:
        for back in range(YEARS_DAYS, 0, -1):
            day = (TODAY - dt.timedelta(days=back)).isoformat()
            for dose in ("morning", "later"):
                entry = add_entry(connection, "dose")
                connection.execute(
                    "INSERT INTO doses (entry_id, date, dose, status, mg, tablets, note,"
                    " recorded_at) VALUES (?, ?, ?, 'taken', 75, 1.5, NULL, ?)",
                    (entry, day, dose, recorded),
                )
                doses += 1
        for month in range(SCORES):
            day = (TODAY - dt.timedelta(days=30 * month + 1)).isoformat()
            entry = add_entry(connection, "adl")
            connection.execute(
                "INSERT INTO adl_scores (entry_id, date, talking, chewing, swallowing,"
                " breathing, hygiene, chair, double_vision, eyelids, recorded_at)"
                " VALUES (?, ?, 1, 1, 0, 0, 1, 1, 2, 2, ?)",
                (entry, day, recorded),
            )
            scores += 1
    size_kib = path.stat().st_size / 1024
    return f"{doses} doses, {scores} MG-ADL scores, {size_kib:.0f} KiB"


def main() -> int:
    args = arguments(__doc__, runs=21)
    picked = chosen(CASES, args.only)
    with workspace(PROFILE, NOW, seed) as space:
        imuran = measure(picked, space, args.runs)
        check = subprocess.run(
            [*imuran, "history", "--days", "3650", "--json"],
            env=space.env,
            capture_output=True,
            text=True,
            check=True,
        )
    adherence = json.loads(check.stdout)["adherence"]
    # --days 3650 ends today (no record yet): the first seeded day is just outside.
    taken = 2 * YEARS_DAYS - 2
    assert adherence["taken"] == taken, f"the seeded journal was not read: {adherence}"
    print(f"journal  {space.seeded}")
    missed = print_table(picked, imuran, args.runs)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
