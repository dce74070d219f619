"""Knowledge records as plain frozen dataclasses, built from TOML without pydantic.

The knowledge files ship inside the package and cannot change after release, so at run
time they are read with ``tomllib`` and turned into frozen dataclasses by ``build``: no
pydantic model is built, which keeps start-up light. The same dataclasses are validated
by pydantic in the test suite and by ``python -m imuran_cli.knowledge --check``
(``pydantic.TypeAdapter(cls)``): every field, its type, and no unknown key, because each
record class inherits ``Record``'s ``__pydantic_config__``.

    @dataclass(frozen=True)
    class Statement(Record):
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
    """Base of knowledge records: pydantic (in the tests) refuses unknown keys."""

    __pydantic_config__: typing.ClassVar[dict[str, str]] = {"extra": "forbid"}


_HINTS: dict[type, dict[str, Any]] = {}


def build(cls: type[T], data: Mapping[str, Any]) -> T:
    """Build the dataclass ``cls`` from parsed TOML ``data``, nested records included.

    Lists become tuples where the field says ``tuple[X, ...]``, ints become floats where
    it says ``float``. Shapes are trusted here: the tests validate every file.
    """
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    kwargs = {
        field.name: _convert(hints[field.name], data[field.name])
        for field in dataclasses.fields(cls)  # type: ignore[arg-type]
        if field.name in data
    }
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
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return build(hint, value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value
