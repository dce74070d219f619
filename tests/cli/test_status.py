"""`imuran status` and `imuran` alone: sections, hints for missing data, the JSON contract,
60 columns without colour."""

from __future__ import annotations

import pytest

from tests.conftest import run_subprocess

BARE = """\
schema_version = 2
[prescription]
"""

FULL = """\
schema_version = 2
[prescription]
daily_mg = 150
schedule = "split"
started_on = 2026-03-01
[person]
pregnancy_relevant = true
"""

STOPPED = """\
schema_version = 2
[prescription]
daily_mg = 150
started_on = 2026-03-01
stopped_on = 2026-08-31
[person]
pregnancy_relevant = true
"""

TOP = {
    "today",
    "doses",
    "treatment",
    "improvement",
    "blood_tests",
    "pregnancy",
    "alerts",
    "sources",
}
TREATMENT = {"started_on", "stopped_on", "on_treatment", "day", "week", "month"}
IMPROVEMENT = {"phase", "window_from", "window_to", "adl"}
TAIL = ["Your neurologist's instructions come first."]


def assert_fits(text: str) -> None:
    lines = text.splitlines()
    assert lines
    assert all(len(line) <= 60 for line in lines), [line for line in lines if len(line) > 60]
    assert all(line == line.rstrip() for line in lines)
    assert "\x1b" not in text


# ---------------------------------------------------------------- human text


def test_no_profile_says_what_fills_each_section(cli):
    result = cli("status")
    assert (result.exit_code, result.stderr) == (0, "")
    needs = "  Needs a profile: imuran profile init creates one"
    assert result.stdout.splitlines() == [
        "Status on 2026-11-25",
        "",
        "Today",
        needs,
        "",
        "Treatment",
        needs,
        "",
        "Is it working?",
        needs,
        "",
        "Blood tests",
        needs,
        "",
        "Alerts",
        "  None today.",
        "",
        *TAIL,
    ]


def test_a_bare_profile(cli, write_profile):
    write_profile(BARE)
    result = cli("status")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Status on 2026-11-25",
        "",
        "Today",
        "  No journal yet: imuran take records a dose taken",
        "",
        "Treatment",
        "  No start date: imuran profile set started-on YYYY-MM-DD",
        "",
        "Is it working?",
        "  No start date: imuran profile set started-on YYYY-MM-DD",
        "",
        "Blood tests",
        "  No blood test recorded yet: imuran labs add records one.",
        "",
        "Alerts",
        "  None today.",
        "",
        *TAIL,
    ]


def test_a_full_profile(cli, write_profile):
    write_profile(FULL)
    result = cli("status")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Status on 2026-11-25",
        "",
        "Today",
        "  No journal yet: imuran take records a dose taken",
        "",
        "Treatment",
        "  On azathioprine since 2026-03-01.",
        "  Day 270, week 39, month 9.",
        "",
        "Is it working?",
        "  Window: 2026-06-01 to 2027-03-01.",
        "  You are in the window, 3 to 12 months in, when improvement",
        "  is expected to show. [LEAFLET]",
        "  No MG-ADL score yet: imuran adl add records one",
        "",
        "Blood tests",
        "  No blood test recorded yet: imuran labs add records one.",
        "",
        "Pregnancy",
        "  Avoid pregnancy while taking Imuran and for 4 to 6 months",
        "  after stopping. More: imuran pregnancy [LEAFLET]",
        "",
        "Alerts",
        "  None today.",
        "",
        "Sources: LEAFLET (see: imuran sources)",
        *TAIL,
    ]


def test_stopped(cli, write_profile):
    write_profile(STOPPED)
    result = cli("status")
    assert result.exit_code == 0
    text = result.stdout
    assert "  No doses: treatment stopped on 2026-08-31." in text
    assert "  Stopped on 2026-08-31 (started 2026-03-01)." in text
    assert "gains in strength usually go on for a few" in text
    assert "Window:" not in text  # the window no longer matters
    assert "  No further blood tests due: treatment stopped. [LEAFLET]" in text
    assert "Avoid pregnancy until 2027-02-28, 6 months after stopping" in text
    assert_fits(text)


@pytest.mark.parametrize("profile", [None, BARE, FULL, STOPPED])
def test_the_screen_fits_60_columns_without_colour(cli, write_profile, profile):
    if profile:
        write_profile(profile)
    result = cli("status")
    assert_fits(result.stdout)


