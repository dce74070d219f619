"""Doses in the journal: the doses of a day and their status, recording one (``take``,
``skip``), the history with its adherence, and the doses that have no record (``missed``).

Pure: the records, the profile, the knowledge and the clock are arguments. The profile
says what is prescribed (``Regimen``); the journal says what happened (``DoseRecord``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from imuran_cli.core.days import DayRef
from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import DoseTime, DoseTimes, Profile
from imuran_cli.core.regimen import profile_step_mg, split_doses, usual_daily_mg
from imuran_cli.core.units import format_number, is_whole_steps, tablet_step_mg, whole_as_int
from imuran_cli.knowledge.limits import Limits

DoseStatus = Literal["taken", "skipped"]
SlotStatus = Literal["taken", "skipped", "missing", "due"]
DOSE_ORDER: tuple[DoseTime, ...] = ("morning", "later")
PERCENT = 100  # a unit (per hundred), not a rule

_ONE_DAY = dt.timedelta(days=1)
# Tablets may be split unless the profile says otherwise (the profile's own default).
_SPLIT_BY_DEFAULT = True


# ---------------------------------------------------------------- records and regimen


@dataclass(frozen=True)
class DoseRecord:
    """One dose in the journal: taken or deliberately skipped.

    ``mg`` is the amount taken (for a skipped dose, the amount not taken, when known);
    ``tablets`` the tablets it took from the stock (None for a skipped dose).
    """

    entry_id: int
    date: dt.date
    dose: DoseTime
    status: DoseStatus
    mg: float | None
    tablets: float | None
    note: str | None
    recorded_at: dt.datetime


@dataclass(frozen=True)
class NewDose:
    """A dose to record; ``replaces`` is the entry id of the record it replaces."""

    date: dt.date
    dose: DoseTime
    status: DoseStatus
    mg: float | None
    tablets: float | None
    note: str | None
    recorded_at: dt.datetime
    replaces: int | None


@dataclass(frozen=True)
class Regimen:
    """What the profile prescribes, as the journal needs it.

    ``doses``: the doses of a treatment day with their mg (None when the dose is unknown).
    Without a profile: one morning dose a day, amount unknown, tablets of the default
    strength.
    """

    doses: tuple[tuple[DoseTime, float | None], ...]
    daily_mg: float | None
    tablet_mg: int
    step_mg: float
    started_on: dt.date | None
    stopped_on: dt.date | None
    times: tuple[tuple[DoseTime, dt.time], ...]
    has_profile: bool

    def mg_of(self, dose: DoseTime) -> float | None:
        return dict(self.doses).get(dose)

    def time_of(self, dose: DoseTime) -> dt.time:
        return dict(self.times)[dose]

    def in_treatment(self, day: dt.date) -> bool:
        """True when ``day`` is within the treatment (from ``started-on`` to ``stopped-on``)."""
        if self.started_on is not None and day < self.started_on:
            return False
        return self.stopped_on is None or day <= self.stopped_on


def regimen_of(profile: Profile | None, limits: Limits, max_mg_per_kg: float) -> Regimen:
    """The doses of a day from the profile, by the rule ``dose`` and ``missed`` use."""
    times = DoseTimes() if profile is None else profile.dose_times
    clock = tuple((dose, times.time_of(dose)) for dose in DOSE_ORDER)
    if profile is None:
        tablet_mg = limits.tablets.default_strength_mg
        return Regimen(
            doses=(("morning", None),),
            daily_mg=None,
            tablet_mg=tablet_mg,
            step_mg=tablet_step_mg(tablet_mg, _SPLIT_BY_DEFAULT, limits),
            started_on=None,
            stopped_on=None,
            times=clock,
            has_profile=False,
        )
    prescription = profile.prescription
    step = profile_step_mg(profile, limits)
    daily = usual_daily_mg(profile, limits, max_mg_per_kg)
    doses: tuple[tuple[DoseTime, float | None], ...]
    if daily is not None:
        doses = tuple(
            (part.time, whole_as_int(part.mg))
            for part in split_doses(daily, prescription.schedule, step, limits)
        )
    elif prescription.schedule == "split":
        doses = (("morning", None), ("later", None))
    else:
        doses = (("morning", None),)
    return Regimen(
        doses=doses,
        daily_mg=whole_as_int(daily) if daily is not None else None,
        tablet_mg=prescription.tablet_mg,
        step_mg=step,
        started_on=prescription.started_on,
        stopped_on=prescription.stopped_on,
        times=clock,
        has_profile=True,
    )


# ---------------------------------------------------------------- the doses of a day


@dataclass(frozen=True)
class DoseSlot:
    """One dose of a day: ``taken``/``skipped`` (recorded), ``missing`` (no record, an
    earlier day) or ``due`` (no record yet, today); ``mg`` as recorded, else as prescribed."""

    dose: DoseTime
    status: SlotStatus
    mg: float | None


def day_slots(
    day: dt.date, records: Iterable[DoseRecord], regimen: Regimen, today: dt.date
) -> tuple[DoseSlot, ...]:
    """The doses of ``day`` with their status: the prescribed ones on a treatment day, plus
    any recorded dose. Days outside the treatment hold no expected dose."""
    planned = dict(regimen.doses) if regimen.in_treatment(day) else {}
    recorded = {record.dose: record for record in records if record.date == day}
    slots: list[DoseSlot] = []
    for dose in DOSE_ORDER:
        record = recorded.get(dose)
        if record is not None:
            mg = record.mg if record.mg is not None else planned.get(dose)
            slots.append(DoseSlot(dose, record.status, mg))
        elif dose in planned:
            slots.append(DoseSlot(dose, "missing" if day < today else "due", planned[dose]))
    return tuple(slots)


def todays_doses(
    records: Iterable[DoseRecord], regimen: Regimen, today: dt.date
) -> tuple[DoseSlot, ...]:
    """Today's doses with their status (``taken``, ``skipped`` or ``due``)."""
    return day_slots(today, records, regimen, today)


