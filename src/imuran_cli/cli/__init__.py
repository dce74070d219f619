"""The command line: the only package that imports typer.

Start-up is benchmarked against a Typer hello-world, so commands are loaded lazily: the
root group knows only their names (``COMMANDS``) and imports and builds a command when it
is invoked, completed or listed in the help (the "lazy subcommands" pattern of click's
documentation). Command modules also keep their imports of core, storage and render
inside the function bodies.
"""

import copy
import difflib
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.main
from typer.core import TyperGroup

from imuran_cli import __version__
from imuran_cli.cli.runtime import GlobalOptions, debug_enabled, report_error
from imuran_cli.core.errors import EXIT_BAD_INPUT, EXIT_ENVIRONMENT, EXIT_INTERRUPTED
from imuran_cli.record import Record

if TYPE_CHECKING:
    from typer.models import CommandInfo


class LazyCommand(Record):
    """Where a command lives: ``module`` holds ``attribute``, a function or a Typer app."""

    module: str
    attribute: str
    hidden: bool = False


# Listed in the order of the help.
COMMANDS: dict[str, LazyCommand] = {
    "status": LazyCommand("imuran_cli.cli.status", "status"),
    "dose": LazyCommand("imuran_cli.cli.dose", "dose"),
    "missed": LazyCommand("imuran_cli.cli.missed", "missed"),
    "take": LazyCommand("imuran_cli.cli.take", "take"),
    "skip": LazyCommand("imuran_cli.cli.take", "skip"),
    "undo": LazyCommand("imuran_cli.cli.undo", "undo"),
    "history": LazyCommand("imuran_cli.cli.history", "history"),
    "adl": LazyCommand("imuran_cli.cli.adl", "adl_app"),
    "stock": LazyCommand("imuran_cli.cli.stock", "stock_app"),
    "side-effects": LazyCommand("imuran_cli.cli.side_effects", "side_effects"),
    "symptoms": LazyCommand("imuran_cli.cli.side_effects", "side_effects", hidden=True),
    "check": LazyCommand("imuran_cli.cli.check", "check"),
    "meds": LazyCommand("imuran_cli.cli.meds", "meds_app"),
    "travel": LazyCommand("imuran_cli.cli.travel", "travel"),
    "labs": LazyCommand("imuran_cli.cli.labs", "labs_app"),
    "pregnancy": LazyCommand("imuran_cli.cli.pregnancy", "pregnancy"),
    "sources": LazyCommand("imuran_cli.cli.sources", "sources"),
    "calendar": LazyCommand("imuran_cli.cli.calendar", "calendar"),
    "card": LazyCommand("imuran_cli.cli.card", "card"),
    "report": LazyCommand("imuran_cli.cli.report", "report"),
    "profile": LazyCommand("imuran_cli.cli.profile", "profile_app"),
}


def _build_command(name: str, spec: LazyCommand) -> Any:
    """Import a command and turn it into the click command Typer would have made."""
    target = getattr(importlib.import_module(spec.module), spec.attribute)
    if isinstance(target, typer.Typer):
        return _lazy_group(target)
    single = _single_app()
    single.command(name, hidden=spec.hidden)(target)
    return typer.main.get_command(single)


def _single_app() -> typer.Typer:
    return typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False)


def _lazy_group(app: typer.Typer) -> Any:
    """The click group of the sub-app ``app`` (``labs``, ``profile``, ...), its callback and
    options built now, its subcommands when asked for (``LazyGroup``)."""
    bare = copy.copy(app)
    bare.registered_commands = []  # a list of the copy's own: the app keeps its commands
    group = typer.main.get_command(bare)
    if not isinstance(group, LazyGroup):
        raise TypeError(f"the group {app.info.name!r} needs cls=LazyGroup")
    group.lazy = {str(info.name): info for info in app.registered_commands}
    return group


