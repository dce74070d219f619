"""Start-up time of the exports (calendar, card, report) against a Typer hello-world.

The pattern of ``benchmarks/startup.py``: the same interpreter runs, interleaved so that
machine noise hits all alike, a minimal Typer hello-world and each export with a realistic
profile and a year of journal (doses, MG-ADL scores, blood tests), writing to a file. Prints the
median wall time of each, its ratio to the hello-world, and the peak resident memory.

    python benchmarks/exports.py [--runs 21] [--check]

Target (DESIGN.md, issue 14): each export within 1.3x of the hello-world. ``--check``
exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RATIO_TARGET = 1.3

HELLO = """\
import typer

app = typer.Typer()


@app.command()
def main(name: str = "world") -> None:
    print(f"hello {name}")


app()
"""

IMURAN = """\
from imuran_cli.cli import main

main()
"""

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
started_on = 2026-03-01

[genetics]
tpmt = "normal"
nudt15 = "unknown"

[person]
name = "Alex Example"

[contacts]
neurologist = "Dr Rivera, MG clinic"
neurologist_phone = "+44 20 7946 0000"
emergency_contact = "Sam Example"
"""

COMMANDS = {
    # For reference: an answering command, whose own target is 1.10.
    "dose --weight 70 --json": ["dose", "--weight", "70", "--json"],
    "calendar": ["calendar", "--output", "{out}/imuran.ics"],
    "card --format html": ["card", "--format", "html", "--output", "{out}/card.html"],
    "report": ["report", "--output", "{out}/report.html"],
    "report --format fhir": ["report", "--format", "fhir", "--output", "{out}/report.json"],
}


def seed_journal(path: Path) -> None:
    """A year of journal: both doses of every day (a few missed), an MG-ADL score each
    month, a blood test every five weeks; written with imuran's own storage functions."""
    import datetime as dt

    from imuran_cli.core.adl import AdlItems, NewScore
    from imuran_cli.core.labs import LabTest
    from imuran_cli.core.take import NewDose
    from imuran_cli.storage.adl_rows import record_adl
    from imuran_cli.storage.dose_rows import record_dose
    from imuran_cli.storage.journal import writing
    from imuran_cli.storage.labs import save_test

    today = dt.date(2026, 11, 25)
    at = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
    with writing(path) as journal:
        for offset in range(365, 0, -1):
            day = today - dt.timedelta(days=offset)
            for dose in ("morning", "later"):
                if offset % 17 == 0 and dose == "later":
                    continue
                new = NewDose(day, dose, "taken", 75.0, 1.5, None, at, None)
                record_dose(journal, day, lambda _records, new=new: new)
            if offset % 30 == 0:
                grade = 2 if offset > 180 else 1
                items = AdlItems(grade, 1, 1, 0, 1, 1, grade, 1)
                record_adl(journal, NewScore(day, items, at))
            if offset % 35 == 0:
                values = {"wbc": 4 + offset / 100, "neutrophils": 2.5, "platelets": 230, "alt": 30}
                save_test(journal, day, lambda _old, d=day, v=values: LabTest(d, v), at)


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one run of ``argv``."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read() if process.stderr else b""
    if process.returncode != 0:
        raise SystemExit(f"{argv} failed ({process.returncode}): {stderr.decode()}")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


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
        seed_journal(root / "journal.sqlite3")
        env = dict(
            os.environ,
            IMURAN_PROFILE=str(profile),
            IMURAN_JOURNAL=str(root / "journal.sqlite3"),
            IMURAN_NOW="2026-11-25T10:00:00",
        )
        hello = [sys.executable, str(root / "hello.py")]
        exports = {
            name: [sys.executable, str(root / "imuran_entry.py")]
            + [part.format(out=folder) for part in command]
            for name, command in COMMANDS.items()
        }
        for argv in (hello, *exports.values()):  # warm the OS file cache and .pyc files
            run_once(argv, env)
        hello_times: list[float] = []
        hello_cpu: list[float] = []
        times: dict[str, list[float]] = {name: [] for name in exports}
        cpus: dict[str, list[float]] = {name: [] for name in exports}
        peaks: dict[str, float] = dict.fromkeys(exports, 0.0)
        for _ in range(args.runs):
            seconds, cpu, _ = run_once(hello, env)
            hello_times.append(seconds)
            hello_cpu.append(cpu)
            for name, argv in exports.items():
                seconds, cpu, peak = run_once(argv, env)
                times[name].append(seconds)
                cpus[name].append(cpu)
                peaks[name] = max(peaks[name], peak)

    hello_median = statistics.median(hello_times)
    hello_cpu_median = statistics.median(hello_cpu)
    print(f"python        {sys.version.split()[0]} ({sys.executable})")
    print(f"runs          {args.runs} each, interleaved")
    print(
        f"typer hello   median {hello_median * 1000:7.1f} ms  cpu {hello_cpu_median * 1000:6.1f} ms"
    )
    missed = False
    for name, samples in times.items():
        median = statistics.median(samples)
        ratio = median / hello_median
        if not name.startswith("dose"):
            missed = missed or ratio > RATIO_TARGET
        cpu_ratio = statistics.median(cpus[name]) / hello_cpu_median
        print(
            f"{name:<24} median {median * 1000:6.1f} ms  ratio {ratio:.3f} "
            f"(target <= {RATIO_TARGET})  cpu ratio {cpu_ratio:.3f}  peak {peaks[name]:4.1f} MiB"
        )
    if args.check and missed:
        print("target missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
