"""The harness the start-up benchmarks share (``startup.py``, ``journal.py``).

Each imuran command line is a ``Case``, run side by side with its baseline, interleaved
(baseline, command, baseline, command, ...) with the same interpreter, so that machine
noise hits both alike:

- ``hello``: a minimal Typer hello-world script (what every answering command is judged
  against);
- ``python``: a bare ``python -c pass`` (what ``imuran --version`` is judged against).

A case is judged on the median of its paired ratios (each run against the baseline run
just before it); the CPU-time ratio (user + system), which other load on the machine moves
less, is shown beside it, with the peak resident memory. imuran is run through its console
script (``imuran`` beside the interpreter), as a person runs it, or ``python -m
imuran_cli`` when there is none. A script imports this module as ``_harness`` (a script's
own folder is first on ``sys.path``).

``--instructions`` counts instead of timing: each command and each baseline run once
under valgrind (callgrind), which counts the instructions the process executes. The
count does not move with the load on the machine (timings here move by about 10 % from
one hour to the next), so two versions of imuran can be compared to a fraction of a
percent; it leaves out what instructions do not show (waiting for the disk, page
faults), which both sides pay alike. Hash randomisation is off for these runs
(``PYTHONHASHSEED=0``), which makes the count repeatable.

The peak memory of a run is the kernel's ``ru_maxrss`` of the child process, which counts
the memory of the process it was started from (the benchmark) as well as its own: so the
benchmark stays small, and seeds a journal in a child process of its own (``in_child``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

# The targets of DESIGN.md and issue 15 (exports: issue 14).
DOSE_TARGET = 1.10
COMMAND_TARGET = 1.15
EXPORT_TARGET = 1.3
VERSION_TARGET = 3.0
MEMORY_TARGET_MIB = 40.0

# In a case's arguments, replaced by the benchmark's temporary folder (shown as FILE).
OUT = "{out}"

HELLO = """\
import typer

app = typer.Typer()


@app.command()
def main(name: str = "world") -> None:
    print(f"hello {name}")


app()
"""

LABEL_WIDTH = 44


class Run(NamedTuple):
    wall: float  # seconds
    cpu: float  # seconds, user + system
    peak: float  # MiB of resident memory at the most


def run_once(argv: Sequence[str], env: dict[str, str]) -> Run:
    """Run ``argv`` once, its output thrown away; exit with its stderr if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read() if process.stderr else b""
    if process.stderr:
        process.stderr.close()
    if code != 0:
        raise SystemExit(f"{list(argv)} failed ({code}): {stderr.decode()}")
    # ru_maxrss is in KiB on Linux.
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def imuran_command() -> list[str]:
    """How a person runs imuran installed beside this interpreter."""
    script = Path(sys.executable).parent / "imuran"
    return [str(script)] if script.exists() else [sys.executable, "-m", "imuran_cli"]


@dataclass
class Case:
    """One imuran command line, its baseline and its targets, and what was measured.

    ``target`` None is a case measured for the report only (no target). ``writes`` marks
    a command that changes the profile or the journal: both are restored after each run,
    so that every run sees the same files. ``name`` shows a long command line shorter.
    """

    args: list[str]
    name: str | None = None
    target: float | None = COMMAND_TARGET
    baseline: str = "hello"
    memory_target: float | None = None
    writes: bool = False
    times: list[float] = field(default_factory=list)
    base_times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    base_cpu: list[float] = field(default_factory=list)
    peak: float = 0.0
    instructions: int = 0  # --instructions: the command's count, and its baseline's
    base_instructions: int = 0

    @property
    def label(self) -> str:
        """The command line as typed, a file to write shown as FILE (or the name given)."""
        if self.name:
            return self.name
        return " ".join("FILE" if OUT in arg else arg for arg in self.args) or "(no command)"

    def argv(self, imuran: Sequence[str], out: Path) -> list[str]:
        return [*imuran, *(arg.replace(OUT, str(out)) for arg in self.args)]

    def add(self, base: Run, run: Run) -> None:
        self.base_times.append(base.wall)
        self.base_cpu.append(base.cpu)
        self.times.append(run.wall)
        self.cpu.append(run.cpu)
        self.peak = max(self.peak, run.peak)

    @property
    def ratio(self) -> float:
        """The median of the paired ratios: each run against the baseline run just before
        it, so that a burst of load elsewhere on the machine hits both sides of a pair."""
        return statistics.median(
            run / base for run, base in zip(self.times, self.base_times, strict=True)
        )

    @property
    def cpu_ratio(self) -> float:
        """The same for CPU time (user + system): less moved by other load than wall time."""
        pairs = zip(self.cpu, self.base_cpu, strict=True)
        return statistics.median(run / base for run, base in pairs)

    @property
    def instruction_ratio(self) -> float:
        return self.instructions / self.base_instructions

    @property
    def met(self) -> bool:
        """True when every target is met (always for a report-only case)."""
        if self.instructions:
            return self.target is None or self.instruction_ratio <= self.target
        memory_ok = self.memory_target is None or self.peak <= self.memory_target
        return (self.target is None or self.ratio <= self.target) and memory_ok


