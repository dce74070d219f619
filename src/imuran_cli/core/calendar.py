"""`imuran calendar`: the reminders to put in a calendar, as plain data.

One daily repeating event per dose of the schedule, from today for N months, and one
all-day event for the next blood test. Times are floating local times (the person's
clock wherever they are); ``render/calendar.py`` writes the iCalendar file.

UIDs are stable: a dose event's comes from the profile's path and the dose (``morning``
or ``later``), the blood-test event's from the profile's path and the first day it is due.
Importing a newer file therefore updates the events instead of adding copies.
"""

import datetime as dt
import hashlib

from imuran_cli.core.dates import add_months
from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import DoseTime, Profile
from imuran_cli.core.regimen import profile_step_mg, split_doses, tablets, usual_daily_mg
from imuran_cli.knowledge.exports import CalendarNumbers
from imuran_cli.knowledge.limits import Limits
from imuran_cli.record import Record

# The UID's hash: long enough never to collide between a person's events.
_UID_HEX_DIGITS = len("0123456789abcdef0123456789abcdef")
UID_DOMAIN = "imuran.invalid"


class DoseEvent(Record):
    """One dose of the day, repeated daily: ``days`` occurrences from ``first_day``."""

    uid: str
    dose: DoseTime
    time: dt.time
    first_day: dt.date
    days: int
    mg: float
    tablets: float
    tablet_mg: int


class BloodTestDue(Record):
    """What ``labs due`` says about the next test (the calendar's input)."""

    due_from: dt.date
    due_by: dt.date
    overdue: bool


class BloodTestEvent(Record):
    """An all-day event from ``first_day`` to ``last_day`` (both included)."""

    uid: str
    first_day: dt.date
    last_day: dt.date
    due_from: dt.date
    due_by: dt.date
    overdue: bool
    alarm_days_before: int


class CalendarPlan(Record):
    """Everything the calendar file holds."""

    months: int
    first_day: dt.date
    last_day: dt.date
    dose_minutes: int
    doses: tuple[DoseEvent, ...]
    blood_test: BloodTestEvent | None


def stable_uid(profile_key: str, *parts: str) -> str:
    """A UID that depends only on the profile's path and ``parts``."""
    digest = hashlib.sha256("\x1f".join((profile_key, *parts)).encode("utf-8")).hexdigest()
    return f"{digest[:_UID_HEX_DIGITS]}@{UID_DOMAIN}"


def check_months(months: int | None, numbers: CalendarNumbers) -> int:
    if months is None:
        return numbers.default_months
    if not numbers.min_months <= months <= numbers.max_months:
        raise InputError(
            f"--months {months} is outside {numbers.min_months} to {numbers.max_months}",
            f"give how many months of reminders to make, from {numbers.min_months} "
            f"to {numbers.max_months} (default {numbers.default_months})",
            code="months_out_of_range",
        )
    return months


def plan_calendar(
    *,
    profile: Profile | None,
    limits: Limits,
    max_mg_per_kg: float,
    numbers: CalendarNumbers,
    months: int | None,
    today: dt.date,
    profile_key: str,
    blood_test: BloodTestDue | None,
) -> CalendarPlan:
    """The dose reminders of the profile's schedule and the next blood test's reminder."""
    count_months = check_months(months, numbers)
    if profile is None:
        raise InputError(
            "there is no profile, so there is no dose to remind you of",
            "create one: imuran profile init",
            code="no_profile",
        )
    prescription = profile.prescription
    if prescription.stopped_on is not None:
        raise InputError(
            f"your profile says azathioprine was stopped on {prescription.stopped_on.isoformat()}",
            "if you take it again: imuran profile unset stopped-on",
            code="not_on_treatment",
        )
    daily_mg = usual_daily_mg(profile, limits, max_mg_per_kg)
    if daily_mg is None:
        raise InputError(
            "your profile has no daily dose, so the reminders cannot say how much to take",
            "add the dose your neurologist prescribed: imuran profile set daily-mg 150",
            code="no_prescribed_dose",
        )
    end = add_months(today, count_months)  # the first day without a reminder
    days = (end - today).days
    step = profile_step_mg(profile, limits)
    doses = tuple(
        DoseEvent(
            uid=stable_uid(profile_key, "dose", part.time),
            dose=part.time,
            time=profile.dose_times.time_of(part.time),
            first_day=today,
            days=days,
            mg=part.mg,
            tablets=tablets(part.mg, prescription.tablet_mg),
            tablet_mg=prescription.tablet_mg,
        )
        for part in split_doses(daily_mg, prescription.schedule, step, limits)
    )
    test_event = None
    if blood_test is not None:
        first, last = (
            (today, today) if blood_test.overdue else (blood_test.due_from, blood_test.due_by)
        )
        test_event = BloodTestEvent(
            uid=stable_uid(profile_key, "blood-test", blood_test.due_from.isoformat()),
            first_day=first,
            last_day=last,
            due_from=blood_test.due_from,
            due_by=blood_test.due_by,
            overdue=blood_test.overdue,
            alarm_days_before=numbers.blood_test_alarm_days,
        )
    return CalendarPlan(
        months=count_months,
        first_day=today,
        last_day=end - dt.timedelta(days=1),
        dose_minutes=numbers.dose_minutes,
        doses=doses,
        blood_test=test_event,
    )
