"""Plain-text output with no rich import: answers, error lines and 60-column wrapping.

Every human answer is plain text (``TextOut``): lines wrapped to the terminal's width,
60 columns at most, no colour, and bold only where a terminal shows it (never under
``NO_COLOR``, when piped or on a dumb terminal). Meaning is always in the words. No
view prints a table today, so no answer imports rich.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Iterable
from typing import TextIO

MAX_WIDTH = 60
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def output_width() -> int:
    """The width to wrap human output to: the terminal's (or COLUMNS), at most 60."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return min(int(columns), MAX_WIDTH)
    try:
        return min(os.get_terminal_size(sys.__stdout__.fileno()).columns, MAX_WIDTH)  # type: ignore[union-attr]
    except (AttributeError, OSError, ValueError):
        return MAX_WIDTH


def wrap_labelled(label: str, text: str, width: int) -> str:
    """``error: long text`` wrapped to ``width``, continuation lines indented under the text."""
    indent = " " * (len(label) + 2)
    return textwrap.fill(
        text,
        width=max(width, len(indent) + 20),
        initial_indent=f"{label}: ",
        subsequent_indent=indent,
        # A word longer than a line (a long file path) is kept whole, so that it can be
        # copied; it is the one thing that may pass 60 columns.
        break_long_words=False,
        break_on_hyphens=False,
    )


def write_error(message: str, hint: str | None, stream: TextIO | None = None) -> None:
    """One ``error:`` line and one ``hint:`` line (each wrapped to 60 columns) on stderr."""
    out = stream or sys.stderr
    width = output_width()
    out.write(wrap_labelled("error", message, width) + "\n")
    if hint:
        out.write(wrap_labelled("hint", hint, width) + "\n")
    out.flush()


def write_lines(lines: Iterable[str], out: TextIO | None = None) -> None:
    """Print ``lines`` (already wrapped), without trailing spaces, on stdout."""
    stream = out or sys.stdout
    stream.write("".join(line.rstrip() + "\n" for line in lines))
    stream.flush()


def styles_allowed(stream: TextIO) -> bool:
    """Bold text only on a terminal, without ``NO_COLOR``, on a terminal that is not dumb."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class TextOut:
    """Where a human answer is written: ``width`` to wrap to, lines written as they are.

    ``line`` writes one line as it is (wrap it first); ``say`` wraps a paragraph. A line is
    never padded, so no line ends in spaces.
    """

    def __init__(
        self, stream: TextIO | None = None, width: int | None = None, *, styled: bool | None = None
    ) -> None:
        self.stream = stream or sys.stdout
        self.width = output_width() if width is None else width
        self.styled = styles_allowed(self.stream) if styled is None else styled

    def line(self, text: str = "", *, bold: bool = False) -> None:
        if bold and self.styled and text:
            text = f"{_BOLD}{text}{_RESET}"
        self.stream.write(text + "\n")

    def say(self, text: str, *, indent: int = 0, bold: bool = False) -> None:
        """``text`` wrapped to the width, continuation lines indented like the first; a word
        longer than a line (a URL, a path) is kept whole, so that it can be copied."""
        lines = textwrap.wrap(
            text,
            width=max(self.width, indent + 20),
            initial_indent=" " * indent,
            subsequent_indent=" " * indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        for line in lines or [""]:
            self.line(line, bold=bold)

    def flush(self) -> None:
        self.stream.flush()
