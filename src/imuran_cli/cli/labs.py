"""`imuran labs ...`: record blood tests, read their flags and trends, chart one, and
know when the next is due."""

import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from imuran_cli.cli import LazyGroup, completion
from imuran_cli.cli._journal import reading_journal, writing_journal
from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import Runtime, command_session

if TYPE_CHECKING:
    from imuran_cli.core.labs import LabTest
    from imuran_cli.knowledge.labs import Labs


labs_app = typer.Typer(
    cls=LazyGroup,
    help=("Blood tests: results, flags, next due."),
    no_args_is_help=False,
    invoke_without_command=True,
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@labs_app.callback()
def labs_root(ctx: typer.Context) -> None:
    """Blood tests: record results, see flags and trends, and when the next is due."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


def _labs() -> "Labs":
    from imuran_cli.knowledge.labs import load_labs

    return load_labs()


def _recorded_tests(rt: Runtime) -> "list[LabTest]":
    """Every recorded test; none (and no sqlite3 import) without a journal file."""
    with reading_journal(rt) as journal:
        if journal is None:
            return []
        from imuran_cli.storage.labs import read_tests

        return read_tests(journal)


DayOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="DAY",
        help="Day of the test: today (default), yesterday, '3 days ago', 3d or YYYY-MM-DD.",
        autocompletion=completion.when_words,
    ),
]


@labs_app.command("add")
def add(
    ctx: typer.Context,
    date: DayOpt = None,
    wbc: Annotated[
        str | None, typer.Option("--wbc", metavar="X", help="White cells, 10^9/L.")
    ] = None,
    neutrophils: Annotated[
        str | None, typer.Option("--neutrophils", metavar="X", help="Neutrophils, 10^9/L.")
    ] = None,
    lymphocytes: Annotated[
        str | None, typer.Option("--lymphocytes", metavar="X", help="Lymphocytes, 10^9/L.")
    ] = None,
    platelets: Annotated[
        str | None, typer.Option("--platelets", metavar="X", help="Platelets, 10^9/L.")
    ] = None,
    hemoglobin: Annotated[
        str | None,
        typer.Option(
            "--hemoglobin", metavar="X", help="Haemoglobin, g/dL (or 135g/L with the unit)."
        ),
    ] = None,
    mcv: Annotated[
        str | None, typer.Option("--mcv", metavar="X", help="Mean cell volume, fL.")
    ] = None,
    alt: Annotated[str | None, typer.Option("--alt", metavar="X", help="ALT, U/L.")] = None,
    ast: Annotated[str | None, typer.Option("--ast", metavar="X", help="AST, U/L.")] = None,
    alp: Annotated[str | None, typer.Option("--alp", metavar="X", help="ALP, U/L.")] = None,
    lipase: Annotated[
        str | None, typer.Option("--lipase", metavar="X", help="Lipase, U/L.")
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="A short note.")
    ] = None,
    json_output: JsonOpt = False,
) -> None:
    """Record a blood test.

    All values are optional: none records that blood was taken.

    Counts in 10^9/L (the same number as 10^3/uL), MCV in fL, enzymes in U/L,
    haemoglobin in g/dL or, written with the unit, in g/L. A second test on the same
    day is merged into the first, and the answer says which values it replaced.

    Example:

        imuran labs add --wbc 5.1 --neutrophils 3.2 --hemoglobin 135g/L
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core import labs as core
        from imuran_cli.core.days import parse_day
        from imuran_cli.storage.labs import read_tests, save_test

        knowledge = _labs()
        given = {
            "wbc": wbc,
            "neutrophils": neutrophils,
            "lymphocytes": lymphocytes,
            "platelets": platelets,
            "hemoglobin": hemoglobin,
            "mcv": mcv,
            "alt": alt,
            "ast": ast,
            "alp": alp,
            "lipase": lipase,
        }
        day = parse_day(date, rt.today).day
        values = core.parse_lab_values(given, knowledge)
        cleaned_note = core.check_note(note, rt.limits())
        profile = rt.load_profile()
        outcome: dict[str, Any] = {}

        def merge(existing: core.LabTest | None) -> core.LabTest:
            merged, replaced, note_replaced = core.merge_test(existing, day, values, cleaned_note)
            outcome.update(replaced=replaced, note_replaced=note_replaced)
            return merged

        with writing_journal(rt) as journal:
            existing, stored = save_test(journal, day, merge, rt.now)
            history = read_tests(journal)
        result = core.recorded(
            stored,
            outcome["replaced"],
            outcome["note_replaced"],
            merged=existing is not None,
            history=history,
            profile_limits=core.profile_lab_limits(profile),
            labs=knowledge,
        )
        rt.emit_lines(result, "labs.render_lab_recorded", knowledge)


@labs_app.command("remove")
def remove(
    ctx: typer.Context,
    day: Annotated[
        str, typer.Argument(metavar="DAY", help="The day of the test: YYYY-MM-DD, yesterday, ...")
    ],
    json_output: JsonOpt = False,
) -> None:
    """Delete the blood test of one day.

    Example:

        imuran labs remove 2026-11-20
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core import labs as core
        from imuran_cli.core.days import parse_day
        from imuran_cli.core.errors import InputError
        from imuran_cli.storage.labs import remove_test

        knowledge = _labs()
        when = parse_day(day, rt.today, "DAY").day
        gone = None
        with reading_journal(rt) as journal:
            if journal is not None:
                gone = remove_test(journal, when)
        if gone is None:
            raise InputError(
                f"there is no blood test on {when.isoformat()}",
                "see the recorded tests with: imuran labs list",
                code="no_lab_test",
            )
        profile = rt.load_profile()
        result = core.removed(gone, core.profile_lab_limits(profile), knowledge)
        rt.emit_lines(result, "labs.render_lab_removed", knowledge)


@labs_app.command("list")
def list_tests(
    ctx: typer.Context,
    json_output: JsonOpt = False,
    csv_output: Annotated[
        bool, typer.Option("--csv", help="Print CSV: one row per test, a column per test.")
    ] = False,
) -> None:
    """Every blood test, with its flags.

    Newest first, each value with its flag, and falling trends.

    Example:

        imuran labs list --json
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core import labs as core
        from imuran_cli.core.errors import InputError

        if csv_output and json_output:
            raise InputError("--csv and --json cannot be used together", "choose one", code="usage")
        knowledge = _labs()
        tests = _recorded_tests(rt)
        profile = rt.load_profile()
        result = core.list_tests(tests, core.profile_lab_limits(profile), knowledge)
        if csv_output:
            from imuran_cli.render.labs_csv import write_labs_csv

            write_labs_csv(result, knowledge, sys.stdout)
            return
        rt.emit_lines(result, "labs.render_labs_list", knowledge)


def _use_color() -> bool:
    """Colour only in a terminal, and never with NO_COLOR (any value) or TERM=dumb."""
    if "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


@labs_app.command("chart")
def chart(
    ctx: typer.Context,
    test: Annotated[
        str,
        typer.Argument(
            metavar="TEST",
            help="wbc, neutrophils, lymphocytes, platelets, hemoglobin, mcv, alt, ast, "
            "alp or lipase.",
        ),
    ],
    json_output: JsonOpt = False,
) -> None:
    """Chart one test over time.

    In the terminal, with its limit drawn.

    Example:

        imuran labs chart wbc
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core import labs as core

        knowledge = _labs()
        name = core.resolve_test(test, knowledge)
        tests = _recorded_tests(rt)
        profile = rt.load_profile()
        result = core.chart(name, tests, core.profile_lab_limits(profile), knowledge)
        if rt.json:
            from imuran_cli.render.json_out import write_json

            write_json(result)
            return
        from imuran_cli.render.human.labs_chart import render_lab_chart
        from imuran_cli.render.plain import output_width

        lines = render_lab_chart(result, knowledge, output_width(), color=_use_color())
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()


@labs_app.command("due")
def due(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """When the next blood test is due.

    It names the rule that sets the date.

    From your last recorded test and your start date: the US label's closer
    schedule in the first months of treatment, then the leaflet's interval. Your
    clinic's own interval wins: imuran profile set lab-interval-weeks N.

    Example:

        imuran labs due
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.lab_due import next_test_due

        knowledge = _labs()
        with reading_journal(rt) as journal:
            last = None
            if journal is not None:  # sqlite3 is loaded only when there is a journal
                from imuran_cli.storage.labs import last_test_date

                last = last_test_date(journal)
        result = next_test_due(rt.load_profile(), last, rt.today, knowledge)
        rt.emit_lines(result, "lab_due.render_labs_due")
