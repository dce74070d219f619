"""`imuran dose` sees every name `imuran check` knows: each interaction with azathioprine
(Part A, rows 7 and 8 included) is a dose warning; MG cautions are not."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from imuran_cli.core.dose import DoseOptions, DoseResult, plan_dose
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.knowledge.medicines import load_medicines

LIMITS = load_limits()
DOSING = load_dosing()
MEDICINES = load_medicines()
TODAY = dt.date(2026, 11, 25)


def plan(medications: list[str], stopped_on: str | None = None, **options: str) -> DoseResult:
    prescription: dict[str, Any] = {}
    if stopped_on is not None:
        prescription = {"started_on": "2025-01-01", "stopped_on": stopped_on}
    data: dict[str, Any] = {
        "schema_version": 2,
        "prescription": prescription,
        "genetics": {"tpmt": "normal", "nudt15": "normal"},
        "medications": medications,
    }
    profile: Profile = parse_profile(data, LIMITS, TODAY)
    return plan_dose(DoseOptions(weight="70", **options), profile, LIMITS, DOSING, MEDICINES)


def medicine_warnings(result: DoseResult) -> list[tuple[str | None, str, str]]:
    return [(w.medicine, w.code, w.severity) for w in result.warnings if w.medicine is not None]


@pytest.mark.parametrize(
    ("entry", "severity"),
    [
        ("ribavirin", "urgent"),  # issue 13, item 10
        ("Rebetol 200 mg", "urgent"),
        ("penicillamine", "urgent"),  # row 7a
        ("cyclophosphamide", "urgent"),
        ("Tagamet", "caution"),
        ("methotrexate 2.5 mg", "caution"),
        ("clozapine", "caution"),
        ("Zostavax", "urgent"),  # row 7b
        ("yellow fever vaccine", "urgent"),
        ("flu jab", "caution"),  # may be live
        ("rocuronium", "caution"),  # row 8
        ("Anectine", "caution"),
        ("Septra DS", "caution"),
        ("Coumadin 5 mg", "caution"),
    ],
)
def test_every_interaction_is_a_dose_warning(entry, severity):
    assert medicine_warnings(plan([entry])) == [(entry, "interaction", severity)]


@pytest.mark.parametrize(
    "entry",
    [
        "ciprofloxacin",
        "atorvastatin 20 mg",
        "Botox",
        "prednisolone",
        "timolol eye drops",
        "magnesium sulfate",
        "Shingrix",  # not live: no dose warning
        "paracetamol",
        "nystatin",
    ],
)
def test_mg_cautions_and_non_live_vaccines_stay_out_of_dose(entry):
    assert medicine_warnings(plan([entry])) == []


def test_the_profile_of_issue_12_now_warns():
    result = plan(["ciprofloxacin", "atorvastatin", "methotrexate", "Zostavax"])
    assert medicine_warnings(result) == [
        ("Zostavax", "interaction", "urgent"),
        ("methotrexate", "interaction", "caution"),
    ]


def test_existing_codes_are_kept():
    result = plan(["Zyloprim", "Adenuric"])
    assert [(w.code, w.medicine) for w in result.warnings if w.medicine] == [
        ("xanthine-oxidase-inhibitor", "Zyloprim"),
        ("febuxostat", "Adenuric"),
    ]


def test_a_combination_warns_for_its_interacting_part_only():
    # Lotrel: benazepril (ACE inhibitor, Part A) and amlodipine (an MG caution).
    (warning,) = [w for w in plan(["Lotrel 5/20"]).warnings if w.medicine]
    assert warning.message.startswith("Lotrel (benazepril) is an ACE inhibitor")


def test_penicillamine_warns_once_in_dose():
    # Part A row 7a and Part B row 10: only the interaction is a dose warning.
    assert len(medicine_warnings(plan(["penicillamine"]))) == 1


def test_live_vaccine_warning_gives_the_date_after_stopping():
    (warning,) = [w for w in plan(["Zostavax"], stopped_on="2026-10-31").warnings if w.medicine]
    assert "until at least 2027-01-31" in warning.message


def test_every_basis_keeps_the_warnings():
    for options in [{}, {"daily_mg": "150"}, {"mg_per_kg": "2"}]:
        result = plan(["ribavirin", "rocuronium"], **options)
        assert [c for _, c, _ in medicine_warnings(result)] == ["interaction", "interaction"]


def test_interactions_never_change_the_range_unless_dosing_says_so():
    plain = plan([])
    result = plan(["methotrexate", "Zostavax", "rocuronium"])
    assert (result.mg_per_kg, result.daily_mg) == (plain.mg_per_kg, plain.daily_mg)
