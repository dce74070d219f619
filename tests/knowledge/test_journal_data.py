"""adl.toml and journal.toml: validated with pydantic as their dataclasses, with sources."""

from __future__ import annotations

import copy

import pytest
from pydantic import TypeAdapter, ValidationError

from imuran_cli.core.adl import ADL_ITEMS
from imuran_cli.knowledge._files import read_data
from imuran_cli.knowledge.adl import AdlScale, load_adl, load_emergency_line
from imuran_cli.knowledge.journal import JournalRules, load_journal_rules
from imuran_cli.knowledge.side_effects import load_side_effects
from imuran_cli.knowledge.sources import load_sources

KNOWN = load_sources().ids()


@pytest.mark.parametrize(
    ("name", "cls", "load"),
    [("adl.toml", AdlScale, load_adl), ("journal.toml", JournalRules, load_journal_rules)],
)
def test_each_file_validates_as_its_dataclass(name, cls, load):
    assert TypeAdapter(cls).validate_python(read_data(name)) == load()


def test_unknown_keys_are_refused():
    data = copy.deepcopy(read_data("journal.toml"))  # a copy: the data is shared
    data["stock"]["refil_days"] = 14
    with pytest.raises(ValidationError):
        TypeAdapter(JournalRules).validate_python(data)


def test_the_scale_has_the_eight_items_each_with_four_grades():
    scale = load_adl()
    assert tuple(item.key for item in scale.items) == ADL_ITEMS
    assert (scale.scale.min_grade, scale.scale.max_grade) == (0, 3)
    for item in scale.items:
        assert len(item.grades) == scale.scale.max_grade - scale.scale.min_grade + 1
        assert all(grade.strip() for grade in item.grades)
        assert item.question.strip()
        assert item.source == "MGADL"


def test_the_threshold_and_the_emergency_rule():
    scale = load_adl()
    assert (scale.meaningful.points, scale.meaningful.source) == (2, "MGADL-MCID")
    assert "{points}" in scale.meaningful.text
    assert scale.emergency.items == ("breathing", "swallowing")
    assert scale.emergency.grade == scale.scale.max_grade
    assert set(scale.emergency.items) <= set(ADL_ITEMS)


def test_the_emergency_line_is_the_side_effects_one():
    scale = load_adl()
    effect = next(e for e in load_side_effects().effects if e.id == scale.emergency.effect)
    assert effect.urgency == "emergency"
    line = load_emergency_line(scale.emergency.effect)
    assert (line.name, line.action, line.sources) == (
        effect.name,
        effect.action,
        tuple(effect.sources),
    )
    assert line.label == "EMERGENCY"


def test_every_source_exists():
    scale = load_adl()
    rules = load_journal_rules()
    ids = [scale.scale.source, scale.meaningful.source, scale.emergency.source]
    ids += [item.source for item in scale.items]
    ids += [rules.history.source, rules.missed.source, rules.stock.source]
    ids += [rules.already_taken.source, rules.nothing_missed.source]
    assert set(ids) <= KNOWN


def test_the_journal_numbers():
    rules = load_journal_rules()
    assert (rules.missed.lookback_days, rules.stock.refill_days) == (7, 14)
    assert rules.stock.source == "PROJECT"
    assert "{recorded}" in rules.already_taken.headline
    assert "{days}" in rules.nothing_missed.headline
