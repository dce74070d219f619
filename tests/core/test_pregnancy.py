"""Pregnancy: the leaflet's 4 to 6 months after stopping as dates, phases at every edge,
sources differing, breastfeeding per source."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.pregnancy import STOP_DATE_HINT, plan_pregnancy
from imuran_cli.knowledge.pregnancy import load_pregnancy
from imuran_cli.knowledge.sources import load_sources

RULES = load_pregnancy()
D = dt.date.fromisoformat
ONE_DAY = dt.timedelta(days=1)
TODAY = D("2026-11-25")

# stopped-on -> (+4 months, +6 months), clamped to the end of a shorter month.
STOPS = [
    ("2026-03-15", "2026-07-15", "2026-09-15"),
    ("2026-08-31", "2026-12-31", "2027-02-28"),  # the example
    ("2027-08-31", "2027-12-31", "2028-02-29"),  # a leap February
    ("2026-10-31", "2027-02-28", "2027-04-30"),  # Feb and Apr are shorter
    ("2024-02-29", "2024-06-29", "2024-08-29"),  # a leap-day stop
    ("2026-12-31", "2027-04-30", "2027-06-30"),  # across the year end
]


@pytest.mark.parametrize(("stop", "earliest", "conservative"), STOPS)
def test_the_two_dates(stop, earliest, conservative):
    result = plan_pregnancy(D(stop), True, D(stop), RULES)
    assert result.avoid_until_earliest == D(earliest)
    assert result.avoid_until_conservative == D(conservative)
    assert result.stopped_on == D(stop)
    assert result.on_treatment is False
    assert (result.earliest_months, result.conservative_months) == (4, 6)
    assert result.hint is None
    timing = result.advice[0]
    assert conservative in timing.text and earliest in timing.text and stop in timing.text
    assert "conservative" in timing.text
    assert timing.source == "LEAFLET"


def _phase_cases() -> list[tuple[str, str, str]]:
    cases = []
    for stop, earliest, conservative in STOPS:
        first, last = D(earliest), D(conservative)
        cases += [
            (stop, stop, "avoid"),
            (stop, (first - ONE_DAY).isoformat(), "avoid"),
            (stop, first.isoformat(), "avoid"),  # the end date belongs to the period
            (stop, (first + ONE_DAY).isoformat(), "conservative"),
            (stop, (last - ONE_DAY).isoformat(), "conservative"),
            (stop, last.isoformat(), "conservative"),
            (stop, (last + ONE_DAY).isoformat(), "ended"),
        ]
    return cases


@pytest.mark.parametrize(("stop", "today", "phase"), _phase_cases())
def test_phase_at_every_edge(stop, today, phase):
    result = plan_pregnancy(D(today), True, D(stop), RULES)
    assert result.phase == phase
    timing = RULES.timing.ended if phase == "ended" else RULES.timing.stopped
    assert result.headline_source == timing.source == "LEAFLET"
    assert result.avoid_until_conservative is not None
    assert result.avoid_until_conservative.isoformat() in result.headline


def test_on_treatment_says_avoid_while_taking_and_how_to_get_dates():
    result = plan_pregnancy(TODAY, True, None, RULES)
    assert result.on_treatment is True
    assert result.phase == "taking"
    assert result.avoid_until_earliest is None and result.avoid_until_conservative is None
    assert result.advice[0].text == (
        "Avoid pregnancy while you take Imuran and for 4 to 6 months after you stop."
    )
    assert result.hint == STOP_DATE_HINT
    assert "imuran profile set stopped-on" in result.hint


def test_without_a_profile_treatment_is_unknown():
    result = plan_pregnancy(TODAY, False, None, RULES)
    assert result.on_treatment is None
    assert result.phase == "taking"


def test_every_statement_has_a_known_source_and_the_leaflet_comes_first():
    known = load_sources().ids()
    result = plan_pregnancy(TODAY, True, D("2026-08-31"), RULES)
    assert result.advice[0].source == "LEAFLET"
    for item in result.advice:
        assert item.source in known
    assert set(result.sources_differ.sources) <= known
    assert result.sources == tuple(dict.fromkeys(result.sources))
    assert {item.source for item in result.advice} <= set(result.sources)


def test_sources_differ_names_the_nhs_and_the_neurologist():
    differ = plan_pregnancy(TODAY, True, None, RULES).sources_differ
    assert differ.text.startswith("Sources differ")
    assert "NHS" in differ.text and "neurologist" in differ.text
    assert set(differ.sources) >= {"NHS-PREG", "BUMPS", "LEAFLET"}


def test_breastfeeding_gives_each_side_with_its_id():
    advice = plan_pregnancy(TODAY, True, None, RULES).advice
    feeding = [item for item in advice if item.topic == "breastfeeding"]
    assert {item.source for item in feeding} >= {"NHS-PREG", "MIMS-PREG", "FDA-SrLC"}
    pregnancy = [item for item in advice if item.topic == "pregnancy"]
    texts = " ".join(item.text for item in pregnancy)
    assert "birth defects" in texts
    assert "before Imuran is started" in texts


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2150, 1, 1)),
    st.integers(min_value=0, max_value=1000),
)
def test_the_conservative_date_is_never_earlier(stop, offset):
    result = plan_pregnancy(stop + dt.timedelta(days=offset), True, stop, RULES)
    assert result.avoid_until_earliest is not None
    assert result.avoid_until_conservative is not None
    assert stop < result.avoid_until_earliest < result.avoid_until_conservative
    if result.phase in ("avoid", "conservative"):
        assert result.today <= result.avoid_until_conservative
    else:
        assert result.today > result.avoid_until_conservative
