"""The start-up benchmarks run, and ``startup.py`` covers every command a person runs.

No timings are judged here (speed is the benchmarks' report): the scripts must answer
with their table and exit 0, and the case list must not forget a command.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import typer
import typer.main

from imuran_cli.cli import COMMANDS, app

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def run_script(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def table(stdout: str) -> dict[str, list[str]]:
    """The rows of the printed table: command -> the figures after it."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("command ")) + 2
    rows: dict[str, list[str]] = {}
    for line in lines[start:]:
        if not line:
            break
        label, _, figures = line.partition("  ")
        rows[label.strip()] = figures.split()
    return rows


@pytest.fixture
def startup(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("startup")


def test_startup_benchmark_prints_its_table() -> None:
    done = run_script("startup.py", "--runs", "1", "--only", "profile path")

    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    rows = table(done.stdout)
    assert list(rows) == ["profile path", "profile path --json"]
    for figures in rows.values():  # ms, base, ratio, cpu, target, MiB, result
        assert figures[4] == "1.15"
        assert figures[6] in ("ok", "MISSED")
    assert "of 2 targets met" in done.stdout
    # The seeded journal is described: a year of it.
    assert "journal  7" in done.stdout and "MG-ADL scores" in done.stdout
    assert max(len(line) for line in done.stdout.splitlines()) <= 100


def test_journal_benchmark_restores_the_journal_after_each_take() -> None:
    # journal.py fails (an assertion) when the 10-year journal does not read back as
    # seeded: a dose recorded by a timed take and not undone would count.
    done = run_script("journal.py", "--runs", "2", "--only", "take")

    assert done.returncode == 0, done.stderr
    assert list(table(done.stdout)) == ["take --json"]


def test_an_unknown_only_is_refused() -> None:
    done = run_script("startup.py", "--runs", "1", "--only", "no such command")

    assert done.returncode == 1
    assert "no command contains 'no such command'" in done.stderr


def command_lines() -> list[list[str]]:
    """Every command and subcommand a person can run (hidden aliases left out); a group
    alone where it answers (``stock``), not where it prints its help (``labs``)."""
    lines: list[list[str]] = []
    for name, spec in COMMANDS.items():
        if spec.hidden:
            continue
        target = getattr(importlib.import_module(spec.module), spec.attribute)
        if isinstance(target, typer.Typer):
            group = typer.main.get_group(target)
            lines += [[name, sub] for sub in group.commands]
            if any(param.name == "json_output" for param in group.params):
                lines.append([name])
        else:
            lines.append([name])
    return lines


def test_command_lines_finds_groups_and_their_subcommands() -> None:
    lines = command_lines()

    assert ["dose"] in lines and ["labs", "chart"] in lines and ["stock"] in lines
    assert ["labs"] not in lines  # it prints its help
    assert ["symptoms"] not in lines  # a hidden alias of side-effects


def test_startup_benchmark_measures_every_command(startup: ModuleType) -> None:
    measured = [case.args for case in startup.cases()]
    for line in command_lines():
        assert any(args[: len(line)] == line for args in measured), line
        # Human and --json, where the command has --json.
        command = typer.main.get_command(app)
        for part in line:
            command = command.get_command(None, part)  # type: ignore[attr-defined]
        if any(param.name == "json_output" for param in command.params):
            assert any(args[: len(line)] == line and "--json" in args for args in measured)
            assert any(args[: len(line)] == line and "--json" not in args for args in measured)
    assert [] in measured  # imuran alone (it shows the status)
    assert ["--version"] in measured


def test_startup_benchmark_labels_are_unique_and_fit(startup: ModuleType) -> None:
    labels = [case.label for case in startup.cases()]

    assert len(set(labels)) == len(labels)
    assert max(len(label) for label in labels) <= 100


def test_collected_reads_callgrinds_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    harness = importlib.import_module("_harness")

    report = "==4750== Events    : Ir\n==4750== Collected : 651888972\n==4750==\n"
    assert harness.collected(report) == 651888972
    assert harness.collected("valgrind: command not found") is None


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_instruction_counts_are_a_table_of_ratios() -> None:
    done = run_script("startup.py", "--instructions", "--only=--version")

    assert done.returncode == 0, done.stderr
    rows = table(done.stdout)
    assert list(rows) == ["--version (vs python -c pass)"]
    count, base, ratio, target, result = rows["--version (vs python -c pass)"]
    assert float(count) > float(base) > 0  # millions of instructions
    assert float(ratio) == pytest.approx(float(count) / float(base), rel=0.01)  # rounded
    assert (target, result) == ("3.00", "ok" if float(ratio) <= 3 else "MISSED")
    assert "1 of 1 targets met" in done.stdout or "0 of 1 targets met" in done.stdout
