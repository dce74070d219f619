"""Reading the packaged knowledge data.

Each TOML file is compiled to a Python module (``_compiled/<stem>.py``, written by
``python -m imuran_cli.knowledge --build``, see ``_build``) and ``read_data`` imports it:
with its byte-code cached that is several times faster than parsing the TOML, and run
time never imports tomllib for the knowledge. ``load_record`` builds a file into its
records (``_data.build``), with no pydantic at run time.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Any

from imuran_cli.knowledge._data import RecordT, build
from imuran_cli.knowledge.errors import KnowledgeError

REINSTALL = "reinstall imuran (pip install --force-reinstall imuran-cli)"

# The data files sit beside this module in the installed package. (A plain path is a few
# milliseconds faster to start than importlib.resources, and imuran never runs from a zip.)
DATA_DIR = Path(__file__).parent
COMPILED_DIR = DATA_DIR / "_compiled"
COMPILED_PACKAGE = "imuran_cli.knowledge._compiled"


def read_data(name: str) -> dict[str, Any]:
    """The content of the packaged knowledge file ``name`` (e.g. ``limits.toml``).

    It is the ``DATA`` of the file's compiled module, as tomllib parses the file (the tests
    and ``--check`` hold the two equal). Every caller gets the same dict: read it, never
    change it (copy it first).
    """
    module = compiled_module(name.removesuffix(".toml"), name)
    try:
        data: dict[str, Any] = module.DATA
    except AttributeError as exc:
        raise KnowledgeError(
            f"the packaged knowledge file {name} cannot be read: {exc}", REINSTALL
        ) from exc
    return data


def compiled_module(stem: str, name: str | None = None) -> ModuleType:
    """The compiled module ``_compiled/<stem>.py``; ``name`` is its file, for the error."""
    try:
        return importlib.import_module(f"{COMPILED_PACKAGE}.{stem}")
    except (ImportError, SyntaxError, OSError, ValueError) as exc:
        raise KnowledgeError(
            f"the packaged knowledge file {name or stem + '.py'} cannot be read: {exc}",
            REINSTALL,
        ) from exc


def load_record(name: str, cls: type[RecordT]) -> RecordT:
    """Read the knowledge file ``name`` into the record class ``cls``.

    The files are validated by the tests and by ``python -m imuran_cli.knowledge --check``;
    here a file that does not fit (a damaged installation) is a ``KnowledgeError``.
    """
    data = read_data(name)
    try:
        return build(cls, data)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(
            f"the packaged knowledge file {name} is invalid: {exc}", REINSTALL
        ) from exc
