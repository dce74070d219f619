"""The iCalendar file, read back by independent readers: icalendar's parser (a fresh parse of
the bytes) and recurring-ical-events (the RRULE expansion a calendar app does)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest
import recurring_ical_events

from imuran_cli.core.calendar import BloodTestDue, plan_calendar
from imuran_cli.core.profile import parse_profile
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.exports import load_exports
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.render.calendar import render_calendar, sequence_number

LIMITS = load_limits()
TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def ics(
    prescription: dict[str, Any],
    *,
    months: int | None = None,
    blood_test: BloodTestDue | None = None,
) -> bytes:
    prof = parse_profile({"prescription": prescription}, LIMITS, TODAY)
    plan = plan_calendar(
        profile=prof,
        limits=LIMITS,
        max_mg_per_kg=load_dosing().typical.max_mg_per_kg,
        numbers=load_exports().calendar,
        months=months,
        today=TODAY,
        profile_key="/p/profile.toml",
        blood_test=blood_test,
    )
    return render_calendar(plan, NOW)


def parse(data: bytes) -> Any:
    """A fresh parse of the bytes (typed Any: the properties' values are read dynamically)."""
    return icalendar.Calendar.from_ical(data)


def events(data: bytes) -> list[Any]:
    return list(parse(data).walk("VEVENT"))


def test_split_schedule_expands_to_exactly_every_dose_for_three_months():
    data = ics({"daily_mg": 150, "schedule": "split"})
    calendar = parse(data)
    # A wide window: every occurrence there is, and none outside 3 months.
    found = recurring_ical_events.of(calendar).between(
        dt.datetime(2026, 1, 1), dt.datetime(2028, 1, 1)
    )
    starts = sorted(event["DTSTART"].dt for event in found)
    expected = sorted(
        dt.datetime.combine(TODAY + dt.timedelta(days=day), dt.time(hour))
        for day in range(92)  # 2026-11-25 .. 2027-02-24
        for hour in (8, 20)
    )
    assert starts == expected
    assert all(start.tzinfo is None for start in starts)  # floating local times
    assert starts[0] == dt.datetime(2026, 11, 25, 8, 0)
    assert starts[-1] == dt.datetime(2027, 2, 24, 20, 0)


def test_months_option_changes_the_expansion():
    calendar = parse(ics({"daily_mg": 100}, months=1))
    found = recurring_ical_events.of(calendar).between(dt.date(2026, 1, 1), dt.date(2028, 1, 1))
    assert len(found) == 30  # 2026-11-25 .. 2026-12-24
    assert max(event["DTSTART"].dt for event in found) == dt.datetime(2026, 12, 24, 8, 0)


def test_dose_events_have_a_title_with_mg_and_tablets_and_an_alarm_at_the_dose_time():
    (event,) = events(ics({"daily_mg": 125}))
    assert str(event["SUMMARY"]) == "Azathioprine 125 mg (2½ tablets)"
    assert "never take a double dose" in str(event["DESCRIPTION"])
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm["TRIGGER"].dt == dt.timedelta(0)
    assert str(alarm["DESCRIPTION"]) == "Azathioprine 125 mg (2½ tablets)"
    assert event["DTSTART"].params.get("TZID") is None
    assert event["DURATION"].dt == dt.timedelta(minutes=load_exports().calendar.dose_minutes)
    assert str(event["TRANSP"]) == "TRANSPARENT"


def test_uid_dtstamp_and_sequence_are_set():
    data = ics({"daily_mg": 150, "schedule": "split"})
    for event in events(data):
        assert str(event["UID"]).endswith("@imuran.invalid")
        assert event["DTSTAMP"].dt == dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
        assert int(event["SEQUENCE"]) == sequence_number(NOW)
    assert b"DTSTAMP:20261125T090000Z" in data


def test_a_later_file_has_a_higher_sequence():
    assert sequence_number(NOW + dt.timedelta(minutes=1)) == sequence_number(NOW) + 1
    assert sequence_number(NOW) < sequence_number(NOW + dt.timedelta(days=30))


def test_calendar_properties_and_line_endings():
    data = ics({"daily_mg": 100})
    calendar = parse(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//imuran//")
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded (RFC 5545 3.1)


@pytest.mark.parametrize(
    ("due", "first", "end", "summary"),
    [
        (
            BloodTestDue(dt.date(2026, 12, 20), dt.date(2027, 1, 3), overdue=False),
            dt.date(2026, 12, 20),
            dt.date(2027, 1, 4),
            "Blood test due (azathioprine)",
        ),
        (
            BloodTestDue(dt.date(2026, 12, 2), dt.date(2026, 12, 2), overdue=False),
            dt.date(2026, 12, 2),
            dt.date(2026, 12, 3),
            "Blood test due (azathioprine)",
        ),
        (
            BloodTestDue(dt.date(2026, 10, 1), dt.date(2026, 10, 15), overdue=True),
            TODAY,
            TODAY + dt.timedelta(days=1),
            "Blood test overdue (azathioprine)",
        ),
    ],
)
def test_the_blood_test_is_an_all_day_event_with_an_alarm_two_days_before(due, first, end, summary):
    data = ics({"daily_mg": 100}, blood_test=due)
    dose, test = events(data)
    assert str(test["SUMMARY"]) == summary
    assert test["DTSTART"].dt == first and not isinstance(test["DTSTART"].dt, dt.datetime)
    assert test["DTEND"].dt == end
    (alarm,) = test.walk("VALARM")
    assert alarm["TRIGGER"].dt == -dt.timedelta(days=2)
    assert "RRULE" not in test
    calendar = parse(data)
    found = recurring_ical_events.of(calendar).between(first, end)
    assert any(str(event["SUMMARY"]) == summary for event in found)


# ---------------------------------------------------------------- a second parser: vobject


def test_vobject_reads_the_same_events_and_expands_them_alike():
    """vobject (a parser independent of icalendar) reads every event, and its own RRULE
    expansion (dateutil) gives the same occurrences as recurring-ical-events."""
    import vobject

    due = BloodTestDue(dt.date(2026, 12, 20), dt.date(2027, 1, 3), overdue=False)
    data = ics({"daily_mg": 150, "schedule": "split"}, blood_test=due)
    calendar = vobject.readOne(data.decode("utf-8"))
    events = calendar.contents["vevent"]
    assert len(events) == 3
    doses, tests = events[:2], events[2:]
    starts: list[dt.datetime] = []
    for event in doses:
        start = event.dtstart.value
        assert isinstance(start, dt.datetime) and start.tzinfo is None  # floating
        assert event.summary.value == "Azathioprine 75 mg (1½ tablets)"
        assert event.valarm.action.value == "DISPLAY"
        assert event.valarm.trigger.value == dt.timedelta(0)
        starts += list(event.getrruleset())
    expected = [
        event["DTSTART"].dt
        for event in recurring_ical_events.of(parse(data)).between(
            dt.datetime(2026, 1, 1), dt.datetime(2028, 1, 1)
        )
        if isinstance(event["DTSTART"].dt, dt.datetime)
    ]
    assert sorted(starts) == sorted(expected)
    assert len(starts) == 2 * 92
    (test,) = tests
    assert test.dtstart.value == dt.date(2026, 12, 20)
    assert test.dtend.value == dt.date(2027, 1, 4)
    assert test.valarm.trigger.value == -dt.timedelta(days=2)
    assert len({event.uid.value for event in events}) == 3
