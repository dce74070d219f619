"""``history``: the status of each dose of each day, and the adherence.

Built for ten years of doses at start-up speed: the records come in as a mapping from
``(ISO day, dose)`` to ``(status, mg)``, and the days are records.
"""

import datetime as dt
from collections.abc import Mapping

from imuran_cli.core.days import DayRef
from imuran_cli.core.doses import DOSE_ORDER, DoseSlot, DoseStatus, Regimen
from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import DoseTime
from imuran_cli.record import Record

PERCENT = 100  # a unit (per hundred), not a rule
_ONE_DAY = dt.timedelta(days=1)


class HistoryDay(Record):
    date: dt.date
    doses: tuple[DoseSlot, ...]


# The journal's current dose records for history: (ISO day, dose) -> (status, mg).
Statuses = Mapping[tuple[str, str], tuple[DoseStatus, float | None]]


class Adherence(Record):
    """Doses counted: ``expected`` is every dose of the days before today plus today's
    recorded ones; ``percent`` = 100 x taken / expected, or None when nothing is expected."""

    expected: int
    taken: int
    skipped: int
    missing: int
    percent: float | None


class History(Record):
    """The answer of ``history``: ``days`` from ``start`` to ``end`` (oldest first)."""

    start: dt.date
    end: dt.date
    days: tuple[HistoryDay, ...]
    adherence: Adherence


def history_range(
    days: int | None,
    start: DayRef | None,
    end: DayRef | None,
    today: dt.date,
    default_days: int,
    max_days: int,
) -> tuple[dt.date, dt.date]:
    """The first and last day of ``history``: ``--days N`` (ending today) or ``--from``/``--to``
    (``--to`` defaults to today); by default the last ``default_days`` days."""
    if days is not None and (start is not None or end is not None):
        raise InputError(
            "--days cannot be combined with --from/--to",
            "give either --days N or --from DAY --to DAY",
            code="conflicting_options",
        )
    if end is not None and start is None:
        raise InputError(
            f"--to {end.day.isoformat()} needs --from, the first day to show",
            "add --from DAY, or use --days N",
            code="missing_option",
        )
    if start is not None:
        last = end.day if end is not None else today
        if last < start.day:
            raise InputError(
                f"--to {last.isoformat()} is before --from {start.day.isoformat()}",
                "give the first day with --from and the last day with --to",
                code="dates_reversed",
            )
        length = (last - start.day).days + 1
        if length > max_days:
            raise InputError(
                f"{start.day.isoformat()} to {last.isoformat()} is {length} days; "
                f"history shows at most {max_days} days",
                "choose a shorter range",
                code="days_out_of_range",
            )
        return start.day, last
    count = default_days if days is None else days
    if not 1 <= count <= max_days:
        raise InputError(
            f"--days {count} is outside 1 to {max_days}",
            f"give a number of days from 1 to {max_days}",
            code="days_out_of_range",
        )
    return today - dt.timedelta(days=count - 1), today


_Record = tuple[DoseStatus, float | None]
_DayKey = tuple[bool, bool, _Record | None, _Record | None]


def _slots(key: _DayKey, planned: Mapping[DoseTime, float | None]) -> tuple[DoseSlot, ...]:
    """The doses of a day from (in treatment, before today, morning record, later record)."""
    treated, past, morning, later = key
    slots: list[DoseSlot] = []
    for dose, record in zip(DOSE_ORDER, (morning, later), strict=True):
        if record is not None:
            status, mg = record
            if mg is None and treated:
                mg = planned.get(dose)
            slots.append(DoseSlot(dose, status, mg))
        elif treated and dose in planned:
            slots.append(DoseSlot(dose, "missing" if past else "due", planned[dose]))
    return tuple(slots)


def build_history(
    recorded: Statuses,
    start: dt.date,
    end: dt.date,
    regimen: Regimen,
    today: dt.date,
    percent_decimals: int,
) -> History:
    """Each day from ``start`` to ``end`` with the status of each dose, and the adherence.

    The same statuses as ``doses.day_slots`` (a test holds them equal), in one pass fast
    enough for ten years.
    """
    planned = dict(regimen.doses)
    started, stopped = regimen.started_on, regimen.stopped_on
    first, second = DOSE_ORDER
    # Days repeat (both doses taken, as prescribed...): each distinct day's doses are
    # worked out once, and the same tuple is shared by every day like it.
    made: dict[_DayKey, tuple[DoseSlot, ...]] = {}
    counted: dict[str, int] = {"taken": 0, "skipped": 0, "missing": 0, "due": 0}
    # Days counted by their key, a tuple of plain values that hashes in C (a tuple of
    # slots would call each record's Python ``__hash__``).
    day_counts: dict[_DayKey, int] = {}
    days: list[HistoryDay] = []
    day = start
    while day <= end:
        iso = day.isoformat()
        treated = (started is None or day >= started) and (stopped is None or day <= stopped)
        key: _DayKey = (
            treated,
            day < today,
            recorded.get((iso, first)),
            recorded.get((iso, second)),
        )
        slots = made.get(key)
        if slots is None:
            slots = made[key] = _slots(key, planned)
        day_counts[key] = day_counts.get(key, 0) + 1
        days.append(HistoryDay(day, slots))
        day += _ONE_DAY
    for key, times in day_counts.items():
        for slot in made[key]:
            counted[slot.status] += times
    counts = counted
    expected = counts["taken"] + counts["skipped"] + counts["missing"]
    percent = round(PERCENT * counts["taken"] / expected, percent_decimals) if expected else None
    return History(
        start=start,
        end=end,
        days=tuple(days),
        adherence=Adherence(
            expected=expected,
            taken=counts["taken"],
            skipped=counts["skipped"],
            missing=counts["missing"],
            percent=percent,
        ),
    )
