"""Start-up time and peak memory of ``imuran check <one name> --json``, against Typer.

The same measurement as ``startup.py`` (whose runner and Typer hello-world it reuses):
a minimal Typer hello-world and the check, side by side and interleaved, with the same
interpreter and a realistic profile. The check reads the whole medicine list (every
group, with its names) and builds its lookup on every run.

    python benchmarks/check.py [--runs 31] [--name ciprofloxacin] [--check]

Target (DESIGN.md, every answering command): ratio at most 1.15, peak memory under
40 MiB. ``--check`` exits 1 when a target is missed.
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

sys.path.insert(0, str(Path(__file__).parent))

from startup import HELLO, IMURAN, MEMORY_TARGET_MIB, PROFILE  # noqa: E402

RATIO_TARGET = 1.15


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one run.

    CPU time is reported too because on a busy machine the wall time of a process
    includes the time it waited for a core.
    """
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read() if process.stderr else b""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv} failed: {stderr.decode()}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--name", default="ciprofloxacin", help="the name to check")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    command = ["check", args.name, "--json"]

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "hello.py").write_text(HELLO)
        (root / "imuran_entry.py").write_text(IMURAN)
        profile = root / "profile.toml"
        profile.write_text(PROFILE)
        env = dict(os.environ, IMURAN_PROFILE=str(profile), IMURAN_NOW="2026-11-25T10:00:00")
        # An installed imuran has its bytecode cached, as a user's would; without this,
        # every run would compile imuran's sources again (Typer's are cached already).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        hello = [sys.executable, str(root / "hello.py")]
        imuran = [sys.executable, str(root / "imuran_entry.py"), *command]

        for argv in (hello, imuran):  # warm the OS file cache and .pyc files
            run_once(argv, env)
        hello_times: list[float] = []
        imuran_times: list[float] = []
        hello_cpu: list[float] = []
        imuran_cpu: list[float] = []
        hello_peak = imuran_peak = 0.0
        for _ in range(args.runs):
            seconds, cpu, peak = run_once(hello, env)
            hello_times.append(seconds)
            hello_cpu.append(cpu)
            hello_peak = max(hello_peak, peak)
            seconds, cpu, peak = run_once(imuran, env)
            imuran_times.append(seconds)
            imuran_cpu.append(cpu)
            imuran_peak = max(imuran_peak, peak)

    hello_median = statistics.median(hello_times)
    imuran_median = statistics.median(imuran_times)
    ratio = imuran_median / hello_median
    cpu_ratio = statistics.median(imuran_cpu) / statistics.median(hello_cpu)
    print(f"python        {sys.version.split()[0]} ({sys.executable})")
    print(f"runs          {args.runs} each, interleaved")
    print(f"typer hello   median {hello_median * 1000:7.1f} ms   peak {hello_peak:5.1f} MiB")
    print(
        f"imuran {' '.join(command)}\n"
        f"              median {imuran_median * 1000:7.1f} ms   peak {imuran_peak:5.1f} MiB"
    )
    print(f"ratio         {ratio:.3f} (target <= {RATIO_TARGET})")
    print(f"cpu ratio     {cpu_ratio:.3f} (user + system time, steadier on a busy machine)")
    print(f"peak memory   {imuran_peak:.1f} MiB (target < {MEMORY_TARGET_MIB:g} MiB)")
    missed = ratio > RATIO_TARGET or imuran_peak >= MEMORY_TARGET_MIB
    if args.check and missed:
        print("target missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
