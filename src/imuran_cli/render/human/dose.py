"""Human view of ``imuran dose``: the dose, the schedule, the warnings, the sources."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from imuran_cli.core.dose import DoseItem, DoseResult, Severity
from imuran_cli.core.units import format_number
from imuran_cli.render.common import (
    NEUROLOGIST_FIRST,
    format_tablets,
    sources_line,
    tablets_word,
)

if TYPE_CHECKING:
    from imuran_cli.render.plain import TextOut

LABELS: dict[Severity, str] = {"urgent": "URGENT", "caution": "CAUTION", "info": "Note"}
TIMES = {"morning": "Morning", "later": "Later in the day"}


def dose_lines(result: DoseResult) -> list[str]:
    """The answer as paragraphs (unwrapped); an empty string is a blank line."""
    if result.basis == "typical-range" and result.mg_per_kg is None:
        lines = [f"No dose is worked out for you at {_weight(result)}: see below."]
    else:
        lines = [_basis_line(result), _dose_line(result)]
    lines += [_schedule_line(result, item) for item in result.doses]
    if result.guidance is not None:
        lines.append(result.guidance.text)
    if result.warnings:
        lines.append("")
        lines += [f"{LABELS[w.severity]}: {w.message}" for w in result.warnings]
    lines += ["", sources_line(result.sources), NEUROLOGIST_FIRST]
    return lines


def render_dose(result: DoseResult, out: TextOut) -> None:
    for paragraph in dose_lines(result):
        for line in _wrap(paragraph, out.width):
            out.line(line)


def _wrap(paragraph: str, width: int) -> list[str]:
    """Wrap to ``width``; a ``LABEL: text`` paragraph hangs under its text."""
    if not paragraph:
        return [""]
    label, _, _ = paragraph.partition(": ")
    hanging = label in LABELS.values()
    indent = " " * (len(label) + len(": ")) if hanging else ""
    return textwrap.wrap(
        paragraph,
        width=width,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _weight(result: DoseResult) -> str:
    given = f"{format_number(result.weight.value)} {result.weight.unit}"
    if result.weight.unit == "kg":
        return given
    return f"{given} ({format_number(result.weight_kg)} kg)"


def _per_kg(result: DoseResult) -> str:
    if result.mg_per_kg is None:
        return ""
    low, high = result.mg_per_kg.low, result.mg_per_kg.high
    if low == high:
        return f"{format_number(low)} mg/kg a day"
    return f"{format_number(low)} to {format_number(high)} mg/kg a day"


def _basis_line(result: DoseResult) -> str:
    weight = _weight(result)
    if result.basis == "prescribed":
        return f"Your prescribed dose at {weight}: {_per_kg(result)}"
    if result.basis == "mg-per-kg":
        return f"Your target at {weight}: {_per_kg(result)}"
    if result.starting_range:
        kind = "Reduced starting range"
    else:
        kind = "Reduced range" if result.adjusted else "Usual range for MG"
    return f"{kind} at {weight}: {_per_kg(result)}"


def _dose_line(result: DoseResult) -> str:
    daily, count = result.daily_mg, result.tablets_per_day
    if daily is None or count is None:
        return "No dose is shown: see the warnings below."
    strength = f"of {result.tablet_mg} mg"
    if daily.low == daily.high:
        return f"{format_number(daily.low)} mg a day: {tablets_word(count.low)} {strength}"
    return (
        f"{format_number(daily.low)} to {format_number(daily.high)} mg a day: "
        f"{format_tablets(count.low)} to {tablets_word(count.high)} {strength}"
    )


def _schedule_line(result: DoseResult, item: DoseItem) -> str:
    amount = f"{tablets_word(item.tablets)} ({format_number(item.mg)} mg)"
    if result.schedule == "once":
        return f"Once a day, in the morning: {amount}"
    return f"{TIMES[item.time]}: {amount}"
