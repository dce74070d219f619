"""``take`` and ``skip``: deciding the dose record to write, and the answer.

The checks, in order: the day (future, before ``started-on``, after ``stopped-on``), the
dose, a record already there (``already_recorded``: ``--replace`` only turns taken into
skipped or back), the amount (``no_prescribed_dose``, ``invalid_mg``), then the day's
total against the daily dose (``above_daily_dose``).
"""

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from imuran_cli.core.days import DayRef
from imuran_cli.core.doses import (
    DoseRecord,
    DoseStatus,
    Regimen,
    check_dose_day,
    day_slots,
    parse_dose_option,
)
from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import DoseTime
from imuran_cli.core.units import format_number, is_whole_steps, whole_as_int
from imuran_cli.knowledge.limits import Limits
from imuran_cli.record import Record

# ---------------------------------------------------------------- take and skip


class NewDose(Record):
    """A dose to record; ``replaces`` is the entry id of the record it replaces."""

    date: dt.date
    dose: DoseTime
    status: DoseStatus
    mg: float | None
    tablets: float | None
    note: str | None
    recorded_at: dt.datetime
    replaces: int | None


class Recorded(Record):
    """The record just written, as ``take``/``skip`` report it."""

    date: dt.date
    dose: DoseTime
    status: DoseStatus
    mg: float | None
    recorded_at: dt.datetime
    note: str | None


class DayDose(Record):
    """One dose of the day in the ``take``/``skip`` answer: unrecorded doses are ``due``."""

    dose: DoseTime
    status: Literal["taken", "skipped", "due"]
    mg: float | None


class DaySummary(Record):
    date: dt.date
    daily_mg: float | None
    taken_mg: float
    doses: tuple[DayDose, ...]


class DoseRecorded(Record):
    """The answer of ``take`` and ``skip``; its fields are the ``--json`` document.

    ``replaced`` is the status the dose had before ``--replace`` (else None).
    """

    recorded: Recorded
    day: DaySummary
    replaced: DoseStatus | None


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
