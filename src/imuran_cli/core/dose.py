"""`imuran dose`: the daily dose for a body weight, in mg and tablets, with its checks.

The basis of the answer, in order: a prescribed daily dose, a prescriber's mg/kg target,
or the typical range for MG. TPMT/NUDT15 results and interacting medicines narrow the
typical range (or leave no dose at all); a prescribed dose or target is never changed,
only warned about. Every number comes from the knowledge data passed in.
"""

import math
from collections.abc import Sequence
from typing import Any, Literal

from imuran_cli.core.errors import InputError
from imuran_cli.core.medicines import DOSE_KINDS, check_profile_medicines
from imuran_cli.core.profile import SCHEDULES, DoseTime, Genetics, Profile, Schedule
from imuran_cli.core.regimen import (
    ceil_to_step,
    floor_to_step,
    round_to_step,
    split_doses,
    tablets,
    target_daily_mg,
)
from imuran_cli.core.units import (
    Mg,
    WeightUnit,
    format_number,
    is_whole_steps,
    mg_json,
    parse_unit,
    parse_weight,
    tablet_step_mg,
    to_kg,
)
from imuran_cli.knowledge.dosing import Dosing, GeneName
from imuran_cli.knowledge.limits import Limits
from imuran_cli.knowledge.medicines import Medicines
from imuran_cli.record import Record

Basis = Literal["typical-range", "mg-per-kg", "prescribed"]
Severity = Literal["info", "caution", "urgent"]

# Most urgent first: the order warnings are listed in.
SEVERITY_ORDER: tuple[Severity, ...] = ("urgent", "caution", "info")


class MgPerKg(Record):
    """mg per kg of body weight a day: ``low`` equals ``high`` for a single dose."""

    low: float
    high: float


class DailyMg(Record):
    low: Mg
    high: Mg

    def __json__(self) -> dict[str, Any]:
        return mg_json(self, "low", "high")


class TabletsPerDay(Record):
    low: float
    high: float


class DoseItem(Record):
    """One dose of the day."""

    time: DoseTime
    mg: Mg
    tablets: float

    def __json__(self) -> dict[str, Any]:
        return mg_json(self, "mg")


class DoseWarning(Record):
    """Something that changes or questions the dose, with a stable code and its source."""

    code: str
    severity: Severity
    message: str
    source: str
    # The profile entry that triggered it, for medicine warnings.
    medicine: str | None = None


class Weight(Record):
    """The weight as given, in its own unit."""

    value: float
    unit: WeightUnit


class Guidance(Record):
    text: str
    sources: list[str]


class DoseResult(Record):
    """The answer of ``imuran dose``; its fields are the ``--json`` contract."""

    weight_kg: float
    basis: Basis
    mg_per_kg: MgPerKg | None
    daily_mg: DailyMg | None
    tablets_per_day: TabletsPerDay | None
    tablet_mg: int
    schedule: Schedule
    doses: list[DoseItem]
    warnings: list[DoseWarning]
    sources: list[str]
    # Added fields.
    weight: Weight
    step_mg: Mg
    tablets_split: bool
    adjusted: bool
    guidance: Guidance | None
    # True when the range is a starting range worked out from CPIC's percentages.
    starting_range: bool = False

    def __json__(self) -> dict[str, Any]:
        return mg_json(self, "step_mg")


class DoseOptions(Record):
    """The command-line options, as typed; None when not given."""

    weight: str | None = None
    unit: str | None = None
    mg_per_kg: str | None = None
    daily_mg: str | None = None
    schedule: str | None = None


class _Rule(Record):
    """A genotype or medicine rule that applies: its warning and its effect on the dose."""

    code: str
    severity: Severity
    message: str
    sources: tuple[str, ...]
    low_factor: float = 1
    high_factor: float = 1
    no_dose: bool = False
    medicine: str | None = None
    # CPIC's percentages are of the normal starting dose (the low end of the usual range).
    of_starting_dose: bool = False

    @property
    def changes_dose(self) -> bool:
        return self.no_dose or self.low_factor != 1 or self.high_factor != 1


