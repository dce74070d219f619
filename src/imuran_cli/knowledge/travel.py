"""Travel data (``travel.toml``): supply numbers and the packing and safety checklist."""

# No `from __future__ import annotations`: real annotations let `build` resolve the field
# types without compiling strings, which saves start-up time.

import re
from collections.abc import Iterator
from typing import Literal

from imuran_cli.knowledge._files import load_record
from imuran_cli.record import Record

FILE = "travel.toml"

When = Literal["always", "abroad", "blood-test"]
_PLACEHOLDER = r"\{([^{}]*)\}"


class Trip(Record):
    """The longest trip counted and the spare days added to the supply."""

    max_days: int
    default_spare_days: int
    max_spare_days: int
    sources: tuple[str, ...]


class Places(Record):
    """In how many separate places the supply is carried, at home and abroad."""

    home: int
    abroad: int
    source: str


class LongTrip(Record):
    """A trip this long reaches the next routine blood test."""

    min_days: int
    every_min_weeks: int
    every_max_weeks: int
    reason: str
    source: str


class EarlyTreatment(Record):
    """Blood tests are more frequent in the first weeks of treatment."""

    weeks: int
    reason: str
    source: str


class BloodTest(Record):
    long_trip: LongTrip
    early: EarlyTreatment


class Vaccines(Record):
    weeks_ahead: int
    source: str


class Sun(Record):
    spf: int
    source: str


class TimeZones(Record):
    shift_min_hours: int
    shift_max_hours: int
    source: str


class Item(Record):
    """One checklist item: a stable id, when it applies, its text and its sources."""

    id: str
    when: When
    text: str
    sources: tuple[str, ...]


class Travel(Record):
    trip: Trip
    places: Places
    blood_test: BloodTest
    vaccines: Vaccines
    sun: Sun
    time_zones: TimeZones
    items: tuple[Item, ...]

    def placeholders(self) -> dict[str, str]:
        """The numbers that texts may name, by placeholder."""
        long_trip = self.blood_test.long_trip
        return {
            "long_trip_min_days": str(long_trip.min_days),
            "every_min_weeks": str(long_trip.every_min_weeks),
            "every_max_weeks": str(long_trip.every_max_weeks),
            "early_weeks": str(self.blood_test.early.weeks),
            "vaccine_weeks_ahead": str(self.vaccines.weeks_ahead),
            "sun_spf": str(self.sun.spf),
            "shift_min_hours": str(self.time_zones.shift_min_hours),
            "shift_max_hours": str(self.time_zones.shift_max_hours),
        }

    def fill(self, template: str) -> str:
        """``template`` with its ``{placeholders}`` replaced by the numbers of this file."""
        return template.format_map(self.placeholders())


def load_travel() -> Travel:
    return load_record(FILE, Travel)


def problems(travel: Travel) -> Iterator[str]:
    """What the types cannot say: unique ids, known placeholders, numbers in range."""
    ids = [item.id for item in travel.items]
    if not ids:
        yield "there is no checklist item"
    duplicates = sorted({item_id for item_id in ids if ids.count(item_id) > 1})
    if duplicates:
        yield f"duplicate checklist ids: {', '.join(duplicates)}"
    known = set(travel.placeholders())
    templates = [item.text for item in travel.items]
    templates += [travel.blood_test.long_trip.reason, travel.blood_test.early.reason]
    for template in templates:
        unknown = set(re.findall(_PLACEHOLDER, template)) - known
        if unknown:
            yield f"unknown placeholder {sorted(unknown)[0]!r} in {template!r}"
    long_trip = travel.blood_test.long_trip
    if long_trip.every_min_weeks > long_trip.every_max_weeks:
        yield "blood_test.long_trip.every_min_weeks is above every_max_weeks"
    if travel.time_zones.shift_min_hours > travel.time_zones.shift_max_hours:
        yield "time_zones.shift_min_hours is above shift_max_hours"
    at_least_one = {
        "trip.max_days": travel.trip.max_days,
        "places.home": travel.places.home,
        "places.abroad": travel.places.abroad,
        "blood_test.long_trip.min_days": long_trip.min_days,
        "blood_test.long_trip.every_min_weeks": long_trip.every_min_weeks,
        "blood_test.early.weeks": travel.blood_test.early.weeks,
        "vaccines.weeks_ahead": travel.vaccines.weeks_ahead,
        "sun.spf": travel.sun.spf,
        "time_zones.shift_min_hours": travel.time_zones.shift_min_hours,
    }
    for where, value in at_least_one.items():
        if value < 1:
            yield f"{where}: {value} is below 1"
    trip = travel.trip
    if not 0 <= trip.default_spare_days <= trip.max_spare_days:
        yield "trip: not 0 <= default_spare_days <= max_spare_days"
    if not trip.sources or any(not item.sources for item in travel.items):
        yield "trip and every checklist item must name at least one source"
