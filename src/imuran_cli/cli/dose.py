"""`imuran dose`: the daily dose for a weight, in mg and tablets, with its checks."""

from typing import TYPE_CHECKING, Annotated

import typer

from imuran_cli.cli import completion
from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import command_session

if TYPE_CHECKING:
    from imuran_cli.core.dose import DoseResult
    from imuran_cli.render.plain import TextOut

WeightOpt = Annotated[
    str | None,
    typer.Option(
        "--weight",
        metavar="W",
        help="Body weight: 70, 70kg or 154lb (default: your profile).",
    ),
]
UnitOpt = Annotated[
    str | None,
    typer.Option(
        "--unit",
        metavar="kg|lb",
        help="Unit of --weight (default: kg).",
        autocompletion=completion.weight_units,
    ),
]
MgPerKgOpt = Annotated[
    str | None,
    typer.Option(
        "--mg-per-kg",
        metavar="X",
        help="Target in mg per kg a day, as prescribed (at most 3).",
    ),
]
DailyMgOpt = Annotated[
    str | None,
    typer.Option("--daily-mg", metavar="M", help="Prescribed daily dose in mg."),
]
ScheduleOpt = Annotated[
    str | None,
    typer.Option(
        "--schedule",
        metavar="once|split",
        help="All in the morning, or half morning and half later.",
        autocompletion=completion.schedules,
    ),
]


def dose(
    ctx: typer.Context,
    weight: WeightOpt = None,
    unit: UnitOpt = None,
    mg_per_kg: MgPerKgOpt = None,
    daily_mg: DailyMgOpt = None,
    schedule: ScheduleOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Your daily dose in mg and tablets.

    Without a prescribed dose or target: the usual range for your weight. Options
    override your profile for this run only. TPMT and NUDT15 results and other medicines
    in your profile add warnings; a prescribed dose is never changed.

    Example:

        imuran dose --weight 70

        imuran dose --weight 154lb --mg-per-kg 2.5

        imuran dose --daily-mg 175 --schedule split
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.dose import DoseOptions, plan_dose
        from imuran_cli.knowledge.dosing import load_dosing
        from imuran_cli.knowledge.medicines import load_medicines

        options = DoseOptions(
            weight=weight, unit=unit, mg_per_kg=mg_per_kg, daily_mg=daily_mg, schedule=schedule
        )
        result = plan_dose(options, rt.load_profile(), rt.limits(), load_dosing(), load_medicines())
        rt.emit(result, _render)


def _render(result: "DoseResult", out: "TextOut") -> None:
    # Imported here, when a human answer is printed: --json runs never load the view.
    from imuran_cli.render.human.dose import render_dose

    render_dose(result, out)
