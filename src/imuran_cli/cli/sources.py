"""`imuran sources`: every source the knowledge data cites, or the ones named."""

from typing import TYPE_CHECKING, Annotated

import typer

from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import command_session

if TYPE_CHECKING:
    from imuran_cli.knowledge.sources import Sources
    from imuran_cli.render.plain import TextOut

IdsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="ID",
        help="Show only these sources (ids as in a Sources: line).",
        show_default=False,
    ),
]


def sources(ctx: typer.Context, ids: IdsArg = None, json_output: JsonOpt = False) -> None:
    """The sources of every medical statement.

    Each with its publisher, year and address. Name one or more ids (from the Sources:
    line of an answer) to see only those.

    Example:

    \b
        imuran sources
        imuran sources LEAFLET
        imuran sources CPIC-PAGE --json
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.knowledge.sources import Sources, load_sources

        everything = load_sources()
        if ids:
            from imuran_cli.core.sources import pick_sources

            rt.emit(Sources(sources=tuple(pick_sources(everything, ids))), _render)
        else:
            rt.emit(everything, _render)


def _render(result: "Sources", out: "TextOut") -> None:
    # Imported here, when a human answer is printed: --json runs never load the view.
    from imuran_cli.render.human.sources import render_sources

    render_sources(result, out)
