"""What to do about a missed dose: read WHEN, then apply the MG clinic's leaflet's rule.

A dose due today is taken later today (``take-today``); a dose from an earlier day is
skipped and the schedule goes on (``skip``). Never a double dose: the amount to take now is
the missed part of the usual daily dose, so a day's total never exceeds the usual total.
"""

import datetime as dt
from typing import Any, Literal

from imuran_cli.core.days import read_day
from imuran_cli.core.doses import DOSE_ORDER, parse_dose_option
from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import DoseTime, DoseTimes, Profile, Schedule
from imuran_cli.core.regimen import profile_step_mg, split_doses, tablets, usual_daily_mg
from imuran_cli.core.units import Mg, format_number, mg_json
from imuran_cli.knowledge.limits import Limits
from imuran_cli.knowledge.missed import MissedRules
from imuran_cli.record import Record

# ``already-taken``: the journal shows the dose as taken; ``none``: without --when, every
# dose of the last days is recorded (see core/missed_journal.py).
Decision = Literal["take-today", "skip", "already-taken", "none"]
_ONE_DAY = dt.timedelta(days=1)


class Amount(Record):
    """An amount to take: mg and tablets."""

    mg: Mg
    tablets: float

    def __json__(self) -> dict[str, Any]:
        return mg_json(self, "mg")


class NextDose(Record):
    """The next regular dose: its day, which dose of the day, and how much."""

    date: dt.date
    time: DoseTime
    mg: Mg
    tablets: float

    def __json__(self) -> dict[str, Any]:
        return mg_json(self, "mg")


class DoseSlot(Record):
    """A regular dose time: its day, which dose of the day, and the usual clock time."""

    date: dt.date
    time: DoseTime
    at: str


class Advice(Record):
    """One statement with the id of its source."""

    text: str
    source: str


class MissingDose(Record):
    """A dose with no record in the journal, and what to do about it."""

    date: dt.date
    dose: DoseTime
    decision: Decision


class MissedResult(Record):
    """The answer of ``imuran missed``; its fields are the ``--json`` document.

    ``reason`` is also the first ``advice`` item (with its source). ``next_regular`` is the
    next regular dose time even when the dose is unknown; ``next_dose`` adds the amount and
    is null without a known dose. ``missing`` lists the doses with no record in the
    journal (``missed`` without ``--when``), newest first; ``recorded_at`` is when the
    journal recorded the dose as taken (``already-taken``). ``missed_on``, ``dose`` and
    ``days_ago`` are null when nothing was missed (``none``).
    """

    today: dt.date
    missed_on: dt.date | None
    dose: DoseTime | None
    decision: Decision
    # Always False (never a double dose); no default, to keep its place in the JSON.
    double_dose: Literal[False]
    take_now: Amount | None
    next_dose: NextDose | None
    advice: list[Advice]
    sources: list[str]
    headline: str
    reason: str
    sources_note: str
    days_ago: int | None
    schedule: Schedule
    daily_mg: Mg | None
    next_regular: DoseSlot
    # No defaults from here on: a record's defaults come last, and ``cautions`` keeps
    # its place in the JSON; each answer gives them all.
    missing: list[MissingDose]
    recorded_at: str | None  # ISO 8601 with offset, as take --json writes it
    # The next regular dose is near (issue 13): the decision stands, with a caution.
    late: bool
    cautions: list[Advice]

    def __json__(self) -> dict[str, Any]:
        return mg_json(self, "daily_mg")


class MissedWhen(Record):
    """A parsed ``--when``: the day, how many days ago, and the dose a word names."""

    day: dt.date
    days_ago: int
    dose: DoseTime | None


def accepted_forms(rules: MissedRules) -> str:
    """The hint listing every form ``--when`` accepts."""
    low, high = rules.when.min_days_ago, rules.when.max_days_ago
    return (
        'use today, this-morning, yesterday, last-night, "N days ago", Nd or YYYY-MM-DD '
        f"(N from {low} to {high})"
    )