def plan_dose(
    options: DoseOptions,
    profile: Profile | None,
    limits: Limits,
    dosing: Dosing,
    medicines: Medicines,
) -> DoseResult:
    """Work out the dose for this run: options override the profile."""
    if options.daily_mg is not None and options.mg_per_kg is not None:
        raise InputError(
            "--daily-mg and --mg-per-kg cannot be used together",
            "give one: the prescribed dose (--daily-mg) or a target in mg/kg (--mg-per-kg)",
            code="conflicting_options",
        )
    schedule = _schedule(options.schedule, profile)
    weight_value, weight_unit = _weight(options, profile, limits)
    weight_kg = to_kg(weight_value, weight_unit, limits)
    prescription = profile.prescription if profile is not None else None
    tablet_mg = prescription.tablet_mg if prescription else limits.tablets.default_strength_mg
    # Halves only for a strength known to be scored (the profile refuses halves otherwise).
    split = (prescription.tablets_split if prescription else True) and limits.tablets.may_halve(
        tablet_mg
    )
    step = tablet_step_mg(tablet_mg, split, limits)
    daily_flag = _daily_mg_option(options.daily_mg, tablet_mg, split, step, limits)
    target_flag = _mg_per_kg_option(options.mg_per_kg, limits, dosing)

    rules = [*_genotype_rules(profile, dosing), *_medicine_rules(profile, dosing, medicines)]
    plan = _Plan(dosing=dosing, weight_kg=weight_kg, step=step, rules=rules)
    if daily_flag is not None:
        plan.prescribed(daily_flag)
    elif target_flag is not None:
        plan.target(target_flag)
    elif prescription is not None and prescription.daily_mg is not None:
        plan.prescribed(prescription.daily_mg)
    elif prescription is not None and prescription.mg_per_kg is not None:
        plan.target(prescription.mg_per_kg)
    else:
        plan.typical()

    daily = plan.daily
    doses = (
        [
            DoseItem(time=part.time, mg=part.mg, tablets=tablets(part.mg, tablet_mg))
            for part in split_doses(daily[0], schedule, step, limits)
        ]
        if daily is not None and plan.basis != "typical-range"
        else []
    )
    warnings = plan.warnings()
    sources = list(dosing.typical.sources)
    if plan.guidance is not None:
        sources += plan.guidance.sources
    if doses:
        sources.append(limits.schedule.source)
    for rule_sources in plan.warning_sources():
        sources += rule_sources
    return DoseResult(
        weight_kg=plan.round(weight_kg),
        basis=plan.basis,
        mg_per_kg=plan.mg_per_kg,
        daily_mg=DailyMg(low=daily[0], high=daily[1]) if daily is not None else None,
        tablets_per_day=(
            TabletsPerDay(low=tablets(daily[0], tablet_mg), high=tablets(daily[1], tablet_mg))
            if daily is not None
            else None
        ),
        tablet_mg=tablet_mg,
        schedule=schedule,
        doses=doses,
        warnings=warnings,
        sources=list(dict.fromkeys(sources)),
        weight=Weight(value=weight_value, unit=weight_unit),
        step_mg=step,
        tablets_split=split,
        adjusted=plan.adjusted,
        guidance=plan.guidance,
        starting_range=plan.starting_range,
    )


