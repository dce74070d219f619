"""The dependency direction of DESIGN.md: cli -> core, knowledge, storage, render;
render -> core; storage -> core; core -> knowledge (types). Nothing imports cli, and
knowledge imports nothing of core. ``imuran_cli.errors`` (the error base and the exit
codes) and ``imuran_cli.record`` (the base of every record) import no project module,
and every package may import them.

Ruff's banned-api rule keeps typer and rich in their packages; this test keeps the
project's own packages in order, and core away from files, the clock and the environment.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import imuran_cli

ROOT = Path(imuran_cli.__file__).parent

# package -> the project packages (or top-level modules) it may import
SHARED = {"errors", "record"}
ALLOWED = {
    "core": {"core", "knowledge", *SHARED},
    "knowledge": {"knowledge", *SHARED},
    "storage": {"storage", "core", "knowledge", *SHARED},
    "render": {"render", "core", "knowledge", *SHARED},
    "cli": {"cli", "core", "knowledge", "storage", "render", *SHARED},
}
# Modules whose import in core would mean reading the outside world.
IMPURE_IN_CORE = {"os", "pathlib", "shutil", "tempfile", "subprocess", "time", "platformdirs"}


def imported(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_packages_import_only_what_the_design_allows(package: str):
    for path in modules(package):
        for name in imported(path):
            if name.startswith("imuran_cli."):
                target = name.split(".")[1]
                assert target in ALLOWED[package], f"{path.name} imports {name}"


def test_knowledge_never_imports_core():
    """core may use knowledge (its types), never the reverse: knowledge has its own error."""
    for path in modules("knowledge"):
        for name in imported(path):
            assert not name.startswith("imuran_cli.core"), f"{path.name} imports {name}"


@pytest.mark.parametrize("name", sorted(SHARED))
def test_shared_modules_import_no_project_module(name: str):
    for imported_name in imported(ROOT / f"{name}.py"):
        assert not imported_name.startswith("imuran_cli"), f"{name}.py imports {imported_name}"


def test_nothing_imports_cli():
    for path in sorted(ROOT.rglob("*.py")):
        if path.parent.name == "cli" or path.name == "__main__.py":
            continue
        for name in imported(path):
            assert not name.startswith("imuran_cli.cli"), f"{path.name} imports {name}"


@pytest.mark.parametrize("path", modules("core"), ids=lambda p: p.name)
def test_core_never_touches_the_outside_world(path: Path):
    source = path.read_text(encoding="utf-8")
    roots = {name.split(".")[0] for name in imported(path)}
    assert not roots & IMPURE_IN_CORE, f"{path.name} imports {roots & IMPURE_IN_CORE}"
    for call in ("datetime.now(", "date.today(", ".now(", "os.environ", "open("):
        assert call not in source, f"{path.name} calls {call}"


def test_the_check_would_catch_a_bad_import(tmp_path: Path):
    """Guard against a check that cannot fail."""
    bad = tmp_path / "bad.py"
    bad.write_text("from imuran_cli.storage.paths import lock_path\nimport os\n")
    names = imported(bad)
    assert "imuran_cli.storage.paths" in names and "os" in names
