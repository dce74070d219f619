"""The ``--json`` view: exactly one JSON document on stdout."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from pydantic import BaseModel


def write_json(document: BaseModel | dict[str, Any], stream: TextIO | None = None) -> None:
    data = document.model_dump(mode="json") if isinstance(document, BaseModel) else document
    out = stream or sys.stdout
    out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    out.flush()


def error_document(code: str, message: str, hint: str | None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "hint": hint}}