class _Plan:
    """The numbers of one basis, and the warnings its checks raise."""

    def __init__(self, *, dosing: Dosing, weight_kg: float, step: float, rules: list[_Rule]):
        self.dosing = dosing
        self.weight_kg = weight_kg
        self.step = step
        self.rules = rules
        self.no_dose = any(rule.no_dose for rule in rules)
        self.basis: Basis = "typical-range"
        self.mg_per_kg: MgPerKg | None = None
        self.daily: tuple[float, float] | None = None
        self.adjusted = False
        self.starting_range = False
        self.guidance: Guidance | None = None
        self.checks: list[tuple[DoseWarning, tuple[str, ...]]] = []

    def round(self, value: float) -> float:
        return round(value, self.dosing.rounding.decimals)

    def _values(self) -> dict[str, str]:
        typical = self.dosing.typical
        return {
            "max": format_number(typical.max_mg_per_kg),
            "low": format_number(typical.low_mg_per_kg),
            "high": format_number(typical.high_mg_per_kg),
            "us_max": format_number(self.dosing.us_label.max_mg_per_kg),
            "step": format_number(self.step),
        }

    def _check(self, code: str, severity: Severity, message: str, sources: Sequence[str]) -> None:
        warning = DoseWarning(
            code=code,
            severity=severity,
            message=message.format(**self._values()),
            source=sources[0],
        )
        self.checks.append((warning, tuple(sources)))

    def _above_us_label(self, mg_per_kg: float) -> None:
        us_label = self.dosing.us_label
        if mg_per_kg > us_label.max_mg_per_kg:
            self._check(us_label.code, us_label.severity, us_label.message, us_label.sources)

    def _below_one_step(self) -> None:
        check = self.dosing.below_one_step
        self._check(check.code, check.severity, check.message, check.sources)

    def prescribed(self, daily_mg: float) -> None:
        """A prescribed daily dose: shown as it is, compared by its unrounded mg/kg."""
        self.basis = "prescribed"
        self.daily = (daily_mg, daily_mg)
        per_kg = daily_mg / self.weight_kg
        self.mg_per_kg = MgPerKg(low=self.round(per_kg), high=self.round(per_kg))
        typical = self.dosing.typical
        if per_kg > typical.max_mg_per_kg:
            check = self.dosing.above_max
            self._check(check.code, check.severity, check.message, check.sources)
        self._above_us_label(per_kg)
        # A reason for a lower dose (a gene result, a xanthine oxidase inhibitor) explains
        # a low dose in its own warning: no invitation to raise it.
        lowered = any(rule.changes_dose for rule in self.rules)
        if per_kg < typical.low_mg_per_kg and not lowered:
            check = self.dosing.below_typical
            self._check(check.code, check.severity, check.message, check.sources)

    def target(self, mg_per_kg: float) -> None:
        """A prescriber's target: weight x target, to the nearest step, capped at the maximum."""
        self.basis = "mg-per-kg"
        self.mg_per_kg = MgPerKg(low=self.round(mg_per_kg), high=self.round(mg_per_kg))
        dose = target_daily_mg(
            self.weight_kg, mg_per_kg, self.dosing.typical.max_mg_per_kg, self.step
        )
        if dose is None:
            self._below_one_step()
            self._above_us_label(mg_per_kg)
            return
        self.daily = (dose, dose)
        self._above_us_label(max(mg_per_kg, dose / self.weight_kg))

    def typical(self) -> None:
        """The typical range for MG, narrowed by the rules; low end up, high end down.

        A gene rule's percentages apply to the usual starting dose (the low end of the
        range), giving a starting range; a medicine's apply to both ends.
        """
        typical = self.dosing.typical
        self.basis = "typical-range"
        low_factor = high_factor = 1.0
        for rule in {rule.code: rule for rule in self.rules}.values():
            low_factor *= rule.low_factor
            high_factor *= rule.high_factor
        self.adjusted = any(rule.changes_dose for rule in self.rules)
        if self.no_dose:
            return
        # A range lowered on purpose is not invited up ("raised over several weeks").
        said = self.dosing.reduced_guidance if self.adjusted else self.dosing.typical_guidance
        self.guidance = Guidance(text=said.text, sources=list(said.sources))
        self.starting_range = any(
            rule.of_starting_dose and rule.changes_dose for rule in self.rules
        )
        high_base = typical.low_mg_per_kg if self.starting_range else typical.high_mg_per_kg
        low_per_kg = typical.low_mg_per_kg * low_factor
        high_per_kg = min(high_base * high_factor, typical.max_mg_per_kg)
        self.mg_per_kg = MgPerKg(low=self.round(low_per_kg), high=self.round(high_per_kg))
        low = ceil_to_step(self.weight_kg * low_per_kg, self.step)
        high = floor_to_step(self.weight_kg * high_per_kg, self.step)
        if high < self.step or low > high:
            self._below_one_step()
            return
        self.daily = (low, high)
        self._above_us_label(high / self.weight_kg)

    def _note(self, rule: _Rule) -> str | None:
        """What the rule means for the numbers shown, for a rule that changes the dose."""
        notes = self.dosing.adjustment_notes
        if not rule.changes_dose:
            return None
        if self.basis != "typical-range":
            return notes.no_dose_unchanged if rule.no_dose else notes.dose_unchanged
        if rule.no_dose:
            return notes.no_dose
        return None if self.no_dose or self.daily is None else notes.range_reduced

    def warnings(self) -> list[DoseWarning]:
        """Dose checks, then genotype and medicine rules; the most urgent first."""
        found = [warning for warning, _ in self.checks]
        for rule in self.rules:
            note = self._note(rule)
            found.append(
                DoseWarning(
                    code=rule.code,
                    severity=rule.severity,
                    message=f"{rule.message} {note}" if note else rule.message,
                    source=rule.sources[0],
                    medicine=rule.medicine,
                )
            )
        return sorted(found, key=lambda warning: SEVERITY_ORDER.index(warning.severity))

    def warning_sources(self) -> list[tuple[str, ...]]:
        return [sources for _, sources in self.checks] + [rule.sources for rule in self.rules]


