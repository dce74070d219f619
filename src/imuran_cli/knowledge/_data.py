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
from collections.abc import Callable, Mapping
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
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = tuple((name, _converter(hint)) for name, hint in _fields(cls))
    kwargs = {}
    for name, convert in plan:
        if name in data:
            value = data[name]
            kwargs[name] = value if convert is None or value is None else convert(value)
    return cls(**kwargs)


# How each field of a record class is converted (None: taken as it is), worked out once
# per class and per type from its annotation. Converting each value by reading its type
# again (typing.get_origin and get_args at every value) took about three times as long:
# 10.6 M instructions against 3.6 M for side_effects.toml, read by every side-effects run.
Converter = Callable[[Any], Any]
_PLANS: dict[type, tuple[tuple[str, Converter | None], ...]] = {}
_CONVERTERS: dict[Any, Converter | None] = {}


def _converter(hint: Any) -> Converter | None:
    """The function that converts a non-None value of type ``hint``; None when none is needed."""
    if hint not in _CONVERTERS:
        _CONVERTERS[hint] = _make_converter(hint)
    return _CONVERTERS[hint]


def _items(hint: Any) -> Converter | None:
    """A converter of the items of a collection of ``hint``: a None item stays None."""
    convert = _converter(hint)
    if convert is None:
        return None
    return lambda value: None if value is None else convert(value)


def _make_converter(hint: Any) -> Converter | None:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _converter(options[0]) if len(options) == 1 else None
    if origin is tuple or origin is list:
        item = _items(typing.get_args(hint)[0])
        if item is None:
            return origin  # tuple(value) or list(value): a copy, never the shared data
        each: Converter = item
        return lambda value: origin(map(each, value))
    if origin is dict:
        item = _items(typing.get_args(hint)[1])
        if item is None:
            return dict
        each_value: Converter = item
        return lambda value: {key: each_value(element) for key, element in value.items()}
    if is_record_class(hint):
        return lambda value: build(hint, value)
    if hint is float:
        return _to_float
    return None


def _to_float(value: Any) -> Any:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value
