"""`imuran dose` end to end: human text, the JSON contract, every bad input."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_subprocess

PROFILE = """\
schema_version = 2
medications = ["Allopurinol 100 mg"]

[weight]
value = 154
unit = "lb"

[prescription]
daily_mg = 175
schedule = "split"

[genetics]
tpmt = "normal"
nudt15 = "normal"
"""

TYPICAL_70 = """\
Usual range for MG at 70 kg: 2 to 3 mg/kg a day
150 to 200 mg a day: 3 to 4 tablets of 50 mg
Your neurologist sets your dose. It usually starts lower and
is raised over several weeks.

CAUTION: More than 2.5 mg/kg a day is above the US label's
         maximum (set for rheumatoid arthritis); the label
         used outside the US, and the NHS, allow up to 3
         mg/kg a day. Guidance differs: check any dose above
         2.5 with your neurologist.
Note: No clear TPMT and NUDT15 result is on record, so the
      gene rules were not checked. Ask if a test is needed;
      blood counts are checked either way.

Sources: CPIC-PAGE, MIMS-DOSE, LBL-DA, LEAFLET, MPR, NHS-W,
FDA-SrLC (see: imuran sources)
Your neurologist's instructions come first.
"""

PRESCRIBED_WITH_ALLOPURINOL = """\
Your prescribed dose at 154 lb (69.85 kg): 2.51 mg/kg a day
175 mg a day: 3½ tablets of 50 mg
Morning: 2 tablets (100 mg)
Later in the day: 1½ tablets (75 mg)

URGENT: Allopurinol blocks a main route that clears
        azathioprine, which can then build up and wipe out
        blood counts. Labels cut the azathioprine dose to a
        third to a quarter (US) or a quarter (New Zealand);
        this tool uses a quarter. Your dose is shown as
        prescribed: confirm it with your prescriber.
CAUTION: More than 2.5 mg/kg a day is above the US label's
         maximum (set for rheumatoid arthritis); the label
         used outside the US, and the NHS, allow up to 3
         mg/kg a day. Guidance differs: check any dose above
         2.5 with your neurologist.

Sources: CPIC-PAGE, MIMS-DOSE, LEAFLET, LBL-DA, MPR, NHS-W,
MEDSAFE, MIMS-DI, LBL-old (see: imuran sources)
Your neurologist's instructions come first.
"""

NORMAL_GENES = (
    'schema_version = 2\n[prescription]\n[genetics]\ntpmt = "normal"\nnudt15 = "normal"\n'
)

TARGET_ONCE = """\
Your target at 70 kg: 2.5 mg/kg a day
175 mg a day: 3½ tablets of 50 mg
Once a day, in the morning: 3½ tablets (175 mg)

Sources: CPIC-PAGE, MIMS-DOSE, LEAFLET (see: imuran sources)
Your neurologist's instructions come first.
"""

POOR = """\
No dose is worked out for you at 70 kg: see below.

URGENT: Your NUDT15 result is poor. Usual doses of
        azathioprine can then cause life-threatening loss of
        blood cells; for MG, CPIC advises that a
        non-thiopurine medicine is usually considered
        instead. So no dose is worked out here.

