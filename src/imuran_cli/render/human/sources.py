"""Human view of ``imuran sources``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from imuran_cli.knowledge.sources import Sources

if TYPE_CHECKING:
    from imuran_cli.render.plain import TextOut


def render_sources(result: Sources, out: TextOut) -> None:
    for index, item in enumerate(result.sources):
        year = f", {item.year}" if item.year else ""
        if index:
            out.line()  # a blank line between sources, so a long URL cannot blur two
        out.say(item.id, bold=True)
        out.say(item.title, indent=2)
        out.say(f"{item.publisher}{year}", indent=2)
        if item.url:
            # A URL is never wrapped, so that it stays clickable and copyable: it has its
            # own line, with nothing after it, even when it runs past 60 columns.
            out.say(item.url, indent=2)
        if item.read_via:
            out.say(f"read via {item.read_via}", indent=2)
