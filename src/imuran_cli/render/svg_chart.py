"""A small line-chart renderer: values over dates as inline SVG, for the HTML report.

No library and no script: a ``<svg>`` element with a ``<title>`` and ``<desc>`` (read by
screen readers), axes with labelled ticks, the values as a line with a marker per point,
and dashed horizontal lines for limits. A point past a limit gets a larger, hollow marker
*and* a "!" beside it, so that the chart never relies on colour alone. Every chart in the
report is followed by a table of the same values: its text alternative.
"""

import datetime as dt
import math
from collections.abc import Sequence

from imuran_cli.core.units import format_number
from imuran_cli.record import Record
from imuran_cli.render.html_page import esc

# Layout, in SVG user units (the chart scales to the width of its container).
WIDTH = 360
HEIGHT = 170
LEFT = 44
RIGHT = 12
TOP = 20
BOTTOM = 30
MAX_X_LABELS = 4
TARGET_Y_TICKS = 5
_NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


class Point(Record):
    day: dt.date
    value: float
    flagged: bool = False


class Limit(Record):
    value: float
    label: str


def nice_ticks(low: float, high: float, target: int = TARGET_Y_TICKS) -> list[float]:
    """Round tick values covering ``low`` to ``high``: steps of 1, 2, 2.5 or 5 x 10^k."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("ticks need finite bounds")
    if high < low:
        low, high = high, low
    if high - low <= 1e-9 * max(1.0, abs(high)):
        pad = max(abs(high) * 0.1, 1.0)
        low, high = low - pad, high + pad
    raw = (high - low) / max(target, 1)
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(power * s for s in _NICE_STEPS if power * s >= raw * (1 - 1e-9))
    first = math.floor(low / step + 1e-9)
    if first * step > low:
        first -= 1
    last = max(math.ceil(high / step - 1e-9), first + 1)
    if last * step < high:
        last += 1
    return [round(index * step, 10) for index in range(first, last + 1)]


def _x_labels(first: dt.date, last: dt.date) -> list[dt.date]:
    if first == last:
        return [first]
    span = (last - first).days
    count = min(MAX_X_LABELS, span + 1)
    return sorted({first + dt.timedelta(days=round(span * i / (count - 1))) for i in range(count)})


def line_chart(
    *,
    title: str,
    description: str,
    points: Sequence[Point],
    unit: str,
    limits: Sequence[Limit] = (),
    y_floor: float | None = None,
    y_ceiling: float | None = None,
    y_ticks: Sequence[float] | None = None,
) -> str:
    """An ``<svg>`` line chart of ``points`` (at least one), oldest first."""
    if not points:
        raise ValueError("a chart needs at least one point")
    ordered = sorted(points, key=lambda p: p.day)
    values = [p.value for p in ordered] + [limit.value for limit in limits]
    low = min(values) if y_floor is None else min(y_floor, *values)
    high = max(values) if y_ceiling is None else max(y_ceiling, *values)
    if y_floor is not None and low >= y_floor:
        low = y_floor
    ticks = list(y_ticks) if y_ticks else nice_ticks(low, high)
    if y_ticks and (ticks[0] > low or ticks[-1] < high):
        raise ValueError("the given ticks do not cover the values")
    y_low, y_high = ticks[0], ticks[-1]
    if y_high == y_low:
        y_high = y_low + 1
    first, last = ordered[0].day, ordered[-1].day
    span = max((last - first).days, 1)
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM

    def x_of(day: dt.date) -> float:
        if first == last:
            return LEFT + plot_w / 2
        return LEFT + plot_w * (day - first).days / span

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - (value - y_low) / (y_high - y_low))

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-labelledby="{_id(title)}-t {_id(title)}-d" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{_id(title)}-t">{esc(title)}</title>',
        f'<desc id="{_id(title)}-d">{esc(description)}</desc>',
    ]
    # Grid and y axis labels.
    for tick in ticks:
        y = y_of(tick)
        parts.append(
            f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>'
        )
        parts.append(
            f'<text class="tick" x="{LEFT - 4}" y="{y + 3:.1f}" text-anchor="end">'
            f"{esc(format_number(tick))}</text>"
        )
    parts.append(f'<text class="unit" x="4" y="{TOP - 9}" text-anchor="start">{esc(unit)}</text>')
    # x axis and date labels.
    base = TOP + plot_h
    parts.append(f'<line class="axis" x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}"/>')
    for day in _x_labels(first, last):
        parts.append(
            f'<text class="tick" x="{x_of(day):.1f}" y="{base + 14}" text-anchor="middle">'
            f"{day.isoformat()}</text>"
        )
    # Limits: dashed lines with their label.
    for limit in limits:
        y = y_of(limit.value)
        parts.append(
            f'<line class="limit" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>'
        )
        parts.append(
            f'<text class="limit-label" x="{LEFT + 3}" y="{y - 3:.1f}" '
            f'text-anchor="start">{esc(limit.label)}</text>'
        )
    # The values.
    if len(ordered) > 1:
        path = " ".join(f"{x_of(p.day):.1f},{y_of(p.value):.1f}" for p in ordered)
        parts.append(f'<polyline class="line" points="{path}"/>')
    for point in ordered:
        x, y = x_of(point.day), y_of(point.value)
        label = f"{point.day.isoformat()}: {format_number(point.value)} {unit}"
        if point.flagged:
            parts.append(
                f'<rect class="flagged" x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8">'
                f"<title>{esc(label)} (past a limit)</title></rect>"
            )
            parts.append(f'<text class="flag-mark" x="{x + 6:.1f}" y="{y - 5:.1f}">!</text>')
        else:
            parts.append(
                f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="3">'
                f"<title>{esc(label)}</title></circle>"
            )
    parts.append("</svg>")
    return "\n".join(parts)


def _id(title: str) -> str:
    """An id from a title: lower case letters, digits and hyphens."""
    cleaned = "".join(c if c.isalnum() else "-" for c in title.lower())
    return "chart-" + "-".join(part for part in cleaned.split("-") if part)


CHART_CSS = """
svg.chart { width: 100%; height: auto; overflow: visible; }
svg.chart .grid { stroke: #ddd; stroke-width: 1; }
svg.chart .axis { stroke: #333; stroke-width: 1; }
svg.chart .tick, svg.chart .unit, svg.chart .limit-label { font-size: 9px; fill: #333; }
svg.chart .limit { stroke: #000; stroke-width: 1; stroke-dasharray: 4 3; }
svg.chart .line { fill: none; stroke: #1f4e8c; stroke-width: 2; }
svg.chart .point { fill: #1f4e8c; }
svg.chart .flagged { fill: #fff; stroke: #b00020; stroke-width: 2; }
svg.chart .flag-mark { font-size: 11px; font-weight: bold; fill: #b00020; }
"""
