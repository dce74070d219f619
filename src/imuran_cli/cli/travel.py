"""`imuran travel`: how many tablets to carry, and a packing and safety checklist."""

import math
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import Runtime, command_session

if TYPE_CHECKING:
    from imuran_cli.core.travel import TripPlan
    from imuran_cli.render.plain import TextOut


class OutputFormat(StrEnum):
    """How the human answer is printed."""

    text = "text"
    markdown = "markdown"


def travel(
    ctx: typer.Context,
    abroad: Annotated[
        bool,
        typer.Option("--abroad", help="The trip is abroad: carry the supply in two places."),
    ] = False,
    days: Annotated[
        int | None,
        typer.Option("--days", metavar="N", help="Length of the trip in days (1 to 365)."),
    ] = None,
    from_date: Annotated[
        str | None,
        typer.Option("--from", metavar="DATE", help="First day, as YYYY-MM-DD."),
    ] = None,
    to_date: Annotated[
        str | None,
        typer.Option("--to", metavar="DATE", help="Last day, as YYYY-MM-DD."),
    ] = None,
    spare_days: Annotated[
        int | None,
        typer.Option("--spare-days", metavar="S", help="Spare days of tablets to add (default 3)."),
    ] = None,
    daily_mg: Annotated[
        float | None,
        typer.Option("--daily-mg", metavar="M", help="Daily dose in mg (default: your profile's)."),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", help="text, or markdown: a checklist to save or print."),
    ] = OutputFormat.text,
    json_output: JsonOpt = False,
) -> None:
    """Tablets to carry, and a trip checklist.

    How many tablets to take on a trip, and what to pack and do.
    Dates count inclusively: --from 2026-12-01 --to 2026-12-14
    is 14 days.

    Example:

    \b
        imuran travel --abroad --days 14 --daily-mg 150
        imuran travel --from 2026-12-20 --to 2027-01-03
        imuran travel --abroad --days 14 --format markdown
    """
    markdown = output_format is OutputFormat.markdown
    # Asking for both markdown and JSON is an error given as plain error/hint lines (the
    # issue's rule for every bad input): which of the two modes was meant is unclear.
    with command_session(ctx, json_output=json_output and not markdown) as rt:
        from imuran_cli.core.errors import InputError

        if json_output and markdown:
            raise InputError(
                "--format markdown cannot be combined with --json",
                "drop --json to get markdown, or drop --format to get JSON",
                code="conflicting_options",
            )

        from imuran_cli.core.travel import plan_trip
        from imuran_cli.knowledge.travel import load_travel

        profile = rt.load_profile()
        # The mg/kg maximum matters only for a dose from the profile's target.
        max_mg_per_kg = math.inf
        if profile is not None and daily_mg is None:
            from imuran_cli.knowledge.dosing import load_dosing

            max_mg_per_kg = load_dosing().typical.max_mg_per_kg
        result = plan_trip(
            abroad=abroad,
            days=days,
            start=from_date,
            end=to_date,
            spare_days=spare_days,
            daily_mg=daily_mg,
            profile=profile,
            limits=rt.limits(),
            travel=load_travel(),
            max_mg_per_kg=max_mg_per_kg,
            today=rt.today,
        )
        result = _with_stock(rt, result)
        if markdown:
            from imuran_cli.render.human.travel import render_travel_markdown
            from imuran_cli.render.plain import output_width

            typer.echo(render_travel_markdown(result, output_width()), nl=False)
            return
        rt.emit(result, _render_text)


def _with_stock(rt: Runtime, result: "TripPlan") -> "TripPlan":
    """The plan with the stock line, when the journal knows the stock."""
    supply = result.supply
    if supply is None or not rt.journal_path.exists():  # no journal: no sqlite3 either
        return result
    from imuran_cli.cli._journal import reading_journal
    from imuran_cli.cli.stock import current_stock
    from imuran_cli.core.stock import trip_stock

    with reading_journal(rt) as journal:
        stock = current_stock(rt, journal)
    start = result.start_date or rt.today
    line = trip_stock(stock, supply.total_tablets, supply.daily_tablets, start, rt.today)
    return result if line is None else result._replace(stock=line)


def _render_text(result: "TripPlan", out: "TextOut") -> None:
    """The text view, imported only when it is printed (``--json`` never loads it)."""
    from imuran_cli.render.human.travel import render_travel

    render_travel(result, out)
