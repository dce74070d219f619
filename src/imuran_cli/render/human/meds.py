"""Human views of ``imuran meds add|remove|list``: plain text, no rich."""

from __future__ import annotations

from imuran_cli.core.medicines import CheckResult
from imuran_cli.core.meds import MedsAdded, MedsList, MedsRemoved
from imuran_cli.render.human.check import check_lines, fill


def meds_added_lines(result: MedsAdded, width: int) -> list[str]:
    lines: list[str] = []
    for entry in result.added:
        lines += fill(f"Added to your medicines: {entry}", width)
    for entry in result.already_listed:
        lines += fill(f"Already in your medicines: {entry}", width)
    lines += _saved(result.path, result.created, result.backup, width)
    lines.append("")
    return [*lines, *check_lines(CheckResult(result.medicines, result.sources), width)]


def meds_removed_lines(result: MedsRemoved, width: int) -> list[str]:
    lines = fill(f"Removed from your medicines: {result.removed}", width)
    if result.medications:
        lines += fill("Your medicines now: " + ", ".join(result.medications), width)
    else:
        lines.append("Your list of medicines is now empty.")
    return lines + _saved(result.path, False, result.backup, width)


def meds_list_lines(result: MedsList, width: int) -> list[str]:
    if not result.medicines:
        return fill("No medicines are in your profile. Add one with: imuran meds add NAME", width)
    count = len(result.medicines)
    title = f"Your medicines ({count}), checked against azathioprine and MG:"
    return [
        *fill(title, width),
        "",
        *check_lines(CheckResult(result.medicines, result.sources), width),
    ]


def _saved(path: str, created: bool, backup: str | None, width: int) -> list[str]:
    lines: list[str] = []
    if backup:
        lines += fill(f"The profile was upgraded; the old file is kept as {backup}", width)
    lines += fill(f"{'Created' if created else 'Saved in'} {path}", width)
    return lines
