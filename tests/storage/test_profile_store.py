"""Loading, validating and saving the profile: errors name file, line and problem."""

from __future__ import annotations

import datetime as dt
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from imuran_cli.core.errors import EnvironmentFailure, InputError, ProfileError
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.storage import profile_store
from imuran_cli.storage.profile_store import (
    backup_path,
    dump_profile,
    line_of,
    load_profile,
    replace_profile,
    update_profile,
)
from tests.core.test_profile import LIMITS, profiles

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
TODAY = NOW.date()
FIXTURES = Path(__file__).parent / "fixtures"

VALID = b"""schema_version = 2

[weight]
value = 70

[prescription]
daily_mg = 150
"""


def load(path: Path):
    return load_profile(path, LIMITS, TODAY)


def problem(path: Path) -> ProfileError:
    before = path.read_bytes()
    with pytest.raises(ProfileError) as caught:
        load(path)
    assert path.read_bytes() == before  # reading never changes the file
    return caught.value


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    return tmp_path / "profile.toml"


def test_no_file_is_no_profile(profile_file: Path):
    assert load(profile_file) is None
    assert not profile_file.parent.joinpath("profile.toml.lock").exists()


def test_the_v1_fixture_loads():
    profile = load(FIXTURES / "v1.toml")
    assert profile is not None
    assert profile.weight is not None and profile.weight.unit == "lb"
    assert profile.prescription.stopped_on == dt.date(2026, 10, 1)
    assert profile.medications == ("allopurinol", "lisinopril")


def test_a_byte_order_mark_is_accepted(profile_file: Path):
    profile_file.write_bytes(b"\xef\xbb\xbf" + VALID)
    assert load(profile_file) is not None