# ---------------------------------------------------------------- take and skip


@dataclass(frozen=True)
class Recorded:
    """The record just written, as ``take``/``skip`` report it."""

    date: dt.date
    dose: DoseTime
    status: DoseStatus
    mg: float | None
    recorded_at: dt.datetime
    note: str | None


@dataclass(frozen=True)
class DayDose:
    """One dose of the day in the ``take``/``skip`` answer: unrecorded doses are ``due``."""

    dose: DoseTime
    status: Literal["taken", "skipped", "due"]
    mg: float | None


@dataclass(frozen=True)
class DaySummary:
    date: dt.date
    daily_mg: float | None
    taken_mg: float
    doses: tuple[DayDose, ...]


@dataclass(frozen=True)
class DoseRecorded:
    """The answer of ``take`` and ``skip``; its fields are the ``--json`` document.

    ``replaced`` is the status the dose had before ``--replace`` (else None).
    """

    recorded: Recorded
    day: DaySummary
    replaced: DoseStatus | None


def check_dose_day(ref: DayRef, regimen: Regimen) -> dt.date:
    """The day of a dose record: not before ``started-on``, not after ``stopped-on``."""
    day = ref.day
    if regimen.started_on is not None and day < regimen.started_on:
        raise InputError(
            f"{day.isoformat()} is before your treatment started "
            f"({regimen.started_on.isoformat()}, started-on in your profile)",
            "check the date, or your profile's started-on (imuran profile show)",
            code="before_start",
        )
    if regimen.stopped_on is not None and day > regimen.stopped_on:
        raise InputError(
            f"{day.isoformat()} is after your treatment stopped "
            f"({regimen.stopped_on.isoformat()}, stopped-on in your profile)",
            "check the date; if you take it again: imuran profile unset stopped-on",
            code="after_stop",
        )
    return day


def parse_dose_option(text: str | None) -> DoseTime | None:
    """``--dose`` (morning or later, case-insensitive); None when not given."""
    if text is None:
        return None
    key = text.strip().lower()
    for dose in DOSE_ORDER:
        if key == dose:
            return dose
    raise InputError(
        f"--dose {text!r} is not a dose of the day",
        "use --dose morning or --dose later",
        code="invalid_dose",
    )


