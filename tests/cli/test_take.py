"""`imuran take`, `imuran skip` and `imuran undo`: text, the JSON contract, refusals."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_subprocess

SPLIT = """\
schema_version = 2
[prescription]
daily_mg = 150
schedule = "split"
started_on = 2026-03-01
"""

ONCE = """\
schema_version = 2
[prescription]
daily_mg = 150
"""

RECORDED = {"date", "dose", "status", "mg", "recorded_at", "note"}
DAY = {"date", "daily_mg", "taken_mg", "doses"}


def rows(
    journal_path: Path,
    sql: str = "SELECT date, dose, status, mg FROM doses WHERE replaced_by IS NULL",
) -> list[Any]:
    with sqlite3.connect(journal_path) as connection:
        found = connection.execute(sql + " ORDER BY entry_id").fetchall()
    connection.close()
    return found


def assert_fits(text: str) -> None:
    assert all(len(line) <= 60 for line in text.splitlines()), text


# ---------------------------------------------------------------- take


def test_take_records_the_first_dose_of_today(cli, write_profile, journal_path):
    write_profile(SPLIT)
    result = cli("take")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "✓ Taken: the morning dose of 2026-11-25, 75 mg.",
        "  morning  ✓ taken    75 mg",
        "  later    · due      75 mg",
        "Taken that day: 75 of your 150 mg.",
    ]
    assert rows(journal_path) == [("2026-11-25", "morning", "taken", 75.0)]
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(journal_path.parent.stat().st_mode) == 0o700


def test_take_json_contract(cli, write_profile):
    write_profile(SPLIT)
    cli("take")
    result = cli("take", "--note", "with breakfast", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    document = result.json()
    assert {"recorded", "day"} <= set(document)
    assert set(document["recorded"]) == RECORDED
    assert document["recorded"] == {
        "date": "2026-11-25",
        "dose": "later",
        "status": "taken",
        "mg": 75,
        "recorded_at": "2026-11-25T10:00:00+00:00",
        "note": "with breakfast",
    }
    assert set(document["day"]) == DAY
    assert document["day"] == {
        "date": "2026-11-25",
        "daily_mg": 150,
        "taken_mg": 150,
        "doses": [
            {"dose": "morning", "status": "taken", "mg": 75},
            {"dose": "later", "status": "taken", "mg": 75},
        ],
    }


def test_recorded_at_follows_imuran_now_with_its_offset(cli, write_profile):
    write_profile(ONCE)
    result = cli("take", "--json", env={"IMURAN_NOW": "2026-11-25T08:15:00+01:00"})
    assert result.json()["recorded"]["recorded_at"] == "2026-11-25T08:15:00+01:00"


def test_taking_a_dose_twice_is_refused_and_nothing_is_written(cli, write_profile, journal_path):
    write_profile(ONCE)
    cli("take")
    before = journal_path.read_bytes()
    result = cli("take")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "taking it again would double the dose" in " ".join(result.stderr.split())
    assert result.stderr.startswith("error: ") and "\nhint: " in result.stderr
    assert journal_path.read_bytes() == before
    document = cli("take", "--json").json()
    assert document["error"]["code"] == "already_recorded"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--dose", "later"], "no_later_dose"),
        (["--date", "tomorrow"], "invalid_date"),
        (["--date", "2026-11-26"], "future_date"),
        (["--mg", "30"], "invalid_mg"),
        (["--mg", "0"], "invalid_mg"),
        (["--mg", "200"], "above_daily_dose"),
        (["--dose", "noon"], "invalid_dose"),
    ],
)
def test_bad_input_is_exit_2_and_creates_no_journal(cli, write_profile, journal_path, args, code):
    write_profile(ONCE)
    result = cli("take", *args, "--json")
    assert result.exit_code == 2
    assert result.json()["error"]["code"] == code
    assert not journal_path.exists()


def test_before_the_start_date_is_refused(cli, write_profile, journal_path):
    write_profile(SPLIT)
    result = cli("take", "--date", "2026-02-28", "--json")
    assert (result.exit_code, result.json()["error"]["code"]) == (2, "before_start")


def test_without_a_prescribed_dose_mg_is_needed(cli, journal_path):
    result = cli("take")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: your profile has no prescribed dose")
    assert "--mg" in result.stderr
    assert cli("take", "--json").json()["error"]["code"] == "no_prescribed_dose"
    assert not journal_path.exists()
    recorded = cli("take", "--mg", "100", "--json").json()
    assert (recorded["recorded"]["mg"], recorded["day"]["daily_mg"]) == (100, None)


def test_any_past_day_may_be_recorded(cli, write_profile):
    write_profile(ONCE)
    result = cli("take", "--date", "400 days ago", "--json")
    assert result.json()["recorded"]["date"] == "2025-10-21"


# ---------------------------------------------------------------- skip and --replace


def test_skip_then_replace_with_taken_and_back(cli, write_profile, journal_path):
    write_profile(ONCE)
    result = cli("skip", "--date", "yesterday", "--reason", "felt sick")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        "– Skipped: the dose of 2026-11-24.",
        "Reason: felt sick",
    ]
    refused = cli("take", "--date", "yesterday", "--json")
    assert refused.json()["error"]["code"] == "already_recorded"
    assert "--replace" in refused.json()["error"]["hint"]
    replaced = cli("take", "--date", "yesterday", "--replace", "--json").json()
    assert (replaced["recorded"]["status"], replaced["replaced"]) == ("taken", "skipped")
    assert rows(journal_path) == [("2026-11-24", "morning", "taken", 150.0)]
    back = cli("skip", "--date", "yesterday", "--replace", "--json").json()
    assert back["recorded"]["status"] == "skipped"
    assert back["day"]["taken_mg"] == 0
    # Never a second taken record: --replace on a taken dose is still refused.
    cli("take", "--date", "yesterday", "--replace")
    again = cli("take", "--date", "yesterday", "--replace", "--json")
    assert again.json()["error"]["code"] == "already_recorded"


def test_skip_json_contract(cli, write_profile):
    write_profile(SPLIT)
    document = cli("skip", "--json").json()
    assert set(document["recorded"]) == RECORDED
    assert document["recorded"]["status"] == "skipped"
    assert document["day"]["doses"][0] == {"dose": "morning", "status": "skipped", "mg": 75}
    assert document["day"]["taken_mg"] == 0


# ---------------------------------------------------------------- undo


def test_undo_on_no_journal_is_refused_and_creates_nothing(cli, journal_path):
    result = cli("undo")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: the journal")
    assert "holds no record to undo" in " ".join(result.stderr.split())
    assert cli("undo", "--json").json()["error"]["code"] == "empty_journal"
    assert not journal_path.parent.exists()


def test_undo_removes_the_most_recent_record(cli, write_profile, journal_path):
    write_profile(ONCE)
    cli("take", "--date", "yesterday")
    cli("take")
    result = cli("undo")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "Removed: the morning dose of 2026-11-25 (taken, 150 mg).\n"
    assert rows(journal_path) == [("2026-11-24", "morning", "taken", 150.0)]
    document = cli("undo", "--json").json()
    assert document["removed"]["kind"] == "dose"
    assert document["removed"]["date"] == "2026-11-24"
    assert document["removed"]["record"]["status"] == "taken"
    assert document["restored"] is None
    empty = cli("undo", "--json")
    assert (empty.exit_code, empty.json()["error"]["code"]) == (2, "empty_journal")


def test_undo_of_a_replacement_brings_the_skipped_record_back(cli, write_profile, journal_path):
    write_profile(ONCE)
    cli("skip")
    cli("take", "--replace")
    result = cli("undo")
    assert result.stdout.splitlines() == [
        "Removed: the morning dose of 2026-11-25 (taken, 150 mg).",
        "Back again: the morning dose of 2026-11-25 (skipped, 150",
        "mg).",
    ]
    assert rows(journal_path) == [("2026-11-25", "morning", "skipped", 150.0)]


def test_take_in_a_real_process(write_profile, journal_path):
    write_profile(ONCE)
    done = run_subprocess("take", "--json")
    assert done.returncode == 0, done.stderr
    twice = run_subprocess("take")
    assert twice.returncode == 2
    assert "Traceback" not in twice.stderr
    assert_fits(twice.stderr)
