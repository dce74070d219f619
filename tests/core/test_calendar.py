"""The calendar's events from the profile: doses, days, UIDs, the blood-test event, errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.calendar import BloodTestDue, CalendarPlan, plan_calendar, stable_uid
from imuran_cli.core.dates import add_months
from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.exports import load_exports
from imuran_cli.knowledge.limits import load_limits

LIMITS = load_limits()
MAX = load_dosing().typical.max_mg_per_kg
NUMBERS = load_exports().calendar
TODAY = dt.date(2026, 11, 25)
KEY = "/home/alex/.config/imuran/profile.toml"


def profile(prescription: dict[str, Any], **extra: Any) -> Profile:
    return parse_profile({"prescription": prescription, **extra}, LIMITS, TODAY)


def plan(
    prof: Profile | None,
    *,
    months: int | None = None,
    today: dt.date = TODAY,
    key: str = KEY,
    blood_test: BloodTestDue | None = None,
) -> CalendarPlan:
    return plan_calendar(
        profile=prof,
        limits=LIMITS,
        max_mg_per_kg=MAX,
        numbers=NUMBERS,
        months=months,
        today=today,
        profile_key=key,
        blood_test=blood_test,
    )


@pytest.mark.parametrize(
    ("prescription", "extra", "expected"),
    [
        ({"daily_mg": 150}, {}, [("morning", "08:00", 150, 3.0)]),
        (
            {"daily_mg": 150, "schedule": "split"},
            {},
            [("morning", "08:00", 75, 1.5), ("later", "20:00", 75, 1.5)],
        ),
        (
            {"daily_mg": 125, "schedule": "split"},
            {"dose_times": {"morning": "07:15", "later": "19:45"}},
            [("morning", "07:15", 75, 1.5), ("later", "19:45", 50, 1.0)],
        ),
        (
            # mg/kg target with a weight: 70 kg x 2 = 140, rounded to 150 in half tablets
            {"mg_per_kg": 2},
            {"weight": {"value": 70}},
            [("morning", "08:00", 150, 3.0)],
        ),
        (
            {"daily_mg": 100, "tablet_mg": 25, "tablets_split": False},
            {},
            [("morning", "08:00", 100, 4.0)],
        ),
    ],
)
def test_one_event_per_dose_of_the_schedule(prescription, extra, expected):
    result = plan(profile(prescription, **extra))
    assert [(d.dose, d.time.strftime("%H:%M"), d.mg, d.tablets) for d in result.doses] == expected
    assert all(d.first_day == TODAY for d in result.doses)


@pytest.mark.parametrize(
    ("today", "months", "days", "last_day"),
    [
        (dt.date(2026, 11, 25), None, 92, dt.date(2027, 2, 24)),  # default 3 months
        (dt.date(2026, 11, 30), 3, 90, dt.date(2027, 2, 27)),  # clamped to Feb 28
        (dt.date(2027, 11, 30), 3, 91, dt.date(2028, 2, 28)),  # leap year: Feb 29
        (dt.date(2026, 1, 31), 1, 28, dt.date(2026, 2, 27)),
        (dt.date(2026, 11, 25), 24, 731, dt.date(2028, 11, 24)),  # Feb 29 2028
        (dt.date(2026, 12, 31), 1, 31, dt.date(2027, 1, 30)),
    ],
)
def test_days_run_for_whole_calendar_months(today, months, days, last_day):
    prof = parse_profile({"prescription": {"daily_mg": 100}}, LIMITS, today)
    result = plan(prof, months=months, today=today)
    assert result.doses[0].days == days
    assert result.last_day == last_day
    assert result.first_day == today


@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.integers(min_value=NUMBERS.min_months, max_value=NUMBERS.max_months),
)
def test_occurrences_cover_exactly_today_to_the_day_before_n_months_later(today, months):
    prof = parse_profile({"prescription": {"daily_mg": 100}}, LIMITS, today)
    result = plan(prof, months=months, today=today)
    end = add_months(today, months)
    assert result.doses[0].days == (end - today).days
    assert result.last_day == end - dt.timedelta(days=1)
    assert (
        result.doses[0].first_day + dt.timedelta(days=result.doses[0].days - 1) == result.last_day
    )


@pytest.mark.parametrize("months", [0, -1, 25, 100])
def test_months_out_of_range(months):
    with pytest.raises(InputError) as info:
        plan(profile({"daily_mg": 100}), months=months)
    assert info.value.code == "months_out_of_range"
    assert "1 to 24" in info.value.message


@pytest.mark.parametrize(
    ("prof", "code"),
    [
        (None, "no_profile"),
        (profile({"mg_per_kg": 2}), "no_prescribed_dose"),  # a target but no weight
        (profile({}), "no_prescribed_dose"),
        (
            profile({"daily_mg": 100, "started_on": "2026-01-01", "stopped_on": "2026-10-01"}),
            "not_on_treatment",
        ),
    ],
)
def test_what_cannot_be_reminded(prof, code):
    with pytest.raises(InputError) as info:
        plan(prof)
    assert info.value.code == code
    assert info.value.hint


def test_uids_are_stable_and_differ_by_dose_and_profile():
    prof = profile({"daily_mg": 150, "schedule": "split"})
    first = plan(prof)
    again = plan(prof, today=TODAY + dt.timedelta(days=40), months=6)
    other = plan(prof, key="/home/sam/.config/imuran/profile.toml")
    assert [d.uid for d in first.doses] == [d.uid for d in again.doses]
    assert len({d.uid for d in first.doses}) == 2
    assert not {d.uid for d in first.doses} & {d.uid for d in other.doses}
    # the dose time of day is not part of the UID: moving it updates the same event
    moved = plan(profile({"daily_mg": 150, "schedule": "split"}, dose_times={"morning": "09:00"}))
    assert [d.uid for d in moved.doses] == [d.uid for d in first.doses]


def test_uid_form():
    uid = stable_uid(KEY, "dose", "morning")
    local, domain = uid.split("@")
    assert len(local) == 32 and int(local, 16) >= 0
    assert domain == "imuran.invalid"


def test_blood_test_event_spans_the_days_it_is_due():
    due = BloodTestDue(due_from=dt.date(2026, 12, 20), due_by=dt.date(2027, 1, 3), overdue=False)
    event = plan(profile({"daily_mg": 100}), blood_test=due).blood_test
    assert event is not None
    assert (event.first_day, event.last_day) == (due.due_from, due.due_by)
    assert event.alarm_days_before == NUMBERS.blood_test_alarm_days
    assert event.uid == stable_uid(KEY, "blood-test", "2026-12-20")


def test_an_overdue_blood_test_is_today_with_the_same_uid():
    due = BloodTestDue(due_from=dt.date(2026, 10, 1), due_by=dt.date(2026, 10, 15), overdue=True)
    event = plan(profile({"daily_mg": 100}), blood_test=due).blood_test
    assert event is not None
    assert (event.first_day, event.last_day) == (TODAY, TODAY)
    assert event.overdue
    assert event.uid == stable_uid(KEY, "blood-test", "2026-10-01")


def test_no_blood_test_event_without_a_due_test():
    assert plan(profile({"daily_mg": 100})).blood_test is None
