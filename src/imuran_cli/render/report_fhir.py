"""The report as a FHIR R4 ``Bundle`` of type ``collection`` (JSON).

- ``Patient``: the name when the profile has one; no identifier of any kind.
- ``MedicationStatement``: azathioprine with its RxNorm code, the dose of each time of day;
  one more per other medicine of the profile, as text only (with what ``imuran check``
  says as a note).
- ``MedicationAdministration``: one per dose the journal records as taken in the period.
- ``Observation``: one per blood-test value (LOINC code, UCUM unit, ``L``/``H``
  interpretation for a value past its limit), and one per MG-ADL total (a text code; the
  eight items as components).
- ``Provenance`` (last): what the bundle was made from, and that it is not medical advice.

Resource ids are UUIDs derived (``uuid5``) from the profile's path and what the resource
describes, so that running the report again gives the same ids.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from imuran_cli import __version__
from imuran_cli.core.report import Report
from imuran_cli.render import report_common as common
from imuran_cli.render.card import medicine_label

if TYPE_CHECKING:
    from imuran_cli.core.labs import Flag
    from imuran_cli.knowledge.exports import FhirCodes
    from imuran_cli.knowledge.labs import Labs

# The namespace of the resource ids: the uuid 6f1d2b8e-5a0c-4c55-9a51-3f0e7f4a2c10.
_NAMESPACE = bytes.fromhex("6f1d2b8e5a0c4c559a513f0e7f4a2c10")
_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
_DOSE_WORDS = {"morning": "Morning dose", "later": "Later dose"}


def resource_id(report: Report, *parts: str) -> str:
    """``str(uuid.uuid5(namespace, name))``, worked out from the SHA-1 digest's hex
    directly: a bundle has an id per dose taken, and going through a ``UUID`` object cost
    about 36,000 instructions an id, this about 14,000 (9 M less for six months of doses).
    A test holds the two equal."""
    name = "\x1f".join((report.profile_key, *parts))
    digest = hashlib.sha1(_NAMESPACE + name.encode("utf-8"), usedforsecurity=False).hexdigest()
    # Version 5 in the 13th digit; the RFC 4122 variant (binary 10) in the 17th.
    variant = "89ab"[int(digest[16], 16) & 3]
    return f"{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-{variant}{digest[17:20]}-{digest[20:32]}"


def _reference(resource: dict[str, Any]) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource['id']}"}


def _mg(value: float, codes: FhirCodes) -> dict[str, Any]:
    return {"value": value, "unit": "mg", "system": codes.ucum, "code": "mg"}


def _azathioprine(codes: FhirCodes) -> dict[str, Any]:
    return {
        "coding": [
            {"system": codes.rxnorm, "code": codes.azathioprine_rxnorm, "display": "azathioprine"}
        ],
        "text": "azathioprine (Imuran)",
    }


def _patient(report: Report) -> dict[str, Any]:
    patient: dict[str, Any] = {"resourceType": "Patient", "id": resource_id(report, "patient")}
    if report.summary.name:
        patient["name"] = [{"text": report.summary.name}]
    return patient


def _azathioprine_statement(
    report: Report, patient: dict[str, Any], codes: FhirCodes
) -> dict[str, Any]:
    summary = report.summary
    statement: dict[str, Any] = {
        "resourceType": "MedicationStatement",
        "id": resource_id(report, "medication-statement", "azathioprine"),
        "status": "completed" if summary.stopped_on is not None else "active",
        "medicationCodeableConcept": _azathioprine(codes),
        "subject": _reference(patient),
        "dateAsserted": report.generated_at.replace(microsecond=0).isoformat(),
    }
    if summary.started_on is not None:
        period = {"start": summary.started_on.isoformat()}
        if summary.stopped_on is not None:
            period["end"] = summary.stopped_on.isoformat()
        statement["effectivePeriod"] = period
    if summary.dose:
        statement["dosage"] = [{"text": summary.dose}]
    return statement


def _other_statement(
    report: Report, patient: dict[str, Any], index: int, medicine: Any
) -> dict[str, Any]:
    statement: dict[str, Any] = {
        "resourceType": "MedicationStatement",
        "id": resource_id(report, "medication-statement", f"{index}", medicine.name),
        "status": "active",
        "medicationCodeableConcept": {"text": medicine.name},
        "subject": _reference(patient),
    }
    label = medicine_label(medicine)
    if label != medicine.name:
        statement["note"] = [{"text": f"imuran check: {label[len(medicine.name) :].strip(' ()')}"}]
    return statement


def _administrations(
    report: Report, patient: dict[str, Any], codes: FhirCodes
) -> list[dict[str, Any]]:
    resources = []
    # The same two values in every administration: made once and shared (the bundle is
    # only ever written out, never changed).
    medication = _azathioprine(codes)
    subject = _reference(patient)
    for dose in report.doses_taken:
        day = dose.date.isoformat()
        resource: dict[str, Any] = {
            "resourceType": "MedicationAdministration",
            "id": resource_id(report, "administration", day, dose.dose),
            "status": "completed",
            "medicationCodeableConcept": medication,
            "subject": subject,
            "effectiveDateTime": day,
        }
        dosage: dict[str, Any] = {"text": _DOSE_WORDS.get(dose.dose, dose.dose)}
        if dose.mg is not None:
            dosage["dose"] = _mg(dose.mg, codes)
        resource["dosage"] = dosage
        if dose.recorded_at is not None:
            # To the second, as replace(microsecond=0).isoformat() gives it, at a third of
            # the cost (a datetime's replace() parses its keywords: 9,000 instructions).
            recorded = dose.recorded_at.isoformat(timespec="seconds")
            resource["note"] = [{"text": f"Recorded at {recorded}"}]
        resources.append(resource)
    return resources


def _lab_observations(
    report: Report, patient: dict[str, Any], codes: FhirCodes, labs: Labs
) -> list[dict[str, Any]]:
    resources = []
    for view in report.lab_tests:
        flags: dict[str, Flag] = {flag.test: flag for flag in view.flags}
        for name, value in view.values.items():
            info = labs.test(name)
            code = codes.lab_codes[name]
            observation: dict[str, Any] = {
                "resourceType": "Observation",
                "id": resource_id(report, "lab", view.date.isoformat(), name),
                "status": "final",
                "category": [{"coding": [{"system": _CATEGORY, "code": "laboratory"}]}],
                "code": {
                    "coding": [{"system": codes.loinc, "code": code.loinc}],
                    "text": info.title,
                },
                "subject": _reference(patient),
                "effectiveDateTime": view.date.isoformat(),
                "valueQuantity": {
                    "value": value,
                    "unit": info.unit,
                    "system": codes.ucum,
                    "code": code.ucum,
                },
            }
            flag = flags.get(name)
            if flag is not None:
                observation["interpretation"] = [
                    {
                        "coding": [
                            {
                                "system": _INTERPRETATION,
                                "code": "L" if flag.direction == "low" else "H",
                            }
                        ],
                        "text": common.flag_word(flag),
                    }
                ]
                observation["note"] = [{"text": f"{flag.message} [{flag.source}]"}]
            resources.append(observation)
    return resources


def _adl_observations(report: Report, patient: dict[str, Any]) -> list[dict[str, Any]]:
    resources = []
    for record in report.adl:
        resources.append(
            {
                "resourceType": "Observation",
                "id": resource_id(report, "mg-adl", record.date.isoformat()),
                "status": "final",
                "category": [{"coding": [{"system": _CATEGORY, "code": "survey"}]}],
                "code": {
                    "text": "MG-ADL total score (Myasthenia Gravis Activities of Daily Living)"
                },
                "subject": _reference(patient),
                "effectiveDateTime": record.date.isoformat(),
                "valueInteger": record.total,
                "component": [
                    {"code": {"text": f"MG-ADL {key.replace('_', ' ')}"}, "valueInteger": value}
                    for key, value in record.items
                ],
            }
        )
    return resources


def _provenance(report: Report, targets: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "resourceType": "Provenance",
        "id": resource_id(report, "provenance"),
        "target": [_reference(resource) for resource in targets],
        "recorded": report.generated_at.replace(microsecond=0).isoformat(),
        "agent": [{"who": {"display": f"imuran {__version__}"}}],
        "activity": {"text": common.last_line(report)},
    }


def fhir_bundle(report: Report, labs: Labs, codes: FhirCodes) -> dict[str, Any]:
    patient = _patient(report)
    resources: list[dict[str, Any]] = [patient, _azathioprine_statement(report, patient, codes)]
    resources += [
        _other_statement(report, patient, index, medicine)
        for index, medicine in enumerate(report.summary.medicines)
    ]
    resources += _administrations(report, patient, codes)
    resources += _lab_observations(report, patient, codes, labs)
    resources += _adl_observations(report, patient)
    resources.append(_provenance(report, list(resources)))
    return {
        "resourceType": "Bundle",
        "id": resource_id(report, "bundle", report.since.isoformat(), report.until.isoformat()),
        "meta": {"lastUpdated": report.generated_at.replace(microsecond=0).isoformat()},
        "type": "collection",
        "timestamp": report.generated_at.replace(microsecond=0).isoformat(),
        "entry": [
            {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
            for resource in resources
        ],
    }


def render_report_fhir(report: Report, labs: Labs, codes: FhirCodes) -> str:
    """The bundle as JSON: its own fields on the first line, then one entry (a resource)
    a line, then the closing brackets.

    Not indented: Python's json uses its C encoder only without ``indent``; with
    ``indent=2`` the pure-Python one took about 120 M instructions (a tenth of the
    command) for six months of a year's journal, against about 28 M this way. One
    resource a line still reads with ``grep`` and diffs resource by resource. No check
    for circular references (3.5 M): the bundle is plain dicts and lists made above.
    """
    bundle = fhir_bundle(report, labs, codes)
    entries = bundle.pop("entry")
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    lines = ",\n".join(map(encode, entries))
    # The bundle's fields without the entries, and the entries as its last field.
    return f'{encode(bundle)[:-1]}, "entry": [\n{lines}\n]}}\n'
