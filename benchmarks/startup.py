"""Start-up time and peak memory of every imuran command, against its baseline.

Runs every command a person runs, human and ``--json`` (where it has one), from a
realistic profile and a year of journal, each side by side with its baseline, interleaved
(baseline, command, baseline, command, ...) so that machine noise hits both alike, with
the same interpreter (the harness is ``_harness.py``):

- every answering command against a minimal Typer hello-world: at most 1.10x for
  ``dose --weight 70 --json`` (and 40 MiB of peak memory), 1.15x for the others;
- the exports (``calendar``, ``card``, ``report``) against it too: at most 1.3x;
- ``labs chart wbc`` (drawn with plotext) for the report only;
- ``imuran --version`` against a bare ``python -c pass``: at most 3x.

The commands that write (``take``, ``skip``, ``undo``, ``profile set``, ``profile
init``) find the profile and the journal restored after each run. Prints one table: the
median wall time of each command and of its paired baseline runs, their ratio, the CPU
time ratio, the target, the peak resident memory, and whether the target is met. Run it
on a fresh non-editable install (``pip install .`` into a new virtual environment), with
that environment's Python:

    python benchmarks/startup.py [--runs 15] [--only dose] [--check] [--instructions]

``--only TEXT`` measures the commands containing TEXT. ``--check`` exits 1 when a target
is missed; without it the table is a report (CI runs it so: CI machines are noisy).
``--instructions`` counts the instructions of one run of each command and baseline with
valgrind instead of timing them: slower, but the same figures on a busy machine as on an
idle one, which is what comparing two versions of imuran needs.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from _harness import (
    COMMAND_TARGET,
    DOSE_TARGET,
    EXPORT_TARGET,
    MEMORY_TARGET_MIB,
    OUT,
    VERSION_TARGET,
    Case,
    arguments,
    chosen,
    measure,
    measure_instructions,
    print_table,
    workspace,
)

T = TypeVar("T")
NOW = "2026-11-25T10:00:00"
TODAY = dt.date(2026, 11, 25)
JOURNAL_DAYS = 365

PROFILE = """\
schema_version = 2
medications = ["Lisinopril 10 mg", "ciprofloxacin", "atorvastatin 20 mg"]

[weight]
value = 70
unit = "kg"

[prescription]
daily_mg = 150
schedule = "split"
tablet_mg = 50
tablets_split = true
started_on = 2025-10-01

[genetics]
tpmt = "normal"
nudt15 = "unknown"

[person]
name = "Alex Example"
pregnancy_relevant = true

[contacts]
neurologist = "Dr Rivera, MG clinic"
neurologist_phone = "+44 20 7946 0000"
emergency_contact = "Sam Example"
"""


def both(*args: str) -> list[list[str]]:
    """A command, human and --json."""
    return [[*args], [*args, "--json"]]


ADL = ["--talking", "1", "--chewing", "1", "--swallowing", "0", "--breathing", "0"]
ADL += ["--hygiene", "1", "--chair", "1", "--double-vision", "1", "--eyelids", "1"]
ADL_SHOWN = "--talking 1 ... --eyelids 1"  # in the table
LAB_DAY = TODAY - dt.timedelta(days=35)  # a blood test of the seeded journal

# Every command a person runs, in the order of imuran's help, human and --json where it
# has --json.
ANSWERING = [
    *both("status"),
    [],  # imuran alone shows the status
    *both("dose"),
    ["dose", "--weight", "70"],
    *both("missed", "--when", "yesterday"),
    *both("missed"),  # no --when: reads the journal
    *both("take"),
    *both("skip"),
    *both("undo"),
    *both("history"),
    *both("adl", "list"),
    *both("adl", "add", *ADL),
    *both("stock"),
    *both("stock", "add", "100"),
    *both("stock", "set", "90"),
    *both("side-effects", "fever"),
    *both("side-effects"),
    *both("check", "ciprofloxacin"),
    *both("check", "Zostavax"),
    *both("meds", "list"),
    *both("meds", "add", "ibuprofen"),
    *both("meds", "remove", "atorvastatin 20 mg"),
    *both("travel", "--abroad", "--days", "14"),
    ["travel", "--abroad", "--days", "14", "--format", "markdown"],
    *both("labs", "list"),
    *both("labs", "due"),
    *both("labs", "chart", "wbc"),
    *both("labs", "add", "--wbc", "5.1", "--alt", "30"),
    *both("labs", "remove", LAB_DAY.isoformat()),
    *both("pregnancy"),
    *both("sources"),
    ["sources", "LEAFLET"],
    *both("profile", "show"),
    *both("profile", "path"),
    *both("profile", "set", "weight", "70"),
    *both("profile", "unset", "tpmt"),
    *both("profile", "init", "--force", "--weight", "70", "--daily-mg", "150"),
]
EXPORTS = [
    ["calendar", "--output", f"{OUT}/imuran.ics"],
    ["card"],
    ["card", "--format", "html"],
    ["report", "--output", f"{OUT}/report.html"],
    ["report", "--format", "markdown"],
    ["report", "--format", "fhir"],
]
# The commands that change the profile or the journal (restored after each run).
WRITING = {"take", "skip", "undo", "add", "remove", "set", "unset", "init"}
# plotext alone costs about 125 ms to import: measured, with no target.
REPORT_ONLY = [["labs", "chart", "wbc"]]


def cases() -> list[Case]:
    """Every command a person runs, the exports, and --version."""
    return [
        Case(
            ["dose", "--weight", "70", "--json"],
            target=DOSE_TARGET,
            memory_target=MEMORY_TARGET_MIB,
        ),
        *(
            Case(
                args,
                name=" ".join(args).replace(" ".join(ADL), ADL_SHOWN),
                target=None if args in REPORT_ONLY else COMMAND_TARGET,
                writes=bool(WRITING.intersection(args[:2])),
            )
            for args in ANSWERING
        ),
        *(Case(args, target=EXPORT_TARGET) for args in EXPORTS),
        Case(["--version"], target=VERSION_TARGET, baseline="python"),
    ]


def always(value: T) -> Callable[[object], T]:
    """A storage function's ``decide``/``merge`` that ignores what is recorded."""

    def decide(_recorded: object) -> T:
        return value

    return decide


