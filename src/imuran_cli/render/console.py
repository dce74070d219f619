"""The rich console for human output: at most 60 columns, no colour when piped or NO_COLOR."""

from __future__ import annotations

import textwrap

from rich.console import Console
from rich.text import Text

from imuran_cli.render.plain import output_width


def stdout_console() -> Console:
    # Rich already honours NO_COLOR and drops styles when stdout is not a terminal.
    return Console(width=output_width(), highlight=False, emoji=False, soft_wrap=False)


def say(out: Console, text: str, *, indent: int = 0, style: str | None = None) -> None:
    """Print plain ``text`` wrapped to the console width, continuation lines indented.

    Wrapping here (not in rich) keeps lines free of trailing spaces when piped.
    """
    lines = textwrap.wrap(
        text,
        width=max(out.width, indent + 20),
        initial_indent=" " * indent,
        subsequent_indent=" " * indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    for line in lines or [""]:
        out.print(Text(line, style=style or ""), overflow="ignore", crop=False)
