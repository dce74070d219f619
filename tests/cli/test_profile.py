"""`imuran profile init/show/path/set/unset`, end to end."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from imuran_cli.cli import profile as profile_cli
from imuran_cli.core.profile import SCHEMA_VERSION
from imuran_cli.storage import migrations
from tests.conftest import run_subprocess
from tests.storage.test_migrations import V0, v0_to_v1

FULL = """schema_version = 2
medications = ["allopurinol", "lisinopril"]

[weight]
value = 154
unit = "lb"

[prescription]
daily_mg = 150
mg_per_kg = 2.5
schedule = "split"
tablet_mg = 50
tablets_split = true
started_on = 2026-03-01

[genetics]
tpmt = "intermediate"
nudt15 = "normal"

[dose_times]
morning = "07:30"
later = "19:30"
"""

ALL_KEYS = (
    "weight, daily-mg, mg-per-kg, schedule, tablet-mg, tablets-split, started-on, "
    "stopped-on, tpmt, nudt15, medications, morning-time, later-time, lab-interval-weeks, "
    "refill-days, pregnancy-relevant, name, neurologist, neurologist-phone, emergency-contact, "
    "lab-limit"
)


@pytest.fixture
def short_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A profile path short enough that exact 60-column output can be checked."""
    folder = Path(tempfile.mkdtemp(prefix="im-"))
    path = folder / "profile.toml"
    monkeypatch.setenv("IMURAN_PROFILE", str(path))
    yield path
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend stdin is a terminal, so that `profile init` asks."""
    monkeypatch.setattr(profile_cli, "_stdin_is_terminal", lambda: True)


def lines_fit(text: str) -> bool:
    return all(len(line) <= 60 for line in text.splitlines())


def file_data(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def as_json(data: Any) -> Any:
    """TOML data as JSON would give it (dates as ISO strings)."""
    return json.loads(json.dumps(data, default=lambda value: value.isoformat()))


def unwrapped(stderr: str) -> tuple[str, str]:
    """The ``error:`` and ``hint:`` texts of human stderr, with the wrapping undone."""
    assert stderr.startswith("error: "), stderr
    error, _, hint = stderr.partition("\nhint: ")

    def join(text: str) -> str:
        return " ".join(line.strip() for line in text.splitlines())

    return join(error.removeprefix("error: ")), join(hint)


def folder_listing(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir()) if path.parent.exists() else []


# ---------------------------------------------------------------- path


def test_path_prints_the_profile_and_the_journal_in_use(cli, profile_path, journal_path):
    result = cli("profile", "path")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"{profile_path}\n{journal_path}\n"
    assert not profile_path.exists()
    assert not journal_path.parent.exists()


def test_path_json(cli, profile_path, journal_path):
    result = cli("profile", "path", "--json")
    assert result.json() == {"path": str(profile_path), "journal": str(journal_path)}
    assert result.stderr == ""


def test_the_profile_flag_wins_and_is_made_absolute(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("--profile", "mine.toml", "profile", "path")
    assert result.stdout.splitlines()[0] == str(tmp_path / "mine.toml")


def test_without_env_the_config_folder_is_used(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("IMURAN_PROFILE")
    result = cli("profile", "path")
    assert result.stdout.splitlines()[0] == str(tmp_path / "xdg" / "imuran" / "profile.toml")


def test_the_journal_flag_wins_over_the_environment(cli, tmp_path, monkeypatch, journal_path):
    monkeypatch.chdir(tmp_path)
    result = cli("--journal", "mine.sqlite3", "profile", "path")
    assert result.stdout.splitlines()[1] == str(tmp_path / "mine.sqlite3")
    result = cli("profile", "path")
    assert result.stdout.splitlines()[1] == str(journal_path)


def test_without_env_the_journal_is_in_the_data_folder(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("IMURAN_JOURNAL")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    result = cli("profile", "path")
    assert result.stdout.splitlines()[1] == str(
        tmp_path / "xdg-data" / "imuran" / "journal.sqlite3"
    )
    monkeypatch.delenv("XDG_DATA_HOME")
    result = cli("profile", "path", "--json")
    expected = tmp_path / "home" / ".local" / "share" / "imuran" / "journal.sqlite3"
    assert result.json()["journal"] == str(expected)


# ---------------------------------------------------------------- show


def test_show_without_a_profile(cli, profile_path):
    result = cli("profile", "show")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert unwrapped(result.stderr) == (
        f"there is no profile at {profile_path}",
        "create one: imuran profile init",
    )
    assert not profile_path.parent.exists()


def test_show_without_a_profile_json(cli, profile_path):
    result = cli("profile", "show", "--json")
    assert result.exit_code == 2
    assert result.json() == {
        "error": {
            "code": "no_profile",
            "message": f"there is no profile at {profile_path}",
            "hint": "create one: imuran profile init",
        }
    }
    assert result.stderr == ""


def test_show_human(cli, short_path):
    short_path.parent.joinpath("profile.toml").write_text(FULL, encoding="utf-8")
    result = cli("profile", "show")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        f"Profile: {short_path}",
        "weight         154 lb",
        "daily-mg       150 mg",
        "mg-per-kg      2.5 mg/kg",
        "schedule       split",
        "tablet-mg      50 mg",
        "tablets-split  yes",
        "started-on     2026-03-01",
        "stopped-on     not set",
        "tpmt           intermediate",
        "nudt15         normal",
        "medications    allopurinol, lisinopril",
        "morning-time   07:30",
        "later-time     19:30",
        "Change a value: imuran profile set KEY VALUE",
    ]


def test_show_fits_60_columns_with_a_long_path_and_many_medicines(cli, tmp_path, monkeypatch):
    path = tmp_path / ("a-rather-long-folder-name-" * 3) / "profile.toml"
    monkeypatch.setenv("IMURAN_PROFILE", str(path))
    assert (
        cli(
            "profile", "set", "medications", ", ".join(f"medicine {n}" for n in range(12))
        ).exit_code
        == 0
    )
    result = cli("profile", "show")
    assert result.exit_code == 0
    assert lines_fit(result.stdout)
    lines = result.stdout.splitlines()
    head = lines[: next(n for n, line in enumerate(lines) if line.startswith("weight "))]
    assert "".join(line.strip() for line in head) == f"Profile:{path}"


def test_show_json_has_the_keys_and_nesting_of_the_file(cli, write_profile, profile_path):
    write_profile(FULL)
    result = cli("profile", "show", "--json")
    assert result.exit_code == 0
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert document == {
        "path": str(profile_path),
        "profile": {
            "schema_version": 2,
            "weight": {"value": 154, "unit": "lb"},
            "prescription": {
                "daily_mg": 150,
                "mg_per_kg": 2.5,
                "schedule": "split",
                "tablet_mg": 50,
                "tablets_split": True,
                "started_on": "2026-03-01",
            },
            "genetics": {"tpmt": "intermediate", "nudt15": "normal"},
            "medications": ["allopurinol", "lisinopril"],
            "dose_times": {"morning": "07:30", "later": "19:30"},
        },
    }
    assert document["profile"] == as_json(file_data(profile_path))


def test_show_json_equals_the_file_imuran_wrote(cli, profile_path):
    for args in [("weight", "70"), ("stopped-on", "2026-11-01"), ("started-on", "2026-01-01")]:
        assert cli("profile", "set", *args).exit_code == 0
    shown = cli("profile", "show", "--json").json()
    assert shown["profile"] == as_json(file_data(profile_path))


def test_show_never_writes(cli, write_profile, profile_path):
    write_profile("schema_version = 2\n# my notes\n[weight]\nvalue = 70\n")
    before = profile_path.read_bytes()
    assert cli("profile", "show").exit_code == 0
    assert profile_path.read_bytes() == before
    assert folder_listing(profile_path) == ["profile.toml"]


# ---------------------------------------------------------------- init


def test_init_without_a_terminal_asks_nothing_and_writes_defaults(cli, short_path):
    result = cli("profile", "init")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        f"Profile written to {short_path}",
        "Defaults used: schedule once, tablet-mg 50 mg, tablets-split",
        "yes, tpmt unknown, nudt15 unknown.",
        "Not set yet; set each when you know it:",
        "  imuran profile set weight WEIGHT",
        "  imuran profile set daily-mg MG",
        "  imuran profile set mg-per-kg MG_PER_KG",
        "  imuran profile set started-on YYYY-MM-DD",
        "Check it with: imuran profile show",
    ]
    assert file_data(short_path) == {
        "schema_version": 2,
        "medications": [],
        "prescription": {"schedule": "once", "tablet_mg": 50, "tablets_split": True},
        "genetics": {"tpmt": "unknown", "nudt15": "unknown"},
        "dose_times": {"morning": "08:00", "later": "20:00"},
    }
    assert stat.S_IMODE(short_path.stat().st_mode) == 0o600


def test_init_takes_every_answer_as_an_option(cli, profile_path):
    result = cli(
        "profile",
        "init",
        "--weight",
        "154lb",
        "--daily-mg",
        "150",
        "--mg-per-kg",
        "2.5",
        "--schedule",
        "split",
        "--tablet-mg",
        "25",
        "--tablets-split",
        "no",
        "--started-on",
        "2026-03-01",
        "--tpmt",
        "intermediate",
        "--nudt15",
        "normal",
        "--medication",
        "allopurinol",
        "--medication",
        "co-amoxiclav, 625 mg",
        "--json",
    )
    assert result.exit_code == 0, result.stdout
    assert result.stderr == ""
    document = result.json()
    assert document["path"] == str(profile_path)
    assert document["backup"] is None
    assert document["profile"] == {
        "schema_version": 2,
        "weight": {"value": 154, "unit": "lb"},
        "prescription": {
            "daily_mg": 150,
            "mg_per_kg": 2.5,
            "schedule": "split",
            "tablet_mg": 25,
            "tablets_split": False,
            "started_on": "2026-03-01",
        },
        "genetics": {"tpmt": "intermediate", "nudt15": "normal"},
        "medications": ["allopurinol", "co-amoxiclav, 625 mg"],
        "dose_times": {"morning": "08:00", "later": "20:00"},
    }
    assert as_json(file_data(profile_path)) == document["profile"]


def test_init_readme_example(cli, profile_path):
    result = cli(
        "profile", "init", "--weight", "70", "--daily-mg", "150", "--schedule", "split",
        "--started-on", "2026-03-01",
    )  # fmt: skip
    assert result.exit_code == 0
    assert file_data(profile_path)["prescription"]["started_on"] == dt.date(2026, 3, 1)


def test_init_with_any_option_asks_nothing_and_lists_what_is_unset(cli, short_path, terminal):
    """The README's example, in a terminal: nothing asked, the defaults and gaps listed."""
    result = cli("profile", "init", "--daily-mg", "150", "--schedule", "split", input="80\n")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        f"Profile written to {short_path}",
        "Defaults used: tablet-mg 50 mg, tablets-split yes, tpmt",
        "unknown, nudt15 unknown.",
        "Not set yet; set each when you know it:",
        "  imuran profile set weight WEIGHT",
        "  imuran profile set started-on YYYY-MM-DD",
        "Check it with: imuran profile show",
    ]
    assert "weight" not in file_data(short_path)


