"""`imuran calendar`: dose and blood-test reminders as an iCalendar file."""

from typing import Annotated

import typer

from imuran_cli.cli.export_output import OutputOpt, max_mg_per_kg_for, write_export
from imuran_cli.cli.runtime import command_session


def calendar(
    ctx: typer.Context,
    months: Annotated[
        int | None,
        typer.Option(
            "--months", metavar="N", help="Months of dose reminders, 1 to 24 (default 3)."
        ),
    ] = None,
    output: OutputOpt = None,
) -> None:
    """Dose and blood-test reminders (.ics).

    Each dose, and the next blood test.

    Writes an iCalendar file (.ics) that calendar apps import:
    one daily event per dose of your schedule, with an alarm at
    the dose time, and an all-day event for the next blood test,
    with an alarm 2 days before. Times are local clock times:
    08:00 stays 08:00 wherever you travel. Importing a newer file
    updates the events instead of adding copies.

    Example:

    \b
        imuran calendar --output imuran.ics
        imuran calendar --months 6 > imuran.ics
    """
    with command_session(ctx) as rt:
        from imuran_cli.cli.export_inputs import blood_test_due, last_lab_test
        from imuran_cli.core.calendar import plan_calendar
        from imuran_cli.knowledge.exports import load_exports
        from imuran_cli.render.calendar import render_calendar

        profile = rt.load_profile()
        plan = plan_calendar(
            profile=profile,
            limits=rt.limits(),
            max_mg_per_kg=max_mg_per_kg_for(profile),
            numbers=load_exports().calendar,
            months=months,
            today=rt.today,
            profile_key=str(rt.profile_path),
            blood_test=blood_test_due(rt, profile, last_lab_test(rt)) if profile else None,
        )
        write_export(render_calendar(plan, rt.now), output, "the calendar")
