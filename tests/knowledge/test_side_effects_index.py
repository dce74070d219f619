"""The side-effects search index compiled with the knowledge (``_compiled/side_effects_index.py``):
what ``imuran side-effects QUERY`` loads must be what ``build_index`` makes of the files, so
that a query finds the same effects, scores and medicine names either way."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imuran_cli.core.side_effects import look_up_side_effects
from imuran_cli.knowledge._files import COMPILED_PACKAGE
from imuran_cli.knowledge.errors import KnowledgeError
from imuran_cli.knowledge.medicines import load_medicines
from imuran_cli.knowledge.side_effects import load_side_effects
from imuran_cli.knowledge.side_effects_index import (
    SearchIndex,
    build_index,
    index_from_tables,
    index_tables,
    load_search_index,
    normalize,
)

TODAY = dt.date(2026, 11, 25)
KNOWLEDGE = load_side_effects()
MEDICINES = load_medicines()
BUILT = build_index(KNOWLEDGE, MEDICINES.every_name())
LOADED = load_search_index(KNOWLEDGE)


def fields(index: SearchIndex) -> dict[str, object]:
    """Every field of the index, the analyzer as what it holds (it has no equality)."""
    values = index._asdict()
    analyzer = values.pop("analyzer")
    values["analyzer"] = (analyzer.min_length, analyzer.stopwords, analyzer.equivalents)
    return values


def test_the_compiled_index_is_the_index_of_the_files():
    assert fields(LOADED) == fields(BUILT)
    # Key order too: the search visits terms in it, which settles ties and float sums.
    for name in ("postings", "lexicon", "keys_by_length"):
        assert list(getattr(LOADED, name)) == list(getattr(BUILT, name)), name
    assert list(LOADED.analyzer.equivalents) == list(BUILT.analyzer.equivalents)
    assert LOADED.knowledge is KNOWLEDGE


def test_tables_give_back_the_index():
    again = index_from_tables(KNOWLEDGE, index_tables(BUILT))
    assert fields(again) == fields(BUILT)


def test_every_name_of_the_medicines_is_indexed_unless_it_is_a_symptom():
    names = MEDICINES.every_name()
    assert "ciprofloxacin" in names and "Zyloprim" in names
    # Every medicine of every group, then the names known without a warning.
    assert len(names) == sum(
        len(medicine.names()) for group in MEDICINES.groups for medicine in group.medicines
    ) + sum(len(entry.names()) for entry in MEDICINES.known)
    indexed = set(LOADED.medicine_names)
    assert {"ciprofloxacin", "zyloprim", "bactrim ds"} <= indexed
    # A vaccine's name that is also a symptom's is left to the symptom search.
    assert "chickenpox" in {normalize(name) for name in names}
    assert "chickenpox" not in indexed
    assert list(LOADED.medicine_names) == sorted(indexed)


QUERIES = [
    "fever",
    "can I take Bactrim DS",
    "rash since Zyloprim",
    "ciprofloxacin",
    "my grandson has chickenpox",
    "chickenpox vaccine",
    "yellow fever vaccine",
    "tummy pain",
    "pancrea",
    "feverr and bruisng",
    "glowing ears",
    "Crème brûlée",
]
KNOWN_TEXT = sorted(
    {
        text
        for effect in KNOWLEDGE.effects
        for text in (
            effect.name,
            *effect.synonyms,
            *(phrase for sign in effect.signs for phrase in (sign.sign, *sign.lay)),
        )
    }
)
SOME_NAMES = MEDICINES.every_name()[::7]


def same_answer(query: str) -> None:
    loaded = look_up_side_effects(KNOWLEDGE, query, None, TODAY, index=LOADED)
    built = look_up_side_effects(KNOWLEDGE, query, None, TODAY, MEDICINES.every_name())
    assert loaded == built


@pytest.mark.parametrize("query", QUERIES)
def test_the_compiled_index_answers_as_the_built_one(query: str):
    same_answer(query)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(KNOWN_TEXT) | st.sampled_from(SOME_NAMES) | st.text(max_size=12),
        min_size=1,
        max_size=4,
    )
)
def test_any_query_is_answered_alike_by_the_compiled_and_the_built_index(parts: list[str]):
    same_answer(" ".join(parts)[:200])


def test_a_missing_compiled_index_says_reinstall(monkeypatch):
    monkeypatch.setitem(sys.modules, f"{COMPILED_PACKAGE}.side_effects_index", None)
    with pytest.raises(KnowledgeError, match=r"side_effects_index\.py cannot be read") as caught:
        load_search_index(KNOWLEDGE)
    assert caught.value.hint is not None and "reinstall" in caught.value.hint


def test_a_damaged_compiled_index_says_reinstall(monkeypatch):
    class Damaged:
        EQUIVALENTS = ()
        PHRASES = ()

    monkeypatch.setitem(sys.modules, f"{COMPILED_PACKAGE}.side_effects_index", Damaged)
    with pytest.raises(KnowledgeError, match="search index is invalid") as caught:
        load_search_index(KNOWLEDGE)
    assert caught.value.hint is not None and "reinstall" in caught.value.hint


def test_a_command_without_its_compiled_index_says_reinstall(monkeypatch, cli):
    monkeypatch.setitem(sys.modules, f"{COMPILED_PACKAGE}.side_effects_index", None)
    result = cli("side-effects", "fever")
    assert result.exit_code == 1
    words = " ".join(result.stderr.split())
    assert words.startswith("error: the packaged knowledge file side_effects_index.py")
    assert "hint: reinstall imuran" in words and "Traceback" not in result.stderr
    # Without a query the index is not needed.
    assert cli("side-effects").exit_code == 0
