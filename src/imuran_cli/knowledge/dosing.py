"""Weight-based dosing data (``dosing.toml``): the typical range, checks and adjustments.

``load_dosing().typical`` (``low_mg_per_kg``, ``high_mg_per_kg``, ``max_mg_per_kg``) is
used by other commands. The genotype rules follow CPIC; the medicine effects are keyed by
the warning codes of ``medicines.toml``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from imuran_cli.knowledge._files import load_model

Severity = Literal["info", "caution", "urgent"]
GeneName = Literal["tpmt", "nudt15"]

PERCENT = 100


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TypicalRange(_Frozen):
    """The usual daily dose for MG, in mg per kg of body weight, and the maximum."""

    low_mg_per_kg: float
    high_mg_per_kg: float
    max_mg_per_kg: float
    sources: list[str]


class Statement(_Frozen):
    """A sentence shown to the person, with its sources."""

    text: str
    sources: list[str] = Field(min_length=1)


class Check(_Frozen):
    """A warning the dose check can give: code, severity, message template, sources."""

    code: str
    severity: Severity
    message: str
    sources: list[str] = Field(min_length=1)


class UsLabel(Check):
    """The US label's maximum (for rheumatoid arthritis)."""

    max_mg_per_kg: float


class Rounding(_Frozen):
    decimals: int
    source: str


class AdjustmentNotes(_Frozen):
    """Sentences added to a warning whose rule changes (or would change) the dose."""

    range_reduced: str
    no_dose: str
    dose_unchanged: str
    no_dose_unchanged: str
    source: str


class Percentages(_Frozen):
    """A starting range as percentages of the usual one: low end x low, high end x high."""

    low_percent: float = Field(gt=0, le=PERCENT)
    high_percent: float = Field(gt=0, le=PERCENT)

    @property
    def low_factor(self) -> float:
        return self.low_percent / PERCENT

    @property
    def high_factor(self) -> float:
        return self.high_percent / PERCENT


class OneIntermediate(Percentages):
    severity: Severity
    message: str
    sources: list[str] = Field(min_length=1)
    codes: dict[GeneName, str]


class BothIntermediate(Percentages):
    code: str
    severity: Severity
    message: str
    sources: list[str] = Field(min_length=1)


class Poor(_Frozen):
    severity: Severity
    message: str
    sources: list[str] = Field(min_length=1)
    codes: dict[GeneName, str]


class UnknownGenes(Check):
    """The note for a missing result: both genes, or one when the other was checked."""

    one_gene_message: str


class Phenotypes(_Frozen):
    """Which CPIC phenotype names fall under which rule."""

    intermediate: list[str]
    poor: list[str]
    unknown: list[str]
    source: str


class Genotype(_Frozen):
    """CPIC rules for the TPMT and NUDT15 phenotypes."""

    genes: dict[GeneName, str]
    phenotypes: Phenotypes
    one_intermediate: OneIntermediate
    both_intermediate: BothIntermediate
    poor: Poor
    unknown: UnknownGenes


class MedicineEffect(_Frozen):
    """How an interacting medicine changes the dose: a reduced range, or no dose at all."""

    low_percent: float | None = Field(default=None, gt=0, le=PERCENT)
    high_percent: float | None = Field(default=None, gt=0, le=PERCENT)
    no_dose: bool = False
    text: str | None = None
    sources: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_effect(self) -> MedicineEffect:
        has_range = self.low_percent is not None and self.high_percent is not None
        if has_range == self.no_dose:
            raise ValueError("give either low_percent and high_percent, or no_dose = true")
        return self

    @property
    def low_factor(self) -> float:
        return (self.low_percent or PERCENT) / PERCENT

    @property
    def high_factor(self) -> float:
        return (self.high_percent or PERCENT) / PERCENT


class Dosing(_Frozen):
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
    medicine_effects: dict[str, MedicineEffect] = Field(default_factory=dict)


def load_dosing() -> Dosing:
    return load_model("dosing.toml", Dosing)
