"""The SVG line-chart renderer: well-formed SVG, positions, limits, markers, accessibility."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.render.svg_chart import (
    HEIGHT,
    LEFT,
    RIGHT,
    WIDTH,
    Limit,
    Point,
    line_chart,
    nice_ticks,
)

NS = {"svg": "http://www.w3.org/2000/svg"}
D = dt.date


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (0, 24, [0, 5, 10, 15, 20, 25]),
        (3.1, 6.4, [3, 4, 5, 6, 7]),
        (140, 260, [125, 150, 175, 200, 225, 250, 275]),
        (5, 5, [4, 4.5, 5, 5.5, 6]),
        (0, 0, [-1, -0.5, 0, 0.5, 1]),
    ],
)
def test_nice_ticks(low, high, ticks):
    assert nice_ticks(low, high) == pytest.approx(ticks)


@given(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
)
def test_ticks_cover_the_range_with_a_few_even_steps(a, b):
    low, high = min(a, b), max(a, b)
    ticks = nice_ticks(low, high)
    assert ticks[0] <= low + 1e-6 and ticks[-1] >= high - 1e-6
    assert 2 <= len(ticks) <= 12
    steps = {round(later - earlier, 6) for earlier, later in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1 or max(steps) - min(steps) < 1e-6 * max(1, max(steps))


def test_points_are_placed_by_date_and_value():
    svg = line_chart(
        title="WBC",
        description="White cells",
        points=[Point(D(2026, 1, 1), 0), Point(D(2026, 1, 11), 10), Point(D(2026, 1, 21), 5)],
        unit="x10^9/L",
    )
    root = parse(svg)
    circles = root.findall("svg:circle", NS)
    xs = [float(c.get("cx", "")) for c in circles]
    ys = [float(c.get("cy", "")) for c in circles]
    assert xs[0] == pytest.approx(LEFT) and xs[-1] == pytest.approx(WIDTH - RIGHT)
    assert xs[1] == pytest.approx((xs[0] + xs[2]) / 2)
    assert ys[1] < ys[2] < ys[0]  # higher values are higher up
    assert root.find("svg:polyline", NS) is not None
    assert root.get("viewBox") == f"0 0 {WIDTH} {HEIGHT}"


def test_title_desc_and_role_for_screen_readers():
    root = parse(
        line_chart(
            title="MG-ADL", description="Scores", points=[Point(D(2026, 1, 1), 6)], unit="points"
        )
    )
    assert root.get("role") == "img"
    assert root.find("svg:title", NS).text == "MG-ADL"  # type: ignore[union-attr]
    assert root.find("svg:desc", NS).text == "Scores"  # type: ignore[union-attr]
    labelled = (root.get("aria-labelledby") or "").split()
    ids = {el.get("id") for el in root.iter()}
    assert set(labelled) <= ids


def test_a_single_point_is_centred_without_a_line():
    root = parse(line_chart(title="t", description="d", points=[Point(D(2026, 1, 1), 3)], unit="u"))
    (circle,) = root.findall("svg:circle", NS)
    assert float(circle.get("cx", "")) == pytest.approx(LEFT + (WIDTH - LEFT - RIGHT) / 2)
    assert root.find("svg:polyline", NS) is None


def test_limits_are_dashed_lines_and_flagged_points_do_not_rely_on_colour():
    svg = line_chart(
        title="WBC",
        description="d",
        points=[Point(D(2026, 1, 1), 5.0), Point(D(2026, 2, 1), 3.0, flagged=True)],
        unit="u",
        limits=[Limit(3.5, "limit 3.5")],
    )
    root = parse(svg)
    (limit,) = root.findall("svg:line[@class='limit']", NS)
    assert limit.get("y1") == limit.get("y2")
    assert [t.text for t in root.findall("svg:text[@class='limit-label']", NS)] == ["limit 3.5"]
    assert len(root.findall("svg:rect[@class='flagged']", NS)) == 1
    assert [t.text for t in root.findall("svg:text[@class='flag-mark']", NS)] == ["!"]


def test_the_y_range_includes_limits_and_the_floor():
    svg = line_chart(
        title="t",
        description="d",
        points=[Point(D(2026, 1, 1), 50)],
        unit="u",
        limits=[Limit(100, "100")],
        y_floor=0,
    )
    labels = [t.text for t in parse(svg).findall("svg:text[@class='tick']", NS)]
    assert "0" in labels and "100" in labels


def test_text_is_escaped():
    svg = line_chart(title="a<b", description="c&d", points=[Point(D(2026, 1, 1), 1)], unit="<u>")
    parse(svg)  # well-formed
    assert "a&lt;b" in svg and "c&amp;d" in svg and "&lt;u&gt;" in svg


def test_no_points_is_an_error():
    with pytest.raises(ValueError):
        line_chart(title="t", description="d", points=[], unit="u")
