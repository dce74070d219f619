"""No number used by a rule is written as a literal in core/: numbers live in the knowledge data.

Allowed: 0 and 1 (counting, identities), and 0.5 as the half-way point of rounding.
``errors.py`` is exempt: it holds the exit codes of DESIGN.md, an interface, not a rule.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import imuran_cli.core

CORE = Path(imuran_cli.core.__file__).parent
ALLOWED = {0, 1, 0.5}
# Not medical numbers: the version of the profile's file format.
NOT_MEDICAL = {"SCHEMA_VERSION"}


def _not_medical_lines(tree: ast.AST) -> set[int]:
    return {
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id in NOT_MEDICAL for t in node.targets)
    }


def core_modules() -> list[Path]:
    return sorted(path for path in CORE.rglob("*.py") if path.name != "errors.py")


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.name)
def test_no_numeric_literals_in_core(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _not_medical_lines(tree)
    found = [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float))
        and not isinstance(node.value, bool)
        and node.value not in ALLOWED
        and node.lineno not in skipped
    ]
    assert not found, f"{path.name}: numeric literals {found}; move them to knowledge/*.toml"


def test_the_check_finds_a_literal(tmp_path: Path):
    """Guard against a check that cannot fail."""
    tree = ast.parse("MAX = 2.5\n")
    values = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
    assert 2.5 in values and 2.5 not in ALLOWED
