"""Human view of ``imuran labs due``: plain text within the width given (no rich)."""

from __future__ import annotations

import textwrap

from imuran_cli.core.lab_due import LabsDue
from imuran_cli.render.common import NEUROLOGIST_FIRST, sources_line


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=max(width, 20), break_long_words=False, break_on_hyphens=False)


def _footer(sources: tuple[str, ...], width: int) -> list[str]:
    lines = _wrap(sources_line(sources), width) if sources else []
    return [*lines, *_wrap(NEUROLOGIST_FIRST, width)]


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


def render_labs_due(result: LabsDue, width: int) -> list[str]:
    lines: list[str] = []
    if result.status == "not-on-treatment":
        lines.append("No blood test is due: you are not on azathioprine.")
    elif result.status == "no-test-recorded":
        lines.extend(
            _wrap(
                "No blood test recorded yet: record your last one with imuran labs add "
                "--date YYYY-MM-DD to know when the next is due.",
                width,
            )
        )
    else:
        assert result.due_from is not None and result.due_by is not None
        window = (
            result.due_by.isoformat()
            if result.due_from == result.due_by
            else f"between {result.due_from.isoformat()} and {result.due_by.isoformat()}"
        )
        if result.status == "not-due":
            wait = (result.due_from - result.today).days
            head = f"Next blood test: {window} (in {_days(wait)})."
        elif result.status == "due":
            head = f"A blood test is due now: by {result.due_by.isoformat()}."
        else:
            head = (
                f"OVERDUE: the blood test was due by {result.due_by.isoformat()}, "
                f"{_days(result.days_overdue or 0)} ago. Arrange it with your clinic."
            )
        lines.extend(_wrap(head, width))
    if result.last_test is not None:
        lines.append(f"Last test: {result.last_test.isoformat()}.")
    if result.rule is not None:
        text = result.rule_text
        if result.rule == "profile" and result.interval_weeks is not None:
            text += f": every {result.interval_weeks} weeks"
        lines.extend(_wrap(f"Rule: {text}.", width))
    for note in result.notes:
        lines.extend(_wrap(note, width))
    lines.extend(_footer(result.sources, width))
    return lines
