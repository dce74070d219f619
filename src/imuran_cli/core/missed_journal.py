"""``missed`` with the journal: the check against taking a dose twice, and the answer
without ``--when`` (the most recent dose with no record).

- With ``--when``: the leaflet's answer (``plan_missed``), unless the journal shows that
  dose as taken: then ``already-taken``, and nothing more to take.
- Without ``--when``: the doses of the last days whose usual time has passed and that have
  no record (``missing``, newest first); the answer is the leaflet's for the newest one
  (today: ``take-today``, an earlier day: ``skip``), or ``none``. Without a journal, or
  with an empty one, there is nothing to go on: ``no_journal`` (exit 2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from imuran_cli.core.doses import DoseRecord, Regimen, unrecorded_doses
from imuran_cli.core.errors import InputError
from imuran_cli.core.missed import (
    Advice,
    DoseSlot,
    MissedResult,
    MissingDose,
    NextDose,
    plan_missed,
)
from imuran_cli.core.missed import (
    _check_profile_dates as check_profile_dates,
)
from imuran_cli.core.profile import Profile
from imuran_cli.core.regimen import tablets
from imuran_cli.core.units import format_number
from imuran_cli.knowledge.journal import JournalRules
from imuran_cli.knowledge.limits import Limits
from imuran_cli.knowledge.missed import MissedRules

_ONE_DAY = dt.timedelta(days=1)


def no_journal_error() -> InputError:
    return InputError(
        "your journal has no record yet, so imuran cannot tell which dose was missed",
        'say which dose: imuran missed --when yesterday (or today, "N days ago", a date)',
        code="no_journal",
    )


def answer_missed(
    when_text: str | None,
    dose_text: str | None,
    now: dt.datetime,
    profile: Profile | None,
    limits: Limits,
    max_mg_per_kg: float,
    rules: MissedRules,
    journal_rules: JournalRules,
    regimen: Regimen,
    records: Sequence[DoseRecord] | None,
) -> MissedResult:
    """The answer of ``missed``; ``records`` are the journal's current dose records of the
    days concerned, or None when there is no journal or no record at all."""
    if when_text is not None:
        result = plan_missed(when_text, dose_text, now, profile, limits, max_mg_per_kg, rules)
        taken = next(
            (
                record
                for record in records or ()
                if (record.date, record.dose) == (result.missed_on, result.dose)
                and record.status == "taken"
            ),
            None,
        )
        return result if taken is None else _already_taken(result, taken, rules, journal_rules)
    if records is None:
        raise no_journal_error()
    lookback = journal_rules.missed.lookback_days
    # The profile's own checks (a stop date) come first, as with --when.
    today = now.date()
    check_profile_dates(today, profile)
    found = unrecorded_doses(records, regimen, now, lookback)
    missing = [
        MissingDose(date=item.date, dose=item.dose, decision=item.decision) for item in found
    ]
    if found:
        newest = found[0]
        result = plan_missed(
            newest.date.isoformat(), newest.dose, now, profile, limits, max_mg_per_kg, rules
        )
        return result._replace(missing=missing)
    return _nothing_missed(now, today, regimen, profile, journal_rules, lookback)


def _already_taken(
    result: MissedResult, taken: DoseRecord, rules: MissedRules, journal_rules: JournalRules
) -> MissedResult:
    answer = journal_rules.already_taken
    recorded = taken.recorded_at.strftime("%Y-%m-%d at %H:%M")
    total = (
        f"your usual {format_number(result.daily_mg)} mg"
        if result.daily_mg is not None
        else "your usual daily dose"
    )
    advice = [
        Advice(text=answer.reason, source=answer.source),
        Advice(text=rules.never_double.text.format(total=total), source=rules.never_double.source),
    ]
    return result._replace(
        decision="already-taken",
        take_now=None,
        headline=answer.headline.format(recorded=f"recorded {recorded}"),
        reason=answer.reason,
        advice=advice,
        sources=list(dict.fromkeys(item.source for item in advice)),
        sources_note="",
        recorded_at=taken.recorded_at.isoformat(),
    )


def _nothing_missed(
    now: dt.datetime,
    today: dt.date,
    regimen: Regimen,
    profile: Profile | None,
    journal_rules: JournalRules,
    lookback: int,
) -> MissedResult:
    answer = journal_rules.nothing_missed
    local_now = now.replace(tzinfo=None)
    slot_day, slot_time = next(
        (day, dose)
        for day in (today, today + _ONE_DAY)
        for dose, _ in regimen.doses
        if dt.datetime.combine(day, regimen.time_of(dose)) > local_now
    )
    mg = regimen.mg_of(slot_time)
    next_dose = (
        NextDose(date=slot_day, time=slot_time, mg=mg, tablets=tablets(mg, regimen.tablet_mg))
        if mg is not None
        else None
    )
    return MissedResult(
        today=today,
        missed_on=None,
        dose=None,
        decision="none",
        double_dose=False,
        take_now=None,
        next_dose=next_dose,
        advice=[Advice(text=answer.reason, source=answer.source)],
        sources=[answer.source],
        headline=answer.headline.format(days=lookback),
        reason=answer.reason,
        sources_note="",
        days_ago=None,
        schedule=profile.prescription.schedule if profile is not None else "once",
        daily_mg=regimen.daily_mg,
        next_regular=DoseSlot(
            date=slot_day, time=slot_time, at=regimen.time_of(slot_time).strftime("%H:%M")
        ),
        missing=[],
        recorded_at=None,
        late=False,
        cautions=[],
    )