# ---------------------------------------------------------------- corrupt files


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "{path} is empty (a profile has at least schema_version = 2)"),
        (b"  \n\n", "{path} is empty (a profile has at least schema_version = 2)"),
        (
            b"schema_version = 2\n\x00\x00\x00",
            "{path}, line 2: binary data (NUL bytes), not TOML text",
        ),
        (b'schema_version = 2\nx = "\xff\xfe"\n', "{path}, line 2: not UTF-8 text"),
        (
            b"schema_version = 2\n[prescription\ndaily_mg = 150\n",
            "{path}, line 2: not valid TOML: expected ']' at the end of a table declaration "
            "(column 14)",
        ),
        (
            b'schema_version = 2\n[weight]\nunit = "k',
            "{path}, line 3: not valid TOML: unterminated string at the end of the file "
            "(cut short?)",
        ),
        (
            b"schema_version = 2\n[weight]\nvalue =",
            "{path}, line 3: not valid TOML: invalid value at the end of the file (cut short?)",
        ),
        (
            b'schema_version = 2\nmedications = ["a",',
            "{path}, line 2: not valid TOML: invalid value at the end of the file (cut short?)",
        ),
    ],
    ids=["empty", "blank", "nul", "not-utf8", "bad-header", "cut-string", "cut-value", "cut-array"],
)
def test_corrupt_files_are_named_with_their_line(profile_file: Path, content, message):
    profile_file.write_bytes(content)
    error = problem(profile_file)
    assert error.message == message.format(path=profile_file)
    assert error.code == "profile_corrupt"
    assert error.exit_code == 2
    assert "imuran profile init --force" in (error.hint or "")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            VALID + b"dose = 150\n",
            "{path}, line 8: prescription.dose is not a known key (known: daily_mg, "
            "mg_per_kg, schedule, tablet_mg, tablets_split, started_on, stopped_on)",
        ),
        (
            b'schema_version = 2\ncolour = "blue"\n',
            "{path}, line 2: colour is not a known key (known: schema_version, weight, "
            "prescription, genetics, medications, dose_times, monitoring, person, contacts)",
        ),
        (
            b'schema_version = 2\n[person]\nnick = "Al"\n',
            "{path}, line 3: person.nick is not a known key (known: name, pregnancy_relevant)",
        ),
        (
            b'schema_version = 2\n[prescription]\ndaily_mg = "150"\n',
            '{path}, line 3: prescription.daily_mg = "150" should be a number',
        ),
        (
            b'schema_version = 2\n[prescription]\ntablets_split = "no"\n',
            '{path}, line 3: prescription.tablets_split = "no" should be true or false',
        ),
        (
            b'schema_version = 2\n[prescription]\nstarted_on = "2026-03-01"\n',
            '{path}, line 3: prescription.started_on = "2026-03-01" should be a date such '
            "as 2026-03-01 (no quotes)",
        ),
        (
            b'schema_version = 2\n[prescription]\nschedule = "twice"\n',
            "{path}, line 3: prescription.schedule = \"twice\" is not allowed: use 'once' "
            "or 'split'",
        ),
        (
            b'schema_version = 2\nweight = "heavy"\n',
            '{path}, line 2: weight = "heavy" should be a table ([section] with keys)',
        ),
        (
            b'schema_version = 2\n\n[weight]\nunit = "kg"\nvalue = 5\n',
            "{path}, line 5: weight: 5 kg is outside 10 to 300 kg",
        ),
        (
            b'schema_version = 2\nweight = { value = 700, unit = "lb" }\n',
            "{path}, line 2: weight: 700 lb is outside 22 to 660 lb",
        ),
        (
            b"schema_version = 2\n[prescription]\ntablets_split = false\ndaily_mg = 125\n",
            "{path}, line 4: daily_mg 125 cannot be made from whole 50 mg tablets "
            "(tablet_mg = 50, tablets_split = false): use a multiple of 50 mg",
        ),
        (
            b"schema_version = 2\n[prescription]\nstopped_on = 2026-01-01\n"
            b"started_on = 2026-02-01\n",
            "{path}, line 3: stopped_on 2026-01-01 is before started_on 2026-02-01",
        ),
        (
            b"schema_version = 2\nprescription.started_on = 2027-01-01\n",
            "{path}, line 2: prescription.started_on: 2027-01-01 is in the future "
            "(today is 2026-11-25)",
        ),
        (
            b'schema_version = 2\nmedications = ["a", ""]\n',
            '{path}, line 2: medications: medicine name "" is empty or holds a control character',
        ),
        (
            b'schema_version = 2\n[prescription]\ndaily_mg = 600\nschedule = "x"\n',
            "{path}, line 3: prescription.daily_mg: 600 mg is outside 25 to 500 mg a day "
            "(and 1 more problem)",
        ),
    ],
    ids=[
        "unknown-key",
        "unknown-top-key",
        "unknown-key-new-table",
        "string-number",
        "string-bool",
        "string-date",
        "bad-choice",
        "weight-not-table",
        "weight-range",
        "inline-table",
        "dose-tablets",
        "stop-before-start",
        "future",
        "empty-name",
        "two-problems",
    ],
)
def test_invalid_profiles_are_named_with_their_line(profile_file: Path, content, message):
    profile_file.write_bytes(content)
    error = problem(profile_file)
    assert error.message == message.format(path=profile_file)
    assert error.code == "invalid_profile"


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (b"[weight]\nvalue = 70\n", "profile_schema", "{path}: schema_version is missing"),
        (
            b'schema_version = "1"\n',
            "profile_schema",
            "{path}: schema_version is '1', not a whole number",
        ),
        (
            b"schema_version = 0\n",
            "profile_schema",
            "{path}: schema_version 0 is not a version imuran ever wrote (this one reads 1 to 2)",
        ),
        (
            b"schema_version = 3\n",
            "profile_too_new",
            "{path} was written by a newer imuran (schema 3; this one reads up to 2)",
        ),
    ],
)
def test_schema_problems(profile_file: Path, content, code, message):
    profile_file.write_bytes(content)
    error = problem(profile_file)
    assert (error.code, error.message) == (code, message.format(path=profile_file))


def test_a_newer_profile_asks_for_an_upgrade(profile_file: Path):
    profile_file.write_bytes(b"schema_version = 99\n")
    assert problem(profile_file).hint == (
        "upgrade imuran: python -m pip install --upgrade imuran-cli"
    )


def test_a_folder_is_not_a_profile(tmp_path: Path):
    with pytest.raises(EnvironmentFailure) as caught:
        load(tmp_path)
    assert caught.value.code == "unreadable"
    assert caught.value.exit_code == 1


