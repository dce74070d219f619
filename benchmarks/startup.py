"""Start-up time and peak memory of a typical ``imuran --json`` command, against Typer.

Runs, side by side in one process and with the same interpreter, a minimal Typer
hello-world and ``imuran dose --weight 70 --json`` (with a realistic profile), interleaved
so that machine noise hits both alike. Prints the median wall time of each, their ratio
and the peak resident memory of the imuran runs.

    python benchmarks/startup.py [--runs 31] [--check]

Targets (DESIGN.md): ratio at most 1.15, peak memory under 40 MiB. ``--check`` exits 1
when a target is missed.
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

RATIO_TARGET = 1.15
MEMORY_TARGET_MIB = 40.0

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

COMMAND = ["dose", "--weight", "70", "--json"]


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one run of ``argv``."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read() if process.stderr else b""
    if process.returncode != 0:
        raise SystemExit(f"{argv} failed ({process.returncode}): {stderr.decode()}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "hello.py").write_text(HELLO)
        (root / "imuran_entry.py").write_text(IMURAN)
        profile = root / "profile.toml"
        profile.write_text(PROFILE)
        env = dict(os.environ, IMURAN_PROFILE=str(profile), IMURAN_NOW="2026-11-25T10:00:00")
        hello = [sys.executable, str(root / "hello.py")]
        imuran = [sys.executable, str(root / "imuran_entry.py"), *COMMAND]

        for argv in (hello, imuran):  # warm the OS file cache and .pyc files
            run_once(argv, env)
        hello_times: list[float] = []
        imuran_times: list[float] = []
        imuran_peak = 0.0
        hello_peak = 0.0
        for _ in range(args.runs):
            seconds, peak = run_once(hello, env)
            hello_times.append(seconds)
            hello_peak = max(hello_peak, peak)
            seconds, peak = run_once(imuran, env)
            imuran_times.append(seconds)
            imuran_peak = max(imuran_peak, peak)

    hello_median = statistics.median(hello_times)
    imuran_median = statistics.median(imuran_times)
    ratio = imuran_median / hello_median
    print(f"python        {sys.version.split()[0]} ({sys.executable})")
    print(f"runs          {args.runs} each, interleaved")
    print(f"typer hello   median {hello_median * 1000:7.1f} ms   peak {hello_peak:5.1f} MiB")
    print(
        f"imuran {' '.join(COMMAND)}\n"
        f"              median {imuran_median * 1000:7.1f} ms   peak {imuran_peak:5.1f} MiB"
    )
    print(f"ratio         {ratio:.3f} (target <= {RATIO_TARGET})")
    print(f"peak memory   {imuran_peak:.1f} MiB (target < {MEMORY_TARGET_MIB:g} MiB)")
    missed = ratio > RATIO_TARGET or imuran_peak >= MEMORY_TARGET_MIB
    if args.check and missed:
        print("target missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
