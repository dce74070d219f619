"""Travel rules: the tablet count at every rounding boundary, trip length, checklist, errors."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.core.travel import TripPlan, plan_trip, tablets_for
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.knowledge.sources import load_sources
from imuran_cli.knowledge.travel import load_travel
from imuran_cli.render.json_out import to_jsonable

LIMITS = load_limits()
TRAVEL = load_travel()
MAX = load_dosing().typical.max_mg_per_kg
TODAY = dt.date(2026, 11, 25)

ALWAYS = [
    "prescription",
    "medication-list",
    "medical-alert",
    "notify-clinicians",
    "infections",
    "vaccinations",
    "sun-protection",
    "time-zones",
]
ABROAD = [
    "prescription",
    "medication-list",
    "medical-alert",
    "notify-clinicians",
    "infections",
    "vaccinations",
    "two-places",
    "refill-abroad",
    "sun-protection",
    "time-zones",
]


def profile(prescription: dict[str, Any], weight: dict[str, Any] | None = None) -> Profile:
    data: dict[str, Any] = {"schema_version": 2, "prescription": prescription}
    if weight is not None:
        data["weight"] = weight
    return parse_profile(data, LIMITS, TODAY)


def plan(**overrides: Any) -> TripPlan:
    arguments: dict[str, Any] = {
        "abroad": False,
        "days": None,
        "start": None,
        "end": None,
        "spare_days": None,
        "daily_mg": None,
        "profile": None,
        "limits": LIMITS,
        "travel": TRAVEL,
        "max_mg_per_kg": MAX,
        "today": TODAY,
    }
    arguments.update(overrides)
    return plan_trip(**arguments)


def ids(result: TripPlan) -> list[str]:
    return [item.id for item in result.checklist]


# ------------------------------------------------------------------ supply arithmetic


@pytest.mark.parametrize(
    ("daily_mg", "tablet_mg", "split", "days", "spare", "daily", "per_place"),
    [
        # The issue's example: 150 mg of 50 mg tablets, 14 days + 3 spare.
        (150, 50, True, 14, 3, 3.0, 51),
        # Half tablets a day: an odd number of days leaves half a tablet, rounded up.
        (75, 50, True, 1, 0, 1.5, 2),
        (75, 50, True, 2, 0, 1.5, 3),
        (75, 50, True, 3, 0, 1.5, 5),
        (75, 50, True, 4, 0, 1.5, 6),
        (125, 50, True, 1, 0, 2.5, 3),
        (125, 50, True, 2, 0, 2.5, 5),
        (125, 50, True, 14, 3, 2.5, 43),  # 42.5 -> 43
        (25, 50, True, 1, 0, 0.5, 1),  # half a tablet a day: one whole tablet
        (25, 50, True, 3, 0, 0.5, 2),
        (25, 50, True, 4, 0, 0.5, 2),
        (175, 50, True, 3, 0, 3.5, 11),  # 10.5 -> 11
        # Unsplittable tablets: whole tablets only, no rounding needed.
        (150, 50, False, 14, 3, 3.0, 51),
        (75, 25, False, 1, 0, 3.0, 3),
        (100, 100, False, 10, 0, 1.0, 10),
        # Spare days only.
        (150, 50, True, 1, 0, 3.0, 3),
        (150, 50, True, 1, 365, 3.0, 1098),
        # The largest trip and dose.
        (500, 100, False, 365, 365, 5.0, 3650),
        (500, 50, True, 365, 3, 10.0, 3680),
    ],
)
@pytest.mark.parametrize("abroad", [False, True], ids=["home", "abroad"])
def test_supply_at_rounding_boundaries(
    daily_mg, tablet_mg, split, days, spare, daily, per_place, abroad
):
    person = profile({"tablet_mg": tablet_mg, "tablets_split": split})
    result = plan(abroad=abroad, days=days, spare_days=spare, daily_mg=daily_mg, profile=person)
    assert result.supply is not None
    places = 2 if abroad else 1
    assert result.supply.daily_tablets == daily
    assert result.supply.tablets_per_place == per_place
    assert result.supply.places == places
    assert result.supply.total_tablets == per_place * places
    assert result.supply.days_covered == days + spare
    assert result.supply.dose_from == "option"


def test_issue_example_abroad_is_51_in_each_of_two_places_102_in_all():
    result = plan(abroad=True, days=14, daily_mg=150)
    assert result.spare_days == 3
    assert result.supply is not None
    assert result.supply._asdict() == {
        "daily_tablets": 3.0,
        "tablets_per_place": 51,
        "places": 2,
        "total_tablets": 102,
        "daily_mg": 150,
        "tablet_mg": 50,
        "tablets_split": True,
        "days_covered": 17,
        "dose_from": "option",
    }


def test_without_a_profile_tablets_are_50_mg_and_may_be_split():
    result = plan(days=3, spare_days=0, daily_mg=75)
    assert result.supply is not None
    assert (result.supply.tablet_mg, result.supply.tablets_split) == (50, True)
    assert result.supply.tablets_per_place == 5


@pytest.mark.parametrize("schedule", ["once", "split"])
@pytest.mark.parametrize(
    ("daily_mg", "days", "per_place"),
    [(75, 3, 5), (150, 14, 42), (125, 1, 3), (50, 1, 1), (25, 3, 2)],
)
def test_a_split_schedule_needs_the_same_tablets(schedule, daily_mg, days, per_place):
    """Halves left from a broken tablet serve the next dose: the count ignores the schedule."""
    person = profile({"daily_mg": daily_mg, "schedule": schedule})
    result = plan(days=days, spare_days=0, profile=person)
    assert result.supply is not None
    assert result.supply.tablets_per_place == per_place
    assert result.supply.dose_from == "profile"


def test_dose_from_the_profile_mg_per_kg_target_and_weight():
    # 70 kg x 2 mg/kg = 140 mg, to the nearest 25 mg step: 150 mg = 3 tablets.
    person = profile({"mg_per_kg": 2}, {"value": 70, "unit": "kg"})
    result = plan(abroad=True, days=14, profile=person)
    assert result.supply is not None
    assert result.supply.daily_mg == 150
    assert result.supply.total_tablets == 102


def test_dose_from_a_weight_in_pounds():
    # 154 lb = 69.85 kg; x 2.5 mg/kg = 174.6 mg -> 175 mg = 3½ tablets.
    person = profile({"mg_per_kg": 2.5}, {"value": 154, "unit": "lb"})
    result = plan(days=2, spare_days=0, profile=person)
    assert result.supply is not None
    assert result.supply.daily_tablets == 3.5
    assert result.supply.tablets_per_place == 7


def test_the_option_overrides_the_profile_dose():
    person = profile({"daily_mg": 150})
    result = plan(days=2, spare_days=0, daily_mg=100, profile=person)
    assert result.supply is not None
    assert (result.supply.daily_mg, result.supply.tablets_per_place) == (100, 4)
    assert result.supply.dose_from == "option"


def test_the_profile_tablets_decide_the_step():
    person = profile({"tablet_mg": 100, "tablets_split": False})
    with pytest.raises(InputError) as caught:
        plan(days=2, daily_mg=150, profile=person)
    assert caught.value.code == "daily_mg_not_whole_steps"
    assert caught.value.message == (
        "--daily-mg 150 cannot be made from whole 100 mg tablets: use a multiple of 100 mg"
    )


def test_a_profile_dose_above_the_maximum_is_refused():
    # 300 kg x 3 mg/kg = 900 mg: valid profile fields, but above the 500 mg a day limit.
    person = profile({"mg_per_kg": 3}, {"value": 300, "unit": "kg"})
    with pytest.raises(InputError) as caught:
        plan(days=2, profile=person)
    assert caught.value.code == "daily_mg_out_of_range"
    assert "900 mg" in caught.value.message


@given(
    steps=st.integers(min_value=1, max_value=40),
    tablet_mg=st.sampled_from(LIMITS.tablets.strengths_mg),
    split=st.booleans(),
    days=st.integers(min_value=1, max_value=365),
    spare=st.integers(min_value=0, max_value=30),
    abroad=st.booleans(),
)
def test_the_supply_always_covers_the_trip_with_no_extra_tablet(
    steps, tablet_mg, split, days, spare, abroad
):
    split = split and LIMITS.tablets.may_halve(tablet_mg)  # halves only of scored tablets
    pieces = 2 if split else 1
    daily_mg = steps * tablet_mg / pieces
    if not LIMITS.daily_mg.contains(daily_mg):
        return
    person = profile({"tablet_mg": tablet_mg, "tablets_split": split})
    result = plan(abroad=abroad, days=days, spare_days=spare, daily_mg=daily_mg, profile=person)
    supply = result.supply
    assert supply is not None
    # Exact integer arithmetic: the count in pieces, rounded up to whole tablets.
    needed_pieces = (days + spare) * steps
    assert supply.tablets_per_place == -(-needed_pieces // pieces)
    # Enough mg for every day of the trip and the spare days, and not one tablet more.
    assert supply.tablets_per_place * tablet_mg >= (days + spare) * daily_mg
    assert (supply.tablets_per_place - 1) * tablet_mg < (days + spare) * daily_mg
    assert supply.total_tablets == supply.tablets_per_place * supply.places
    assert supply.places == (2 if abroad else 1)


@pytest.mark.parametrize(
    ("days", "pieces_a_day", "pieces_per_tablet", "tablets"),
    [(3, 3, 2, 5), (2, 3, 2, 3), (1, 1, 2, 1), (7, 3, 1, 21), (730, 20, 2, 7300)],
)
def test_tablets_for_rounds_up_in_whole_tablets(days, pieces_a_day, pieces_per_tablet, tablets):
    assert tablets_for(days, pieces_a_day, pieces_per_tablet) == tablets


def test_float_noise_would_add_a_tablet():
    """Why the count is made in integer pieces: 3 x 0.1 x 10 is a hair above 3 in floats."""
    assert math.ceil(3 * 0.1 * 10) == 4
    assert tablets_for(3, 1, 1) == 3


# ------------------------------------------------------------------ without a count


def test_without_dose_or_length_the_checklist_comes_with_a_hint():
    result = plan()
    assert result.supply is None
    assert result.missing == ["daily_mg", "days"]
    assert result.count_hint == (
        "To count your tablets, add your daily dose (--daily-mg, or imuran profile set "
        "daily-mg) and the trip length (--days N, or --from DATE --to DATE)."
    )
    assert ids(result) == ALWAYS


def test_without_length_only():
    result = plan(daily_mg=150)
    assert result.supply is None
    assert result.missing == ["days"]
    assert result.count_hint is not None
    assert "--days" in result.count_hint and "--daily-mg" not in result.count_hint


def test_without_dose_only():
    result = plan(days=14)
    assert result.supply is None
    assert result.missing == ["daily_mg"]
    assert result.count_hint is not None
    assert "imuran profile set daily-mg" in result.count_hint
    assert "--days" not in result.count_hint


def test_a_profile_target_without_weight_asks_for_the_weight():
    result = plan(days=14, profile=profile({"mg_per_kg": 2}))
    assert result.supply is None
    assert result.count_hint is not None
    assert "imuran profile set weight" in result.count_hint


def test_a_profile_without_any_dose():
    result = plan(days=14, profile=profile({}))
    assert result.supply is None and result.missing == ["daily_mg"]


# ------------------------------------------------------------------ trip length


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        ("2026-12-01", "2026-12-14", 14),
        ("2026-12-01", "2026-12-01", 1),
        ("2026-12-20", "2027-01-03", 15),
        ("2028-02-28", "2028-03-01", 3),  # leap year
        ("2027-01-01", "2027-12-31", 365),
        (dt.date(2026, 12, 1), dt.date(2026, 12, 14), 14),
        ("2020-01-01", "2020-01-10", 10),  # in the past: allowed
    ],
)
def test_dates_count_inclusively(start, end, days):
    result = plan(start=start, end=end, daily_mg=150)
    assert result.days == days
    assert result.start_date == dt.date.fromisoformat(str(start))
    assert result.end_date == dt.date.fromisoformat(str(end))


def test_days_alone_have_no_dates():
    result = plan(days=14)
    assert (result.start_date, result.end_date) == (None, None)


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"days": 0}, "days_out_of_range"),
        ({"days": -1}, "days_out_of_range"),
        ({"days": 366}, "days_out_of_range"),
        ({"start": "2026-12-10", "end": "2026-12-09"}, "dates_reversed"),
        ({"days": 3, "start": "2026-12-01", "end": "2026-12-03"}, "conflicting_options"),
        ({"days": 3, "start": "2026-12-01"}, "conflicting_options"),
        ({"days": 3, "end": "2026-12-01"}, "conflicting_options"),
        ({"start": "2026-12-01"}, "missing_option"),
        ({"end": "2026-12-01"}, "missing_option"),
        ({"start": "2028-01-01", "end": "2028-12-31"}, "days_out_of_range"),  # 366 days
        ({"start": "2026-12-32", "end": "2027-01-01"}, "invalid_date"),
        ({"start": "2026-12-01", "end": "soon"}, "invalid_date"),
        ({"days": 3, "spare_days": -1}, "spare_days_out_of_range"),
        ({"days": 3, "spare_days": 366}, "spare_days_out_of_range"),
        ({"days": 3, "daily_mg": 525}, "daily_mg_out_of_range"),
        ({"days": 3, "daily_mg": 0}, "daily_mg_out_of_range"),
        ({"days": 3, "daily_mg": -50}, "daily_mg_out_of_range"),
        ({"days": 3, "daily_mg": math.nan}, "daily_mg_out_of_range"),
        ({"days": 3, "daily_mg": math.inf}, "daily_mg_out_of_range"),
        ({"days": 3, "daily_mg": 60}, "daily_mg_not_whole_steps"),
        ({"days": 3, "daily_mg": 137.5}, "daily_mg_not_whole_steps"),  # 50 mg: 25 mg steps
        ({"daily_mg": 60}, "daily_mg_not_whole_steps"),  # checked even without a length
    ],
)
def test_bad_input_is_an_input_error(overrides, code):
    with pytest.raises(InputError) as caught:
        plan(**overrides)
    assert caught.value.code == code
    assert caught.value.exit_code == 2
    assert caught.value.hint


def test_unsplittable_tablets_refuse_half_tablet_doses():
    person = profile({"tablets_split": False})
    with pytest.raises(InputError) as caught:
        plan(days=3, daily_mg=75, profile=person)
    assert caught.value.message == (
        "--daily-mg 75 cannot be made from whole 50 mg tablets: use a multiple of 50 mg"
    )


def test_boundaries_are_accepted():
    assert plan(days=1, spare_days=0, daily_mg=25).days == 1
    assert plan(days=365, spare_days=365, daily_mg=500).days == 365


# ------------------------------------------------------------------ checklist


def test_a_home_trip_lists_the_items_for_every_trip():
    assert ids(plan(days=14)) == ALWAYS


def test_abroad_adds_two_places_and_refills():
    assert ids(plan(abroad=True, days=14)) == ABROAD


@pytest.mark.parametrize(("days", "expected"), [(27, False), (28, True), (365, True)])
def test_blood_test_from_28_days(days, expected):
    result = plan(days=days)
    assert ("blood-test" in ids(result)) is expected
    assert (result.blood_test_reasons == ["long_trip"]) is expected


@pytest.mark.parametrize(
    ("started_on", "start", "expected"),
    [
        (TODAY - dt.timedelta(weeks=12), None, False),  # exactly 12 weeks: not "less than"
        (TODAY - dt.timedelta(weeks=12) + dt.timedelta(days=1), None, True),
        (TODAY, None, True),
        (dt.date(2026, 1, 1), None, False),
        # The trip's start counts, not today: 2026-09-10 is 12 weeks before 2026-12-03.
        (dt.date(2026, 9, 10), "2026-12-03", False),
        (dt.date(2026, 9, 11), "2026-12-03", True),
    ],
)
def test_blood_test_early_in_treatment(started_on, start, expected):
    person = profile({"started_on": started_on.isoformat()})
    if start is None:
        result = plan(days=5, profile=person)
    else:
        end = dt.date.fromisoformat(start) + dt.timedelta(days=4)
        result = plan(start=start, end=end, profile=person)
    assert ("blood-test" in ids(result)) is expected
    assert (result.blood_test_reasons == ["early_treatment"]) is expected


def test_blood_test_text_gives_both_reasons_and_sources():
    person = profile({"started_on": TODAY.isoformat()})
    result = plan(days=30, profile=person)
    item = result.checklist[-1]
    assert item.id == "blood-test"
    assert result.blood_test_reasons == ["long_trip", "early_treatment"]
    assert "28 days or more" in item.text and "every 4 to 6 weeks" in item.text
    assert "less than 12 weeks" in item.text
    assert item.source == "LEAFLET"
    assert item.sources == ["LEAFLET", "MPR"]
    assert "MPR" in result.sources


def test_a_blood_test_is_not_listed_without_a_reason():
    assert "blood-test" not in ids(plan())


def test_every_item_cites_known_sources_and_has_no_open_placeholder():
    known = load_sources().ids()
    person = profile({"started_on": TODAY.isoformat()})
    result = plan(abroad=True, days=60, daily_mg=150, profile=person)
    assert set(ids(result)) == set(ABROAD) | {"blood-test"}
    for item in result.checklist:
        assert item.source == item.sources[0]
        assert set(item.sources) <= known
        assert "{" not in item.text and "}" not in item.text
        assert set(item.sources) <= set(result.sources)
    assert set(result.sources) <= known
    assert len(result.sources) == len(set(result.sources))


def test_the_numbers_in_the_texts_come_from_the_data():
    texts = {item.id: item.text for item in plan(abroad=True, days=30).checklist}
    assert "at least 6 weeks" in texts["vaccinations"]
    assert "SPF 30" in texts["sun-protection"]
    assert "1 to 2 hours" in texts["time-zones"]
    assert "double" in texts["time-zones"]
    assert "yellow fever" in texts["vaccinations"]


def test_the_supply_adds_its_sources():
    assert "PROJECT" not in plan(days=3).sources
    assert {"HFM", "PROJECT"} <= set(plan(days=3, daily_mg=150).sources)


# ------------------------------------------------------------------ JSON contract


def test_json_contract_fields_and_mg_as_integers():
    data = to_jsonable(plan(abroad=True, days=14, daily_mg=150))
    assert list(data)[:6] == ["abroad", "days", "spare_days", "supply", "checklist", "sources"]
    assert data["abroad"] is True and data["days"] == 14 and data["spare_days"] == 3
    supply = data["supply"]
    assert {k: supply[k] for k in ("daily_tablets", "tablets_per_place", "places")} == {
        "daily_tablets": 3.0,
        "tablets_per_place": 51,
        "places": 2,
    }
    assert supply["total_tablets"] == 102
    assert isinstance(supply["daily_mg"], int) and supply["daily_mg"] == 150
    assert isinstance(supply["daily_tablets"], float)
    for item in data["checklist"]:
        assert {"id", "text", "source"} <= set(item)


def test_half_an_unscored_tablet_is_refused():
    person = profile({"tablet_mg": 25})
    with pytest.raises(InputError) as caught:
        plan(days=2, daily_mg=137.5, profile=person)
    assert caught.value.code == "daily_mg_not_whole_steps"
    assert "whole 25 mg tablets" in caught.value.message


@given(days=st.integers(min_value=1, max_value=365), abroad=st.booleans())
def test_blood_test_iff_long_trip_without_profile(days, abroad):
    result = plan(abroad=abroad, days=days)
    assert ("blood-test" in ids(result)) is (days >= 28)
    assert {"sun-protection", "time-zones"} <= set(ids(result))
    assert ("two-places" in ids(result)) is abroad
