"""The knowledge files compiled to Python modules (``_build``): the commands read the
modules, so each must hold exactly what its TOML file says (the drift test below fails
when a TOML file is edited and ``python -m imuran_cli.knowledge --build`` forgotten)."""

from __future__ import annotations

import copy
import hashlib
import importlib
import inspect
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from imuran_cli.knowledge._build import BUILD_COMMAND, build, compiled_problems, same
from imuran_cli.knowledge._check import FILES
from imuran_cli.knowledge._files import COMPILED_DIR, COMPILED_PACKAGE, DATA_DIR, read_data
from imuran_cli.knowledge.adl import load_emergency_line
from imuran_cli.knowledge.errors import KnowledgeError

PACKAGE_DIR = DATA_DIR.parent


def compiled(name: str) -> Any:
    return importlib.import_module(f"{COMPILED_PACKAGE}.{name.removesuffix('.toml')}")


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_compiled_module_holds_what_the_toml_file_says(name: str):
    raw = (DATA_DIR / name).read_bytes()
    module = compiled(name)
    assert hashlib.sha256(raw).hexdigest() == module.SOURCE_SHA256, (
        f"{name} changed: run {BUILD_COMMAND}"
    )
    assert same(module.DATA, tomllib.loads(raw.decode("utf-8")))
    assert read_data(name) is module.DATA


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        ({"a": [1, "x", True, 0.5]}, {"a": [1, "x", True, 0.5]}, True),
        ({"a": 1}, {"a": 1.0}, False),
        ({"a": 1}, {"a": True}, False),
        ({"a": [1, 2]}, {"a": [1, 2, 3]}, False),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, False),
        ({"a": {"b": "x"}}, {"a": {"b": "y"}}, False),
        ({"a": [1]}, {"a": (1,)}, False),
    ],
)
def test_same_compares_types_and_order_too(one: Any, other: Any, expected: bool):
    assert same(one, other) is expected
    assert same(other, one) is expected


def test_the_build_is_deterministic_and_matches_the_committed_modules(tmp_path: Path):
    first = build(FILES, DATA_DIR, tmp_path / "first")
    second = build(FILES, DATA_DIR, tmp_path / "second")
    assert [path.name for path in first] == [path.name for path in second]
    committed = {path.name for path in COMPILED_DIR.glob("*.py")}
    assert {path.name for path in first} == committed
    for path in first:
        assert path.read_bytes() == (tmp_path / "second" / path.name).read_bytes()
        assert path.read_bytes() == (COMPILED_DIR / path.name).read_bytes(), (
            f"{path.name} is not what the build writes: run {BUILD_COMMAND}"
        )


def test_a_module_starts_with_its_header():
    text = (COMPILED_DIR / "limits.py").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == (
        "# Generated from knowledge/limits.toml by `python -m imuran_cli.knowledge --build`."
    )
    assert lines[1].startswith("# Do not edit: edit the TOML file and build again")
    assert lines[2].startswith('SOURCE_SHA256 = "') and lines[3].startswith("DATA = {")


@pytest.fixture
def copy_of_the_data(tmp_path: Path) -> tuple[Path, Path]:
    """The knowledge files and their compiled modules, copied (source, compiled)."""
    source = tmp_path / "knowledge"
    source.mkdir()
    for name in FILES:
        shutil.copyfile(DATA_DIR / name, source / name)
    shutil.copytree(COMPILED_DIR, source / "_compiled", ignore=shutil.ignore_patterns("__pyc*"))
    return source, source / "_compiled"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


OUT_OF_DATE = f"limits.toml: compiled copy is out of date; run {BUILD_COMMAND}"


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda src, out: None, []),
        (
            lambda src, out: (out / "limits.py").unlink(),
            [f"limits.toml: compiled copy is missing; run {BUILD_COMMAND}"],
        ),
        (lambda src, out: edit(src / "limits.toml", "min = 10\n", "min = 11\n"), [OUT_OF_DATE]),
        # A comment changes no data, but the digest says the module was not rebuilt.
        (lambda src, out: edit(src / "limits.toml", "[", "# note\n["), [OUT_OF_DATE]),
        # The digest still matches, the data does not (an int became a float).
        (lambda src, out: edit(out / "limits.py", "'min': 10,", "'min': 10.0,"), [OUT_OF_DATE]),
        (
            lambda src, out: (out / "limits.py").write_text("DATA = {", encoding="utf-8"),
            [OUT_OF_DATE],
        ),
        # An unreadable file is the validation's to report, not this check's.
        (lambda src, out: (src / "limits.toml").write_text("x = [", encoding="utf-8"), []),
    ],
    ids=["fresh", "missing", "edited", "comment", "retyped", "damaged", "unreadable"],
)
def test_a_missing_or_stale_module_is_reported(copy_of_the_data, damage, expected):
    source, target = copy_of_the_data
    damage(source, target)
    assert compiled_problems(FILES, source, target) == expected


