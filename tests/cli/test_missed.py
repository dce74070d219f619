"""`imuran missed`: human text, the JSON contract, the clock and every rejected input."""

from __future__ import annotations

import pytest

from tests.conftest import run_subprocess

ONCE = """\
schema_version = 2
[prescription]
daily_mg = 150
"""

SPLIT = """\
schema_version = 2
[prescription]
daily_mg = 150
schedule = "split"
"""

CONTRACT = {
    "today",
    "missed_on",
    "dose",
    "decision",
    "double_dose",
    "take_now",
    "next_dose",
    "advice",
    "sources",
}

SOURCES_LINES = [
    "Sources: LEAFLET, MYAWARE, TCDS (see: imuran sources).",
    "Guidance differs: TCDS says take a late dose unless the next",
    "one is near; this follows the leaflet.",
    "Your neurologist's instructions come first.",
]


def assert_fits(text: str) -> None:
    lines = text.splitlines()
    assert lines
    assert all(len(line) <= 60 for line in lines), [line for line in lines if len(line) > 60]
    assert all(line == line.rstrip() for line in lines)


# ---------------------------------------------------------------- human text


def test_skip_without_profile(cli):
    result = cli("missed", "--when", "yesterday")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "Skip it. Take your next dose tomorrow morning as usual.",
        "It was due on an earlier day: the leaflet says skip it.",
        "Missed: the dose of 2026-11-24.",
        "Next dose: tomorrow morning (08:00).",
        "Never double up: no more than your usual daily dose in one",
        "day.",
        *SOURCES_LINES,
    ]
    assert_fits(result.stdout)


def test_skip_days_ago_with_profile_tells_the_neurologist(cli, write_profile):
    write_profile(ONCE)
    result = cli("missed", "--when", "3 days ago")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "Skip it. Take your next dose tomorrow morning as usual.",
        "It was due on an earlier day: the leaflet says skip it.",
        "Missed: the dose of 2026-11-22.",
        "Next dose: tomorrow morning (08:00), 150 mg (3 tablets).",
        "Never double up: no more than your usual 150 mg in one day.",
        "If you missed more than one dose, tell your neurologist.",
        *SOURCES_LINES,
    ]
    assert_fits(result.stdout)


def test_take_today_split_morning(cli, write_profile):
    write_profile(SPLIT)
    result = cli("missed", "--when", "this-morning")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "Take the missed dose today, as soon as you remember.",
        "It was due today: the leaflet says take it later today.",
        "Missed: the morning dose of 2026-11-25.",
        "Take now: 75 mg (1½ tablets).",
        "Next dose: later today (20:00), 75 mg (1½ tablets).",
        "It may go with your later dose today, but the day's total",
        "stays your usual 150 mg.",
        "Never double up: no more than your usual 150 mg in one day.",
        *SOURCES_LINES,
    ]
    assert_fits(result.stdout)


def test_take_today_once_daily(cli, write_profile):
    write_profile(ONCE)
    result = cli("missed", "--when", "today")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Take the missed dose today, as soon as you remember."
    assert "Take now: 150 mg (3 tablets)." in lines
    assert "Next dose: tomorrow morning (08:00), 150 mg (3 tablets)." in lines
    assert not any("later dose" in line for line in lines)
    assert_fits(result.stdout)


def test_late_dose_has_a_caution_line_and_late_in_json(cli, write_profile, monkeypatch):
    write_profile(ONCE)
    monkeypatch.setenv("IMURAN_NOW", "2026-11-25T23:50:00+00:00")
    result = cli("missed", "--when", "this-morning")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "Take the missed dose today, as soon as you remember."
    assert "Take now: 150 mg (3 tablets)." in lines
    assert any(line.startswith("CAUTION: It is late") for line in lines)
    text = " ".join(result.stdout.split())
    assert "CAUTION: It is late: check with your clinic whether to take it now or skip it." in (
        text
    )
    assert_fits(result.stdout)
    document = cli("missed", "--when", "this-morning", "--json").json()
    assert (document["decision"], document["late"]) == ("take-today", True)
    assert document["cautions"][0]["source"] == "TCDS"
    monkeypatch.setenv("IMURAN_NOW", "2026-11-25T12:00:00+00:00")
    early = cli("missed", "--when", "this-morning", "--json").json()
    assert (early["late"], early["cautions"]) == (False, [])