def seed_journal(path: Path) -> str:
    """A year of journal, written with imuran's own storage functions: both doses of every
    day before today (a few missed), an MG-ADL score each month, a blood test every five
    weeks, a count of the tablets by hand and a refill every month. Returns what it holds.

    Run in a child process (``_harness.in_child``): imuran's modules stay out of the
    benchmark's own memory."""
    import sqlite3

    from imuran_cli.core.adl import AdlItems, NewScore
    from imuran_cli.core.labs import LabTest
    from imuran_cli.core.stock import NewStock
    from imuran_cli.core.take import NewDose
    from imuran_cli.storage.adl_rows import record_adl
    from imuran_cli.storage.dose_rows import record_dose
    from imuran_cli.storage.journal import writing
    from imuran_cli.storage.labs import save_test
    from imuran_cli.storage.stock_rows import record_stock

    at = dt.datetime.fromisoformat(NOW).replace(tzinfo=dt.UTC)
    with writing(path) as journal:
        record_stock(journal, NewStock(TODAY - dt.timedelta(days=JOURNAL_DAYS), "set", 90, at))
        for back in range(JOURNAL_DAYS, 0, -1):
            day = TODAY - dt.timedelta(days=back)
            for dose in ("morning", "later"):
                if back % 17 == 0 and dose == "later":
                    continue
                new = NewDose(day, dose, "taken", 75.0, 1.5, None, at, None)
                record_dose(journal, day, always(new))
            if back % 30 == 0:
                grade = 2 if back > 180 else 1
                items = AdlItems(grade, 1, 1, 0, 1, 1, grade, 1)
                record_adl(journal, NewScore(day, items, at))
                record_stock(journal, NewStock(day, "add", 100, at))
            if back % 35 == 0:
                values = {"wbc": 4 + back / 100, "neutrophils": 2.5, "platelets": 230, "alt": 30}
                save_test(journal, day, always(LabTest(day, values)), at)
    connection = sqlite3.connect(path)
    try:
        counts = [
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("doses", "adl_scores", "labs", "stock")
        ]
    finally:
        connection.close()
    return (
        f"{counts[0]} doses, {counts[1]} MG-ADL scores, {counts[2]} blood tests, "
        f"{counts[3]} stock events, {path.stat().st_size / 1024:.0f} KiB"
    )


def main() -> int:
    args = arguments(__doc__, runs=15)
    picked = chosen(cases(), args.only)
    with workspace(PROFILE, NOW, seed_journal) as space:
        if args.instructions:
            imuran = measure_instructions(picked, space)
        else:
            imuran = measure(picked, space, args.runs)
    print(f"journal  {space.seeded}")
    missed = print_table(picked, imuran, args.runs)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
