"""What the exports print or use (``exports.toml``): calendar and report defaults, card texts.

Loaded into frozen dataclasses with ``build`` (no pydantic at run time); the tests validate
the file with ``pydantic.TypeAdapter(Exports)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from imuran_cli.knowledge._data import Record, build
from imuran_cli.knowledge._files import read_data


@dataclass(frozen=True)
class CalendarNumbers(Record):
    """How far dose reminders run, how long an event lasts, when the test reminder rings."""

    default_months: int
    min_months: int
    max_months: int
    dose_minutes: int
    blood_test_alarm_days: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ReportNumbers(Record):
    default_since_months: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Statement(Record):
    """One sentence of the card and the source it paraphrases."""

    text: str
    source: str


@dataclass(frozen=True)
class CitedStatement(Record):
    """One sentence of the card citing several sources."""

    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class WorsenMg(Record):
    """The warning about medicines that can worsen MG, with the classes it names."""

    text: str
    classes: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class CardTexts(Record):
    mg: Statement
    azathioprine: Statement
    stopped: Statement
    no_dose: Statement
    tell: Statement
    worsen_mg: WorsenMg
    live_vaccines: CitedStatement
    anaesthesia: CitedStatement
    crisis: CitedStatement


@dataclass(frozen=True)
class LabCode(Record):
    """A blood test's LOINC code and the UCUM code of its unit."""

    loinc: str
    ucum: str


@dataclass(frozen=True)
class FhirCodes(Record):
    """Code systems and codes of the FHIR export."""

    rxnorm: str
    loinc: str
    ucum: str
    azathioprine_rxnorm: str
    sources: tuple[str, ...]
    lab_codes: dict[str, LabCode]


@dataclass(frozen=True)
class Exports(Record):
    calendar: CalendarNumbers
    report: ReportNumbers
    card: CardTexts
    fhir: FhirCodes


def load_exports() -> Exports:
    return build(Exports, read_data("exports.toml"))
