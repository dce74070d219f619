"""``imuran labs chart TEST``: one test over time, drawn by plotext in the terminal.

plotext is imported only here, and only when a chart is drawn (not for ``--json``). The
chart fits the width given (at most 60 columns), and reads without colour: the values
are ``●`` joined by a fine line, each limit a dotted line, and a key below says which is
which. Colour is used only when the caller asks for it (a terminal without NO_COLOR).
"""

from __future__ import annotations

import datetime as dt
import textwrap

from imuran_cli.core.labs import LabChart
from imuran_cli.core.units import format_number
from imuran_cli.knowledge.labs import Labs
from imuran_cli.render.common import NEUROLOGIST_FIRST, sources_line

CHART_HEIGHT = 15
POINT = "●"
LIMIT_KEY = "┈┈"
_DATE_FORM = "%Y-%m-%d"
# Space above and below the values and limits, as a share of their range.
_MARGIN = 0.1


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)


def _who(limit_source: str, labs: Labs) -> str:
    return labs.urgent.who_default if limit_source == "default" else labs.urgent.who_profile


def plot(chart: LabChart, width: int, *, color: bool) -> list[str]:
    """The plot itself, as lines of text (ANSI colour codes only with ``color``)."""
    import plotext

    figure = plotext.figure
    figure.clear()
    figure.date().activate(form=_DATE_FORM)
    dates = [point.date.strftime(_DATE_FORM) for point in chart.points]
    values = [point.value for point in chart.points]
    line = figure.signal(dates, values, marker="braille")
    line.lines()
    figure.draw(line)
    figure.draw(figure.signal(dates, values, marker=POINT))
    for limit in chart.limits:
        figure.line(limit.value, style="dotted")
    shown = values + [limit.value for limit in chart.limits]
    low, high = min(shown), max(shown)
    pad = (high - low) * _MARGIN or abs(high) * _MARGIN or 1
    figure.ruler("y").lim(max(low - pad, 0), high + pad)
    ticks = list(dict.fromkeys([dates[0], dates[-1]]))
    figure.ruler("x").ticks(ticks)
    figure.plot_size(width, CHART_HEIGHT)
    text: str = figure.build().string(colorless=not color)
    return [row.rstrip() for row in text.splitlines()]


def render_lab_chart(chart: LabChart, labs: Labs, width: int, *, color: bool) -> list[str]:
    title = f"{chart.label} ({chart.unit})"
    if not chart.points:
        return _wrap(
            f"No {chart.label} results recorded yet. Record one with: "
            f"imuran labs add --{chart.test} {labs.test(chart.test).example}",
            width,
        )
    first, last = chart.points[0].date, chart.points[-1].date
    count = len(chart.points)
    span = _span(first, last, count)
    lines = _wrap(f"{title}: {count} result{'' if count == 1 else 's'}{span}", width)
    lines.extend(plot(chart, width, color=color))
    lines.extend(_wrap(f"{POINT} {chart.label} result", width))
    for limit in chart.limits:
        side = "below" if limit.direction == "low" else "above"
        lines.extend(
            _wrap(
                f"{LIMIT_KEY} limit {format_number(limit.value)}: a result {side} it is "
                f"URGENT ({_who(limit.limit_source, labs)})",
                width,
            )
        )
    if not chart.limits:
        lines.extend(_wrap(f"No limit is set for {chart.label}.", width))
    if chart.trend is not None:
        lines.extend(_wrap(f"CAUTION: {chart.trend.message}", width))
    if chart.sources:
        lines.extend(_wrap(sources_line(chart.sources), width))
        lines.extend(_wrap(NEUROLOGIST_FIRST, width))
    return lines


def _span(first: dt.date, last: dt.date, count: int) -> str:
    if count == 1:
        return f", {first.isoformat()}"
    return f", {first.isoformat()} to {last.isoformat()}"
