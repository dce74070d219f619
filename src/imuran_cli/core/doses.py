"""Doses in the journal, the part every dose command shares: what the profile prescribes
for a day (``Regimen``), a dose record (``DoseRecord``), the doses of a day with their
status, and the doses whose time has passed with no record.

Pure: the records, the profile, the knowledge and the clock are arguments. The profile
says what is prescribed; the journal says what happened. Internal records are
``Record``s (light to define at start-up); ``DoseSlot`` turns into a JSON object.
"""

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from imuran_cli.core.days import DayRef
from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import DoseTime, DoseTimes, Profile
from imuran_cli.core.regimen import profile_step_mg, split_doses, usual_daily_mg
from imuran_cli.core.units import tablet_step_mg, whole_as_int
from imuran_cli.knowledge.limits import Limits
from imuran_cli.record import Record

DoseStatus = Literal["taken", "skipped"]
SlotStatus = Literal["taken", "skipped", "missing", "due"]
DOSE_ORDER: tuple[DoseTime, ...] = ("morning", "later")

# Tablets may be split unless the profile says otherwise (the profile's own default).
_SPLIT_BY_DEFAULT = True


# ---------------------------------------------------------------- records and regimen


class DoseRecord(Record):
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


class Regimen(Record):
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


class DoseSlot(Record):
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


# ---------------------------------------------------------------- doses with no record


class UnrecordedDose(Record):
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
