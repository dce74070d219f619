"""The ``--json`` view: exactly one JSON document on stdout.

Result objects are records (``imuran_cli.record.Record``). ``to_jsonable`` turns them into
JSON data: field names as they are, in order, dates and times as ISO 8601, tuples as
lists, records (and named tuples) as objects. A value whose type has a ``__json__()``
method is written as what that method returns (the profile as in its file; a result with
amounts in mg, through ``core.units.mg_json``).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Mapping
from typing import Any, TextIO

_PLAIN = (str, int, float, bool, type(None))


def to_jsonable(value: Any) -> Any:
    """Plain JSON data for ``value``: a record, mapping, sequence, date or scalar."""
    if type(value) in _PLAIN:
        return value
    to_json = getattr(type(value), "__json__", None)
    if to_json is not None:
        return to_jsonable(to_json(value))
    if hasattr(value, "_asdict"):  # a record or a named tuple: an object
        return {name: to_jsonable(item) for name, item in value._asdict().items()}
    if isinstance(value, Mapping):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    return value


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
