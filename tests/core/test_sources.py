"""Choosing sources by id."""

from __future__ import annotations

import pytest

from imuran_cli.core.errors import InputError
from imuran_cli.core.sources import pick_sources, wanted_ids
from imuran_cli.knowledge.sources import load_sources


@pytest.mark.parametrize(
    ("texts", "ids"),
    [
        (["LEAFLET"], ["LEAFLET"]),
        (["LEAFLET", "DM"], ["LEAFLET", "DM"]),
        (["LEAFLET, DM"], ["LEAFLET", "DM"]),
        (["LEAFLET,DM,", "LEAFLET"], ["LEAFLET", "DM"]),
        ([" , "], []),
    ],
)
def test_wanted_ids(texts: list[str], ids: list[str]):
    assert wanted_ids(texts) == ids


def test_pick_keeps_the_order_given_and_ignores_case():
    picked = pick_sources(load_sources(), ["dm", "Leaflet", "DM"])
    assert [item.id for item in picked] == ["DM", "LEAFLET"]


@pytest.mark.parametrize("texts", [["NOPE"], ["LEAFLET", "NOPE"], [","]])
def test_unknown_or_missing_ids_are_input_errors(texts: list[str]):
    with pytest.raises(InputError) as caught:
        pick_sources(load_sources(), texts)
    assert caught.value.code == "unknown_source"
    assert caught.value.hint is not None and "LEAFLET" in caught.value.hint
