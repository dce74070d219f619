"""Human view of ``imuran sources``."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from imuran_cli.knowledge.sources import Sources


def render_sources(result: Sources, out: Console) -> None:
    for item in result.sources:
        year = f", {item.year}" if item.year else ""
        out.print(f"[bold]{escape(item.id)}[/bold]  {escape(item.title)}")
        out.print(f"    {escape(item.publisher)}{year}")
        if item.url:
            # A URL is never wrapped, so it stays clickable and copyable.
            out.print(f"    {escape(item.url)}", overflow="ignore", crop=False)
