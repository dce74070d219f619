"""Real runs of ``python -m imuran_cli``: the installed entry point, exit codes, no tracebacks."""

from __future__ import annotations

import pytest

from imuran_cli import __version__
from tests.conftest import run_subprocess


def test_help_runs_for_real():
    result = run_subprocess("--help")
    assert result.returncode == 0
    assert "Usage: imuran" in result.stdout


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_for_real(flag: str):
    result = run_subprocess(flag)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"imuran {__version__}\n", "")


def test_version_after_a_global_option_goes_through_typer():
    result = run_subprocess("--profile", "/nonexistent/profile.toml", "-V")
    assert (result.returncode, result.stdout) == (0, f"imuran {__version__}\n")


def test_usage_error_for_real_has_no_traceback():
    result = run_subprocess("sources", "--nope")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: No such option: --nope\n")


def test_bad_clock_for_real_has_no_traceback():
    result = run_subprocess("sources", "--json", env={"IMURAN_NOW": "soon"})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr == ""
    assert '"code": "invalid_now"' in result.stdout


def test_debug_shows_the_traceback():
    result = run_subprocess("sources", env={"IMURAN_NOW": "soon", "IMURAN_DEBUG": "1"})
    assert result.returncode != 0
    assert "Traceback" in result.stderr
