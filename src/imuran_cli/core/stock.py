"""Tablets in stock: refills (``stock add``), counts by hand (``stock set``) and the
tablets of each dose taken, folded in the order of their day (then of their recording).

A count never goes below zero, and a dose taken before any stock was recorded leaves the
stock unknown. ``as_of`` is the latest day the count includes; ``days_left`` whole days of
tablets at the daily dose from then, so ``runs_out_on`` = ``as_of`` + ``days_left``.
"""

import datetime as dt
import math
from collections.abc import Iterable
from typing import Literal

from imuran_cli.core.errors import InputError
from imuran_cli.core.units import format_number
from imuran_cli.record import Record

StockAction = Literal["add", "set"]


class StockEvent(Record):
    """A refill (``add``: tablets received) or a count by hand (``set``: tablets there)."""

    entry_id: int
    date: dt.date
    action: StockAction
    tablets: float
    recorded_at: dt.datetime


class TakenTablets(Record):
    """Tablets taken, as the stock sees them: one dose, or the doses between two stock
    events summed (``entry_id`` and ``date`` of the last of them)."""

    entry_id: int
    date: dt.date
    tablets: float


class NewStock(Record):
    date: dt.date
    action: StockAction
    tablets: float
    recorded_at: dt.datetime


class StockStatus(Record):
    """The answer of ``stock``; its fields are the ``--json`` document.

    ``tablets_left`` is None when no stock was ever recorded; ``daily_tablets``,
    ``days_left`` and ``runs_out_on`` are None without a known daily dose;
    ``refill_now`` is None when it cannot be told.
    """

    tablets_left: float | None
    as_of: dt.date | None
    daily_tablets: float | None
    days_left: int | None
    runs_out_on: dt.date | None
    refill_now: bool | None
    refill_days: int
    refill_days_from: Literal["profile", "default"]
    source: str


class StockRecorded(Record):
    """The answer of ``stock add`` and ``stock set``: what was written, then the stock."""

    recorded: NewStock
    stock: StockStatus


def parse_tablets(value: float, action: StockAction, step: float) -> float:
    """N of ``stock add N`` (more than 0) or ``stock set N`` (0 or more), in whole or half
    tablets (``step``: the smallest piece, 1 or 0.5)."""
    command = f"imuran stock {action}"
    low_ok = value > 0 if action == "add" else value >= 0
    pieces = value / step if math.isfinite(value) else math.nan
    if not math.isfinite(value) or not low_ok or not math.isclose(pieces, round(pieces)):
        shown = format_number(value) if math.isfinite(value) else str(value)
        least = "more than 0" if action == "add" else "0 or more"
        unit = "whole or half tablets" if step < 1 else "whole tablets"
        raise InputError(
            f"{command} {shown}: the number of tablets must be {least}, in {unit}",
            f"give a number of tablets, e.g. {command} 60",
            code="invalid_tablets",
        )
    return _tidy(round(pieces) * step)


def _whole_at_least(value: float) -> int:
    """The whole number at or above ``value``, tolerant of float noise (3.0000001 -> 3)."""
    nearest = round(value)
    return nearest if math.isclose(value, nearest) else math.ceil(value)


def _whole_at_most(value: float) -> int:
    """The whole number at or below ``value``, tolerant of float noise (2.9999999 -> 3)."""
    nearest = round(value)
    return nearest if math.isclose(value, nearest) else math.floor(value)


def _tidy(value: float) -> float:
    """42.0 -> 42 (an int in JSON), 41.5 stays."""
    return int(value) if float(value).is_integer() else value


def stock_status(
    events: Iterable[StockEvent],
    taken: Iterable[TakenTablets],
    daily_mg: float | None,
    tablet_mg: int,
    refill_days: int,
    refill_days_from: Literal["profile", "default"],
    source: str,
    today: dt.date,
) -> StockStatus:
    """Fold the events and the doses taken into the tablets left, and look ahead."""
    moves: list[tuple[dt.date, int, str, float]] = [
        (event.date, event.entry_id, event.action, event.tablets) for event in events
    ]
    moves += [(dose.date, dose.entry_id, "take", dose.tablets) for dose in taken]
    moves.sort(key=lambda move: (move[0], move[1]))
    left: float | None = None
    as_of: dt.date | None = None
    for day, _, action, tablets in moves:
        if action == "set":
            left = tablets
        elif action == "add":
            left = (left or 0) + tablets
        elif left is not None:
            left = max(0, left - tablets)
        if left is not None:
            as_of = day
    daily_tablets = daily_mg / tablet_mg if daily_mg is not None else None
    days_left: int | None = None
    runs_out_on: dt.date | None = None
    refill_now: bool | None = None
    if left is not None and as_of is not None and daily_tablets:
        days_left = _whole_at_most(left / daily_tablets)
        runs_out_on = as_of + dt.timedelta(days=days_left)
        refill_now = (runs_out_on - today).days < refill_days
    return StockStatus(
        tablets_left=_tidy(left) if left is not None else None,
        as_of=as_of,
        daily_tablets=_tidy(daily_tablets) if daily_tablets is not None else None,
        days_left=days_left,
        runs_out_on=runs_out_on,
        refill_now=refill_now,
        refill_days=refill_days,
        refill_days_from=refill_days_from,
        source=source,
    )


class TripStock(Record):
    """The stock against a trip: the tablets needed until the end of the trip."""

    tablets_left: int | float
    as_of: dt.date
    needed: int
    refill_before_leaving: bool


def trip_stock(
    stock: StockStatus, trip_tablets: int, daily_tablets: float, start: dt.date, today: dt.date
) -> TripStock | None:
    """The trip's tablets plus those of the days before it leaves, against the stock."""
    if stock.tablets_left is None or stock.as_of is None:
        return None
    before = max(0, (start - max(today, stock.as_of)).days)
    needed = trip_tablets + _whole_at_least(before * daily_tablets)
    return TripStock(
        tablets_left=stock.tablets_left,
        as_of=stock.as_of,
        needed=needed,
        refill_before_leaving=stock.tablets_left < needed,
    )
