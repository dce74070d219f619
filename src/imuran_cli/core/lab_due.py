"""When the next blood test is due: ``next_test_due(profile, last_test, today, labs)``.

Pure, and light to import (``labs due``, and the answers built on it, need only this):
the profile, the date of the last recorded test, today and the knowledge are arguments;
every number comes from ``knowledge/labs.toml``.
"""

import datetime as dt
from typing import TYPE_CHECKING, Literal

from imuran_cli.core.dates import add_months
from imuran_cli.knowledge.labs import Labs
from imuran_cli.record import Record

if TYPE_CHECKING:
    from imuran_cli.core.profile import Profile

DueRule = Literal["early-treatment", "leaflet", "profile"]
DueStatus = Literal["no-test-recorded", "not-due", "due", "overdue", "not-on-treatment"]


class LabsDue(Record):
    """``imuran labs due``: when the next blood test is due, and by which rule."""

    last_test: dt.date | None
    rule: DueRule | None
    due_from: dt.date | None
    due_by: dt.date | None
    status: DueStatus
    days_overdue: int | None
    source: str
    today: dt.date
    started_on: dt.date | None
    interval_weeks: int | None
    rule_text: str
    notes: tuple[str, ...]
    sources: tuple[str, ...]


def next_test_due(
    profile: "Profile | None", last_test: dt.date | None, today: dt.date, labs: Labs
) -> LabsDue:
    """When the next blood test is due, from the profile, the last test's date and today.

    The profile's clinic interval wins. Otherwise, a last test in the first months of
    treatment (calendar months from ``started-on``) follows the US label's closer
    schedule; any other follows the leaflet's 4 to 6 weeks. A last test from before the
    start (a baseline) makes the first test of treatment due one early interval after the
    start. A stop date means no further routine test is due.
    """
    schedule = labs.schedule
    prescription = profile.prescription if profile is not None else None
    started_on = prescription.started_on if prescription is not None else None
    stopped_on = prescription.stopped_on if prescription is not None else None
    weeks = profile.monitoring.lab_interval_weeks if profile is not None else None
    notes: list[str] = []
    ids: list[str] = []

    def answer(
        rule: DueRule | None,
        due_from: dt.date | None,
        due_by: dt.date | None,
        status: DueStatus,
        source: str,
        rule_text: str,
    ) -> LabsDue:
        days_overdue = (today - due_by).days if status == "overdue" and due_by else None
        return LabsDue(
            last_test=last_test,
            rule=rule,
            due_from=due_from,
            due_by=due_by,
            status=status,
            days_overdue=days_overdue,
            source=source,
            today=today,
            started_on=started_on,
            interval_weeks=weeks,
            rule_text=rule_text,
            notes=tuple(notes),
            sources=tuple(dict.fromkeys([source, *ids])),
        )

    if stopped_on is not None:
        notes.append(schedule.stopped.note)
        return answer(None, None, None, "not-on-treatment", schedule.stopped.source, "")

    rule, due_from, due_by = _rule(started_on, weeks, last_test, today, labs)
    source, rule_text = {
        "profile": (schedule.profile.source, schedule.profile.text),
        "early-treatment": (schedule.early.source, schedule.early.text),
        "leaflet": (schedule.leaflet.source, schedule.leaflet.text),
    }[rule]
    if rule != "profile":
        notes.append(schedule.clinics.note)
        ids.append(schedule.clinics.source)
        if started_on is None:
            notes.append(schedule.no_start.note)
            ids.append(schedule.no_start.source)
    if last_test is None or due_from is None or due_by is None:
        return answer(rule, None, None, "no-test-recorded", source, rule_text)
    if today < due_from:
        status: DueStatus = "not-due"
    elif today <= due_by:
        status = "due"
    else:
        status = "overdue"
    return answer(rule, due_from, due_by, status, source, rule_text)


def _rule(
    started_on: dt.date | None,
    weeks: int | None,
    last_test: dt.date | None,
    today: dt.date,
    labs: Labs,
) -> tuple[DueRule, dt.date | None, dt.date | None]:
    """The rule in force and the window it gives (None without a last test)."""
    early, leaflet = labs.schedule.early, labs.schedule.leaflet
    if weeks is not None:
        if last_test is None:
            return "profile", None, None
        due = last_test + dt.timedelta(weeks=weeks)
        return "profile", due, due
    if started_on is not None:
        # Which month of treatment the last test (or, without one, today) falls in.
        reference = last_test if last_test is not None else today
        if last_test is not None and last_test < started_on:
            # A baseline before the start: the first test of treatment is due one
            # early interval after the start.
            due = started_on + dt.timedelta(days=early.first_days)
            return "early-treatment", due, due
        days: int | None
        if reference < add_months(started_on, early.first_months):
            days = early.first_days
        elif reference < add_months(started_on, early.then_until_months):
            days = early.then_days
        else:
            days = None
        if days is not None:
            if last_test is None:
                return "early-treatment", None, None
            due = last_test + dt.timedelta(days=days)
            return "early-treatment", due, due
    if last_test is None:
        return "leaflet", None, None
    return (
        "leaflet",
        last_test + dt.timedelta(days=leaflet.from_days),
        last_test + dt.timedelta(days=leaflet.by_days),
    )
