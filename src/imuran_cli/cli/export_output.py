"""Where an export goes: stdout, or a file given with ``--output`` (written atomically).

Shared by ``calendar``, ``card`` and ``report``. A file is written as the profile is: a
temporary file beside it, flushed and renamed over the old one, owner-only (0600), since
it holds health data.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (replaced atomically, readable only by you) instead of stdout.",
    ),
]


def write_export(data: bytes, output: Path | None, what: str) -> None:
    """``data`` to stdout, or to ``output`` with a one-line confirmation on stdout."""
    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from imuran_cli.core.errors import EnvironmentFailure, InputError
    from imuran_cli.storage.atomic import atomic_write_bytes

    target = output.expanduser()
    if target.is_dir():
        raise InputError(
            f"--output {output} is a folder",
            f"name a file in it, e.g. --output {target / _default_name(what)}",
            code="output_is_folder",
        )
    if not target.parent.is_dir():
        raise InputError(
            f"the folder of --output {output} does not exist: {target.parent}",
            "create the folder first, or choose a file in a folder that exists",
            code="output_folder_missing",
        )
    try:
        atomic_write_bytes(target, data)
    except EnvironmentFailure as exc:
        raise EnvironmentFailure(
            exc.message, "check that you may write to that folder, or choose another file"
        ) from exc
    typer.echo(f"Wrote {what} to {target}")


def _default_name(what: str) -> str:
    return {"the calendar": "imuran.ics", "the card": "card.html"}.get(what, "report.html")
