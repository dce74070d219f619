"""The one error boundary and the per-command context: clock, profile path, output mode.

Every command body runs inside ``command_session``. It reads the clock once (``IMURAN_NOW``
or the local clock), turns ``ImuranError`` into ``error:``/``hint:`` lines on stderr (or the
JSON error document on stdout under ``--json``) with the exit codes of DESIGN.md, and never
shows a traceback unless ``IMURAN_DEBUG=1``.
"""

import contextlib
import datetime as dt
import gc
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer

from imuran_cli.core.errors import (
    EXIT_ENVIRONMENT,
    EXIT_INTERRUPTED,
    ImuranError,
    InputError,
)
from imuran_cli.record import Record

if TYPE_CHECKING:
    from imuran_cli.core.profile import Profile
    from imuran_cli.knowledge.limits import Limits
    from imuran_cli.render.plain import TextOut

NOW_ENV = "IMURAN_NOW"
DEBUG_ENV = "IMURAN_DEBUG"

# A result object: a frozen dataclass (the few models left convert in their own time).
ResultT = TypeVar("ResultT")


class GlobalOptions(Record):
    """Options given before the subcommand."""

    profile: Path | None = None
    journal: Path | None = None


def debug_enabled() -> bool:
    return os.environ.get(DEBUG_ENV, "") == "1"


def read_clock(environ: dict[str, str] | os._Environ[str] = os.environ) -> dt.datetime:
    """Now, as an aware datetime: ``IMURAN_NOW`` if set, else the local clock and zone."""
    value = environ.get(NOW_ENV, "").strip()
    if not value:
        return dt.datetime.now().astimezone()
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"{NOW_ENV}={value!r} is not an ISO 8601 date-time",
            f"use e.g. {NOW_ENV}=2026-11-25T08:30:00+01:00, or unset it",
            code="invalid_now",
        ) from None
    # Without an offset, the time is local time, as a person would mean it.
    return parsed if parsed.tzinfo is not None else parsed.astimezone()


class Runtime:
    """What a command needs from the outside world, read once.

    (A plain class, not a dataclass: every command creates one, and a dataclass costs
    start-up time to define.)
    """

    def __init__(
        self,
        *,
        json: bool,
        now: dt.datetime,
        profile_path: Path,
        journal_flag: Path | None = None,
    ) -> None:
        self.json = json
        self.now = now
        self.profile_path = profile_path
        self.journal_flag = journal_flag
        self._limits: Limits | None = None
        self._profile: tuple[Profile | None] | None = None  # read once, on first use

    @property
    def today(self) -> dt.date:
        return self.now.date()

    @property
    def journal_path(self) -> Path:
        """The journal in use (``--journal`` > ``IMURAN_JOURNAL`` > the data folder)."""
        from imuran_cli.storage.paths import resolve_journal_path

        return resolve_journal_path(self.journal_flag, os.environ)

    def limits(self) -> "Limits":
        if self._limits is None:
            from imuran_cli.knowledge.limits import load_limits

            self._limits = load_limits()
        return self._limits

    def load_profile(self) -> "Profile | None":
        """The validated profile, or None when there is none. A bad file is an error.

        Read once a run: ``travel`` and ``status`` ask for it from more than one place.
        A command that changes the profile reads it again through ``update_profile``.
        """
        if self._profile is None:
            from imuran_cli.storage.profile_store import load_profile

            self._profile = (load_profile(self.profile_path, self.limits(), self.today),)
        return self._profile[0]

    def emit(self, result: ResultT, render: "Callable[[ResultT, TextOut], None]") -> None:
        """Print ``result``: as one JSON document with ``--json``, else as plain text through
        ``render`` (no rich: start-up stays light)."""
        if self.json:
            from imuran_cli.render.json_out import write_json

            write_json(result)
        else:
            from imuran_cli.render.plain import TextOut

            out = TextOut()
            render(result, out)
            out.flush()

    def emit_text(self, result: ResultT, render: Callable[[ResultT, int], str]) -> None:
        """Like ``emit``, for views that give their text whole: ``render(result, width)``,
        printed without importing rich (the width is at most 60 columns)."""
        if self.json:
            from imuran_cli.render.json_out import write_json

            write_json(result)
        else:
            from imuran_cli.render.plain import output_width

            sys.stdout.write(render(result, output_width()))
            sys.stdout.flush()

    def emit_lines(self, result: ResultT, view: str, *extra: object) -> None:
        """Like ``emit_text``, for a view that gives a list of lines. ``view`` names its
        function in ``imuran_cli.render.human``, as ``"journal.stock_lines"``; it is
        imported only for a human answer (``--json`` runs never load a view) and called
        as ``function(result, *extra, width)``."""
        if self.json:
            from imuran_cli.render.json_out import write_json

            write_json(result)
            return
        import importlib

        from imuran_cli.render.plain import output_width, write_lines

        module, name = view.rsplit(".", 1)
        lines = getattr(importlib.import_module(f"imuran_cli.render.human.{module}"), name)
        write_lines(lines(result, *extra, output_width()))


def _global_options(ctx: typer.Context) -> GlobalOptions:
    root = ctx.find_root()
    return root.obj if isinstance(root.obj, GlobalOptions) else GlobalOptions()


def report_error(
    code: str, message: str, hint: str | None, exit_code: int, *, json_mode: bool
) -> typer.Exit:
    """Print an error the way the mode wants and return the ``typer.Exit`` to raise."""
    if json_mode:
        from imuran_cli.render.json_out import error_document, write_json

        write_json(error_document(code, message, hint))
    else:
        from imuran_cli.render.plain import write_error

        write_error(message, hint)
    return typer.Exit(exit_code)


def resume_garbage_collection() -> None:
    """Resume the cycle collector that ``__main__`` paused for start-up, with every object
    made so far frozen: modules, classes and the command live until the process ends, so
    checking them for garbage is wasted work (``gc.freeze``). A run that did not pause it
    (tests through ``CliRunner``) is left as it is."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


@contextlib.contextmanager
def command_session(ctx: typer.Context, *, json_output: bool = False) -> Iterator[Runtime]:
    """Run a command body with the clock, the profile path and the error boundary."""
    try:
        resume_garbage_collection()
        from imuran_cli.storage.paths import resolve_profile_path

        options = _global_options(ctx)
        runtime = Runtime(
            json=json_output,
            now=read_clock(),
            profile_path=resolve_profile_path(options.profile, os.environ),
            journal_flag=options.journal,
        )
        yield runtime
    except (typer.Exit, typer.Abort, typer.TyperException):
        raise
    except ImuranError as exc:
        if debug_enabled():
            raise
        raise report_error(
            exc.code, exc.message, exc.hint, exc.exit_code, json_mode=json_output
        ) from None
    except KeyboardInterrupt:
        raise report_error(
            "interrupted",
            "interrupted; nothing was changed",
            None,
            EXIT_INTERRUPTED,
            json_mode=json_output,
        ) from None
    except BrokenPipeError:
        # The reader went away (e.g. `imuran sources | head -1`): nothing more to say.
        with contextlib.suppress(OSError):
            # Silence the flush at exit, which would fail on the closed pipe.
            sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115
        raise typer.Exit(EXIT_ENVIRONMENT) from None
    except Exception as exc:
        if debug_enabled():
            raise
        raise report_error(
            "internal_error",
            f"internal error ({type(exc).__name__}); this is a bug in imuran",
            f"rerun with {DEBUG_ENV}=1 to see the details, and report it",
            EXIT_ENVIRONMENT,
            json_mode=json_output,
        ) from None