def clean_note(text: str | None, option: str, limits: Limits) -> str | None:
    """A note or reason as typed: trimmed, printable, not too long; None when empty."""
    if text is None:
        return None
    cleaned = text.strip()
    if not cleaned:
        return None
    allowed = int(limits.text_length.max)
    if not cleaned.isprintable() or len(cleaned) > allowed:
        raise InputError(
            f"{option} is longer than {allowed} characters or holds a control character",
            f"write a shorter {option} on one line",
            code="invalid_note",
        )
    return cleaned


def check_mg(mg: float, regimen: Regimen) -> float:
    """``--mg``: positive and a whole number of tablet steps."""
    step = regimen.step_mg
    if not math.isfinite(mg) or mg <= 0:
        raise InputError(
            f"--mg {format_number(mg) if math.isfinite(mg) else mg} is not a positive amount",
            f"give the mg you took, a multiple of {format_number(step)} mg",
            code="invalid_mg",
        )
    if not is_whole_steps(mg, step):
        pieces = "half or whole" if step < regimen.tablet_mg else "whole"
        raise InputError(
            f"--mg {format_number(mg)} cannot be made from {pieces} {regimen.tablet_mg} mg tablets",
            f"give a multiple of {format_number(step)} mg (tablet size: imuran profile set "
            "tablet-mg)",
            code="invalid_mg",
        )
    return whole_as_int(mg)


def _which(dose: DoseTime, regimen: Regimen) -> str:
    return f"the {dose} dose" if len(regimen.doses) > 1 or dose == "later" else "the dose"


def _pick_dose(
    status: DoseStatus,
    day: dt.date,
    explicit: DoseTime | None,
    word_dose: DoseTime | None,
    regimen: Regimen,
    recorded: Mapping[DoseTime, DoseRecord],
    replace: bool,
) -> DoseTime:
    if explicit is not None and word_dose is not None and explicit != word_dose:
        raise InputError(
            f"the day you gave names the {word_dose} dose, not --dose {explicit}",
            f"drop --dose, or give the day as a date: --date {day.isoformat()}",
            code="conflicting_dose",
        )
    day_doses = tuple(dose for dose, _ in regimen.doses)
    wanted = explicit or word_dose
    if wanted is not None:
        if wanted in day_doses:
            return wanted
        if explicit is None:  # last-night with one dose a day: that day's dose
            return day_doses[0]
        whose = "your profile has" if regimen.has_profile else "without a profile imuran assumes"
        raise InputError(
            f"--dose {explicit} needs two doses a day; {whose} one dose a day",
            "drop --dose, or set your schedule: imuran profile set schedule split",
            code="no_later_dose",
        )
    if replace:
        # --replace without --dose: the first dose recorded with the other status.
        for dose in day_doses:
            record = recorded.get(dose)
            if record is not None and record.status != status:
                return dose
    for dose in day_doses:
        if dose not in recorded:
            return dose
    # Every dose of the day is recorded: the first one answers "already recorded".
    return day_doses[0]


def plan_dose(
    *,
    status: DoseStatus,
    ref: DayRef,
    dose_text: str | None,
    mg: float | None,
    note: str | None,
    replace: bool,
    now: dt.datetime,
    regimen: Regimen,
    limits: Limits,
    day_records: Sequence[DoseRecord],
) -> NewDose:
    """Decide the record ``take`` (``status`` taken) or ``skip`` writes, from the day's
    current records; raise ``InputError`` when it must not be written.

    Checks, in order: the day (future, before start, after stop), the dose, a record
    already there (``already_recorded``; ``--replace`` only turns taken into skipped or
    back), the amount (``no_prescribed_dose``, ``invalid_mg``), then the day's total
    against the daily dose (``above_daily_dose``).
    """
    day = check_dose_day(ref, regimen)
    explicit = parse_dose_option(dose_text)
    recorded = {record.dose: record for record in day_records if record.date == day}
    dose = _pick_dose(status, day, explicit, ref.dose, regimen, recorded, replace)
    which = f"{_which(dose, regimen)} of {day.isoformat()}"
    existing = recorded.get(dose)
    if existing is not None and (not replace or existing.status == status):
        if existing.status == "taken":
            message = f"{which} is already recorded as taken: taking it again would double the dose"
        else:
            message = f"{which} is already recorded as skipped"
        if existing.status == status:
            hint = "nothing was written; imuran undo removes the last record"
        else:
            verb = "take" if status == "taken" else "skip"
            hint = f"to change it to {status}: imuran {verb} --replace"
            if explicit is not None:
                hint += f" --dose {dose}"
            if ref.form != "word" or ref.day != now.date():
                hint += f" --date {day.isoformat()}"
        raise InputError(message, hint, code="already_recorded")

    planned = regimen.mg_of(dose) if regimen.in_treatment(day) else None
    tablets: float | None = None
    if status == "taken":
        if mg is None:
            if planned is None:
                raise InputError(
                    "your profile has no prescribed dose, so imuran cannot tell how much you took",
                    "give the amount: --mg N, or set your dose: imuran profile set daily-mg N",
                    code="no_prescribed_dose",
                )
            mg = planned
        else:
            mg = check_mg(mg, regimen)
        _check_daily_total(which, mg, day, recorded, existing, regimen, limits)
        tablets = whole_as_int(mg / regimen.tablet_mg)
    else:
        mg = planned if mg is None else check_mg(mg, regimen)
    return NewDose(
        date=day,
        dose=dose,
        status=status,
        mg=mg,
        tablets=tablets,
        note=clean_note(note, "--note" if status == "taken" else "--reason", limits),
        recorded_at=now,
        replaces=existing.entry_id if existing is not None else None,
    )


