"""`imuran status`: where the treatment stands today (also what `imuran` alone shows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import Runtime, command_session

if TYPE_CHECKING:
    from imuran_cli.core.pregnancy import PregnancyResult
    from imuran_cli.core.profile import Profile
    from imuran_cli.core.status import StatusInputs, StatusResult


def status(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """Show today's doses, the treatment's week and month, and what is due.

    The leaflet's timeline with dates: when improvement is expected (3 to 12 months after
    starting), the next blood test, pregnancy dates, and the day's alerts. Sections
    without data say which command fills them.

    Example:

        imuran status
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.status import build_status
        from imuran_cli.knowledge.status import load_status

        profile = rt.load_profile()
        result = build_status(
            rt.now, profile, load_status(), _inputs(rt, profile), _pregnancy(rt, profile)
        )
        rt.emit_text(result, _text)


def root_default(ctx: typer.Context) -> None:
    """`imuran` with no command: the status when a profile exists, else a welcome."""
    with command_session(ctx) as rt:
        exists = rt.profile_path.exists()
        if not exists:
            from imuran_cli.render.human.status import welcome_text
            from imuran_cli.render.plain import output_width

            typer.echo(welcome_text(output_width()), nl=False)
            return
    status(ctx)


def _pregnancy(rt: Runtime, profile: Profile | None) -> PregnancyResult | None:
    if profile is None or not profile.person.pregnancy_relevant:
        return None
    from imuran_cli.core.pregnancy import plan_pregnancy
    from imuran_cli.knowledge.pregnancy import load_pregnancy

    return plan_pregnancy(rt.today, True, profile.prescription.stopped_on, load_pregnancy())


def _inputs(rt: Runtime, profile: Profile | None) -> StatusInputs:
    """What status reads from the journal and the other commands.

    Without a profile there is nothing to read. Without a journal file nothing is opened
    (and sqlite3 is not imported): there are no records, and the blood-test answer is
    that of an empty journal.
    """
    from imuran_cli.core.status import StatusInputs

    if profile is None:
        return StatusInputs()
    from imuran_cli.core.lab_due import next_test_due
    from imuran_cli.knowledge.labs import load_labs

    labs = load_labs()
    journal = rt.journal_path.exists()
    last_test = None
    return StatusInputs(
        journal=journal,
        labs_due=next_test_due(profile, last_test, rt.today, labs),
    )


def _text(result: StatusResult, width: int) -> str:
    from imuran_cli.render.human.status import status_text

    return status_text(result, width)
