"""Schema migrations: ordered steps, newer files refused, a migrated file saved after a .bak.

No past schema exists yet, so the machinery is tested with a fake chain: a made-up
schema 0 (``weight_kg`` and ``dose_mg`` at the top) that migrates to the real schema 1.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from imuran_cli.core.errors import ProfileError
from imuran_cli.core.profile import SCHEMA_VERSION
from imuran_cli.storage import migrations
from imuran_cli.storage.migrations import MIGRATIONS, migrate, oldest_version
from imuran_cli.storage.profile_store import load_profile, update_profile
from tests.core.test_profile import LIMITS

FIXTURES = Path(__file__).parent / "fixtures"
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)

V0 = b"""schema_version = 0
weight_kg = 70
dose_mg = 150
"""


def v0_to_v1(raw: dict[str, Any]) -> dict[str, Any]:
    """The fake past step: flat keys of schema 0 into the tables of schema 1."""
    data = {key: value for key, value in raw.items() if key not in ("weight_kg", "dose_mg")}
    if "weight_kg" in raw:
        data["weight"] = {"value": raw["weight_kg"], "unit": "kg"}
    if "dose_mg" in raw:
        data["prescription"] = {"daily_mg": raw["dose_mg"]}
    return data


@pytest.fixture
def fake_v0(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", {0: v0_to_v1, **migrations.MIGRATIONS})


# ---------------------------------------------------------------- the machinery


def test_steps_run_in_order_and_each_sets_the_version():
    seen: list[tuple[str, Any]] = []

    def one(raw):
        seen.append(("one", raw["schema_version"]))
        return {**raw, "trail": [*raw.get("trail", []), 1]}

    def two(raw):
        seen.append(("two", raw["schema_version"]))
        return {**raw, "trail": [*raw["trail"], 2]}

    raw = {"schema_version": 1, "trail": []}
    data, changed = migrate(raw, "p.toml", current=3, steps={2: two, 1: one})
    assert changed
    assert data == {"schema_version": 3, "trail": [1, 2]}
    assert seen == [("one", 1), ("two", 2)]
    assert raw == {"schema_version": 1, "trail": []}  # the input is left alone


def test_a_middle_version_only_runs_the_later_steps():
    data, changed = migrate(
        {"schema_version": 2},
        "p.toml",
        current=3,
        steps={1: lambda raw: {**raw, "one": True}, 2: lambda raw: {**raw, "two": True}},
    )
    assert changed and data == {"schema_version": 3, "two": True}


def test_a_current_profile_is_not_changed():
    raw = {"schema_version": 3, "x": 1}
    assert migrate(raw, "p.toml", current=3, steps={1: v0_to_v1, 2: v0_to_v1}) == (raw, False)


def test_a_gap_in_the_chain_is_a_bug():
    with pytest.raises(RuntimeError, match="no migration from profile schema 2"):
        migrate({"schema_version": 1}, "p.toml", current=3, steps={1: lambda raw: raw})


@pytest.mark.parametrize(
    ("version", "code", "message"),
    [
        (
            4,
            "profile_too_new",
            "p.toml was written by a newer imuran (schema 4; this one reads up to 3)",
        ),
        (
            0,
            "profile_schema",
            "p.toml: schema_version 0 is not a version imuran ever wrote (this one reads 1 to 3)",
        ),
        (True, "profile_schema", "p.toml: schema_version is True, not a whole number"),
        (1.0, "profile_schema", "p.toml: schema_version is 1.0, not a whole number"),
        (None, "profile_schema", "p.toml: schema_version is missing"),
    ],
)
def test_versions_outside_the_chain_are_refused(version, code, message):
    raw = {} if version is None else {"schema_version": version}
    with pytest.raises(ProfileError) as caught:
        migrate(raw, "p.toml", current=3, steps={1: v0_to_v1, 2: v0_to_v1})
    assert (caught.value.code, caught.value.message) == (code, message)


# ---------------------------------------------------------------- the real chain


def test_the_chain_reaches_the_current_schema_without_gaps():
    assert sorted(MIGRATIONS) == list(range(oldest_version(), SCHEMA_VERSION))


@pytest.mark.parametrize("version", range(oldest_version(), SCHEMA_VERSION + 1))
def test_every_version_has_a_fixture_that_loads(version):
    fixture = FIXTURES / f"v{version}.toml"
    assert fixture.exists(), f"keep a profile of schema {version} in {fixture}"
    profile = load_profile(fixture, LIMITS, NOW.date())
    assert profile is not None and profile.schema_version == SCHEMA_VERSION


# ---------------------------------------------------------------- through storage


def test_an_old_profile_is_read_without_writing(tmp_path: Path, fake_v0):
    path = tmp_path / "profile.toml"
    path.write_bytes(V0)
    profile = load_profile(path, LIMITS, NOW.date())
    assert profile is not None
    assert profile.weight is not None and profile.weight.value == 70
    assert profile.prescription.daily_mg == 150
    assert path.read_bytes() == V0
    assert [p.name for p in tmp_path.iterdir()] == ["profile.toml"]


def test_an_old_profile_is_saved_after_a_backup_on_the_next_write(tmp_path: Path, fake_v0):
    path = tmp_path / "profile.toml"
    path.write_bytes(V0)

    def set_tpmt(raw):
        assert raw["schema_version"] == SCHEMA_VERSION  # the change sees migrated data
        return {**raw, "genetics": {"tpmt": "normal"}}

    saved = update_profile(path, set_tpmt, LIMITS, NOW)
    assert saved.backup == tmp_path / "profile.toml.20261125T100000Z.bak"
    assert saved.backup.read_bytes() == V0
    assert path.read_text(encoding="utf-8").startswith(f"schema_version = {SCHEMA_VERSION}\n")
    profile = load_profile(path, LIMITS, NOW.date())
    assert profile is not None and profile.genetics.tpmt == "normal"
    assert profile.prescription.daily_mg == 150

    # Now current: the next write makes no new backup.
    again = update_profile(path, lambda raw: raw or {}, LIMITS, NOW)
    assert again.backup is None
    assert len(list(tmp_path.glob("*.bak"))) == 1


def test_a_refused_change_to_an_old_profile_leaves_it_and_makes_no_backup(tmp_path, fake_v0):
    path = tmp_path / "profile.toml"
    path.write_bytes(V0)
    with pytest.raises(ProfileError):
        update_profile(
            path, lambda raw: {**(raw or {}), "prescription": {"daily_mg": 999}}, LIMITS, NOW
        )
    assert path.read_bytes() == V0
    assert not list(tmp_path.glob("*.bak"))
