"""Human view of ``imuran sources``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from imuran_cli.knowledge.sources import Sources

if TYPE_CHECKING:  # rich is imported only when a human answer is printed
    from rich.console import Console


def render_sources(result: Sources, out: Console) -> None:
    from imuran_cli.render.console import say

    for item in result.sources:
        year = f", {item.year}" if item.year else ""
        say(out, item.id, style="bold")
        say(out, item.title, indent=2)
        say(out, f"{item.publisher}{year}", indent=2)
        if item.url:
            # A URL is never wrapped, so that it stays clickable and copyable.
            say(out, item.url, indent=2)
        if item.read_via:
            say(out, f"read via {item.read_via}", indent=2)
