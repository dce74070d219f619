"""Travel: how many tablets to carry and where, and the packing and safety checklist.

The count is ``ceil((days + spare days) x tablets a day)`` whole tablets per place, computed
exactly in integer pieces (half tablets), so float noise never adds a tablet. Abroad, each
of the separate places holds that full amount, so losing one still covers the whole trip.
"""

import datetime as dt
import math
from typing import Any, Literal

from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import Profile
from imuran_cli.core.regimen import usual_daily_mg
from imuran_cli.core.stock import TripStock
from imuran_cli.core.units import Mg, format_number, is_whole_steps, mg_json, tablet_step_mg
from imuran_cli.knowledge.limits import Limits
from imuran_cli.knowledge.travel import EarlyTreatment, LongTrip, Travel
from imuran_cli.record import Record

DoseFrom = Literal["option", "profile"]
Missing = Literal["daily_mg", "days"]
BloodTestReason = Literal["long_trip", "early_treatment"]

_ADD_DOSE = "your daily dose (--daily-mg, or imuran profile set daily-mg)"
_ADD_WEIGHT = (
    "your daily dose (--daily-mg, or imuran profile set daily-mg) "
    "or your weight (imuran profile set weight)"
)
_ADD_LENGTH = "the trip length (--days N, or --from DATE --to DATE)"


class ChecklistItem(Record):
    """One thing to do or pack; ``source`` is the main one of ``sources``."""

    id: str
    text: str
    source: str
    sources: list[str]


class Supply(Record):
    """Tablets to carry: per place, in how many places, and in all."""

    daily_tablets: float
    tablets_per_place: int
    places: int
    total_tablets: int
    daily_mg: Mg
    tablet_mg: int
    tablets_split: bool
    days_covered: int
    dose_from: DoseFrom

    def __json__(self) -> dict[str, Any]:
        return mg_json(self, "daily_mg")


class TripPlan(Record):
    """The answer of ``imuran travel``; its fields are the ``--json`` contract."""

    abroad: bool
    days: int | None
    spare_days: int
    supply: Supply | None
    checklist: list[ChecklistItem]
    sources: list[str]
    start_date: dt.date | None
    end_date: dt.date | None
    missing: list[Missing]
    count_hint: str | None
    blood_test_reasons: list[BloodTestReason]
    # The tablets in stock against the trip's, when the journal knows the stock.
    stock: TripStock | None = None


def parse_trip_date(value: str | dt.date, option: str) -> dt.date:
    """A date given as ``YYYY-MM-DD`` (or already a date)."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"{option} {value!r} is not a date",
            f"write dates as YYYY-MM-DD, e.g. {option} 2026-12-01",
            code="invalid_date",
        ) from None


def trip_days(
    days: int | None,
    start: dt.date | None,
    end: dt.date | None,
    travel: Travel,
) -> int | None:
    """The trip's length in days (dates count inclusively), checked; None when not given."""
    max_days = travel.trip.max_days
    if days is not None and (start is not None or end is not None):
        raise InputError(
            "--days cannot be combined with --from/--to",
            "give either --days N or --from DATE --to DATE",
            code="conflicting_options",
        )
    if start is not None and end is None:
        raise InputError(
            f"--from {start.isoformat()} needs --to, the last day of the trip",
            "add --to DATE (the last day of the trip), or use --days N instead",
            code="missing_option",
        )
    if end is not None and start is None:
        raise InputError(
            f"--to {end.isoformat()} needs --from, the first day of the trip",
            "add --from DATE (the first day of the trip), or use --days N instead",
            code="missing_option",
        )
    if start is not None and end is not None:
        if end < start:
            raise InputError(
                f"--to {end.isoformat()} is before --from {start.isoformat()}",
                "give the first day with --from and the last day with --to",
                code="dates_reversed",
            )
        length = (end - start).days + 1
        if length > max_days:
            raise InputError(
                f"the trip from {start.isoformat()} to {end.isoformat()} lasts {length} days; "
                f"the longest trip counted is {max_days} days",
                f"a trip can last at most {max_days} days, counting the first and the last; "
                "check --from and --to",
                code="days_out_of_range",
            )
        return length
    if days is not None and not 1 <= days <= max_days:
        raise InputError(
            f"--days {days} is outside 1 to {max_days}",
            f"give the number of days of the trip, from 1 to {max_days}",
            code="days_out_of_range",
        )
    return days


