"""The travel views: lines fit the width, numbers stay with their words, markdown needs no rich."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from imuran_cli.core.profile import parse_profile
from imuran_cli.core.travel import TripPlan, plan_trip
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.knowledge.travel import load_travel
from imuran_cli.render.human.travel import (
    render_travel_markdown,
    supply_headline,
    text_lines,
)

LIMITS = load_limits()
TODAY = dt.date(2026, 11, 25)


def plan(**overrides: object) -> TripPlan:
    arguments: dict[str, object] = {
        "abroad": True,
        "days": None,
        "start": "2026-12-01",
        "end": "2027-01-15",
        "spare_days": None,
        "daily_mg": 125,
        "profile": parse_profile({"prescription": {"started_on": "2026-11-01"}}, LIMITS, TODAY),
        "limits": LIMITS,
        "travel": load_travel(),
        "max_mg_per_kg": load_dosing().typical.max_mg_per_kg,
        "today": TODAY,
    }
    arguments.update(overrides)
    return plan_trip(**arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize("width", [40, 50, 60])
def test_every_line_fits_and_no_number_ends_a_line(width):
    result = plan()
    for lines in (text_lines(result, width), render_travel_markdown(result, width).splitlines()):
        assert all(len(line) <= width for line in lines), lines
        assert not [line for line in lines if re.search(r"\d½?$", line)], lines
        assert all("\u00a0" not in line for line in lines)


def test_headline_words():
    supply = plan().supply
    assert supply is not None
    assert supply_headline(supply) == "Take 246 tablets with you: 123 in each of two places."
    home = plan(abroad=False, start=None, end=None, days=1, spare_days=0, daily_mg=25).supply
    assert home is not None
    assert supply_headline(home) == "Take 1 tablet with you."


def test_markdown_items_and_heading():
    markdown = render_travel_markdown(plan(), 60)
    assert markdown.startswith("# ")
    items = [line for line in markdown.splitlines() if line.startswith("- ")]
    assert items and all(re.match(r"^- \[ \] \S", line) for line in items)
    assert items[-1].startswith("- [ ] A blood test")
