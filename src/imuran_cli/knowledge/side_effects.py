"""Side effects, their signs, urgency and timing, and the search tuning (``side_effects.toml``)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from imuran_cli.knowledge._files import load_model

Urgency = Literal["emergency", "urgent", "soon", "info"]
GroupId = Literal["early", "after-first-week", "long-term", "other"]

LEAFLET = "LEAFLET"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SearchTuning(_Frozen):
    """How the symptom search scores and forgives (numbers chosen by the project)."""

    name_weight: float
    synonym_weight: float
    leaflet_sign_weight: float
    sign_weight: float
    min_score: float
    max_matches: int = Field(ge=1)
    typo_factor: float
    prefix_factor: float
    typo_min_length: int
    two_typos_min_length: int
    prefix_min_length: int
    stem_min_length: int
    strong_phrase_share: float = Field(gt=0, le=1)
    max_suggestions: int = Field(ge=1)
    score_decimals: int = Field(ge=0)
    max_query_length: int = Field(ge=1)
    stopwords: list[str]
    equivalents: dict[str, str]
    source: str


class CheckRedirect(_Frozen):
    """Queries naming a vaccine or another medicine: pointed to ``imuran check``."""

    vaccine_words: list[str]
    name_links: list[str]
    name_words: int = Field(ge=0)
    medicine_words: list[str]
    text: str
    leaflet: str
    sources: list[str] = Field(min_length=1)


class TimingData(_Frozen):
    days_per_week: int = Field(ge=1)
    week_text: str
    stopped_text: str
    source: str


class UrgencyLevel(_Frozen):
    """One urgency level: its capitalised label and the advice that goes with it."""

    id: Urgency
    label: str
    needs_doctor: bool
    advice: str
    sources: list[str] = Field(min_length=1)


class Messages(_Frozen):
    no_match: str
    worried: str
    emergency: str
    sources: list[str] = Field(min_length=1)


class Group(_Frozen):
    """A group of side effects of the leaflet (or ``other``), with when they can start."""

    id: GroupId
    name: str
    label: str
    in_leaflet: bool
    starts: str
    from_week: int | None = Field(default=None, ge=1)
    now: str
    before: str | None = None
    resolves_on_stopping: bool | None = None
    sources: list[str] = Field(min_length=1)


class Sign(_Frozen):
    """Something the person may notice; ``lay`` holds everyday words for it (searched only)."""

    sign: str
    lay: list[str] = Field(default_factory=list)
    source: str

    @property
    def from_leaflet(self) -> bool:
        return self.source == LEAFLET


class Effect(_Frozen):
    """One side effect or warning sign."""

    id: str
    name: str
    group: GroupId
    urgency: Urgency
    synonyms: list[str] = Field(default_factory=list)
    signs: list[Sign] = Field(default_factory=list)
    action: str
    note: str | None = None
    starts: str | None = None
    from_week: int | None = Field(default=None, ge=1)
    now: str | None = None
    before: str | None = None
    resolves_on_stopping: bool | None = None
    # False for warning signs that come from MG itself, not from the medicine.
    side_effect: bool = True
    # A command with more on the subject, e.g. "imuran pregnancy".
    see_also: str | None = None
    sources: list[str] = Field(min_length=1)


class SideEffects(_Frozen):
    search: SearchTuning
    check: CheckRedirect
    timing: TimingData
    urgencies: list[UrgencyLevel] = Field(min_length=1)
    messages: Messages
    groups: list[Group] = Field(min_length=1)
    effects: list[Effect] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> SideEffects:
        id_lists: list[tuple[str, list[str]]] = [
            ("urgency", [u.id for u in self.urgencies]),
            ("group", [g.id for g in self.groups]),
            ("effect", [e.id for e in self.effects]),
        ]
        for kind, ids in id_lists:
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise ValueError(f"duplicate {kind} ids: {', '.join(duplicates)}")
        groups = {g.id for g in self.groups}
        urgencies = {u.id for u in self.urgencies}
        for effect in self.effects:
            if effect.group not in groups:
                raise ValueError(f"effect {effect.id}: unknown group {effect.group}")
            if effect.urgency not in urgencies:
                raise ValueError(f"effect {effect.id}: unknown urgency {effect.urgency}")
        return self

    def group(self, group_id: str) -> Group:
        return next(g for g in self.groups if g.id == group_id)

    def urgency(self, urgency_id: str) -> UrgencyLevel:
        return next(u for u in self.urgencies if u.id == urgency_id)


def load_side_effects() -> SideEffects:
    return load_model("side_effects.toml", SideEffects)
