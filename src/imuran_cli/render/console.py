"""The rich console for human output: at most 60 columns, no colour when piped or NO_COLOR."""

from __future__ import annotations

from rich.console import Console

from imuran_cli.render.plain import output_width


def stdout_console() -> Console:
    # Rich already honours NO_COLOR and drops styles when stdout is not a terminal.
    return Console(width=output_width(), highlight=False, emoji=False, soft_wrap=False)
