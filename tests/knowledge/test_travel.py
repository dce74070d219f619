"""The travel data file: loads, has the stable checklist ids, and checks its placeholders."""

from __future__ import annotations

import copy
from typing import Any

from imuran_cli.knowledge._check import check_data
from imuran_cli.knowledge._files import read_data
from imuran_cli.knowledge.travel import load_travel

IDS = {
    "prescription",
    "medication-list",
    "medical-alert",
    "notify-clinicians",
    "infections",
    "vaccinations",
    "two-places",
    "refill-abroad",
    "sun-protection",
    "time-zones",
    "blood-test",
}


def test_the_checklist_has_the_stable_ids():
    travel = load_travel()
    assert {item.id for item in travel.items} == IDS
    assert {item.id for item in travel.items if item.when == "abroad"} == {
        "two-places",
        "refill-abroad",
    }
    assert [item.id for item in travel.items if item.when == "blood-test"] == ["blood-test"]


def test_the_numbers_of_the_issue():
    travel = load_travel()
    assert travel.trip.default_spare_days == 3
    assert travel.trip.max_days == 365
    assert (travel.places.home, travel.places.abroad) == (1, 2)
    assert travel.places.source == "LEAFLET"
    long_trip = travel.blood_test.long_trip
    assert (long_trip.min_days, long_trip.every_min_weeks, long_trip.every_max_weeks) == (28, 4, 6)
    assert travel.blood_test.early.weeks == 12
    assert travel.vaccines.weeks_ahead == 6


def test_the_leaflet_comes_first():
    travel = load_travel()
    leaflet = {"prescription", "medication-list", "medical-alert", "notify-clinicians"}
    leaflet |= {"infections", "vaccinations", "two-places", "refill-abroad", "blood-test"}
    for item in travel.items:
        if item.id in leaflet:
            assert item.sources[0] == "LEAFLET", item.id


def _data() -> dict[str, Any]:
    return copy.deepcopy(read_data("travel.toml"))  # a copy: the data is shared


def test_an_unknown_placeholder_is_refused():
    data = _data()
    data["items"][0]["text"] = "Carry {tablets} tablets."
    assert any("unknown placeholder 'tablets'" in p for p in check_data("travel.toml", data))


def test_a_duplicate_id_is_refused():
    data = _data()
    data["items"][1]["id"] = data["items"][0]["id"]
    problems = check_data("travel.toml", data)
    assert any("duplicate checklist ids: prescription" in p for p in problems), problems


def test_unknown_keys_are_refused():
    data = _data()
    data["items"][0]["note"] = "extra"
    assert any("items.0.note" in p for p in check_data("travel.toml", data))
