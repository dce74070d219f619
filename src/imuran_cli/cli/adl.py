"""`imuran adl add | list`: how MG feels, as MG-ADL scores in the journal."""

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from imuran_cli.cli import LazyGroup, completion
from imuran_cli.cli._journal import reading_journal, writing_journal
from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import command_session

if TYPE_CHECKING:
    from imuran_cli.core.adl import AdlItems
    from imuran_cli.knowledge.adl import AdlScale, EmergencyLine

adl_app = typer.Typer(
    cls=LazyGroup,
    help=(
        "MG-ADL scores: record and list them.\n\n"
        "Record and list MG-ADL scores: how MG affects your daily life."
    ),
    no_args_is_help=False,
    invoke_without_command=True,
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@adl_app.callback()
def adl_root(ctx: typer.Context) -> None:
    """MG-ADL scores: record and list them."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


def _grade(name: str, what: str) -> Any:
    return typer.Option(name, metavar="0-3", help=what)


def _stdin_is_terminal() -> bool:
    """True when a person can answer questions (tests replace this)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


@adl_app.command("add")
def add(
    ctx: typer.Context,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DAY",
            help="The day (default today); may be before your start date.",
            autocompletion=completion.when_words,
        ),
    ] = None,
    talking: Annotated[int | None, _grade("--talking", "Talking.")] = None,
    chewing: Annotated[int | None, _grade("--chewing", "Chewing.")] = None,
    swallowing: Annotated[int | None, _grade("--swallowing", "Swallowing.")] = None,
    breathing: Annotated[int | None, _grade("--breathing", "Breathing.")] = None,
    hygiene: Annotated[int | None, _grade("--hygiene", "Brushing teeth or combing hair.")] = None,
    chair: Annotated[int | None, _grade("--chair", "Getting up from a chair.")] = None,
    double_vision: Annotated[int | None, _grade("--double-vision", "Double vision.")] = None,
    eyelids: Annotated[int | None, _grade("--eyelids", "Drooping eyelid.")] = None,
    json_output: JsonOpt = False,
) -> None:
    """Record an MG-ADL score.

    8 items, each from 0 (normal) to 3 (the most severe).

    In a terminal it asks each item no option gives, showing its
    four grades; otherwise every item must be given. One score a
    day: a second one for the same day replaces the first.

    Example:

    \b
        imuran adl add
        imuran adl add --talking 0 --chewing 1 --swallowing 0
          --breathing 0 --hygiene 1 --chair 1
          --double-vision 2 --eyelids 2
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.adl import (
            NewScore,
            adl_recorded,
            build_items,
            check_grade,
            needs_emergency,
        )
        from imuran_cli.core.days import parse_day
        from imuran_cli.knowledge.adl import load_adl
        from imuran_cli.storage.adl_rows import record_adl

        scale = load_adl()
        given: dict[str, int | None] = {
            "talking": talking,
            "chewing": chewing,
            "swallowing": swallowing,
            "breathing": breathing,
            "hygiene": hygiene,
            "chair": chair,
            "double_vision": double_vision,
            "eyelids": eyelids,
        }
        for key, value in given.items():
            if value is not None:
                check_grade(key, value, scale)
        ref = parse_day(date, rt.today)
        if not rt.json and _stdin_is_terminal():
            given = _ask(given, scale)
        items = build_items(given, scale)
        new = NewScore(date=ref.day, items=items, recorded_at=rt.now)
        with writing_journal(rt) as journal:
            replaced, scores = record_adl(journal, new)
        line = _emergency_line(items, scale) if needs_emergency(items, scale) else None
        rt.emit_lines(
            adl_recorded(new, replaced, scores, scale, line), "journal.adl_recorded_lines"
        )


@adl_app.command("list")
def list_scores(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """Your MG-ADL scores and the change.

    Newest first, with the change from the first score to the latest.

    Example:

        imuran adl list
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.adl import adl_list, needs_emergency
        from imuran_cli.knowledge.adl import load_adl

        scale = load_adl()
        scores = []
        with reading_journal(rt) as journal:
            if journal is not None:
                from imuran_cli.storage.adl_rows import adl_scores

                scores = adl_scores(journal)
        latest = max(scores, key=lambda score: score.date) if scores else None
        line = None
        if latest is not None and needs_emergency(latest.items, scale):
            line = _emergency_line(latest.items, scale)
        rt.emit_lines(adl_list(scores, scale, line), "journal.adl_list_lines")


def _emergency_line(items: "AdlItems", scale: "AdlScale") -> "EmergencyLine":
    from imuran_cli.knowledge.adl import load_emergency_line

    return load_emergency_line(scale.emergency.effect)


def _ask(given: dict[str, int | None], scale: "AdlScale") -> dict[str, int | None]:
    """Ask, in a terminal, each item no option gave, showing its grades."""
    from imuran_cli.core.adl import missing_items

    answers = dict(given)
    low, high = scale.scale.min_grade, scale.scale.max_grade
    for key in missing_items(given):
        item = scale.item(key)
        typer.echo(item.question)
        for grade, text in enumerate(item.grades, start=low):
            typer.echo(f"  {grade}  {text}")
        while True:
            text = typer.prompt(f"Grade ({low}-{high})", default="", show_default=False)
            if text.strip().isdigit() and low <= int(text) <= high:
                answers[key] = int(text)
                break
            typer.echo(f"Type a whole number from {low} to {high}.")
    return answers
