"""Human views of ``imuran labs``: plain text within the width given (no rich).

Meaning never rests on colour: flags are the words ``URGENT`` and ``CAUTION``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping

from imuran_cli.core.labs import (
    LabRecorded,
    LabRemoved,
    LabsList,
    TestView,
    TrendFlag,
)
from imuran_cli.core.units import format_number
from imuran_cli.knowledge.labs import Labs
from imuran_cli.render.common import NEUROLOGIST_FIRST, sources_line

_INDENT = "  "


def _wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=max(width, len(indent) + 20),
        initial_indent=indent,
        subsequent_indent=indent if subsequent is None else subsequent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _labelled(label: str, text: str, width: int, indent: str = "") -> list[str]:
    """``URGENT: text`` with continuation lines under the text's second word."""
    return _wrap(f"{label}: {text}", width, indent, indent + _INDENT)


def value_lines(
    values: Mapping[str, float], flagged: set[str], labs: Labs, width: int
) -> list[str]:
    """One ``label  value unit`` line per value, ``URGENT`` after a flagged one."""
    if not values:
        return []
    label_width = max(len(labs.test(name).label) for name in values)
    lines = []
    for name, value in values.items():
        info = labs.test(name)
        line = f"{_INDENT}{info.label.ljust(label_width)}  {format_number(value)} {info.unit}"
        if name in flagged:
            line += "  URGENT"
        lines.append(line)
    return lines


def _test_lines(shown: TestView, labs: Labs, width: int) -> list[str]:
    lines = value_lines(shown.values, {flag.test for flag in shown.flags}, labs, width)
    if not shown.values:
        lines.append(f"{_INDENT}no values: blood was taken")
    for flag in shown.flags:
        lines.extend(_labelled("URGENT", flag.message + ".", width, _INDENT))
    if shown.note:
        lines.extend(_labelled("Note", shown.note, width, _INDENT))
    return lines


def _action_lines(views: Iterable[TestView], width: int) -> list[str]:
    actions = list(dict.fromkeys(flag.action for shown in views for flag in shown.flags))
    lines: list[str] = []
    for action in actions:
        lines.extend(_wrap(action, width))
    return lines


def _trend_lines(trends: Iterable[TrendFlag], width: int) -> list[str]:
    lines: list[str] = []
    for trend in trends:
        lines.extend(_labelled("CAUTION", trend.message, width))
    return lines


def _footer(sources: Iterable[str], width: int) -> list[str]:
    ids = list(sources)
    lines = _wrap(sources_line(ids), width) if ids else []
    return [*lines, *_wrap(NEUROLOGIST_FIRST, width)]


def render_labs_list(result: LabsList, labs: Labs, width: int) -> list[str]:
    if not result.tests:
        return _wrap(
            "No blood tests recorded yet. Record one with: imuran labs add --wbc 5.1 "
            "(see imuran labs add --help)",
            width,
        )
    lines: list[str] = []
    for index, shown in enumerate(result.tests):
        if index:
            lines.append("")
        lines.append(shown.date.isoformat())
        lines.extend(_test_lines(shown, labs, width))
    extra = _trend_lines(result.trends, width) + _action_lines(result.tests, width)
    if extra:
        lines.append("")
        lines.extend(extra)
    lines.append("")
    lines.extend(_footer(result.sources, width))
    return lines


def render_lab_recorded(result: LabRecorded, labs: Labs, width: int) -> list[str]:
    shown = result.recorded
    verb = "updated" if result.merged else "recorded"
    lines = [f"Blood test of {shown.date.isoformat()} {verb}."]
    lines.extend(_test_lines(shown, labs, width))
    for change in result.replaced:
        info = labs.test(change.test)
        lines.extend(
            _wrap(
                f"Replaced {info.label} {format_number(change.old)} with "
                f"{format_number(change.new)} {info.unit}.",
                width,
            )
        )
    if result.note_replaced:
        lines.append("Replaced the note.")
    extra = _trend_lines(result.trends, width) + _action_lines([shown], width)
    if extra:
        lines.append("")
        lines.extend(extra)
    if result.sources:
        lines.append("")
        lines.extend(_footer(result.sources, width))
    return lines


def render_lab_removed(result: LabRemoved, labs: Labs, width: int) -> list[str]:
    shown = result.removed
    lines = [f"Removed the blood test of {shown.date.isoformat()}:"]
    lines.extend(value_lines(shown.values, set(), labs, width))
    if not shown.values:
        lines.append(f"{_INDENT}no values")
    if shown.note:
        lines.extend(_labelled("Note", shown.note, width, _INDENT))
    return lines
