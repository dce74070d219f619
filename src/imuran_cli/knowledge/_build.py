"""The knowledge files compiled to Python modules, and the check that the two agree.

At run time ``_files.read_data`` imports ``_compiled/<stem>.py`` instead of parsing the
TOML file: a module whose byte-code is cached loads several times faster than tomllib
parses the same data. The TOML files stay the source of truth: ``python -m
imuran_cli.knowledge --build`` writes the modules from them, and ``--check`` (and the
tests) report a module that is missing or no longer matches its file. Commands never
import this module (nor tomllib).

One module is computed from the files rather than copied: ``side_effects_index.py``, the
side-effects search index (see ``knowledge.side_effects_index``), from
``side_effects.toml`` and ``medicines.toml``. It is checked the same way: its files'
digests, and its tables against those ``build_index`` makes of the files.
"""

from __future__ import annotations

import ast
import hashlib
import pprint
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from imuran_cli.knowledge._data import build as build_record
from imuran_cli.knowledge._files import COMPILED_DIR, REINSTALL
from imuran_cli.knowledge.errors import KnowledgeError

BUILD_COMMAND = "python -m imuran_cli.knowledge --build"
HEADER = (
    "# Generated from knowledge/{name} by `{command}`.\n"
    "# Do not edit: edit the TOML file and build again (the tests check the two agree).\n"
)
INIT_TEXT = '"""Knowledge data compiled from the TOML files (`{command}`)."""\n'

# The search index: its module and the files it is computed from.
INDEX_MODULE = "side_effects_index.py"
INDEX_SOURCES = ("side_effects.toml", "medicines.toml")
INDEX_HEADER = (
    "# Generated from knowledge/side_effects.toml and knowledge/medicines.toml by `{command}`.\n"
    "# The side-effects search index (knowledge/side_effects_index.py). Do not edit: edit\n"
    "# the TOML files and build again (the tests check that this module agrees with them).\n"
)
# A knowledge file's bytes and their parse by tomllib.
Parsed = tuple[bytes, dict[str, Any]]


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


def index_values(parsed: Mapping[str, Parsed]) -> dict[str, Any]:
    """What the search index module assigns, name by name, computed from its files.

    A file that does not fit its records (the validation reports it) is a
    ``KnowledgeError``.
    """
    from imuran_cli.knowledge.medicines import medicines_from
    from imuran_cli.knowledge.side_effects import SideEffects
    from imuran_cli.knowledge.side_effects_index import build_index, index_tables

    try:
        knowledge = build_record(SideEffects, parsed["side_effects.toml"][1])
        names = medicines_from(parsed["medicines.toml"][1]).every_name()
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(
            f"the search index cannot be computed, a knowledge file is invalid: {exc!r}",
            "run python -m imuran_cli.knowledge --check",
        ) from exc
    digests = {name: hashlib.sha256(parsed[name][0]).hexdigest() for name in INDEX_SOURCES}
    return {"SOURCES_SHA256": digests, **index_tables(build_index(knowledge, names))}


def index_module_text(parsed: Mapping[str, Parsed]) -> str:
    """The search index module, computed from its files (``parsed`` holds them)."""
    lines = [INDEX_HEADER.format(command=BUILD_COMMAND)]
    for name, value in index_values(parsed).items():
        lines.append(f"{name} = {pprint.pformat(value, width=100, sort_dicts=False)}\n")
    return "".join(lines)


def build(names: Iterable[str], source_dir: Path, target_dir: Path = COMPILED_DIR) -> list[Path]:
    """Write the compiled module of every knowledge file ``names`` into ``target_dir``,
    and the search index when its files are among them.

    Every file is read (and the index computed) before anything is written, so a file
    that cannot be read (a ``KnowledgeError``) leaves the folder as it was. Returns the
    paths written.
    """
    parsed = {name: read_toml(source_dir, name) for name in names}
    texts = {module_name(name): module_text(name, *data) for name, data in parsed.items()}
    if all(name in parsed for name in INDEX_SOURCES):
        texts[INDEX_MODULE] = index_module_text(parsed)
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
    ``DATA`` the file's parse, type for type (``1`` is not ``1.0`` nor ``True``). The
    search index, when its files are among ``names``, must assign what ``index_values``
    computes from them.
    """
    problems = []
    parsed: dict[str, Parsed] = {}
    for name in names:
        try:
            raw, data = parsed[name] = read_toml(source_dir, name)
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
    if all(name in parsed for name in INDEX_SOURCES):
        problems.extend(_index_problems(parsed, target_dir))
    return problems


def _index_problems(parsed: Mapping[str, Parsed], target_dir: Path) -> list[str]:
    try:
        expected = index_values(parsed)
    except KnowledgeError:
        return []  # an invalid file: the validation reports it
    try:
        text = (target_dir / INDEX_MODULE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return [f"{INDEX_MODULE}: the search index is missing; run {BUILD_COMMAND}"]
    if not same(_literals(text), expected):
        return [f"{INDEX_MODULE}: the search index is out of date; run {BUILD_COMMAND}"]
    return []


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
    if isinstance(one, (list, tuple)):
        return len(one) == len(other) and all(map(same, one, other))
    return bool(one == other)
