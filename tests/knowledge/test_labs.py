"""The blood-test data file (``labs.toml``): valid, complete, and the numbers of the issue."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from imuran_cli.core.profile import LAB_LIMIT_NAMES, LAB_TESTS
from imuran_cli.knowledge._files import read_data
from imuran_cli.knowledge.labs import Labs, load_labs
from imuran_cli.knowledge.sources import load_sources


def _data() -> dict[str, Any]:
    return copy.deepcopy(read_data("labs.toml"))  # a copy: the data is shared


def test_pydantic_validates_the_file_as_the_builder_reads_it():
    assert TypeAdapter(Labs).validate_python(_data()) == load_labs()


def test_unknown_keys_are_refused():
    data = _data()
    data["urgent"] = {**data["urgent"], "extra": "x"}
    with pytest.raises(ValidationError):
        TypeAdapter(Labs).validate_python(data)


def test_the_tests_are_those_of_the_profile_and_the_journal():
    labs = load_labs()
    assert tuple(info.name for info in labs.tests) == LAB_TESTS
    for info in labs.tests:
        assert info.min < info.max
        assert info.min <= float(info.example) <= info.max
        # every test accepts its own unit written after the value
        assert any(u.test == info.name and u.unit == info.unit.lstrip("x") for u in labs.units)
    assert {u.test for u in labs.units} <= set(LAB_TESTS)
    assert all(u.per > 0 for u in labs.units)


def test_the_defaults_are_the_nhs_sps_thresholds():
    labs = load_labs()
    defaults = {limit.name: limit.value for limit in labs.limits}
    assert defaults == {
        "wbc_low": 3.5,
        "neutrophils_low": 2.0,
        "platelets_low": 140,
        "mcv_high": 105,
        "alt_high": 100,
        "ast_high": 100,
    }
    assert {limit.source for limit in labs.limits} == {"SPS-MP"}
    assert set(defaults) <= set(LAB_LIMIT_NAMES)
    assert labs.urgent.source == "SPS-MP"


def test_the_numbers_of_the_issue():
    labs = load_labs()
    assert labs.test("wbc").max == 500 and labs.test("wbc").min == 0
    assert [u.per for u in labs.units if (u.test, u.unit) == ("hemoglobin", "g/L")] == [10]
    early, leaflet = labs.schedule.early, labs.schedule.leaflet
    assert (early.first_months, early.first_days) == (1, 7)
    assert (early.then_until_months, early.then_days) == (3, 14)
    assert (leaflet.from_days, leaflet.by_days) == (28, 42)
    assert leaflet.source == "LEAFLET"
    assert labs.trend.min_tests == 3
    trend_tests = {info.name for info in labs.tests if info.trend}
    assert trend_tests == {"wbc", "neutrophils", "lymphocytes", "platelets", "hemoglobin"}


def test_every_source_exists():
    known = load_sources().ids()
    labs = load_labs()
    ids = {info.source for info in labs.tests} | {u.source for u in labs.units}
    ids |= {limit.source for limit in labs.limits} | set(labs.trend.sources)
    ids |= {labs.urgent.source, labs.schedule.early.source, labs.schedule.profile.source}
    assert ids <= known


def test_the_action_is_worded_as_guidance_not_a_prescription():
    action = load_labs().urgent.action
    assert "not to take the next dose" in action
    assert "specialist team" in action
    assert "not a prescription" in action
