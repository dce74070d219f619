"""Every command has help and is documented in the README; shell completion works."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from imuran_cli.cli import app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def command_paths() -> list[list[str]]:
    root = typer.main.get_command(app)
    ctx = typer.Context(root)
    paths: list[list[str]] = []
    for name in root.list_commands(ctx):  # type: ignore[attr-defined]
        command = root.get_command(ctx, name)  # type: ignore[attr-defined]
        if command.hidden:
            continue
        if hasattr(command, "list_commands"):  # a group: its subcommands are built on demand
            paths.extend([name, child] for child in command.list_commands(ctx))
        else:
            paths.append([name])
    return paths


def test_there_are_commands():
    names = {" ".join(path) for path in command_paths()}
    assert {"dose", "missed", "side-effects", "travel", "sources", "profile show"} <= names


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_has_help_with_an_example(cli, path):
    result = cli(*path, "--help")
    assert result.exit_code == 0
    assert f"Usage: imuran {' '.join(path)}" in result.stdout
    assert "Example" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_is_in_the_readme(path):
    assert f"imuran {' '.join(path)}" in README


def test_readme_quick_start_runs_the_dose_example():
    assert "imuran dose --weight 70" in README


def console_script() -> str | None:
    beside = Path(sys.executable).parent / "imuran"
    return str(beside) if beside.exists() else shutil.which("imuran")


@pytest.mark.skipif(console_script() is None, reason="console script not installed")
def test_shell_completion_completes_commands():
    env = dict(os.environ, _IMURAN_COMPLETE="complete_bash", COMP_WORDS="imuran do", COMP_CWORD="1")
    result = subprocess.run(
        [str(console_script())], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert result.stdout.split() == ["dose"]
