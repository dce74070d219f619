"""`imuran missed`: what to do about a missed dose, from the leaflet's rule and the clock."""

from typing import TYPE_CHECKING, Annotated

import typer

from imuran_cli.cli import completion
from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import command_session

if TYPE_CHECKING:
    from imuran_cli.core.missed import MissedResult
    from imuran_cli.render.plain import TextOut


def _render(result: "MissedResult", out: "TextOut") -> None:
    # Imported here, when a human answer is printed: --json runs never load the view.
    from imuran_cli.render.human.missed import render_missed

    render_missed(result, out)


def missed(
    ctx: typer.Context,
    when: Annotated[
        str,
        typer.Option(
            "--when",
            metavar="WHEN",
            help=(
                "The day of the missed dose: today, this-morning, yesterday, last-night, "
                '"N days ago", Nd or YYYY-MM-DD.'
            ),
            autocompletion=completion.when_words,
        ),
    ],
    dose: Annotated[
        str | None,
        typer.Option(
            "--dose",
            metavar="morning|later",
            help="Which dose of a split schedule was missed (default: morning).",
            autocompletion=completion.dose_times,
        ),
    ] = None,
    json_output: JsonOpt = False,
) -> None:
    """What to do about a missed dose.

    Take it today, or skip it. Follows the leaflet: a dose missed today is taken later
    today; a dose from an earlier day is skipped. Never a double dose.

    Example:

        imuran missed --when yesterday
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.missed import plan_missed
        from imuran_cli.knowledge.dosing import load_dosing
        from imuran_cli.knowledge.missed import load_missed

        result = plan_missed(
            when,
            dose,
            rt.now,
            rt.load_profile(),
            rt.limits(),
            load_dosing().typical.max_mg_per_kg,
            load_missed(),
        )
        rt.emit(result, _render)
