"""Knowledge records as plain immutable data, built from TOML without pydantic.

The knowledge files ship inside the package and cannot change after release, so at run
time they are read with ``tomllib`` and turned into records by ``build``: no pydantic
model is built, which keeps start-up light. Every knowledge module's records are
``typing.NamedTuple``s (several times cheaper to define than frozen dataclasses, which
matters when a command loads dozens of record classes at start-up); ``build`` also takes
a frozen dataclass inheriting ``Record``.
The same classes are validated by pydantic in the test suite and by
``python -m imuran_cli.knowledge --check`` (``pydantic.TypeAdapter(cls)``): every field,
its type, and no unknown key (``Record``'s ``__pydantic_config__`` says so for a
dataclass; pydantic refuses unknown keys of a named tuple by itself).

    @dataclass(frozen=True)
    class Statement(Record):
        text: str
        sources: tuple[str, ...]

    class Statement(NamedTuple):
        text: str
        sources: tuple[str, ...]

    statement = build(Statement, {"text": "...", "sources": ["leaflet"]})
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")


class Record:
    """Base of dataclass knowledge records: pydantic (in the tests) refuses unknown keys."""

    __pydantic_config__: typing.ClassVar[dict[str, str]] = {"extra": "forbid"}


_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def is_record_class(hint: Any) -> bool:
    """True for a class ``build`` can make: a dataclass or a named tuple."""
    if not isinstance(hint, type):
        return False
    return dataclasses.is_dataclass(hint) or (issubclass(hint, tuple) and hasattr(hint, "_fields"))


def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """The names and resolved types of the fields of a record class, in order (cached)."""
    known = _FIELDS.get(cls)
    if known is None:
        hints = typing.get_type_hints(cls)
        if dataclasses.is_dataclass(cls):
            names = [field.name for field in dataclasses.fields(cls)]
        else:
            names = list(cls._fields)  # type: ignore[attr-defined]
        known = _FIELDS[cls] = tuple((name, hints[name]) for name in names)
    return known


def build(cls: type[T], data: Mapping[str, Any]) -> T:
    """Build the record class ``cls`` from parsed TOML ``data``, nested records included.

    Lists become tuples where the field says ``tuple[X, ...]``, ints become floats where
    it says ``float``. Shapes are trusted here: the tests validate every file.
    """
    kwargs = {name: _convert(hint, data[name]) for name, hint in _fields(cls) if name in data}
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_convert(item, element) for element in value)
    if origin is list:
        item = typing.get_args(hint)[0]
        return [_convert(item, element) for element in value]
    if origin is dict:
        item = typing.get_args(hint)[1]
        return {key: _convert(item, element) for key, element in value.items()}
    if is_record_class(hint):
        return build(hint, value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value
