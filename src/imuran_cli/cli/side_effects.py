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


def _medicine_names() -> list[str]:
    """Every name in the medicines knowledge, so that a named medicine is not a symptom."""
    from imuran_cli.knowledge.medicines import load_medicines

    medicines = load_medicines()
    # Names known to have no warning (a later medicines file lists them) count too.
    known = getattr(medicines, "known", ())
    return [
        name
        for entry in (*(m for group in medicines.groups for m in group.medicines), *known)
        for name in entry.names()
    ]


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

        text = " ".join(query) if query else None
        profile = rt.load_profile()
        names = _medicine_names() if text and text.strip() else []
        result = look_up_side_effects(load_side_effects(), text, profile, rt.today, names)
        rt.emit(result, _render)