def arguments(doc: str, runs: int) -> argparse.Namespace:
    """The options every benchmark takes: --runs, --only and --check."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--runs", type=int, default=runs, help=f"runs of each command ({runs})")
    parser.add_argument("--only", metavar="TEXT", help="only the commands containing TEXT")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions with valgrind instead of timing (one run each; "
        "not moved by the machine's load; about 10 s a command)",
    )
    return parser.parse_args()


def chosen(cases: Sequence[Case], only: str | None) -> list[Case]:
    picked = [case for case in cases if not only or only in case.label]
    if not picked:
        raise SystemExit(f"no command contains {only!r}")
    return picked


def in_child(function: Callable[[Path], str], path: Path) -> str:
    """``function(path)`` run in a child Python (so that its imports and data do not
    swell this process, whose memory every measured run would count): its answer."""
    module = Path(function.__code__.co_filename)
    code = (
        "import importlib, sys; from pathlib import Path; "
        f"sys.path.insert(0, {str(module.parent)!r}); "
        f"answer = getattr(importlib.import_module({module.stem!r}), {function.__name__!r})"
        "(Path(sys.argv[1])); print(answer)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{function.__name__} failed:\n{done.stderr}")
    return done.stdout.strip()


@dataclass
class Workspace:
    """A temporary folder holding the hello-world, the profile and the journal."""

    root: Path
    env: dict[str, str]
    profile: Path
    journal: Path
    seeded: str = ""
    saved: dict[Path, bytes | None] = field(default_factory=dict)

    @property
    def baselines(self) -> dict[str, list[str]]:
        return {
            "hello": [sys.executable, str(self.root / "hello.py")],
            "python": [sys.executable, "-c", "pass"],
        }

    def save(self) -> None:
        """Remember the profile and the journal as they are now (restored by restore)."""
        self.saved = {
            path: path.read_bytes() if path.exists() else None
            for path in (self.profile, self.journal)
        }

    def restore(self) -> None:
        for path, data in self.saved.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)


@contextmanager
def workspace(
    profile: str, now: str, seed: Callable[[Path], str] | None = None
) -> Iterator[Workspace]:
    """A temporary folder with the hello-world, ``profile`` and a journal ``seed`` writes
    in a child process (none without it; its answer, a description, is ``seeded``), and
    the environment that points imuran at them at ``now``."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "hello.py").write_text(HELLO)
        profile_path = root / "profile.toml"
        profile_path.write_text(profile)
        journal = root / "data" / "journal.sqlite3"
        seeded = in_child(seed, journal) if seed is not None else ""
        env = dict(
            os.environ,
            IMURAN_PROFILE=str(profile_path),
            IMURAN_JOURNAL=str(journal),
            IMURAN_NOW=now,
            COLUMNS="60",
        )
        env.pop("IMURAN_DEBUG", None)
        # As installed: byte-code is cached. (With PYTHONDONTWRITEBYTECODE set, as in some
        # sandboxes, every run of an editable install would compile imuran's modules again,
        # while typer comes precompiled from its wheel.)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        space = Workspace(root, env, profile_path, journal, seeded)
        space.save()
        yield space


def measure(cases: Sequence[Case], space: Workspace, runs: int) -> list[str]:
    """Run every case ``runs`` times, each run paired with a run of its baseline just
    before it; returns the imuran command used."""
    imuran = imuran_command()
    baselines = space.baselines
    # Warm the OS file cache and the .pyc files, and check that every command answers.
    for argv in baselines.values():
        run_once(argv, space.env)
    for case in cases:
        run_once(case.argv(imuran, space.root), space.env)
        if case.writes:
            space.restore()
    for _ in range(runs):
        for case in cases:
            base = run_once(baselines[case.baseline], space.env)
            case.add(base, run_once(case.argv(imuran, space.root), space.env))
            if case.writes:
                space.restore()
    return imuran


