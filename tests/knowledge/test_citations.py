"""Every fact in every knowledge file cites a source that exists in sources.toml."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from imuran_cli.knowledge.sources import load_sources

# Keys that hold a statement shown to the person; the table holding one must cite a source.
STATEMENT_KEYS = {"text", "message", "action", "advice", "headline", "reason", "note"}


def knowledge_files() -> list[str]:
    folder = resources.files("imuran_cli.knowledge")
    return sorted(
        item.name
        for item in folder.iterdir()
        if item.name.endswith(".toml") and item.name != "sources.toml"
    )


def tables(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from tables(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from tables(value, f"{where}[{index}]")


def cited(table: dict[str, Any]) -> list[str]:
    ids: list[str] = []
    if isinstance(table.get("source"), str):
        ids.append(table["source"])
    if isinstance(table.get("sources"), list):
        ids.extend(table["sources"])
    return ids


def load(name: str) -> dict[str, Any]:
    text = resources.files("imuran_cli.knowledge").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def test_there_are_knowledge_files():
    assert "limits.toml" in knowledge_files()
    assert "dosing.toml" in knowledge_files()


def test_sources_have_unique_ids_and_full_entries():
    sources = load_sources().sources
    ids = [item.id for item in sources]
    assert len(ids) == len(set(ids))
    for item in sources:
        assert item.title.strip() and item.publisher.strip()
        assert item.url is None or item.url.startswith(("http://", "https://"))


@pytest.mark.parametrize("name", knowledge_files())
def test_every_cited_source_exists(name: str):
    known = load_sources().ids()
    for where, table in tables(load(name), name):
        for source_id in cited(table):
            assert source_id in known, f"{where} cites unknown source {source_id!r}"


@pytest.mark.parametrize("name", knowledge_files())
def test_every_statement_cites_a_source(name: str):
    for where, table in tables(load(name), name):
        if STATEMENT_KEYS & table.keys():
            assert cited(table), f"{where} states something but cites no source"


@pytest.mark.parametrize("name", knowledge_files())
def test_every_number_sits_in_a_cited_table(name: str):
    """A number anywhere in the data belongs to a table (or an ancestor) that cites a source."""

    def walk(node: Any, inherited: bool, where: str) -> None:
        if isinstance(node, dict):
            here = inherited or bool(cited(node))
            for key, value in node.items():
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    assert here, f"{where}.{key} = {value} has no source"
                walk(value, here, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    assert inherited, f"{where}[{index}] = {value} has no source"
                walk(value, inherited, f"{where}[{index}]")

    walk(load(name), False, name)
