"""The knowledge files compiled to Python modules, and the check that the two agree.

At run time ``_files.read_data`` imports ``_compiled/<stem>.py`` instead of parsing the
TOML file: a module whose byte-code is cached loads several times faster than tomllib
parses the same data. The TOML files stay the source of truth: ``python -m
imuran_cli.knowledge --build`` writes the modules from them, and ``--check`` (and the
tests) report a module that is missing or no longer matches its file. Commands never
import this module (nor tomllib).
"""

from __future__ import annotations

import ast
import hashlib
import pprint
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from imuran_cli.knowledge._files import COMPILED_DIR, REINSTALL
from imuran_cli.knowledge.errors import KnowledgeError

BUILD_COMMAND = "python -m imuran_cli.knowledge --build"
HEADER = (
    "# Generated from knowledge/{name} by `{command}`.\n"
    "# Do not edit: edit the TOML file and build again (the tests check the two agree).\n"
)
INIT_TEXT = '"""Knowledge data compiled from the TOML files (`{command}`)."""\n'


def read_toml(folder: Path, name: str) -> tuple[bytes, dict[str, Any]]:
    """The bytes of the knowledge file ``folder/name`` and their parse by tomllib."""
    try:
        raw = (folder / name).read_bytes()
        return raw, tomllib.loads(raw.decode("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise KnowledgeError(
            f"the packaged knowledge file {name} cannot be read: {exc}", REINSTALL
        ) from exc


def module_name(name: str) -> str:
    """The compiled module's file name for the knowledge file ``name``: ``limits.py``."""
    return f"{name.removesuffix('.toml')}.py"


def module_text(name: str, raw: bytes, data: dict[str, Any]) -> str:
    """The compiled module of the knowledge file ``name`` (its bytes and their parse)."""
    return (
        HEADER.format(name=name, command=BUILD_COMMAND)
        + f'SOURCE_SHA256 = "{hashlib.sha256(raw).hexdigest()}"\n'
        + f"DATA = {pprint.pformat(data, width=100, sort_dicts=False)}\n"
    )


def build(names: Iterable[str], source_dir: Path, target_dir: Path = COMPILED_DIR) -> list[Path]:
    """Write the compiled module of every knowledge file ``names`` into ``target_dir``.

    Every file is read before anything is written, so a file that cannot be read (a
    ``KnowledgeError``) leaves the folder as it was. Returns the paths written.
    """
    texts = {module_name(name): module_text(name, *read_toml(source_dir, name)) for name in names}
    texts["__init__.py"] = INIT_TEXT.format(command=BUILD_COMMAND)
    target_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, text in texts.items():
        path = target_dir / file_name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def compiled_problems(
    names: Iterable[str], source_dir: Path, target_dir: Path = COMPILED_DIR
) -> list[str]:
    """One line for each knowledge file whose compiled module is missing or out of date.

    A file that cannot be read is skipped here (the validation reports it). The module is
    read as text, not imported: its ``SOURCE_SHA256`` must be the file's digest and its
    ``DATA`` the file's parse, type for type (``1`` is not ``1.0`` nor ``True``).
    """
    problems = []
    for name in names:
        try:
            raw, data = read_toml(source_dir, name)
        except KnowledgeError:
            continue
        path = target_dir / module_name(name)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            problems.append(f"{name}: compiled copy is missing; run {BUILD_COMMAND}")
            continue
        values = _literals(text)
        if values.get("SOURCE_SHA256") != hashlib.sha256(raw).hexdigest() or not same(
            values.get("DATA"), data
        ):
            problems.append(f"{name}: compiled copy is out of date; run {BUILD_COMMAND}")
    return problems


def _literals(text: str) -> dict[str, Any]:
    """The names a module assigns a literal to, with their values (empty when damaged)."""
    try:
        tree = ast.parse(text)
        return {
            node.targets[0].id: ast.literal_eval(node.value)
            for node in tree.body
            if isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        }
    except (SyntaxError, ValueError, TypeError, MemoryError, RecursionError):
        return {}


def same(one: Any, other: Any) -> bool:
    """Equal and of the same types throughout, keys in the same order."""
    if type(one) is not type(other):
        return False
    if isinstance(one, dict):
        return list(one) == list(other) and all(same(one[key], other[key]) for key in one)
    if isinstance(one, list):
        return len(one) == len(other) and all(map(same, one, other))
    return bool(one == other)
