"""`imuran check`: is this medicine or vaccine safe with azathioprine, and with MG?"""

from typing import TYPE_CHECKING, Annotated

import typer

from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import Runtime, command_session

if TYPE_CHECKING:
    from imuran_cli.core.medicines import LiveVaccineDates, MedicineIndex

NamesArg = Annotated[
    list[str],
    typer.Argument(
        metavar="NAME",
        help="A medicine or vaccine as on the box: generic or brand, any case.",
        show_default=False,
    ),
]


def live_vaccine_dates(
    rt: Runtime, queries: list[str], index: "MedicineIndex"
) -> "LiveVaccineDates":
    """Today and, when a name may be a live vaccine, the profile's stop date.

    The profile is read only then: it matters for nothing else here, and skipping it
    keeps a check quick.
    """
    from imuran_cli.core.medicines import LiveVaccineDates, names_live_vaccine

    if not names_live_vaccine(queries, index):
        return LiveVaccineDates(today=rt.today)
    profile = rt.load_profile()
    stopped_on = profile.prescription.stopped_on if profile is not None else None
    return LiveVaccineDates(stopped_on=stopped_on, today=rt.today)


def check(ctx: typer.Context, names: NamesArg, json_output: JsonOpt = False) -> None:
    """Check medicines and vaccines for risks.

    Against azathioprine, and against MG.

    Each NAME is a generic or brand name, with or without strength and form. Put a
    name of several words in quotes when it is followed by another name. A finding is
    an answer, not an error: the exit code is 0 whatever is found.

    Example:

    \b
        imuran check cipro
        imuran check "Zithromax 250 mg tablets" Shingrix
        imuran check "Bactrim DS" --json
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.medicines import MedicineIndex, check_medicines, split_queries
        from imuran_cli.knowledge.medicines import load_medicines

        medicines = load_medicines()
        index = MedicineIndex(medicines)
        queries = split_queries(names, index)
        dates = live_vaccine_dates(rt, queries, index)
        result = check_medicines(queries, medicines, index, dates)
        if rt.json:
            from imuran_cli.render.json_out import write_json

            write_json(result)
        else:
            from imuran_cli.render.human.check import check_lines, render_text
            from imuran_cli.render.plain import output_width

            typer.echo(render_text(check_lines(result, output_width())), nl=False)
