"""`imuran travel`: exact text, markdown task list, the JSON contract and every bad input."""

from __future__ import annotations

import re

import pytest

from tests.conftest import run_subprocess
from tests.test_imports import loaded_modules

CHECKLIST_HOME = """\
Checklist:
- Carry a prescription for azathioprine, in case your
  tablets are lost or stolen.
- Keep a list of all your medicines and their doses with you
  at all times.
- Wear a medical alert bracelet or necklace.
- Tell any doctor, dentist or nurse you see on the trip that
  you take azathioprine (Imuran).
- You fight infections less well: report even a mild one,
  like a cold or a sore throat, to a doctor early. Be strict
  about food and water (no raw or undercooked food) and
  clean your hands often.
- Ask your neurologist before any vaccine. Live vaccines,
  such as yellow fever, are not for people on azathioprine;
  some countries require yellow fever, so ask at least
  6 weeks before you leave.
"""

SUN_AND_TIME = """\
- Protect your skin from strong sun: seek shade, cover up
  and use sunscreen of SPF 30 or higher.
- Across time zones, keep your daily rhythm: take your doses
  at local time, or move them gradually, 1 to 2 hours a day.
  Never take a double dose to catch up.
"""

ABROAD_ONLY = """\
- Pack your tablets in two separate places, such as two
  different bags, each with enough for the whole trip, in
  case one is lost or stolen.
- Do not count on getting more tablets there: in some
  countries a prescription may be impossible to fill.
"""

PROFILE_SPLIT = """\
schema_version = 2

[prescription]
daily_mg = 75
schedule = "split"
started_on = 2026-10-01
"""

ITEM_RE = re.compile(r"^- \[ \] \S")


def assert_fits(text: str) -> None:
    assert all(len(line) <= 60 for line in text.splitlines()), text
    assert all(line == line.rstrip() for line in text.splitlines())


def test_abroad_with_dose_exact_text(cli):
    result = cli("travel", "--abroad", "--days", "14", "--daily-mg", "150")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == (
        "Take 102 tablets with you: 51 in each of two places.\n"
        "Enough for 14 days plus 3 spare days, at 3 tablets a day\n"
        "(150 mg, as 50 mg tablets).\n"
        "\n" + CHECKLIST_HOME + ABROAD_ONLY + SUN_AND_TIME + "\n"
        "Sources: LEAFLET, CDC-YB, SGH, IDSA, CRUK-LV, KINGSTON,\n"
        "NHS-SE, HFM, MYAWARE, PROJECT (see: imuran sources)\n"
        "Your neurologist's instructions come first.\n"
    )
    assert_fits(result.stdout)


def test_home_trip_by_dates_with_profile_exact_text(cli, write_profile):
    write_profile(PROFILE_SPLIT)
    result = cli("travel", "--from", "2026-12-01", "--to", "2026-12-03")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == (
        "Take 9 tablets with you.\n"
        "Enough for 3 days (2026-12-01 to 2026-12-03) plus 3 spare\n"
        "days, at 1½ tablets a day (75 mg, as 50 mg tablets).\n"
        "\n"
        + CHECKLIST_HOME
        + SUN_AND_TIME
        + "- A blood test is likely to fall during the trip: plan it\n"
        "  with your clinic before you leave, or arrange one where\n"
        "  you are going. You started azathioprine less than 12 weeks\n"
        "  before the trip, and tests are more frequent early on.\n"
        "\n"
        "Sources: LEAFLET, CDC-YB, SGH, IDSA, CRUK-LV, KINGSTON,\n"
        "NHS-SE, HFM, MYAWARE, MPR, PROJECT (see: imuran sources)\n"
        "Your neurologist's instructions come first.\n"
    )


def test_without_dose_or_length_the_checklist_comes_with_one_line_to_add(cli):
    result = cli("travel")
    assert result.exit_code == 0
    assert result.stdout == (
        "To count your tablets, add your daily dose (--daily-mg, or\n"
        "imuran profile set daily-mg) and the trip length (--days N,\n"
        "or --from DATE --to DATE).\n"
        "\n" + CHECKLIST_HOME + SUN_AND_TIME + "\n"
        "Sources: LEAFLET, CDC-YB, SGH, IDSA, CRUK-LV, KINGSTON,\n"
        "NHS-SE, HFM, MYAWARE (see: imuran sources)\n"
        "Your neurologist's instructions come first.\n"
    )


def test_days_without_dose_asks_only_for_the_dose(cli):
    result = cli("travel", "--days", "14")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "To count your tablets, add your daily dose (--daily-mg, or\n"
        "imuran profile set daily-mg).\n\nChecklist:\n"
    )


