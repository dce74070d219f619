"""Where an export goes: stdout, or a file given with ``--output`` (written atomically).

Shared by ``calendar``, ``card`` and ``report``. A file is written as the profile is: a
temporary file beside it, flushed and renamed over the old one, owner-only (0600), since
it holds health data.
"""

import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from imuran_cli.core.profile import Profile

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


def max_mg_per_kg_for(profile: "Profile | None") -> float:
    """The mg/kg maximum, loaded only when the profile's dose comes from its mg/kg target.

    A prescribed daily dose never needs it (it is never changed), so the dosing data is
    not read for it: one knowledge file less at start-up.
    """
    if profile is None or profile.prescription.daily_mg is not None:
        return math.inf
    from imuran_cli.knowledge.dosing import load_dosing

    return load_dosing().typical.max_mg_per_kg
