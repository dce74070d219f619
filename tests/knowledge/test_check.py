"""The knowledge check (tests and ``python -m imuran_cli.knowledge --check``): every file
valid, and each kind of problem caught."""

from __future__ import annotations

import copy
import subprocess
import sys
from typing import Any

import pytest

from imuran_cli.knowledge._check import FILES, check_all, check_data, packaged_files
from imuran_cli.knowledge._files import read_data


def test_every_packaged_file_is_checked_and_valid():
    assert set(packaged_files()) == set(FILES)
    assert check_all() == []


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_is_valid(name: str):
    assert check_data(name, read_data(name)) == []


def limits_with(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(read_data("limits.toml"))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["pound"].update(grams=453), "limits.toml: pound.grams: Extra inputs"),
        (lambda d: d["tablets"].update(pieces_when_split="2"), "pieces_when_split: '2' is not"),
        (lambda d: d["tablets"].update(strengths_mg=["fifty"]), "tablets.strengths_mg.0:"),
        (lambda d: d["schedule"].pop("doses_when_split"), "schedule.doses_when_split: Field"),
        (lambda d: d["tablets"].update(default_strength_mg=60), "default_strength_mg is not one"),
        (lambda d: d["daily_mg"].update(min=600), "daily_mg: min 600"),
        (lambda d: d["pound"].update(source="NOWHERE"), "unknown source 'NOWHERE'"),
    ],
)
def test_each_kind_of_problem_is_caught(change, problem: str):
    found = check_data("limits.toml", limits_with(change))
    assert any(problem in item for item in found), found


def test_a_statement_without_a_source_is_caught():
    data = copy.deepcopy(read_data("missed.toml"))
    data["never_double"].pop("source")
    found = check_data("missed.toml", data)
    assert any("never_double" in item for item in found), found


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "imuran_cli.knowledge", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_check_command():
    result = run_check("--check")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"ok: {len(FILES)} knowledge files are valid\n"
    assert run_check().returncode == 2


def test_a_missing_or_broken_file_is_reported_and_the_others_checked(monkeypatch, tmp_path):
    from imuran_cli.knowledge import _check, _files

    for name in FILES:
        (tmp_path / name).write_text((_files.DATA_DIR / name).read_text(encoding="utf-8"))
    (tmp_path / "missed.toml").unlink()
    (tmp_path / "travel.toml").write_text("items = [", encoding="utf-8")
    monkeypatch.setattr(_files, "DATA_DIR", tmp_path)
    monkeypatch.setattr(_check, "DATA_DIR", tmp_path)
    problems = check_all()
    assert len(problems) == 2, problems
    assert "missed.toml cannot be read" in problems[0]
    assert "travel.toml cannot be read" in problems[1]
