"""`imuran profile ...`: create, show and change the local profile."""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from imuran_cli.cli import LazyGroup, completion
from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import Runtime, command_session

if TYPE_CHECKING:
    import datetime as dt

    from imuran_cli.core.profile_edit import Edit, ProfileChanged, ProfileCreated, ProfileShown
    from imuran_cli.knowledge.limits import Limits
    from imuran_cli.render.plain import TextOut
    from imuran_cli.storage.migrations import RawProfile

profile_app = typer.Typer(
    cls=LazyGroup,
    no_args_is_help=False,
    invoke_without_command=True,
    # Like the root: plain help within 60 columns; completion is installed from the root.
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
)

KEYS_HELP = (
    "weight, daily-mg, mg-per-kg, schedule, tablet-mg, tablets-split, started-on, "
    "stopped-on, tpmt, nudt15, medications, morning-time, later-time"
)


@profile_app.callback()
def profile_root(ctx: typer.Context) -> None:
    """Your saved weight, dose and schedule.

    Create, show and change your local profile: weight, prescription, schedule, test
    results and other medicines.

    Example:

        imuran profile show
    """
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


@profile_app.command("path")
def path(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """Print where your profile and journal are.

    The paths of the profile and of the journal in use (they may not exist yet). The
    first line is the profile, the second the journal.

    Example:

        imuran profile path
    """
    with command_session(ctx, json_output=json_output) as rt:
        if rt.json:
            from imuran_cli.render.json_out import write_json

            write_json({"path": str(rt.profile_path), "journal": str(rt.journal_path)})
        else:
            # Unwrapped, so that each can be copied.
            typer.echo(str(rt.profile_path))
            typer.echo(str(rt.journal_path))


@profile_app.command("show")
def show(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """Show your profile.

    Example:

        imuran profile show --json
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.profile_edit import show_profile

        rt.emit(show_profile(str(rt.profile_path), rt.load_profile()), _render_shown)


@profile_app.command("set")
def set_value(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            metavar="KEY",
            help="What to change (see above).",
            autocompletion=completion.profile_keys,
        ),
    ],
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE", help="Its new value.", autocompletion=completion.profile_values
        ),
    ],
    limit: Annotated[
        str | None,
        typer.Argument(metavar="[LIMIT]", help="The limit, for lab-limit NAME LIMIT only."),
    ] = None,
    json_output: JsonOpt = False,
) -> None:
    """Change one value of your profile.

    Creates the profile if there is none. The whole profile is checked before it is
    saved. KEY and VALUE:

    \b
      weight         70, 70kg or 154lb
      daily-mg       prescribed mg a day, e.g. 150
      mg-per-kg      prescribed target, e.g. 2.5
      schedule       once or split
      tablet-mg      25, 50, 75 or 100
      tablets-split  yes or no
      started-on     YYYY-MM-DD
      stopped-on     YYYY-MM-DD
      tpmt           normal, intermediate,
      nudt15         possible-intermediate, poor,
                     indeterminate or unknown
      medications    names, separated by commas
      morning-time   HH:MM (24-hour clock)
      later-time     HH:MM (24-hour clock)

    Optional: lab-interval-weeks, refill-days,
    pregnancy-relevant, name, neurologist,
    neurologist-phone, emergency-contact; and your
    clinic's blood-test limits, in the units of
    imuran labs: lab-limit TEST-low|TEST-high NUMBER.

    Example:

    \b
        imuran profile set weight 154lb
        imuran profile set lab-limit wbc-low 4.0
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.profile_edit import LAB_LIMIT, set_edit

        if key.strip().lower() == LAB_LIMIT:
            edit = _lab_limit_edit(value, limit)
        else:
            _no_extra(key, limit)
            edit = set_edit(key, value, rt.limits())
        _save_edit(rt, edit, must_exist=False)


def _lab_limit_edit(name: str, limit: str | None) -> "Edit":
    from imuran_cli.core.errors import InputError
    from imuran_cli.core.labs import lab_limit_edit
    from imuran_cli.core.profile_edit import LAB_LIMIT
    from imuran_cli.knowledge.labs import load_labs

    if limit is None:
        raise InputError(
            f"{LAB_LIMIT} {name} needs a number",
            f"e.g. imuran profile set {LAB_LIMIT} wbc-low 4.0",
            code="missing_value",
        )
    return lab_limit_edit(name, limit, load_labs())


def _no_extra(key: str, extra: str | None) -> None:
    """Only lab-limit takes a third word."""
    if extra is not None:
        from imuran_cli.core.errors import InputError

        raise InputError(
            f"{key} takes one value; got another: {extra}",
            'put a value with spaces in quotes, e.g. imuran profile set name "Alex Morgan"',
            code="usage",
        )


@profile_app.command("unset")
def unset_value(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            metavar="KEY",
            help="What to put back to its default.",
            autocompletion=completion.profile_keys,
        ),
    ],
    name: Annotated[
        str | None,
        typer.Argument(metavar="[NAME]", help="The limit, for lab-limit NAME only."),
    ] = None,
    json_output: JsonOpt = False,
) -> None:
    """Put one value back to its default.

    Puts one value of the profile back to its default, or removes it.
    KEY is one of the keys of imuran profile set (see imuran profile set --help). The
    whole profile is checked before it is saved.

    Example:

    \b
        imuran profile unset stopped-on
        imuran profile unset lab-limit wbc-low
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.profile_edit import LAB_LIMIT, lab_limit_unset_edit, unset_edit

        if key.strip().lower() == LAB_LIMIT and name is not None:
            edit = lab_limit_unset_edit(name)
        else:
            _no_extra(key, name)
            edit = unset_edit(key)
        _save_edit(rt, edit, must_exist=True)


def _save_edit(rt: Runtime, edit: "Edit", *, must_exist: bool) -> None:
    """Apply one edit under the lock, validate the whole profile, save it and report.

    With ``must_exist`` a missing profile is an error (unset) instead of being created (set).
    """
    from imuran_cli.core.profile_edit import changed, edit_profile, show_profile
    from imuran_cli.storage.profile_store import profile_exists, update_profile

    limits = rt.limits()
    if must_exist and not profile_exists(rt.profile_path):
        show_profile(str(rt.profile_path), None)  # raises: there is no profile

    def change(raw: "RawProfile | None") -> "RawProfile":
        if must_exist and raw is None:  # removed meanwhile
            show_profile(str(rt.profile_path), None)
        return edit_profile(raw, [edit], limits, rt.today)[0]

    saved = update_profile(rt.profile_path, change, limits, rt.now)
    backup = str(saved.backup) if saved.backup else None
    result = changed(
        str(rt.profile_path), edit, saved.profile, created=saved.created, backup=backup
    )
    rt.emit(result, _render_changed)


def _stdin_is_terminal() -> bool:
    """True when a person can answer questions (tests replace this)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


