"""Human views of the journal commands, as plain text (no rich): ``take``, ``skip``,
``undo``, ``adl``, ``stock`` (``history`` has its own module).

Every status carries a word and a mark that does not rely on colour:
``✓ taken``, ``– skipped``, ``✗ missing``, ``· due``.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from imuran_cli.core.units import format_number
from imuran_cli.render.common import (
    NEUROLOGIST_FIRST,
    format_tablets,
    sources_line,
    tablets_word,
)

if TYPE_CHECKING:  # only types here: each command imports only its own core module
    from imuran_cli.core.adl import AdlChange, AdlEmergency, AdlList, AdlRecorded
    from imuran_cli.core.doses import DoseRecord
    from imuran_cli.core.stock import StockEvent, StockRecorded, StockStatus
    from imuran_cli.core.take import DoseRecorded
    from imuran_cli.core.undo import Undone

MARKS = {"taken": "✓", "skipped": "–", "missing": "✗", "due": "·"}


def fill(text: str, width: int, indent: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]


def status(word: str) -> str:
    return f"{MARKS[word]} {word}"


def mg_text(mg: float | None) -> str:
    return f"{format_number(mg)} mg" if mg is not None else "amount unknown"


# ---------------------------------------------------------------- take and skip


def dose_recorded_lines(result: DoseRecorded, width: int) -> list[str]:
    rec = result.recorded
    which = (
        "the dose"
        if len(result.day.doses) <= 1 and rec.dose == "morning"
        else (f"the {rec.dose} dose")
    )
    verb = "Taken" if rec.status == "taken" else "Skipped"
    amount = f", {mg_text(rec.mg)}" if rec.status == "taken" else ""
    head = f"{MARKS[rec.status]} {verb}: {which} of {rec.date.isoformat()}{amount}."
    lines = fill(head, width)
    if result.replaced is not None:
        lines += fill(f"It was recorded as {result.replaced}; now {rec.status}.", width)
    if rec.note:
        label = "Note" if rec.status == "taken" else "Reason"
        lines += fill(f"{label}: {rec.note}", width)
    for dose in result.day.doses:
        lines.append(f"  {dose.dose:<8} {status(dose.status):<10} {mg_text(dose.mg)}".rstrip())
    taken = format_number(result.day.taken_mg)
    if result.day.daily_mg is not None:
        total = f"Taken that day: {taken} of your {format_number(result.day.daily_mg)} mg."
    else:
        total = f"Taken that day: {taken} mg."
    lines += fill(total, width)
    return lines


# ---------------------------------------------------------------- undo


def undone_lines(result: Undone, width: int) -> list[str]:
    lines = fill(f"Removed: {result.removed.summary}.", width)
    if result.restored is not None:
        lines += fill(f"Back again: {result.restored.summary}.", width)
    return lines


def describe(record: object) -> str:
    """One line for any record ``undo`` may remove."""
    from imuran_cli.core.adl import AdlScore
    from imuran_cli.core.doses import DoseRecord
    from imuran_cli.core.labs import LabRecord, describe_record
    from imuran_cli.core.stock import StockEvent

    if isinstance(record, DoseRecord):
        return describe_dose(record)
    if isinstance(record, StockEvent):
        return describe_stock(record)
    if isinstance(record, LabRecord):
        return describe_record(record)
    if isinstance(record, AdlScore):
        return f"the MG-ADL score of {record.date.isoformat()} (total {record.items.total})"
    raise TypeError(f"no description for {type(record).__name__}")


def describe_dose(record: DoseRecord) -> str:
    amount = f", {mg_text(record.mg)}" if record.mg is not None else ""
    return f"the {record.dose} dose of {record.date.isoformat()} ({record.status}{amount})"


def describe_stock(event: StockEvent) -> str:
    tablets = format_tablets(event.tablets)
    if event.action == "add":
        return f"a refill of {tablets} tablets on {event.date.isoformat()}"
    return f"a count of {tablets} tablets on {event.date.isoformat()}"


# ---------------------------------------------------------------- MG-ADL


def _items_text(items: Any) -> str:
    from imuran_cli.core.adl import ADL_ITEMS

    graded = [(items.grade(key), key) for key in ADL_ITEMS if items.grade(key)]
    if not graded:
        return "every item 0"
    return ", ".join(f"{key.replace('_', ' ')} {grade}" for grade, key in graded)


def change_lines(change: AdlChange | None, threshold: str, width: int) -> list[str]:
    if change is None:
        return fill("Change: a second score (another day) will show the change.", width)
    points = change.points
    if points < 0:
        how = f"{-points} point{'s' if points != -1 else ''} better"
    elif points > 0:
        how = f"{points} point{'s' if points != 1 else ''} worse"
    else:
        how = "no change"
    verdict = "a meaningful improvement" if change.meaningful else "not a meaningful improvement"
    lines = fill(
        f"Change from {change.from_date.isoformat()} to {change.to_date.isoformat()}: "
        f"{how} ({verdict}).",
        width,
    )
    return lines + fill(threshold, width)


def emergency_lines(emergency: AdlEmergency | None, width: int) -> list[str]:
    if emergency is None:
        return []
    items = " and ".join(emergency.items)
    return fill(
        f"{emergency.label}: you gave {items} its most severe grade. {emergency.text}", width
    )


def adl_recorded_lines(result: AdlRecorded, width: int) -> list[str]:
    score = result.recorded
    lines = fill(
        f"Recorded the MG-ADL score of {score.date.isoformat()}: total {score.total} "
        f"({_items_text(score.items)}).",
        width,
    )
    if result.replaced is not None:
        lines += fill(
            f"It replaces the score of that day recorded before (total {result.replaced.total}).",
            width,
        )
    lines += emergency_lines(result.emergency, width)
    lines += change_lines(result.change, result.threshold, width)
    lines += fill(sources_line(result.sources), width)
    lines += fill(NEUROLOGIST_FIRST, width)
    return lines


def adl_list_lines(result: AdlList, width: int) -> list[str]:
    if not result.scores:
        return fill("No MG-ADL score yet. Record one: imuran adl add", width)
    lines = ["MG-ADL scores, newest first (higher is worse):"]
    for score in result.scores:
        lines.extend(
            textwrap.wrap(
                f"{score.date.isoformat()}  {score.total:>2}  {_items_text(score.items)}",
                width=width,
                subsequent_indent=" " * 16,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    lines += emergency_lines(result.emergency, width)
    lines += change_lines(result.change, result.threshold, width)
    lines += fill(sources_line(result.sources), width)
    lines += fill(NEUROLOGIST_FIRST, width)
    return lines


# ---------------------------------------------------------------- stock


def stock_lines(result: StockStatus, width: int) -> list[str]:
    if result.tablets_left is None or result.as_of is None:
        return fill(
            "No stock recorded yet. Record the tablets you have: imuran stock set N "
            "(or a refill: imuran stock add N).",
            width,
        )
    lines = fill(
        f"Tablets left: {format_tablets(result.tablets_left)} (as of {result.as_of.isoformat()}).",
        width,
    )
    if result.daily_tablets is None or result.days_left is None or result.runs_out_on is None:
        lines += fill(
            "Days left: unknown without your daily dose (imuran profile set daily-mg N).", width
        )
        return lines
    lines += fill(
        f"At {tablets_word(result.daily_tablets)} a day that is {result.days_left} "
        f"days: they run out on {result.runs_out_on.isoformat()}.",
        width,
    )
    if result.refill_now:
        lines += fill(
            f"Refill now: fewer than {result.refill_days} days of tablets are left.", width
        )
    lines += fill(sources_line([result.source]), width)
    return lines


def stock_recorded_lines(result: StockRecorded, width: int) -> list[str]:
    new = result.recorded
    tablets = format_tablets(new.tablets)
    if new.action == "add":
        head = f"Recorded a refill of {tablets} tablets on {new.date.isoformat()}."
    else:
        head = f"Recorded a count of {tablets} tablets on {new.date.isoformat()}."
    return fill(head, width) + stock_lines(result.stock, width)
