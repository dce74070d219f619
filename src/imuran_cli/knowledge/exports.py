"""What the exports print or use (``exports.toml``): calendar and report defaults, card texts.

Loaded into records with ``build`` (no pydantic at run time); the tests validate
the file with ``pydantic.TypeAdapter(Exports)``.
"""

# No `from __future__ import annotations`: real annotations let `build` resolve the field
# types without compiling strings, which saves start-up time.

from imuran_cli.knowledge._data import build
from imuran_cli.knowledge._files import read_data
from imuran_cli.record import Record


class CalendarNumbers(Record):
    """How far dose reminders run, how long an event lasts, when the test reminder rings."""

    default_months: int
    min_months: int
    max_months: int
    dose_minutes: int
    blood_test_alarm_days: int
    sources: tuple[str, ...]


class ReportNumbers(Record):
    default_since_months: int
    sources: tuple[str, ...]


class Statement(Record):
    """One sentence of the card and the source it paraphrases."""

    text: str
    source: str


class CitedStatement(Record):
    """One sentence of the card citing several sources."""

    text: str
    sources: tuple[str, ...]


class WorsenMg(Record):
    """The warning about medicines that can worsen MG, with the classes it names."""

    text: str
    classes: tuple[str, ...]
    sources: tuple[str, ...]


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


class LabCode(Record):
    """A blood test's LOINC code and the UCUM code of its unit."""

    loinc: str
    ucum: str


class FhirCodes(Record):
    """Code systems and codes of the FHIR export."""

    rxnorm: str
    loinc: str
    ucum: str
    azathioprine_rxnorm: str
    sources: tuple[str, ...]
    lab_codes: dict[str, LabCode]


class Exports(Record):
    calendar: CalendarNumbers
    report: ReportNumbers
    card: CardTexts
    fhir: FhirCodes


def load_exports() -> Exports:
    return build(Exports, read_data("exports.toml"))
