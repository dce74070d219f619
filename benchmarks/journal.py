"""Journal commands on a 10-year journal, against the Typer hello-world.

Seeds a journal of 10 years of a split schedule (7,300 doses) and 120 MG-ADL scores, then
runs, interleaved with a minimal Typer hello-world (the pattern of ``startup.py``):

- ``imuran history --days 3650 --json``
- ``imuran missed`` (no ``--when``: reads the last days of the journal)
- ``imuran take --json`` (each run is followed by an untimed ``imuran undo``, so every
  run records the same dose into the same journal)

and prints the median wall time of each, its ratio to the hello-world and the peak
resident memory.

    python benchmarks/journal.py [--runs 21] [--check]

Target (issue 9): each ratio at most 1.25. ``--check`` exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from startup import HELLO, IMURAN  # noqa: E402

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

COMMANDS = [
    ["history", "--days", "3650", "--json"],
    ["missed"],
    ["take", "--json"],
]
# Measured alongside, as a reading of how busy the machine is: its own target (DESIGN.md)
# is 1.10, and it does not touch the journal.
REFERENCE = ["dose", "--weight", "70", "--json"]


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one run of ``argv``.

    CPU time is shown beside wall time: on a machine shared with other work it is the
    steadier of the two (waiting for a core does not count).
    """
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read() if process.stderr else b""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv} failed: {stderr.decode()}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def seed(path: Path) -> tuple[int, int]:
    """Write 7,300 doses (every dose of 3,650 days before today) and 120 scores."""
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
    return doses, scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "hello.py").write_text(HELLO)
        (root / "imuran_entry.py").write_text(IMURAN)
        profile = root / "profile.toml"
        profile.write_text(PROFILE)
        journal = root / "data" / "journal.sqlite3"
        doses, scores = seed(journal)
        size_kib = journal.stat().st_size / 1024
        env = dict(
            os.environ, IMURAN_PROFILE=str(profile), IMURAN_JOURNAL=str(journal), IMURAN_NOW=NOW
        )
        # As installed: byte-code is cached. (With PYTHONDONTWRITEBYTECODE set, as in some
        # sandboxes, every run would compile imuran's modules again; the hello-world's typer
        # comes precompiled from its wheel.)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        hello = [sys.executable, str(root / "hello.py")]
        entry = [sys.executable, str(root / "imuran_entry.py")]
        undo = [*entry, "undo", "--json"]

        for command in (*COMMANDS, REFERENCE):
            run_once([*entry, *command], env)  # warm the OS file cache, write .pyc files
            if command[0] == "take":
                run_once(undo, env)
        run_once(hello, env)
        hello_times: list[float] = []
        hello_cpu: list[float] = []
        times: dict[str, list[float]] = {" ".join(c): [] for c in (*COMMANDS, REFERENCE)}
        cpu: dict[str, list[float]] = {name: [] for name in times}
        peaks: dict[str, float] = dict.fromkeys(times, 0.0)
        for _ in range(args.runs):
            for command in (*COMMANDS, REFERENCE):
                seconds, used, _peak = run_once(hello, env)
                hello_times.append(seconds)
                hello_cpu.append(used)
                seconds, used, peak = run_once([*entry, *command], env)
                name = " ".join(command)
                times[name].append(seconds)
                cpu[name].append(used)
                peaks[name] = max(peaks[name], peak)
                if command[0] == "take":
                    run_once(undo, env)
        check = subprocess.run(
            [*entry, "history", "--days", "3650", "--json"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        adherence = json.loads(check.stdout)["adherence"]
        # --days 3650 ends today (no record yet): the first seeded day is just outside.
        assert adherence["taken"] == doses - 2, f"the seeded journal was not read: {adherence}"

    hello_median = statistics.median(hello_times)
    hello_cpu_median = statistics.median(hello_cpu)
    print(f"python        {sys.version.split()[0]} ({sys.executable})")
    print(f"journal       {doses} doses, {scores} MG-ADL scores, {size_kib:.0f} KiB")
    print(f"runs          {args.runs} each, interleaved with the hello-world")
    print(
        f"typer hello   median {hello_median * 1000:7.1f} ms   "
        f"cpu {hello_cpu_median * 1000:6.1f} ms"
    )
    missed_target = False
    for name, values in times.items():
        median = statistics.median(values)
        ratio = median / hello_median
        cpu_ratio = statistics.median(cpu[name]) / hello_cpu_median
        measures = (
            f"              median {median * 1000:7.1f} ms   ratio {ratio:.3f}   "
            f"cpu ratio {cpu_ratio:.3f}   peak {peaks[name]:5.1f} MiB"
        )
        if name == " ".join(REFERENCE):
            print(f"reference: imuran {name} (its own target is 1.10)\n{measures}")
            continue
        missed_target |= ratio > RATIO_TARGET
        print(f"imuran {name} (target <= {RATIO_TARGET})\n{measures}")
    if args.check and missed_target:
        print("target missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
