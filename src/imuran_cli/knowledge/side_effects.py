"""Side effects, their signs, urgency and timing, and the search tuning (``side_effects.toml``)."""

# No `from __future__ import annotations`: real annotations let `build` resolve the field
# types without compiling strings, which saves start-up time.

from collections.abc import Iterator
from typing import Literal

from imuran_cli.knowledge._files import load_record
from imuran_cli.record import Record

FILE = "side_effects.toml"

Urgency = Literal["emergency", "urgent", "soon", "info"]
GroupId = Literal["early", "after-first-week", "long-term", "other"]

LEAFLET = "LEAFLET"


class SearchTuning(Record):
    """How the symptom search scores and forgives (numbers chosen by the project)."""

    name_weight: float
    synonym_weight: float
    leaflet_sign_weight: float
    sign_weight: float
    min_score: float
    max_matches: int
    typo_factor: float
    prefix_factor: float
    typo_min_length: int
    two_typos_min_length: int
    prefix_min_length: int
    stem_min_length: int
    strong_phrase_share: float
    max_suggestions: int
    score_decimals: int
    max_query_length: int
    stopwords: tuple[str, ...]
    equivalents: dict[str, str]
    source: str


class CheckRedirect(Record):
    """Queries naming a vaccine or another medicine: pointed to ``imuran check``."""

    vaccine_words: tuple[str, ...]
    name_links: tuple[str, ...]
    name_words: int
    medicine_words: tuple[str, ...]
    text: str
    leaflet: str
    sources: tuple[str, ...]


class TimingData(Record):
    days_per_week: int
    week_text: str
    stopped_text: str
    source: str


class UrgencyLevel(Record):
    """One urgency level: its capitalised label and the advice that goes with it."""

    id: Urgency
    label: str
    needs_doctor: bool
    advice: str
    sources: tuple[str, ...]


class Messages(Record):
    no_match: str
    worried: str
    emergency: str
    sources: tuple[str, ...]


class Group(Record):
    """A group of side effects of the leaflet (or ``other``), with when they can start."""

    id: GroupId
    name: str
    label: str
    in_leaflet: bool
    starts: str
    now: str
    sources: tuple[str, ...]
    from_week: int | None = None
    before: str | None = None
    resolves_on_stopping: bool | None = None


class Sign(Record):
    """Something the person may notice; ``lay`` holds everyday words for it (searched only)."""

    sign: str
    source: str
    lay: tuple[str, ...] = ()

    @property
    def from_leaflet(self) -> bool:
        return self.source == LEAFLET


class Effect(Record):
    """One side effect or warning sign."""

    id: str
    name: str
    group: GroupId
    urgency: Urgency
    action: str
    sources: tuple[str, ...]
    synonyms: tuple[str, ...] = ()
    signs: tuple[Sign, ...] = ()
    note: str | None = None
    starts: str | None = None
    from_week: int | None = None
    now: str | None = None
    before: str | None = None
    resolves_on_stopping: bool | None = None
    # False for warning signs that come from MG itself, not from the medicine.
    side_effect: bool = True
    # A command with more on the subject, e.g. "imuran pregnancy".
    see_also: str | None = None


class SideEffects(Record):
    search: SearchTuning
    check: CheckRedirect
    timing: TimingData
    urgencies: tuple[UrgencyLevel, ...]
    messages: Messages
    groups: tuple[Group, ...]
    effects: tuple[Effect, ...]

    def group(self, group_id: str) -> Group:
        return next(g for g in self.groups if g.id == group_id)

    def urgency(self, urgency_id: str) -> UrgencyLevel:
        return next(u for u in self.urgencies if u.id == urgency_id)


def load_side_effects() -> SideEffects:
    return load_record(FILE, SideEffects)


def _at_least(where: str, value: float | None, low: float) -> Iterator[str]:
    if value is not None and value < low:
        yield f"{where}: {value} is below {low}"


def problems(data: SideEffects) -> Iterator[str]:
    """What the types cannot say: unique ids, known groups and urgencies, sane tuning."""
    id_lists: list[tuple[str, list[str]]] = [
        ("urgency", [u.id for u in data.urgencies]),
        ("group", [g.id for g in data.groups]),
        ("effect", [e.id for e in data.effects]),
    ]
    for kind, ids in id_lists:
        if not ids:
            yield f"there is no {kind}"
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            yield f"duplicate {kind} ids: {', '.join(duplicates)}"
    groups = {g.id for g in data.groups}
    urgencies = {u.id for u in data.urgencies}
    for effect in data.effects:
        if effect.group not in groups:
            yield f"effect {effect.id}: unknown group {effect.group}"
        if effect.urgency not in urgencies:
            yield f"effect {effect.id}: unknown urgency {effect.urgency}"
        yield from _at_least(f"effect {effect.id}: from_week", effect.from_week, 1)
        if not effect.sources:
            yield f"effect {effect.id}: sources is empty"
    for group in data.groups:
        yield from _at_least(f"group {group.id}: from_week", group.from_week, 1)
        if not group.sources:
            yield f"group {group.id}: sources is empty"
    for level in data.urgencies:
        if not level.sources:
            yield f"urgency {level.id}: sources is empty"
    search = data.search
    for name in ("max_matches", "max_suggestions", "max_query_length"):
        yield from _at_least(f"search.{name}", getattr(search, name), 1)
    yield from _at_least("search.score_decimals", search.score_decimals, 0)
    if not 0 < search.strong_phrase_share <= 1:
        yield "search.strong_phrase_share: not above 0 and at most 1"
    yield from _at_least("check.name_words", data.check.name_words, 0)
    yield from _at_least("timing.days_per_week", data.timing.days_per_week, 1)
    if not data.messages.sources or not data.check.sources:
        yield "messages.sources and check.sources must name at least one source"