def test_pregnancy_is_shown_only_when_relevant(cli, write_profile):
    write_profile(FULL.replace("pregnancy_relevant = true", "pregnancy_relevant = false"))
    result = cli("status")
    assert "Pregnancy" not in result.stdout
    assert cli("status", "--json").json()["pregnancy"] is None


# ---------------------------------------------------------------- imuran alone


WELCOME = [
    "imuran: a companion for people with myasthenia gravis who",
    "take azathioprine (Imuran).",
    "It informs; it does not prescribe. Your neurologist's",
    "instructions come first.",
    "To begin, save your details: imuran profile init",
    "Every command: imuran --help",
]


def test_imuran_alone_without_a_profile_welcomes(cli, profile_path):
    result = cli()
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == WELCOME
    assert not profile_path.exists()  # nothing created


def test_imuran_alone_with_a_profile_shows_the_status(cli, write_profile):
    write_profile(FULL)
    alone = cli()
    assert alone.exit_code == 0
    assert alone.stdout == cli("status").stdout


def test_imuran_alone_with_a_bad_profile_is_exit_2(cli, write_profile):
    write_profile("schema_version = 2\n[prescription]\ndaily_mg = -5\n")
    result = cli()
    assert result.exit_code == 2
    assert result.stderr.startswith("error:")


def test_imuran_alone_honours_the_profile_option(cli, tmp_path):
    other = tmp_path / "other.toml"
    other.write_text(FULL, encoding="utf-8")
    result = cli("--profile", str(other))
    assert result.stdout.startswith("Status on 2026-11-25\n")


def test_help_is_unchanged(cli):
    result = cli("--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: imuran [OPTIONS] COMMAND [ARGS]...")
    assert "status" in result.stdout and "pregnancy" in result.stdout


# ---------------------------------------------------------------- JSON


def test_json_contract_full_profile(cli, write_profile):
    write_profile(FULL)
    result = cli("status", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    doc = result.json()
    assert doc.keys() >= TOP
    assert doc["today"] == "2026-11-25"
    assert doc["doses"] == []
    assert doc["treatment"].keys() >= TREATMENT
    assert {k: doc["treatment"][k] for k in TREATMENT} == {
        "started_on": "2026-03-01",
        "stopped_on": None,
        "on_treatment": True,
        "day": 270,
        "week": 39,
        "month": 9,
    }
    assert doc["improvement"].keys() >= IMPROVEMENT
    assert {k: doc["improvement"][k] for k in IMPROVEMENT} == {
        "phase": "window",
        "window_from": "2026-06-01",
        "window_to": "2027-03-01",
        "adl": None,
    }
    pregnancy = doc["pregnancy"]
    assert {
        "on_treatment",
        "stopped_on",
        "avoid_until_earliest",
        "avoid_until_conservative",
        "advice",
        "sources_differ",
    } <= pregnancy.keys()
    assert pregnancy["on_treatment"] is True
    labs = doc["blood_tests"]
    assert labs.keys() >= {
        "last_test",
        "rule",
        "due_from",
        "due_by",
        "status",
        "days_overdue",
        "source",
    }
    assert (labs["status"], labs["last_test"], labs["rule"]) == (
        "no-test-recorded",
        None,
        "leaflet",
    )
    assert doc["alerts"] == []
    assert doc["sources"] == ["LEAFLET"]


def test_json_without_profile(cli):
    doc = cli("status", "--json").json()
    assert doc.keys() >= TOP
    assert doc["treatment"] == {
        "started_on": None,
        "stopped_on": None,
        "on_treatment": None,
        "day": None,
        "week": None,
        "month": None,
    }
    assert doc["improvement"]["phase"] is None
    assert doc["blood_tests"] is None and doc["pregnancy"] is None
    assert doc["missing"]["treatment"] == "Needs a profile: imuran profile init creates one"


def test_json_stopped(cli, write_profile):
    write_profile(STOPPED)
    doc = cli("status", "--json").json()
    assert doc["treatment"]["on_treatment"] is False
    assert doc["treatment"]["stopped_on"] == "2026-08-31"
    assert doc["treatment"]["day"] is None
    assert doc["improvement"]["phase"] == "stopped"
    assert doc["pregnancy"]["avoid_until_conservative"] == "2027-02-28"
    assert doc["blood_tests"]["status"] == "not-on-treatment"


def test_for_real_without_traceback(tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text(FULL, encoding="utf-8")
    for args in (["status"], ["status", "--json"], []):
        result = run_subprocess(*args, env={"IMURAN_PROFILE": str(profile)})
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr == ""
