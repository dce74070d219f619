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


# ---------------------------------------------------------------- with the journal

ITEMS = ["talking", "chewing", "swallowing", "breathing", "hygiene", "chair"]


def adl_args(date: str, grade: int) -> list[str]:
    args = ["adl", "add", "--date", date]
    for item in [*ITEMS, "double-vision", "eyelids"]:
        args += [f"--{item}", str(grade)]
    return args


def seed(cli) -> None:
    """A dose this morning, two MG-ADL scores, three blood tests (WBC falling)."""
    assert cli("take", "--dose", "morning").exit_code == 0
    assert cli(*adl_args("2026-02-20", 2)).exit_code == 0
    assert cli(*adl_args("2026-11-20", 1)).exit_code == 0
    for date, wbc in [("2026-09-01", "5.0"), ("2026-10-01", "4.2"), ("2026-10-20", "3.2")]:
        assert cli("labs", "add", "--date", date, "--wbc", wbc).exit_code == 0


EVENING = {"IMURAN_NOW": "2026-11-25T21:00:00+00:00"}


def test_a_full_profile_with_journal_and_tests(cli, write_profile):
    write_profile(FULL)
    seed(cli)
    result = cli("status", env=EVENING)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "Status on 2026-11-25",
        "",
        "Today",
        "  ✓ morning: taken at 10:00, 75 mg",
        "  ○ later: due at 20:00, time passed, 75 mg",
        "  The later dose (20:00) is not recorded: imuran take if you",
        "  took it, imuran missed if not. [LEAFLET]",
        "",
        "Treatment",
        "  On azathioprine since 2026-03-01.",
        "  Day 270, week 39, month 9.",
        "",
        "Is it working?",
        "  Window: 2026-06-01 to 2027-03-01.",
        "  You are in the window, 3 to 12 months in, when improvement",
        "  is expected to show. [LEAFLET]",
        "  MG-ADL 16 (2026-02-20) to 8 (2026-11-20): 8 points better,",
        "  meaningful. A fall of 2 points or more counts as a",
        "  meaningful improvement. [MGADL-MCID]",
        "",
        "Blood tests",
        "  A blood test is due now, by 2026-12-01. [LEAFLET]",
        "  URGENT: WBC 3.2 x10^9/L is below 3.5, the NHS SPS limit",
        "  [SPS-MP]",
        "  CAUTION: WBC fell at each of the last 3 tests (2026-09-01",
        "  to 2026-10-20). A steady fall is a warning sign even",
        "  within the limits: tell your specialist team. [PCN]",
        "",
        "Pregnancy",
        "  Avoid pregnancy while taking Imuran and for 4 to 6 months",
        "  after stopping. More: imuran pregnancy [LEAFLET]",
        "",
        "Alerts",
        "  URGENT: WBC 3.2 x10^9/L is below 3.5, the NHS SPS limit",
        "  [SPS-MP]",
        "  CAUTION: WBC fell at each of the last 3 tests (2026-09-01",
        "  to 2026-10-20). A steady fall is a warning sign even",
        "  within the limits: tell your specialist team. [PCN]",
        "  INFO: The later dose (20:00) is not recorded: imuran take",
        "  if you took it, imuran missed if not. [LEAFLET]",
        "",
        "Sources: LEAFLET, MGADL-MCID, SPS-MP, PCN (see: imuran",
        "sources)",
        *TAIL,
    ]
    assert_fits(result.stdout)


