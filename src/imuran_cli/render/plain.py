"""Plain-text output with no rich import: error lines and 60-column wrapping."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Iterable
from typing import TextIO

MAX_WIDTH = 60


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
