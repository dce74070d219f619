"""`imuran pregnancy`: the leaflet's pregnancy and breastfeeding guidance, with dates."""

from typing import TYPE_CHECKING

import typer

from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import command_session

if TYPE_CHECKING:
    from imuran_cli.core.pregnancy import PregnancyResult


def pregnancy(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """Pregnancy and breastfeeding.

    On azathioprine, every line with its source.

    The leaflet says to avoid pregnancy while taking it and for 4 to 6 months after
    stopping; with stopped-on in your profile, the answer gives both dates.

    Example:

        imuran pregnancy
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.pregnancy import plan_pregnancy
        from imuran_cli.knowledge.pregnancy import load_pregnancy

        profile = rt.load_profile()
        stopped_on = profile.prescription.stopped_on if profile is not None else None
        result = plan_pregnancy(rt.today, profile is not None, stopped_on, load_pregnancy())
        rt.emit_text(result, _text)


def _text(result: "PregnancyResult", width: int) -> str:
    from imuran_cli.render.human.pregnancy import pregnancy_text

    return pregnancy_text(result, width)