def test_json_contract_with_journal_and_tests(cli, write_profile):
    write_profile(FULL)
    seed(cli)
    doc = cli("status", "--json", env=EVENING).json()
    assert [
        {key: dose[key] for key in ("dose", "status", "mg", "recorded_at")} for dose in doc["doses"]
    ] == [
        {
            "dose": "morning",
            "status": "taken",
            "mg": 75,
            "recorded_at": "2026-11-25T10:00:00+00:00",
        },
        {"dose": "later", "status": "due", "mg": 75, "recorded_at": None},
    ]
    adl = doc["improvement"]["adl"]
    assert adl.keys() >= {"first", "latest", "points", "meaningful"}
    assert (adl["first"], adl["latest"]) == (
        {"date": "2026-02-20", "total": 16},
        {"date": "2026-11-20", "total": 8},
    )
    assert (adl["points"], adl["meaningful"]) == (-8, True)
    labs = doc["blood_tests"]
    assert (labs["last_test"], labs["status"], labs["due_by"]) == (
        "2026-10-20",
        "due",
        "2026-12-01",
    )
    for alert in doc["alerts"]:
        assert alert.keys() >= {"severity", "message", "source"}
    assert [(a["severity"], a["kind"]) for a in doc["alerts"]] == [
        ("urgent", "lab-result"),
        ("caution", "lab-result"),
        ("info", "dose"),
    ]
    assert doc["sources"] == ["LEAFLET", "MGADL-MCID", "SPS-MP", "PCN"]


def test_an_overdue_test_is_an_alert(cli, write_profile):
    write_profile(FULL)
    assert cli("labs", "add", "--date", "2026-09-01", "--wbc", "5.0").exit_code == 0
    doc = cli("status", "--json").json()
    assert doc["blood_tests"]["status"] == "overdue"
    # The journal now exists, so this morning's unrecorded dose is an alert too.
    assert [a for a in doc["alerts"] if a["kind"] != "dose"] == [
        {
            "severity": "caution",
            "message": "Your blood test is overdue by 43 days, due by 2026-10-13.",
            "source": "LEAFLET",
            "kind": "blood-test",
        }
    ]
    assert "  Your blood test is 43 days overdue (due by 2026-10-13)." in cli("status").stdout


def test_one_adl_score_asks_for_another(cli, write_profile):
    write_profile(FULL)
    assert cli(*adl_args("2026-11-20", 1)).exit_code == 0
    result = cli("status")
    assert "  One MG-ADL score so far: imuran adl add records another" in result.stdout
    assert cli("status", "--json").json()["improvement"]["adl"] is None


def test_status_never_creates_a_journal(cli, write_profile, journal_path):
    write_profile(FULL)
    for args in (["status"], ["status", "--json"], []):
        assert cli(*args).exit_code == 0
    assert not journal_path.exists()
    assert not journal_path.parent.exists()


def test_a_damaged_journal_is_exit_2_naming_it(cli, write_profile, journal_path):
    write_profile(FULL)
    journal_path.parent.mkdir(parents=True)
    journal_path.write_bytes(b"not a database, just text\n" * 100)
    before = journal_path.read_bytes()
    result = cli("status")
    assert result.exit_code == 2
    assert str(journal_path) in result.stderr
    assert "Traceback" not in result.stderr
    assert cli("status", "--json").json()["error"]["code"] == "invalid_journal"
    assert journal_path.read_bytes() == before


def test_urgent_findings_of_the_profiles_medicines_are_alerts(cli, write_profile):
    meds = 'medications = ["Cipro 500 mg", "atorvastatin", "Zostavax", "prednisolone"]\n'
    write_profile(meds + FULL)
    doc = cli("status", "--json").json()
    alerts = [a for a in doc["alerts"] if a["kind"] == "medicine"]
    # Named as the profile holds them; caution (a statin) and info (a steroid) are not alerts.
    assert [a["message"].split(":")[0] for a in alerts] == ["Cipro 500 mg", "Zostavax"]
    assert all(a["severity"] == "urgent" for a in alerts)
    assert [a["source"] for a in alerts] == ["FQ", "MIMS-DI"]
    assert {"FQ", "MIMS-DI"} <= set(doc["sources"])
    text = cli("status").stdout
    assert "  URGENT: Cipro 500 mg: " in text
    assert_fits(text)


def test_imuran_alone_honours_the_journal_option(cli, write_profile, tmp_path, journal_path):
    write_profile(FULL)
    other = tmp_path / "elsewhere" / "journal.sqlite3"
    assert cli("--journal", str(other), "take", "--dose", "morning").exit_code == 0
    result = cli("--journal", str(other))
    assert "  ✓ morning: taken at 10:00, 75 mg" in result.stdout
    assert not journal_path.exists()