def test_the_profile_dose_is_used(cli, write_profile):
    write_profile("schema_version = 2\n\n[prescription]\ndaily_mg = 150\n")
    result = cli("travel", "--abroad", "--days", "14", "--json")
    assert result.exit_code == 0
    supply = result.json()["supply"]
    assert (supply["total_tablets"], supply["dose_from"]) == (102, "profile")


def test_the_profile_mg_per_kg_target_with_weight(cli, write_profile):
    write_profile(
        'schema_version = 2\n\n[weight]\nvalue = 70\nunit = "kg"\n\n'
        "[prescription]\nmg_per_kg = 2\ntablets_split = false\n"
    )
    # 70 x 2 = 140 mg, to whole 50 mg tablets: 150 mg.
    result = cli("travel", "--days", "10", "--spare-days", "0", "--json")
    assert result.exit_code == 0
    assert result.json()["supply"]["tablets_per_place"] == 30
    assert result.json()["supply"]["daily_mg"] == 150


def test_an_invalid_profile_is_exit_2(cli, write_profile):
    write_profile("schema_version = 2\n\n[prescription]\ndaily_mg = 'lots'\n")
    result = cli("travel", "--days", "3")
    assert result.exit_code == 2
    assert result.stderr.startswith("error:")


# ------------------------------------------------------------------ markdown