def parse_when(text: str, today: dt.date, rules: MissedRules) -> MissedWhen:
    """Read ``--when`` (case-insensitive) relative to ``today``; raise ``InputError`` if bad."""
    ref = read_day(text, today, "--when", invalid_code="invalid_when", hint=accepted_forms(rules))
    if ref is None:
        raise InputError(
            f"--when {text!r} is not a day imuran understands",
            accepted_forms(rules),
            code="invalid_when",
        )
    if ref.form == "days-ago" and ref.days_ago < rules.when.min_days_ago:
        raise InputError(
            f"--when {text!r} is outside {rules.when.min_days_ago} to "
            f"{rules.when.max_days_ago} days ago",
            "for a dose due today use --when today",
            code="invalid_when",
        )
    if ref.form == "date" and ref.days_ago < 0:
        raise InputError(
            f"--when {ref.day.isoformat()} is in the future (today is {today.isoformat()})",
            "give the day the dose was due: today or an earlier day",
            code="future_date",
        )
    if ref.form != "word":
        _check_not_too_old(text, ref.days_ago, rules)
    return MissedWhen(ref.day, ref.days_ago, ref.dose)


def _check_not_too_old(text: str, days_ago: int, rules: MissedRules) -> None:
    if days_ago > rules.when.max_days_ago:
        raise InputError(
            f"--when {text!r} is {days_ago} days ago; imuran answers for up to "
            f"{rules.when.max_days_ago} days back",
            "a dose missed that long ago is a question for your neurologist",
            code="too_long_ago",
        )


def _check_profile_dates(day: dt.date, profile: Profile | None) -> None:
    if profile is None:
        return
    prescription = profile.prescription
    if prescription.stopped_on is not None:
        raise InputError(
            f"your profile says azathioprine was stopped on {prescription.stopped_on.isoformat()}"
            " (prescription.stopped_on)",
            "a missed dose after stopping is a question for your neurologist; "
            "if you take it again, remove stopped_on from your profile",
            code="treatment_stopped",
        )
    if prescription.started_on is not None and day < prescription.started_on:
        raise InputError(
            f"--when {day.isoformat()} is before your treatment started "
            f"({prescription.started_on.isoformat()}, prescription.started_on)",
            "check the date; if unsure, this is a question for your neurologist",
            code="before_start",
        )


def _pick_dose(
    when: MissedWhen, explicit: DoseTime | None, day_doses: tuple[DoseTime, ...], has_profile: bool
) -> DoseTime:
    """The missed dose of the day: ``--dose``, else the word's, else the morning dose."""
    if explicit is not None and when.dose is not None and explicit != when.dose:
        if when.dose == "morning":
            raise InputError(
                "--when this-morning names the morning dose, not --dose later",
                "for today's later dose use --when today --dose later",
                code="conflicting_dose",
            )
        raise InputError(
            "--when last-night names yesterday's later dose, not --dose morning",
            "for yesterday's morning dose use --when yesterday",
            code="conflicting_dose",
        )
    wanted = explicit or when.dose or "morning"
    if wanted in day_doses:
        return wanted
    if explicit is None:
        # last-night with one dose a day: simply that day's dose.
        return day_doses[0]
    whose = "your profile has" if has_profile else "without a profile imuran assumes"
    raise InputError(
        f"--dose {explicit} needs two doses a day; {whose} one dose a day",
        'drop --dose, or set prescription.schedule = "split" in your profile',
        code="no_later_dose",
    )


def when_phrase(slot_day: dt.date, time: DoseTime, today: dt.date) -> str:
    """``tomorrow morning``, ``later today``: when a dose is due, as a person says it."""
    if slot_day == today:
        return "this morning" if time == "morning" else "later today"
    return "tomorrow morning" if time == "morning" else "tomorrow, later in the day"