def test_init_with_every_option_lists_nothing(cli, short_path, terminal):
    result = cli(
        "profile", "init", "--weight", "70", "--mg-per-kg", "2", "--schedule", "once",
        "--tablet-mg", "50", "--tablets-split", "yes", "--started-on", "2026-03-01",
        "--tpmt", "normal", "--nudt15", "normal",
    )  # fmt: skip
    assert result.stdout.splitlines() == [
        f"Profile written to {short_path}",
        "Check it with: imuran profile show",
    ]


def test_init_json_lists_defaults_and_unset_keys(cli, profile_path):
    document = cli("profile", "init", "--weight", "70", "--tpmt", "normal", "--json").json()
    assert document["defaulted"] == ["schedule", "tablet-mg", "tablets-split", "nudt15"]
    assert document["unset"] == ["daily-mg", "mg-per-kg", "started-on"]
    document = cli("profile", "init", "--force", "--mg-per-kg", "2.5", "--json").json()
    assert document["unset"] == ["weight", "started-on"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--weight", "5"), "error: weight 5 kg is outside 10 to 300 kg"),
        (("--schedule", "twice"), "error: --schedule twice is not allowed; use once or split"),
        (("--started-on", "2026-12-01"), "error: --started-on 2026-12-01 is in the future"),
        (("--tablets-split", "perhaps"), "error: --tablets-split perhaps is not yes or no"),
        (("--daily-mg", "130", "--tablets-split", "no"), "error: --daily-mg 130 cannot be made"),
        (("--medication", "a\tb"), "error: --medication: medicine name"),
    ],
)
def test_init_refuses_bad_options_and_writes_nothing(cli, profile_path, args, message):
    result = cli("profile", "init", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    error, hint = unwrapped(result.stderr)
    assert error.startswith(message.removeprefix("error: "))
    assert hint
    assert not profile_path.exists()


def test_init_names_both_options_in_a_conflict(cli, profile_path):
    result = cli("profile", "init", "--daily-mg", "130", "--tablets-split", "no")
    assert "--tablets-split no" in result.stderr and "--daily-mg 130" in result.stderr


def test_init_with_unscored_tablets_writes_whole_tablets(cli, profile_path):
    result = cli("profile", "init", "--tablet-mg", "25")
    assert result.exit_code == 0, result.stderr
    assert file_data(profile_path)["prescription"]["tablets_split"] is False
    dose = cli("dose", "--weight", "66", "--json").json()
    assert (dose["step_mg"], dose["tablets_split"]) == (25, False)
    assert dose["daily_mg"] == {"low": 150, "high": 175}  # never 137.5 (5½ tablets)


def test_init_refuses_halves_of_unscored_tablets(cli, profile_path):
    result = cli("profile", "init", "--tablet-mg", "25", "--tablets-split", "yes")
    assert result.exit_code == 2
    error, hint = unwrapped(result.stderr)
    assert error == (
        "--tablets-split yes is not possible with --tablet-mg 25: 25 mg tablets have no "
        "score line, so they are not halved (only 50 mg tablets are)"
    )
    assert "--tablets-split no" in hint
    assert not profile_path.exists()


def test_set_halves_of_unscored_tablets_is_exit_2(cli, write_profile, profile_path):
    write_profile("schema_version = 2\n[prescription]\ntablet_mg = 25\n")
    before = profile_path.read_bytes()
    result = cli("profile", "set", "tablets-split", "yes")
    assert result.exit_code == 2
    assert "25 mg tablets have no score line" in unwrapped(result.stderr)[0]
    assert profile_path.read_bytes() == before


def test_a_file_halving_unscored_tablets_is_refused_with_the_fix(cli, write_profile):
    write_profile("schema_version = 2\n[prescription]\ntablet_mg = 25\ntablets_split = true\n")
    result = cli("dose", "--weight", "70")
    assert result.exit_code == 2
    error, hint = unwrapped(result.stderr)
    assert "line 4: prescription.tablets_split = true is not possible: 25 mg tablets" in error
    assert "tablets_split = false" in hint
    write_profile("schema_version = 2\n[prescription]\ntablet_mg = 25\ntablets_split = false\n")
    assert cli("dose", "--weight", "70").exit_code == 0


def test_init_asks_about_halves_with_the_strength_s_default(cli, profile_path, terminal):
    answers = ["70", "25", "", "", "", "", "", "", "", ""]
    result = cli("profile", "init", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "May your tablets be halved? (yes/no) [no]:" in result.stdout
    assert file_data(profile_path)["prescription"]["tablets_split"] is False


@pytest.mark.parametrize("content", [FULL, "", "\x00\x00", "schema_version = 2\n[weight"])
def test_init_refuses_to_replace_an_existing_profile(cli, write_profile, profile_path, content):
    write_profile(content)
    before = profile_path.read_bytes()
    result = cli("profile", "init", "--weight", "80")
    assert result.exit_code == 2
    error, hint = unwrapped(result.stderr)
    assert error == f"a profile already exists at {profile_path}"
    assert "--force" in hint
    assert profile_path.read_bytes() == before
    assert folder_listing(profile_path) == ["profile.toml"]


def test_init_refuses_before_asking(cli, write_profile, terminal):
    write_profile(FULL)
    result = cli("profile", "init", input="80\n")
    assert result.exit_code == 2
    assert result.stdout == ""


def test_init_force_keeps_the_old_bytes_even_of_a_corrupt_file(cli, short_path):
    short_path.write_bytes(b"schema_version = 2\n\x00\xff garbage")
    before = short_path.read_bytes()
    result = cli("profile", "init", "--force", "--weight", "80")
    assert result.exit_code == 0, result.stderr
    backup = short_path.with_name("profile.toml.20261125T100000Z.bak")
    assert backup.read_bytes() == before
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert result.stdout.splitlines()[:3] == [
        f"Profile written to {short_path}",
        "The old profile is kept as",
        f"  {backup}",
    ]
    assert file_data(short_path)["weight"] == {"value": 80, "unit": "kg"}


def test_init_force_json_names_the_backup(cli, write_profile, profile_path):
    write_profile(FULL)
    first = cli("profile", "init", "--force", "--json").json()
    second = cli("profile", "init", "--force", "--json").json()
    assert first["backup"] == str(profile_path.with_name("profile.toml.20261125T100000Z.bak"))
    assert second["backup"] == str(profile_path.with_name("profile.toml.20261125T100000Z-2.bak"))
    assert Path(first["backup"]).read_text(encoding="utf-8") == FULL


def test_init_asks_in_a_terminal(cli, profile_path, terminal):
    answers = [
        "154lb",  # weight
        "",  # tablet strength: the default, 50
        "",  # may be halved: yes
        "130",  # daily dose: not a whole number of half tablets, asked again
        "125",
        "",  # mg/kg: skipped
        "split",
        "2026-03-01",
        "poor",
        "",  # NUDT15: the default, unknown
        "allopurinol, warfarin",
    ]
    result = cli("profile", "init", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "Body weight (e.g. 70, 70kg or 154lb):" in result.stdout
    assert "Tablet strength in mg [50]:" in result.stdout
    assert "TPMT test result [unknown]:" in result.stdout
    assert result.stdout.count("Test results: normal") == 1
    # In the words of the question, not of an option that nobody typed.
    assert unwrapped(result.stderr)[0] == (
        "daily dose 130 cannot be made from half 50 mg tablets (tablet strength 50, "
        "halving yes): use a multiple of 25 mg"
    )
    assert "--" not in result.stderr
    assert result.stdout.count("Prescribed dose in mg a day:") == 2
    data = file_data(profile_path)
    assert data["weight"] == {"value": 154, "unit": "lb"}
    assert data["prescription"] == {
        "daily_mg": 125,
        "schedule": "split",
        "tablet_mg": 50,
        "tablets_split": True,
        "started_on": dt.date(2026, 3, 1),
    }
    assert data["genetics"] == {"tpmt": "poor", "nudt15": "unknown"}
    assert data["medications"] == ["allopurinol", "warfarin"]
    assert lines_fit(result.stdout)


@pytest.mark.parametrize(
    "option", [("--weight", "70"), ("--tpmt", "normal"), ("--medication", "warfarin")]
)
def test_init_asks_nothing_when_any_answer_is_an_option(cli, profile_path, terminal, option):
    result = cli("profile", "init", *option, input="80\n")
    assert result.exit_code == 0
    assert "Press Enter" not in result.stdout and "?" not in result.stdout
    assert result.stdout.startswith("Profile written to")


def test_init_no_input_never_asks(cli, short_path, terminal):
    result = cli("profile", "init", "--no-input", input="80\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Profile written to {short_path}\n")
    assert "Press Enter" not in result.stdout
    assert "  imuran profile set weight WEIGHT" in result.stdout.splitlines()
    assert "weight" not in file_data(short_path)


def test_init_force_alone_still_asks(cli, write_profile, profile_path, terminal):
    write_profile(FULL)
    result = cli("profile", "init", "--force", input="\n" * 10)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Press Enter to skip")


@pytest.mark.parametrize(
    ("answers", "error", "hint"),
    [
        (
            ["", "clear"],
            'tablet strength "clear" is not a number; use 25, 50, 75 or 100 (mg)',
            "e.g. 50",
        ),
        (["", "", "perhaps"], 'halving "perhaps" is not yes or no; use yes or no', "e.g. yes"),
        (["lots"], "weight 'lots' is not a number", "e.g. 70"),
        (
            ["", "", "", "", "", "twice"],
            'schedule "twice" is not allowed; use once or split',
            "e.g. once",
        ),
        (["", "", "", "", "", "", "2026-12-01"], "start date 2026-12-01 is in the future", "e.g."),
    ],
)
def test_init_explains_a_bad_answer_in_the_words_of_the_question(
    cli, profile_path, terminal, answers, error, hint
):
    result = cli("profile", "init", input="\n".join(answers) + "\n" * 12)
    assert result.exit_code == 0, result.stderr
    message, given_hint = unwrapped(result.stderr)
    assert message.startswith(error)
    assert given_hint.startswith(hint)
    assert "--" not in result.stderr and "imuran profile" not in result.stderr


def test_init_json_never_asks(cli, profile_path, terminal):
    result = cli("profile", "init", "--json", input="80\n")
    assert result.exit_code == 0
    assert result.json()["profile"].get("weight") is None


def test_init_end_of_input_while_asking_is_an_abort(cli, profile_path, terminal):
    result = cli("profile", "init", input="")
    assert result.exit_code == 130
    assert not profile_path.exists()


# ---------------------------------------------------------------- set


def test_set_creates_the_profile(cli, short_path):
    result = cli("profile", "set", "weight", "70")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == ["weight is now 70 kg.", f"Created {short_path}"]
    assert file_data(short_path)["weight"] == {"value": 70, "unit": "kg"}
    assert file_data(short_path)["prescription"]["tablet_mg"] == 50


def test_set_changes_one_value_and_keeps_the_rest(cli, short_path):
    short_path.write_text(FULL, encoding="utf-8")
    result = cli("profile", "set", "daily-mg", "125")
    assert result.stdout.splitlines() == ["daily-mg is now 125 mg.", f"Saved in {short_path}"]
    data = file_data(short_path)
    assert data["prescription"]["daily_mg"] == 125
    expected = tomllib.loads(FULL)
    expected["prescription"]["daily_mg"] = 125
    assert data == expected


@pytest.mark.parametrize(
    ("key", "value", "json_value"),
    [
        ("weight", "70", {"value": 70, "unit": "kg"}),
        ("weight", "70kg", {"value": 70, "unit": "kg"}),
        ("weight", "154lb", {"value": 154, "unit": "lb"}),
        ("weight", "72.5", {"value": 72.5, "unit": "kg"}),
        ("daily-mg", "100", 100),
        ("mg-per-kg", "2.5", 2.5),
        ("schedule", "split", "split"),
        ("tablet-mg", "75", 75),
        ("tablets-split", "no", False),
        ("started-on", "2026-03-01", "2026-03-01"),
        ("stopped-on", "2026-11-25", "2026-11-25"),
        ("tpmt", "possible-intermediate", "possible-intermediate"),
        ("nudt15", "indeterminate", "indeterminate"),
        ("medications", "allopurinol 100 mg, lisinopril", ["allopurinol 100 mg", "lisinopril"]),
        ("morning-time", "06:45", "06:45"),
        ("later-time", "21:15", "21:15"),
    ],
)
def test_set_every_key(cli, profile_path, key, value, json_value):
    result = cli("profile", "set", key, value, "--json")
    assert result.exit_code == 0, result.stdout
    assert result.stderr == ""
    document = result.json()
    assert set(document) == {"path", "action", "key", "value", "created", "backup", "profile"}
    assert (document["action"], document["key"], document["value"]) == ("set", key, json_value)
    assert document["created"] is True and document["backup"] is None
    assert document["profile"] == as_json(file_data(profile_path))
    again = cli("profile", "show", "--json").json()
    assert again["profile"] == document["profile"]


def test_set_refuses_a_change_that_breaks_another_value(cli, write_profile, profile_path):
    write_profile("schema_version = 2\n[prescription]\ndaily_mg = 125\n")
    before = profile_path.read_bytes()
    result = cli("profile", "set", "tablets-split", "no")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0].startswith("error: tablets-split no conflicts with")
    assert "daily-mg 125" in result.stderr
    assert profile_path.read_bytes() == before


def test_set_refusal_json(cli, write_profile):
    write_profile("schema_version = 2\n[prescription]\ndaily_mg = 125\n")
    result = cli("profile", "set", "tablets-split", "no", "--json")
    assert result.exit_code == 2
    assert result.stderr == ""
    assert result.json() == {
        "error": {
            "code": "conflicting_values",
            "message": "tablets-split no conflicts with daily-mg 125: whole 50 mg tablets "
            "make only multiples of 50 mg",
            "hint": "change daily-mg first if your prescription changed, or keep "
            "tablets-split as it is",
        }
    }


def test_set_unknown_key_lists_the_keys(cli, profile_path):
    result = cli("profile", "set", "dose", "150")
    assert result.exit_code == 2
    assert unwrapped(result.stderr) == ("unknown profile key dose", f"use one of: {ALL_KEYS}")
    assert not profile_path.exists()


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (("weight", "700lb"), "error: weight 700 lb is outside 22 to 660 lb"),
        (("weight", "300lb"), None),  # 300 lb is fine: checked in the unit given
        (("daily-mg", "501"), "error: daily-mg 501 mg is outside 25 to 500 mg a day"),
        (("mg-per-kg", "3.5"), "error: mg-per-kg 3.5 mg/kg is outside 0.1 to 3 mg/kg a"),
        (("tablet-mg", "60"), "error: tablet-mg 60: there are no 60 mg tablets; use 25,"),
        (("started-on", "2026-02-30"), "error: started-on 2026-02-30 is not a real date; use"),
        (("stopped-on", "2026-11-26"), "error: stopped-on 2026-11-26 is in the future"),
        (("morning-time", "7pm"), "error: morning-time 7pm is not a time of day as HH:MM;"),
        (("tpmt", "slow"), "error: tpmt slow is not allowed; use normal, intermediate,"),
    ],
)
def test_set_validation_names_key_value_and_what_is_allowed(cli, profile_path, args, first_line):
    result = cli("profile", "set", *args)
    if first_line is None:
        assert result.exit_code == 0
        return
    assert result.exit_code == 2
    assert unwrapped(result.stderr)[0].startswith(first_line.removeprefix("error: "))
    assert lines_fit(result.stderr)
    assert not profile_path.exists()


