"""`imuran history`: the doses of each day, and the adherence."""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from imuran_cli.cli._journal import load_regimen, reading_journal, without_gc
from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import command_session

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from imuran_cli.core.doses import DoseRecord, DoseStatus


def history(
    ctx: typer.Context,
    days: Annotated[
        int | None,
        typer.Option("--days", metavar="N", help="The last N days, today included (default 30)."),
    ] = None,
    from_day: Annotated[
        str | None, typer.Option("--from", metavar="DAY", help="The first day to show.")
    ] = None,
    to_day: Annotated[
        str | None,
        typer.Option("--to", metavar="DAY", help="The last day to show (default today)."),
    ] = None,
    json_output: JsonOpt = False,
    csv_output: Annotated[
        bool, typer.Option("--csv", help="Print CSV (RFC 4180) for a spreadsheet.")
    ] = False,
) -> None:
    """Each day's doses and your adherence.

    Marks: ✓ taken, – skipped, ✗ missing, · due; and how many of the expected doses were
    taken.

    DAY takes the forms of --date: yesterday, "N days ago", Nd or
    YYYY-MM-DD. Days before your start date or after your stop
    date hold no expected dose.

    Example:

    \b
        imuran history
        imuran history --days 90 --csv > doses.csv
    """
    # Both --json and --csv: the error comes as plain error/hint lines (which mode was
    # meant is unclear).
    with (
        command_session(ctx, json_output=json_output and not csv_output) as rt,
        without_gc(),
    ):
        from imuran_cli.core.errors import InputError

        if json_output and csv_output:
            raise InputError(
                "--csv cannot be combined with --json",
                "drop one of them",
                code="conflicting_options",
            )
        from imuran_cli.core.days import parse_day
        from imuran_cli.core.history import build_history, history_range
        from imuran_cli.knowledge.journal import load_journal_rules

        rules = load_journal_rules().history
        start_ref = parse_day(from_day, rt.today, "--from") if from_day is not None else None
        end_ref = parse_day(to_day, rt.today, "--to") if to_day is not None else None
        start, end = history_range(
            days, start_ref, end_ref, rt.today, rules.default_days, rules.max_days
        )
        _, regimen = load_regimen(rt)
        statuses: Mapping[tuple[str, str], tuple[DoseStatus, float | None]] = {}
        details: dict[tuple[dt.date, str], DoseRecord] = {}
        with reading_journal(rt) as journal:
            if journal is not None:
                from imuran_cli.storage.dose_rows import dose_statuses, doses_between

                statuses = dose_statuses(journal, start, end)
                if csv_output:  # recorded_at and note, for the CSV only
                    records = doses_between(journal, start, end)
                    details = {(record.date, record.dose): record for record in records}
        result = build_history(statuses, start, end, regimen, rt.today, rules.percent_decimals)
        if csv_output:
            from imuran_cli.render.human.history import write_history_csv

            write_history_csv(result, details, sys.stdout)
        elif rt.json:
            from imuran_cli.render.human.history import write_history_json

            write_history_json(result, sys.stdout)
        else:
            from imuran_cli.render.human.history import history_lines
            from imuran_cli.render.plain import output_width, write_lines

            write_lines(history_lines(result, output_width()), sys.stdout)