def count_instructions(argv: Sequence[str], env: dict[str, str]) -> int:
    """The instructions ``argv`` executes, counted by valgrind's callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    count = collected(done.stderr)
    if done.returncode != 0 or count is None:
        raise SystemExit(f"{list(argv)} failed under valgrind ({done.returncode}):\n{done.stderr}")
    return count


def collected(report: str) -> int | None:
    """The count in callgrind's report (``==12== Collected : 651888972``), if any."""
    match = re.search(r"Collected : (\d+)", report)
    return int(match.group(1)) if match else None


def measure_instructions(cases: Sequence[Case], space: Workspace) -> list[str]:
    """Count the instructions of every case and of its baseline (once each, after a run
    that warms the .pyc files); returns the imuran command used."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    imuran = imuran_command()
    env = dict(space.env, PYTHONHASHSEED="0")
    bases: dict[str, int] = {}
    for case in cases:
        if case.baseline not in bases:
            argv = space.baselines[case.baseline]
            run_once(argv, env)
            bases[case.baseline] = count_instructions(argv, env)
        argv = case.argv(imuran, space.root)
        run_once(argv, env)
        if case.writes:
            space.restore()
        case.instructions = count_instructions(argv, env)
        case.base_instructions = bases[case.baseline]
        if case.writes:
            space.restore()
    return imuran


def print_table(cases: Sequence[Case], imuran: Sequence[str], runs: int = 0) -> list[Case]:
    """Print the table of ``cases``, timed or counted (``--instructions``); returns those
    that missed a target."""
    counted = all(case.instructions for case in cases)
    print(f"python   {sys.version.split()[0]} ({sys.executable})")
    print(f"imuran   {' '.join(imuran)}")
    if counted:
        print("counted  instructions executed (valgrind), one run of each command")
    else:
        print(f"runs     {runs} of each command, each paired with a run of its baseline")
    print("base     the Typer hello-world, or python -c pass where the command says so")
    if counted:
        print("ratio    the command's count over its baseline's (the result is judged on it)")
    else:
        print("ms       median wall time of the command, and of its baseline runs")
        print("ratio    median of the paired ratios (the result is judged on it);")
        print("cpu      the same for CPU time (user + system), less moved by other load")
    print("target   the ratio at most; 'report': measured, no target")
    print()
    columns = _COUNTED_COLUMNS if counted else _TIMED_COLUMNS
    width = min(LABEL_WIDTH, max(len(_name(case)) for case in cases))
    header = "  ".join(
        [f"{'command':<{width}}", *(f"{title:>{size}}" for title, size, _ in columns), "result"]
    )
    print(header)
    print("-" * len(header))
    for case in cases:
        name = _name(case)
        if len(name) > width:  # a long command line gets a line of its own
            print(name)
            name = ""
        result = "report" if case.target is None else "ok" if case.met else "MISSED"
        figures = (f"{figure(case):>{size}}" for _, size, figure in columns)
        print("  ".join([f"{name:<{width}}", *figures, result]))
    print()
    for case in cases:
        if case.memory_target is not None and not counted:
            print(
                f"peak memory of {case.label}: {case.peak:.1f} MiB "
                f"(target <= {case.memory_target:g} MiB)"
            )
    judged = [case for case in cases if case.target is not None]
    missed = [case for case in judged if not case.met]
    print(f"{len(judged) - len(missed)} of {len(judged)} targets met")
    return missed


def _target(case: Case) -> str:
    return "report" if case.target is None else f"{case.target:.2f}"


# The columns of the table: title, width, and the figure of a case.
_TIMED_COLUMNS: tuple[tuple[str, int, Callable[[Case], str]], ...] = (
    ("ms", 6, lambda case: f"{statistics.median(case.times) * 1000:.1f}"),
    ("base", 6, lambda case: f"{statistics.median(case.base_times) * 1000:.1f}"),
    ("ratio", 5, lambda case: f"{case.ratio:.3f}"),
    ("cpu", 5, lambda case: f"{case.cpu_ratio:.3f}"),
    ("target", 6, _target),
    ("MiB", 5, lambda case: f"{case.peak:.1f}"),
)
_COUNTED_COLUMNS: tuple[tuple[str, int, Callable[[Case], str]], ...] = (
    ("Minstr", 7, lambda case: f"{case.instructions / 1e6:.1f}"),
    ("base", 7, lambda case: f"{case.base_instructions / 1e6:.1f}"),
    ("ratio", 5, lambda case: f"{case.instruction_ratio:.3f}"),
    ("target", 6, _target),
)


def _name(case: Case) -> str:
    """The label, with the baseline named when it is not the hello-world."""
    if case.baseline == "hello":
        return case.label
    return f"{case.label} (vs python -c pass)"
