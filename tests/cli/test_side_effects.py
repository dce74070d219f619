"""`imuran side-effects` (and its hidden alias `imuran symptoms`) end to end."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from imuran_cli.knowledge.side_effects import load_side_effects
from tests.conftest import run_subprocess

EFFECT_IDS = [effect.id for effect in load_side_effects().effects]
CONTRACT_KEYS = {"query", "matches", "suggestions", "sources"}
MATCH_KEYS = {
    "id",
    "name",
    "group",
    "urgency",
    "resolves_on_stopping",
    "signs",
    "action",
    "source",
}
GROUPS = {"early", "after-first-week", "long-term", "other"}
URGENCIES = {"emergency", "urgent", "soon", "info"}

DARK_URINE = """\
"dark urine": 1 match

URGENT: contact your doctor today
Liver inflammation - group: after the first week
  Matches the sign: dark urine
  Contact your doctor today: your liver may need checking
  with a blood test.
  If the medicine is stopped: it goes away.
  Sources: LEAFLET, NHS-SE, ARUK (see: imuran sources)

Your neurologist's instructions come first.
"""

CANT_BREATHE = """\
"can't breathe": 2 matches, most likely first

EMERGENCY: call emergency services now
Difficulty breathing or swallowing - group: other
  In myasthenia gravis this can be a myasthenic crisis.
  Breathlessness can also come from a severe allergic
  reaction, from anaemia or, rarely, from a lung reaction to
  azathioprine.
  Call emergency services now and tell them you have
  myasthenia gravis.
  If the medicine is stopped: the sources do not say.
  Sources: MGFA-CRISIS, SPS-MP, NHS-SE, CCUK, PN-HS (see:
  imuran sources)

EMERGENCY: call emergency services now
Severe allergic reaction (anaphylaxis) - group: other
  Matches the sign: difficulty breathing
  Call emergency services now.
  If the medicine is stopped: the sources do not say.
  Sources: NHS-SE, ARUK, PN-HS (see: imuran sources)

Your neurologist's instructions come first.
"""

STARTED_5_DAYS_AGO = """\
schema_version = 2

