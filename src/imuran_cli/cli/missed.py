"""`imuran missed` (not built yet)."""

from __future__ import annotations

import typer

from imuran_cli.cli.runtime import command_session
from imuran_cli.core.errors import EnvironmentFailure


def missed(ctx: typer.Context) -> None:
    """Not built yet."""
    with command_session(ctx):
        raise EnvironmentFailure(
            "imuran missed is not built yet in this version",
            "see the README for the commands that work today",
            code="not_built",
        )
