"""``imuran labs list --csv``: one row per test (newest first), a column per test name.

RFC 4180 through the ``csv`` module (imported only here), so that a spreadsheet opens it
as it is. Empty cells where a value was not measured; ``flags`` lists each value past its
limit as ``test:low`` or ``test:high``.
"""

from __future__ import annotations

from typing import TextIO

from imuran_cli.core.labs import LabsList
from imuran_cli.core.units import format_number
from imuran_cli.knowledge.labs import Labs


def write_labs_csv(result: LabsList, labs: Labs, out: TextIO) -> None:
    import csv

    names = [info.name for info in labs.tests]
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["date", *names, "note", "flags"])
    for shown in result.tests:
        values = [
            format_number(shown.values[name]) if name in shown.values else "" for name in names
        ]
        flags = " ".join(f"{flag.test}:{flag.direction}" for flag in shown.flags)
        writer.writerow([shown.date.isoformat(), *values, shown.note or "", flags])
    out.flush()
