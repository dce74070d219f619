"""The records ``undo`` may remove, read as core data, whatever their kind."""

from __future__ import annotations

from collections.abc import Callable

from imuran_cli.storage.adl_rows import score_from_row
from imuran_cli.storage.dose_rows import Row, dose_from_row
from imuran_cli.storage.journal import RemovedEntry
from imuran_cli.storage.labs import record_from_row as lab_record_from_row
from imuran_cli.storage.stock_rows import stock_from_row

# How each kind's row reads as core data (add one for each new kind of record).
ROW_READERS: dict[str, Callable[[Row], object]] = {
    "dose": dose_from_row,
    "adl": score_from_row,
    "stock": stock_from_row,
    "labs": lab_record_from_row,
}


def removed_records(removed: RemovedEntry) -> tuple[object, object | None]:
    """The record ``undo`` removed and the one it brought back, as core data."""
    read = ROW_READERS[removed.kind]
    restored = read(removed.restored) if removed.restored is not None else None
    return read(removed.row), restored
