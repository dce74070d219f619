"""Human view of ``imuran check`` and ``imuran meds``: plain text, no rich.

One block per name: the name as typed and the generic it matched, then each finding,
most severe first, labelled URGENT, CAUTION or INFO in words; then the sources line.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from imuran_cli.core.medicines import CheckResult, MedicineCheck, words
from imuran_cli.render.common import NEUROLOGIST_FIRST, sources_line
from imuran_cli.render.plain import wrap_labelled

LABELS = {"urgent": "URGENT", "caution": "CAUTION", "info": "INFO"}
UNKNOWN_LABEL = "UNKNOWN"


def heading(check: MedicineCheck) -> str:
    """``cipro = ciprofloxacin``; the name alone when it is the generic or unknown."""
    if check.generic is None or words(check.query) == words(check.generic):
        return check.query
    return f"{check.query} = {check.generic}"


def medicine_lines(check: MedicineCheck, width: int) -> list[str]:
    """One name's block, wrapped to ``width``."""
    lines = fill(heading(check), width)
    for finding in check.findings:
        lines += wrap_labelled(LABELS[finding.severity], finding.message, width).splitlines()
    if check.note is not None:
        if check.known:
            lines += fill(check.note, width)
        else:
            lines += wrap_labelled(UNKNOWN_LABEL, check.note, width).splitlines()
    return lines


def check_lines(result: CheckResult, width: int) -> list[str]:
    """The whole answer: the blocks, blank-line separated, then the sources."""
    return [*blocks(result.medicines, width), *footer(result.sources, width)]


def blocks(checks: Sequence[MedicineCheck], width: int) -> list[str]:
    lines: list[str] = []
    for check in checks:
        if lines:
            lines.append("")
        lines += medicine_lines(check, width)
    return lines


def footer(sources: Sequence[str], width: int) -> list[str]:
    return ["", *fill(sources_line(sources), width), NEUROLOGIST_FIRST]


def fill(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)


def render_text(lines: Sequence[str]) -> str:
    return "\n".join(lines) + "\n"
