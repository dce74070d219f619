"""The report's three views. FHIR is validated by fhir.resources (pydantic FHIR models);
HTML is read back with the standard library's parser."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from imuran_cli.core.report import Report, ReportInputs, build_report
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.exports import load_exports
from imuran_cli.render.report_fhir import fhir_bundle, render_report_fhir, resource_id
from imuran_cli.render.report_html import page_count, render_report_html
from imuran_cli.render.report_markdown import render_report_markdown
from tests import report_fixture as fx
from tests.html_check import assert_self_contained, read

CODES = load_exports().fhir
NOT_ADVICE = "This report is not medical advice."

# mg-adl.md, "Codes for exports": what each blood test must be coded as.
LOINC = {
    "wbc": "6690-2",
    "neutrophils": "751-8",
    "lymphocytes": "731-0",
    "platelets": "777-3",
    "hemoglobin": "718-7",
    "mcv": "787-2",
    "alt": "1742-6",
    "ast": "1920-8",
    "alp": "6768-6",
    "lipase": "3040-3",
}
UCUM = {"x10^9/L": "10*9/L", "g/dL": "g/dL", "fL": "fL", "U/L": "U/L"}
RXNORM = ("http://www.nlm.nih.gov/research/umls/rxnorm", "1256")


def empty_report() -> Report:
    return build_report(
        profile=fx.profile(),
        limits=fx.LIMITS,
        max_mg_per_kg=load_dosing().typical.max_mg_per_kg,
        labs=fx.LABS,
        since=fx.SINCE,
        now=fx.NOW,
        profile_key="/p",
        inputs=ReportInputs(),
    )


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


# ---------------------------------------------------------------- FHIR


@pytest.mark.parametrize("report", [fx.full_report(), empty_report()], ids=["full", "empty"])
def test_fhir_bundle_is_valid_r4(report):
    document = json.loads(render_report_fhir(report, fx.LABS, CODES))
    bundle = Bundle.model_validate(document)
    assert bundle.type == "collection"
    # Every entry's fullUrl is the urn:uuid of its resource id; every reference resolves.
    urls = {entry["fullUrl"] for entry in document["entry"]}
    assert all(e["fullUrl"] == f"urn:uuid:{e['resource']['id']}" for e in document["entry"])
    references = [value for entry in document["entry"] for value in _walk(entry["resource"])]
    assert references and set(references) <= urls


def _walk(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["reference"]] if isinstance(node.get("reference"), str) else []
        return found + [r for value in node.values() for r in _walk(value)]
    if isinstance(node, list):
        return [r for value in node for r in _walk(value)]
    return []


def test_fhir_resources_and_codes():
    report = fx.full_report()
    bundle = fhir_bundle(report, fx.LABS, CODES)
    (patient,) = resources(bundle, "Patient")
    assert "identifier" not in patient
    assert patient["name"] == [{"text": "Alex Example"}]

    statements = resources(bundle, "MedicationStatement")
    azathioprine = statements[0]["medicationCodeableConcept"]["coding"][0]
    assert (azathioprine["system"], azathioprine["code"]) == RXNORM
    assert statements[0]["status"] == "active"
    assert statements[0]["effectivePeriod"] == {"start": "2026-03-01"}
    others = statements[1:]
    assert [s["medicationCodeableConcept"] for s in others] == [
        {"text": "Lisinopril 10 mg"},
        {"text": "ciprofloxacin"},
    ]

    administrations = resources(bundle, "MedicationAdministration")
    assert len(administrations) == len(report.doses_taken) == 6
    assert all(
        a["dosage"]["dose"] == {"value": 75.0, "unit": "mg", "system": CODES.ucum, "code": "mg"}
        for a in administrations
    )

    observations = resources(bundle, "Observation")
    labs = [o for o in observations if o["category"][0]["coding"][0]["code"] == "laboratory"]
    assert len(labs) == sum(len(v.values) for v in report.lab_tests)
    for observation in labs:
        (coding,) = observation["code"]["coding"]
        name = next(n for n, code in LOINC.items() if code == coding["code"])
        assert coding["system"] == "http://loinc.org"
        quantity = observation["valueQuantity"]
        assert quantity["system"] == "http://unitsofmeasure.org"
        assert quantity["code"] == UCUM[fx.LABS.test(name).unit]
    flagged = [o for o in labs if "interpretation" in o]
    assert sorted(o["interpretation"][0]["coding"][0]["code"] for o in flagged) == ["H", "L"]

    adl = [o for o in observations if o["category"][0]["coding"][0]["code"] == "survey"]
    assert [o["valueInteger"] for o in adl] == [9, 7, 6, 4]
    assert "coding" not in adl[0]["code"]  # a text code: MG-ADL has no LOINC code here
    assert [c["valueInteger"] for c in adl[0]["component"]] == [2, 1, 1, 1, 1, 1, 1, 1]


def test_the_code_table_covers_every_blood_test():
    assert {name: code.loinc for name, code in CODES.lab_codes.items()} == LOINC
    assert {info.name for info in fx.LABS.tests} == set(LOINC)
    for info in fx.LABS.tests:
        assert CODES.lab_codes[info.name].ucum == UCUM[info.unit]


def test_rerunning_gives_the_same_ids_and_another_profile_others():
    first = fhir_bundle(fx.full_report(), fx.LABS, CODES)
    again = fhir_bundle(fx.full_report(), fx.LABS, CODES)
    other = fhir_bundle(fx.full_report("/home/sam/profile.toml"), fx.LABS, CODES)
    ids = [e["resource"]["id"] for e in first["entry"]]
    assert ids == [e["resource"]["id"] for e in again["entry"]]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & {e["resource"]["id"] for e in other["entry"]}


@pytest.mark.parametrize(
    ("key", "parts"),
    [
        ("/p", ("patient",)),
        ("/home/sam/profile.toml", ("administration", "2026-06-01", "morning")),
        ("C:\\Users\\Zoë\\profil.toml", ("medication-statement", "0", "Ibuprofène 200 mg")),
        ("", ()),
    ],
)
def test_resource_ids_are_uuid5_of_the_profile_and_the_resource(key, parts):
    report = fx.full_report(key)
    expected = uuid.uuid5(
        uuid.UUID("6f1d2b8e-5a0c-4c55-9a51-3f0e7f4a2c10"), "\x1f".join((report.profile_key, *parts))
    )
    assert resource_id(report, *parts) == str(expected)


def test_fhir_json_has_one_resource_a_line():
    """Compact (json's C encoder), one entry a line: grep and diff see one resource."""
    text = render_report_fhir(fx.full_report(), fx.LABS, CODES)
    document = json.loads(text)
    lines = text.splitlines()
    assert text.endswith("\n]}\n") and lines[-1] == "]}"
    assert lines[0].startswith('{"resourceType": "Bundle", ') and lines[0].endswith('"entry": [')
    entries = [json.loads(line.removesuffix(",")) for line in lines[1:-1]]
    assert entries == document["entry"]


def test_the_last_resource_says_what_it_is_made_from_and_not_advice():
    bundle = fhir_bundle(fx.full_report(), fx.LABS, CODES)
    last = bundle["entry"][-1]["resource"]
    assert last["resourceType"] == "Provenance"
    assert last["activity"]["text"].endswith(NOT_ADVICE)
    assert len(last["target"]) == len(bundle["entry"]) - 1


# ---------------------------------------------------------------- markdown and HTML


@pytest.mark.parametrize("render", ["markdown", "html"])
def test_every_section_and_the_last_line(render):
    report = fx.full_report()
    text = (
        render_report_markdown(report, fx.LABS)
        if render == "markdown"
        else render_report_html(report, fx.LABS)
    )
    if render == "html":
        text = " ".join("".join(read(text).text).split())
    for title in ["Summary", "Timeline", "Doses taken, by month", "MG-ADL scores", "Blood tests"]:
        assert title in text
    assert "Myasthenia gravis on azathioprine (Imuran)" in text
    assert "98.1%" in text  # adherence over the period
    assert "-5 points, a meaningful improvement" in text
    assert "3.3 URGENT low" in text
    assert "CAUTION: WBC fell at each of the last 4 tests" in text
    assert text.rstrip("\n").splitlines()[-1].endswith(NOT_ADVICE)


def test_html_is_self_contained_with_a_chart_and_a_table_per_tested_value():
    report = fx.full_report()
    page = render_report_html(report, fx.LABS)
    assert_self_contained(page)
    collector = read(page)
    assert collector.tags.count("svg") == 1 + len(report.lab_charts)
    assert collector.tags.count("figure") == collector.tags.count("svg")
    # Each lab chart is followed by its table of values, for screen readers.
    assert page.count('<table class="sr-only">') == len(report.lab_charts)
    assert page_count(report) == 5


def test_html_escapes_the_persons_text():
    prof_data = dict(fx.PROFILE_DATA, medications=["<b>x</b>"], person={"name": "A & <B>"})
    from imuran_cli.core.profile import parse_profile

    report = build_report(
        profile=parse_profile(prof_data, fx.LIMITS, fx.NOW.date()),
        limits=fx.LIMITS,
        max_mg_per_kg=2.5,
        labs=fx.LABS,
        since=fx.SINCE,
        now=fx.NOW,
        profile_key="/p",
        inputs=ReportInputs(),
    )
    page = render_report_html(report, fx.LABS)
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert "A &amp; &lt;B&gt;" in page
    assert_self_contained(page)


def test_empty_sections_say_how_to_fill_them():
    text = render_report_markdown(empty_report(), fx.LABS)
    assert "No dose recorded in this period: imuran take records one." in text
    assert "No MG-ADL score in this period" in text
    assert "No blood test in this period" in text
    assert page_count(empty_report()) == 4
