"""Shell completion: command names, profile keys and the option values a person types."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from imuran_cli.cli import app
from imuran_cli.core.profile_edit import KEY_NAMES


def complete(line: str) -> list[str]:
    """What bash completion offers for ``line`` (the word after its last space)."""
    words = line.split(" ")
    result = CliRunner().invoke(
        app,
        [],
        prog_name="imuran",
        env={
            "_IMURAN_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
        },
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def test_command_names():
    assert complete("imuran ") == [
        *("status", "dose", "missed", "take", "skip", "undo", "history", "adl", "stock"),
        *("side-effects", "check", "meds", "travel", "labs", "pregnancy", "sources"),
        *("calendar", "card", "report", "profile"),
    ]
    # not the hidden alias symptoms
    assert complete("imuran s") == ["status", "skip", "stock", "side-effects", "sources"]
    assert complete("imuran labs ") == ["add", "remove", "list", "chart", "due"]
    assert complete("imuran profile ") == ["path", "show", "set", "unset", "init"]


def test_profile_keys():
    assert complete("imuran profile set ") == list(KEY_NAMES)
    assert complete("imuran profile set ta") == ["tablet-mg", "tablets-split"]
    assert complete("imuran profile unset st") == ["started-on", "stopped-on"]


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("imuran profile set schedule ", ["once", "split"]),
        ("imuran profile set tablets-split ", ["yes", "no"]),
        ("imuran profile set tablet-mg ", ["25", "50", "75", "100"]),
        ("imuran profile set nudt15 p", ["possible-intermediate", "poor"]),
        ("imuran profile set weight ", []),  # a number: nothing to offer
        ("imuran profile set nonsense ", []),
    ],
)
def test_profile_values_follow_the_key(line: str, offered: list[str]):
    assert complete(line) == offered


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("imuran missed --dose ", ["morning", "later"]),
        ("imuran missed --dose l", ["later"]),
        ("imuran missed --when ", ["today", "this-morning", "yesterday", "last-night"]),
        ("imuran missed --when t", ["today", "this-morning"]),
        ("imuran dose --schedule ", ["once", "split"]),
        ("imuran dose --unit ", ["kg", "lb"]),
        ("imuran profile init --schedule s", ["split"]),
        ("imuran profile init --tablets-split ", ["yes", "no"]),
        (
            "imuran profile init --tpmt ",
            ["normal", "intermediate", "possible-intermediate", "poor", "indeterminate", "unknown"],
        ),
        ("imuran travel --format ", ["text", "markdown"]),
        ("imuran dose --sch", ["--schedule"]),
    ],
)
def test_option_values(line: str, offered: list[str]):
    assert complete(line) == offered


def test_installing_completion_is_offered(cli):
    assert "--install-completion" in cli("--help").stdout


def test_journal_commands_complete_doses_and_day_words():
    assert complete("imuran take --dose ") == ["morning", "later"]
    assert complete("imuran skip --dose l") == ["later"]
    assert complete("imuran take --date y") == ["yesterday"]
    assert complete("imuran labs add --date t") == ["today", "this-morning"]
    assert complete("imuran adl add --date l") == ["last-night"]
    assert complete("imuran stock add 30 --date ") == [
        "today",
        "this-morning",
        "yesterday",
        "last-night",
    ]


def test_export_formats_complete():
    assert complete("imuran card --format ") == ["text", "markdown", "html"]
    assert complete("imuran report --format ") == ["html", "markdown", "fhir"]
