"""`imuran history`: the lines, the JSON contract, the CSV, the ranges."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from imuran_cli.core.doses import DoseStatus, regimen_of
from imuran_cli.core.history import build_history
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.render.human.history import history_document, write_history_json

SPLIT = """\
schema_version = 2
[prescription]
daily_mg = 150
schedule = "split"
started_on = 2026-11-21
"""


@pytest.fixture
def journal(cli, write_profile):
    write_profile(SPLIT)
    cli("take", "--date", "2026-11-22", "--dose", "morning", "--note", 'with "tea", 8am')
    cli("skip", "--date", "2026-11-22", "--dose", "later", "--reason", "sick")
    cli("take", "--date", "yesterday", "--dose", "morning")
    cli("take")


def test_history_without_a_journal_expects_doses_and_creates_nothing(
    cli, write_profile, journal_path
):
    write_profile(SPLIT)
    result = cli("history", "--days", "2")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "2026-11-25  morning · due  later · due",
        "2026-11-24  morning ✗ missing  later ✗ missing",
        "",
        "Adherence: 0% (0 of 2 doses taken; 0 skipped, 2 missing).",
    ]
    assert not journal_path.parent.exists()


def test_history_lines_newest_first(cli, journal):
    result = cli("history", "--days", "6")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "2026-11-25  morning ✓ taken  later · due",
        "2026-11-24  morning ✓ taken  later ✗ missing",
        "2026-11-23  morning ✗ missing  later ✗ missing",
        "2026-11-22  morning ✓ taken  later – skipped",
        "2026-11-21  morning ✗ missing  later ✗ missing",
        "2026-11-20  no dose expected",
        "",
        "Adherence: 33.3% (3 of 9 doses taken; 1 skipped, 5 missing).",
    ]


def test_history_json_contract(cli, journal):
    result = cli("history", "--from", "2026-11-20", "--to", "2026-11-22", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.json() == {
        "from": "2026-11-20",
        "to": "2026-11-22",
        "days": [
            {"date": "2026-11-20", "doses": []},
            {
                "date": "2026-11-21",
                "doses": [
                    {"dose": "morning", "status": "missing", "mg": 75},
                    {"dose": "later", "status": "missing", "mg": 75},
                ],
            },
            {
                "date": "2026-11-22",
                "doses": [
                    {"dose": "morning", "status": "taken", "mg": 75},
                    {"dose": "later", "status": "skipped", "mg": 75},
                ],
            },
        ],
        "adherence": {"expected": 4, "taken": 1, "skipped": 1, "missing": 2, "percent": 25.0},
    }


def test_the_default_is_the_last_30_days(cli, journal):
    document = cli("history", "--json").json()
    assert (document["from"], document["to"]) == ("2026-10-27", "2026-11-25")
    assert len(document["days"]) == 30


def test_csv_is_rfc_4180_with_every_dose_in_range(cli, journal):
    result = cli("history", "--from", "2026-11-22", "--to", "2026-11-23", "--csv")
    assert (result.exit_code, result.stderr) == (0, "")
    assert list(csv.reader(io.StringIO(result.stdout, newline=""))) == [
        ["date", "dose", "status", "mg", "recorded_at", "note"],
        ["2026-11-22", "morning", "taken", "75", "2026-11-25T10:00:00+00:00", 'with "tea", 8am'],
        ["2026-11-22", "later", "skipped", "75", "2026-11-25T10:00:00+00:00", "sick"],
        ["2026-11-23", "morning", "missing", "75", "", ""],
        ["2026-11-23", "later", "missing", "75", "", ""],
    ]
    assert '"with ""tea"", 8am"' in result.stdout  # quotes doubled, as RFC 4180 wants


def test_csv_lines_end_with_crlf(journal):
    # CliRunner (and text mode) turn CRLF into LF: a real process's bytes show it.
    done = subprocess.run(
        [sys.executable, "-m", "imuran_cli", "history", "--days", "2", "--csv"],
        capture_output=True,
        env=dict(os.environ),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = done.stdout
    assert data.startswith(b"date,dose,status,mg,recorded_at,note\r\n")
    assert data.count(b"\r\n") == 5 and data.count(b"\n") == 5


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--days", "0"], "days_out_of_range"),
        (["--days", "3661"], "days_out_of_range"),
        (["--days", "3", "--from", "yesterday"], "conflicting_options"),
        (["--to", "yesterday"], "missing_option"),
        (["--from", "tomorrow"], "invalid_date"),
        (["--from", "2026-11-26"], "future_date"),
        (["--from", "2026-11-24", "--to", "2026-11-20"], "dates_reversed"),
    ],
)
def test_bad_ranges_are_exit_2(cli, args, code):
    result = cli("history", *args, "--json")
    assert result.exit_code == 2
    assert result.json()["error"]["code"] == code


def test_csv_and_json_together_is_exit_2(cli):
    result = cli("history", "--csv", "--json")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --csv cannot be combined with --json")


def test_every_line_fits_60_columns(cli, journal):
    result = cli("history", "--days", "60")
    assert all(len(line) <= 60 for line in result.stdout.splitlines())


def test_the_fast_json_writer_writes_the_document():
    import datetime as dt

    from imuran_cli.core.profile import parse_profile

    limits = load_limits()
    profile = parse_profile(
        {"schema_version": 2, "prescription": {"daily_mg": 125, "schedule": "split"}},
        limits,
        dt.date(2026, 11, 25),
    )
    regimen = regimen_of(profile, limits, 3)
    statuses: dict[tuple[str, str], tuple[DoseStatus, float | None]] = {
        ("2026-11-24", "morning"): ("taken", 75),
        ("2026-11-23", "later"): ("skipped", None),
    }
    result = build_history(
        statuses, dt.date(2026, 11, 20), dt.date(2026, 11, 25), regimen, dt.date(2026, 11, 25), 1
    )
    out = io.StringIO()
    write_history_json(result, out)
    assert out.getvalue().endswith("\n") and out.getvalue().count("\n") == 1
    assert json.loads(out.getvalue()) == history_document(result)