def _check_daily_total(
    which: str,
    mg: float,
    day: dt.date,
    recorded: Mapping[DoseTime, DoseRecord],
    replaced: DoseRecord | None,
    regimen: Regimen,
    limits: Limits,
) -> None:
    taken = sum(
        record.mg or 0
        for record in recorded.values()
        if record.status == "taken" and record is not replaced
    )
    ceiling = regimen.daily_mg if regimen.daily_mg is not None else limits.daily_mg.max
    if taken + mg > ceiling and not math.isclose(taken + mg, ceiling):
        what = "your daily dose" if regimen.daily_mg is not None else "the most imuran accepts"
        raise InputError(
            f"recording {format_number(mg)} mg for {which} would bring the day to "
            f"{format_number(taken + mg)} mg, above {what} ({format_number(ceiling)} mg)",
            "check the amount (--mg) and the day's records (imuran history --days 1); "
            "never take more than your daily dose",
            code="above_daily_dose",
        )


def summarize_day(
    day: dt.date, records: Iterable[DoseRecord], regimen: Regimen, today: dt.date
) -> DaySummary:
    """The day after a record: each dose (unrecorded ones ``due``) and the mg taken."""
    current = [record for record in records if record.date == day]
    slots = day_slots(day, current, regimen, today)
    doses = tuple(
        DayDose(slot.dose, "due" if slot.status == "missing" else slot.status, slot.mg)
        for slot in slots
    )
    taken = sum(record.mg or 0 for record in current if record.status == "taken")
    return DaySummary(
        date=day, daily_mg=regimen.daily_mg, taken_mg=whole_as_int(taken), doses=doses
    )


def dose_recorded(
    new: NewDose,
    replaced: DoseStatus | None,
    day_records: Sequence[DoseRecord],
    regimen: Regimen,
    today: dt.date,
) -> DoseRecorded:
    """The answer of ``take``/``skip`` after ``new`` was written (``day_records``: the
    day's current records, ``new`` included)."""
    return DoseRecorded(
        recorded=Recorded(
            date=new.date,
            dose=new.dose,
            status=new.status,
            mg=new.mg,
            recorded_at=new.recorded_at,
            note=new.note,
        ),
        day=summarize_day(new.date, day_records, regimen, today),
        replaced=replaced,
    )


# ---------------------------------------------------------------- history


@dataclass(frozen=True)
class HistoryDay:
    date: dt.date
    doses: tuple[DoseSlot, ...]


@dataclass(frozen=True)
class Adherence:
    """Doses counted: ``expected`` is every dose of the days before today plus today's
    recorded ones; ``percent`` = 100 x taken / expected, or None when nothing is expected."""

    expected: int
    taken: int
    skipped: int
    missing: int
    percent: float | None


