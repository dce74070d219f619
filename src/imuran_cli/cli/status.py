"""`imuran status`: where the treatment stands today (also what `imuran` alone shows)."""

from typing import TYPE_CHECKING

import typer

from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import Runtime, command_session

if TYPE_CHECKING:
    from imuran_cli.core.adl import AdlScore
    from imuran_cli.core.doses import DoseRecord, Regimen
    from imuran_cli.core.labs import LabTest
    from imuran_cli.core.pregnancy import PregnancyResult
    from imuran_cli.core.profile import Profile
    from imuran_cli.core.status import (
        AdlInput,
        CheckedMedicine,
        LabFlagView,
        StatusInputs,
        StatusResult,
    )
    from imuran_cli.knowledge.labs import Labs


def status(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """Where your treatment stands today.

    Today's doses, the treatment's week and month, and what is due.

    The leaflet's timeline with dates: when improvement is expected (3 to 12 months after
    starting), the next blood test, pregnancy dates, and the day's alerts. Sections
    without data say which command fills them.

    Example:

        imuran status
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.cli._journal import load_regimen
        from imuran_cli.core.status import build_status
        from imuran_cli.knowledge.status import load_status

        profile, regimen = load_regimen(rt)
        result = build_status(
            rt.now, profile, load_status(), _inputs(rt, profile, regimen), _pregnancy(rt, profile)
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


def _pregnancy(rt: Runtime, profile: "Profile | None") -> "PregnancyResult | None":
    if profile is None or not profile.person.pregnancy_relevant:
        return None
    from imuran_cli.core.pregnancy import plan_pregnancy
    from imuran_cli.knowledge.pregnancy import load_pregnancy

    return plan_pregnancy(rt.today, True, profile.prescription.stopped_on, load_pregnancy())


def _inputs(rt: Runtime, profile: "Profile | None", regimen: "Regimen") -> "StatusInputs":
    """What status reads from the journal and the other commands.

    Without a profile there is nothing to read. Without a journal file nothing is opened
    and nothing is created (``sqlite3`` is not even imported): there are no records,
    and the blood-test answer is that of an empty journal.
    """
    from imuran_cli.core.status import StatusInputs

    if profile is None:
        return StatusInputs()
    from imuran_cli.cli._journal import reading_journal
    from imuran_cli.core.doses import todays_doses
    from imuran_cli.core.lab_due import next_test_due
    from imuran_cli.knowledge.labs import load_labs

    labs = load_labs()
    today = rt.today
    records: list[DoseRecord] = []
    scores: list[AdlScore] = []
    tests: list[LabTest] = []
    with reading_journal(rt) as journal:
        if journal is not None:  # sqlite3 is loaded only when there is a journal
            from imuran_cli.storage.adl_rows import adl_scores
            from imuran_cli.storage.dose_rows import doses_between
            from imuran_cli.storage.labs import read_tests

            records = doses_between(journal, today, today)
            scores = adl_scores(journal)
            tests = read_tests(journal)
    last_test = tests[-1] if tests else None
    return StatusInputs(
        journal=journal is not None,
        doses=todays_doses(records, regimen, today),
        dose_records=records,
        dose_times=dict(regimen.times),
        adl=_adl(scores),
        labs_due=next_test_due(profile, last_test.date if last_test else None, today, labs),
        latest_flags=_latest_flags(profile, tests, labs),
        medicines=_medicines(rt, profile),
    )


def _adl(scores: "list[AdlScore]") -> "AdlInput | None":
    """The first and latest MG-ADL scores with the journal's change between them."""
    if not scores:
        return None
    from imuran_cli.core.adl import adl_change, threshold_text
    from imuran_cli.core.status import AdlInput
    from imuran_cli.core.status import AdlScore as Total
    from imuran_cli.knowledge.adl import load_adl

    scale = load_adl()
    ordered = sorted(scores, key=lambda score: score.date)
    first, latest = ordered[0], ordered[-1]
    change = adl_change(ordered, scale)
    return AdlInput(
        first=Total(first.date, first.items.total),
        latest=Total(latest.date, latest.items.total),
        points=change.points if change is not None else None,
        meaningful=change.meaningful if change is not None else None,
        threshold=scale.meaningful.points,
        threshold_text=threshold_text(scale),
        source=scale.meaningful.source,
    )


def _latest_flags(profile: "Profile", tests: "list[LabTest]", labs: "Labs") -> "list[LabFlagView]":
    """The flags of the latest test: values past a limit in force (``URGENT``) and the
    falling trends that end with it (``CAUTION``), as ``labs list`` gives them."""
    if not tests:
        return []
    from imuran_cli.core.labs import active_limits, falling_trends, flags_for, profile_lab_limits

    latest = tests[-1]
    limits = active_limits(profile_lab_limits(profile), labs)
    flags: list[LabFlagView] = list(flags_for(latest.values, limits, labs))
    flags += [trend for trend in falling_trends(tests, labs) if trend.dates[-1] == latest.date]
    return flags


def _medicines(rt: Runtime, profile: "Profile") -> "list[CheckedMedicine]":
    """The findings of ``imuran check`` for the profile's medicines, each named as the
    profile holds it (as ``imuran meds list`` gives them)."""
    if not profile.medications:
        return []
    from imuran_cli.core.medicines import LiveVaccineDates, check_medicines
    from imuran_cli.core.status import CheckedMedicine
    from imuran_cli.knowledge.medicines import load_medicines

    dates = LiveVaccineDates(stopped_on=profile.prescription.stopped_on, today=rt.today)
    checked = check_medicines(profile.medications, load_medicines(), dates=dates)
    return [CheckedMedicine(check.query, check.findings) for check in checked.medicines]


def _text(result: "StatusResult", width: int) -> str:
    from imuran_cli.render.human.status import status_text

    return status_text(result, width)
