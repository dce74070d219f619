"""The card's content from the profile: dose line, results, medicines, contacts, errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from imuran_cli.core.card import Card, CardMedicine, Finding, build_card
from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.exports import load_exports
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.knowledge.sources import load_sources

LIMITS = load_limits()
TEXTS = load_exports().card
TODAY = dt.date(2026, 11, 25)


def profile(prescription: dict[str, Any], **extra: Any) -> Profile:
    return parse_profile({"prescription": prescription, **extra}, LIMITS, TODAY)


def card(prof: Profile | None, checks: dict[str, CardMedicine] | None = None) -> Card:
    return build_card(
        profile=prof,
        limits=LIMITS,
        max_mg_per_kg=load_dosing().typical.max_mg_per_kg,
        texts=TEXTS,
        checks=checks,
    )


@pytest.mark.parametrize(
    ("prescription", "extra", "line"),
    [
        (
            {"daily_mg": 150, "schedule": "split"},
            {},
            "I take azathioprine (Imuran), 150 mg a day (75 mg at 08:00, 75 mg at 20:00).",
        ),
        (
            {"daily_mg": 100},
            {"dose_times": {"morning": "07:30"}},
            "I take azathioprine (Imuran), 100 mg a day (at 07:30).",
        ),
        (
            {"mg_per_kg": 2},
            {"weight": {"value": 60}},
            "I take azathioprine (Imuran), 125 mg a day (at 08:00).",
        ),
        (
            {},
            {},
            "I take azathioprine (Imuran), at the dose my neurologist prescribed.",
        ),
        (
            {"daily_mg": 100, "started_on": "2025-01-01", "stopped_on": "2026-06-30"},
            {},
            "I stopped taking azathioprine (Imuran) on 2026-06-30.",
        ),
    ],
)
def test_the_azathioprine_line(prescription, extra, line):
    assert card(profile(prescription, **extra)).azathioprine.text == line


def test_the_fixed_lines_come_from_the_knowledge_with_sources():
    result = card(profile({"daily_mg": 100}))
    assert result.mg.text == "I have myasthenia gravis (MG)."
    assert result.worsen_mg.text.startswith("Medicines that can worsen MG: ask before any")
    assert len(result.worsen_mg_classes) == 3
    assert "muscle relaxants" in result.anaesthesia.text
    assert "emergency services" in result.crisis.text
    assert set(result.sources) <= load_sources().ids()
    assert {"LEAFLET", "MGFA-CRISIS", "MGFA"} <= set(result.sources)


@pytest.mark.parametrize(
    ("genetics", "tpmt", "nudt15"),
    [
        ({}, None, None),
        ({"tpmt": "normal"}, "normal", None),
        ({"tpmt": "possible-intermediate", "nudt15": "poor"}, "possible intermediate", "poor"),
        ({"nudt15": "indeterminate"}, None, "indeterminate"),
    ],
)
def test_results_only_when_known(genetics, tpmt, nudt15):
    result = card(profile({"daily_mg": 100}, genetics=genetics))
    assert (result.tpmt, result.nudt15) == (tpmt, nudt15)


def test_medicines_as_typed_with_their_findings():
    finding = Finding("mg-caution", "fluoroquinolones", "urgent", "Can worsen MG.", "MGFA")
    result = card(
        profile({"daily_mg": 100}, medications=["Lisinopril 10 mg", "Cipro"]),
        checks={"Cipro": CardMedicine("Cipro", (finding,), known=True)},
    )
    assert [(m.name, m.findings, m.known) for m in result.medicines] == [
        ("Lisinopril 10 mg", (), None),
        ("Cipro", (finding,), True),
    ]
    assert "MGFA" in result.sources


def test_contacts_and_name_from_the_profile():
    result = card(
        profile(
            {"daily_mg": 100},
            person={"name": "Alex"},
            contacts={
                "neurologist": "Dr R",
                "neurologist_phone": "123",
                "emergency_contact": "Sam",
            },
        )
    )
    assert (result.name, result.neurologist, result.neurologist_phone) == ("Alex", "Dr R", "123")
    assert result.emergency_contact == "Sam"
    bare = card(profile({"daily_mg": 100}))
    assert (bare.name, bare.neurologist, bare.emergency_contact) == (None, None, None)


def test_no_profile_is_bad_input():
    with pytest.raises(InputError) as info:
        card(None)
    assert info.value.code == "no_profile"
