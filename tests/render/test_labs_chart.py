"""The chart of ``labs chart``: within the width, colour only when asked, limits drawn."""

from __future__ import annotations

import datetime as dt
import re
import sys

import pytest

from imuran_cli.cli import labs as cli_labs
from imuran_cli.core.labs import LabTest, chart
from imuran_cli.knowledge.labs import load_labs
from imuran_cli.render.human.labs_chart import render_lab_chart

LABS = load_labs()
ANSI = re.compile(r"\x1b\[")
TESTS = [
    LabTest(dt.date(2026, 1, 5) + dt.timedelta(days=30 * i), {"platelets": value})
    for i, value in enumerate([260, 210, 180, 150, 130])
]


@pytest.mark.parametrize("width", [40, 48, 60])
def test_the_chart_fits_the_width_without_colour(width: int):
    lines = render_lab_chart(chart("platelets", TESTS, {}, LABS), LABS, width, color=False)
    assert all(len(line) <= width for line in lines)
    assert not any(ANSI.search(line) for line in lines)
    assert not any(line != line.rstrip() for line in lines)
    body = "\n".join(lines)
    assert body.count("●") == len(TESTS) + 1  # each result, and the key
    assert "┈" in body


def test_colour_only_when_asked():
    lines = render_lab_chart(chart("platelets", TESTS, {}, LABS), LABS, 60, color=True)
    assert any(ANSI.search(line) for line in lines)


def test_the_limit_line_sits_between_the_values_around_it():
    """The dotted limit at 140 is drawn below the row of 150 and above the row of 130."""
    lines = render_lab_chart(chart("platelets", TESTS, {}, LABS), LABS, 60, color=False)
    plot = [line for line in lines if "│" in line or "┤" in line or "├" in line]
    limit_rows = [i for i, line in enumerate(plot) if "┈" in line]
    assert limit_rows
    points = [i for i, line in enumerate(plot) if "●" in line]
    assert min(points) < limit_rows[0] < max(points)


def test_a_single_result_and_two_limits():
    one = [LabTest(dt.date(2026, 11, 20), {"wbc": 5.0})]
    result = chart("wbc", one, {"wbc_high": 11.0}, LABS)
    lines = render_lab_chart(result, LABS, 60, color=False)
    assert lines[0] == "WBC (x10^9/L): 1 result, 2026-11-20"
    assert sum("┈┈ limit" in line for line in lines) == 2
    assert all(len(line) <= 60 for line in lines)


@pytest.mark.parametrize(
    ("env", "tty", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": ""}, True, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"TERM": "dumb"}, True, False),
    ],
)
def test_colour_needs_a_terminal_without_no_color(monkeypatch, env, tty, expected):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)

    class Out:
        def isatty(self) -> bool:
            return bool(tty)

    monkeypatch.setattr(sys, "stdout", Out())
    colour: bool = cli_labs._use_color()
    assert colour is expected
