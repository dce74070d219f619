"""The MG-ADL scale (``adl.toml``): its items, their four grades, the threshold of a
meaningful improvement and the grade that calls for the emergency line."""

# No `from __future__ import annotations`: real annotations let `build` resolve the field
# types without compiling strings, which saves start-up time.

from imuran_cli.knowledge._data import build
from imuran_cli.knowledge._files import read_data
from imuran_cli.record import Record


class Scale(Record):
    """The name of the scale and the range of each item's grade."""

    name: str
    min_grade: int
    max_grade: int
    source: str


class Meaningful(Record):
    """A fall of ``points`` or more from the first score is a meaningful improvement."""

    points: int
    text: str
    source: str


class Emergency(Record):
    """A grade of ``grade`` on one of ``items`` repeats the side-effect ``effect``'s
    emergency line."""

    items: tuple[str, ...]
    grade: int
    effect: str
    source: str


class Item(Record):
    """One item: its key (journal and JSON), the question, and its grades from 0 up."""

    key: str
    question: str
    grades: tuple[str, ...]
    source: str


class AdlScale(Record):
    scale: Scale
    meaningful: Meaningful
    emergency: Emergency
    items: tuple[Item, ...]

    def item(self, key: str) -> Item:
        return next(item for item in self.items if item.key == key)


def load_adl() -> AdlScale:
    return build(AdlScale, read_data("adl.toml"))


class EmergencyLine(Record):
    """The emergency line of a side effect, as ``imuran side-effects`` shows it."""

    label: str
    name: str
    action: str
    sources: tuple[str, ...]


def load_emergency_line(effect_id: str) -> EmergencyLine:
    """The side-effect data's line for ``effect_id`` (read as data: its urgency's label,
    its name, its action and its sources)."""
    data = read_data("side_effects.toml")
    effect = next(item for item in data["effects"] if item["id"] == effect_id)
    urgency = next(item for item in data["urgencies"] if item["id"] == effect["urgency"])
    return EmergencyLine(
        label=urgency["label"],
        name=effect["name"],
        action=effect["action"],
        sources=tuple(effect["sources"]),
    )