def test_markdown_is_a_github_task_list(cli):
    result = cli("travel", "--abroad", "--days", "14", "--daily-mg", "150", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "# Travel checklist (azathioprine)"
    assert lines[1] == ""
    assert lines[2] == "Take 102 tablets with you: 51 in each of two places."
    items = [line for line in lines if line.startswith("- ")]
    assert len(items) == 10
    assert all(ITEM_RE.match(line) for line in items)
    # Continuation lines are indented under their item and never start a new block.
    in_list = False
    for line in lines:
        if ITEM_RE.match(line):
            in_list = True
        elif in_list and line:
            assert line.startswith("  ") and not line.startswith("   "), line
            assert not re.match(r"^\s*([-+*>#]|\d+[.)])(\s|$)", line), line
        else:
            in_list = False
    assert lines[-1] == "Your neurologist's instructions come first."
    assert lines[-2] == ""
    assert result.stdout.endswith("\n") and not result.stdout.endswith("\n\n")
    assert_fits(result.stdout)


def test_markdown_without_a_count_keeps_the_hint(cli):
    result = cli("travel", "--format", "markdown")
    assert result.exit_code == 0
    assert "To count your tablets, add" in result.stdout
    assert all(ITEM_RE.match(line) for line in result.stdout.splitlines() if line[:2] == "- ")


def test_markdown_lists_every_checklist_item(cli):
    document = cli("travel", "--abroad", "--days", "40", "--json").json()
    markdown = cli("travel", "--abroad", "--days", "40", "--format", "markdown").stdout
    items = [line for line in markdown.splitlines() if line.startswith("- [ ] ")]
    assert len(items) == len(document["checklist"]) == 11
    for line, item in zip(items, document["checklist"], strict=True):
        assert item["text"].startswith(line.removeprefix("- [ ] "))


# ------------------------------------------------------------------ JSON


def test_json_contract(cli):
    result = cli("travel", "--abroad", "--days", "14", "--daily-mg", "150", "--json")
    assert result.exit_code == 0
    assert result.stderr == ""
    document = result.json()
    assert {k: document[k] for k in ("abroad", "days", "spare_days")} == {
        "abroad": True,
        "days": 14,
        "spare_days": 3,
    }
    assert document["supply"] == {
        "daily_tablets": 3.0,
        "tablets_per_place": 51,
        "places": 2,
        "total_tablets": 102,
        "daily_mg": 150,
        "tablet_mg": 50,
        "tablets_split": True,
        "days_covered": 17,
        "dose_from": "option",
    }
    assert '"daily_tablets": 3.0' in result.stdout
    assert [item["id"] for item in document["checklist"]] == [
        "prescription",
        "medication-list",
        "medical-alert",
        "notify-clinicians",
        "infections",
        "vaccinations",
        "two-places",
        "refill-abroad",
        "sun-protection",
        "time-zones",
    ]
    for item in document["checklist"]:
        assert set(item) == {"id", "text", "source", "sources"}
        assert item["source"] in document["sources"]
    assert document["sources"][0] == "LEAFLET"
    assert document["start_date"] is None and document["missing"] == []


def test_json_without_a_count(cli):
    document = cli("travel", "--json").json()
    assert document["supply"] is None
    assert document["days"] is None
    assert document["missing"] == ["daily_mg", "days"]
    assert document["count_hint"].startswith("To count your tablets")


def test_json_dates_and_blood_test(cli):
    document = cli("travel", "--from", "2026-12-01", "--to", "2026-12-28", "--json").json()
    assert (document["start_date"], document["end_date"], document["days"]) == (
        "2026-12-01",
        "2026-12-28",
        28,
    )
    assert document["checklist"][-1]["id"] == "blood-test"
    assert document["blood_test_reasons"] == ["long_trip"]


def test_a_trip_in_the_past_is_answered(cli):
    result = cli("travel", "--from", "2025-06-01", "--to", "2025-06-10", "--daily-mg", "100")
    assert result.exit_code == 0
    assert result.stdout.startswith("Take 26 tablets with you.\n")


# ------------------------------------------------------------------ bad input

BAD_INPUT = [
    (["--days", "0"], "days_out_of_range", "error: --days 0 is outside 1 to 365"),
    (["--days", "-2"], "days_out_of_range", "error: --days -2 is outside 1 to 365"),
    (["--days", "366"], "days_out_of_range", "error: --days 366 is outside 1 to 365"),
    (
        ["--from", "2026-12-10", "--to", "2026-12-01"],
        "dates_reversed",
        "error: --to 2026-12-01 is before --from 2026-12-10",
    ),
    (
        ["--days", "5", "--from", "2026-12-01", "--to", "2026-12-05"],
        "conflicting_options",
        "error: --days cannot be combined with --from/--to",
    ),
    (["--from", "2026-12-01"], "missing_option", "error: --from 2026-12-01 needs --to,"),
    (["--to", "2026-12-01"], "missing_option", "error: --to 2026-12-01 needs --from,"),
    (
        ["--from", "2026-01-01", "--to", "2027-01-01"],
        "days_out_of_range",
        "error: the trip from 2026-01-01 to 2027-01-01 lasts 366",
    ),
    (["--from", "1/12/2026", "--to", "2026-12-05"], "invalid_date", "error: --from '1/12/2026'"),
    (
        ["--days", "3", "--format", "markdown", "--json"],
        "conflicting_options",
        "error: --format markdown cannot be combined with --json",
    ),
    (
        ["--days", "3", "--daily-mg", "550"],
        "daily_mg_out_of_range",
        "error: --daily-mg 550 is outside 25 to 500 mg a day",
    ),
    (
        ["--days", "3", "--spare-days", "-1"],
        "spare_days_out_of_range",
        "error: --spare-days -1 is outside 0 to 365",
    ),
    (
        ["--days", "3", "--daily-mg", "60"],
        "daily_mg_not_whole_steps",
        "error: --daily-mg 60 cannot be made from half or whole 50",
    ),
    (
        ["--days", "3", "--daily-mg", "0"],
        "daily_mg_out_of_range",
        "error: --daily-mg 0 is outside 25 to 500 mg a day",
    ),
]


@pytest.mark.parametrize(("args", "code", "first"), BAD_INPUT, ids=lambda v: str(v))
def test_bad_input_is_exit_2_with_error_and_hint(cli, args, code, first):
    result = cli("travel", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(first)
    assert re.search(r"^hint: \S", result.stderr, re.MULTILINE)
    assert_fits(result.stderr)


@pytest.mark.parametrize(
    ("args", "code", "first"),
    [case for case in BAD_INPUT if "--json" not in case[0]],
    ids=lambda v: str(v),
)
def test_bad_input_in_json_mode_is_a_json_error(cli, args, code, first):
    result = cli("travel", *args, "--json")
    assert result.exit_code == 2
    assert result.stderr == ""
    error = result.json()["error"]
    assert error["code"] == code
    assert error["message"] and error["hint"]


def test_unsplittable_profile_tablets_refuse_a_half_tablet_dose(cli, write_profile):
    write_profile("schema_version = 2\n\n[prescription]\ntablets_split = false\n")
    result = cli("travel", "--days", "3", "--daily-mg", "75")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == ("error: --daily-mg 75 cannot be made from whole 50 mg")


@pytest.mark.parametrize("args", [["--days", "two"], ["--format", "html"], ["--daily-mg", "lots"]])
def test_unparsable_values_are_usage_errors(cli, args):
    result = cli("travel", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert "hint: see imuran travel --help" in result.stderr


def test_help_fits_60_columns(cli):
    result = cli("travel", "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert_fits(result.stdout)


# ------------------------------------------------------------------ real runs


def test_markdown_for_real_without_rich():
    result = run_subprocess("travel", "--abroad", "--days", "14", "--format", "markdown")
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert result.stderr == ""
    assert "- [ ] Pack your tablets in two separate places" in result.stdout
    modules = loaded_modules(["travel", "--days", "14", "--format", "markdown"])
    assert "imuran_cli.core.travel" in modules
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}


def test_bad_input_for_real_has_no_traceback():
    result = run_subprocess("travel", "--from", "2026-12-10", "--to", "2026-12-01")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("error: --to 2026-12-01 is before --from 2026-12-10\n")
    assert "\nhint: " in result.stderr
