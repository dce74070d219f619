"""exports.toml: valid against its dataclasses, numbers in range, every source known."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from pydantic import TypeAdapter

from imuran_cli.knowledge.exports import Exports, load_exports
from imuran_cli.knowledge.sources import load_sources


def raw() -> dict[str, Any]:
    text = resources.files("imuran_cli.knowledge").joinpath("exports.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_the_file_validates_and_builds_the_same_records():
    assert TypeAdapter(Exports).validate_python(raw()) == load_exports()


def test_calendar_numbers_are_consistent():
    calendar = load_exports().calendar
    assert 1 <= calendar.min_months <= calendar.default_months <= calendar.max_months
    assert calendar.dose_minutes > 0
    assert calendar.blood_test_alarm_days >= 0


def test_report_default_is_positive():
    assert load_exports().report.default_since_months >= 1


def test_every_source_exists():
    known = load_sources().ids()
    exports = load_exports()
    card = exports.card
    cited = [
        *exports.calendar.sources,
        *exports.report.sources,
        card.mg.source,
        card.azathioprine.source,
        card.tell.source,
        *card.worsen_mg.sources,
        *card.live_vaccines.sources,
        *card.anaesthesia.sources,
        *card.crisis.sources,
    ]
    assert set(cited) <= known


def test_the_card_names_three_classes_and_a_dose_placeholder():
    card = load_exports().card
    assert len(card.worsen_mg.classes) == 3
    assert "{dose}" in card.azathioprine.text


def test_the_classes_named_on_the_card_are_mg_warnings_of_imuran_check():
    """Each class on the card, through its example, is an MG warning of `imuran check`."""
    import datetime as dt
    import re

    from imuran_cli.core.medicines import LiveVaccineDates, MedicineIndex, check_medicine
    from imuran_cli.knowledge.medicines import load_medicines

    medicines = load_medicines()
    index = MedicineIndex(medicines)
    for named in load_exports().card.worsen_mg.classes:
        group, example = re.fullmatch(r"(\w+) \(e\.g\. (\w+)\)", named).groups()  # type: ignore[union-attr]
        check = check_medicine(
            example, medicines, index, LiveVaccineDates(today=dt.date(2026, 1, 1))
        )
        assert (group, "mg-caution") in {(f.group, f.kind) for f in check.findings}, named
