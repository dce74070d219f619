"""Start-up stays light: ``--json`` runs never import rich, commands that do not use the
journal never load sqlite3, and only ``labs chart`` loads plotext.

Checked in a real subprocess, since the test process itself has everything imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, sys
sys.argv = ["imuran", *json.loads(sys.argv[1])]
from imuran_cli.cli import main
try:
    main()
except SystemExit:
    pass
sys.__stderr__.write("\\nMODULES=" + json.dumps(sorted(sys.modules)) + "\\n")
"""

JSON_COMMANDS = [
    ["sources", "--json"],
    ["dose", "--weight", "70", "--json"],
    ["missed", "--when", "yesterday", "--json"],
    ["side-effects", "sore", "throat", "--json"],
    ["travel", "--abroad", "--days", "14", "--daily-mg", "150", "--json"],
    ["profile", "show", "--json"],
    ["profile", "path", "--json"],
    ["profile", "set", "weight", "70", "--json"],
    ["profile", "unset", "weight", "--json"],
    ["profile", "init", "--weight", "70", "--json"],
]


# Commands that read or write the journal (sqlite3 is theirs to load).
JOURNAL_COMMANDS = [
    ["labs", "add", "--wbc", "5", "--json"],
    ["labs", "list", "--json"],
    ["labs", "due", "--json"],
    ["labs", "chart", "wbc", "--json"],
    ["labs", "remove", "2026-11-20", "--json"],
]


def loaded_modules(args: list[str]) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        env=dict(os.environ),  # the autouse fixture points IMURAN_PROFILE at a temp file
        timeout=60,
        check=False,
    )
    marker = result.stderr.rsplit("MODULES=", 1)
    assert len(marker) == 2, result.stderr
    return set(json.loads(marker[1]))


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_json_runs_do_not_import_rich(args: list[str]):
    modules = loaded_modules(args)
    assert "imuran_cli.cli" in modules  # the probe really ran imuran
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_no_command_loads_sqlite(args: list[str]):
    assert "sqlite3" not in loaded_modules(args)


def test_the_probe_sees_rich_when_a_human_answer_is_printed():
    """Guard against a probe that cannot fail: human output does load rich."""
    assert "rich.console" in loaded_modules(["sources"])


def _plotext(modules: set[str]) -> set[str]:
    return {m for m in modules if m == "plotext" or m.startswith("plotext.")}


@pytest.mark.parametrize("args", JOURNAL_COMMANDS, ids=lambda a: " ".join(a[:3]))
def test_journal_json_runs_do_not_import_rich_or_plotext(args: list[str]):
    modules = loaded_modules(args)
    assert "imuran_cli.cli.labs" in modules
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}
    assert not _plotext(modules)


@pytest.mark.parametrize("args", [*JSON_COMMANDS, ["profile", "show"], ["sources"]])
def test_no_other_command_loads_plotext(args: list[str]):
    assert not _plotext(loaded_modules(args))


def test_human_labs_answers_are_plain_text_without_rich_or_plotext():
    for args in (["labs", "list"], ["labs", "due"]):
        modules = loaded_modules(args)
        assert not {m for m in modules if m == "rich" or m.startswith("rich.")}
        assert not _plotext(modules)


def test_the_chart_loads_plotext():
    """Guard against a plotext check that cannot fail: the chart itself does load it."""
    subprocess.run(
        [sys.executable, "-m", "imuran_cli", "labs", "add", "--wbc", "5"],
        env=dict(os.environ),
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert "plotext" in loaded_modules(["labs", "chart", "wbc"])


@pytest.mark.parametrize(
    "args", [["labs", "list", "--json"], ["labs", "due", "--json"], ["labs", "chart", "wbc"]]
)
def test_reading_labs_without_a_journal_does_not_load_sqlite(args: list[str]):
    modules = loaded_modules(args)
    assert "imuran_cli.cli.labs" in modules
    assert "sqlite3" not in modules
