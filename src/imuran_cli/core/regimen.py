"""The person's usual daily dose and how it is split over the day.

Shared by ``dose``, ``missed`` and ``travel``: one place decides what "your dose" is.
All amounts are in mg; a *step* is the smallest amount that can be taken (half a tablet
when tablets may be split, else a whole tablet).
"""

import math

from imuran_cli.core.profile import DoseTime, Profile, Schedule
from imuran_cli.core.units import tablet_step_mg
from imuran_cli.knowledge.limits import Limits
from imuran_cli.record import Record

# Rounding to the nearest step: a value exactly half-way rounds down (never up past a limit).
_HALF_WAY = 0.5


def steps_in(mg: float, step_mg: float) -> float:
    return mg / step_mg


def round_to_step(mg: float, step_mg: float) -> float:
    """Nearest whole number of steps; an exact half-way value rounds down."""
    exact = steps_in(mg, step_mg)
    lower = math.floor(exact)
    fraction = exact - lower
    if math.isclose(fraction, _HALF_WAY) or fraction < _HALF_WAY:
        return lower * step_mg
    return (lower + 1) * step_mg


def floor_to_step(mg: float, step_mg: float) -> float:
    """Whole steps at or below ``mg`` (tolerant of float noise such as 149.99999)."""
    exact = steps_in(mg, step_mg)
    nearest = round(exact)
    if math.isclose(exact, nearest):
        return nearest * step_mg
    return math.floor(exact) * step_mg


def ceil_to_step(mg: float, step_mg: float) -> float:
    """Whole steps at or above ``mg`` (tolerant of float noise such as 150.00001)."""
    exact = steps_in(mg, step_mg)
    nearest = round(exact)
    if math.isclose(exact, nearest):
        return nearest * step_mg
    return math.ceil(exact) * step_mg


def target_daily_mg(
    weight_kg: float, mg_per_kg: float, max_mg_per_kg: float, step_mg: float
) -> float | None:
    """Weight x target, rounded to the nearest step, never above weight x the maximum.

    None when the result would be less than one step.
    """
    dose = round_to_step(weight_kg * mg_per_kg, step_mg)
    ceiling = floor_to_step(weight_kg * max_mg_per_kg, step_mg)
    dose = min(dose, ceiling)
    return dose if dose >= step_mg else None


def profile_step_mg(profile: Profile, limits: Limits) -> float:
    prescription = profile.prescription
    return tablet_step_mg(prescription.tablet_mg, prescription.tablets_split, limits)


def usual_daily_mg(profile: Profile, limits: Limits, max_mg_per_kg: float) -> float | None:
    """The profile's daily dose: the prescribed mg, else its mg/kg target with its weight.

    None when the profile knows neither (or has a target but no weight).
    """
    prescription = profile.prescription
    if prescription.daily_mg is not None:
        return prescription.daily_mg
    if prescription.mg_per_kg is not None and profile.weight is not None:
        return target_daily_mg(
            profile.weight.kg(limits),
            prescription.mg_per_kg,
            max_mg_per_kg,
            profile_step_mg(profile, limits),
        )
    return None


class DosePart(Record):
    """One dose of the day: when, and how much."""

    time: DoseTime
    mg: float


def split_doses(
    daily_mg: float, schedule: Schedule, step_mg: float, limits: Limits
) -> list[DosePart]:
    """The doses of one day.

    ``once``: everything in the morning. ``split``: half in the morning and half later,
    each a whole number of steps, the morning part the larger when they differ; a dose of
    a single step stays in the morning.
    """
    if schedule == "once":
        return [DosePart("morning", daily_mg)]
    total_steps = round(steps_in(daily_mg, step_mg))
    morning_steps = math.ceil(total_steps / limits.schedule.doses_when_split)
    later_steps = total_steps - morning_steps
    parts = [DosePart("morning", morning_steps * step_mg)]
    if later_steps > 0:
        parts.append(DosePart("later", later_steps * step_mg))
    return parts


def tablets(mg: float, tablet_mg: float) -> float:
    """Amount in tablets (3.0, 1.5)."""
    return mg / tablet_mg