def test_an_unreadable_file_is_an_environment_failure(profile_file, monkeypatch):
    profile_file.write_bytes(VALID)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(EnvironmentFailure) as caught:
        load(profile_file)
    assert caught.value.message == f"cannot read {profile_file}: Permission denied"


def test_a_huge_file_is_not_a_profile(profile_file: Path):
    profile_file.write_bytes(b"#" * (profile_store.MAX_PROFILE_BYTES + 1))
    assert "larger than 1 MiB" in problem(profile_file).message


@pytest.mark.parametrize(
    ("text", "parts", "line"),
    [
        ("a = 1\n[prescription]\ndaily_mg = 1\n", ["prescription", "daily_mg"], 3),
        ("[prescription]\n  daily_mg=1\n", ["prescription", "daily_mg"], 2),
        ("prescription.daily_mg = 1\n", ["prescription", "daily_mg"], 1),
        ('[ "prescription" ]\n"daily_mg" = 1\n', ["prescription", "daily_mg"], 2),
        ("x = 1\n[weight]\nunit = 'kg'\n", ["weight", "value"], 2),
        ("weight = {value = 1}\n", ["weight", "value"], 1),
        ("[genetics]\ndaily_mg = 1\n", ["prescription", "daily_mg"], None),
        ("a = 1\n", [], None),
    ],
)
def test_line_of(text, parts, line):
    assert line_of(text, parts) == line


# ---------------------------------------------------------------- round trip


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=profiles())
def test_a_saved_profile_loads_equal(tmp_path: Path, data: dict[str, Any]):
    profile = parse_profile(data, LIMITS, TODAY, strict=True)
    path = tmp_path / "roundtrip.toml"
    profile_store.save_profile(path, profile)
    assert load(path) == profile
    assert tomllib.loads(path.read_text(encoding="utf-8")) == profile.to_data()


# ---------------------------------------------------------------- writing


def set_daily(mg: float):
    def change(raw):
        data = dict(raw or {"schema_version": 2})
        data["prescription"] = {**data.get("prescription", {}), "daily_mg": mg}
        return data

    return change


def test_update_creates_the_profile(profile_file: Path):
    saved = update_profile(profile_file, set_daily(100), LIMITS, NOW)
    assert saved.created and saved.backup is None
    assert saved.profile.prescription.daily_mg == 100
    assert load(profile_file) == saved.profile
    assert (profile_file.parent / "profile.toml.lock").exists()


def test_update_changes_the_profile(profile_file: Path):
    profile_file.write_bytes(VALID)
    saved = update_profile(profile_file, set_daily(100), LIMITS, NOW)
    assert not saved.created
    loaded = load(profile_file)
    assert loaded is not None and loaded.prescription.daily_mg == 100
    assert loaded.weight is not None and loaded.weight.value == 70


def test_an_invalid_result_writes_nothing(profile_file: Path):
    profile_file.write_bytes(VALID)
    with pytest.raises(ProfileError) as caught:
        update_profile(profile_file, set_daily(130.5), LIMITS, NOW)
    assert "daily_mg 130.5 cannot be made" in caught.value.message
    assert profile_file.read_bytes() == VALID


def test_a_refused_change_writes_nothing(profile_file: Path):
    profile_file.write_bytes(VALID)

    def refuse(raw):
        raise InputError("no", "no")

    with pytest.raises(InputError):
        update_profile(profile_file, refuse, LIMITS, NOW)
    assert profile_file.read_bytes() == VALID


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01", b"schema_version = 2\n[weight", b"schema_version = 2\nx = 1\n"],
)
def test_an_invalid_file_is_never_updated(profile_file: Path, content: bytes):
    profile_file.write_bytes(content)
    calls: list[Any] = []

    def change(raw: dict[str, Any] | None) -> dict[str, Any]:
        calls.append(raw)
        return raw or {}

    with pytest.raises(ProfileError):
        update_profile(profile_file, change, LIMITS, NOW)
    assert calls == []
    assert profile_file.read_bytes() == content
    assert sorted(p.name for p in profile_file.parent.iterdir()) == [
        "profile.toml",
        "profile.toml.lock",
    ]


