"""`imuran missed`: what to do about a missed dose, from the leaflet's rule and the clock."""

from typing import Annotated

import typer

from imuran_cli.cli import completion
from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import command_session


def missed(
    ctx: typer.Context,
    when: Annotated[
        str | None,
        typer.Option(
            "--when",
            metavar="WHEN",
            help=(
                "The day of the missed dose: today, this-morning, yesterday, last-night, "
                '"N days ago", Nd or YYYY-MM-DD (default: the latest dose with no record '
                "in your journal)."
            ),
            autocompletion=completion.when_words,
        ),
    ] = None,
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
    today; a dose from an earlier day is skipped. Never a double dose. A dose your journal
    shows as taken is not to be taken again. Without --when, the answer is about the latest
    dose of the last 7 days with no record in your journal.

    Example:

    \b
        imuran missed --when yesterday
        imuran missed
    """
    with command_session(ctx, json_output=json_output) as rt:
        import datetime as dt

        from imuran_cli.cli._journal import reading_journal
        from imuran_cli.core.doses import regimen_of
        from imuran_cli.core.missed_journal import answer_missed
        from imuran_cli.knowledge.dosing import load_dosing
        from imuran_cli.knowledge.journal import load_journal_rules
        from imuran_cli.knowledge.missed import load_missed

        profile = rt.load_profile()
        max_mg_per_kg = load_dosing().typical.max_mg_per_kg
        rules = load_missed()
        journal_rules = load_journal_rules()
        regimen = regimen_of(profile, rt.limits(), max_mg_per_kg)
        back = max(rules.when.max_days_ago, journal_rules.missed.lookback_days)
        records = None
        with reading_journal(rt) as journal:
            if journal is not None:
                from imuran_cli.storage.dose_rows import doses_between
                from imuran_cli.storage.journal import has_records

                if has_records(journal):
                    start = rt.today - dt.timedelta(days=back)
                    records = doses_between(journal, start, rt.today)
        result = answer_missed(
            when,
            dose,
            rt.now,
            profile,
            rt.limits(),
            max_mg_per_kg,
            rules,
            journal_rules,
            regimen,
            records,
        )

        rt.emit_lines(result, "missed.missed_lines")