@profile_app.command("init")
def init(
    ctx: typer.Context,
    weight: Annotated[
        str | None,
        typer.Option("--weight", metavar="WEIGHT", help="Body weight: 70, 70kg or 154lb."),
    ] = None,
    daily_mg: Annotated[
        str | None,
        typer.Option("--daily-mg", metavar="MG", help="Prescribed dose in mg a day."),
    ] = None,
    mg_per_kg: Annotated[
        str | None,
        typer.Option("--mg-per-kg", metavar="MG", help="Prescribed target in mg/kg a day."),
    ] = None,
    schedule: Annotated[
        str | None,
        typer.Option(
            "--schedule",
            metavar="once|split",
            help="Once a day (default) or split.",
            autocompletion=completion.schedules,
        ),
    ] = None,
    tablet_mg: Annotated[
        str | None,
        typer.Option(
            "--tablet-mg",
            metavar="MG",
            help="Tablet strength (default 50).",
            autocompletion=completion.tablet_strengths,
        ),
    ] = None,
    tablets_split: Annotated[
        str | None,
        typer.Option(
            "--tablets-split",
            metavar="yes|no",
            help="May tablets be halved (default: yes for scored tablets only).",
            autocompletion=completion.yes_no,
        ),
    ] = None,
    started_on: Annotated[
        str | None,
        typer.Option("--started-on", metavar="DATE", help="Start date, YYYY-MM-DD."),
    ] = None,
    tpmt: Annotated[
        str | None,
        typer.Option(
            "--tpmt",
            metavar="RESULT",
            help="TPMT result (default unknown).",
            autocompletion=completion.genotypes,
        ),
    ] = None,
    nudt15: Annotated[
        str | None,
        typer.Option(
            "--nudt15",
            metavar="RESULT",
            help="NUDT15 result (default unknown).",
            autocompletion=completion.genotypes,
        ),
    ] = None,
    medication: Annotated[
        list[str] | None,
        typer.Option("--medication", metavar="NAME", help="Another medicine (repeatable)."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace an existing profile (kept as a .bak)."),
    ] = False,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never ask, even in a terminal."),
    ] = False,
    json_output: JsonOpt = False,
) -> None:
    """Create your profile.

    With no option, in a terminal, it asks. Given any answer as an option (or without a
    terminal, or with --no-input or --json) it asks nothing: the rest takes its default or stays
    unset, and the answer lists what is unset with the command that sets it. An
    existing profile is replaced only with --force, and
    then kept beside it as <name>.<UTC time>.bak.

    \b
    Test results (--tpmt, --nudt15): normal, intermediate,
    possible-intermediate, poor, indeterminate or unknown.

    Example:

        imuran profile init --weight 70 --daily-mg 150
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.profile_edit import (
            INIT_STYLE,
            created,
            edit_profile,
            medications_edit,
            set_edit,
        )
        from imuran_cli.storage.profile_store import (
            profile_exists,
            profile_exists_error,
            replace_profile,
        )

        if not force and profile_exists(rt.profile_path):
            raise profile_exists_error(rt.profile_path)  # before asking anything
        limits = rt.limits()
        given = {
            "weight": weight,
            "tablet-mg": tablet_mg,
            "tablets-split": tablets_split,
            "daily-mg": daily_mg,
            "mg-per-kg": mg_per_kg,
            "schedule": schedule,
            "started-on": started_on,
            "tpmt": tpmt,
            "nudt15": nudt15,
        }
        edits = [
            set_edit(key, text, limits, INIT_STYLE)
            for key, text in given.items()
            if text is not None
        ]
        if medication is not None:
            edits.append(medications_edit(medication))
        # Any answer given as an option means the person knows what they want: nothing is
        # asked, and the answer lists what is still unset.
        if not edits and not no_input and not rt.json and _stdin_is_terminal():
            edits = _ask(limits, rt.today)
        _, profile = edit_profile(None, edits, limits, rt.today, INIT_STYLE)
        backup = replace_profile(rt.profile_path, profile, rt.now, force=force)
        result = created(str(rt.profile_path), profile, str(backup) if backup else None, edits)
        rt.emit(result, _render_created)


# The human views, imported only when one is printed: --json runs never load them.


def _render_shown(result: "ProfileShown", out: "TextOut") -> None:
    from imuran_cli.render.human.profile import render_profile_shown

    render_profile_shown(result, out)


def _render_changed(result: "ProfileChanged", out: "TextOut") -> None:
    from imuran_cli.render.human.profile import render_profile_changed

    render_profile_changed(result, out)


def _render_created(result: "ProfileCreated", out: "TextOut") -> None:
    from imuran_cli.render.human.profile import render_profile_created

    render_profile_created(result, out)


# The questions of `profile init`, in the order asked: the tablets come before the dose,
# so that a dose the tablets cannot make is caught at once. None: no default (Enter skips).
_QUESTIONS: list[tuple[str, str, str | None]] = [
    ("weight", "Body weight (e.g. 70, 70kg or 154lb)", None),
    ("tablet-mg", "Tablet strength in mg", "tablet"),
    ("tablets-split", "May your tablets be halved? (yes/no)", "yes"),
    ("daily-mg", "Prescribed dose in mg a day", None),
    ("mg-per-kg", "Prescribed target in mg/kg a day", None),
    ("schedule", "Once a day or split? (once/split)", "once"),
    ("started-on", "Date you started (YYYY-MM-DD)", None),
    ("tpmt", "TPMT test result", "unknown"),
    ("nudt15", "NUDT15 test result", "unknown"),
    ("medications", "Other medicines, separated by commas", None),
]


def _ask(limits: "Limits", today: "dt.date") -> "list[Edit]":
    """Ask every question, in a terminal; each answer is checked as it is given, and a bad
    one is explained in the words of the question (no option was typed) and asked again."""
    import textwrap

    from imuran_cli.core.errors import InputError
    from imuran_cli.core.profile_edit import PROMPT_STYLE, edit_profile, set_edit
    from imuran_cli.render.plain import output_width, write_error

    typer.echo("Press Enter to skip a question or keep its default.")
    results_told = False
    answers: list[Edit] = []
    for key, question, default in _QUESTIONS:
        if key in ("tpmt", "nudt15") and not results_told:
            typer.echo(
                textwrap.fill(
                    "Test results: normal, intermediate, possible-intermediate, poor, "
                    "indeterminate or unknown.",
                    width=output_width(),
                )
            )
            results_told = True
        shown = str(limits.tablets.default_strength_mg) if default == "tablet" else default
        if key == "tablets-split":
            # Halves are offered only for a strength known to be scored.
            strengths = [edit.value for edit in answers if edit.key == "tablet-mg"]
            strength = strengths[-1] if strengths else limits.tablets.default_strength_mg
            shown = "yes" if limits.tablets.may_halve(strength) else "no"
        while True:
            text = typer.prompt(question, default=shown or "", show_default=shown is not None)
            if not text.strip() and key != "medications":
                break
            try:
                edit = set_edit(key, text, limits, PROMPT_STYLE)
                edit_profile(None, [*answers, edit], limits, today, PROMPT_STYLE)
            except InputError as exc:
                write_error(exc.message, exc.hint)
                continue
            answers.append(edit)
            break
    return answers
