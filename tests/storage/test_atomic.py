"""Atomic, owner-only writes: permissions, symlinks, stale temp files and injected faults."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from imuran_cli.core.errors import EnvironmentFailure
from imuran_cli.storage import atomic
from imuran_cli.storage.atomic import (
    atomic_write_bytes,
    ensure_private_dir,
    is_temp_file_of,
    real_target,
    remove_stale_temp_files,
)

OLD = b"schema_version = 2\n# the old file\n"
NEW = b"schema_version = 2\n# the new file, a little longer than the old one\n"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    target = tmp_path / "profile.toml"
    target.write_bytes(OLD)
    return target


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(atomic.TEMP_SUFFIX))


def test_write_replaces_the_file(old_file: Path):
    atomic_write_bytes(old_file, NEW)
    assert old_file.read_bytes() == NEW
    assert leftovers(old_file.parent) == []


def test_file_is_0600_and_new_folders_0700_under_umask_000(tmp_path: Path, umask_000):
    target = tmp_path / "a" / "b" / "profile.toml"
    atomic_write_bytes(target, NEW)
    assert mode(target) == 0o600
    assert mode(tmp_path / "a") == 0o700
    assert mode(tmp_path / "a" / "b") == 0o700


def test_an_existing_folder_keeps_its_mode(tmp_path: Path, umask_000):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    atomic_write_bytes(folder / "profile.toml", NEW)
    assert mode(folder) == 0o755
    assert mode(folder / "profile.toml") == 0o600


def test_a_world_readable_file_becomes_private(old_file: Path):
    old_file.chmod(0o644)
    atomic_write_bytes(old_file, NEW)
    assert mode(old_file) == 0o600


def test_ensure_private_dir_reports_a_file_in_the_way(tmp_path: Path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(EnvironmentFailure) as caught:
        ensure_private_dir(tmp_path / "file" / "sub")
    assert caught.value.code == "unwritable"
    assert str(tmp_path / "file" / "sub") in caught.value.message


def test_a_symlink_is_written_through_and_survives(tmp_path: Path):
    real = tmp_path / "dotfiles" / "imuran.toml"
    real.parent.mkdir()
    real.write_bytes(OLD)
    link = tmp_path / "config" / "profile.toml"
    link.parent.mkdir()
    link.symlink_to(real)
    atomic_write_bytes(link, NEW)
    assert link.is_symlink()
    assert link.readlink() == real
    assert real.read_bytes() == NEW
    assert real_target(link) == real
    assert leftovers(real.parent) == [] and leftovers(link.parent) == []


def test_a_relative_symlink_chain_is_followed(tmp_path: Path):
    (tmp_path / "real.toml").write_bytes(OLD)
    (tmp_path / "middle.toml").symlink_to("real.toml")
    (tmp_path / "profile.toml").symlink_to("middle.toml")
    atomic_write_bytes(tmp_path / "profile.toml", NEW)
    assert (tmp_path / "real.toml").read_bytes() == NEW
    assert (tmp_path / "profile.toml").is_symlink() and (tmp_path / "middle.toml").is_symlink()


def test_a_dangling_symlink_creates_its_target(tmp_path: Path):
    link = tmp_path / "profile.toml"
    link.symlink_to(tmp_path / "elsewhere.toml")
    atomic_write_bytes(link, NEW)
    assert link.is_symlink()
    assert (tmp_path / "elsewhere.toml").read_bytes() == NEW


# ---------------------------------------------------------------- stale temp files


@pytest.mark.parametrize(
    ("name", "mine"),
    [
        (".profile.toml.k2j3_9ab.imuran-tmp", True),
        (".profile.toml.20261125T100000Z.bak.abcd1234.imuran-tmp", True),
        (".profile.toml.20261125T100000Z-2.bak.abcd1234.imuran-tmp", True),
        (".profile.toml.x.toml.abcd1234.imuran-tmp", False),  # another profile's
        (".other.toml.abcd1234.imuran-tmp", False),
        ("profile.toml", False),
        ("profile.toml.lock", False),
        ("profile.toml.20261125T100000Z.bak", False),
        (".profile.toml.abcd1234.tmp", False),
    ],
)
def test_is_temp_file_of(name, mine):
    assert is_temp_file_of(name, "profile.toml") is mine


def test_stale_temp_files_are_removed_and_nothing_else(tmp_path: Path):
    target = tmp_path / "profile.toml"
    names = {
        ".profile.toml.abcd1234.imuran-tmp": True,
        ".profile.toml.20261125T100000Z.bak.zz99zz99.imuran-tmp": True,
        ".notes.toml.abcd1234.imuran-tmp": False,
        "profile.toml": False,
        "profile.toml.lock": False,
        "notes.txt": False,
    }
    for name in names:
        (tmp_path / name).write_text("x")
    removed = remove_stale_temp_files(target)
    assert sorted(p.name for p in removed) == sorted(n for n, stale in names.items() if stale)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        n for n, stale in names.items() if not stale
    )


def test_temp_files_carry_the_target_name(old_file: Path, monkeypatch: pytest.MonkeyPatch):
    seen: list[str] = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    atomic_write_bytes(old_file, NEW)
    assert len(seen) == 1 and is_temp_file_of(seen[0], "profile.toml")


# ---------------------------------------------------------------- fault injection


def enospc(*args: object, **kwargs: object) -> int:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def eio(*args: object, **kwargs: object) -> int:
    raise OSError(errno.EIO, os.strerror(errno.EIO))


@pytest.mark.parametrize("call", ["write", "fsync", "replace", "fchmod"])
@pytest.mark.parametrize("fault", [enospc, eio], ids=["ENOSPC", "EIO"])
def test_a_failing_call_keeps_the_old_file_and_leaves_no_temp_file(
    old_file: Path, monkeypatch: pytest.MonkeyPatch, call, fault
):
    monkeypatch.setattr(os, call, fault)
    with pytest.raises(EnvironmentFailure) as caught:
        atomic_write_bytes(old_file, NEW)
    monkeypatch.undo()
    assert old_file.read_bytes() == OLD
    assert leftovers(old_file.parent) == []
    assert caught.value.exit_code == 1
    assert caught.value.code == "unwritable"
    assert caught.value.message.startswith(f"cannot write {old_file}: ")
    assert "the previous file was kept" in (caught.value.hint or "")


def test_no_space_is_named(old_file: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(os, "write", enospc)
    with pytest.raises(EnvironmentFailure) as caught:
        atomic_write_bytes(old_file, NEW)
    assert caught.value.message == f"cannot write {old_file}: No space left on device"


def test_a_short_write_then_enospc_keeps_the_old_file(old_file: Path, monkeypatch):
    real_write = os.write
    calls = {"n": 0}

    def short_then_full(fd, data):
        calls["n"] += 1
        if calls["n"] == 1:
            return real_write(fd, bytes(data[:5]))
        return enospc()

    monkeypatch.setattr(os, "write", short_then_full)
    with pytest.raises(EnvironmentFailure):
        atomic_write_bytes(old_file, NEW)
    monkeypatch.undo()
    assert old_file.read_bytes() == OLD
    assert leftovers(old_file.parent) == []


def test_short_writes_are_completed(old_file: Path, monkeypatch: pytest.MonkeyPatch):
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:3])))
    atomic_write_bytes(old_file, NEW)
    assert old_file.read_bytes() == NEW


def test_a_write_that_makes_no_progress_is_no_space(old_file: Path, monkeypatch):
    monkeypatch.setattr(os, "write", lambda fd, data: 0)
    with pytest.raises(EnvironmentFailure) as caught:
        atomic_write_bytes(old_file, NEW)
    monkeypatch.undo()
    assert "No space left on device" in caught.value.message
    assert old_file.read_bytes() == OLD
    assert leftovers(old_file.parent) == []


def test_a_failing_temp_file_creation_keeps_the_old_file(old_file: Path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "mkstemp", eio)
    with pytest.raises(EnvironmentFailure):
        atomic_write_bytes(old_file, NEW)
    monkeypatch.undo()
    assert old_file.read_bytes() == OLD


def test_a_folder_fsync_failure_after_the_rename_says_the_file_was_written(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
):
    real_fsync = os.fsync
    calls = {"n": 0}

    def second_fails(fd):
        calls["n"] += 1
        if calls["n"] == 2:
            eio()
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", second_fails)
    with pytest.raises(EnvironmentFailure) as caught:
        atomic_write_bytes(old_file, NEW)
    assert caught.value.message.startswith(f"{old_file} was written, but its folder")
    assert old_file.read_bytes() == NEW
    assert leftovers(old_file.parent) == []


def test_folders_that_cannot_be_fsynced_are_accepted(old_file: Path, monkeypatch):
    real_fsync = os.fsync
    calls = {"n": 0}

    def folder_unsupported(fd):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", folder_unsupported)
    atomic_write_bytes(old_file, NEW)
    assert old_file.read_bytes() == NEW
