"""The card's three views: what each shows, escaping, width, and a self-contained page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from imuran_cli.core.card import Card, CardMedicine, Finding, build_card
from imuran_cli.core.profile import parse_profile
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.exports import load_exports
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.render.card import (
    medicine_label,
    render_card_html,
    render_card_markdown,
    render_card_text,
)
from tests.html_check import assert_self_contained, read

LIMITS = load_limits()


def card(**extra: Any) -> Card:
    prof = parse_profile(
        {"prescription": {"daily_mg": 150, "schedule": "split"}, **extra},
        LIMITS,
        dt.date(2026, 11, 25),
    )
    return build_card(
        profile=prof,
        limits=LIMITS,
        max_mg_per_kg=load_dosing().typical.max_mg_per_kg,
        texts=load_exports().card,
    )


def finding(severity: str, kind: str = "mg-caution") -> Finding:
    return Finding(kind, "group", severity, "message", "MGFA")


def test_medicine_label_shows_the_most_severe_finding_and_never_info_alone():
    assert medicine_label(CardMedicine("Lisinopril", ())) == "Lisinopril"
    assert (
        medicine_label(
            CardMedicine("Cipro", (finding("caution", "interaction"), finding("urgent")))
        )
        == "Cipro (URGENT: can worsen MG; interacts with azathioprine)"
    )
    assert medicine_label(CardMedicine("prednisolone", (finding("info"),))) == "prednisolone"


def test_text_fits_60_columns_and_says_what_the_issue_asks():
    text = render_card_text(card(genetics={"tpmt": "normal"}), 60)
    assert max(len(line) for line in text.splitlines()) <= 60
    flat = " ".join(text.split())
    for expected in [
        "I have myasthenia gravis (MG).",
        "I take azathioprine (Imuran), 150 mg a day (75 mg at 08:00, 75 mg at 20:00).",
        "TPMT: normal.",
        "Medicines that can worsen MG: ask before any antibiotic, anaesthetic or vaccine.",
        "fluoroquinolones (e.g. ciprofloxacin), aminoglycosides (e.g. gentamicin), "
        "macrolides (e.g. azithromycin)",
        "MG crisis:",
        "For anaesthetists:",
        "Sources: LEAFLET",
    ]:
        assert expected in flat


def test_text_without_contacts_has_no_contact_lines():
    text = render_card_text(card(), 60)
    assert "Neurologist:" not in text and "Emergency contact:" not in text
    assert "NUDT15" not in text and "TPMT" not in text


def test_markdown_escapes_what_the_person_typed():
    text = render_card_markdown(card(person={"name": "Alex *the* <b>"}, medications=["a|b"]))
    assert "**Alex \\*the\\* \\<b\\>**" in text
    assert "a\\|b" in text
    assert text.startswith("# Medical card: myasthenia gravis\n")


def test_html_escapes_text_and_is_self_contained():
    page = render_card_html(
        card(
            person={"name": '<script>alert("x")</script>'},
            medications=['<img src="http://x.test/a.png">'],
            contacts={"emergency_contact": "Sam & Jo"},
        )
    )
    assert_self_contained(page)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "Sam &amp; Jo" in page


def test_html_is_two_card_sized_sides():
    page = render_card_html(card())
    assert "@page { size: 85.6mm 54mm;" in page
    collector = read(page)
    assert collector.tags.count("section") == 2
    assert "MEDICAL ALERT: MYASTHENIA GRAVIS" in "".join(collector.text)


def test_nothing_on_the_card_is_hidden_when_it_is_long():
    page = render_card_html(card(medications=[f"medicine number {n}" for n in range(30)]))
    assert "overflow: hidden" not in page
    assert "medicine number 29" in page