def test_last_night_split_skips_to_the_later_dose_today(cli, write_profile):
    write_profile(SPLIT)
    result = cli("missed", "--when", "last-night")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Skip it. Take your next dose later today as usual.",
        "It was due on an earlier day: the leaflet says skip it.",
        "Missed: the later dose of 2026-11-24.",
        "Next dose: later today (20:00), 75 mg (1½ tablets).",
    ]


# ---------------------------------------------------------------- JSON contract


def test_json_contract_skip(cli, write_profile):
    write_profile(ONCE)
    result = cli("missed", "--when", "yesterday", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    document = result.json()
    assert set(document) >= CONTRACT
    assert {key: document[key] for key in CONTRACT - {"advice"}} == {
        "today": "2026-11-25",
        "missed_on": "2026-11-24",
        "dose": "morning",
        "decision": "skip",
        "double_dose": False,
        "take_now": None,
        "next_dose": {"date": "2026-11-26", "time": "morning", "mg": 150, "tablets": 3.0},
        "sources": ["LEAFLET", "MYAWARE", "TCDS"],
    }
    assert document["advice"] == [
        {"text": "It was due on an earlier day: the leaflet says skip it.", "source": "LEAFLET"},
        {
            "text": "Never double up: no more than your usual 150 mg in one day.",
            "source": "MYAWARE",
        },
    ]
    assert '"mg": 150,' in result.stdout and '"tablets": 3.0' in result.stdout


def test_json_contract_take_today(cli, write_profile):
    write_profile(SPLIT)
    document = cli("missed", "--when", "today", "--json").json()
    assert document["decision"] == "take-today"
    assert document["double_dose"] is False
    assert document["take_now"] == {"mg": 75, "tablets": 1.5}
    assert document["next_dose"] == {
        "date": "2026-11-25",
        "time": "later",
        "mg": 75,
        "tablets": 1.5,
    }
    assert [item["source"] for item in document["advice"]] == ["LEAFLET", "MYAWARE", "MYAWARE"]


def test_json_without_profile_has_no_amounts(cli):
    document = cli("missed", "--when", "today", "--json").json()
    assert (document["decision"], document["take_now"], document["next_dose"]) == (
        "take-today",
        None,
        None,
    )
    assert document["next_regular"] == {"date": "2026-11-26", "time": "morning", "at": "08:00"}


# ---------------------------------------------------------------- every WHEN form and the clock


@pytest.mark.parametrize(
    ("when", "now", "today", "missed_on", "decision"),
    [
        ("today", "2026-11-25T10:00:00+00:00", "2026-11-25", "2026-11-25", "take-today"),
        ("Today", "2026-11-25T10:00:00+00:00", "2026-11-25", "2026-11-25", "take-today"),
        ("this-morning", "2026-11-25T10:00:00+00:00", "2026-11-25", "2026-11-25", "take-today"),
        ("yesterday", "2026-11-25T10:00:00+00:00", "2026-11-25", "2026-11-24", "skip"),
        ("last-night", "2026-11-25T10:00:00+00:00", "2026-11-25", "2026-11-24", "skip"),
        ("1 day ago", "2026-11-25T10:00:00+00:00", "2026-11-25", "2026-11-24", "skip"),
        ("3 days ago", "2026-11-25T10:00:00+00:00", "2026-11-25", "2026-11-22", "skip"),
        ("3D", "2026-11-25T10:00:00+00:00", "2026-11-25", "2026-11-22", "skip"),
        ("60d", "2026-11-25T10:00:00+00:00", "2026-11-25", "2026-09-26", "skip"),
        ("2026-11-25", "2026-11-25T10:00:00+00:00", "2026-11-25", "2026-11-25", "take-today"),
        ("2026-11-20", "2026-11-25T10:00:00+00:00", "2026-11-25", "2026-11-20", "skip"),
        # across midnight
        ("today", "2026-11-25T23:59:00+00:00", "2026-11-25", "2026-11-25", "take-today"),
        ("today", "2026-11-26T00:01:00+00:00", "2026-11-26", "2026-11-26", "take-today"),
        ("2026-11-25", "2026-11-26T00:01:00+00:00", "2026-11-26", "2026-11-25", "skip"),
        ("yesterday", "2026-11-26T00:01:00+00:00", "2026-11-26", "2026-11-25", "skip"),
        # month and year boundaries
        ("yesterday", "2026-12-01T09:00:00+00:00", "2026-12-01", "2026-11-30", "skip"),
        ("1d", "2026-03-01T09:00:00+00:00", "2026-03-01", "2026-02-28", "skip"),
        ("last-night", "2027-01-01T09:00:00+00:00", "2027-01-01", "2026-12-31", "skip"),
        ("5 days ago", "2027-01-02T09:00:00+00:00", "2027-01-02", "2026-12-28", "skip"),
        # IMURAN_NOW's own offset decides the day, not UTC
        ("today", "2026-01-01T00:30:00+02:00", "2026-01-01", "2026-01-01", "take-today"),
        ("yesterday", "2026-01-01T00:30:00+02:00", "2026-01-01", "2025-12-31", "skip"),
        ("today", "2025-12-31T23:30:00-05:00", "2025-12-31", "2025-12-31", "take-today"),
        ("today", "2026-01-01T00:30:00Z", "2026-01-01", "2026-01-01", "take-today"),
    ],
)
def test_when_forms_and_clock(cli, when, now, today, missed_on, decision):
    result = cli("missed", "--when", when, "--json", env={"IMURAN_NOW": now})
    assert (result.exit_code, result.stderr) == (0, ""), result.stdout
    document = result.json()
    assert (document["today"], document["missed_on"], document["decision"]) == (
        today,
        missed_on,
        decision,
    )
    assert document["double_dose"] is False


def test_next_dose_uses_the_local_time_of_imuran_now(cli, write_profile):
    """08:30 at +02:00 is 06:30 UTC: the morning dose (08:00 local) is already past."""
    write_profile(SPLIT)
    result = cli(
        "missed", "--when", "yesterday", "--json", env={"IMURAN_NOW": "2026-11-25T08:30:00+02:00"}
    )
    assert result.json()["next_dose"] == {
        "date": "2026-11-25",
        "time": "later",
        "mg": 75,
        "tablets": 1.5,
    }


def test_profile_dose_times(cli, write_profile):
    write_profile(SPLIT + '[dose_times]\nmorning = "07:15"\nlater = "19:30"\n')
    result = cli("missed", "--when", "2d", env={"IMURAN_NOW": "2026-11-25T20:00:00+00:00"})
    assert result.exit_code == 0
    assert "Next dose: tomorrow morning (07:15), 75 mg (1½ tablets)." in result.stdout.splitlines()


@pytest.mark.parametrize(
    ("args", "profile", "dose"),
    [
        (["--when", "today", "--dose", "later"], SPLIT, "later"),
        (["--when", "yesterday", "--dose", "LATER"], SPLIT, "later"),
        (["--when", "yesterday", "--dose", "morning"], SPLIT, "morning"),
        (["--when", "last-night"], SPLIT, "later"),
        (["--when", "last-night"], ONCE, "morning"),
        (["--when", "last-night"], None, "morning"),
    ],
)
def test_dose_option(cli, write_profile, args, profile, dose):
    if profile:
        write_profile(profile)
    result = cli("missed", *args, "--json")
    assert result.exit_code == 0, result.stdout
    assert result.json()["dose"] == dose


# ---------------------------------------------------------------- rejected input


@pytest.mark.parametrize(
    ("args", "profile", "code", "message"),
    [
        (["--when", "tomorrow"], None, "invalid_when", "error: --when 'tomorrow' is not a day"),
        (["--when", "last week"], None, "invalid_when", "error: --when 'last week' is not a day"),
        (["--when", "0d"], None, "invalid_when", "error: --when '0d' is outside 1 to 60"),
        (["--when", "2026-02-30"], None, "invalid_when", "error: --when '2026-02-30' is not a"),
        (["--when", "61 days ago"], None, "too_long_ago", "error: --when '61 days ago' is 61"),
        (["--when", "2026-09-25"], None, "too_long_ago", "error: --when '2026-09-25' is 61"),
        (["--when", "2026-11-26"], None, "future_date", "error: --when 2026-11-26 is in the"),
        (["--when", "today", "--dose", "later"], None, "no_later_dose", "error: --dose later"),
        (["--when", "today", "--dose", "later"], ONCE, "no_later_dose", "error: --dose later"),
        (["--when", "this-morning", "--dose", "later"], SPLIT, "conflicting_dose", "error: --when"),
        (["--when", "last-night", "--dose", "morning"], SPLIT, "conflicting_dose", "error: --when"),
        (["--when", "today", "--dose", "noon"], SPLIT, "invalid_dose", "error: --dose 'noon'"),
        (
            ["--when", "2026-11-01"],
            ONCE + "started_on = 2026-11-10\n",
            "before_start",
            "error: --when 2026-11-01 is before your treatment started",
        ),
        (
            ["--when", "yesterday"],
            ONCE + "started_on = 2026-01-10\nstopped_on = 2026-11-01\n",
            "treatment_stopped",
            "error: your profile says azathioprine was stopped",
        ),
    ],
)
def test_rejected(cli, write_profile, args, profile, code, message):
    if profile:
        write_profile(profile)
    result = cli("missed", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert "\nhint: " in result.stderr
    assert_fits(result.stderr)
    as_json = cli("missed", *args, "--json")
    assert (as_json.exit_code, as_json.stderr) == (2, "")
    assert as_json.json()["error"]["code"] == code


def test_unknown_when_hint_lists_the_forms(cli):
    result = cli("missed", "--when", "soon")
    hint = " ".join(result.stderr.split("hint:", 1)[1].split())
    assert hint == (
        'use today, this-morning, yesterday, last-night, "N days ago", Nd or YYYY-MM-DD '
        "(N from 1 to 60)"
    )


@pytest.mark.parametrize("when", ["70d", "2026-01-01"])
def test_too_long_ago_is_a_question_for_the_neurologist(cli, when):
    result = cli("missed", "--when", when, "--json")
    assert result.exit_code == 2
    assert "neurologist" in result.json()["error"]["hint"]


def test_before_start_is_a_question_for_the_neurologist(cli, write_profile):
    write_profile(ONCE + "started_on = 2026-11-10\n")
    assert cli("missed", "--when", "2026-11-10").exit_code == 0
    result = cli("missed", "--when", "20d", "--json")
    assert result.exit_code == 2
    assert "neurologist" in result.json()["error"]["hint"]


def test_when_is_required(cli):
    result = cli("missed")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: Missing option '--when'")


def test_help_fits_and_has_an_example(cli):
    result = cli("missed", "--help")
    assert result.exit_code == 0
    assert "imuran missed --when yesterday" in result.stdout
    assert all(len(line) <= 60 for line in result.stdout.splitlines())


# ---------------------------------------------------------------- real runs


def test_real_run_answers(tmp_path):
    result = run_subprocess("missed", "--when", "2 days ago")
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.startswith("Skip it. Take your next dose tomorrow morning as usual.\n")


def test_real_run_rejects_without_traceback():
    result = run_subprocess("missed", "--when", "next week")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: --when 'next week' is not a day imuran understands")
