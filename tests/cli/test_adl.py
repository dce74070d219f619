"""`imuran adl add | list`: prompts in a terminal only, the JSON contract, the emergency."""

from __future__ import annotations

import pytest

from imuran_cli.cli import adl as adl_cli

ITEMS = [
    "talking",
    "chewing",
    "swallowing",
    "breathing",
    "hygiene",
    "chair",
    "double_vision",
    "eyelids",
]
OPTIONS = ["--" + key.replace("_", "-") for key in ITEMS]


def grades(*values: int) -> list[str]:
    args: list[str] = []
    for option, value in zip(OPTIONS, values, strict=True):
        args += [option, str(value)]
    return args


BASELINE = grades(2, 1, 1, 1, 1, 2, 2, 2)  # total 12
BETTER = grades(1, 0, 0, 0, 1, 1, 1, 1)  # total 5


@pytest.fixture
def no_terminal(monkeypatch):
    monkeypatch.setattr(adl_cli, "_stdin_is_terminal", lambda: False)


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr(adl_cli, "_stdin_is_terminal", lambda: True)


def test_without_a_terminal_every_item_is_required(cli, no_terminal, journal_path):
    result = cli("adl", "add", "--talking", "1", "--eyelids", "2")
    assert result.exit_code == 2
    assert " ".join(result.stderr.split()).startswith(
        "error: missing MG-ADL items: --chewing, --swallowing, --breathing, --hygiene, "
        "--chair, --double-vision"
    )
    assert cli("adl", "add", "--json").json()["error"]["code"] == "missing_items"
    assert not journal_path.exists()


def test_a_grade_out_of_range_is_exit_2(cli, no_terminal):
    result = cli("adl", "add", *grades(1, 0, 0, 0, 1, 1, 1, 4), "--json")
    assert (result.exit_code, result.json()["error"]["code"]) == (2, "invalid_grade")


def test_add_json_contract_and_list(cli, no_terminal):
    first = cli("adl", "add", "--date", "2026-01-10", *BASELINE, "--json")
    assert (first.exit_code, first.stderr) == (0, "")
    assert first.json()["recorded"]["total"] == 12
    assert first.json()["change"] is None
    second = cli("adl", "add", *BETTER, "--json").json()
    assert second["recorded"] == {
        "date": "2026-11-25",
        "total": 5,
        "items": dict(zip(ITEMS, [1, 0, 0, 0, 1, 1, 1, 1], strict=True)),
    }
    assert second["change"] == {
        "from_date": "2026-01-10",
        "to_date": "2026-11-25",
        "points": -7,
        "meaningful": True,
    }
    listed = cli("adl", "list", "--json")
    assert (listed.exit_code, listed.stderr) == (0, "")
    document = listed.json()
    assert [score["date"] for score in document["scores"]] == ["2026-11-25", "2026-01-10"]
    assert set(document["scores"][0]) >= {"date", "total", "items"}
    assert set(document["scores"][0]["items"]) == set(ITEMS)
    assert document["change"] == second["change"]


def test_a_second_score_on_one_day_replaces_the_first_and_says_so(cli, no_terminal):
    cli("adl", "add", *BASELINE)
    result = cli("adl", "add", *BETTER)
    assert result.exit_code == 0
    assert "It replaces the score of that day recorded before (total 12)." in " ".join(
        result.stdout.split()
    )
    assert cli("adl", "add", *BETTER, "--json").json()["replaced"]["total"] == 5
    assert len(cli("adl", "list", "--json").json()["scores"]) == 1
    undone = cli("undo", "--json").json()
    assert undone["removed"]["kind"] == "adl"
    assert undone["restored"]["summary"] == "the MG-ADL score of 2026-11-25 (total 5)"


def test_a_score_may_be_dated_before_the_start_but_not_in_the_future(
    cli, no_terminal, write_profile
):
    write_profile("schema_version = 2\n[prescription]\ndaily_mg = 150\nstarted_on = 2026-06-01\n")
    assert cli("adl", "add", "--date", "2026-05-01", *BASELINE).exit_code == 0
    future = cli("adl", "add", "--date", "2026-11-26", *BASELINE, "--json")
    assert (future.exit_code, future.json()["error"]["code"]) == (2, "future_date")


def test_human_text(cli, no_terminal):
    cli("adl", "add", "--date", "2026-01-10", *BASELINE)
    result = cli("adl", "add", *BETTER)
    assert result.stdout.splitlines() == [
        "Recorded the MG-ADL score of 2026-11-25: total 5 (talking 1,",
        "hygiene 1, chair 1, double vision 1, eyelids 1).",
        "Change from 2026-01-10 to 2026-11-25: 7 points better (a",
        "meaningful improvement).",
        "A fall of 2 points or more counts as a meaningful",
        "improvement.",
        "Sources: MGADL, MGADL-MCID (see: imuran sources)",
        "Your neurologist's instructions come first.",
    ]
    listed = cli("adl", "list")
    assert listed.stdout.splitlines()[:3] == [
        "MG-ADL scores, newest first (higher is worse):",
        "2026-11-25   5  talking 1, hygiene 1, chair 1, double vision",
        "                1, eyelids 1",
    ]
    assert all(len(line) <= 60 for line in listed.stdout.splitlines())


@pytest.mark.parametrize("item", ["--breathing", "--swallowing"])
def test_grade_3_breathing_or_swallowing_prints_the_emergency_line(cli, no_terminal, item):
    values = dict.fromkeys(OPTIONS, "0")
    values[item] = "3"
    args = [part for option, value in values.items() for part in (option, value)]
    result = cli("adl", "add", *args)
    text = " ".join(result.stdout.split())
    assert "EMERGENCY: you gave" in text
    assert "Difficulty breathing or swallowing. Call emergency services now" in text
    assert "MGFA-CRISIS" in text
    document = cli("adl", "add", *args, "--json").json()
    assert document["emergency"]["sources"] == ["MGFA-CRISIS", "SPS-MP", "NHS-SE", "CCUK", "PN-HS"]
    assert document["emergency"]["label"] == "EMERGENCY"
    assert "MGFA-CRISIS" in document["sources"]


def test_in_a_terminal_only_the_missing_items_are_asked(cli, terminal):
    answers = "\n".join(["9", "1", "0", "0", "1", "1", "1", "1"]) + "\n"  # 9: asked again
    result = cli("adl", "add", "--talking", "2", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "Talking" not in result.stdout.split("Recorded")[0]
    assert "Chewing\n  0  normal\n  1  you tire chewing solid food" in result.stdout
    assert "Type a whole number from 0 to 3." in result.stdout
    assert "total 7" in result.stdout


def test_json_mode_never_asks(cli, terminal):
    result = cli("adl", "add", "--talking", "1", "--json")
    assert (result.exit_code, result.json()["error"]["code"]) == (2, "missing_items")


def test_list_without_a_journal(cli, journal_path):
    result = cli("adl", "list")
    assert result.stdout == "No MG-ADL score yet. Record one: imuran adl add\n"
    assert cli("adl", "list", "--json").json() == {
        "scores": [],
        "change": None,
        "threshold": "A fall of 2 points or more counts as a meaningful improvement.",
        "emergency": None,
        "sources": ["MGADL", "MGADL-MCID"],
    }
    assert not journal_path.parent.exists()
