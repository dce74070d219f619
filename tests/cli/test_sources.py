"""`imuran sources`: every source, as text and as the JSON contract."""

from __future__ import annotations

from imuran_cli.knowledge.sources import load_sources


def test_json_contract(cli):
    result = cli("sources", "--json")
    assert result.exit_code == 0
    assert result.stderr == ""
    document = result.json()
    assert list(document) == ["sources"]
    assert len(document["sources"]) == len(load_sources().sources)
    first = document["sources"][0]
    assert set(first) >= {"id", "title", "publisher", "year", "url"}
    ids = [item["id"] for item in document["sources"]]
    assert {"LEAFLET", "CPIC-PAGE", "MYAWARE", "DM"} <= set(ids)


def test_human_lists_ids_titles_and_urls_within_60_columns(cli):
    result = cli("sources")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "LEAFLET",
        "  Imuran: patient leaflet for people with myasthenia gravis",
        "  MG patient leaflet (the project's seed document; publisher",
    ]
    assert "  https://www.myaware.org/azathioprine" in lines
    # Only URLs may run past 60 columns (they are never broken, to stay clickable).
    assert all(len(line) <= 60 for line in lines if "://" not in line)
    assert all(line == line.rstrip() for line in lines)


def test_sources_needs_no_profile_and_ignores_a_corrupt_one(cli, write_profile):
    write_profile("not = [valid")
    result = cli("sources", "--json")
    assert result.exit_code == 0
