"""A full report for render and browser tests: a fixed profile, six months of made-up data.

Built through the real core functions (``build_report``, ``build_status``, the labs rules)
from inputs shaped as the journal's results, so that every section has content.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from imuran_cli.core.adl import AdlItems, AdlScore
from imuran_cli.core.card import CardMedicine, from_check
from imuran_cli.core.lab_due import next_test_due
from imuran_cli.core.labs import LabTest
from imuran_cli.core.medicines import LiveVaccineDates, MedicineIndex, check_medicine
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.core.report import (
    AdlRecord,
    DoseTaken,
    MonthAdherence,
    Report,
    ReportInputs,
    build_report,
    month_windows,
)
from imuran_cli.core.status import StatusInputs, build_status
from imuran_cli.knowledge.adl import load_adl
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.labs import Labs, load_labs
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.knowledge.medicines import load_medicines
from imuran_cli.knowledge.status import load_status

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
SINCE = dt.date(2026, 5, 25)
LIMITS = load_limits()
LABS: Labs = load_labs()
ITEMS = (
    "talking",
    "chewing",
    "swallowing",
    "breathing",
    "hygiene",
    "chair",
    "double_vision",
    "eyelids",
)

PROFILE_DATA = {
    "medications": ["Lisinopril 10 mg", "ciprofloxacin"],
    "weight": {"value": 70},
    "prescription": {"daily_mg": 150, "schedule": "split", "started_on": dt.date(2026, 3, 1)},
    "genetics": {"tpmt": "normal"},
    "person": {"name": "Alex Example"},
    "contacts": {"neurologist": "Dr Rivera", "emergency_contact": "Sam Example"},
}

LAB_TESTS = (
    LabTest(
        dt.date(2026, 6, 10),
        {
            "wbc": 6.2,
            "neutrophils": 3.9,
            "platelets": 250,
            "hemoglobin": 13.8,
            "mcv": 91,
            "alt": 24,
        },
    ),
    LabTest(
        dt.date(2026, 7, 20),
        {
            "wbc": 5.4,
            "neutrophils": 3.3,
            "platelets": 236,
            "hemoglobin": 13.5,
            "mcv": 93,
            "alt": 31,
        },
    ),
    LabTest(
        dt.date(2026, 9, 1),
        {
            "wbc": 4.6,
            "neutrophils": 2.8,
            "platelets": 221,
            "hemoglobin": 13.6,
            "mcv": 95,
            "alt": 118,
        },
    ),
    LabTest(
        dt.date(2026, 10, 14),
        {
            "wbc": 3.3,
            "neutrophils": 2.1,
            "platelets": 205,
            "hemoglobin": 13.1,
            "mcv": 97,
            "alt": 64,
        },
    ),
)

ADL = (
    AdlRecord(dt.date(2026, 6, 1), 9, tuple(zip(ITEMS, (2, 1, 1, 1, 1, 1, 1, 1), strict=True))),
    AdlRecord(dt.date(2026, 8, 3), 7, tuple(zip(ITEMS, (1, 1, 1, 1, 1, 1, 0, 1), strict=True))),
    AdlRecord(dt.date(2026, 10, 5), 6, tuple(zip(ITEMS, (1, 1, 0, 1, 1, 1, 0, 1), strict=True))),
    AdlRecord(dt.date(2026, 11, 20), 4, tuple(zip(ITEMS, (1, 0, 0, 0, 1, 1, 0, 1), strict=True))),
)


def adl_scores() -> tuple[AdlScore, ...]:
    """The scores of ``ADL`` as the journal holds them."""
    return tuple(
        AdlScore(index, record.date, AdlItems(**dict(record.items)), NOW)
        for index, record in enumerate(ADL)
    )


def profile() -> Profile:
    return parse_profile(PROFILE_DATA, LIMITS, NOW.date())


def adherence() -> tuple[MonthAdherence, ...]:
    months = []
    for index, (first, last) in enumerate(month_windows(SINCE, NOW.date())):
        days = (last - first).days + 1
        expected = 2 * days if last < NOW.date() else 2 * (days - 1)
        missing = index % 3
        skipped = 1 if index == 2 else 0
        taken = expected - missing - skipped
        months.append(
            MonthAdherence(
                first.strftime("%Y-%m"),
                first,
                last,
                expected,
                taken,
                skipped,
                missing,
                round(100 * taken / expected, 1),
            )
        )
    return tuple(months)


def doses() -> tuple[DoseTaken, ...]:
    return tuple(
        DoseTaken(
            day,
            dose,
            75.0,
            dt.datetime.combine(day, dt.time(8 if dose == "morning" else 20), dt.UTC),
        )
        for day in (dt.date(2026, 11, 22), dt.date(2026, 11, 23), dt.date(2026, 11, 24))
        for dose in ("morning", "later")
    )


def inputs(prof: Profile) -> ReportInputs:
    due = next_test_due(prof, LAB_TESTS[-1].date, NOW.date(), LABS)
    status = build_status(
        NOW, prof, load_status(), StatusInputs(journal=True, labs_due=cast(Any, due)), None
    )
    return ReportInputs(
        journal=True,
        adherence=adherence(),
        doses_taken=doses(),
        adl_scores=adl_scores(),
        adl_scale=load_adl(),
        lab_tests=LAB_TESTS,
        status=status,
        medicines=medicine_checks(prof),
    )


def medicine_checks(prof: Profile) -> dict[str, CardMedicine]:
    """What ``imuran check`` says of the profile's medicines (as the command reads it)."""
    medicines = load_medicines()
    index = MedicineIndex(medicines)
    dates = LiveVaccineDates(today=NOW.date())
    return {
        name: from_check(name, check_medicine(name, medicines, index, dates))
        for name in prof.medications
    }


def full_report(profile_key: str = "/home/alex/.config/imuran/profile.toml") -> Report:
    prof = profile()
    return build_report(
        profile=prof,
        limits=LIMITS,
        max_mg_per_kg=load_dosing().typical.max_mg_per_kg,
        labs=LABS,
        since=SINCE,
        now=NOW,
        profile_key=profile_key,
        inputs=inputs(prof),
    )
