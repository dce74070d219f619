"""MG-ADL scores: checking the grades, the change from the first to the latest score, and
the emergency line for the most severe grade of breathing or swallowing.

The scale itself (items, grades, the threshold) is knowledge data, passed in.
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from imuran_cli.core.errors import InputError
from imuran_cli.knowledge.adl import AdlScale, EmergencyLine
from imuran_cli.record import Record

# The items, in the order of the scale; the keys of the journal and of --json.
ADL_ITEMS: tuple[str, ...] = (
    "talking",
    "chewing",
    "swallowing",
    "breathing",
    "hygiene",
    "chair",
    "double_vision",
    "eyelids",
)


def option_name(key: str) -> str:
    """``double_vision`` -> ``--double-vision``."""
    return "--" + key.replace("_", "-")


class AdlItems(Record):
    """The grade of each item."""

    talking: int
    chewing: int
    swallowing: int
    breathing: int
    hygiene: int
    chair: int
    double_vision: int
    eyelids: int

    @property
    def total(self) -> int:
        return sum(self._asdict().values())

    def grade(self, key: str) -> int:
        return int(getattr(self, key))


class AdlScore(Record):
    """One score in the journal (one per day)."""

    entry_id: int
    date: dt.date
    items: AdlItems
    recorded_at: dt.datetime


class NewScore(Record):
    date: dt.date
    items: AdlItems
    recorded_at: dt.datetime


class ScoreView(Record):
    """A score as shown: its day, total and items."""

    date: dt.date
    total: int
    items: AdlItems


class AdlChange(Record):
    """From the first to the latest score; ``points`` negative when better."""

    from_date: dt.date
    to_date: dt.date
    points: int
    meaningful: bool


class AdlEmergency(Record):
    """The emergency line, and the items graded at its grade."""

    items: tuple[str, ...]
    label: str
    text: str
    sources: tuple[str, ...]


class AdlList(Record):
    """The answer of ``adl list``: every score, newest first, and the change."""

    scores: tuple[ScoreView, ...]
    change: AdlChange | None
    threshold: str
    emergency: AdlEmergency | None
    sources: tuple[str, ...]


class AdlRecorded(Record):
    """The answer of ``adl add``: the score written, the one it replaced, the change."""

    recorded: ScoreView
    replaced: ScoreView | None
    change: AdlChange | None
    threshold: str
    emergency: AdlEmergency | None
    sources: tuple[str, ...]


def missing_items(given: Mapping[str, int | None]) -> list[str]:
    """The items no option gave, in the order of the scale."""
    return [key for key in ADL_ITEMS if given.get(key) is None]


def require_items(given: Mapping[str, int | None]) -> None:
    """Without a terminal every item must be given: name the missing options."""
    missing = missing_items(given)
    if missing:
        names = ", ".join(option_name(key) for key in missing)
        raise InputError(
            f"missing MG-ADL items: {names}",
            "give every item as an option (each 0 to 3), or run imuran adl add in a "
            "terminal to be asked",
            code="missing_items",
        )


def check_grade(key: str, value: int, scale: AdlScale) -> int:
    low, high = scale.scale.min_grade, scale.scale.max_grade
    if not low <= value <= high:
        raise InputError(
            f"{option_name(key)} {value} is outside {low} to {high}",
            f"grade each item from {low} (normal) to {high} (the most severe); "
            "imuran adl add --help lists the grades",
            code="invalid_grade",
        )
    return value


def build_items(given: Mapping[str, int | None], scale: AdlScale) -> AdlItems:
    """Every item checked against the scale's range."""
    require_items(given)
    grades = {key: check_grade(key, int(given[key] or 0), scale) for key in ADL_ITEMS}
    return AdlItems(**grades)


def view(score: AdlScore) -> ScoreView:
    return ScoreView(date=score.date, total=score.items.total, items=score.items)


def adl_change(scores: Iterable[AdlScore], scale: AdlScale) -> AdlChange | None:
    """The change from the first score to the latest (by day); None with fewer than two."""
    ordered = sorted(scores, key=lambda score: score.date)
    if len(ordered) <= 1:
        return None
    first, latest = ordered[0], ordered[-1]
    points = latest.items.total - first.items.total
    return AdlChange(
        from_date=first.date,
        to_date=latest.date,
        points=points,
        meaningful=points <= -scale.meaningful.points,
    )


def adl_emergency(
    items: AdlItems, scale: AdlScale, text: EmergencyLine | None
) -> AdlEmergency | None:
    """The emergency line when an emergency item (breathing, swallowing) has its grade."""
    rule = scale.emergency
    hit = tuple(key for key in rule.items if items.grade(key) == rule.grade)
    if not hit or text is None:
        return None
    return AdlEmergency(
        items=hit,
        label=text.label,
        text=f"{text.name}. {text.action}",
        sources=text.sources,
    )


def needs_emergency(items: AdlItems, scale: AdlScale) -> bool:
    rule = scale.emergency
    return any(items.grade(key) == rule.grade for key in rule.items)


def _sources(scale: AdlScale, emergency: AdlEmergency | None) -> tuple[str, ...]:
    ids = [scale.scale.source, scale.meaningful.source]
    if emergency is not None:
        ids.extend(emergency.sources)
    return tuple(dict.fromkeys(ids))


def threshold_text(scale: AdlScale) -> str:
    return scale.meaningful.text.format(points=scale.meaningful.points)


def adl_list(scores: Sequence[AdlScore], scale: AdlScale, text: EmergencyLine | None) -> AdlList:
    """Every score, newest first, the change, and the emergency line of the latest score."""
    ordered = sorted(scores, key=lambda score: score.date, reverse=True)
    emergency = adl_emergency(ordered[0].items, scale, text) if ordered else None
    return AdlList(
        scores=tuple(view(score) for score in ordered),
        change=adl_change(ordered, scale),
        threshold=threshold_text(scale),
        emergency=emergency,
        sources=_sources(scale, emergency),
    )


def adl_recorded(
    new: NewScore,
    replaced: AdlScore | None,
    scores: Sequence[AdlScore],
    scale: AdlScale,
    text: EmergencyLine | None,
) -> AdlRecorded:
    """The answer of ``adl add`` (``scores``: every current score, the new one included)."""
    emergency = adl_emergency(new.items, scale, text)
    return AdlRecorded(
        recorded=ScoreView(date=new.date, total=new.items.total, items=new.items),
        replaced=view(replaced) if replaced is not None else None,
        change=adl_change(scores, scale),
        threshold=threshold_text(scale),
        emergency=emergency,
        sources=_sources(scale, emergency),
    )