# ---------------------------------------------------------------- options


def _schedule(text: str | None, profile: Profile | None) -> Schedule:
    if text is None:
        return profile.prescription.schedule if profile is not None else "once"
    wanted = text.strip().lower()
    for schedule in SCHEDULES:
        if wanted == schedule:
            return schedule
    raise InputError(
        f"unknown schedule {text!r}: use once or split",
        "--schedule once takes it all in the morning; --schedule split, half morning, half later",
        code="invalid_schedule",
    )


def _weight(
    options: DoseOptions, profile: Profile | None, limits: Limits
) -> tuple[float, WeightUnit]:
    unit = parse_unit(options.unit) if options.unit is not None else None
    if options.weight is not None:
        return parse_weight(options.weight, limits, unit)
    if unit is not None:
        raise InputError(
            f"--unit {options.unit} was given without --weight",
            "give the weight too, e.g. --weight 154 --unit lb (or --weight 154lb)",
            code="unit_without_weight",
        )
    if profile is not None and profile.weight is not None:
        return profile.weight.value, profile.weight.unit
    raise InputError(
        "no body weight: the dose depends on it, and there is none in the profile",
        "pass --weight, e.g. --weight 70 or --weight 154lb, or run imuran profile init",
        code="no_weight",
    )


def _number(text: str, flag: str, allowed: str, example: str, code: str) -> float:
    try:
        return float(text.strip())
    except ValueError:
        raise InputError(
            f"{flag} {text!r} is not a number (allowed: {allowed})",
            f"give a number, e.g. {flag} {example}",
            code=code,
        ) from None


def _daily_mg_option(
    text: str | None, tablet_mg: int, split: bool, step: float, limits: Limits
) -> float | None:
    """A prescribed daily dose: a whole number of tablet steps within the limits."""
    if text is None:
        return None
    allowed = limits.daily_mg
    span = f"{format_number(allowed.min)} to {format_number(allowed.max)} mg a day"
    example = format_number(limits.tablets.default_strength_mg * limits.tablets.pieces_when_split)
    value = _number(text, "--daily-mg", span, example, "invalid_daily_mg")
    if not math.isfinite(value) or not allowed.contains(value):
        raise InputError(
            f"--daily-mg {format_number(value)} is outside {span}",
            f"give the prescribed daily dose in mg, e.g. --daily-mg {example}",
            code="daily_mg_out_of_range",
        )
    if not is_whole_steps(value, step):
        pieces = "half" if split else "whole"
        nearest = max(round_to_step(value, step), ceil_to_step(allowed.min, step))
        raise InputError(
            f"--daily-mg {format_number(value)} cannot be made from {pieces} {tablet_mg} mg "
            f"tablets: use a multiple of {format_number(step)} mg ({span})",
            f"the nearest is --daily-mg {format_number(nearest)}; tablet size and splitting "
            "come from your profile (imuran profile show)",
            code="daily_mg_not_whole_steps",
        )
    return value


def _mg_per_kg_option(text: str | None, limits: Limits, dosing: Dosing) -> float | None:
    """A prescriber's target in mg/kg a day: never above the maximum."""
    if text is None:
        return None
    allowed = limits.mg_per_kg
    maximum = dosing.typical.max_mg_per_kg
    span = f"{format_number(allowed.min)} to {format_number(min(allowed.max, maximum))} mg/kg a day"
    example = format_number(dosing.typical.low_mg_per_kg)
    value = _number(text, "--mg-per-kg", span, example, "invalid_mg_per_kg")
    if math.isfinite(value) and value > maximum:
        raise InputError(
            f"--mg-per-kg {format_number(value)} is above the maximum dose (allowed: {span})",
            "check the target with your neurologist; the labels allow at most "
            f"{format_number(maximum)} mg/kg a day",
            code="mg_per_kg_above_max",
        )
    if not math.isfinite(value) or not allowed.contains(value):
        raise InputError(
            f"--mg-per-kg {format_number(value)} is outside {span}",
            f"give the target in mg per kg a day, e.g. --mg-per-kg {example}",
            code="mg_per_kg_out_of_range",
        )
    return value