[prescription]
started_on = 2026-11-20
"""


def assert_fits(text: str) -> None:
    assert max(len(line) for line in text.splitlines()) <= 60


# ---------------------------------------------------------------- human output


def test_dark_urine_exact_text(cli):
    result = cli("side-effects", "dark", "urine")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == DARK_URINE


def test_emergency_exact_text(cli):
    result = cli("side-effects", "can't breathe")
    assert result.exit_code == 0
    assert result.stdout == CANT_BREATHE


def test_symptoms_alias_gives_the_same_answer(cli):
    assert cli("symptoms", "dark urine").stdout == DARK_URINE


def test_sore_throat_with_a_start_date_says_the_week(cli, write_profile):
    write_profile(STARTED_5_DAYS_AGO)
    result = cli("side-effects", "sore", "throat")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == '"sore throat": 2 matches, most likely first'
    assert lines[1] == "You are in week 1 of treatment (started 2026-11-20)."
    assert lines[3] == "URGENT: contact your doctor today"
    assert lines[4] == "Infections - group: long-term"
    assert "  You are in week 1: this group usually starts after the" in lines
    assert_fits(result.stdout)


def test_no_match_says_so_and_advises(cli):
    result = cli("side-effects", "xyzzy")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "No side effect in imuran's list matches what you typed."
    assert lines[1] == "You typed: xyzzy"
    assert lines[2].startswith("Closest names: ")
    assert "If you are worried, contact your doctor." in lines
    assert "call emergency services now." in result.stdout
    assert lines[-2].startswith("Sources: ")
    assert lines[-1] == "Your neurologist's instructions come first."
    assert_fits(result.stdout)


def test_no_query_lists_groups_and_warning_signs(cli):
    result = cli("side-effects")
    assert result.exit_code == 0
    out = result.stdout
    for heading in ["From the first week", "After the first week", "Long-term", "Warning signs"]:
        assert heading in out.splitlines()
    assert out.index("From the first week") < out.index("After the first week")
    assert out.index("After the first week") < out.index("Long-term")
    assert out.index("Long-term") < out.index("Warning signs")
    assert "  If the medicine is stopped: they go away." in out.splitlines()
    assert "  EMERGENCY: call emergency services now" in out.splitlines()
    assert "  URGENT: contact your doctor today" in out.splitlines()
    assert out.splitlines()[-1] == "Your neurologist's instructions come first."
    assert_fits(out)


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("pain",),
        ("fever", "and", "rash"),
        ("tired",),
        ("swollen", "lips"),
        ("missed", "period"),
        ("yellow", "fever", "vaccine"),
        ("took", "two", "doses"),
        ("a" * 70,),
    ],
)
def test_every_answer_fits_60_columns(cli, write_profile, args):
    write_profile(STARTED_5_DAYS_AGO)
    result = cli("side-effects", *args)
    assert result.exit_code == 0
    assert_fits(result.stdout)


def test_user_text_is_not_read_as_markup(cli):
    result = cli("side-effects", "[bold]rash[/bold]")
    assert result.exit_code == 0
    assert '"[bold]rash[/bold]"' in result.stdout


# ---------------------------------------------------------------- JSON contract


def test_json_contract_for_a_query(cli):
    result = cli("side-effects", "dark urine", "--json")
    assert result.exit_code == 0
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data.keys() >= CONTRACT_KEYS
    assert data["query"] == "dark urine"
    first = data["matches"][0]
    assert first.keys() >= MATCH_KEYS
    assert first["id"] == "liver-inflammation"
    assert first["group"] == "after-first-week"
    assert first["urgency"] == "urgent"
    assert first["resolves_on_stopping"] is True
    assert "dark urine" in first["signs"]
    assert first["source"] == "LEAFLET"
    assert data["suggestions"] == []
    assert data["sources"][0] == "LEAFLET"
    assert first["timing"] is None


def test_variadic_and_quoted_queries_are_the_same(cli):
    words = cli("side-effects", "dark", "urine", "--json").json()
    quoted = cli("side-effects", "dark urine", "--json").json()
    assert words == quoted


def test_json_without_query_lists_every_effect(cli):
    data = cli("side-effects", "--json").json()
    assert data["query"] is None
    assert [match["id"] for match in data["matches"]] == EFFECT_IDS
    for match in data["matches"]:
        assert match.keys() >= MATCH_KEYS
        assert match["group"] in GROUPS
        assert match["urgency"] in URGENCIES
        assert match["resolves_on_stopping"] in (True, False, None)
        assert match["source"] == match["sources"][0]
    assert [group["id"] for group in data["groups"]] == [
        "early",
        "after-first-week",
        "long-term",
        "other",
    ]


def test_json_no_match(cli):
    result = cli("side-effects", "xyzzy", "--json")
    assert result.exit_code == 0
    data = result.json()
    assert data["query"] == "xyzzy"
    assert data["matches"] == []
    assert data["found"] is False
    assert data["suggestions"]
    assert data["sources"]


YELLOW_FEVER_VACCINE = """\
You typed: yellow fever vaccine
To check a vaccine or another medicine against azathioprine
and MG, run: imuran check "yellow fever vaccine"
The leaflet says to tell every doctor, dentist and nurse
that you take Imuran, and to check with your neurologist
before any vaccination.
If you are worried, contact your doctor.
Sources: LEAFLET, NHS-SE, MGFA-CRISIS (see: imuran sources)
Your neurologist's instructions come first.
"""


def test_a_vaccine_points_to_imuran_check(cli):
    result = cli("side-effects", "yellow", "fever", "vaccine")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == YELLOW_FEVER_VACCINE
    data = cli("side-effects", "yellow fever vaccine", "--json").json()
    assert data["matches"] == [] and data["found"] is False
    assert data["check"] == {
        "names": ["yellow fever vaccine"],
        "command": 'imuran check "yellow fever vaccine"',
        "text": (
            "To check a vaccine or another medicine against azathioprine and MG, run: "
            'imuran check "yellow fever vaccine"'
        ),
        "sources": ["LEAFLET"],
    }


def test_a_medicine_of_the_knowledge_points_to_imuran_check(cli):
    data = cli("side-effects", "rash", "since", "Zyloprim", "--json").json()
    assert data["matches"][0]["id"] == "rash"
    assert data["check"]["names"] == ["zyloprim"]
    human = cli("side-effects", "rash since Zyloprim").stdout
    assert "run: imuran check zyloprim" in human


def test_a_missed_period_prints_the_leaflet_and_names_imuran_pregnancy(cli):
    result = cli("side-effects", "missed", "period")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "URGENT: contact your doctor today" in text
    assert "may cause birth defects" in text and "4 to 6 months after stopping" in text
    assert "More: imuran pregnancy" in text
    data = cli("side-effects", "missed period", "--json").json()
    assert data["matches"][0]["see_also"] == "imuran pregnancy"
    assert data["check"] is None


@pytest.mark.parametrize(
    ("query", "first", "urgency"),
    [
        ("chest pain", "chest-pain", "EMERGENCY"),
        ("vomiting blood", "vomiting-blood", "EMERGENCY"),
        ("blood in my pee", "low-platelets", "URGENT"),
        ("took two doses", "double-dose", "URGENT"),
    ],
)
def test_issue_13_symptoms_end_to_end(cli, query, first, urgency):
    data = cli("side-effects", query, "--json").json()
    assert data["matches"][0]["id"] == first
    assert data["matches"][0]["urgency_label"] == urgency
    assert cli("side-effects", query).stdout.splitlines()[2].startswith(urgency)


def test_json_emergency(cli):
    data = cli("symptoms", "difficulty swallowing", "--json").json()
    first = data["matches"][0]
    assert first["id"] == "breathing-or-swallowing"
    assert first["urgency"] == "emergency"
    assert first["group"] == "other"
    assert first["resolves_on_stopping"] is None


def test_json_timing_with_a_start_date(cli, write_profile):
    write_profile(STARTED_5_DAYS_AGO)
    data = cli("side-effects", "fever", "--json").json()
    assert data["treatment"] == {"started_on": "2026-11-20", "stopped_on": None, "week": 1}
    assert data["matches"][0]["timing"] == {
        "week": 1,
        "expected_now": True,
        "text": "you are in week 1: this group can start now",
    }


# ---------------------------------------------------------------- errors and exit codes


def test_corrupt_profile_is_an_error(cli, write_profile):
    write_profile("schema_version = [oops\n")
    result = cli("side-effects", "rash")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert "\nhint: " in result.stderr


def test_corrupt_profile_in_json_mode(cli, write_profile):
    write_profile("")
    result = cli("side-effects", "rash", "--json")
    assert result.exit_code == 2
    assert result.stderr == ""
    assert result.json()["error"]["code"] == "profile_corrupt"


def test_too_long_query_is_exit_2(cli):
    result = cli("side-effects", "rash " * 100, "--json")
    assert result.exit_code == 2
    error = result.json()["error"]
    assert error["code"] == "query_too_long"
    assert error["hint"]


def test_unknown_option_is_a_usage_error(cli):
    result = cli("side-effects", "--bogus")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "error: No such option: --bogus"


# ---------------------------------------------------------------- real processes


def test_subprocess_human_answer():
    done = run_subprocess("side-effects", "throwing", "up")
    assert done.returncode == 0
    assert "Being sick (vomiting) - group: first week on" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr == ""


def test_subprocess_json_failure_has_no_traceback(profile_path):
    profile_path.parent.mkdir(parents=True, exist_ok=True)
    profile_path.write_bytes(b"\x00\x01")
    done = run_subprocess("symptoms", "rash", "--json")
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr
    assert json.loads(done.stdout)["error"]["code"] == "profile_corrupt"


def test_json_run_does_not_import_rich():
    code = (
        "import sys\n"
        "from imuran_cli.cli import app\n"
        "try:\n"
        "    app(['side-effects', 'rash', '--json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(str(sorted(m for m in sys.modules if m.split('.')[0] == 'rich')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert json.loads(done.stdout)["matches"][0]["id"] == "rash"
    assert done.stderr == "[]"
