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
    assert set(first) >= {"id", "title", "publisher", "year", "url", "read_via"}
    by_id = {item["id"]: item for item in document["sources"]}
    assert by_id["NZ-DS"]["read_via"] == "https://docslib.org/doc/1097279/imuran-data-sheet"
    assert by_id["NZ-DS"]["url"].startswith("https://www.medsafe.govt.nz/")
    assert by_id["LEAFLET"]["url"] is None
    ids = [item["id"] for item in document["sources"]]
    assert {"LEAFLET", "CPIC-PAGE", "MYAWARE", "DM"} <= set(ids)


def test_human_lists_ids_titles_and_urls_within_60_columns(cli):
    result = cli("sources")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "LEAFLET",
        "  The MG clinic's patient leaflet on Imuran",
        "  An MG clinic (printed patient leaflet; the clinic is not",
        "  named on it and it has no web address)",
    ]
    assert "seed" not in result.stdout
    assert "  https://www.myaware.org/azathioprine" in lines
    # Only URLs may run past 60 columns (they are never broken, to stay clickable).
    assert all(len(line) <= 60 for line in lines if "://" not in line)
    assert all(line == line.rstrip() for line in lines)


def test_human_shows_read_via_under_the_primary_address(cli):
    lines = cli("sources").stdout.splitlines()
    start = lines.index("NZ-DS")
    block = lines[start : lines.index("AZAMUN")]
    assert "  https://www.medsafe.govt.nz/profs/Datasheet/datasheet.htm" in block
    assert "  read via https://docslib.org/doc/1097279/imuran-data-sheet" in block
    mims = lines[lines.index("MIMS-DOSE") : lines.index("MIMS-AR")]
    assert any("Malaysian drug reference" in line for line in mims)
    assert "  read via" in mims


def test_sources_needs_no_profile_and_ignores_a_corrupt_one(cli, write_profile):
    write_profile("not = [valid")
    result = cli("sources", "--json")
    assert result.exit_code == 0


def test_each_url_is_whole_on_its_own_line_and_sources_are_apart(cli):
    lines = cli("sources").stdout.splitlines()
    urls = [item.url for item in load_sources().sources if item.url]
    assert urls
    for url in urls:
        assert f"  {url}" in lines  # whole, with nothing after it
    # Sources are separated by one blank line; an id line follows each blank line.
    ids = {item.id for item in load_sources().sources}
    blanks = [index for index, line in enumerate(lines) if not line]
    assert len(blanks) == len(ids) - 1
    assert all(lines[index + 1] in ids for index in blanks)


def test_one_source_by_id(cli):
    result = cli("sources", "cpic-page")  # any case
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "CPIC-PAGE"
    assert lines[-1] == "  https://cpicpgx.org/guidelines/guideline-for-thiopurines-and-tpmt/"
    assert "" not in lines


def test_one_source_as_json_is_the_same_document_with_that_source(cli):
    everything = {item["id"]: item for item in cli("sources", "--json").json()["sources"]}
    result = cli("sources", "MYAWARE", "--json")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.json() == {"sources": [everything["MYAWARE"]]}


def test_ids_as_copied_from_a_sources_line(cli):
    result = cli("sources", "LEAFLET,", "CPIC-PAGE", "LEAFLET", "--json")
    assert [item["id"] for item in result.json()["sources"]] == ["LEAFLET", "CPIC-PAGE"]
    result = cli("sources", "LEAFLET, CPIC-PAGE", "--json")
    assert [item["id"] for item in result.json()["sources"]] == ["LEAFLET", "CPIC-PAGE"]


def test_an_unknown_id_is_exit_2_listing_the_ids(cli):
    result = cli("sources", "NOPE")
    assert result.exit_code == 2
    assert result.stdout == ""
    error, hint = result.stderr.split("\nhint: ")
    assert error == "error: there is no source with the id 'NOPE'"
    listed = " ".join(hint.split()).removeprefix("use one of: ").split(", ")
    assert listed == [item.id for item in load_sources().sources]


def test_an_unknown_id_in_json_mode(cli):
    result = cli("sources", "LEAFLET", "NOPE", "--json")
    assert result.exit_code == 2
    error = result.json()["error"]
    assert error["code"] == "unknown_source"
    assert "CPIC-PAGE" in error["hint"]
