"""Travel data (``travel.toml``): supply numbers and the packing and safety checklist."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from imuran_cli.knowledge._files import load_model

When = Literal["always", "abroad", "blood-test"]
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Trip(_Frozen):
    """The longest trip counted and the spare days added to the supply."""

    max_days: int = Field(ge=1)
    default_spare_days: int = Field(ge=0)
    max_spare_days: int = Field(ge=0)
    sources: list[str] = Field(min_length=1)


class Places(_Frozen):
    """In how many separate places the supply is carried, at home and abroad."""

    home: int = Field(ge=1)
    abroad: int = Field(ge=1)
    source: str


class LongTrip(_Frozen):
    """A trip this long reaches the next routine blood test."""

    min_days: int = Field(ge=1)
    every_min_weeks: int = Field(ge=1)
    every_max_weeks: int = Field(ge=1)
    reason: str
    source: str


class EarlyTreatment(_Frozen):
    """Blood tests are more frequent in the first weeks of treatment."""

    weeks: int = Field(ge=1)
    reason: str
    source: str


class BloodTest(_Frozen):
    long_trip: LongTrip
    early: EarlyTreatment


class Vaccines(_Frozen):
    weeks_ahead: int = Field(ge=1)
    source: str


class Sun(_Frozen):
    spf: int = Field(ge=1)
    source: str


class TimeZones(_Frozen):
    shift_min_hours: int = Field(ge=1)
    shift_max_hours: int = Field(ge=1)
    source: str


class Item(_Frozen):
    """One checklist item: a stable id, when it applies, its text and its sources."""

    id: str
    when: When
    text: str
    sources: list[str] = Field(min_length=1)


class Travel(_Frozen):
    trip: Trip
    places: Places
    blood_test: BloodTest
    vaccines: Vaccines
    sun: Sun
    time_zones: TimeZones
    items: list[Item] = Field(min_length=1)

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

    @model_validator(mode="after")
    def _consistent(self) -> Travel:
        ids = [item.id for item in self.items]
        duplicates = sorted({item_id for item_id in ids if ids.count(item_id) > 1})
        if duplicates:
            raise ValueError(f"duplicate checklist ids: {', '.join(duplicates)}")
        known = set(self.placeholders())
        templates = [item.text for item in self.items]
        templates += [self.blood_test.long_trip.reason, self.blood_test.early.reason]
        for template in templates:
            names = set(_PLACEHOLDER.findall(template))
            unknown = names - known
            if unknown:
                raise ValueError(f"unknown placeholder {sorted(unknown)[0]!r} in {template!r}")
        long_trip = self.blood_test.long_trip
        if long_trip.every_min_weeks > long_trip.every_max_weeks:
            raise ValueError("blood_test.long_trip.every_min_weeks is above every_max_weeks")
        if self.time_zones.shift_min_hours > self.time_zones.shift_max_hours:
            raise ValueError("time_zones.shift_min_hours is above shift_max_hours")
        return self


def load_travel() -> Travel:
    return load_model("travel.toml", Travel)