def check_spare_days(spare_days: int | None, travel: Travel) -> int:
    """The spare days to add (the default when not given), checked."""
    trip = travel.trip
    if spare_days is None:
        return trip.default_spare_days
    if not 0 <= spare_days <= trip.max_spare_days:
        raise InputError(
            f"--spare-days {spare_days} is outside 0 to {trip.max_spare_days}",
            f"give 0 or more spare days, at most {trip.max_spare_days} "
            f"(default {trip.default_spare_days})",
            code="spare_days_out_of_range",
        )
    return spare_days


def daily_pieces(
    daily_mg: float, tablet_mg: int, split: bool, limits: Limits, *, dose_from: DoseFrom
) -> tuple[int, int]:
    """Tablets a day as (pieces, pieces per tablet), e.g. (3, 2) for 1½, after checking the dose."""
    amount = format_number(daily_mg)
    if dose_from == "option":
        what, fix = f"--daily-mg {amount}", "give the daily dose your neurologist prescribed"
    else:
        what = f"your profile's daily dose, {amount} mg,"
        fix = "check your profile (imuran profile show), or give the dose with --daily-mg"
    allowed = limits.daily_mg
    if not math.isfinite(daily_mg) or not allowed.contains(daily_mg):
        raise InputError(
            f"{what} is outside {format_number(allowed.min)} to "
            f"{format_number(allowed.max)} mg a day",
            f"{fix}, from {format_number(allowed.min)} to {format_number(allowed.max)} mg",
            code="daily_mg_out_of_range",
        )
    step = tablet_step_mg(tablet_mg, split, limits)
    if not is_whole_steps(daily_mg, step):
        kind = "half or whole" if split else "whole"
        example = format_number(step * max(math.floor(daily_mg / step), 1))
        raise InputError(
            f"{what} cannot be made from {kind} {tablet_mg} mg tablets: "
            f"use a multiple of {format_number(step)} mg",
            f"give a multiple of {format_number(step)} mg, e.g. --daily-mg {example} "
            "(tablet size: imuran profile set tablet-mg)",
            code="daily_mg_not_whole_steps",
        )
    steps = round(daily_mg / step)
    pieces = limits.tablets.pieces_when_split if split else 1
    return steps, pieces


