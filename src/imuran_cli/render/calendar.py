"""The iCalendar file (RFC 5545) of ``imuran calendar``, written with the ``icalendar`` library.

``icalendar`` is imported here only, inside ``render_calendar``: no other command loads it.

- Dose events: ``DTSTART`` a floating local date-time (no ``TZID``, no ``Z``), so that a
  dose at 08:00 stays at 08:00 in any time zone; ``RRULE:FREQ=DAILY;COUNT=n``; a display
  alarm at the dose time; marked free time (``TRANSP:TRANSPARENT``).
- The blood-test event: all day (``VALUE=DATE``) over the days the test is due, with a
  display alarm some days before.
- ``DTSTAMP`` is the time the file was made, in UTC. ``SEQUENCE`` is the number of whole
  minutes from 1970 to that time, so that a newer file always carries a higher sequence and
  a calendar that compares sequences takes the newer event.
"""

from __future__ import annotations

import datetime as dt

from imuran_cli import __version__
from imuran_cli.core.calendar import BloodTestEvent, CalendarPlan, DoseEvent
from imuran_cli.core.units import format_number
from imuran_cli.render.common import tablets_word

PRODID = f"-//imuran//imuran {__version__}//EN"
CALENDAR_NAME = "Azathioprine (imuran)"
_DOSE_NAMES = {"morning": "Morning dose", "later": "Later dose"}
_SECONDS_PER_MINUTE = 60


def dose_summary(event: DoseEvent) -> str:
    """``Azathioprine 75 mg (1½ tablets)``: the title a calendar shows."""
    return f"Azathioprine {format_number(event.mg)} mg ({tablets_word(event.tablets)})"


def dose_description(event: DoseEvent) -> str:
    return (
        f"{_DOSE_NAMES[event.dose]} of azathioprine (Imuran): {format_number(event.mg)} mg, "
        f"{tablets_word(event.tablets)} of {event.tablet_mg} mg. "
        "Missed it? Run imuran missed: never take a double dose. "
        "Your neurologist's instructions come first."
    )


def blood_test_summary(event: BloodTestEvent) -> str:
    return "Blood test overdue (azathioprine)" if event.overdue else "Blood test due (azathioprine)"


def blood_test_description(event: BloodTestEvent) -> str:
    if event.overdue:
        when = f"It was due by {event.due_by.isoformat()}."
    elif event.due_from == event.due_by:
        when = f"It is due on {event.due_from.isoformat()}."
    else:
        when = f"It is due from {event.due_from.isoformat()} to {event.due_by.isoformat()}."
    return f"Blood test for azathioprine. {when} Details: imuran labs due."


def sequence_number(stamp: dt.datetime) -> int:
    """Whole minutes from 1970 to ``stamp``: grows with every newer file."""
    return int(stamp.timestamp()) // _SECONDS_PER_MINUTE


def render_calendar(plan: CalendarPlan, now: dt.datetime) -> bytes:
    """The calendar file, CRLF line endings, UTF-8."""
    from icalendar import Alarm, Calendar, Event

    stamp = now.astimezone(dt.UTC).replace(microsecond=0)
    sequence = sequence_number(stamp)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)

    for dose in plan.doses:
        event = Event()
        event.add("uid", dose.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("summary", dose_summary(dose))
        event.add("description", dose_description(dose))
        # A naive datetime is written as a floating local time.
        event.add("dtstart", dt.datetime.combine(dose.first_day, dose.time))
        event.add("duration", dt.timedelta(minutes=plan.dose_minutes))
        event.add("rrule", {"freq": "daily", "count": dose.days})
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Medication"])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", dose_summary(dose))
        alarm.add("trigger", dt.timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)

    test = plan.blood_test
    if test is not None:
        event = Event()
        event.add("uid", test.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("summary", blood_test_summary(test))
        event.add("description", blood_test_description(test))
        event.add("dtstart", test.first_day)
        event.add("dtend", test.last_day + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Medication"])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", blood_test_summary(test))
        alarm.add("trigger", -dt.timedelta(days=test.alarm_days_before))
        event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