# ---------------------------------------------------------------- rules


def _genotype_rules(profile: Profile | None, dosing: Dosing) -> list[_Rule]:
    """CPIC: poor in either gene wins; else intermediate in one or both; unknown is noted."""
    genetics = profile.genetics if profile is not None else Genetics()
    genotype = dosing.genotype
    results: dict[GeneName, str] = {"tpmt": genetics.tpmt, "nudt15": genetics.nudt15}
    kinds = genotype.phenotypes
    poor = [gene for gene, result in results.items() if result in kinds.poor]
    if poor:
        rule = genotype.poor
        return [
            _Rule(
                code=rule.codes[gene],
                severity=rule.severity,
                message=rule.message.format(gene=genotype.genes[gene]),
                sources=tuple(rule.sources),
                no_dose=True,
            )
            for gene in poor
        ]
    rules: list[_Rule] = []
    start = format_number(dosing.typical.low_mg_per_kg)
    intermediate = [gene for gene, result in results.items() if result in kinds.intermediate]
    if intermediate and len(intermediate) == len(results):
        both = genotype.both_intermediate
        rules.append(
            _Rule(
                code=both.code,
                severity=both.severity,
                message=both.message.format(
                    low_percent=format_number(both.low_percent),
                    high_percent=format_number(both.high_percent),
                    start=start,
                ),
                sources=tuple(both.sources),
                low_factor=both.low_factor,
                high_factor=both.high_factor,
                of_starting_dose=True,
            )
        )
    elif intermediate:
        one = genotype.one_intermediate
        (gene,) = intermediate
        rules.append(
            _Rule(
                code=one.codes[gene],
                severity=one.severity,
                message=one.message.format(
                    gene=genotype.genes[gene],
                    phenotype=results[gene].replace("-", " "),
                    low_percent=format_number(one.low_percent),
                    high_percent=format_number(one.high_percent),
                    start=start,
                ),
                sources=tuple(one.sources),
                low_factor=one.low_factor,
                high_factor=one.high_factor,
                of_starting_dose=True,
            )
        )
    unknown = [genotype.genes[gene] for gene, result in results.items() if result in kinds.unknown]
    if unknown:
        note = genotype.unknown
        # The other gene's rule was checked when its result is known: name only this one.
        message = (
            note.one_gene_message.format(gene=unknown[0])
            if len(unknown) == 1
            else note.message.format(genes=" and ".join(unknown))
        )
        rules.append(
            _Rule(
                code=note.code,
                severity=note.severity,
                message=message,
                sources=tuple(note.sources),
            )
        )
    return rules


def _medicine_rules(profile: Profile | None, dosing: Dosing, medicines: Medicines) -> list[_Rule]:
    """One rule per profile entry and interacting group, found by the matcher of
    ``imuran check``: every interaction with azathioprine (Part A, live vaccines
    included). MG cautions are not dose warnings. Effects come from the dosing data."""
    if profile is None or not profile.medications:
        return []
    found = check_profile_medicines(
        profile.medications, medicines, stopped_on=profile.prescription.stopped_on
    )
    rules: list[_Rule] = []
    for item in found:
        finding = item.finding
        if finding.kind not in DOSE_KINDS:
            continue
        code = medicines.group(finding.group).code
        effect = dosing.medicine_effects.get(code)
        message = finding.message
        sources = list(finding.sources)
        if effect is not None:
            if effect.text:
                message = f"{message} {effect.text}"
            sources += effect.sources
        rules.append(
            _Rule(
                code=code,
                severity=finding.severity,
                message=message,
                sources=tuple(dict.fromkeys(sources)),
                low_factor=effect.low_factor if effect is not None else 1,
                high_factor=effect.high_factor if effect is not None else 1,
                no_dose=effect.no_dose if effect is not None else False,
                medicine=item.medicine,
            )
        )
    return rules