def test_set_stop_date_before_start_date(cli, write_profile, profile_path):
    write_profile("schema_version = 2\n[prescription]\nstarted_on = 2026-03-01\n")
    result = cli("profile", "set", "stopped-on", "2026-02-01")
    assert result.exit_code == 2
    assert unwrapped(result.stderr)[0] == "stopped-on 2026-02-01 is before started-on 2026-03-01"


def test_set_today_is_imuran_now(cli, profile_path):
    env = {"IMURAN_NOW": "2027-06-01T09:00:00+00:00"}
    assert cli("profile", "set", "started-on", "2027-05-31", env=env).exit_code == 0
    assert cli("profile", "set", "started-on", "2027-06-02", env=env).exit_code == 2


def test_set_medications_empty_clears_the_list(cli, write_profile, profile_path):
    write_profile(FULL)
    result = cli("profile", "set", "medications", "")
    assert result.exit_code == 0
    assert file_data(profile_path)["medications"] == []
    assert "medications    none" in cli("profile", "show").stdout


def test_set_through_a_symlink_keeps_the_link(cli, tmp_path, monkeypatch):
    real = tmp_path / "dotfiles" / "imuran.toml"
    real.parent.mkdir()
    real.write_text(FULL, encoding="utf-8")
    link = tmp_path / "config" / "profile.toml"
    link.parent.mkdir()
    link.symlink_to(real)
    monkeypatch.setenv("IMURAN_PROFILE", str(link))
    assert cli("profile", "set", "weight", "80").exit_code == 0
    assert link.is_symlink() and link.readlink() == real
    assert file_data(real)["weight"] == {"value": 80, "unit": "kg"}


