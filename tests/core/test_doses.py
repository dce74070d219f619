"""The doses of a day: the regimen from the profile, statuses, and doses with no record."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from imuran_cli.core.days import DayRef
from imuran_cli.core.doses import (
    DoseRecord,
    DoseSlot,
    Regimen,
    check_dose_day,
    day_slots,
    parse_dose_option,
    regimen_of,
    todays_doses,
    unrecorded_doses,
)
from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.limits import load_limits

LIMITS = load_limits()
MAX = load_dosing().typical.max_mg_per_kg
TODAY = dt.date(2026, 11, 25)
UTC = dt.UTC
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def profile(prescription: dict[str, Any] | None = None, **extra: Any) -> Profile:
    data: dict[str, Any] = {"schema_version": 2, "prescription": prescription or {}, **extra}
    return parse_profile(data, LIMITS, TODAY)


def regimen(prescription: dict[str, Any] | None = None, **extra: Any) -> Regimen:
    return regimen_of(profile(prescription, **extra), LIMITS, MAX)


def record(day: dt.date, dose: str = "morning", status: str = "taken", mg: float = 150) -> Any:
    return DoseRecord(1, day, dose, status, mg, mg / 50, None, NOW)  # type: ignore[arg-type]


# ---------------------------------------------------------------- regimen


@pytest.mark.parametrize(
    ("prescription", "extra", "doses", "daily"),
    [
        ({"daily_mg": 150}, {}, (("morning", 150),), 150),
        ({"daily_mg": 150, "schedule": "split"}, {}, (("morning", 75), ("later", 75)), 150),
        ({"daily_mg": 125, "schedule": "split"}, {}, (("morning", 75), ("later", 50)), 125),
        # One step a day stays in the morning, as in `dose` and `missed`.
        ({"daily_mg": 25, "schedule": "split"}, {}, (("morning", 25),), 25),
        ({"mg_per_kg": 2, "schedule": "split"}, {"weight": {"value": 70}}, None, 150),
        # A target without a weight: the doses of the schedule, amounts unknown.
        ({"mg_per_kg": 2, "schedule": "split"}, {}, (("morning", None), ("later", None)), None),
        ({}, {}, (("morning", None),), None),
    ],
)
def test_the_doses_of_a_day_follow_the_regimen_rule(prescription, extra, doses, daily):
    found = regimen(prescription, **extra)
    assert found.daily_mg == daily
    if doses is not None:
        assert found.doses == doses
    assert sum(mg or 0 for _, mg in found.doses) == (daily or 0)


def test_without_a_profile_one_morning_dose_of_unknown_amount():
    found = regimen_of(None, LIMITS, MAX)
    assert found.doses == (("morning", None),)
    assert (found.daily_mg, found.tablet_mg, found.step_mg) == (None, 50, 25)
    assert found.has_profile is False


def test_amounts_are_whole_numbers_in_json_form():
    found = regimen({"daily_mg": 150, "schedule": "split"})
    assert all(isinstance(mg, int) for _, mg in found.doses)


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        (dt.date(2026, 2, 28), False),
        (dt.date(2026, 3, 1), True),
        (dt.date(2026, 10, 1), True),
        (dt.date(2026, 10, 2), False),
    ],
)
def test_the_treatment_runs_from_start_to_stop_inclusive(day, inside):
    found = regimen({"daily_mg": 150, "started_on": "2026-03-01", "stopped_on": "2026-10-01"})
    assert found.in_treatment(day) is inside


# ---------------------------------------------------------------- day slots


def plain(slots: tuple[DoseSlot, ...]) -> tuple[tuple[object, ...], ...]:
    """Dose slots as (dose, status, mg) tuples, to compare at a glance."""
    return tuple(tuple(slot._asdict().values()) for slot in slots)


def test_statuses_of_a_split_day():
    split = regimen({"daily_mg": 150, "schedule": "split"})
    yesterday = TODAY - dt.timedelta(days=1)
    assert plain(day_slots(yesterday, [record(yesterday, mg=75)], split, TODAY)) == (
        ("morning", "taken", 75),
        ("later", "missing", 75),
    )
    assert plain(day_slots(TODAY, [record(TODAY, "later", "skipped", 75)], split, TODAY)) == (
        ("morning", "due", 75),
        ("later", "skipped", 75),
    )


def test_days_outside_the_treatment_hold_no_expected_dose():
    started = regimen({"daily_mg": 150, "started_on": "2026-11-20"})
    before = dt.date(2026, 11, 19)
    assert plain(day_slots(before, [], started, TODAY)) == ()
    # A record there (the start date changed later) is still shown.
    assert plain(day_slots(before, [record(before)], started, TODAY)) == (
        ("morning", "taken", 150),
    )


def test_records_of_other_days_are_ignored():
    once = regimen({"daily_mg": 150})
    other = record(TODAY - dt.timedelta(days=3))
    assert plain(todays_doses([other], once, TODAY)) == (("morning", "due", 150),)


# ---------------------------------------------------------------- no record


def at(hour: int, minute: int = 0, day: dt.date = TODAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # 07:59: today's 08:00 dose is not due yet; yesterday's two are.
        (at(7, 59), [("2026-11-24", "later", "skip"), ("2026-11-24", "morning", "skip")]),
        (at(8, 0), [("2026-11-25", "morning", "take-today"), ("2026-11-24", "later", "skip")]),
        (
            at(21, 0),
            [("2026-11-25", "later", "take-today"), ("2026-11-25", "morning", "take-today")],
        ),
    ],
)
def test_unrecorded_doses_are_those_whose_time_has_passed_newest_first(now, expected):
    split = regimen({"daily_mg": 150, "schedule": "split"})
    found = unrecorded_doses([], split, now, 7)
    assert [(u.date.isoformat(), u.dose, u.decision) for u in found][:2] == expected


def test_unrecorded_doses_look_back_the_given_days_only():
    once = regimen({"daily_mg": 150})
    found = unrecorded_doses([], once, at(10), 7)
    assert [u.date for u in found] == [TODAY - dt.timedelta(days=n) for n in range(7)]


def test_recorded_and_untreated_days_are_never_unrecorded():
    once = regimen({"daily_mg": 150, "started_on": "2026-11-22"})
    records = [record(TODAY), record(dt.date(2026, 11, 23), status="skipped")]
    found = unrecorded_doses(records, once, at(10), 7)
    assert [u.date for u in found] == [dt.date(2026, 11, 24), dt.date(2026, 11, 22)]


def test_dose_times_come_from_the_profile():
    late = regimen({"daily_mg": 150}, dose_times={"morning": "11:30"})
    assert unrecorded_doses([], late, at(11, 0), 1) == []
    assert len(unrecorded_doses([], late, at(11, 30), 1)) == 1


# ---------------------------------------------------------------- the day and the dose


def ref(day: dt.date) -> DayRef:
    return DayRef(day, (TODAY - day).days, None, "date")


def test_a_dose_day_is_within_the_treatment():
    bounded = regimen({"daily_mg": 150, "started_on": "2026-03-01", "stopped_on": "2026-10-01"})
    assert check_dose_day(ref(dt.date(2026, 3, 1)), bounded) == dt.date(2026, 3, 1)
    with pytest.raises(InputError) as before:
        check_dose_day(ref(dt.date(2026, 2, 28)), bounded)
    assert before.value.code == "before_start"
    assert "2026-03-01" in before.value.message
    with pytest.raises(InputError) as after:
        check_dose_day(ref(dt.date(2026, 10, 2)), bounded)
    assert after.value.code == "after_stop"


@pytest.mark.parametrize(
    ("text", "dose"), [(None, None), ("morning", "morning"), (" LATER ", "later")]
)
def test_dose_option(text, dose):
    assert parse_dose_option(text) == dose


def test_dose_option_refuses_other_words():
    with pytest.raises(InputError) as caught:
        parse_dose_option("evening")
    assert caught.value.code == "invalid_dose"
