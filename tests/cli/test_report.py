"""`imuran report` end to end: golden files for every format, --since, --output, errors."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from imuran_cli.knowledge.exports import load_exports
from imuran_cli.render.report_fhir import render_report_fhir
from imuran_cli.render.report_html import render_report_html
from imuran_cli.render.report_markdown import render_report_markdown
from tests import report_fixture as fx
from tests.conftest import run_subprocess
from tests.golden.golden import PROFILE, check_golden, seed_journal
from tests.html_check import assert_self_contained

FORMATS = [("html", "report.html"), ("markdown", "report.md"), ("fhir", "report.json")]


@pytest.mark.parametrize(("fmt", "golden"), FORMATS)
def test_golden_report(cli, write_profile, fmt, golden):
    write_profile(PROFILE)
    seed_journal(cli)
    result = cli("report", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data = result.stdout
    if fmt == "fhir":
        # Resource ids come from the profile's path (a temp folder here): compare without.
        document = json.loads(data)
        Bundle.model_validate(document)
        data = _without_ids(data, document)
    check_golden(golden, data.encode("utf-8"))


def _without_ids(text: str, document: dict[str, Any]) -> str:
    ids = [document["id"]] + [entry["resource"]["id"] for entry in document["entry"]]
    for number, value in enumerate(ids):
        text = text.replace(value, f"id-{number}")
    return text


@pytest.mark.parametrize(
    ("render", "golden"),
    [
        (lambda r: render_report_html(r, fx.LABS), "report-full.html"),
        (lambda r: render_report_markdown(r, fx.LABS), "report-full.md"),
        (lambda r: render_report_fhir(r, fx.LABS, load_exports().fhir), "report-full.json"),
    ],
    ids=["html", "markdown", "fhir"],
)
def test_golden_full_report(render, golden):
    """Every section filled: six months of doses, scores and blood tests (a fixed journal)."""
    check_golden(golden, render(fx.full_report()).encode("utf-8"))


def test_default_format_is_html_and_self_contained(cli, write_profile):
    write_profile(PROFILE)
    result = cli("report")
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert_self_contained(result.stdout)
    assert "Period: 2026-05-25 to 2026-11-25" in result.stdout


@pytest.mark.parametrize(
    ("since", "period"),
    [
        ("2026-01-01", "2026-01-01 to 2026-11-25"),
        ("30 days ago", "2026-10-26 to 2026-11-25"),
        ("today", "2026-11-25 to 2026-11-25"),
    ],
)
def test_since(cli, write_profile, since, period):
    write_profile(PROFILE)
    result = cli("report", "--since", since, "--format", "markdown")
    assert result.exit_code == 0
    assert f"Period: {period}" in result.stdout


@pytest.mark.parametrize(
    ("since", "message"),
    [
        ("2026-11-26", "--since 2026-11-26 is in the future"),
        ("soon", "--since 'soon' is not a day"),
    ],
)
def test_bad_since(cli, write_profile, since, message):
    write_profile(PROFILE)
    result = cli("report", "--since", since)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr and "hint:" in result.stderr


def test_no_profile(cli):
    result = cli("report")
    assert result.exit_code == 2
    assert "there is no profile" in result.stderr


def test_fhir_ids_are_the_same_on_every_run(cli, write_profile):
    write_profile(PROFILE)
    first = json.loads(cli("report", "--format", "fhir").stdout)
    again = json.loads(
        cli("report", "--format", "fhir", env={"IMURAN_NOW": "2026-11-26T09:00:00+00:00"}).stdout
    )
    ids = [e["resource"]["id"] for e in first["entry"]]
    assert ids == [e["resource"]["id"] for e in again["entry"]]


def test_output_file(cli, write_profile, tmp_path: Path):
    write_profile(PROFILE)
    target = tmp_path / "report.md"
    result = cli("report", "--format", "markdown", "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == f"Wrote the report to {target}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert (
        target.read_text(encoding="utf-8").rstrip().endswith("This report is not medical advice.")
    )


def test_real_process(write_profile):
    write_profile(PROFILE)
    result = run_subprocess("report", "--format", "fhir")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["resourceType"] == "Bundle"


def test_fhir_from_the_golden_journal(cli, write_profile):
    write_profile(PROFILE)
    seed_journal(cli)
    document = json.loads(cli("report", "--format", "fhir").stdout)
    Bundle.model_validate(document)
    kinds = [entry["resource"]["resourceType"] for entry in document["entry"]]
    # 48 doses in November: 3 missing, 1 skipped, 44 taken.
    assert kinds.count("MedicationAdministration") == 44
    observations = [
        e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == "Observation"
    ]
    surveys = [o for o in observations if o["category"][0]["coding"][0]["code"] == "survey"]
    assert [o["valueInteger"] for o in surveys] == [9, 7, 6, 4]
    assert len(observations) - len(surveys) == 4 * 5  # four tests of five values
    assert kinds[-1] == "Provenance"


def test_since_cuts_the_journal(cli, write_profile):
    write_profile(PROFILE)
    seed_journal(cli)
    text = cli("report", "--since", "2026-10-01", "--format", "markdown").stdout
    assert "| 2026-06-01 | 9 |" not in text and "| 2026-10-05 | 6 |" in text
    assert (
        "Change from 2026-10-05 (6) to 2026-11-20 (4): -2 points, a meaningful improvement" in text
    )
    assert "| 2026-09-01 |" not in text and "| 2026-10-14 | 3.3 URGENT low |" in text
