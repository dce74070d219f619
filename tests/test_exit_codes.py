"""Exit codes and JSON error codes, pinned per error type, each through a real command.

DESIGN.md: 0 answered; 2 bad input (usage, invalid value, invalid profile content);
1 environment failure (unreadable or unwritable file, lock timeout, internal error);
130 interrupted.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from imuran_cli.core import errors
from imuran_cli.core.errors import (
    EnvironmentFailure,
    ImuranError,
    InputError,
    KnowledgeError,
    LockTimeout,
    ProfileError,
)
from imuran_cli.storage import lock as lock_module

PINNED: dict[type[ImuranError], tuple[int, str]] = {
    InputError: (2, "invalid_input"),
    ProfileError: (2, "invalid_profile"),
    EnvironmentFailure: (1, "environment"),
    LockTimeout: (1, "lock_timeout"),
    KnowledgeError: (1, "knowledge_data"),
}


def all_subclasses(cls: type[ImuranError]) -> set[type[ImuranError]]:
    found: set[type[ImuranError]] = set()
    for sub in cls.__subclasses__():
        found |= {sub, *all_subclasses(sub)}
    return found


def test_the_exit_codes_of_design_md():
    assert (errors.EXIT_OK, errors.EXIT_ENVIRONMENT, errors.EXIT_BAD_INPUT) == (0, 1, 2)
    assert errors.EXIT_INTERRUPTED == 130


def test_every_error_type_is_pinned():
    assert all_subclasses(ImuranError) == set(PINNED), "pin the new error type here"


@pytest.mark.parametrize("cls", PINNED, ids=lambda cls: cls.__name__)
def test_each_error_type_has_its_exit_code_and_default_code(cls):
    error = cls("message", "hint")
    assert (error.exit_code, error.code) == PINNED[cls]
    assert cls("m", code="specific").code == "specific"


# ---------------------------------------------------------------- through real commands


def hold_lock(profile: Path) -> int:
    profile.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(profile.with_name(profile.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def replace_with_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def break_knowledge(monkeypatch: pytest.MonkeyPatch) -> None:
    from imuran_cli.knowledge import _files

    monkeypatch.setattr(_files, "read_data", lambda name: {"weight": "broken"})


def crash(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    from imuran_cli.storage import profile_store

    def raise_it(*args, **kwargs):
        raise exc

    monkeypatch.setattr(profile_store, "load_profile", raise_it)


Setup = Callable[[pytest.MonkeyPatch, Path], object]

CASES: list[tuple[str, type[ImuranError] | None, Setup, list[str], int, str]] = [
    (
        "input",
        InputError,
        lambda mp, p: None,
        ["profile", "set", "weight", "heavy"],
        2,
        "invalid_weight",
    ),
    (
        "input-unknown-key",
        InputError,
        lambda mp, p: None,
        ["profile", "set", "dose", "1"],
        2,
        "unknown_key",
    ),
    (
        "input-range",
        InputError,
        lambda mp, p: None,
        ["profile", "set", "daily-mg", "900"],
        2,
        "out_of_range",
    ),
    (
        "profile-corrupt",
        ProfileError,
        lambda mp, p: p.write_bytes(b"\x00"),
        ["profile", "show"],
        2,
        "profile_corrupt",
    ),
    (
        "profile-invalid",
        ProfileError,
        lambda mp, p: p.write_text("schema_version = 2\nx = 1\n"),
        ["profile", "set", "weight", "70"],
        2,
        "invalid_profile",
    ),
    (
        "profile-too-new",
        ProfileError,
        lambda mp, p: p.write_text("schema_version = 99\n"),
        ["profile", "show"],
        2,
        "profile_too_new",
    ),
    (
        "profile-missing",
        ProfileError,
        lambda mp, p: p.unlink(),
        ["profile", "show"],
        2,
        "no_profile",
    ),
    (
        "profile-exists",
        ProfileError,
        lambda mp, p: None,
        ["profile", "init"],
        2,
        "profile_exists",
    ),
    (
        "environment-folder",
        EnvironmentFailure,
        lambda mp, p: replace_with_folder(p),
        ["profile", "show"],
        1,
        "unreadable",
    ),
    (
        "lock-timeout",
        LockTimeout,
        lambda mp, p: (mp.setattr(lock_module, "LOCK_TIMEOUT_SECONDS", 0.1), hold_lock(p)),
        ["profile", "set", "weight", "70"],
        1,
        "lock_timeout",
    ),
    (
        "knowledge",
        KnowledgeError,
        lambda mp, p: break_knowledge(mp),
        ["profile", "set", "weight", "70"],
        1,
        "knowledge_data",
    ),
    (
        "internal",
        None,
        lambda mp, p: crash(mp, RuntimeError("bug")),
        ["profile", "show"],
        1,
        "internal_error",
    ),
    (
        "usage",
        None,
        lambda mp, p: None,
        ["profile", "show", "--bogus"],
        2,
        "usage",
    ),
]


@pytest.fixture
def existing(profile_path: Path) -> Path:
    profile_path.parent.mkdir(parents=True, exist_ok=True)
    profile_path.write_text("schema_version = 2\n", encoding="utf-8")
    return profile_path


@pytest.mark.parametrize(
    ("setup", "args", "exit_code", "code"),
    [case[2:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_human_errors(cli, existing, monkeypatch, setup, args, exit_code, code):
    setup(monkeypatch, existing)
    result = cli(*args)
    assert result.exit_code == exit_code
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert "\nhint: " in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("setup", "args", "exit_code", "code"),
    [case[2:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_json_errors(cli, existing, monkeypatch, setup, args, exit_code, code):
    setup(monkeypatch, existing)
    result = cli(*args, "--json")
    assert result.exit_code == exit_code
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert set(document) == {"error"}
    assert set(document["error"]) == {"code", "message", "hint"}
    assert document["error"]["code"] == code


@pytest.mark.parametrize("cls", PINNED, ids=lambda cls: cls.__name__)
def test_every_pinned_type_is_reached_by_a_command(cls):
    assert any(case[1] is cls for case in CASES), f"add a command that raises {cls.__name__}"


def test_the_case_exceptions_are_of_their_type(cli, existing, monkeypatch):
    """Guard: each case really raises the type it claims (seen with IMURAN_DEBUG=1)."""
    for _name, cls, setup, args, _, _ in CASES:
        if cls is None:
            continue
        with monkeypatch.context() as patch:
            if not existing.exists() and not existing.is_dir():
                existing.write_text("schema_version = 2\n", encoding="utf-8")
            setup(patch, existing)
            with pytest.raises(cls):
                cli(*args, env={"IMURAN_DEBUG": "1"})
        if existing.is_dir():
            existing.rmdir()
        existing.write_text("schema_version = 2\n", encoding="utf-8")
        existing.with_name(existing.name + ".lock").unlink(missing_ok=True)


def test_success_is_0(cli, existing):
    assert cli("profile", "show").exit_code == 0
    assert cli("profile", "show", "--json").exit_code == 0


def test_interrupted_is_130(cli, existing, monkeypatch):
    crash(monkeypatch, KeyboardInterrupt())
    result = cli("profile", "show")
    assert result.exit_code == 130
    assert "Traceback" not in result.stderr
    json_result = cli("profile", "show", "--json")
    assert json_result.exit_code == 130
    assert json_result.stderr == ""


def test_unwritable_folder_is_1(cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = cli(
        "--profile", str(blocker / "profile.toml"), "profile", "set", "weight", "70", "--json"
    )
    assert result.exit_code == 1
    assert result.json()["error"]["code"] == "unwritable"