def test_update_removes_stale_temp_files_under_the_lock(profile_file: Path):
    profile_file.write_bytes(VALID)
    stale = profile_file.parent / ".profile.toml.abcd1234.imuran-tmp"
    stale.write_bytes(b"half a")
    update_profile(profile_file, set_daily(100), LIMITS, NOW)
    assert not stale.exists()


def test_update_through_a_symlink_keeps_the_link(tmp_path: Path):
    real = tmp_path / "dotfiles" / "imuran.toml"
    real.parent.mkdir()
    real.write_bytes(VALID)
    link = tmp_path / "config" / "profile.toml"
    link.parent.mkdir()
    link.symlink_to(real)
    update_profile(link, set_daily(100), LIMITS, NOW)
    assert link.is_symlink()
    loaded = load(real)
    assert loaded is not None and loaded.prescription.daily_mg == 100
    # The lock sits with the real file, so two links to it share one lock.
    assert (real.parent / "imuran.toml.lock").exists()


def test_update_keeps_0600_under_umask_000(tmp_path: Path):
    path = tmp_path / "new" / "folder" / "profile.toml"
    old = os.umask(0)
    try:
        update_profile(path, set_daily(100), LIMITS, NOW)
    finally:
        os.umask(old)
    for item in (path, path.with_name("profile.toml.lock")):
        assert stat.S_IMODE(item.stat().st_mode) == 0o600
    for folder in (path.parent, path.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


# ---------------------------------------------------------------- replacing and backups


def new_profile() -> Profile:
    return parse_profile({"schema_version": 2, "medications": ["x"]}, LIMITS, TODAY)


def test_backup_path_is_utc_and_free(tmp_path: Path):
    path = tmp_path / "profile.toml"
    local = dt.datetime(2026, 11, 25, 11, 30, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    first = backup_path(path, local)
    assert first.name == "profile.toml.20261125T103005Z.bak"
    first.write_text("x")
    assert backup_path(path, local).name == "profile.toml.20261125T103005Z-2.bak"


def test_replace_refuses_an_existing_profile(profile_file: Path):
    profile_file.write_bytes(b"\x00corrupt")
    with pytest.raises(ProfileError) as caught:
        replace_profile(profile_file, new_profile(), NOW, force=False)
    assert caught.value.code == "profile_exists"
    assert "--force" in (caught.value.hint or "")
    assert profile_file.read_bytes() == b"\x00corrupt"


def test_replace_with_force_keeps_the_old_bytes(profile_file: Path):
    profile_file.write_bytes(b"\x00corrupt")
    backup = replace_profile(profile_file, new_profile(), NOW, force=True)
    assert backup == profile_file.with_name("profile.toml.20261125T100000Z.bak")
    assert backup.read_bytes() == b"\x00corrupt"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert profile_file.read_bytes() == dump_profile(new_profile())


def test_replace_without_a_profile_makes_no_backup(profile_file: Path):
    assert replace_profile(profile_file, new_profile(), NOW, force=True) is None
    assert load(profile_file) == new_profile()


def test_replace_a_symlinked_profile_backs_up_its_target(tmp_path: Path):
    real = tmp_path / "real.toml"
    real.write_bytes(VALID)
    link = tmp_path / "profile.toml"
    link.symlink_to(real)
    backup = replace_profile(link, new_profile(), NOW, force=True)
    assert backup is not None and backup.read_bytes() == VALID
    assert backup.parent == real.parent and backup.name.startswith("real.toml.")
    assert link.is_symlink() and load(link) == new_profile()


def test_a_failed_backup_leaves_the_profile(profile_file: Path, monkeypatch):
    profile_file.write_bytes(VALID)
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "full")))
    with pytest.raises(EnvironmentFailure):
        replace_profile(profile_file, new_profile(), NOW, force=True)
    monkeypatch.undo()
    assert profile_file.read_bytes() == VALID
    assert sorted(p.name for p in profile_file.parent.iterdir()) == [
        "profile.toml",
        "profile.toml.lock",
    ]