class _SuggestingGroup(TyperGroup):
    """A group that suggests the command meant by a mistyped name (``imuran dse``: "Did
    you mean 'dose'?"). Typer suggests from the commands it has built, which in a lazy
    group are only those already asked for; this suggests from every name listed."""

    def resolve_command(  # type: ignore[override]
        self, ctx: typer.Context, args: list[str]
    ) -> tuple[str | None, Any, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except typer.TyperException as exc:
            message = getattr(exc, "message", None)
            if args and isinstance(message, str) and "Did you mean" not in message:
                matches = difflib.get_close_matches(args[0], self.list_commands(ctx))
                if matches:
                    names = ", ".join(repr(match) for match in matches)
                    exc.message = f"{message.rstrip('.')}. Did you mean {names}?"
            raise


class LazyGroup(_SuggestingGroup):
    """A sub-app's group (``typer.Typer(cls=LazyGroup, ...)``) that builds a subcommand
    when it is run, completed or listed in the help. Typer itself builds every subcommand
    of a group to run any one of them: for ``labs``, 1.4 % of a Typer hello-world's
    instructions."""

    # Filled by ``_lazy_group``: subcommand name -> what Typer registered for it. (The
    # class's empty mapping is only ever replaced, never changed.)
    lazy: "dict[str, CommandInfo]" = {}

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        built = super().list_commands(ctx)
        return [*self.lazy, *(name for name in built if name not in self.lazy)]

    def get_command(self, ctx: typer.Context, cmd_name: str) -> Any:  # type: ignore[override]
        info = self.lazy.get(cmd_name)
        if info is not None and cmd_name not in self.commands:
            single = _single_app()
            single.registered_commands.append(info)
            self.commands[cmd_name] = typer.main.get_command(single)
        return super().get_command(ctx, cmd_name)


class ImuranGroup(_SuggestingGroup):
    """Typer's group with lazily loaded commands, and usage errors printed as
    ``error:``/``hint:`` lines like every other error."""

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        return [*COMMANDS, *(name for name in super().list_commands(ctx) if name not in COMMANDS)]

    def get_command(self, ctx: typer.Context, cmd_name: str) -> Any:  # type: ignore[override]
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.commands[cmd_name] = _build_command(cmd_name, COMMANDS[cmd_name])
        return super().get_command(ctx, cmd_name)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        json_mode = "--json" in argv
        try:
            result = super().main(
                args=argv,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
            code = result if isinstance(result, int) else 0
        except typer.Abort:
            if not json_mode:
                sys.stderr.write("\naborted\n")
            code = EXIT_INTERRUPTED
        except typer.TyperException as exc:  # click's ClickException, UsageError, ...
            if debug_enabled():
                raise
            code = getattr(exc, "exit_code", EXIT_BAD_INPUT)
            usage_ctx = getattr(exc, "ctx", None)
            command = usage_ctx.command_path if usage_ctx is not None else "imuran"
            report_error(
                "usage",
                exc.format_message(),
                f"see {command} --help",
                code,
                json_mode=json_mode,
            )
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=ImuranGroup,
    name="imuran",
    help=(
        "A companion for people with myasthenia gravis who take azathioprine (Imuran). "
        "It informs; it does not prescribe. Your neurologist's instructions come first."
    ),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={
        "help_option_names": ["-h", "--help"],
        # Help, like every answer, fits 60 columns.
        "max_content_width": 60,
        "terminal_width": 60,
    },
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"imuran {__version__}")
        raise typer.Exit(0)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    profile_path: Annotated[
        Path | None,
        typer.Option(
            "--profile",
            metavar="PATH",
            help="Profile file to use (default: IMURAN_PROFILE, then your config folder).",
        ),
    ] = None,
    journal_path: Annotated[
        Path | None,
        typer.Option(
            "--journal",
            metavar="PATH",
            help="Journal file to use (default: IMURAN_JOURNAL, then your data folder).",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            is_eager=True,
            callback=_print_version,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Weight-based dose, missed doses, side effects and travel, from sourced data.

    Example:

        imuran dose --weight 70
    """
    ctx.obj = GlobalOptions(profile=profile_path, journal=journal_path)
    if ctx.invoked_subcommand is None:
        # `imuran` alone: the status with a profile, else a short welcome.
        from imuran_cli.cli.status import root_default

        root_default(ctx)


def main() -> None:
    """Console-script entry point."""
    try:
        app(prog_name="imuran")
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except Exception:
        if debug_enabled():
            raise
        sys.stderr.write("error: internal error; rerun with IMURAN_DEBUG=1 to see details\n")
        sys.exit(EXIT_ENVIRONMENT)
