"""`imuran meds add|remove|list` end to end: the profile's list, checked."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.conftest import run_subprocess

ADDED = """\
Added to your medicines: Zithromax 250 mg tablets
Created {path}

Zithromax 250 mg tablets = azithromycin
CAUTION: Zithromax (azithromycin) is a macrolide antibiotic.
         US labels of this class report MG getting worse,
         and MG lists advise using it cautiously, if at all.
         Ask whether another antibiotic will do, and report
         any new weakness.

Sources: UPTD, MGFA-APP (see: imuran sources)
Your neurologist's instructions come first.
"""


def medications(path: Path) -> list[str]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    listed: list[str] = data.get("medications", [])
    return listed


def test_add_checks_and_creates_the_profile(cli, profile_path):
    result = cli("meds", "add", "Zithromax 250 mg tablets")
    assert (result.exit_code, result.stderr) == (0, "")
    # A long path goes whole onto a line of its own.
    shown = result.stdout.replace(f"Created\n{profile_path}", f"Created {profile_path}")
    assert shown == ADDED.format(path=profile_path)
    assert medications(profile_path) == ["Zithromax 250 mg tablets"]
    assert profile_path.stat().st_mode & 0o777 == 0o600


def test_add_keeps_the_name_as_typed_and_never_twice(cli, profile_path):
    cli("meds", "add", "Lipitor", "20", "mg")  # unquoted: one name
    cli("meds", "add", "Cipro 500mg", "Shingrix")  # two names
    result = cli("meds", "add", "lipitor 20 MG", "--json")
    assert result.exit_code == 0
    document = result.json()
    assert document["added"] == []
    assert document["already_listed"] == ["lipitor 20 MG"]
    assert document["medications"] == ["Lipitor 20 mg", "Cipro 500mg", "Shingrix"]
    assert medications(profile_path) == ["Lipitor 20 mg", "Cipro 500mg", "Shingrix"]


def test_add_json_holds_the_check_contract(cli, profile_path):
    result = cli("meds", "add", "Bactrim DS", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    document = result.json()
    assert {"medicines", "sources", "added", "medications", "path", "created"} <= set(document)
    (medicine,) = document["medicines"]
    assert {"query", "known", "generic", "findings"} <= set(medicine)
    assert medicine["generic"] == "co-trimoxazole"
    assert {"kind", "group", "severity", "message", "source"} <= set(medicine["findings"][0])
    assert (document["added"], document["created"]) == (["Bactrim DS"], True)
    assert document["path"] == str(profile_path)


def test_add_keeps_the_rest_of_the_profile(cli, write_profile, profile_path):
    write_profile('schema_version = 1\nmedications = ["warfarin"]\n[weight]\nvalue = 70\n')
    assert cli("meds", "add", "cipro").exit_code == 0
    data = tomllib.loads(profile_path.read_text(encoding="utf-8"))
    assert data["medications"] == ["warfarin", "cipro"]
    assert data["weight"] == {"value": 70, "unit": "kg"}


def test_add_refuses_an_invalid_profile_and_writes_nothing(cli, write_profile):
    path = write_profile("schema_version = 1\nmedications = 3\n")
    result = cli("meds", "add", "cipro")
    assert result.exit_code == 2
    assert path.read_text(encoding="utf-8") == "schema_version = 1\nmedications = 3\n"


def test_add_a_live_vaccine_after_stopping_gives_the_date(cli, write_profile):
    write_profile("schema_version = 1\n[prescription]\nstopped_on = 2026-10-31\n")
    document = cli("meds", "add", "Zostavax", "--json").json()
    assert document["medicines"][0]["findings"][0]["until"] == "2027-01-31"


def test_remove_matches_case_insensitively(cli, write_profile, profile_path):
    write_profile('schema_version = 1\nmedications = ["Lipitor 20 mg", "Cipro"]\n')
    result = cli("meds", "remove", "lipitor", "20", "MG")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[:2] == [
        "Removed from your medicines: Lipitor 20 mg",
        "Your medicines now: Cipro",
    ]
    assert medications(profile_path) == ["Cipro"]
    document = cli("meds", "remove", "CIPRO", "--json").json()
    assert document["removed"] == "Cipro" and document["medications"] == []
    assert medications(profile_path) == []


def test_remove_without_a_match_lists_the_entries(cli, write_profile, profile_path):
    write_profile('schema_version = 1\nmedications = ["Lipitor 20 mg", "Cipro"]\n')
    result = cli("meds", "remove", "aspirin")
    assert result.exit_code == 2
    assert " ".join(result.stderr.split()).startswith(
        "error: 'aspirin' is not in your medicines, which are: 'Lipitor 20 mg', 'Cipro' hint:"
    )
    assert "hint: " in result.stderr
    assert medications(profile_path) == ["Lipitor 20 mg", "Cipro"]
    json_result = cli("meds", "remove", "aspirin", "--json")
    assert json_result.exit_code == 2
    assert json_result.json()["error"]["code"] == "medicine_not_listed"


def test_remove_without_a_profile(cli, profile_path):
    result = cli("meds", "remove", "cipro")
    assert result.exit_code == 2
    assert not profile_path.exists()


def test_list_shows_each_entry_with_its_findings(cli, write_profile):
    write_profile(
        'schema_version = 1\nmedications = ["ciprofloxacin", "atorvastatin", '
        '"methotrexate", "Zostavax", "paracetamol"]\n'
    )
    result = cli("meds", "list")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "Your medicines (5), checked against azathioprine and MG:"
    assert "ciprofloxacin" in lines and "atorvastatin" in lines
    assert "URGENT: Zostavax (live zoster vaccine) is a live vaccine. Do" in lines
    assert all(len(line) <= 60 for line in lines)
    document = cli("meds", "list", "--json").json()
    assert [m["query"] for m in document["medicines"]] == [
        "ciprofloxacin",
        "atorvastatin",
        "methotrexate",
        "Zostavax",
        "paracetamol",
    ]
    assert [len(m["findings"]) for m in document["medicines"]] == [1, 1, 1, 1, 0]


def test_list_without_medicines(cli):
    result = cli("meds", "list")
    assert result.exit_code == 0
    assert "No medicines are in your profile" in result.stdout
    assert cli("meds", "list", "--json").json()["medicines"] == []


def test_profile_set_medications_keeps_working(cli, profile_path):
    assert cli("profile", "set", "medications", "warfarin, Bactrim DS").exit_code == 0
    document = cli("meds", "list", "--json").json()
    assert [m["generic"] for m in document["medicines"]] == ["warfarin", "co-trimoxazole"]


def test_a_real_add_has_no_traceback(profile_path):
    result = run_subprocess("meds", "add", "Zithromax", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    assert medications(profile_path) == ["Zithromax"]
