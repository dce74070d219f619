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
models = []
if "pydantic" in sys.modules:
    from pydantic import BaseModel
    for name, module in list(sys.modules.items()):
        if name.startswith("imuran_cli."):
            models += [
                f"{name}.{attr}" for attr, value in vars(module).items()
                if isinstance(value, type) and issubclass(value, BaseModel)
                and value.__module__ == name
            ]
sys.__stderr__.write("\\nMODELS=" + json.dumps(sorted(models)) + "\\n")
loader = sys.modules.get("pydantic.plugin._loader")
scanned = loader is not None and loader._plugins is not None
sys.__stderr__.write("\\nPLUGINS_SCANNED=" + json.dumps(scanned) + "\\n")
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


_PROBED: dict[tuple[str, ...], str] = {}


def probe(args: list[str]) -> str:
    """stderr of one real run of ``imuran ARGS`` (each command line is run once per session:
    what it imports does not depend on the test's temporary profile)."""
    if tuple(args) not in _PROBED:
        _PROBED[tuple(args)] = _run_probe(args)
    return _PROBED[tuple(args)]


def _run_probe(args: list[str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        env=dict(os.environ),  # the autouse fixture points IMURAN_PROFILE at a temp file
        timeout=60,
        check=False,
    )
    assert "MODULES=" in result.stderr, result.stderr
    return result.stderr


def loaded_modules(args: list[str]) -> set[str]:
    return set(json.loads(probe(args).rsplit("MODULES=", 1)[1]))


def pydantic_models(args: list[str]) -> set[str]:
    """The pydantic models of imuran's own modules that the run defined."""
    text = probe(args).rsplit("MODELS=", 1)[1].split("\n", 1)[0]
    return set(json.loads(text))


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


# pydantic at the edges only: the profile (and, until it is replaced, the medicines module).
EDGES = ("imuran_cli.core.profile.", "imuran_cli.knowledge.medicines.")


@pytest.mark.parametrize("args", JSON_COMMANDS + HUMAN_COMMANDS, ids=ids)
def test_pydantic_models_only_at_the_edges(args: list[str]):
    models = pydantic_models(args)
    assert not {model for model in models if not model.startswith(EDGES)}


def test_the_probe_sees_pydantic_models():
    """Guard: a run that reads the profile defines the profile's models."""
    assert "imuran_cli.core.profile.Profile" in pydantic_models(["profile", "show", "--json"])


def test_pydantic_plugins_are_off():
    """No pydantic plugin may watch the profile being validated (and none is scanned for)."""
    text = probe(["profile", "show", "--json"])
    assert "imuran_cli.core.profile.Profile" in pydantic_models(["profile", "show", "--json"])
    assert "PLUGINS_SCANNED=false" in text