Sources: CPIC-PAGE, MIMS-DOSE, MGS-q, FDA-SrLC (see: imuran
sources)
Your neurologist's instructions come first.
"""

CONTRACT_KEYS = {
    "weight_kg",
    "basis",
    "mg_per_kg",
    "daily_mg",
    "tablets_per_day",
    "tablet_mg",
    "schedule",
    "doses",
    "warnings",
    "sources",
}


def assert_fits(text: str) -> None:
    assert all(len(line) <= 60 for line in text.splitlines()), text


# ---------------------------------------------------------------- human text


def test_typical_range_for_70_kg(cli):
    result = cli("dose", "--weight", "70")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == TYPICAL_70


def test_prescribed_dose_from_the_profile(cli, write_profile):
    write_profile(PROFILE)
    result = cli("dose")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == PRESCRIBED_WITH_ALLOPURINOL


def test_a_gene_result_gives_a_starting_range(cli, write_profile):
    write_profile(
        'schema_version = 2\n[prescription]\n[genetics]\ntpmt = "intermediate"\nnudt15 = "normal"\n'
    )
    result = cli("dose", "--weight", "70")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        "Reduced starting range at 70 kg: 0.6 to 1.6 mg/kg a day",
        "50 to 100 mg a day: 1 to 2 tablets of 50 mg",
    ]
    document = cli("dose", "--weight", "70", "--json").json()
    assert document["starting_range"] is True
    assert document["mg_per_kg"] == {"low": 0.6, "high": 1.6}


def test_a_reduced_target_can_be_saved(cli, write_profile):
    write_profile("schema_version = 2\n[prescription]\n")
    assert cli("profile", "set", "mg-per-kg", "0.4").exit_code == 0
    document = cli("dose", "--weight", "70", "--json").json()
    assert (document["basis"], document["mg_per_kg"]["low"]) == ("mg-per-kg", 0.4)


def test_target_taken_once(cli, write_profile):
    write_profile(NORMAL_GENES)
    result = cli("dose", "--weight", "70", "--mg-per-kg", "2.5", "--schedule", "once")
    assert result.exit_code == 0
    assert result.stdout == TARGET_ONCE


def test_poor_metabolizer_gets_no_dose(cli, write_profile):
    write_profile(NORMAL_GENES.replace('nudt15 = "normal"', 'nudt15 = "poor"'))
    result = cli("dose", "--weight", "70")
    assert result.exit_code == 0
    assert result.stdout == POOR


@pytest.mark.parametrize(
    "args",
    [
        ("--weight", "70"),
        ("--weight", "154lb", "--daily-mg", "500"),
        ("--weight", "10", "--mg-per-kg", "0.5"),
        ("--weight", "300", "--daily-mg", "25", "--schedule", "split"),
    ],
)
def test_every_line_fits_60_columns(cli, write_profile, args):
    write_profile(PROFILE.replace('tpmt = "normal"', 'tpmt = "unknown"'))
    result = cli("dose", *args)
    assert result.exit_code == 0
    assert_fits(result.stdout)
    assert result.stdout.rstrip().endswith("Your neurologist's instructions come first.")


def test_half_tablets_are_written_with_the_half_sign(cli):
    result = cli("dose", "--weight", "70", "--daily-mg", "75", "--schedule", "split")
    assert "75 mg a day: 1½ tablets of 50 mg" in result.stdout
    assert "Morning: 1 tablet (50 mg)\nLater in the day: ½ tablet (25 mg)\n" in result.stdout
    assert "CAUTION" not in result.stdout
    assert "Note: This is below the usual 2 to 3 mg/kg a day." in result.stdout


def test_warnings_are_in_words(cli, write_profile):
    write_profile(
        'schema_version = 2\nmedications = ["warfarin", "febuxostat"]\n[prescription]\n'
        "daily_mg = 250\n"
    )
    result = cli("dose", "--weight", "70")
    lines = result.stdout.splitlines()
    assert any(line.startswith("URGENT: Febuxostat ") for line in lines)
    assert any(line.startswith("CAUTION: This is more than 3 mg/kg a day") for line in lines)
    assert any(line.startswith("CAUTION: Warfarin ") for line in lines)
    assert "\x1b[" not in result.stdout


# ---------------------------------------------------------------- JSON contract


def test_json_contract_typical_range(cli):
    result = cli("dose", "--weight", "70", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert data.keys() >= CONTRACT_KEYS
    assert data["weight_kg"] == 70.0
    assert data["basis"] == "typical-range"
    assert data["mg_per_kg"] == {"low": 2.0, "high": 3.0}
    assert data["daily_mg"] == {"low": 150, "high": 200}
    assert data["tablets_per_day"] == {"low": 3.0, "high": 4.0}
    assert (data["tablet_mg"], data["schedule"], data["doses"]) == (50, "once", [])
    assert data["sources"][:2] == ["CPIC-PAGE", "MIMS-DOSE"]
    for warning in data["warnings"]:
        assert {"code", "severity", "message", "source"} <= warning.keys()
        assert warning["severity"] in {"info", "caution", "urgent"}
        assert warning["source"] in data["sources"]
    # Whole mg are integers in the document, tablets are floats.
    assert '"low": 150,' in result.stdout and '"low": 3.0,' in result.stdout


def test_json_contract_prescribed_split(cli, write_profile):
    write_profile(PROFILE)
    result = cli("dose", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    data = result.json()
    assert data["weight_kg"] == 69.85
    assert data["basis"] == "prescribed"
    assert data["mg_per_kg"] == {"low": 2.51, "high": 2.51}
    assert data["daily_mg"] == {"low": 175, "high": 175}
    assert data["tablets_per_day"] == {"low": 3.5, "high": 3.5}
    assert data["schedule"] == "split"
    assert data["doses"] == [
        {"time": "morning", "mg": 100, "tablets": 2.0},
        {"time": "later", "mg": 75, "tablets": 1.5},
    ]
    assert [w["code"] for w in data["warnings"]] == [
        "xanthine-oxidase-inhibitor",
        "above-us-label-max",
    ]
    assert data["warnings"][0]["severity"] == "urgent"
    assert data["warnings"][0]["medicine"] == "Allopurinol 100 mg"


def test_json_contract_mg_per_kg_in_pounds(cli, write_profile):
    write_profile(NORMAL_GENES)
    result = cli("dose", "--weight", "154", "--unit", "lb", "--mg-per-kg", "2", "--json")
    data = result.json()
    assert data["basis"] == "mg-per-kg"
    assert data["weight_kg"] == 69.85
    assert data["mg_per_kg"] == {"low": 2.0, "high": 2.0}
    assert data["daily_mg"] == {"low": 150, "high": 150}
    assert data["doses"] == [{"time": "morning", "mg": 150, "tablets": 3.0}]
    assert data["warnings"] == []


def test_json_no_dose_is_null(cli, write_profile):
    write_profile(NORMAL_GENES.replace('tpmt = "normal"', 'tpmt = "poor"'))
    data = cli("dose", "--weight", "70", "--json").json()
    assert data["daily_mg"] is None and data["tablets_per_day"] is None
    assert data["doses"] == []
    assert [(w["code"], w["severity"]) for w in data["warnings"]] == [("tpmt-poor", "urgent")]


def test_json_below_one_step(cli, write_profile):
    write_profile(NORMAL_GENES)
    data = cli("dose", "--weight", "20", "--mg-per-kg", "0.5", "--json").json()
    assert data["daily_mg"] is None
    assert [(w["code"], w["severity"]) for w in data["warnings"]] == [("below-one-step", "caution")]


# ---------------------------------------------------------------- options and profile


def test_flags_override_the_profile_for_this_run_only(cli, write_profile, profile_path):
    write_profile(PROFILE)
    before = profile_path.read_text()
    data = cli("dose", "--weight", "80", "--mg-per-kg", "2", "--schedule", "once", "--json").json()
    assert (data["basis"], data["weight_kg"], data["schedule"]) == ("mg-per-kg", 80.0, "once")
    assert data["daily_mg"] == {"low": 150, "high": 150}  # 160 -> 150 (nearest step)
    assert profile_path.read_text() == before
    assert cli("dose", "--json").json()["basis"] == "prescribed"


def test_weight_suffix_and_unit_flag_agree(cli):
    by_suffix = cli("dose", "--weight", "154lb", "--json").json()
    by_flag = cli("dose", "--weight", "154", "--unit", "lb", "--json").json()
    assert by_suffix == by_flag
    assert by_suffix["weight_kg"] == 69.85


def test_an_invalid_profile_is_exit_2(cli, write_profile):
    write_profile("schema_version = 2\n[prescription]\nmg_per_kg = 4\n")
    result = cli("dose", "--weight", "70")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")


# ---------------------------------------------------------------- bad input


BAD_INPUT = [
    (["--weight", "0"], "weight 0 kg is outside 10 to 300 kg"),
    (["--weight", "-5"], "weight -5 kg is outside 10 to 300 kg"),
    (["--weight=-70"], "weight -70 kg is outside 10 to 300 kg"),
    (["--weight", "nan"], "weight nan kg is outside 10 to 300 kg"),
    (["--weight", "inf"], "weight inf kg is outside 10 to 300 kg"),
    (["--weight", "abc"], "weight 'abc' is not a number"),
    (["--weight", "9"], "weight 9 kg is outside 10 to 300 kg"),
    (["--weight", "301"], "weight 301 kg is outside 10 to 300 kg"),
    (["--weight", "20lb"], "weight 20 lb is outside 22 to 660 lb"),
    (["--weight", "700", "--unit", "lb"], "weight 700 lb is outside 22 to 660 lb"),
    (["--weight", "70", "--unit", "stone"], "unknown weight unit 'stone'"),
    (["--weight", "70st"], "unknown weight unit 'st'"),
    (["--weight", "154lb", "--unit", "kg"], "weight '154lb' is in lb but --unit says kg"),
    (["--unit", "lb"], "--unit lb was given without --weight"),
    (
        ["--weight", "70", "--daily-mg", "150", "--mg-per-kg", "2"],
        "--daily-mg and --mg-per-kg cannot be used together",
    ),
    (["--weight", "70", "--mg-per-kg", "3.5"], "--mg-per-kg 3.5 is above the maximum dose"),
    (["--weight", "70", "--mg-per-kg", "-1"], "--mg-per-kg -1 is outside 0.1 to 3 mg/kg a day"),
    (["--weight", "70", "--mg-per-kg", "0"], "--mg-per-kg 0 is outside 0.1 to 3 mg/kg a day"),
    (["--weight", "70", "--mg-per-kg", "nan"], "--mg-per-kg nan is outside 0.1 to 3"),
    (["--weight", "70", "--mg-per-kg", "inf"], "--mg-per-kg inf is outside 0.1 to 3"),
    (["--weight", "70", "--mg-per-kg", "x"], "--mg-per-kg 'x' is not a number"),
    (["--weight", "70", "--daily-mg", "-150"], "--daily-mg -150 is outside 25 to 500 mg a day"),
    (["--weight", "70", "--daily-mg", "0"], "--daily-mg 0 is outside 25 to 500 mg a day"),
    (["--weight", "70", "--daily-mg", "5000"], "--daily-mg 5000 is outside 25 to 500 mg a day"),
    (["--weight", "70", "--daily-mg", "nan"], "--daily-mg nan is outside 25 to 500 mg a day"),
    (["--weight", "70", "--daily-mg", "inf"], "--daily-mg inf is outside 25 to 500 mg a day"),
    (["--weight", "70", "--daily-mg", "lots"], "--daily-mg 'lots' is not a number"),
    (["--weight", "70", "--daily-mg", "30"], "--daily-mg 30 cannot be made from half 50 mg"),
    (["--weight", "70", "--schedule", "twice"], "unknown schedule 'twice'"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUT, ids=lambda v: " ".join(v))
def test_bad_input_is_one_error_and_one_hint(cli, args, message):
    result = cli("dose", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {message}")
    assert "\nhint: " in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "message"), BAD_INPUT, ids=lambda v: " ".join(v))
def test_bad_input_in_json_mode(cli, args, message):
    result = cli("dose", *args, "--json")
    assert result.exit_code == 2
    assert result.stderr == ""
    error = json.loads(result.stdout)["error"]
    assert error["message"].startswith(message)
    assert error["code"] and error["hint"]


def test_no_weight_anywhere(cli):
    result = cli("dose")
    assert result.exit_code == 2
    assert result.stdout == ""
    error, hint = result.stderr.split("\nhint: ")
    assert error.startswith("error: no body weight")
    assert "--weight" in hint and "imuran profile init" in hint


def test_no_weight_in_the_profile(cli, write_profile):
    write_profile("schema_version = 2\n[prescription]\ndaily_mg = 150\n")
    result = cli("dose", "--json")
    assert result.exit_code == 2
    assert result.json()["error"]["code"] == "no_weight"


def test_a_typer_parse_error_is_exit_2(cli):
    result = cli("dose", "--weight")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: Option '--weight' requires an argument")


# ---------------------------------------------------------------- real runs


def test_real_run_json(isolated):
    result = run_subprocess("dose", "--weight", "154lb", "--daily-mg", "175", "--json")
    assert result.returncode == 0
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert (data["basis"], data["weight_kg"]) == ("prescribed", 69.85)


def test_real_run_bad_input_has_no_traceback(isolated):
    result = run_subprocess("dose", "--weight", "NaN")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: weight nan kg is outside 10 to 300 kg\nhint: ")