def test_building_again_makes_the_copy_fresh(copy_of_the_data):
    source, target = copy_of_the_data
    edit(source / "limits.toml", "min = 10\n", "min = 11\n")
    (target / "medicines.py").unlink()
    assert len(compiled_problems(FILES, source, target)) == 2
    build(FILES, source, target)
    assert compiled_problems(FILES, source, target) == []


def test_a_build_that_cannot_read_a_file_writes_nothing(copy_of_the_data):
    source, target = copy_of_the_data
    edit(source / "limits.toml", "min = 10\n", "min = 11\n")
    (source / "travel.toml").write_text("items = [", encoding="utf-8")
    before = {path.name: path.read_bytes() for path in target.glob("*.py")}
    with pytest.raises(KnowledgeError, match=r"travel\.toml cannot be read"):
        build(FILES, source, target)
    assert {path.name: path.read_bytes() for path in target.glob("*.py")} == before


def run_module(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m imuran_cli.knowledge ARGS`` on the copy of the package under ``root``."""
    env = dict(os.environ, PYTHONPATH=str(root))
    return subprocess.run(
        [sys.executable, "-m", "imuran_cli.knowledge", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_check_and_build_commands_on_an_edited_copy(tmp_path: Path):
    package = tmp_path / "imuran_cli"
    shutil.copytree(PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    edit(package / "knowledge" / "limits.toml", "min = 10\n", "min = 11\n")

    stale = run_module(tmp_path, "--check")
    assert (stale.returncode, stale.stdout) == (1, "")
    assert stale.stderr == f"error: {OUT_OF_DATE}\n"

    built = run_module(tmp_path, "--build")
    assert (built.returncode, built.stderr) == (0, "")
    written = built.stdout.splitlines()
    assert len(written) == len(FILES) + 2  # and the search index, and __init__.py
    assert f"wrote {package / 'knowledge' / '_compiled' / 'limits.py'}" in written

    fresh = run_module(tmp_path, "--check")
    assert (fresh.returncode, fresh.stderr) == (0, "")
    probe = (
        "from imuran_cli.knowledge import _files; "
        "print(_files.__file__, _files.read_data('limits.toml')['weight']['kg']['min'])"
    )
    read = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(tmp_path)),
        timeout=60,
        check=True,
    )
    assert read.stdout.split() == [str(package / "knowledge" / "_files.py"), "11"]


def test_read_data_of_a_missing_module_is_a_knowledge_error(monkeypatch):
    monkeypatch.setitem(sys.modules, f"{COMPILED_PACKAGE}.limits", None)
    with pytest.raises(KnowledgeError, match=r"limits\.toml cannot be read") as caught:
        read_data("limits.toml")
    assert caught.value.hint is not None and "reinstall" in caught.value.hint
    with pytest.raises(KnowledgeError, match=r"nowhere\.toml cannot be read"):
        read_data("nowhere.toml")


def test_a_command_without_its_compiled_knowledge_says_reinstall(monkeypatch, cli):
    monkeypatch.setitem(sys.modules, f"{COMPILED_PACKAGE}.limits", None)
    result = cli("dose", "--weight", "70")
    assert result.exit_code == 1
    words = " ".join(result.stderr.split())  # the lines are wrapped at 60 columns
    assert words.startswith("error: the packaged knowledge file limits.toml cannot be read")
    assert "hint: reinstall imuran" in words
    assert "Traceback" not in result.stderr
    answer = cli("dose", "--weight", "70", "--json").json()
    assert answer["error"]["code"] == "knowledge_data"


def loaders() -> list[Any]:
    """Every ``load_*`` function of the knowledge modules that takes no argument."""
    found = []
    for module_name, _ in FILES.values():
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if (
                name.startswith("load_")
                and inspect.isfunction(value)
                and value.__module__ == module_name
                and not inspect.signature(value).parameters
            ):
                found.append(value)
    return found


def test_no_loader_or_command_changes_the_shared_data(cli, write_profile):
    """read_data hands every caller the same dict (no copy, for speed): nobody may change it."""
    before = {name: copy.deepcopy(read_data(name)) for name in FILES}
    assert len(loaders()) >= len(FILES)
    for load in loaders():
        load()
    load_emergency_line(read_data("side_effects.toml")["effects"][0]["id"])
    write_profile("schema_version = 2\n[prescription]\ndaily_mg = 150\nstarted_on = 2026-03-01\n")
    for args in (
        ["dose", "--weight", "70"],
        ["check", "ciprofloxacin", "Zostavax"],
        ["side-effects", "fever"],
        ["sources"],
        ["status", "--json"],
        ["pregnancy"],
        ["travel", "--days", "14", "--daily-mg", "150"],
        ["missed", "--when", "yesterday"],
        ["report", "--format", "markdown"],
    ):
        assert cli(*args).exit_code == 0, args
    for name in FILES:
        assert same(read_data(name), before[name]), name


INDEX_OUT_OF_DATE = f"side_effects_index.py: the search index is out of date; run {BUILD_COMMAND}"


def index_problems(source: Path, target: Path) -> list[str]:
    return [p for p in compiled_problems(FILES, source, target) if "search index" in p]


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda src, out: None, []),
        (
            lambda src, out: (out / "side_effects_index.py").unlink(),
            [f"side_effects_index.py: the search index is missing; run {BUILD_COMMAND}"],
        ),
        # A new synonym is a new phrase of the index.
        (
            lambda src, out: edit(
                src / "side_effects.toml",
                'synonyms = ["feeling sick", ',
                'synonyms = ["queasy", "feeling sick", ',
            ),
            [INDEX_OUT_OF_DATE],
        ),
        # A new brand is a new medicine name.
        (
            lambda src, out: edit(src / "medicines.toml", "Zyloprim, ", "Zyloprim, Zyloxx, "),
            [INDEX_OUT_OF_DATE],
        ),
        # A comment changes no data, but the digest says the index was not rebuilt.
        (
            lambda src, out: edit(src / "medicines.toml", "\n[[groups]]", "\n# note\n[[groups]]"),
            [INDEX_OUT_OF_DATE],
        ),
        (
            lambda src, out: edit(out / "side_effects_index.py", "'zyloprim',", ""),
            [INDEX_OUT_OF_DATE],
        ),
        (
            lambda src, out: (out / "side_effects_index.py").write_text(
                "PHRASES = (", encoding="utf-8"
            ),
            [INDEX_OUT_OF_DATE],
        ),
        # A file that cannot be read or built is the validation's to report.
        (lambda src, out: (src / "medicines.toml").write_text("x = [", encoding="utf-8"), []),
        (lambda src, out: (src / "side_effects.toml").write_text("x = 1", encoding="utf-8"), []),
    ],
    ids=[
        "fresh",
        "missing",
        "synonym",
        "brand",
        "comment",
        "edited",
        "damaged",
        "unreadable",
        "invalid",
    ],
)
def test_a_missing_or_stale_search_index_is_reported(copy_of_the_data, damage, expected):
    source, target = copy_of_the_data
    damage(source, target)
    assert index_problems(source, target) == expected


def test_building_again_makes_the_search_index_fresh(copy_of_the_data):
    source, target = copy_of_the_data
    edit(source / "medicines.toml", "Zyloprim, ", "Zyloprim, Zyloxx, ")
    assert index_problems(source, target) == [INDEX_OUT_OF_DATE]
    written = build(FILES, source, target)
    assert target / "side_effects_index.py" in written
    assert compiled_problems(FILES, source, target) == []
    assert "'zyloxx'," in (target / "side_effects_index.py").read_text(encoding="utf-8")


def test_the_search_index_is_built_only_with_both_of_its_files(tmp_path: Path):
    written = build(["side_effects.toml", "limits.toml"], DATA_DIR, tmp_path)
    assert sorted(path.name for path in written) == ["__init__.py", "limits.py", "side_effects.py"]
    assert compiled_problems(["side_effects.toml"], DATA_DIR, tmp_path) == []
