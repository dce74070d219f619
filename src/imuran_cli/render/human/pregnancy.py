"""Human view of ``imuran pregnancy``: plain text (no rich), every statement cited.

Each statement ends with its source ids in brackets (``[LEAFLET]``), resolvable with
``imuran sources``; lines are wrapped to at most 60 columns.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from imuran_cli.core.pregnancy import PregnancyResult
from imuran_cli.render.common import NEUROLOGIST_FIRST, sources_line

TITLE = "Pregnancy and azathioprine"
BREASTFEEDING_TITLE = "Breastfeeding"


def cite(text: str, sources: Iterable[str]) -> str:
    """``text [ID, ID]``."""
    return f"{text} [{', '.join(dict.fromkeys(sources))}]"


def paragraph(text: str, width: int, *, indent: int = 0, bullet: str = "") -> list[str]:
    """``text`` wrapped to ``width``; a ``bullet`` hangs before the first line."""
    first = " " * indent + bullet
    rest = " " * (indent + len(bullet))
    return textwrap.wrap(
        text,
        width=max(width, len(rest) + 20),
        initial_indent=first,
        subsequent_indent=rest,
        # A long word (a command, a path) stays whole so that it can be copied.
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def pregnancy_text(result: PregnancyResult, width: int) -> str:
    """The whole answer: the timing, the leaflet's points, how sources differ, breastfeeding."""
    lines = [TITLE, ""]
    pregnancy = [item for item in result.advice if item.topic == "pregnancy"]
    breastfeeding = [item for item in result.advice if item.topic == "breastfeeding"]
    timing, *general = pregnancy
    lines += paragraph(cite(timing.text, [timing.source]), width)
    if result.hint:
        lines += paragraph(result.hint, width)
    lines.append("")
    for item in general:
        lines += paragraph(cite(item.text, [item.source]), width, bullet="- ")
    lines.append("")
    lines += paragraph(cite(result.sources_differ.text, result.sources_differ.sources), width)
    lines += ["", BREASTFEEDING_TITLE]
    for item in breastfeeding:
        lines += paragraph(cite(item.text, [item.source]), width, bullet="- ")
    lines.append("")
    lines += paragraph(sources_line(result.sources), width)
    lines += paragraph(NEUROLOGIST_FIRST, width)
    return "\n".join(lines) + "\n"
