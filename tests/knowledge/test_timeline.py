"""The data files of `status` and `pregnancy`: valid shapes, the leaflet's numbers, texts
that use only the placeholders core fills in, and statements written as facts with sources."""

from __future__ import annotations

import string
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from imuran_cli.knowledge._data import build
from imuran_cli.knowledge._files import read_data
from imuran_cli.knowledge.pregnancy import PLACEHOLDERS, PregnancyRules, load_pregnancy
from imuran_cli.knowledge.sources import load_sources
from imuran_cli.knowledge.status import (
    DOSE_PLACEHOLDERS,
    PHASE_PLACEHOLDERS,
    StatusRules,
    load_status,
)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize(
    ("name", "cls"), [("pregnancy.toml", PregnancyRules), ("status.toml", StatusRules)]
)
def test_the_file_validates_and_builds_the_same(name, cls):
    data = read_data(name)
    assert TypeAdapter(cls).validate_python(data) == build(cls, data)


@pytest.mark.parametrize(
    ("name", "cls"), [("pregnancy.toml", PregnancyRules), ("status.toml", StatusRules)]
)
def test_unknown_keys_are_refused(name, cls):
    data: dict[str, Any] = {**read_data(name), "surprise": 1}  # a copy: the data is shared
    with pytest.raises(ValidationError):
        TypeAdapter(cls).validate_python(data)


def test_the_leaflets_numbers():
    status = load_status()
    assert (status.improvement.from_months, status.improvement.to_months) == (3, 12)
    assert status.improvement.source == "LEAFLET"
    pregnancy = load_pregnancy()
    months = pregnancy.after_stopping
    assert (months.earliest_months, months.conservative_months) == (4, 6)
    assert months.source == "LEAFLET"


def test_pregnancy_texts_use_known_placeholders_only():
    rules = load_pregnancy()
    timings = [rules.timing.taking, rules.timing.stopped, rules.timing.ended]
    for timing in timings:
        assert placeholders(timing.text) <= PLACEHOLDERS
        assert placeholders(timing.short) <= PLACEHOLDERS
    for item in (*rules.general, *rules.breastfeeding):
        assert placeholders(item.text) == set(), item.id
    assert placeholders(rules.sources_differ.text) == set()
    # The dates are shown once a stop is recorded.
    assert {"earliest_date", "conservative_date"} <= placeholders(rules.timing.stopped.text)


def test_status_texts_use_known_placeholders_only():
    rules = load_status()
    phases = rules.phases
    for line in (phases.too_early, phases.window, phases.past_window, phases.stopped):
        assert placeholders(line.text) <= PHASE_PLACEHOLDERS
    assert placeholders(rules.dose_past_time.text) <= DOSE_PLACEHOLDERS
    # "a few months" after stopping: no date is invented for it.
    assert placeholders(phases.stopped.text) == set()


def test_every_id_is_unique_and_every_source_exists():
    rules = load_pregnancy()
    known = load_sources().ids()
    for group in (rules.general, rules.breastfeeding):
        ids = [item.id for item in group]
        assert len(ids) == len(set(ids))
        for item in group:
            assert item.source in known
    status = load_status()
    for line in (status.phases.too_early, status.phases.stopped, status.dose_past_time):
        assert line.source in known
