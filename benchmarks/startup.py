"""Start-up time and peak memory of every imuran command, against its baseline.

Runs each imuran command side by side with its baseline, interleaved (baseline, command,
baseline, command, ...) so that machine noise hits both alike, with the same interpreter:

- every answering command, human and ``--json``, from a realistic profile, against a
  minimal Typer hello-world;
- ``imuran --version`` against a bare ``python -c pass``.

Prints one table: the median wall time of each command and of its paired baseline runs,
their ratio, the target (DESIGN.md and issue 15), the peak resident memory, and whether
the target is met. Run it on a fresh non-editable install (``pip install .`` into a new
virtual environment), with that environment's Python:

    python benchmarks/startup.py [--runs 15] [--only dose] [--check]

imuran is run through its console script (``imuran`` beside the interpreter), as a person
runs it, or ``python -m imuran_cli`` when there is none. ``--check`` exits 1 when a target
is missed; without it the table is a report (CI runs it so: CI machines are noisy).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

DOSE_TARGET = 1.10
COMMAND_TARGET = 1.15
VERSION_TARGET = 3.0
MEMORY_TARGET_MIB = 40.0

HELLO = """\
import typer

app = typer.Typer()


@app.command()
def main(name: str = "world") -> None:
    print(f"hello {name}")


app()
"""

PROFILE = """\
schema_version = 2
medications = ["Lisinopril 10 mg"]

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
"""


@dataclass
class Case:
    """One imuran command line, its baseline and its targets."""

    args: list[str]
    target: float = COMMAND_TARGET
    baseline: str = "hello"
    memory_target: float | None = None
    times: list[float] = field(default_factory=list)
    base_times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    base_cpu: list[float] = field(default_factory=list)
    peak: float = 0.0

    @property
    def label(self) -> str:
        return " ".join(self.args)

    @property
    def writes(self) -> bool:
        """True for a command that changes the profile (restored after each run)."""
        return self.args[:1] == ["profile"] and self.args[1:2] in (["set"], ["init"])

    @property
    def ratio(self) -> float:
        """The median of the paired ratios: each run against the baseline run just before it,
        so that a burst of load elsewhere on the machine hits both sides of a pair alike."""
        return statistics.median(
            run / base for run, base in zip(self.times, self.base_times, strict=True)
        )

    @property
    def cpu_ratio(self) -> float:
        """The same for CPU time (user + system): less moved by other load than wall time."""
        pairs = zip(self.cpu, self.base_cpu, strict=True)
        return statistics.median(run / base for run, base in pairs)

    @property
    def met(self) -> bool:
        memory_ok = self.memory_target is None or self.peak <= self.memory_target
        return self.ratio <= self.target and memory_ok


def cases() -> list[Case]:
    """Every answering command, human and --json, and --version."""
    answering = [
        ["dose"],
        ["dose", "--json"],
        ["dose", "--weight", "70"],
        ["missed", "--when", "yesterday"],
        ["missed", "--when", "yesterday", "--json"],
        ["side-effects", "fever"],
        ["side-effects", "fever", "--json"],
        ["side-effects"],
        ["side-effects", "--json"],
        ["travel", "--abroad", "--days", "14"],
        ["travel", "--abroad", "--days", "14", "--json"],
        ["travel", "--abroad", "--days", "14", "--format", "markdown"],
        ["sources"],
        ["sources", "--json"],
        ["sources", "LEAFLET"],
        ["profile", "show"],
        ["profile", "show", "--json"],
        ["profile", "path"],
        ["profile", "path", "--json"],
        ["profile", "set", "weight", "70"],
        ["profile", "set", "weight", "70", "--json"],
        ["profile", "init", "--force", "--weight", "70", "--daily-mg", "150"],
        ["profile", "init", "--force", "--weight", "70", "--daily-mg", "150", "--json"],
    ]
    return [
        Case(
            ["dose", "--weight", "70", "--json"],
            target=DOSE_TARGET,
            memory_target=MEMORY_TARGET_MIB,
        ),
        *(Case(args) for args in answering),
        Case(["--version"], target=VERSION_TARGET, baseline="python"),
    ]


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one run of ``argv``."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read() if process.stderr else b""
    if process.stderr:
        process.stderr.close()
    if code != 0:
        raise SystemExit(f"{argv} failed ({code}): {stderr.decode()}")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def imuran_command() -> list[str]:
    script = Path(sys.executable).parent / "imuran"
    return [str(script)] if script.exists() else [sys.executable, "-m", "imuran_cli"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (15)")
    parser.add_argument("--only", metavar="TEXT", help="only the commands containing TEXT")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()

    chosen = [case for case in cases() if not args.only or args.only in case.label]
    imuran = imuran_command()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "hello.py").write_text(HELLO)
        profile = root / "profile.toml"
        profile.write_text(PROFILE)
        env = dict(
            os.environ,
            IMURAN_PROFILE=str(profile),
            IMURAN_NOW="2026-11-25T10:00:00",
            COLUMNS="60",
        )
        env.pop("IMURAN_DEBUG", None)
        baselines = {
            "hello": [sys.executable, str(root / "hello.py")],
            "python": [sys.executable, "-c", "pass"],
        }
        # Warm the OS file cache and the .pyc files, and check that every command answers.
        for argv in baselines.values():
            run_once(argv, env)
        for case in chosen:
            run_once([*imuran, *case.args], env)
            profile.write_text(PROFILE)
        for _ in range(args.runs):
            for case in chosen:
                seconds, cpu, _ = run_once(baselines[case.baseline], env)
                case.base_times.append(seconds)
                case.base_cpu.append(cpu)
                seconds, cpu, peak = run_once([*imuran, *case.args], env)
                case.times.append(seconds)
                case.cpu.append(cpu)
                case.peak = max(case.peak, peak)
                if case.writes:  # every command reads the same profile
                    profile.write_text(PROFILE)

    print(f"python   {sys.version.split()[0]} ({sys.executable})")
    print(f"imuran   {' '.join(imuran)}")
    print(f"runs     {args.runs} of each command, each paired with a run of its baseline")
    print("baseline hello = a Typer hello-world script; python = python -c pass")
    print()
    width = max(len(case.label) for case in chosen)
    print("ms       median wall time of the command, and of its baseline (vs)")
    print("ratio    median of the paired ratios (the result is judged on it);")
    print("cpu      the same for CPU time (user + system), less moved by other load")
    print()
    header = (
        f"{'command':<{width}}  {'ms':>6}  {'vs':<6}  {'ms':>6}  {'ratio':>5}  "
        f"{'cpu':>5}  {'target':>6}  {'MiB':>5}  result"
    )
    print(header)
    print("-" * len(header))
    for case in chosen:
        print(
            f"{case.label:<{width}}  {statistics.median(case.times) * 1000:6.1f}  "
            f"{case.baseline:<6}  {statistics.median(case.base_times) * 1000:6.1f}  "
            f"{case.ratio:5.3f}  {case.cpu_ratio:5.3f}  {case.target:6.2f}  "
            f"{case.peak:5.1f}  {'ok' if case.met else 'MISSED'}"
        )
    print()
    for case in chosen:
        if case.memory_target is not None:
            print(
                f"peak memory of {case.label}: {case.peak:.1f} MiB "
                f"(target <= {case.memory_target:g} MiB)"
            )
    missed = [case for case in chosen if not case.met]
    print()
    print(f"{len(chosen) - len(missed)} of {len(chosen)} targets met")
    if args.check and missed:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
