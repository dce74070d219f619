"""`imuran sources`: every source the knowledge data cites."""

from __future__ import annotations

import typer

from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import command_session


def sources(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """The sources of every medical statement.

    Example:

        imuran sources --json
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.knowledge.sources import load_sources
        from imuran_cli.render.human.sources import render_sources

        rt.emit(load_sources(), render_sources)
