"""Shared fixtures: every test runs with its own profile path, a fixed clock and plain output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from imuran_cli.cli import app

FIXED_NOW = "2026-11-25T10:00:00+00:00"

# Property tests check behaviour, not speed: no per-example deadline, so a busy CI
# machine cannot turn a slow example into a failure.
settings.register_profile("imuran", deadline=None, print_blob=True)
settings.load_profile("imuran")


@pytest.fixture(autouse=True, scope="session")
def knowledge_left_unchanged() -> Iterator[None]:
    """After the whole run, the shared knowledge data (``read_data`` hands every caller the
    same dict) still says what its TOML file says: a test that changed it without copying
    it first errors here instead of failing later tests at random."""
    yield
    import tomllib

    from imuran_cli.knowledge._build import same
    from imuran_cli.knowledge._check import FILES
    from imuran_cli.knowledge._files import DATA_DIR, read_data

    changed = [
        name
        for name in FILES
        if not same(read_data(name), tomllib.loads((DATA_DIR / name).read_text("utf-8")))
    ]
    assert not changed, f"a test changed the shared knowledge data of {changed}: copy it first"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point IMURAN_PROFILE and IMURAN_JOURNAL at a temp folder; fix the clock; plain
    60-column output."""
    profile = tmp_path / "config" / "profile.toml"
    monkeypatch.setenv("IMURAN_PROFILE", str(profile))
    monkeypatch.setenv("IMURAN_JOURNAL", str(tmp_path / "data" / "journal.sqlite3"))
    monkeypatch.setenv("IMURAN_NOW", FIXED_NOW)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.delenv("IMURAN_DEBUG", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    yield profile


@pytest.fixture
def profile_path(isolated: Path) -> Path:
    return isolated


@pytest.fixture
def journal_path(isolated: Path) -> Path:
    """The journal file the autouse fixture points IMURAN_JOURNAL at (not created)."""
    return isolated.parent.parent / "data" / "journal.sqlite3"


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def cli() -> Callable[..., Outcome]:
    """Run imuran in-process through Typer's CliRunner; stdout and stderr kept apart."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Outcome:
        result = runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)
        return Outcome(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def write_profile(profile_path: Path) -> Callable[[str], Path]:
    """Write TOML text as the profile in use."""

    def write(text: str) -> Path:
        profile_path.parent.mkdir(parents=True, exist_ok=True)
        profile_path.write_text(text, encoding="utf-8")
        return profile_path

    return write


def run_subprocess(
    *args: str, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m imuran_cli`` for real, with the test's environment."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "imuran_cli", *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=input,
        timeout=60,
        check=False,
    )
