"""Knowledge records as plain immutable data, built from the data files without pydantic.

The knowledge files ship inside the package and cannot change after release, so at run
time they are read and turned into records by ``build``: no pydantic model is built,
which keeps start-up light. Every knowledge module's records inherit
``imuran_cli.record.Record`` (cheap to define, which matters when a command loads dozens
of record classes at start-up). The same classes are validated by pydantic in the test
suite and by ``python -m imuran_cli.knowledge --check`` (``pydantic.TypeAdapter(cls)``):
every field, its type, and no unknown key.

    class Statement(Record):
        text: str
        sources: tuple[str, ...]

    statement = build(Statement, {"text": "...", "sources": ["leaflet"]})
"""

import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

from imuran_cli.record import Record

RecordT = TypeVar("RecordT", bound=Record)

_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def is_record_class(hint: Any) -> bool:
    """True for a class ``build`` can make: a ``Record``."""
    return isinstance(hint, type) and issubclass(hint, Record)


def _fields(cls: type[Record]) -> tuple[tuple[str, Any], ...]:
    """The names and resolved types of the fields of a record class, in order (cached)."""
    known = _FIELDS.get(cls)
    if known is None:
        # The annotations as written are the types (knowledge modules do not turn them
        # into strings), which spares typing.get_type_hints' work on every record class.
        hints: dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            hints.update(klass.__dict__.get("__annotations__", {}))
        if any(isinstance(hints[name], str) for name in cls._fields):
            hints = typing.get_type_hints(cls)
        known = _FIELDS[cls] = tuple((name, hints[name]) for name in cls._fields)
    return known


def build(cls: type[RecordT], data: Mapping[str, Any]) -> RecordT:
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
