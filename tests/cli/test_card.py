"""`imuran card` end to end: golden files for every format, --output, errors."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tests.conftest import run_subprocess
from tests.golden.golden import PROFILE, check_golden
from tests.html_check import assert_self_contained


@pytest.mark.parametrize(
    ("fmt", "golden"), [("text", "card.txt"), ("markdown", "card.md"), ("html", "card.html")]
)
def test_golden_card(cli, write_profile, fmt, golden):
    write_profile(PROFILE)
    result = cli("card", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    check_golden(golden, result.stdout.encode("utf-8"))


def test_default_format_is_text(cli, write_profile):
    write_profile(PROFILE)
    assert cli("card").stdout == cli("card", "--format", "text").stdout


def test_html_output_file(cli, write_profile, tmp_path: Path):
    write_profile(PROFILE)
    target = tmp_path / "card.html"
    result = cli("card", "--format", "html", "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == f"Wrote the card to {target}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert_self_contained(target.read_text(encoding="utf-8"))


def test_no_profile(cli):
    result = cli("card")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: there is no profile")
    assert "hint: create one: imuran profile init" in result.stderr


def test_unknown_format_is_a_usage_error(cli, write_profile):
    write_profile(PROFILE)
    result = cli("card", "--format", "pdf")
    assert result.exit_code == 2
    assert result.stderr.startswith("error:")


def test_real_process(write_profile):
    write_profile(PROFILE)
    result = run_subprocess("card", "--format", "markdown")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stdout.startswith("# Medical card")


def test_a_dose_from_the_mg_per_kg_target(cli, write_profile):
    write_profile("schema_version = 2\n[weight]\nvalue = 60\n[prescription]\nmg_per_kg = 2\n")
    result = cli("card")
    assert result.exit_code == 0
    assert "I take azathioprine (Imuran), 125 mg a day (at 08:00)." in " ".join(
        result.stdout.split()
    )
