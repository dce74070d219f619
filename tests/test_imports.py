"""Start-up stays light: what each command imports, checked in a real subprocess.

No command prints a table, so no answer imports rich (human text is plain, written by
``render.plain``); ``--json`` runs never load the human views; no command loads sqlite3;
``--version`` is answered before typer is imported. (The test process itself has
everything imported, hence the subprocess.)
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
from imuran_cli.__main__ import main
try:
    main()
except SystemExit:
    pass
sys.__stderr__.write("\\nMODULES=" + json.dumps(sorted(sys.modules)) + "\\n")
"""

JSON_COMMANDS = [
    ["sources", "--json"],
    ["sources", "LEAFLET", "--json"],
    ["dose", "--weight", "70", "--json"],
    ["missed", "--when", "yesterday", "--json"],
    ["side-effects", "sore", "throat", "--json"],
    ["side-effects", "--json"],
    ["travel", "--abroad", "--days", "14", "--daily-mg", "150", "--json"],
    ["profile", "show", "--json"],
    ["profile", "path", "--json"],
    ["profile", "set", "weight", "70", "--json"],
    ["profile", "unset", "weight", "--json"],
    ["profile", "init", "--weight", "70", "--json"],
]
HUMAN_COMMANDS = [[arg for arg in args if arg != "--json"] for args in JSON_COMMANDS] + [
    ["travel", "--days", "14", "--daily-mg", "150", "--format", "markdown"]
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


def ids(args: list[str]) -> str:
    return " ".join(args[:3])


@pytest.mark.parametrize("args", JSON_COMMANDS + HUMAN_COMMANDS, ids=ids)
def test_no_answer_imports_rich(args: list[str]):
    modules = loaded_modules(args)
    assert "imuran_cli.cli" in modules  # the probe really ran imuran
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=ids)
def test_json_runs_never_load_a_human_view(args: list[str]):
    modules = loaded_modules(args)
    assert not {m for m in modules if m.startswith("imuran_cli.render.human")}
    assert "imuran_cli.render.json_out" in modules


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=ids)
def test_no_command_loads_sqlite(args: list[str]):
    assert "sqlite3" not in loaded_modules(args)


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_is_answered_before_typer_is_imported(flag: str):
    modules = loaded_modules([flag])
    assert "imuran_cli" in modules
    assert not {m for m in modules if m.split(".")[0] in {"typer", "click", "rich", "pydantic"}}
    assert "imuran_cli.cli" not in modules


def test_the_probe_sees_what_a_command_loads():
    """Guard against a probe that cannot fail: a human answer loads its view."""
    modules = loaded_modules(["sources"])
    assert {"imuran_cli.render.human.sources", "imuran_cli.render.plain"} <= modules
