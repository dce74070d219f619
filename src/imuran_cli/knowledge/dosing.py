"""Weight-based dosing data (``dosing.toml``): the typical range, checks and adjustments.

``load_dosing().typical`` (``low_mg_per_kg``, ``high_mg_per_kg``, ``max_mg_per_kg``) is
used by other commands. The genotype rules follow CPIC; the medicine effects are keyed by
the warning codes of ``medicines.toml``.
"""

# No `from __future__ import annotations`: real annotations let `build` resolve the field
# types without compiling strings, which saves start-up time.

from collections.abc import Iterator
from typing import Literal

from imuran_cli.knowledge._files import load_record
from imuran_cli.record import Record

FILE = "dosing.toml"

Severity = Literal["info", "caution", "urgent"]
GeneName = Literal["tpmt", "nudt15"]

PERCENT = 100


class TypicalRange(Record):
    """The usual daily dose for MG, in mg per kg of body weight, and the maximum."""

    low_mg_per_kg: float
    high_mg_per_kg: float
    max_mg_per_kg: float
    sources: tuple[str, ...]


class Statement(Record):
    """A sentence shown to the person, with its sources."""

    text: str
    sources: tuple[str, ...]


class Check(Record):
    """A warning the dose check can give: code, severity, message template, sources."""

    code: str
    severity: Severity
    message: str
    sources: tuple[str, ...]


class UsLabel(Record):
    """The US label's maximum (for rheumatoid arthritis), and the check above it."""

    code: str
    severity: Severity
    message: str
    sources: tuple[str, ...]
    max_mg_per_kg: float


class Rounding(Record):
    decimals: int
    source: str


class AdjustmentNotes(Record):
    """Sentences added to a warning whose rule changes (or would change) the dose."""

    range_reduced: str
    no_dose: str
    dose_unchanged: str
    no_dose_unchanged: str
    source: str


def factor(percent: float | None) -> float:
    """A percentage as a factor; no percentage leaves the dose as it is."""
    return (PERCENT if percent is None else percent) / PERCENT


class OneIntermediate(Record):
    """A starting range as percentages of the usual one (low end x low, high end x high),
    for an intermediate result in one gene."""

    low_percent: float
    high_percent: float
    severity: Severity
    message: str
    sources: tuple[str, ...]
    codes: dict[GeneName, str]

    @property
    def low_factor(self) -> float:
        return factor(self.low_percent)

    @property
    def high_factor(self) -> float:
        return factor(self.high_percent)


class BothIntermediate(Record):
    """The starting range, as percentages, for intermediate results in both genes."""

    low_percent: float
    high_percent: float
    code: str
    severity: Severity
    message: str
    sources: tuple[str, ...]

    @property
    def low_factor(self) -> float:
        return factor(self.low_percent)

    @property
    def high_factor(self) -> float:
        return factor(self.high_percent)


class Poor(Record):
    severity: Severity
    message: str
    sources: tuple[str, ...]
    codes: dict[GeneName, str]


class UnknownGenes(Record):
    """The note for a missing result: both genes, or one when the other was checked."""

    code: str
    severity: Severity
    message: str
    sources: tuple[str, ...]
    one_gene_message: str


class Phenotypes(Record):
    """Which CPIC phenotype names fall under which rule."""

    intermediate: tuple[str, ...]
    poor: tuple[str, ...]
    unknown: tuple[str, ...]
    source: str


class Genotype(Record):
    """CPIC rules for the TPMT and NUDT15 phenotypes."""

    genes: dict[GeneName, str]
    phenotypes: Phenotypes
    one_intermediate: OneIntermediate
    both_intermediate: BothIntermediate
    poor: Poor
    unknown: UnknownGenes


class MedicineEffect(Record):
    """How an interacting medicine changes the dose: a reduced range, or no dose at all."""

    sources: tuple[str, ...]
    low_percent: float | None = None
    high_percent: float | None = None
    no_dose: bool = False
    text: str | None = None

    @property
    def low_factor(self) -> float:
        return factor(self.low_percent)

    @property
    def high_factor(self) -> float:
        return factor(self.high_percent)


class Dosing(Record):
    typical: TypicalRange
    typical_guidance: Statement
    reduced_guidance: Statement
    us_label: UsLabel
    above_max: Check
    below_typical: Check
    below_one_step: Check
    rounding: Rounding
    adjustment_notes: AdjustmentNotes
    genotype: Genotype
    medicine_effects: dict[str, MedicineEffect]


def load_dosing() -> Dosing:
    return load_record(FILE, Dosing)


def _percent(where: str, value: float | None) -> Iterator[str]:
    if value is not None and not 0 < value <= PERCENT:
        yield f"{where}: {value} is not a percentage above 0 and at most {PERCENT}"


def problems(dosing: Dosing) -> Iterator[str]:
    """What the types cannot say: percentages, one effect per medicine, sources given."""
    typical = dosing.typical
    if not 0 < typical.low_mg_per_kg <= typical.high_mg_per_kg <= typical.max_mg_per_kg:
        yield "typical: not 0 < low_mg_per_kg <= high_mg_per_kg <= max_mg_per_kg"
    genotype = dosing.genotype
    for name, rule in (
        ("genotype.one_intermediate", genotype.one_intermediate),
        ("genotype.both_intermediate", genotype.both_intermediate),
    ):
        yield from _percent(f"{name}.low_percent", rule.low_percent)
        yield from _percent(f"{name}.high_percent", rule.high_percent)
    statements: dict[str, tuple[str, ...]] = {
        "typical_guidance": dosing.typical_guidance.sources,
        "reduced_guidance": dosing.reduced_guidance.sources,
        "us_label": dosing.us_label.sources,
        "above_max": dosing.above_max.sources,
        "below_typical": dosing.below_typical.sources,
        "below_one_step": dosing.below_one_step.sources,
        "genotype.one_intermediate": genotype.one_intermediate.sources,
        "genotype.both_intermediate": genotype.both_intermediate.sources,
        "genotype.poor": genotype.poor.sources,
        "genotype.unknown": genotype.unknown.sources,
    }
    for code, effect in dosing.medicine_effects.items():
        where = f"medicine_effects.{code}"
        statements[where] = effect.sources
        yield from _percent(f"{where}.low_percent", effect.low_percent)
        yield from _percent(f"{where}.high_percent", effect.high_percent)
        has_range = effect.low_percent is not None and effect.high_percent is not None
        if has_range == effect.no_dose:
            yield f"{where}: give either low_percent and high_percent, or no_dose = true"
    for where, sources in statements.items():
        if not sources:
            yield f"{where}: sources is empty"
