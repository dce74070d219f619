"""Human view of ``imuran sources``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from imuran_cli.knowledge.sources import Sources

if TYPE_CHECKING:  # rich is imported only when a human answer is printed
    from rich.console import Console


def render_sources(result: Sources, out: Console) -> None:
    from imuran_cli.render.console import say

    for index, item in enumerate(result.sources):
        year = f", {item.year}" if item.year else ""
        if index:
            out.print()  # a blank line between sources, so a long URL cannot blur two
        say(out, item.id, style="bold")
        say(out, item.title, indent=2)
        say(out, f"{item.publisher}{year}", indent=2)
        if item.url:
            # A URL is never wrapped, so that it stays clickable and copyable: it has its
            # own line, with nothing after it, even when it runs past 60 columns.
            say(out, item.url, indent=2)