@dataclass(frozen=True)
class History:
    """The answer of ``history``: ``days`` from ``start`` to ``end`` (oldest first)."""

    start: dt.date
    end: dt.date
    days: tuple[HistoryDay, ...]
    adherence: Adherence
    records: Mapping[tuple[dt.date, DoseTime], DoseRecord]


def history_range(
    days: int | None,
    start: DayRef | None,
    end: DayRef | None,
    today: dt.date,
    default_days: int,
    max_days: int,
) -> tuple[dt.date, dt.date]:
    """The first and last day of ``history``: ``--days N`` (ending today) or ``--from``/``--to``
    (``--to`` defaults to today); by default the last ``default_days`` days."""
    if days is not None and (start is not None or end is not None):
        raise InputError(
            "--days cannot be combined with --from/--to",
            "give either --days N or --from DAY --to DAY",
            code="conflicting_options",
        )
    if end is not None and start is None:
        raise InputError(
            f"--to {end.day.isoformat()} needs --from, the first day to show",
            "add --from DAY, or use --days N",
            code="missing_option",
        )
    if start is not None:
        last = end.day if end is not None else today
        if last < start.day:
            raise InputError(
                f"--to {last.isoformat()} is before --from {start.day.isoformat()}",
                "give the first day with --from and the last day with --to",
                code="dates_reversed",
            )
        length = (last - start.day).days + 1
        if length > max_days:
            raise InputError(
                f"{start.day.isoformat()} to {last.isoformat()} is {length} days; "
                f"history shows at most {max_days} days",
                "choose a shorter range",
                code="days_out_of_range",
            )
        return start.day, last
    count = default_days if days is None else days
    if not 1 <= count <= max_days:
        raise InputError(
            f"--days {count} is outside 1 to {max_days}",
            f"give a number of days from 1 to {max_days}",
            code="days_out_of_range",
        )
    return today - dt.timedelta(days=count - 1), today


def build_history(
    records: Iterable[DoseRecord],
    start: dt.date,
    end: dt.date,
    regimen: Regimen,
    today: dt.date,
    percent_decimals: int,
) -> History:
    """Each day from ``start`` to ``end`` with the status of each dose, and the adherence."""
    by_key = {(record.date, record.dose): record for record in records}
    by_day: dict[dt.date, list[DoseRecord]] = {}
    for record in by_key.values():
        by_day.setdefault(record.date, []).append(record)
    days: list[HistoryDay] = []
    counts = {"taken": 0, "skipped": 0, "missing": 0, "due": 0}
    day = start
    while day <= end:
        slots = day_slots(day, by_day.get(day, ()), regimen, today)
        for slot in slots:
            counts[slot.status] += 1
        days.append(HistoryDay(day, slots))
        day += _ONE_DAY
    expected = counts["taken"] + counts["skipped"] + counts["missing"]
    percent = round(PERCENT * counts["taken"] / expected, percent_decimals) if expected else None
    return History(
        start=start,
        end=end,
        days=tuple(days),
        adherence=Adherence(
            expected=expected,
            taken=counts["taken"],
            skipped=counts["skipped"],
            missing=counts["missing"],
            percent=percent,
        ),
        records=by_key,
    )


# ---------------------------------------------------------------- doses with no record


@dataclass(frozen=True)
class UnrecordedDose:
    """A dose whose usual time has passed with no record: ``take-today`` or ``skip``."""

    date: dt.date
    dose: DoseTime
    decision: Literal["take-today", "skip"]


def unrecorded_doses(
    records: Iterable[DoseRecord], regimen: Regimen, now: dt.datetime, lookback_days: int
) -> list[UnrecordedDose]:
    """The doses of the last ``lookback_days`` days (today included) whose usual time has
    passed and that have no record, newest first. Days outside the treatment never count."""
    today = now.date()
    local_now = now.replace(tzinfo=None)
    recorded = {(record.date, record.dose) for record in records}
    found: list[UnrecordedDose] = []
    for back in range(lookback_days):
        day = today - dt.timedelta(days=back)
        if not regimen.in_treatment(day):
            continue
        for dose, _ in reversed(regimen.doses):
            due_at = dt.datetime.combine(day, regimen.time_of(dose))
            if due_at <= local_now and (day, dose) not in recorded:
                found.append(UnrecordedDose(day, dose, "take-today" if day == today else "skip"))
    return found
