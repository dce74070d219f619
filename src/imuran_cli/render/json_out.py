"""The ``--json`` view: exactly one JSON document on stdout.

Result objects are named tuples (``typing.NamedTuple``). ``to_jsonable`` turns them into
JSON data: field names as they are, in order, dates and times as ISO 8601, tuples as
lists, named tuples as objects. A value whose type has a ``__json__()`` method is written
as what that method returns (the profile as in its file; a result with amounts in mg,
through ``core.units.mg_json``). Dataclasses are written too (a field with a
``metadata["json"]`` function as what that function returns).
Models that still are pydantic ``BaseModel``s are dumped with ``model_dump(mode="json")``;
pydantic itself is not imported here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Mapping
from typing import Any, TextIO

_PLAIN = (str, int, float, bool, type(None))
# A dataclass field may say how its value is written:
# ``field(metadata={"json": whole_as_int})`` writes 150.0 as 150.
JSON_METADATA = "json"


def to_jsonable(value: Any) -> Any:
    """Plain JSON data for ``value``: a dataclass, mapping, sequence, date or scalar."""
    if type(value) in _PLAIN:
        return value
    to_json = getattr(type(value), "__json__", None)
    if to_json is not None:
        return to_jsonable(to_json(value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: to_jsonable(_field_value(field, getattr(value, field.name)))
            for field in dataclasses.fields(value)
        }
    if isinstance(value, tuple) and hasattr(value, "_asdict"):  # a named tuple: an object
        return {name: to_jsonable(item) for name, item in value._asdict().items()}
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, Mapping):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    return value


def _field_value(field: dataclasses.Field[Any], value: Any) -> Any:
    """A field's value as written: through its ``metadata["json"]`` function, if any."""
    convert = field.metadata.get(JSON_METADATA)
    return convert(value) if convert is not None and value is not None else value


def write_json(
    document: Any, stream: TextIO | None = None, *, compact: bool = False, ready: bool = False
) -> None:
    """One JSON document, indented; ``compact`` writes it on one line (json's C encoder:
    several times faster for a large document, such as ten years of history); ``ready``
    says the document is already plain JSON data (dicts, lists, strings, numbers)."""
    out = stream or sys.stdout
    data = document if ready else to_jsonable(document)
    if compact:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(data, indent=2, ensure_ascii=False)
    out.write(text + "\n")
    out.flush()


def error_document(code: str, message: str, hint: str | None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "hint": hint}}
