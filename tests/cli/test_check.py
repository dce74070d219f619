"""`imuran check` end to end: human text, the JSON contract, exit codes, a real run."""

from __future__ import annotations

import pytest

from imuran_cli.knowledge.sources import load_sources
from tests.conftest import run_subprocess

THREE_NAMES = """\
cipro = ciprofloxacin
URGENT: Cipro (ciprofloxacin) is a fluoroquinolone
        antibiotic. Its US label carries a boxed warning
        that it can make MG worse and should not be used by
        people known to have MG. Ask whether another
        antibiotic will do.

nystatin
Nystatin is not a statin, though its name ends like one. No
interaction with azathioprine and no MG warning is listed
for it in imuran's sources.

paracetamol
UNKNOWN: Not in imuran's list; this does not mean it is
         safe: ask your pharmacist, and tell them you take
         azathioprine and have MG.

Sources: FQ, MGFA, MEDSAFE-MG, UPTD, MIMS-DI, LEAFLET (see:
imuran sources)
Your neurologist's instructions come first.
"""

STOPPED = """\
schema_version = 1
[prescription]
started_on = 2025-01-10
stopped_on = 2026-08-31
"""


def assert_fits(text: str) -> None:
    assert all(len(line) <= 60 and line == line.rstrip() for line in text.splitlines()), text


def test_three_names_human(cli):
    result = cli("check", "cipro", "nystatin", "paracetamol")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == THREE_NAMES


def test_most_severe_first_with_labels_in_words(cli):
    result = cli("check", "penicillamine and prednisolone")
    lines = result.stdout.splitlines()
    labels = [
        line.split(":")[0] for line in lines if line.startswith(("URGENT", "CAUTION", "INFO"))
    ]
    assert labels == ["URGENT", "URGENT", "INFO"]
    assert " ".join(lines[:2]) == "penicillamine and prednisolone = penicillamine + prednisolone"


def test_an_unquoted_name_with_its_strength_is_one_name(cli):
    result = cli("check", "Zithromax", "250", "mg", "tablets", "--json")
    (medicine,) = result.json()["medicines"]
    assert (medicine["query"], medicine["generic"]) == ("Zithromax 250 mg tablets", "azithromycin")


@pytest.mark.parametrize(
    "names",
    [
        ["Zithromax 250 mg tablets", "Bactrim DS", "Zostavax", "Shingrix", "paracetamol"],
        ["Lotrel", "ciprofloxacin eye drops", "magnesium stearate", "yellow fever"],
    ],
)
def test_human_output_fits_60_columns(cli, names):
    result = cli("check", *names)
    assert result.exit_code == 0
    assert_fits(result.stdout)
    assert result.stdout.endswith("Your neurologist's instructions come first.\n")


# ---------------------------------------------------------------- JSON contract

FINDING_KEYS = {"kind", "group", "severity", "message", "source"}
MEDICINE_KEYS = {"query", "known", "generic", "findings"}


def test_json_contract(cli):
    result = cli("check", "cipro", "Shingrix", "nystatin", "paracetamol", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    document = result.json()
    assert list(document)[:2] == ["medicines", "sources"]
    cipro, shingrix, nystatin, paracetamol = document["medicines"]
    for medicine in document["medicines"]:
        assert set(medicine) >= MEDICINE_KEYS
        for finding in medicine["findings"]:
            assert set(finding) >= FINDING_KEYS
            assert finding["source"] in document["sources"]
    assert cipro["query"] == "cipro" and cipro["known"] is True
    assert cipro["generic"] == "ciprofloxacin"
    assert [
        {key: f[key] for key in ("kind", "group", "severity", "source")} for f in cipro["findings"]
    ] == [{"kind": "mg-caution", "group": "fluoroquinolones", "severity": "urgent", "source": "FQ"}]
    assert cipro["findings"][0]["message"].startswith("Cipro (ciprofloxacin) is a fluoroquinolone")
    (finding,) = shingrix["findings"]
    assert (finding["kind"], finding["severity"]) == ("non-live-vaccine", "info")
    assert nystatin["known"] is True and nystatin["findings"] == []
    assert "No interaction with azathioprine" in nystatin["note"]
    assert paracetamol == {
        **paracetamol,
        "query": "paracetamol",
        "known": False,
        "generic": None,
        "findings": [],
    }
    assert "this does not mean it is safe" in paracetamol["note"]
    assert set(document["sources"]) <= load_sources().ids()


def test_json_live_vaccine_gains_until_from_the_profile(cli, write_profile):
    write_profile(STOPPED)
    (medicine,) = cli("check", "Zostavax", "--json").json()["medicines"]
    (finding,) = medicine["findings"]
    assert (finding["kind"], finding["severity"], finding["until"]) == (
        "live-vaccine",
        "urgent",
        "2026-11-30",
    )


def test_json_live_vaccine_without_a_stop_date(cli):
    (medicine,) = cli("check", "yellow fever vaccine", "--json").json()["medicines"]
    (finding,) = medicine["findings"]
    assert (finding["severity"], finding["until"]) == ("urgent", None)


def test_end_of_month_clamping_reaches_the_json(cli, write_profile):
    write_profile(STOPPED.replace("2026-08-31", "2026-11-30"))
    later = {"IMURAN_NOW": "2026-12-15T10:00:00+00:00"}
    (medicine,) = cli("check", "MMR", "--json", env=later).json()["medicines"]
    assert medicine["findings"][0]["until"] == "2027-02-28"


def test_the_profile_is_read_only_for_vaccines(cli, write_profile):
    """A check of a medicine does not need the profile, so a broken one does not stop it."""
    write_profile("not = [valid")
    assert cli("check", "cipro", "--json").exit_code == 0
    result = cli("check", "Zostavax", "--json")
    assert result.exit_code == 2
    assert result.json()["error"]["code"] == "profile_corrupt"


# ---------------------------------------------------------------- exit codes


@pytest.mark.parametrize("names", [["atorvastatin"], ["paracetamol"], ["Ketek", "Botox"]])
def test_a_finding_is_an_answer_not_an_error(cli, names):
    assert cli("check", *names).exit_code == 0


def test_no_name_is_a_usage_error(cli):
    result = cli("check")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: Missing argument 'NAME'")
    assert result.stdout == ""


@pytest.mark.parametrize("names", [[""], ["   "], ["cipro", ""], ["250"]])
def test_an_empty_name_is_bad_input(cli, names):
    result = cli("check", *names)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert "\nhint: " in result.stderr


def test_an_empty_name_in_json_mode(cli):
    result = cli("check", "", "--json")
    assert (result.exit_code, result.stderr) == (2, "")
    assert result.json()["error"]["code"] == "empty_name"


def test_a_real_run_has_no_traceback():
    result = run_subprocess("check", "Zithromax 250 mg tablets", "cipro", "--json")
    assert result.returncode == 0
    assert result.stderr == ""
    assert '"generic": "azithromycin"' in result.stdout
    failed = run_subprocess("check", "")
    assert failed.returncode == 2
    assert "Traceback" not in failed.stderr
    assert failed.stderr.startswith("error: an empty medicine name was given\nhint: ")
