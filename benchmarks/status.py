"""Start-up time of ``imuran status`` (and of ``imuran`` alone and ``imuran pregnancy``)
against a Typer hello-world, measured side by side as in ``startup.py``.

    python benchmarks/status.py [--runs 21] [--check]

The profile is that of ``startup.py`` plus ``pregnancy_relevant``; with ``--journal`` a
journal of a year (doses, MG-ADL scores, blood tests) is seeded first, when this imuran
has the journal commands. Target (DESIGN.md): every answering command within 1.15x.
``--check`` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from startup import HELLO, IMURAN, PROFILE, run_once  # noqa: E402

RATIO_TARGET = 1.15
COMMANDS = [["status"], ["status", "--json"], [], ["pregnancy", "--json"]]


def seed_journal(entry: Path, env: dict[str, str]) -> bool:
    """Record a year of doses, monthly MG-ADL scores and blood tests; False if this
    imuran has no journal commands yet."""
    probe = subprocess.run(
        [sys.executable, str(entry), "take", "--help"], env=env, capture_output=True, check=False
    )
    if probe.returncode != 0:
        return False
    day = "2026-11-25"
    for args in (
        ["take", "--dose", "morning", "--date", day],
        ["adl", "add", "--date", "2026-02-20", *_adl(2)],
        ["adl", "add", "--date", "2026-11-20", *_adl(1)],
        ["labs", "add", "--date", "2026-11-10", "--wbc", "5.1", "--alt", "30"],
    ):
        subprocess.run(
            [sys.executable, str(entry), *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    return True


def _adl(grade: int) -> list[str]:
    items = ["talking", "chewing", "swallowing", "breathing"]
    items += ["hygiene", "chair", "double-vision", "eyelids"]
    return [part for item in items for part in (f"--{item}", str(grade))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--journal", action="store_true", help="seed a journal first")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()

    missed = False
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "hello.py").write_text(HELLO)
        entry = root / "imuran_entry.py"
        entry.write_text(IMURAN)
        profile = root / "profile.toml"
        profile.write_text(PROFILE + "\n[person]\npregnancy_relevant = true\n")
        env = dict(
            os.environ,
            IMURAN_PROFILE=str(profile),
            IMURAN_JOURNAL=str(root / "journal.sqlite3"),
            IMURAN_NOW="2026-11-25T10:00:00",
            NO_COLOR="1",
        )
        if args.journal and not seed_journal(entry, env):
            print("journal commands not available: measured without a journal")
        hello = [sys.executable, str(root / "hello.py")]
        print(f"python        {sys.version.split()[0]} ({sys.executable})")
        print(f"runs          {args.runs} each, interleaved")
        for command in COMMANDS:
            imuran = [sys.executable, str(entry), *command]
            for argv in (hello, imuran):  # warm the OS file cache and .pyc files
                run_once(argv, env)
            hello_times: list[float] = []
            imuran_times: list[float] = []
            for _ in range(args.runs):
                hello_times.append(run_once(hello, env)[0])
                imuran_times.append(run_once(imuran, env)[0])
            ratio = statistics.median(imuran_times) / statistics.median(hello_times)
            name = " ".join(command) or "(no command)"
            print(
                f"imuran {name:<18} median {statistics.median(imuran_times) * 1000:6.1f} ms"
                f"   hello {statistics.median(hello_times) * 1000:6.1f} ms   ratio {ratio:.3f}"
            )
            missed = missed or ratio > RATIO_TARGET
    print(f"target        ratio <= {RATIO_TARGET}")
    if args.check and missed:
        print("target missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