def test_set_under_umask_000_is_private(cli, tmp_path, monkeypatch):
    path = tmp_path / "deep" / "er" / "profile.toml"
    monkeypatch.setenv("IMURAN_PROFILE", str(path))
    old = os.umask(0)
    try:
        assert cli("profile", "set", "weight", "70").exit_code == 0
        assert cli("profile", "init", "--force").exit_code == 0
    finally:
        os.umask(old)
    for item in path.parent.iterdir():
        assert stat.S_IMODE(item.stat().st_mode) == 0o600, item.name
    for folder in (path.parent, path.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_set_on_a_profile_of_an_older_schema_backs_it_up(
    cli, write_profile, short_path, monkeypatch
):
    monkeypatch.setattr(migrations, "MIGRATIONS", {0: v0_to_v1, **migrations.MIGRATIONS})
    short_path.parent.mkdir(parents=True, exist_ok=True)
    short_path.write_bytes(V0)
    shown = cli("profile", "show", "--json")
    assert shown.exit_code == 0
    assert shown.json()["profile"]["weight"] == {"value": 70, "unit": "kg"}
    assert short_path.read_bytes() == V0  # reading does not upgrade the file
    result = cli("profile", "set", "tpmt", "normal")
    assert result.exit_code == 0, result.stderr
    backup = short_path.with_name("profile.toml.20261125T100000Z.bak")
    assert backup.read_bytes() == V0
    assert result.stdout.splitlines() == [
        "tpmt is now normal.",
        "The profile was upgraded; the old file is kept as",
        f"  {backup}",
        f"Saved in {short_path}",
    ]
    assert file_data(short_path)["schema_version"] == SCHEMA_VERSION


# ---------------------------------------------------------------- unset


@pytest.mark.parametrize(
    ("key", "line", "in_file"),
    [
        ("weight", "weight is not set.", None),
        ("daily-mg", "daily-mg is not set.", None),
        ("schedule", "schedule is back to its default, once.", "once"),
        ("tablet-mg", "tablet-mg is back to its default, 50 mg.", 50),
        ("tpmt", "tpmt is back to its default, unknown.", "unknown"),
        ("medications", "medications is not set.", []),
        ("morning-time", "morning-time is back to its default, 08:00.", "08:00"),
    ],
)
def test_unset_puts_the_default_back(cli, write_profile, profile_path, key, line, in_file):
    write_profile(FULL.replace("daily_mg = 150", "daily_mg = 100"))
    result = cli("profile", "unset", key)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == line
    from imuran_cli.core.profile_edit import KEYS

    node: Any = file_data(profile_path)
    for part in KEYS[key].path:
        node = node.get(part) if isinstance(node, dict) else None
    assert node == in_file


def test_unset_json(cli, write_profile):
    write_profile(FULL)
    document = cli("profile", "unset", "stopped-on", "--json").json()
    assert (document["action"], document["key"], document["value"]) == ("unset", "stopped-on", None)


def test_unset_without_a_profile_is_an_error_and_creates_nothing(cli, profile_path):
    result = cli("profile", "unset", "weight")
    assert result.exit_code == 2
    assert unwrapped(result.stderr)[0] == f"there is no profile at {profile_path}"
    assert not profile_path.parent.exists()


def test_unset_that_breaks_the_dose_is_refused(cli, write_profile, profile_path):
    write_profile(
        "schema_version = 2\n[prescription]\ndaily_mg = 75\ntablet_mg = 75\ntablets_split = false\n"
    )
    before = profile_path.read_bytes()
    result = cli("profile", "unset", "tablet-mg")
    assert result.exit_code == 2
    assert "tablet-mg" in result.stderr and "daily-mg 75" in result.stderr
    assert profile_path.read_bytes() == before


def test_unset_unknown_key(cli, write_profile):
    write_profile(FULL)
    assert cli("profile", "unset", "colour").exit_code == 2


# ---------------------------------------------------------------- corrupt files

CORRUPT = {
    "empty": ("", "is empty"),
    "blank": ("\n  \n", "is empty"),
    "nul": ("schema_version = 2\n\x00\x00\x00\x00", "line 2: binary data (NUL bytes)"),
    "binary": ("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "line 3: binary data"),
    "truncated": ("schema_version = 2\n[prescription]\ndaily_mg = 1", None),
    "truncated-header": ("schema_version = 2\n[prescr", "line 2: not valid TOML"),
    "wrong-type": (
        'schema_version = 2\n[weight]\nvalue = "seventy"\n',
        'line 3: weight.value = "seventy" should be a number',
    ),
    "unknown-key": (
        'schema_version = 2\n[genetics]\ntpmt = "normal"\ntmpt = "poor"\n',
        "line 4: genetics.tmpt is not a known key",
    ),
    "out-of-range": (
        "schema_version = 2\n[weight]\nvalue = 3\n",
        "line 3: weight: 3 kg is outside",
    ),
    "newer": ("schema_version = 7\n", "was written by a newer imuran (schema 7;"),
    "no-version": ("[weight]\nvalue = 70\n", "schema_version is missing"),
}
READING_COMMANDS = {
    "show": ("profile", "show"),
    "show-json": ("profile", "show", "--json"),
    "set": ("profile", "set", "weight", "70"),
    "set-json": ("profile", "set", "tpmt", "normal", "--json"),
    "set-other-key": ("profile", "set", "medications", "allopurinol"),
    "unset": ("profile", "unset", "weight"),
    "init": ("profile", "init", "--weight", "70"),
}


@pytest.mark.parametrize("command", READING_COMMANDS, ids=str)
@pytest.mark.parametrize("case", CORRUPT, ids=str)
def test_a_bad_profile_is_explained_and_left_as_it_is(
    cli, write_profile, profile_path, case, command
):
    content, words = CORRUPT[case]
    profile_path.parent.mkdir(parents=True, exist_ok=True)
    profile_path.write_bytes(content.encode("utf-8", "surrogateescape"))
    before = profile_path.read_bytes()
    args = READING_COMMANDS[command]
    result = cli(*args)
    assert result.exit_code == 2
    assert profile_path.read_bytes() == before
    assert not list(profile_path.parent.glob("*.bak"))
    assert not list(profile_path.parent.glob(".*imuran-tmp"))
    if command == "init":
        assert unwrapped(result.stderr)[0] == f"a profile already exists at {profile_path}"
        return
    if "--json" in args:
        assert result.stderr == ""
        message = result.json()["error"]["message"]
    else:
        assert result.stdout == ""
        message = unwrapped(result.stderr)[0]
    assert message.startswith(str(profile_path))
    if words:
        assert words in message


def test_a_bad_profile_is_an_error_for_every_command_that_reads_it(write_profile):
    """Other commands read the profile through Runtime.load_profile: the same error."""
    import datetime as dt_

    from imuran_cli.cli.runtime import Runtime
    from imuran_cli.core.errors import ProfileError

    path = write_profile('schema_version = 2\n[genetics]\ntpmt = "normal"\nnudt15 = "poor"\n\x00')
    runtime = Runtime(json=False, now=dt_.datetime(2026, 11, 25, tzinfo=dt_.UTC), profile_path=path)
    with pytest.raises(ProfileError) as caught:
        runtime.load_profile()
    assert caught.value.message.startswith(f"{path}, line 5: binary data")


def test_a_profile_that_is_a_folder_is_an_environment_failure(cli, profile_path):
    profile_path.mkdir(parents=True)
    result = cli("profile", "show")
    assert result.exit_code == 1
    assert unwrapped(result.stderr)[0] == f"{profile_path} is a folder, not a profile file"


# ---------------------------------------------------------------- real processes


def test_real_run_show_of_a_corrupt_profile_has_no_traceback(write_profile, profile_path):
    write_profile("schema_version = 2\n[prescription\n")
    result = run_subprocess("profile", "show")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert unwrapped(result.stderr)[0].startswith(f"{profile_path}, line 2: not valid TOML")


def test_real_run_set_with_an_unwritable_folder_has_no_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_subprocess(
        "--profile", str(blocker / "profile.toml"), "profile", "set", "weight", "70"
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ")


def test_real_run_init_json_over_an_existing_profile(write_profile):
    write_profile(FULL)
    result = run_subprocess("profile", "init", "--json")
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""
    assert json.loads(result.stdout)["error"]["code"] == "profile_exists"


def test_real_run_set_and_show(profile_path):
    assert run_subprocess("profile", "set", "weight", "154lb").returncode == 0
    result = run_subprocess("profile", "show", "--json")
    assert result.returncode == 0 and result.stderr == ""
    assert json.loads(result.stdout)["profile"]["weight"] == {"value": 154, "unit": "lb"}


def test_real_run_init_with_closed_stdin_asks_nothing(profile_path):
    result = run_subprocess("profile", "init", "--weight", "70", input="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Profile written to")


# ---------------------------------------------------------------- faults and odd input


@pytest.mark.parametrize("call", ["write", "fsync", "replace"])
def test_a_full_disk_keeps_the_old_profile(cli, write_profile, profile_path, monkeypatch, call):
    import errno

    write_profile(FULL)
    before = profile_path.read_bytes()

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, call, no_space)
    result = cli("profile", "set", "weight", "80")
    monkeypatch.undo()
    assert result.exit_code == 1
    error, hint = unwrapped(result.stderr)
    assert error == f"cannot write {profile_path}: No space left on device"
    assert "the previous file was kept" in hint
    assert profile_path.read_bytes() == before
    assert folder_listing(profile_path) == ["profile.toml", "profile.toml.lock"]


def test_user_text_is_never_read_as_markup(cli, profile_path):
    result = cli("profile", "set", "medications", "[bold]x[/bold], [red]y")
    assert result.exit_code == 0
    assert "[bold]x[/bold], [red]y" in result.stdout.replace("\n", " ")
    assert "[bold]x[/bold], [red]y" in cli("profile", "show").stdout


def test_show_lists_schema_2_keys_only_once_set(cli, short_path):
    assert cli("profile", "set", "neurologist-phone", "+44 20 7946 0000").exit_code == 0
    lines = cli("profile", "show").stdout.splitlines()
    assert "neurologist-phone  +44 20 7946 0000" in lines
    assert not any(line.startswith(("refill-days", "name ", "emergency-contact")) for line in lines)
