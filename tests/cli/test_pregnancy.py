"""`imuran pregnancy`: the leaflet first, the dates after a stop, sources differing,
breastfeeding per source, every statement cited; the JSON contract."""

from __future__ import annotations

import re

from tests.conftest import run_subprocess

ON_TREATMENT = """\
schema_version = 2
[prescription]
daily_mg = 150
started_on = 2026-03-01
"""

STOPPED = """\
schema_version = 2
[prescription]
daily_mg = 150
started_on = 2026-03-01
stopped_on = 2026-08-31
"""

CONTRACT = {
    "on_treatment",
    "stopped_on",
    "avoid_until_earliest",
    "avoid_until_conservative",
    "advice",
    "sources_differ",
}

COMMON_TAIL = [
    "- Imuran (azathioprine) may cause birth defects. [LEAFLET]",
    "- If you are thinking of a pregnancy, talk it over with your",
    "  neurologist first: the benefit of Imuran for you against",
    "  the risk to the baby. [LEAFLET]",
    "- The leaflet asks for a talk with the doctor about",
    "  pregnancy and breastfeeding before Imuran is started.",
    "  [LEAFLET]",
    "",
    "Sources differ: the NHS and UK pregnancy services describe",
    "azathioprine being continued in pregnancy under specialist",
    "care. imuran follows the leaflet; the decision is your",
    "neurologist's. [NHS-PREG, BUMPS, LEAFLET]",
    "",
    "Breastfeeding",
    "- The NHS says breastfeeding is usually fine while the baby",
    "  is well; if your dose is high, the baby may need blood",
    "  tests. [NHS-PREG]",
    "- The UK pregnancy information service (BUMPS) also",
    "  describes breastfeeding on azathioprine as usually",
    "  possible. [BUMPS]",
    "- The manufacturer's product information advises against",
    "  breastfeeding, because a breakdown product of azathioprine",
    "  passes into breast milk. [MIMS-PREG]",
    "- The US label does not recommend breastfeeding during",
    "  treatment. [FDA-SrLC]",
    "- As the sources differ, talk about breastfeeding with your",
    "  neurologist, as the leaflet asks. [LEAFLET]",
    "",
    "Sources: LEAFLET, NHS-PREG, BUMPS, MIMS-PREG, FDA-SrLC (see:",
    "imuran sources)",
    "Your neurologist's instructions come first.",
]


def assert_fits(text: str) -> None:
    lines = text.splitlines()
    assert lines
    assert all(len(line) <= 60 for line in lines), [line for line in lines if len(line) > 60]
    assert all(line == line.rstrip() for line in lines)
    assert "\x1b" not in text


def test_on_treatment(cli, write_profile):
    write_profile(ON_TREATMENT)
    result = cli("pregnancy")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "Pregnancy and azathioprine",
        "",
        "Avoid pregnancy while you take Imuran and for 4 to 6 months",
        "after you stop. [LEAFLET]",
        "The dates start once a stop date is recorded: imuran profile",
        "set stopped-on YYYY-MM-DD",
        "",
        *COMMON_TAIL,
    ]
    assert_fits(result.stdout)


def test_after_stopping_gives_both_dates_and_names_the_conservative_one(cli, write_profile):
    write_profile(STOPPED)
    result = cli("pregnancy")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Pregnancy and azathioprine",
        "",
        "You stopped on 2026-08-31. Avoid pregnancy until 2027-02-28,",
        "6 months after stopping: the conservative date, which imuran",
        "uses. The earliest end, 4 months after stopping, is",
        "2026-12-31. [LEAFLET]",
        "",
        *COMMON_TAIL,
    ]


def test_without_a_profile_the_leaflet_still_answers(cli):
    result = cli("pregnancy")
    assert result.exit_code == 0
    assert "Avoid pregnancy while you take Imuran" in result.stdout
    assert_fits(result.stdout)


def test_every_statement_is_cited(cli, write_profile):
    write_profile(STOPPED)
    paragraphs = re.split(r"\n(?=- )|\n\n", cli("pregnancy").stdout.strip())
    untitled = [
        p
        for p in paragraphs
        if p not in ("Pregnancy and azathioprine", "Breastfeeding") and not p.startswith("Sources:")
    ]
    for paragraph in untitled:
        if paragraph.startswith("Breastfeeding\n"):
            paragraph = paragraph.split("\n", 1)[1]
        body = paragraph.removesuffix("\nYour neurologist's instructions come first.")
        assert re.search(r"\[[A-Za-z-]+(, [A-Za-z-]+)*\]$", body), paragraph


def test_json_contract_after_stopping(cli, write_profile):
    write_profile(STOPPED)
    result = cli("pregnancy", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    doc = result.json()
    assert doc.keys() >= CONTRACT
    assert doc["on_treatment"] is False
    assert doc["stopped_on"] == "2026-08-31"
    assert doc["avoid_until_earliest"] == "2026-12-31"
    assert doc["avoid_until_conservative"] == "2027-02-28"
    assert doc["phase"] == "avoid"
    for item in doc["advice"]:
        assert {"text", "source"} <= item.keys()
        assert item["text"] and item["source"]
    assert doc["advice"][0]["source"] == "LEAFLET"
    assert {"text", "sources"} == doc["sources_differ"].keys()
    assert "NHS-PREG" in doc["sources_differ"]["sources"]
    topics = {item["topic"] for item in doc["advice"]}
    assert topics == {"pregnancy", "breastfeeding"}


def test_json_contract_on_treatment_and_without_profile(cli, write_profile):
    doc = cli("pregnancy", "--json").json()
    assert doc["on_treatment"] is None
    assert (doc["avoid_until_earliest"], doc["avoid_until_conservative"]) == (None, None)
    write_profile(ON_TREATMENT)
    doc = cli("pregnancy", "--json").json()
    assert doc["on_treatment"] is True
    assert doc["stopped_on"] is None
    assert doc["hint"].startswith("The dates start once a stop date is recorded")


def test_an_invalid_profile_is_exit_2(cli, write_profile):
    write_profile("schema_version = 2\n[prescription]\nstopped_on = 2099-01-01\n")
    result = cli("pregnancy", "--json")
    assert result.exit_code == 2
    assert result.json()["error"]["code"] == "invalid_profile"


def test_for_real_without_traceback():
    result = run_subprocess("pregnancy")
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("Pregnancy and azathioprine\n")
