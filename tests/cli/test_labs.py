"""`imuran labs ...` end to end: recording, flags and trends, chart, due, JSON contracts."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_subprocess

ANSI = re.compile(r"\x1b\[")

# Three falling WBC results ending under the NHS SPS limit (today is 2026-11-25).
SERIES = [
    ("2026-08-01", ["--wbc", "5.2", "--platelets", "250"]),
    ("2026-09-10", ["--wbc", "4.6", "--hemoglobin", "135g/L"]),
    ("2026-10-20", ["--wbc", "4.0"]),
    ("2026-11-20", ["--wbc", "3.4", "--neutrophils", "1.8", "--note", "after a cold"]),
]


def record_series(cli) -> None:
    for day, values in SERIES:
        assert cli("labs", "add", "--date", day, *values).exit_code == 0


def fits(text: str, width: int = 60) -> bool:
    return all(len(line) <= width for line in text.splitlines())


# ---------------------------------------------------------------- labs add


def test_add_records_a_test_and_converts_grams_per_litre(cli, journal_path: Path):
    result = cli(
        "labs", "add", "--date", "2026-11-20", "--wbc", "5.1", "--hemoglobin", "135g/L", "--json"
    )
    assert result.exit_code == 0, result.stdout
    assert result.stderr == ""
    document = result.json()
    assert document["recorded"] == {
        "date": "2026-11-20",
        "values": {"wbc": 5.1, "hemoglobin": 13.5},
        "flags": [],
        "note": None,
    }
    assert document["merged"] is False and document["replaced"] == []
    assert journal_path.exists()
    assert oct(journal_path.stat().st_mode & 0o777) == "0o600"


def test_add_without_values_records_that_blood_was_taken(cli):
    result = cli("labs", "add")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Blood test of 2026-11-25 recorded."
    listed = cli("labs", "list", "--json").json()
    assert listed["tests"] == [{"date": "2026-11-25", "values": {}, "flags": [], "note": None}]


def test_add_flags_urgent_with_the_action_of_the_guidance(cli):
    result = cli("labs", "add", "--wbc", "3.1", "--alt", "120")
    assert result.exit_code == 0
    out = result.stdout
    assert "  WBC  3.1 x10^9/L  URGENT" in out
    assert "URGENT: WBC 3.1 x10^9/L is below 3.5, the NHS SPS limit." in out
    assert "URGENT: ALT 120 U/L is above 100, the NHS SPS limit." in out
    flat = " ".join(out.split())
    assert "not to take the next dose until you have spoken to your specialist team" in flat
    assert "This is what the guidance says, not a prescription" in flat
    assert "Sources: SPS-MP (see: imuran sources)" in out
    assert out.rstrip().endswith("Your neurologist's instructions come first.")
    assert fits(out)


def test_a_second_add_on_the_same_day_merges_and_says_what_it_replaced(cli):
    cli("labs", "add", "--date", "2026-11-20", "--wbc", "5.1", "--alt", "30", "--note", "a")
    result = cli("labs", "add", "--date", "2026-11-20", "--wbc", "4.9", "--mcv", "90")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Blood test of 2026-11-20 updated."
    assert "Replaced WBC 5.1 with 4.9 x10^9/L." in result.stdout
    document = cli(
        "labs", "add", "--date", "2026-11-20", "--wbc", "4.8", "--note", "b", "--json"
    ).json()
    assert document["merged"] is True
    assert document["replaced"] == [{"test": "wbc", "old": 4.9, "new": 4.8}]
    assert document["note_replaced"] is True
    assert document["recorded"]["values"] == {"wbc": 4.8, "mcv": 90, "alt": 30}
    assert len(cli("labs", "list", "--json").json()["tests"]) == 1


@pytest.mark.parametrize(
    ("args", "code", "first_line"),
    [
        (
            ["--wbc", "600"],
            "lab_value_out_of_range",
            "error: --wbc 600 is outside the plausible range 0 to 500",
        ),
        (
            ["--wbc", "-1"],
            "lab_value_out_of_range",
            "error: --wbc -1 is outside the plausible range 0 to 500",
        ),
        (["--platelets", "many"], "invalid_lab_value", "error: --platelets many is not a number"),
        (
            ["--hemoglobin", "400g/L"],
            "lab_value_out_of_range",
            "error: --hemoglobin 400 g/L is outside the plausible range",
        ),
        (["--date", "2026-12-01"], "future_date", "error: --date 2026-12-01 is in the future"),
        (["--date", "someday"], "invalid_date", "error: --date 'someday' is not a day imuran"),
    ],
)
def test_bad_input_is_exit_2_and_writes_nothing(cli, journal_path: Path, args, code, first_line):
    result = cli("labs", "add", "--wbc", "5", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(first_line)
    assert "hint: " in result.stderr
    assert not journal_path.exists()
    document = cli("labs", "add", "--wbc", "5", *args, "--json")
    assert document.exit_code == 2
    assert document.json()["error"]["code"] == code


def test_a_test_may_be_dated_before_the_start(cli, write_profile):
    write_profile("schema_version = 2\n[prescription]\nstarted_on = 2026-11-01\n")
    assert cli("labs", "add", "--date", "2026-10-25", "--wbc", "6").exit_code == 0


# ---------------------------------------------------------------- labs remove


def test_remove_deletes_the_test_of_a_day(cli):
    cli("labs", "add", "--date", "2026-11-20", "--wbc", "5.1")
    cli("labs", "add", "--date", "2026-11-21", "--wbc", "5.0")
    result = cli("labs", "remove", "2026-11-20")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Removed the blood test of 2026-11-20:",
        "  WBC  5.1 x10^9/L",
    ]
    assert [t["date"] for t in cli("labs", "list", "--json").json()["tests"]] == ["2026-11-21"]
    cli("labs", "add", "--date", "yesterday", "--alt", "20")
    document = cli("labs", "remove", "yesterday", "--json").json()
    assert document == {
        "removed": {"date": "2026-11-24", "values": {"alt": 20}, "flags": [], "note": None}
    }


def test_remove_without_a_test_is_exit_2(cli, journal_path: Path):
    result = cli("labs", "remove", "2026-11-20", "--json")
    assert result.exit_code == 2
    assert result.json()["error"]["code"] == "no_lab_test"
    assert not journal_path.exists()


# ---------------------------------------------------------------- labs list


def test_list_json_contract(cli, write_profile):
    write_profile("schema_version = 2\n[prescription]\n[monitoring.lab_limits]\nalt_high = 30\n")
    record_series(cli)
    cli("labs", "add", "--date", "2026-11-20", "--alt", "35")
    result = cli("labs", "list", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    document = result.json()
    assert list(document) >= ["tests", "trends"]
    assert [t["date"] for t in document["tests"]] == [
        "2026-11-20",
        "2026-10-20",
        "2026-09-10",
        "2026-08-01",
    ]
    latest = document["tests"][0]
    assert set(latest) >= {"date", "values", "flags", "note"}
    assert latest["values"] == {"wbc": 3.4, "neutrophils": 1.8, "alt": 35}
    assert latest["note"] == "after a cold"
    wbc, neutrophils, alt = latest["flags"]
    assert {
        key: wbc[key]
        for key in ("test", "value", "limit", "direction", "limit_source", "severity", "source")
    } == {
        "test": "wbc",
        "value": 3.4,
        "limit": 3.5,
        "direction": "low",
        "limit_source": "default",
        "severity": "urgent",
        "source": "SPS-MP",
    }
    assert wbc["message"] == "WBC 3.4 x10^9/L is below 3.5, the NHS SPS limit"
    assert neutrophils["test"] == "neutrophils"
    assert (alt["direction"], alt["limit"], alt["limit_source"]) == ("high", 30, "profile")
    (trend,) = document["trends"]
    assert set(trend) >= {"test", "dates", "severity", "message", "source"}
    assert trend["test"] == "wbc" and trend["severity"] == "caution"
    assert trend["dates"] == ["2026-08-01", "2026-09-10", "2026-10-20", "2026-11-20"]
    assert trend["source"] == "PCN"


def test_list_human(cli):
    record_series(cli)
    out = cli("labs", "list").stdout
    lines = out.splitlines()
    assert lines[:3] == [
        "2026-11-20",
        "  WBC          3.4 x10^9/L  URGENT",
        "  Neutrophils  1.8 x10^9/L  URGENT",
    ]
    assert "  Note: after a cold" in lines
    assert "CAUTION: WBC fell at each of the last 4 tests (2026-08-01 to" in out
    assert lines.index("2026-10-20") < lines.index("2026-09-10") < lines.index("2026-08-01")
    assert "  Hb   13.5 g/dL" in lines
    assert fits(out)
    assert not ANSI.search(out)


def test_list_of_nothing(cli, journal_path: Path):
    result = cli("labs", "list")
    assert result.exit_code == 0
    assert result.stdout.startswith("No blood tests recorded yet.")
    assert cli("labs", "list", "--json").json() == {"tests": [], "trends": [], "sources": []}
    assert not journal_path.exists()  # reading creates nothing


def test_list_csv(cli):
    record_series(cli)
    result = cli("labs", "list", "--csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == [
        "date",
        "wbc",
        "neutrophils",
        "lymphocytes",
        "platelets",
        "hemoglobin",
        "mcv",
        "alt",
        "ast",
        "alp",
        "lipase",
        "note",
        "flags",
    ]
    assert rows[1] == [
        "2026-11-20",
        "3.4",
        "1.8",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "after a cold",
        "wbc:low neutrophils:low",
    ]
    assert rows[3][5] == "13.5"
    assert len(rows) == 5
    # RFC 4180 line ends, seen in the bytes of a real run
    real = subprocess.run(
        [sys.executable, "-m", "imuran_cli", "labs", "list", "--csv"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert real.returncode == 0 and real.stderr == b""
    assert real.stdout.count(b"\r\n") == 5


def test_csv_and_json_together_are_refused(cli):
    result = cli("labs", "list", "--csv", "--json")
    assert result.exit_code == 2


# ---------------------------------------------------------------- labs chart


def test_chart_at_60_columns_without_colour(cli):
    record_series(cli)
    result = cli("labs", "chart", "wbc")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert not ANSI.search(out)
    assert fits(out)
    lines = out.splitlines()
    assert lines[0] == "WBC (x10^9/L): 4 results, 2026-08-01 to 2026-11-20"
    assert out.count("●") >= 4 + 1  # the four results and the key
    assert "┈" in out  # the limit is drawn
    assert "┈┈ limit 3.5: a result below it is URGENT (the NHS SPS" in out
    # the x axis names the first and the last day
    assert any("2026-08-01" in line and "2026-11-20" in line for line in lines[1:])
    assert "CAUTION: WBC fell" in out
    assert max(len(line) for line in lines if "┤" in line or "│" in line) == 60


def test_chart_honours_a_narrower_terminal(cli):
    record_series(cli)
    out = cli("labs", "chart", "wbc", env={"COLUMNS": "48"}).stdout
    assert fits(out, 48)


def test_chart_json(cli, write_profile):
    write_profile("schema_version = 2\n[prescription]\n[monitoring.lab_limits]\nwbc_low = 4.0\n")
    record_series(cli)
    document = cli("labs", "chart", "WBC", "--json").json()
    assert document["test"] == "wbc" and document["unit"] == "x10^9/L"
    assert document["points"][0] == {"date": "2026-08-01", "value": 5.2}
    assert document["limits"] == [
        {"value": 4.0, "direction": "low", "limit_source": "profile", "source": "SPS-MP"}
    ]


def test_chart_of_a_test_without_results_or_limit(cli):
    record_series(cli)
    out = cli("labs", "chart", "lipase").stdout
    assert out.startswith("No Lipase results recorded yet.")
    out = cli("labs", "chart", "hemoglobin").stdout
    assert "No limit is set for Hb." in out and fits(out)


def test_chart_of_an_unknown_test(cli):
    result = cli("labs", "chart", "glucose")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown blood test glucose")


def test_chart_in_a_real_process_has_no_colour_when_piped():
    result = run_subprocess("labs", "add", "--wbc", "5")
    assert result.returncode == 0
    env = {"NO_COLOR": ""}
    result = run_subprocess("labs", "chart", "wbc", env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert not ANSI.search(result.stdout)


# ---------------------------------------------------------------- labs due


def test_due_json_contract_leaflet(cli, write_profile):
    write_profile("schema_version = 2\n[prescription]\nstarted_on = 2026-01-10\n")
    cli("labs", "add", "--date", "2026-10-01", "--wbc", "5")
    document = cli("labs", "due", "--json").json()
    assert {
        key: document[key]
        for key in ("last_test", "rule", "due_from", "due_by", "status", "days_overdue", "source")
    } == {
        "last_test": "2026-10-01",
        "rule": "leaflet",
        "due_from": "2026-10-29",
        "due_by": "2026-11-12",
        "status": "overdue",
        "days_overdue": 13,
        "source": "LEAFLET",
    }


def test_due_early_treatment(cli, write_profile):
    write_profile("schema_version = 2\n[prescription]\nstarted_on = 2026-11-01\n")
    cli("labs", "add", "--date", "2026-11-20", "--wbc", "5")
    document = cli("labs", "due", "--json").json()
    assert (document["rule"], document["due_from"], document["due_by"], document["status"]) == (
        "early-treatment",
        "2026-11-27",
        "2026-11-27",
        "not-due",
    )
    assert document["source"] == "MPR"
    out = cli("labs", "due").stdout
    assert out.startswith("Next blood test: 2026-11-27 (in 2 days).")
    assert "Rule: the US label's closer schedule" in out
    assert "Clinics set their own schedules" in " ".join(out.split())
    assert fits(out)


def test_due_clinic_interval_wins(cli, write_profile):
    write_profile(
        "schema_version = 2\n[prescription]\nstarted_on = 2026-11-01\n"
        "[monitoring]\nlab_interval_weeks = 2\n"
    )
    cli("labs", "add", "--date", "2026-11-11", "--wbc", "5")
    document = cli("labs", "due", "--json").json()
    assert (document["rule"], document["due_from"], document["due_by"], document["status"]) == (
        "profile",
        "2026-11-25",
        "2026-11-25",
        "due",
    )
    assert "every 2 weeks" in " ".join(cli("labs", "due").stdout.split())


def test_due_without_a_test_and_after_stopping(cli, write_profile, journal_path: Path):
    document = cli("labs", "due", "--json").json()
    assert (document["status"], document["last_test"], document["due_from"]) == (
        "no-test-recorded",
        None,
        None,
    )
    assert not journal_path.exists()
    write_profile(
        "schema_version = 2\n[prescription]\nstarted_on = 2026-01-01\nstopped_on = 2026-11-01\n"
    )
    document = cli("labs", "due", "--json").json()
    assert (document["status"], document["rule"]) == ("not-on-treatment", None)
    assert cli("labs", "due").stdout.startswith("No blood test is due")


# ---------------------------------------------------------------- profile lab-limit


def test_profile_lab_limit_set_show_unset(cli, profile_path: Path):
    result = cli("profile", "set", "lab-limit", "wbc-low", "4.0", "--json")
    assert result.exit_code == 0, result.stderr
    document = result.json()
    assert (document["key"], document["value"]) == ("lab-limit wbc-low", 4)
    assert document["profile"]["monitoring"]["lab_limits"] == {"wbc_low": 4}
    assert cli("profile", "set", "lab-limit", "hemoglobin-low", "110g/L").exit_code == 0
    shown = cli("profile", "show").stdout
    assert "lab-limit wbc-low         4" in shown
    assert "lab-limit hemoglobin-low  11" in shown
    # the clinic's limit wins over the default
    cli("labs", "add", "--wbc", "3.9")
    flag = cli("labs", "list", "--json").json()["tests"][0]["flags"][0]
    assert (flag["limit"], flag["limit_source"]) == (4, "profile")
    assert "your clinic's limit" in flag["message"]
    result = cli("profile", "unset", "lab-limit", "wbc-low")
    assert result.exit_code == 0
    assert "wbc_low" not in profile_path.read_text()
    assert cli("labs", "list", "--json").json()["tests"][0]["flags"] == []


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["set", "lab-limit", "wbc-low"], "missing_value"),
        (["set", "lab-limit", "glucose-low", "4"], "unknown_key"),
        (["set", "lab-limit", "wbc-low", "4000"], "lab_value_out_of_range"),
        (["set", "weight", "70", "80"], "usage"),
        (["unset", "lab-limit"], "missing_value"),
    ],
)
def test_profile_lab_limit_errors(cli, profile_path: Path, args, code):
    result = cli("profile", *args, "--json")
    assert result.exit_code == 2
    assert result.json()["error"]["code"] == code
    assert not profile_path.exists()


def test_real_runs_fail_cleanly():
    result = run_subprocess("labs", "add", "--wbc", "600")
    assert result.returncode == 2
    assert result.stderr.startswith("error: --wbc 600 is outside the plausible range")
    assert "Traceback" not in result.stderr
    result = run_subprocess("labs", "due")
    assert result.returncode == 0 and "Traceback" not in result.stderr


# ---------------------------------------------------------------- undo


def test_undo_takes_back_the_last_labs_add(cli):
    cli("labs", "add", "--date", "2026-11-20", "--wbc", "5.1", "--alt", "30")
    cli("labs", "add", "--date", "2026-11-20", "--wbc", "4.9")
    result = cli("undo")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Removed: the blood test of 2026-11-20 (wbc 4.9, alt 30).",
        "Back again: the blood test of 2026-11-20 (wbc 5.1, alt 30).",
    ]
    listed = cli("labs", "list", "--json").json()["tests"]
    assert [t["values"] for t in listed] == [{"wbc": 5.1, "alt": 30}]
    document = cli("undo", "--json").json()
    assert document["removed"]["kind"] == "labs"
    assert document["removed"]["record"]["values"] == {"wbc": 5.1, "alt": 30}
    assert document["restored"] is None
    assert cli("labs", "list", "--json").json()["tests"] == []
