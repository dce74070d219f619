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


# ---------------------------------------------------------------- primary sources (issue 13)

COPY_SITES = ("scribd.com", "docslib.org", "starbene.it", "edudrugs.com", "rxreasoner.com")


def host(address: str) -> str:
    from urllib.parse import urlsplit

    return (urlsplit(address).hostname or "").removeprefix("www.")


def test_no_url_is_a_copy_site():
    """`url` is the primary document; copies are only ever `read_via`."""
    for item in load_sources().sources:
        if item.url is not None:
            assert not host(item.url).endswith(COPY_SITES), f"{item.id}: {item.url}"


def test_every_read_via_is_an_address_and_differs_from_the_url():
    for item in load_sources().sources:
        if item.read_via is not None:
            assert item.read_via.startswith(("http://", "https://")), item.id
            assert item.read_via != item.url, item.id


def test_facts_read_from_a_copy_keep_the_copy_as_read_via():
    read_via = {item.id: item.read_via for item in load_sources().sources}
    copies = [address for address in read_via.values() if address]
    for site in COPY_SITES:
        assert any(host(address).endswith(site) for address in copies), site
    for source_id in ("LBL-DA", "MPR", "NZ-DS", "AZAMUN", "AZAFOR", "LBL-old", "UPTD"):
        assert read_via[source_id], source_id


@pytest.mark.parametrize(
    ("source_id", "primary_host"),
    [
        ("DM", "dailymed.nlm.nih.gov"),
        ("LBL", "dailymed.nlm.nih.gov"),
        ("LBL-DA", "dailymed.nlm.nih.gov"),
        ("MPR", "dailymed.nlm.nih.gov"),
        ("CPIC-PAGE", "cpicpgx.org"),
        ("CPIC-2025", "doi.org"),
        ("NHS-SE", "nhs.uk"),
        ("NHS-W", "nhs.uk"),
        ("NHS-PREG", "nhs.uk"),
        ("SPS-AZA", "sps.nhs.uk"),
        ("SPS-MP", "sps.nhs.uk"),
        ("MYAWARE", "myaware.org"),
        ("MGFA", "myasthenia.org"),
        ("MGFA-CRISIS", "myasthenia.org"),
        ("NZ-DS", "medsafe.govt.nz"),
        ("AZAMUN", "medsafe.govt.nz"),
        ("MEDLINEPLUS", "medlineplus.gov"),
    ],
)
def test_the_primary_documents_are_cited(source_id: str, primary_host: str):
    item = next(item for item in load_sources().sources if item.id == source_id)
    assert item.url is not None and host(item.url) == primary_host


def test_mims_is_described_as_the_drug_reference_it_is():
    for item in load_sources().sources:
        if item.id.startswith("MIMS-"):
            described = f"{item.title} {item.publisher}"
            assert "Malaysian drug reference" in described or "Indonesian drug reference" in (
                described
            ), item.id
            assert "European" not in described and "SmPC" not in described
            assert item.url is None and item.read_via is not None
            assert "mims" in (item.read_via or "")


def user_facing_strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from user_facing_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from user_facing_strings(value)
    elif isinstance(node, str):
        yield node


@pytest.mark.parametrize("name", [*knowledge_files(), "sources.toml"])
def test_no_user_facing_text_calls_mims_a_european_label_or_the_leaflet_a_seed(name: str):
    for text in user_facing_strings(load(name)):
        assert "European label" not in text, text
        assert "seed" not in text.casefold(), text


def test_the_leaflet_says_what_it_is_and_has_no_address():
    leaflet = next(item for item in load_sources().sources if item.id == "LEAFLET")
    assert leaflet.title == "The MG clinic's patient leaflet on Imuran"
    assert leaflet.url is None and leaflet.read_via is None
    assert "project" not in f"{leaflet.title} {leaflet.publisher}".casefold()