def plan_missed(
    when_text: str,
    dose_text: str | None,
    now: dt.datetime,
    profile: Profile | None,
    limits: Limits,
    max_mg_per_kg: float,
    rules: MissedRules,
) -> MissedResult:
    """Decide what to do about the dose ``when_text`` (and ``dose_text``) names, at ``now``.

    ``now`` is the person's local time (or ``IMURAN_NOW`` with its own offset); its calendar
    date is today. Without a profile the schedule is once a day and the amount is unknown.
    """
    today = now.date()
    when = parse_when(when_text, today, rules)
    explicit = parse_dose_option(dose_text)
    _check_profile_dates(when.day, profile)

    schedule: Schedule = profile.prescription.schedule if profile is not None else "once"
    dose_times = profile.dose_times if profile is not None else DoseTimes()
    daily = usual_daily_mg(profile, limits, max_mg_per_kg) if profile is not None else None
    parts: dict[DoseTime, float] = {}
    if profile is not None and daily is not None:
        step = profile_step_mg(profile, limits)
        parts = {part.time: part.mg for part in split_doses(daily, schedule, step, limits)}
    # The doses of a day: those of the known dose (a split dose of one step stays in the
    # morning), else those of the schedule.
    day_doses: tuple[DoseTime, ...] = DOSE_ORDER if schedule == "split" else ("morning",)
    if parts:
        day_doses = tuple(parts)
    dose = _pick_dose(when, explicit, day_doses, profile is not None)
    decision: Decision = "skip" if when.day < today else "take-today"

    # The next regular dose after now; the missed dose itself is not "next" (no doubling).
    local_now = now.replace(tzinfo=None)
    slot_day, slot_time = next(
        (day, time)
        for day in (today, today + _ONE_DAY)
        for time in day_doses
        if dt.datetime.combine(day, dose_times.time_of(time)) > local_now
        and (day, time) != (when.day, dose)
    )
    next_regular = DoseSlot(
        date=slot_day, time=slot_time, at=dose_times.time_of(slot_time).strftime("%H:%M")
    )

    take_now: Amount | None = None
    next_dose: NextDose | None = None
    if profile is not None and parts:
        tablet_mg = profile.prescription.tablet_mg
        if decision == "take-today":
            take_now = Amount(mg=parts[dose], tablets=tablets(parts[dose], tablet_mg))
        next_mg = parts[slot_time]
        next_dose = NextDose(
            date=slot_day, time=slot_time, mg=next_mg, tablets=tablets(next_mg, tablet_mg)
        )

    total = (
        f"your usual {format_number(daily)} mg" if daily is not None else "your usual daily dose"
    )
    if decision == "take-today":
        decided = rules.take_today
        headline = decided.headline
        advice = [Advice(text=decided.reason, source=decided.source)]
        if dose == "morning" and (slot_day, slot_time) == (today, "later"):
            later = rules.with_later
            advice.append(Advice(text=later.text.format(total=total), source=later.source))
    else:
        decided = rules.skip
        headline = decided.headline.format(next=when_phrase(slot_day, slot_time, today))
        advice = [Advice(text=decided.reason, source=decided.source)]
    never = rules.never_double
    advice.append(Advice(text=never.text.format(total=total), source=never.source))
    if decision == "skip" and when.days_ago >= rules.when.tell_neurologist_from_days_ago:
        tell = rules.tell_neurologist
        advice.append(Advice(text=tell.text, source=tell.source))

    # Taken today, but the next regular dose is less than half a dosing interval away:
    # the leaflet's decision stands; the sources that differ are named.
    late_rule = rules.late
    near_hours = late_rule.once_daily_hours if len(day_doses) == 1 else late_rule.split_hours
    next_at = dt.datetime.combine(slot_day, dose_times.time_of(slot_time))
    late = decision == "take-today" and next_at - local_now < dt.timedelta(hours=near_hours)
    cautions = [Advice(text=late_rule.text, source=late_rule.sources[0])] if late else []

    sources = list(
        dict.fromkeys(
            [item.source for item in advice]
            + list(late_rule.sources if late else ())
            + list(rules.differs.sources)
        )
    )
    return MissedResult(
        today=today,
        missed_on=when.day,
        dose=dose,
        decision=decision,
        double_dose=False,
        take_now=take_now,
        next_dose=next_dose,
        advice=advice,
        sources=sources,
        headline=headline,
        reason=decided.reason,
        sources_note=rules.differs.note,
        days_ago=when.days_ago,
        schedule=schedule,
        daily_mg=daily,
        next_regular=next_regular,
        missing=[],
        recorded_at=None,
        late=late,
        cautions=cautions,
    )
