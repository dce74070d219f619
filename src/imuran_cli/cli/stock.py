"""`imuran stock [add N | set N]`: tablets left, and when to refill."""

from typing import TYPE_CHECKING, Annotated

import typer

from imuran_cli.cli import LazyGroup, completion
from imuran_cli.cli._journal import load_regimen, reading_journal, writing_journal
from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import Runtime, command_session

if TYPE_CHECKING:
    from imuran_cli.core.stock import StockAction, StockEvent, StockStatus, TakenTablets
    from imuran_cli.storage.journal import Journal

stock_app = typer.Typer(
    cls=LazyGroup,
    help="Tablets left and when to refill.\n\nTablets left, days left and when to refill.",
    no_args_is_help=False,
    invoke_without_command=True,
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
)

TabletsArg = Annotated[float, typer.Argument(metavar="N", help="Tablets (halves allowed).")]


@stock_app.callback()
def stock(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """Show the tablets left, the days they last at your daily dose,
    the day they run out, and a refill reminder.

    Each dose recorded with imuran take lowers the count; undo
    restores it.

    Example:

    \b
        imuran stock
        imuran stock add 100
        imuran stock set 42
    """
    if ctx.invoked_subcommand is not None:
        return
    with command_session(ctx, json_output=json_output) as rt:
        with reading_journal(rt) as journal:
            result = current_stock(rt, journal)
        rt.emit_lines(result, "journal.stock_lines")


@stock_app.command("add")
def add(
    ctx: typer.Context,
    tablets: TabletsArg,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DAY",
            help="The day they came (default today).",
            autocompletion=completion.when_words,
        ),
    ] = None,
    json_output: JsonOpt = False,
) -> None:
    """Record N tablets received (a refill).

    Example:

        imuran stock add 100
    """
    with command_session(ctx, json_output=json_output) as rt:
        _record(rt, "add", tablets, date)


@stock_app.command("set")
def set_count(ctx: typer.Context, tablets: TabletsArg, json_output: JsonOpt = False) -> None:
    """Record the tablets counted by hand.

    The count starts again from N.

    Example:

        imuran stock set 42
    """
    with command_session(ctx, json_output=json_output) as rt:
        _record(rt, "set", tablets, None)


def _record(rt: Runtime, action: "StockAction", tablets: float, date: str | None) -> None:
    from imuran_cli.core.days import parse_day
    from imuran_cli.core.stock import NewStock, StockRecorded, parse_tablets
    from imuran_cli.storage.stock_rows import record_stock

    _, regimen = load_regimen(rt)
    count = parse_tablets(tablets, action, regimen.step_mg / regimen.tablet_mg)
    day = parse_day(date, rt.today).day
    new = NewStock(date=day, action=action, tablets=count, recorded_at=rt.now)
    with writing_journal(rt) as journal:
        record_stock(journal, new)
        result = StockRecorded(recorded=new, stock=current_stock(rt, journal))
    rt.emit_lines(result, "journal.stock_recorded_lines")


def current_stock(rt: Runtime, journal: "Journal | None") -> "StockStatus":
    """The stock from the journal (None: no journal) and the profile's daily dose."""
    from imuran_cli.core.stock import stock_status
    from imuran_cli.knowledge.journal import load_journal_rules

    profile, regimen = load_regimen(rt)
    rules = load_journal_rules().stock
    own = profile.monitoring.refill_days if profile is not None else None
    events: list[StockEvent] = []
    taken: list[TakenTablets] = []
    if journal is not None:
        from imuran_cli.storage.stock_rows import stock_moves

        events, taken = stock_moves(journal)
    return stock_status(
        events,
        taken,
        regimen.daily_mg,
        regimen.tablet_mg,
        own if own is not None else rules.refill_days,
        "profile" if own is not None else "default",
        rules.source,
        rt.today,
    )
