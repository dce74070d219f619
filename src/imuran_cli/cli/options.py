"""Options shared by several commands."""

from typing import Annotated

import typer

JsonOpt = Annotated[
    bool,
    typer.Option("--json", help="Print one JSON object on stdout instead of text."),
]
