"""Validation of the packaged knowledge files: the tests and ``python -m imuran_cli.knowledge
--check`` (run by CI) use it; commands never do (at run time the files are only built).

For each file: its records validated by pydantic (``TypeAdapter``: every field, its type,
no unknown key), the same records built as at run time (``_data.build``) and compared with
the validated ones (so a value pydantic would have converted, such as ``"2"`` for ``2``,
is caught), the module's own ``problems`` (ranges, cross-references inside the file), and,
across files, that every cited source id exists in ``sources.toml`` and that every
statement cites a source; and that each file's compiled module (``_build``), which the
commands read, agrees with it. The files are read here with tomllib: they are the source of
truth.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

from imuran_cli.knowledge._build import compiled_problems, read_toml
from imuran_cli.knowledge._data import build, is_record_class
from imuran_cli.knowledge._files import DATA_DIR
from imuran_cli.knowledge.errors import KnowledgeError
from imuran_cli.record import Record

# Every knowledge file: the module that loads it and its root record class.
FILES: dict[str, tuple[str, str]] = {
    "limits.toml": ("imuran_cli.knowledge.limits", "Limits"),
    "dosing.toml": ("imuran_cli.knowledge.dosing", "Dosing"),
    "missed.toml": ("imuran_cli.knowledge.missed", "MissedRules"),
    "side_effects.toml": ("imuran_cli.knowledge.side_effects", "SideEffects"),
    "sources.toml": ("imuran_cli.knowledge.sources", "Sources"),
    "travel.toml": ("imuran_cli.knowledge.travel", "Travel"),
    "medicines.toml": ("imuran_cli.knowledge.medicines", "Medicines"),
    "adl.toml": ("imuran_cli.knowledge.adl", "AdlScale"),
    "exports.toml": ("imuran_cli.knowledge.exports", "Exports"),
    "journal.toml": ("imuran_cli.knowledge.journal", "JournalRules"),
    "labs.toml": ("imuran_cli.knowledge.labs", "Labs"),
    "pregnancy.toml": ("imuran_cli.knowledge.pregnancy", "PregnancyRules"),
    "status.toml": ("imuran_cli.knowledge.status", "StatusRules"),
}
# Keys that hold a statement shown to the person; the table holding one must cite a source.
STATEMENT_KEYS = frozenset({"text", "message", "action", "advice", "headline", "reason", "note"})


def packaged_files() -> list[str]:
    return sorted(path.name for path in DATA_DIR.glob("*.toml"))


def check_all() -> list[str]:
    """Every problem of every packaged knowledge file; an empty list when all is well."""
    found = [
        f"{name}: no module loads it (add it to FILES)"
        for name in packaged_files()
        if name not in FILES
    ]
    try:
        source_ids = _source_ids()
    except KnowledgeError as exc:
        return [*found, exc.message]
    for name in FILES:
        try:
            found.extend(check_data(name, read_toml(DATA_DIR, name)[1], source_ids))
        except KnowledgeError as exc:  # the file is missing or not TOML
            found.append(exc.message)
    return found + compiled_problems(FILES, DATA_DIR)


def check_data(name: str, data: dict[str, Any], source_ids: set[str] | None = None) -> list[str]:
    """The problems of ``data`` as the content of the knowledge file ``name``."""
    module_name, class_name = FILES[name]
    module = importlib.import_module(module_name)
    cls: type[Record] = getattr(module, class_name)
    problems = [f"{name}: {problem}" for problem in _validate(cls, data)]
    if problems:
        return problems
    problems_of = getattr(module, "problems", None)
    if problems_of is not None:
        record = build(cls, data)
        problems.extend(f"{name}: {problem}" for problem in problems_of(record))
    known = _source_ids() if source_ids is None else source_ids
    for where, table in _tables(data, name):
        cited = _cited(table)
        problems.extend(f"{where}: unknown source {sid!r}" for sid in cited if sid not in known)
        if name != "sources.toml" and STATEMENT_KEYS & table.keys() and not cited:
            problems.append(f"{where}: states something but cites no source")
    return problems


def _validate(cls: type, data: dict[str, Any]) -> list[str]:
    from pydantic import TypeAdapter, ValidationError

    try:
        validated: Any = TypeAdapter(cls).validate_python(data)
    except ValidationError as exc:
        return [
            f"{'.'.join(str(part) for part in error['loc']) or '(top)'}: {error['msg']}"
            for error in exc.errors()
        ]
    built: Any = build(cls, data)
    return [
        f"{where}: {value!r} is not of the declared type (pydantic would read it as {wanted!r})"
        for where, value, wanted in _differences(built, validated, "")
    ]


def _differences(built: Any, validated: Any, where: str) -> Iterator[tuple[str, Any, Any]]:
    """Where a built record differs from the validated one, field by field."""
    if type(built) is type(validated) and is_record_class(type(built)):
        for name in built._fields:
            path = f"{where}.{name}" if where else name
            yield from _differences(getattr(built, name), getattr(validated, name), path)
    elif isinstance(built, tuple | list) and isinstance(validated, tuple | list):
        if len(built) != len(validated):
            yield where, built, validated
            return
        for index, (one, other) in enumerate(zip(built, validated, strict=True)):
            yield from _differences(one, other, f"{where}[{index}]")
    elif isinstance(built, dict) and isinstance(validated, dict):
        for key in built.keys() | validated.keys():
            yield from _differences(built.get(key), validated.get(key), f"{where}.{key}")
    elif type(built) is not type(validated) or built != validated:
        yield where, built, validated


def _source_ids() -> set[str]:
    return {item["id"] for item in read_toml(DATA_DIR, "sources.toml")[1].get("sources", [])}


def _tables(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _tables(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _tables(value, f"{where}[{index}]")


def _cited(table: dict[str, Any]) -> list[str]:
    ids: list[str] = []
    if isinstance(table.get("source"), str):
        ids.append(table["source"])
    if isinstance(table.get("sources"), list):
        ids.extend(source for source in table["sources"] if isinstance(source, str))
    return ids
