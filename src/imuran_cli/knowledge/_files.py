"""Reading the packaged TOML data files."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from imuran_cli.knowledge.errors import KnowledgeError

ModelT = TypeVar("ModelT", bound=BaseModel)

# The data files sit beside this module in the installed package. (A plain path is a few
# milliseconds faster to start than importlib.resources, and imuran never runs from a zip.)
DATA_DIR = Path(__file__).parent


def read_data(name: str) -> dict[str, Any]:
    """Return the parsed content of the packaged knowledge file ``name`` (e.g. ``limits.toml``)."""
    try:
        text = (DATA_DIR / name).read_text(encoding="utf-8")
        return tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise KnowledgeError(
            f"the packaged knowledge file {name} cannot be read: {exc}",
            "reinstall imuran (pip install --force-reinstall imuran-cli)",
        ) from exc


def load_model(name: str, model: type[ModelT]) -> ModelT:
    """Read the knowledge file ``name`` and validate it as ``model``."""
    try:
        return model.model_validate(read_data(name))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise KnowledgeError(
            f"the packaged knowledge file {name} is invalid at {where}: {first['msg']}",
            "reinstall imuran (pip install --force-reinstall imuran-cli)",
        ) from exc
