"""`imuran side-effects` (also `imuran symptoms`): look up a symptom, or list every side effect."""

from typing import TYPE_CHECKING, Annotated

import typer

from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import command_session

if TYPE_CHECKING:
    from imuran_cli.core.side_effects import SideEffectsResult
    from imuran_cli.render.plain import TextOut

QueryArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="QUERY",
        help="What you feel, in your own words (e.g. dark urine). Leave out to list all.",
        show_default=False,
    ),
]


def _render(result: "SideEffectsResult", out: "TextOut") -> None:
    # Imported here, when a human answer is printed: --json runs never load the view.
    from imuran_cli.render.human.side_effects import render_side_effects

    render_side_effects(result, out)


def side_effects(ctx: typer.Context, query: QueryArg = None, json_output: JsonOpt = False) -> None:
    """Look up a symptom: how urgent it is.

    Says whether it is a side effect, how urgent it is and what to do. Without a query,
    list the side effects by group and the warning signs. A vaccine or another medicine
    is checked with imuran check instead.

    Example:

    \b
        imuran side-effects dark urine
        imuran side-effects "sore throat" --json
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.side_effects import look_up_side_effects
        from imuran_cli.knowledge.side_effects import load_side_effects
        from imuran_cli.knowledge.side_effects_index import load_search_index

        text = " ".join(query) if query else None
        profile = rt.load_profile()
        knowledge = load_side_effects()
        # A query is searched in the index compiled with the knowledge (the phrases' terms
        # and the medicine names), which loads in a tenth of the time building it takes.
        index = load_search_index(knowledge) if text and text.strip() else None
        result = look_up_side_effects(knowledge, text, profile, rt.today, index=index)
        rt.emit(result, _render)
