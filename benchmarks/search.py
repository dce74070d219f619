"""Time the side-effect search against Python's own start-up time.

Run: python benchmarks/search.py [QUERY] [--runs N]

In-process, median of N runs (default 200) of
  - load: reading and validating side_effects.toml,
  - index: breaking every name, synonym and sign into search terms (what
    `python -m imuran_cli.knowledge --build` does, with the medicine names),
  - compiled index: the index from its compiled module, already imported (what a run
    does, beside importing the module),
  - search: one query on a ready index,
  - total: load + the whole answer on the compiled index (what one
    `imuran side-effects QUERY` run does),
and, by subprocess, the median start-up of `python -c pass`. The search must stay well
under Python's start-up time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from imuran_cli.core.side_effects import build_index, look_up_side_effects, search
from imuran_cli.knowledge.side_effects import load_side_effects
from imuran_cli.knowledge.side_effects_index import load_search_index

TODAY = dt.date(2026, 11, 25)


def median_ms(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def python_startup_ms(runs: int) -> float:
    def start() -> None:
        subprocess.run([sys.executable, "-c", "pass"], check=True)

    start()  # warm the file cache
    return median_ms(start, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("query", nargs="?", default="dark urine")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--startup-runs", type=int, default=30)
    args = parser.parse_args()

    knowledge = load_side_effects()
    index = build_index(knowledge)
    load = median_ms(load_side_effects, args.runs)
    build = median_ms(lambda: build_index(knowledge), args.runs)
    compiled = median_ms(lambda: load_search_index(knowledge), args.runs)
    query = median_ms(lambda: search(index, args.query), args.runs)

    def answer() -> None:
        loaded = load_side_effects()
        look_up_side_effects(loaded, args.query, None, TODAY, index=load_search_index(loaded))

    total = median_ms(answer, args.runs)
    startup = python_startup_ms(args.startup_runs)

    print(f"query: {args.query!r} ({args.runs} runs, median)")
    print(f"  load knowledge      {load:7.2f} ms")
    print(f"  build index         {build:7.2f} ms")
    print(f"  compiled index      {compiled:7.2f} ms")
    print(f"  search              {query:7.3f} ms")
    print(f"  total (load+answer) {total:7.2f} ms")
    print(f"python -c pass        {startup:7.2f} ms ({args.startup_runs} runs, median)")
    print(f"total / startup       {total / startup:7.2f}")


if __name__ == "__main__":
    main()
