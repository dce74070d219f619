"""``history``: the human lines, the JSON document and the CSV, without rich."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping
from typing import Any, TextIO

from imuran_cli.core.doses import DoseRecord, DoseSlot
from imuran_cli.core.history import History
from imuran_cli.core.units import format_number

MARKS = {"taken": "✓", "skipped": "–", "missing": "✗", "due": "·"}


def status(word: str) -> str:
    return f"{MARKS[word]} {word}"


def history_lines(result: History, width: int) -> list[str]:
    """One line a day, newest first, then the adherence."""
    lines: list[str] = []
    for day in reversed(result.days):
        if not day.doses:
            text = "no dose expected"
        elif len(day.doses) == 1 and day.doses[0].dose == "morning":
            text = status(day.doses[0].status)
        else:
            text = "  ".join(f"{slot.dose} {status(slot.status)}" for slot in day.doses)
        lines.extend(
            textwrap.wrap(
                f"{day.date.isoformat()}  {text}",
                width=width,
                subsequent_indent=" " * 12,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    adherence = result.adherence
    if adherence.percent is None:
        summary = "Adherence: no dose was expected in these days."
    else:
        summary = (
            f"Adherence: {format_number(adherence.percent)}% ({adherence.taken} of "
            f"{adherence.expected} doses taken; {adherence.skipped} skipped, "
            f"{adherence.missing} missing)."
        )
    lines.append("")
    lines += textwrap.wrap(summary, width=width, break_on_hyphens=False)
    return lines


def history_document(result: History) -> dict[str, Any]:
    """The ``--json`` document of ``history``: ``from``, ``to``, ``days`` (oldest first,
    each ``{date, doses: [{dose, status, mg}]}``) and ``adherence``."""
    return {
        "from": result.start.isoformat(),
        "to": result.end.isoformat(),
        "days": [
            {
                "date": day.date.isoformat(),
                "doses": [
                    {"dose": slot.dose, "status": slot.status, "mg": slot.mg} for slot in day.doses
                ],
            }
            for day in result.days
        ],
        "adherence": history_document_adherence(result),
    }


def write_history_json(result: History, out: TextIO) -> None:
    """``history_document`` as compact JSON text, written piece by piece: the same
    document (a test holds them equal), fast enough for ten years of doses. Each distinct
    dose object is encoded once."""
    import json

    encoded: dict[tuple[DoseSlot, ...], str] = {}
    parts: list[str] = []
    for day in result.days:
        doses = encoded.get(day.doses)
        if doses is None:
            doses = encoded[day.doses] = json.dumps(
                [{"dose": slot.dose, "status": slot.status, "mg": slot.mg} for slot in day.doses],
                separators=(",", ":"),
            )
        parts.append(f'{{"date":"{day.date.isoformat()}","doses":{doses}}}')
    head = json.dumps({"from": result.start.isoformat(), "to": result.end.isoformat()})
    adherence = json.dumps(history_document_adherence(result), separators=(",", ":"))
    out.write(f'{head[:-1]}, "days":[{",".join(parts)}],"adherence":{adherence}}}\n')
    out.flush()


def history_document_adherence(result: History) -> dict[str, Any]:
    adherence = result.adherence
    return {
        "expected": adherence.expected,
        "taken": adherence.taken,
        "skipped": adherence.skipped,
        "missing": adherence.missing,
        "percent": adherence.percent,
    }


CSV_HEADER = ("date", "dose", "status", "mg", "recorded_at", "note")


def write_history_csv(
    result: History, details: Mapping[tuple[dt.date, str], DoseRecord], out: TextIO
) -> None:
    """RFC 4180 CSV (the ``csv`` module, CRLF line ends): one row per dose in range, with
    ``recorded_at`` and ``note`` from the records (``details``) where there is one."""
    import csv

    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for day in result.days:
        for slot in day.doses:
            record = details.get((day.date, slot.dose))
            writer.writerow(
                (
                    day.date.isoformat(),
                    slot.dose,
                    slot.status,
                    format_number(slot.mg) if slot.mg is not None else "",
                    record.recorded_at.isoformat() if record is not None else "",
                    (record.note or "") if record is not None else "",
                )
            )
    out.flush()
