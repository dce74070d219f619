"""MG-ADL: the grades, the change from the first score, the threshold, the emergency line."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.adl import (
    ADL_ITEMS,
    AdlItems,
    AdlScore,
    NewScore,
    adl_change,
    adl_emergency,
    adl_list,
    adl_recorded,
    build_items,
    check_grade,
    missing_items,
    needs_emergency,
    option_name,
)
from imuran_cli.core.errors import InputError
from imuran_cli.knowledge.adl import load_adl, load_emergency_line

SCALE = load_adl()
LINE = load_emergency_line(SCALE.emergency.effect)
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


def items(**grades: int) -> AdlItems:
    return AdlItems(**{key: grades.get(key, 0) for key in ADL_ITEMS})


def score(day: str, total_of: AdlItems, entry_id: int = 1) -> AdlScore:
    return AdlScore(entry_id, dt.date.fromisoformat(day), total_of, NOW)


def test_the_total_is_the_sum_of_the_eight_items():
    assert items().total == 0
    assert AdlItems(*([3] * 8)).total == 24
    assert items(talking=1, eyelids=2).total == 3


def test_options_are_named_like_the_command_line():
    assert option_name("double_vision") == "--double-vision"


def test_missing_items_are_named_in_the_order_of_the_scale():
    given_items: dict[str, int | None] = dict.fromkeys(ADL_ITEMS, 1)
    given_items.update(eyelids=None, talking=None)
    assert missing_items(given_items) == ["talking", "eyelids"]
    with pytest.raises(InputError) as caught:
        build_items(given_items, SCALE)
    assert caught.value.code == "missing_items"
    assert caught.value.message == "missing MG-ADL items: --talking, --eyelids"


@pytest.mark.parametrize("value", [-1, 4, 24])
def test_each_grade_is_0_to_3(value):
    with pytest.raises(InputError) as caught:
        check_grade("chair", value, SCALE)
    assert caught.value.code == "invalid_grade"
    assert caught.value.message.startswith("--chair ")


@pytest.mark.parametrize(
    ("first", "latest", "points", "meaningful"),
    [
        (10, 8, -2, True),  # the published threshold: a fall of 2 or more
        (10, 9, -1, False),
        (10, 4, -6, True),
        (5, 5, 0, False),
        (5, 9, 4, False),  # worse is never "meaningful improvement"
    ],
)
def test_change_from_the_first_to_the_latest_score(first, latest, points, meaningful):
    scores = [
        score("2026-11-20", AdlItems(*_spread(latest))),
        score("2026-01-10", AdlItems(*_spread(first))),
    ]
    change = adl_change(scores, SCALE)
    assert change is not None
    assert (change.from_date, change.to_date) == (dt.date(2026, 1, 10), dt.date(2026, 11, 20))
    assert (change.points, change.meaningful) == (points, meaningful)


def _spread(total: int) -> list[int]:
    grades = []
    for _ in ADL_ITEMS:
        grade = min(3, total)
        grades.append(grade)
        total -= grade
    return grades


def test_no_change_with_fewer_than_two_scores():
    assert adl_change([], SCALE) is None
    assert adl_change([score("2026-11-20", items())], SCALE) is None


@given(st.lists(st.integers(min_value=0, max_value=24), min_size=2, max_size=8))
def test_the_change_is_latest_minus_first_by_date(totals):
    scores = [
        score((dt.date(2026, 1, 1) + dt.timedelta(days=n)).isoformat(), AdlItems(*_spread(t)), n)
        for n, t in enumerate(totals)
    ]
    change = adl_change(list(reversed(scores)), SCALE)
    assert change is not None
    assert change.points == totals[-1] - totals[0]
    assert change.meaningful == (totals[0] - totals[-1] >= SCALE.meaningful.points)


@pytest.mark.parametrize(
    ("grades", "hit"),
    [
        ({"breathing": 3}, ("breathing",)),
        ({"swallowing": 3}, ("swallowing",)),
        ({"breathing": 3, "swallowing": 3}, ("breathing", "swallowing")),
        ({"breathing": 2, "swallowing": 2}, ()),
        ({"chewing": 3, "talking": 3}, ()),
    ],
)
def test_the_emergency_line_for_grade_3_breathing_or_swallowing(grades, hit):
    found = items(**grades)
    assert needs_emergency(found, SCALE) is bool(hit)
    emergency = adl_emergency(found, SCALE, LINE)
    if not hit:
        assert emergency is None
        return
    assert emergency is not None
    assert emergency.items == hit
    assert emergency.label == "EMERGENCY"
    assert "Call emergency services now" in emergency.text
    assert emergency.sources == ("MGFA-CRISIS", "SPS-MP", "NHS-SE", "CCUK", "PN-HS")


def test_the_answers_carry_their_sources():
    first = score("2026-01-10", items(talking=2, chewing=2), 1)
    new = NewScore(dt.date(2026, 11, 25), items(breathing=3), NOW)
    latest = score("2026-11-25", new.items, 2)
    recorded = adl_recorded(new, None, [first, latest], SCALE, LINE)
    assert recorded.recorded.total == 3
    assert recorded.change is not None and recorded.change.points == -1
    assert recorded.sources == (
        "MGADL",
        "MGADL-MCID",
        "MGFA-CRISIS",
        "SPS-MP",
        "NHS-SE",
        "CCUK",
        "PN-HS",
    )
    listed = adl_list([first, latest], SCALE, LINE)
    assert [s.date for s in listed.scores] == [latest.date, first.date]  # newest first
    assert listed.emergency is not None
    calm = adl_list([first], SCALE, None)
    assert calm.sources == ("MGADL", "MGADL-MCID")
    assert calm.change is None