def tablets_for(days: int, pieces_a_day: int, pieces_per_tablet: int) -> int:
    """Whole tablets that cover ``days`` days, rounded up exactly in integers."""
    pieces = days * pieces_a_day
    return -(-pieces // pieces_per_tablet)


def _dose(
    daily_mg: float | None,
    profile: Profile | None,
    limits: Limits,
    max_mg_per_kg: float,
) -> tuple[float, DoseFrom] | None:
    if daily_mg is not None:
        return daily_mg, "option"
    if profile is not None:
        usual = usual_daily_mg(profile, limits, max_mg_per_kg)
        if usual is not None:
            return usual, "profile"
    return None


def _blood_test_reasons(
    days: int | None, trip_start: dt.date, profile: Profile | None, travel: Travel
) -> list[BloodTestReason]:
    reasons: list[BloodTestReason] = []
    if days is not None and days >= travel.blood_test.long_trip.min_days:
        reasons.append("long_trip")
    started_on = profile.prescription.started_on if profile is not None else None
    if started_on is not None and trip_start - started_on < dt.timedelta(
        weeks=travel.blood_test.early.weeks
    ):
        reasons.append("early_treatment")
    return reasons


def _checklist(abroad: bool, reasons: list[BloodTestReason], travel: Travel) -> list[ChecklistItem]:
    items: list[ChecklistItem] = []
    for item in travel.items:
        if item.when == "abroad" and not abroad:
            continue
        text = travel.fill(item.text)
        sources = list(item.sources)
        if item.when == "blood-test":
            if not reasons:
                continue
            for reason in reasons:
                rule: LongTrip | EarlyTreatment = (
                    travel.blood_test.long_trip
                    if reason == "long_trip"
                    else travel.blood_test.early
                )
                text += " " + travel.fill(rule.reason)
                sources.append(rule.source)
        unique = list(dict.fromkeys(sources))
        items.append(ChecklistItem(id=item.id, text=text, source=unique[0], sources=unique))
    return items


def _count_hint(
    dose_known: bool, days_known: bool, profile: Profile | None
) -> tuple[list[Missing], str | None]:
    missing: list[Missing] = []
    parts: list[str] = []
    if not dose_known:
        missing.append("daily_mg")
        needs_weight = (
            profile is not None
            and profile.prescription.mg_per_kg is not None
            and profile.weight is None
        )
        parts.append(_ADD_WEIGHT if needs_weight else _ADD_DOSE)
    if not days_known:
        missing.append("days")
        parts.append(_ADD_LENGTH)
    if not parts:
        return missing, None
    return missing, f"To count your tablets, add {' and '.join(parts)}."


def plan_trip(
    *,
    abroad: bool,
    days: int | None,
    start: str | dt.date | None,
    end: str | dt.date | None,
    spare_days: int | None,
    daily_mg: float | None,
    profile: Profile | None,
    limits: Limits,
    travel: Travel,
    max_mg_per_kg: float,
    today: dt.date,
) -> TripPlan:
    """The supply to carry (when the dose and the length are known) and the checklist.

    ``start``/``end`` are the first and last days (``--from``/``--to``, both count);
    ``today`` stands for the start when only ``--days`` is given. ``daily_mg`` overrides the
    profile's dose; the profile also gives the tablet strength, splitting and start date.
    """
    start_date = parse_trip_date(start, "--from") if start is not None else None
    end_date = parse_trip_date(end, "--to") if end is not None else None
    length = trip_days(days, start_date, end_date, travel)
    spare = check_spare_days(spare_days, travel)

    prescription = profile.prescription if profile is not None else None
    tablet_mg = (
        prescription.tablet_mg if prescription is not None else limits.tablets.default_strength_mg
    )
    # Without a profile: halves only for a strength known to be scored (the profile's default).
    split = (
        prescription.tablets_split
        if prescription is not None
        else limits.tablets.may_halve(tablet_mg)
    )
    dose = _dose(daily_mg, profile, limits, max_mg_per_kg)
    daily: tuple[int, int] | None = None
    if dose is not None:
        daily = daily_pieces(dose[0], tablet_mg, split, limits, dose_from=dose[1])

    supply: Supply | None = None
    if dose is not None and daily is not None and length is not None:
        places = travel.places.abroad if abroad else travel.places.home
        per_place = tablets_for(length + spare, *daily)
        supply = Supply(
            daily_tablets=daily[0] / daily[1],
            tablets_per_place=per_place,
            places=places,
            total_tablets=per_place * places,
            daily_mg=dose[0],
            tablet_mg=tablet_mg,
            tablets_split=split,
            days_covered=length + spare,
            dose_from=dose[1],
        )

    reasons = _blood_test_reasons(length, start_date or today, profile, travel)
    checklist = _checklist(abroad, reasons, travel)
    sources = [source for item in checklist for source in item.sources]
    if supply is not None:
        if abroad:
            sources.append(travel.places.source)
        sources.extend(travel.trip.sources)
    missing, hint = _count_hint(dose is not None, length is not None, profile)
    return TripPlan(
        abroad=abroad,
        days=length,
        spare_days=spare,
        supply=supply,
        checklist=checklist,
        sources=list(dict.fromkeys(sources)),
        start_date=start_date,
        end_date=end_date,
        missing=missing,
        count_hint=hint,
        blood_test_reasons=reasons,
    )
