"""`imuran take` and `imuran skip`: record a dose taken, or deliberately not taken."""

from typing import TYPE_CHECKING, Annotated

import typer

from imuran_cli.cli import completion
from imuran_cli.cli._journal import load_regimen, writing_journal
from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import Runtime, command_session

if TYPE_CHECKING:
    from imuran_cli.core.doses import DoseRecord, DoseStatus
    from imuran_cli.core.take import NewDose

DoseOpt = Annotated[
    str | None,
    typer.Option(
        "--dose",
        metavar="morning|later",
        help="Which dose of the day (default: the first not yet recorded).",
        autocompletion=completion.dose_times,
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="DAY",
        help=(
            'The day: today (default), yesterday, last-night, "N days ago", Nd or '
            "YYYY-MM-DD; any past day."
        ),
        autocompletion=completion.when_words,
    ),
]
ReplaceOpt = Annotated[
    bool,
    typer.Option("--replace", help="Change a dose recorded as skipped into taken, or back."),
]


def take(
    ctx: typer.Context,
    dose: DoseOpt = None,
    date: DateOpt = None,
    mg: Annotated[
        float | None,
        typer.Option("--mg", metavar="N", help="The mg taken (default: your prescribed dose)."),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="A note to keep with it.")
    ] = None,
    replace: ReplaceOpt = False,
    json_output: JsonOpt = False,
) -> None:
    """Record a dose taken, in your journal.

    A dose already recorded for that day is refused: taking it
    again would double the dose. The amount is your profile's
    dose unless --mg gives it; the day's total never goes above
    your daily dose.

    Example:

    \b
        imuran take
        imuran take --dose later --date yesterday
    """
    with command_session(ctx, json_output=json_output) as rt:
        _record(rt, "taken", dose, date, mg, note, replace)


def skip(
    ctx: typer.Context,
    dose: DoseOpt = None,
    date: DateOpt = None,
    reason: Annotated[
        str | None, typer.Option("--reason", metavar="TEXT", help="Why it was not taken.")
    ] = None,
    replace: ReplaceOpt = False,
    json_output: JsonOpt = False,
) -> None:
    """Record a dose not taken, on purpose.

    For example after imuran missed said skip.

    Example:

        imuran skip --date yesterday --reason "missed, skipped as advised"
    """
    with command_session(ctx, json_output=json_output) as rt:
        _record(rt, "skipped", dose, date, None, reason, replace)


def _record(
    rt: Runtime,
    status: "DoseStatus",
    dose: str | None,
    date: str | None,
    mg: float | None,
    note: str | None,
    replace: bool,
) -> None:
    from imuran_cli.core.days import parse_day
    from imuran_cli.core.take import dose_recorded, plan_dose

    _, regimen = load_regimen(rt)
    ref = parse_day(date, rt.today)

    def decide(day_records: "list[DoseRecord]") -> "NewDose":
        return plan_dose(
            status=status,
            ref=ref,
            dose_text=dose,
            mg=mg,
            note=note,
            replace=replace,
            now=rt.now,
            regimen=regimen,
            limits=rt.limits(),
            day_records=day_records,
        )

    decide([])  # every check that needs no record, before a journal is created
    from imuran_cli.storage.dose_rows import record_dose

    with writing_journal(rt) as journal:
        new, replaced, after = record_dose(journal, ref.day, decide)
    rt.emit_lines(
        dose_recorded(new, replaced, after, regimen, rt.today), "journal.dose_recorded_lines"
    )
