"""`plan_dose`: each basis, each adjustment, rounding at the boundaries, bad input."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imuran_cli.core.dose import DoseOptions, DoseResult, plan_dose
from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import GENOTYPES, Profile, parse_profile
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.knowledge.medicines import load_medicines
from imuran_cli.knowledge.sources import load_sources
from imuran_cli.render.json_out import to_jsonable

LIMITS = load_limits()
DOSING = load_dosing()
MEDICINES = load_medicines()
TODAY = dt.date(2026, 11, 25)
MAX = DOSING.typical.max_mg_per_kg


def profile(
    *,
    weight: float | None = None,
    unit: str = "kg",
    tablet_mg: int = 50,
    split: bool | None = None,
    daily_mg: float | None = None,
    mg_per_kg: float | None = None,
    schedule: str = "once",
    tpmt: str = "normal",
    nudt15: str = "normal",
    medications: list[str] | None = None,
) -> Profile:
    prescription: dict[str, Any] = {"tablet_mg": tablet_mg, "schedule": schedule}
    if split is not None:  # else the profile's default: halves only for a scored strength
        prescription["tablets_split"] = split
    if daily_mg is not None:
        prescription["daily_mg"] = daily_mg
    if mg_per_kg is not None:
        prescription["mg_per_kg"] = mg_per_kg
    data: dict[str, Any] = {
        "schema_version": 2,
        "prescription": prescription,
        "genetics": {"tpmt": tpmt, "nudt15": nudt15},
        "medications": medications or [],
    }
    if weight is not None:
        data["weight"] = {"value": weight, "unit": unit}
    return parse_profile(data, LIMITS, TODAY)


def plan(profile_: Profile | None = None, **options: str) -> DoseResult:
    return plan_dose(DoseOptions(**options), profile_, LIMITS, DOSING, MEDICINES)


def codes(result: DoseResult) -> list[str]:
    return [warning.code for warning in result.warnings]


def daily(result: DoseResult) -> tuple[float, float] | None:
    return None if result.daily_mg is None else (result.daily_mg.low, result.daily_mg.high)


def normal(**kwargs: Any) -> Profile:
    """A profile with normal TPMT and NUDT15, so that only the rule under test warns."""
    return profile(**kwargs)


# ---------------------------------------------------------------- typical range


@pytest.mark.parametrize(
    ("weight", "tablet_mg", "split", "expected"),
    [
        ("70", 50, True, (150, 200)),  # 140 up to 150, 210 down to 200
        ("154lb", 50, True, (150, 200)),  # 69.85 kg: 139.7 up, 209.6 down
        ("75", 50, True, (150, 225)),  # exact steps stay
        ("62.5", 50, True, (125, 175)),  # 187.5 down to 175
        ("10", 50, True, (25, 25)),  # 20 up to 25, 30 down to 25
        ("22lb", 50, True, (25, 25)),  # 9.98 kg: 19.96 up, 29.9 down
        ("300", 50, True, (600, 900)),
        ("70", 50, False, (150, 200)),  # whole tablets: 140 up to 150, 210 down to 200
        ("65", 50, False, (150, 150)),  # 130 up to 150, 195 down to 150
        ("70", 25, False, (150, 200)),  # whole 25 mg tablets: 140 up to 150, 210 down to 200
        ("71", 25, False, (150, 200)),  # 142 up to 150, 213 down to 200 (never 212.5)
        ("70", 100, False, (200, 200)),
        ("70", 75, False, (150, 150)),  # whole 75 mg tablets: 140 up to 150, 210 down to 150
    ],
)
def test_typical_range(weight, tablet_mg, split, expected):
    result = plan(normal(tablet_mg=tablet_mg, split=split), weight=weight)
    assert result.basis == "typical-range"
    assert daily(result) == expected
    assert result.mg_per_kg is not None
    assert (result.mg_per_kg.low, result.mg_per_kg.high) == (2.0, 3.0)
    assert result.doses == []
    assert result.guidance is not None and "neurologist" in result.guidance.text
    assert result.adjusted is False


def test_typical_range_without_a_profile_uses_default_tablets():
    result = plan(weight="70")
    assert (result.tablet_mg, result.step_mg, result.tablets_split) == (50, 25, True)
    assert daily(result) == (150, 200)
    assert result.tablets_per_day is not None
    assert (result.tablets_per_day.low, result.tablets_per_day.high) == (3.0, 4.0)
    assert "genotype-unknown" in codes(result)


def test_rounding_that_empties_the_range_gives_no_dose():
    # 55 kg, whole 100 mg tablets: 110 rounds up to 200, 165 down to 100.
    result = plan(normal(tablet_mg=100, split=False), weight="55")
    assert result.daily_mg is None and result.tablets_per_day is None
    assert codes(result) == ["below-one-step"]
    assert result.warnings[0].severity == "caution"
    assert result.mg_per_kg is not None  # the range that was used is still shown


@pytest.mark.parametrize(
    ("weight", "expected_note"),
    [("70", True), ("10", False)],  # 200/70 > 2.5; 25/10 = 2.5 is not above
)
def test_typical_range_us_label_note(weight, expected_note):
    result = plan(normal(), weight=weight)
    assert ("above-us-label-max" in codes(result)) is expected_note


# ---------------------------------------------------------------- mg-per-kg target


@pytest.mark.parametrize(
    ("weight", "target", "tablet_mg", "split", "expected"),
    [
        ("70", "2.5", 50, True, 175),
        ("70", "2", 50, True, 150),  # 140: nearer 150 than 125
        ("65", "2.5", 50, True, 150),  # 162.5: exactly half-way rounds down
        ("65.2", "2.5", 50, True, 175),  # 163: just past half-way rounds up
        ("75", "2.5", 50, True, 175),  # 187.5: half-way rounds down
        ("70", "3", 50, True, 200),  # 210: half-way between 200 and 225, down
        ("58", "3", 50, True, 150),  # 174 rounds to 175, but 3 x 58 = 174 caps it at 150
        ("150lb", "3", 50, True, 200),  # 68.04 kg: 204.1 -> 200
        ("26", "0.5", 50, True, 25),  # 13 -> 25
        ("70", "2.5", 50, False, 150),  # 175: half-way between whole tablets, down
        ("70", "2.6", 50, False, 200),  # 182 -> 200; cap 210 -> 200
        ("70", "2.5", 25, False, 175),  # 7 whole 25 mg tablets
        ("70", "1", 75, False, 75),  # 70 rounds to one whole 75 mg tablet
    ],
)
def test_mg_per_kg_target(weight, target, tablet_mg, split, expected):
    result = plan(normal(tablet_mg=tablet_mg, split=split), weight=weight, mg_per_kg=target)
    assert result.basis == "mg-per-kg"
    assert daily(result) == (expected, expected)
    assert result.mg_per_kg is not None
    assert result.mg_per_kg.low == result.mg_per_kg.high == float(target)
    assert expected <= result.weight_kg * MAX + 1e-9


@pytest.mark.parametrize(
    ("weight", "target"),
    [("10", "0.5"), ("20", "0.5"), ("25", "0.5")],  # 5, 10, 12.5 (half-way, down) -> 0
)
def test_target_below_one_step_gives_no_dose(weight, target):
    result = plan(normal(), weight=weight, mg_per_kg=target)
    assert result.daily_mg is None and result.tablets_per_day is None
    assert result.doses == []
    assert codes(result) == ["below-one-step"]


@pytest.mark.parametrize(
    ("weight", "target", "note"),
    [
        ("70", "2.5", False),  # 175 = 2.5 exactly
        ("70", "2.6", True),  # target above 2.5
        ("79", "2.5", True),  # 197.5 rounds to 200 = 2.53 mg/kg
    ],
)
def test_target_us_label_note(weight, target, note):
    result = plan(normal(), weight=weight, mg_per_kg=target)
    assert ("above-us-label-max" in codes(result)) is note
    if note:
        warning = next(w for w in result.warnings if w.code == "above-us-label-max")
        assert warning.severity == "caution"
        assert "rheumatoid arthritis" in warning.message


@pytest.mark.parametrize(
    ("options", "above"),
    [
        ({"weight": "70"}, True),  # the typical range's top, 3 mg/kg
        ({"weight": "70", "mg_per_kg": "2.6"}, True),  # a target
        ({"weight": "79", "mg_per_kg": "2.5"}, True),  # a target rounded up to 2.53
        ({"weight": "60", "daily_mg": "175"}, True),  # a prescribed dose, 2.92
        ({"weight": "70", "daily_mg": "225"}, True),  # above both maximums
        ({"weight": "70", "daily_mg": "175"}, False),  # exactly 2.5
        ({"weight": "70", "mg_per_kg": "2.5"}, False),
    ],
)
def test_above_the_us_maximum_is_a_caution_naming_both_labels(options, above):
    """Issue 13: the more conservative label's maximum is a caution, not a note."""
    result = plan(normal(), **options)
    found = [w for w in result.warnings if w.code == "above-us-label-max"]
    assert bool(found) is above
    if above:
        (warning,) = found
        assert warning.severity == "caution"
        assert "US label" in warning.message and "label used outside the US" in warning.message
        assert "2.5 mg/kg a day" in warning.message and "up to 3 mg/kg a day" in warning.message
        assert "neurologist" in warning.message


# ---------------------------------------------------------------- prescribed


@pytest.mark.parametrize(
    ("weight", "daily_mg", "mg_per_kg", "expected_codes"),
    [
        ("70", "150", 2.14, []),
        ("70", "175", 2.5, []),  # exactly 2.5: not above the US figure
        ("60", "175", 2.92, ["above-us-label-max"]),
        ("50", "150", 3.0, ["above-us-label-max"]),  # exactly the maximum: no caution
        ("70", "225", 3.21, ["above-max", "above-us-label-max"]),
        ("70", "500", 7.14, ["above-max", "above-us-label-max"]),
        ("50", "100", 2.0, []),  # exactly the low end: not below
        ("70", "100", 1.43, ["below-typical"]),
        ("70", "25", 0.36, ["below-typical"]),
        ("154lb", "150", 2.15, []),
    ],
)
def test_prescribed(weight, daily_mg, mg_per_kg, expected_codes):
    result = plan(normal(), weight=weight, daily_mg=daily_mg)
    assert result.basis == "prescribed"
    assert daily(result) == (float(daily_mg), float(daily_mg))
    assert result.mg_per_kg is not None
    assert result.mg_per_kg.low == result.mg_per_kg.high == mg_per_kg
    assert codes(result) == expected_codes


def test_above_max_is_a_caution_that_asks_for_the_prescriber():
    result = plan(normal(), weight="70", daily_mg="250")
    warning = result.warnings[0]
    assert (warning.code, warning.severity) == ("above-max", "caution")
    assert "prescriber" in warning.message
    assert daily(result) == (250, 250)  # shown as prescribed


def test_below_typical_is_an_info_note():
    result = plan(normal(), weight="70", daily_mg="50")
    (warning,) = result.warnings
    assert (warning.code, warning.severity) == ("below-typical", "info")
    assert "raised over weeks" in warning.message


@pytest.mark.parametrize(
    "reason",
    [
        {"medications": ["allopurinol"]},
        {"medications": ["Zyloprim 100 mg"]},
        {"medications": ["febuxostat"]},
        {"tpmt": "intermediate"},
        {"nudt15": "possible-intermediate"},
        {"tpmt": "intermediate", "nudt15": "intermediate"},
        {"tpmt": "poor"},
        {"nudt15": "poor"},
    ],
    ids=lambda reason: "-".join(str(value) for value in reason.values()),
)
def test_a_dose_lowered_on_purpose_is_not_invited_up(reason):
    result = plan(profile(**reason), weight="70", daily_mg="50")
    assert "below-typical" not in codes(result)
    assert not any("raised over weeks" in warning.message for warning in result.warnings)
    # The reason's own warning explains the lower dose.
    assert any(warning.severity in ("caution", "urgent") for warning in result.warnings)


@pytest.mark.parametrize(
    "other",
    [{}, {"medications": ["warfarin"]}, {"tpmt": "unknown", "nudt15": "unknown"}],
    ids=["normal", "warfarin", "genes-unknown"],
)
def test_a_low_dose_without_a_reason_is_still_noted(other):
    result = plan(profile(**other), weight="70", daily_mg="50")
    assert "below-typical" in codes(result)


# ---------------------------------------------------------------- basis order


@pytest.mark.parametrize(
    ("stored", "options", "basis", "expected"),
    [
        ({"daily_mg": 150}, {}, "prescribed", 150),
        ({"mg_per_kg": 2.5}, {}, "mg-per-kg", 175),
        ({"daily_mg": 150, "mg_per_kg": 2.5}, {}, "prescribed", 150),
        ({"daily_mg": 150}, {"mg_per_kg": "2.5"}, "mg-per-kg", 175),  # a flag beats the profile
        ({"mg_per_kg": 2.5}, {"daily_mg": "100"}, "prescribed", 100),
        ({}, {}, "typical-range", None),
    ],
)
def test_basis_order(stored, options, basis, expected):
    result = plan(normal(weight=70, **stored), **options)
    assert result.basis == basis
    if expected is not None:
        assert daily(result) == (expected, expected)


def test_weight_flag_overrides_the_profile():
    result = plan(normal(weight=90, daily_mg=150), weight="60")
    assert result.weight_kg == 60.0
    assert result.mg_per_kg is not None and result.mg_per_kg.low == 2.5


def test_profile_weight_in_pounds():
    result = plan(normal(weight=154, unit="lb", daily_mg=150))
    assert result.weight_kg == 69.85  # rounded to 2 decimals
    assert (result.weight.value, result.weight.unit) == (154.0, "lb")


@pytest.mark.parametrize(
    ("weight", "unit", "kg"),
    [("154", "lb", 69.85), ("154lb", None, 69.85), ("154 LBS", None, 69.85), ("70kg", "kg", 70.0)],
)
def test_weight_units(weight, unit, kg):
    options = {"weight": weight} | ({"unit": unit} if unit else {})
    assert plan(normal(), **options).weight_kg == kg


# ---------------------------------------------------------------- schedule


@pytest.mark.parametrize(
    ("daily_mg", "schedule", "expected"),
    [
        ("175", "split", [("morning", 100, 2.0), ("later", 75, 1.5)]),
        ("150", "split", [("morning", 75, 1.5), ("later", 75, 1.5)]),
        ("25", "split", [("morning", 25, 0.5)]),  # one step stays in the morning
        ("50", "split", [("morning", 25, 0.5), ("later", 25, 0.5)]),
        ("175", "once", [("morning", 175, 3.5)]),
        ("175", " SPLIT ", [("morning", 100, 2.0), ("later", 75, 1.5)]),
    ],
)
def test_schedule(daily_mg, schedule, expected):
    result = plan(normal(), weight="70", daily_mg=daily_mg, schedule=schedule)
    assert [(d.time, d.mg, d.tablets) for d in result.doses] == expected
    assert result.schedule == schedule.strip().lower()


def test_schedule_from_the_profile_and_unsplittable_tablets():
    result = plan(normal(weight=70, daily_mg=150, split=False, schedule="split"))
    assert [(d.time, d.mg) for d in result.doses] == [("morning", 100), ("later", 50)]


def test_typical_range_lists_no_doses_but_keeps_the_schedule():
    result = plan(normal(schedule="split"), weight="70")
    assert (result.doses, result.schedule) == ([], "split")


# ---------------------------------------------------------------- scored tablets (issue 13)


def test_only_the_scored_strength_is_halved_and_the_sources_say_so():
    scored = LIMITS.tablets.scored
    assert scored.strengths_mg == (50,)
    assert {"LEAFLET", "DM", "NZ-DS"} <= set(scored.sources)
    assert [mg for mg in LIMITS.tablets.strengths_mg if LIMITS.tablets.may_halve(mg)] == [50]


@pytest.mark.parametrize("tablet_mg", [25, 75, 100])
def test_an_unscored_strength_moves_in_whole_tablets(tablet_mg):
    # 66 kg: 132 to 198 mg. Halves of 25 mg would give 137.5 (5½ tablets).
    result = plan(normal(tablet_mg=tablet_mg), weight="66")
    assert (result.tablets_split, result.step_mg) == (False, tablet_mg)
    counts = result.tablets_per_day
    if counts is not None:
        assert counts.low.is_integer() and counts.high.is_integer()
    prescribed = plan(
        normal(weight=66, tablet_mg=tablet_mg, daily_mg=tablet_mg * 3, schedule="split")
    )
    assert [item.tablets for item in prescribed.doses] == [2.0, 1.0]


def test_25_mg_tablets_give_whole_tablets_where_halves_would_fit():
    result = plan(normal(tablet_mg=25), weight="66")
    assert daily(result) == (150, 175)  # not 137.5 to 187.5


def test_the_scored_strength_is_halved_by_default_and_may_be_kept_whole():
    assert plan(normal(tablet_mg=50), weight="66").step_mg == 25
    assert plan(normal(tablet_mg=50, split=False), weight="66").step_mg == 50


def test_a_half_of_an_unscored_tablet_is_refused():
    with pytest.raises(InputError) as caught:
        plan(normal(tablet_mg=25), weight="70", daily_mg="37.5")
    assert caught.value.code == "daily_mg_not_whole_steps"
    assert "whole 25 mg tablets" in caught.value.message


@pytest.mark.parametrize("tablet_mg", [25, 75, 100])
def test_a_profile_never_halves_an_unscored_strength(tablet_mg):
    from pydantic import ValidationError

    from imuran_cli.core.profile import UNSCORED_SPLIT

    with pytest.raises(ValidationError) as caught:
        profile(tablet_mg=tablet_mg, split=True)
    error = caught.value.errors()[0]
    assert error["type"] == UNSCORED_SPLIT
    assert f"{tablet_mg} mg tablets have no score line" in error["msg"]
    assert profile(tablet_mg=tablet_mg).prescription.tablets_split is False


# ---------------------------------------------------------------- genotype


@pytest.mark.parametrize(
    ("tpmt", "nudt15", "expected_codes", "per_kg", "expected"),
    [
        ("normal", "normal", [], (2.0, 3.0), (150, 200)),
        # CPIC's percentages of the starting dose, 2 mg/kg (issue 13): 42 to 112 mg.
        ("intermediate", "normal", ["tpmt-intermediate"], (0.6, 1.6), (50, 100)),
        ("possible-intermediate", "normal", ["tpmt-intermediate"], (0.6, 1.6), (50, 100)),
        ("normal", "intermediate", ["nudt15-intermediate"], (0.6, 1.6), (50, 100)),
        # 20 to 50 percent of 2 mg/kg: 28 to 70 mg.
        ("intermediate", "intermediate", ["tpmt-nudt15-intermediate"], (0.4, 1.0), (50, 50)),
        (
            "intermediate",
            "possible-intermediate",
            ["tpmt-nudt15-intermediate"],
            (0.4, 1.0),
            (50, 50),
        ),
        ("poor", "normal", ["tpmt-poor"], None, None),
        ("normal", "poor", ["nudt15-poor"], None, None),
        ("poor", "poor", ["tpmt-poor", "nudt15-poor"], None, None),
        ("poor", "intermediate", ["tpmt-poor"], None, None),  # poor wins
        ("unknown", "normal", ["genotype-unknown"], (2.0, 3.0), (150, 200)),
        ("indeterminate", "unknown", ["genotype-unknown"], (2.0, 3.0), (150, 200)),
        (
            "intermediate",
            "unknown",
            ["tpmt-intermediate", "genotype-unknown"],
            (0.6, 1.6),
            (50, 100),
        ),
    ],
)
def test_genotype_on_the_typical_range(tpmt, nudt15, expected_codes, per_kg, expected):
    result = plan(profile(tpmt=tpmt, nudt15=nudt15), weight="70")
    assert [c for c in codes(result) if c != "above-us-label-max"] == expected_codes
    got = None if result.mg_per_kg is None else (result.mg_per_kg.low, result.mg_per_kg.high)
    assert got == per_kg
    assert daily(result) == expected


@pytest.mark.parametrize(
    ("tpmt", "nudt15", "expected"),
    [
        (
            "intermediate",
            "unknown",
            "No clear NUDT15 result is on record, so the NUDT15 rule was not checked.",
        ),
        (
            "normal",
            "indeterminate",
            "No clear NUDT15 result is on record, so the NUDT15 rule was not checked.",
        ),
        (
            "unknown",
            "possible-intermediate",
            "No clear TPMT result is on record, so the TPMT rule was not checked.",
        ),
        (
            "unknown",
            "indeterminate",
            "No clear TPMT and NUDT15 result is on record, so the gene rules were not checked.",
        ),
    ],
)
def test_the_unknown_note_names_only_the_gene_not_checked(tpmt, nudt15, expected):
    """Issue 13: with one gene's rule applied, only the other gene was not checked."""
    result = plan(profile(tpmt=tpmt, nudt15=nudt15), weight="70")
    note = next(w for w in result.warnings if w.code == "genotype-unknown")
    assert note.message.startswith(expected)
    checked = {"TPMT", "NUDT15"} - {gene for gene in ("TPMT", "NUDT15") if gene in expected}
    assert not any(gene in note.message for gene in checked)


@pytest.mark.parametrize(
    ("genes", "per_kg"),
    [
        ({"tpmt": "intermediate"}, (0.6, 1.6)),
        ({"nudt15": "possible-intermediate"}, (0.6, 1.6)),
        ({"tpmt": "intermediate", "nudt15": "intermediate"}, (0.4, 1.0)),
    ],
)
def test_cpic_percentages_are_of_the_starting_dose(genes, per_kg):
    """Issue 13: 30 to 80 percent of 2 mg/kg, not of 2 to 3 (up to 2.4)."""
    result = plan(profile(**genes), weight="70")
    assert result.mg_per_kg is not None
    assert (result.mg_per_kg.low, result.mg_per_kg.high) == per_kg
    assert result.starting_range is True and result.adjusted is True
    rule = next(w for w in result.warnings if w.code.endswith("intermediate"))
    assert "percent of the usual starting dose of 2 mg/kg a day" in rule.message
    start = DOSING.typical.low_mg_per_kg
    assert per_kg[1] <= start + 1e-9  # never above the starting dose itself


@pytest.mark.parametrize(
    "reason", [{"tpmt": "intermediate"}, {"medications": ["allopurinol"]}], ids=["gene", "medicine"]
)
def test_a_reduced_range_is_not_invited_up(reason):
    result = plan(profile(**reason), weight="70")
    assert result.guidance is not None
    assert result.guidance.text == DOSING.reduced_guidance.text
    assert "raised" not in result.guidance.text
    assert "raised" in plan(profile(), weight="70").guidance.text  # type: ignore[union-attr]


def test_a_medicine_alone_does_not_make_a_starting_range():
    result = plan(profile(medications=["allopurinol"]), weight="70")
    assert result.starting_range is False
    assert result.mg_per_kg is not None
    assert (result.mg_per_kg.low, result.mg_per_kg.high) == (0.5, 0.75)


@pytest.mark.parametrize("target", ["0.4", "0.1"])
def test_a_reduced_target_is_accepted(target):
    result = plan(
        profile(tpmt="intermediate", nudt15="intermediate"), weight="70", mg_per_kg=target
    )
    assert result.basis == "mg-per-kg"
    assert result.mg_per_kg is not None and result.mg_per_kg.low == float(target)
    saved = profile(mg_per_kg=float(target))
    assert saved.prescription.mg_per_kg == float(target)


@pytest.mark.parametrize(
    ("code", "severity"),
    [
        ("tpmt-intermediate", "caution"),
        ("tpmt-nudt15-intermediate", "caution"),
        ("tpmt-poor", "urgent"),
        ("genotype-unknown", "info"),
    ],
)
def test_genotype_severities(code, severity):
    genetics = {
        "tpmt-intermediate": ("intermediate", "normal"),
        "tpmt-nudt15-intermediate": ("intermediate", "intermediate"),
        "tpmt-poor": ("poor", "normal"),
        "genotype-unknown": ("unknown", "unknown"),
    }[code]
    result = plan(profile(tpmt=genetics[0], nudt15=genetics[1]), weight="70")
    warning = next(w for w in result.warnings if w.code == code)
    assert warning.severity == severity
    assert warning.source == "CPIC-PAGE"


def test_messages_say_what_was_done():
    reduced = plan(profile(tpmt="intermediate"), weight="70")
    assert "30 to 80 percent" in reduced.warnings[0].message
    assert reduced.warnings[0].message.endswith("The range above allows for this.")
    poor = plan(profile(nudt15="poor"), weight="70")
    assert "NUDT15" in poor.warnings[0].message
    assert "non-thiopurine" in poor.warnings[0].message
    assert poor.warnings[0].message.endswith("So no dose is worked out here.")
    unknown = plan(profile(tpmt="indeterminate", nudt15="normal"), weight="70")
    assert "No clear TPMT result" in unknown.warnings[-1].message


@pytest.mark.parametrize("basis", [{"daily_mg": "150"}, {"mg_per_kg": "2"}])
@pytest.mark.parametrize(
    ("tpmt", "nudt15", "code", "severity"),
    [
        ("intermediate", "normal", "tpmt-intermediate", "caution"),
        ("intermediate", "intermediate", "tpmt-nudt15-intermediate", "caution"),
        ("poor", "normal", "tpmt-poor", "urgent"),
        ("normal", "poor", "nudt15-poor", "urgent"),
    ],
)
def test_genotype_never_changes_a_prescription(basis, tpmt, nudt15, code, severity):
    result = plan(profile(tpmt=tpmt, nudt15=nudt15), weight="70", **basis)
    assert daily(result) == (150, 150)  # 70 x 2 = 140 -> 150 on the target basis too
    warning = result.warnings[0]
    assert (warning.code, warning.severity) == (code, severity)
    assert "confirm it with your prescriber" in warning.message or "prescriber" in warning.message
    assert len(result.doses) == 1


# ---------------------------------------------------------------- medicines


@pytest.mark.parametrize(
    ("tpmt", "nudt15", "medications", "expected_codes", "per_kg", "expected"),
    [
        (
            "normal",
            "normal",
            ["Allopurinol 100 mg"],
            ["xanthine-oxidase-inhibitor"],
            (0.5, 0.75),
            (50, 50),
        ),
        ("normal", "normal", ["Zyloprim"], ["xanthine-oxidase-inhibitor"], (0.5, 0.75), (50, 50)),
        ("normal", "normal", ["oxypurinol"], ["xanthine-oxidase-inhibitor"], (0.5, 0.75), (50, 50)),
        # Two entries of the same class reduce once, and warn once each.
        (
            "normal",
            "normal",
            ["allopurinol", "Zyloric 300"],
            ["xanthine-oxidase-inhibitor", "xanthine-oxidase-inhibitor"],
            (0.5, 0.75),
            (50, 50),
        ),
        # TPMT intermediate with allopurinol: a quarter of 30 to 80 percent of 2 mg/kg.
        (
            "intermediate",
            "normal",
            ["allopurinol"],
            ["xanthine-oxidase-inhibitor", "tpmt-intermediate"],
            (0.15, 0.4),
            (25, 25),  # 10.5 to 28 mg
        ),
        (
            "intermediate",
            "intermediate",
            ["allopurinol"],
            ["xanthine-oxidase-inhibitor", "below-one-step", "tpmt-nudt15-intermediate"],
            (0.1, 0.25),
            None,  # 7 to 17.5 mg: not even half a tablet
        ),
        ("normal", "normal", ["Uloric 80 mg"], ["febuxostat"], None, None),
        ("normal", "normal", ["Adenuric"], ["febuxostat"], None, None),
        (
            "normal",
            "normal",
            ["allopurinol", "febuxostat"],
            ["xanthine-oxidase-inhibitor", "febuxostat"],
            None,
            None,
        ),
        # Poor wins over a reduction.
        (
            "poor",
            "normal",
            ["allopurinol"],
            ["tpmt-poor", "xanthine-oxidase-inhibitor"],  # both urgent: genes first
            None,
            None,
        ),
        ("normal", "normal", ["Warfarin 5mg"], ["interaction"], (2.0, 3.0), (150, 200)),
        (
            "normal",
            "normal",
            ["ramipril", "Bactrim DS"],
            ["interaction", "interaction"],
            (2.0, 3.0),
            (150, 200),
        ),
        ("normal", "normal", ["nystatin", "Zurampic", "paracetamol"], [], (2.0, 3.0), (150, 200)),
    ],
)
def test_medicines_on_the_typical_range(
    tpmt, nudt15, medications, expected_codes, per_kg, expected
):
    result = plan(profile(tpmt=tpmt, nudt15=nudt15, medications=medications), weight="70")
    assert [c for c in codes(result) if c != "above-us-label-max"] == expected_codes
    got = None if result.mg_per_kg is None else (result.mg_per_kg.low, result.mg_per_kg.high)
    assert got == per_kg
    assert daily(result) == expected


def test_a_range_reduced_below_one_step_gives_no_dose():
    # 10 kg x 0.15 to 0.6 mg/kg = 1.5 to 6 mg: not even half a tablet.
    result = plan(profile(tpmt="intermediate", medications=["allopurinol"]), weight="10")
    assert result.daily_mg is None
    assert "below-one-step" in codes(result)
    assert result.mg_per_kg is not None and result.mg_per_kg.low == 0.15


def test_medicine_warnings_name_the_entry_and_the_medicine():
    result = plan(profile(medications=["Coumadin 5 mg"]), weight="70")
    (warning,) = [w for w in result.warnings if w.code == "interaction"]
    assert warning.severity == "caution"
    assert warning.medicine == "Coumadin 5 mg"
    assert warning.message.startswith("Coumadin (warfarin) ")
    assert "INR" in warning.message


def test_xanthine_oxidase_inhibitor_is_urgent_and_says_a_quarter():
    result = plan(profile(medications=["allopurinol"]), weight="70")
    warning = result.warnings[0]
    assert (warning.code, warning.severity) == ("xanthine-oxidase-inhibitor", "urgent")
    assert "a quarter" in warning.message
    assert warning.message.endswith("The range above allows for this.")


def test_febuxostat_is_urgent_and_leaves_no_dose():
    result = plan(profile(medications=["febuxostat 80 mg"]), weight="70")
    (warning,) = result.warnings
    assert (warning.code, warning.severity) == ("febuxostat", "urgent")
    assert result.daily_mg is None and result.mg_per_kg is None
    assert "below-one-step" not in codes(result)


@pytest.mark.parametrize("basis", [{"daily_mg": "150"}, {"mg_per_kg": "2"}])
@pytest.mark.parametrize("medicine", ["allopurinol", "febuxostat"])
def test_medicines_never_change_a_prescription(basis, medicine):
    result = plan(profile(medications=[medicine]), weight="70", **basis)
    assert daily(result) == (150, 150)
    warning = result.warnings[0]
    assert warning.severity == "urgent"
    assert "shown as prescribed" in warning.message


def test_interactions_warn_on_every_basis():
    for basis in [{}, {"daily_mg": "150"}, {"mg_per_kg": "2"}]:
        result = plan(profile(medications=["mesalamine", "ribavirin"]), weight="70", **basis)
        assert codes(result).count("interaction") == 2


def test_urgent_warnings_come_first():
    result = plan(
        profile(tpmt="unknown", medications=["lisinopril", "allopurinol"]),
        weight="70",
        daily_mg="250",
    )
    severities = [w.severity for w in result.warnings]
    assert severities == sorted(severities, key=["urgent", "caution", "info"].index)
    assert severities[0] == "urgent"


# ---------------------------------------------------------------- result shape


def test_json_view_writes_whole_mg_as_integers_and_tablets_as_floats():
    data = to_jsonable(plan(normal(), weight="70", daily_mg="175", schedule="split"))
    assert data["daily_mg"] == {"low": 175, "high": 175}
    assert isinstance(data["daily_mg"]["low"], int)
    assert data["tablets_per_day"] == {"low": 3.5, "high": 3.5}
    assert data["doses"] == [
        {"time": "morning", "mg": 100, "tablets": 2.0},
        {"time": "later", "mg": 75, "tablets": 1.5},
    ]
    assert isinstance(data["doses"][0]["tablets"], float)
    assert data["weight_kg"] == 70.0 and isinstance(data["weight_kg"], float)
    assert data["tablet_mg"] == 50


def test_json_view_of_unscored_tablets_has_whole_tablets():
    data = to_jsonable(plan(normal(tablet_mg=25), weight="71"))
    assert data["daily_mg"] == {"low": 150, "high": 200}
    assert data["tablets_per_day"] == {"low": 6.0, "high": 8.0}
    assert (data["step_mg"], data["tablets_split"]) == (25, False)


def test_every_source_exists():
    known = load_sources().ids()
    result = plan(
        profile(tpmt="poor", nudt15="intermediate", medications=["allopurinol", "warfarin"]),
        weight="70",
        daily_mg="250",
    )
    assert set(result.sources) <= known
    assert {w.source for w in result.warnings} <= set(result.sources)


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("options", "code", "in_message"),
    [
        ({"weight": "70", "daily_mg": "150", "mg_per_kg": "2"}, "conflicting_options", "together"),
        ({"weight": "0"}, "weight_out_of_range", "10 to 300 kg"),
        ({"weight": "-5"}, "weight_out_of_range", "10 to 300 kg"),
        ({"weight": "9.9"}, "weight_out_of_range", "10 to 300 kg"),
        ({"weight": "300.1"}, "weight_out_of_range", "10 to 300 kg"),
        ({"weight": "nan"}, "weight_out_of_range", "10 to 300 kg"),
        ({"weight": "inf"}, "weight_out_of_range", "10 to 300 kg"),
        ({"weight": "-inf"}, "weight_out_of_range", "-inf"),
        ({"weight": "21lb"}, "weight_out_of_range", "22 to 660 lb"),
        ({"weight": "661", "unit": "lb"}, "weight_out_of_range", "22 to 660 lb"),
        ({"weight": "abc"}, "invalid_weight", "'abc'"),
        ({"weight": ""}, "invalid_weight", "''"),
        ({"weight": "70stone"}, "invalid_unit", "'stone'"),
        ({"weight": "70", "unit": "st"}, "invalid_unit", "'st'"),
        ({"weight": "154lb", "unit": "kg"}, "conflicting_unit", "154lb"),
        ({"unit": "lb"}, "unit_without_weight", "--unit lb"),
        ({}, "no_weight", "weight"),
        ({"weight": "70", "mg_per_kg": "3.01"}, "mg_per_kg_above_max", "0.1 to 3 mg/kg"),
        ({"weight": "70", "mg_per_kg": "1e9"}, "mg_per_kg_above_max", "0.1 to 3 mg/kg"),
        ({"weight": "70", "mg_per_kg": "0.05"}, "mg_per_kg_out_of_range", "0.1 to 3 mg/kg"),
        ({"weight": "70", "mg_per_kg": "0"}, "mg_per_kg_out_of_range", "0.1 to 3 mg/kg"),
        ({"weight": "70", "mg_per_kg": "-2"}, "mg_per_kg_out_of_range", "-2 is outside"),
        ({"weight": "70", "mg_per_kg": "nan"}, "mg_per_kg_out_of_range", "nan"),
        ({"weight": "70", "mg_per_kg": "inf"}, "mg_per_kg_out_of_range", "inf"),
        ({"weight": "70", "mg_per_kg": "two"}, "invalid_mg_per_kg", "0.1 to 3 mg/kg"),
        ({"weight": "70", "daily_mg": "0"}, "daily_mg_out_of_range", "25 to 500 mg"),
        ({"weight": "70", "daily_mg": "-150"}, "daily_mg_out_of_range", "-150"),
        ({"weight": "70", "daily_mg": "525"}, "daily_mg_out_of_range", "25 to 500 mg"),
        ({"weight": "70", "daily_mg": "1e6"}, "daily_mg_out_of_range", "25 to 500 mg"),
        ({"weight": "70", "daily_mg": "nan"}, "daily_mg_out_of_range", "nan"),
        ({"weight": "70", "daily_mg": "-inf"}, "daily_mg_out_of_range", "-inf"),
        ({"weight": "70", "daily_mg": "lots"}, "invalid_daily_mg", "25 to 500 mg"),
        ({"weight": "70", "daily_mg": "30"}, "daily_mg_not_whole_steps", "multiple of 25 mg"),
        ({"weight": "70", "daily_mg": "162.5"}, "daily_mg_not_whole_steps", "162.5"),
        ({"weight": "70", "schedule": "twice"}, "invalid_schedule", "once or split"),
    ],
)
def test_bad_input(options, code, in_message):
    with pytest.raises(InputError) as caught:
        plan(None, **options)
    error = caught.value
    assert error.code == code
    assert in_message in error.message
    assert error.hint and "\n" not in error.hint and "\n" not in error.message


def test_daily_mg_of_half_tablets_needs_splittable_tablets():
    with pytest.raises(InputError) as caught:
        plan(normal(split=False), weight="70", daily_mg="175")
    assert caught.value.code == "daily_mg_not_whole_steps"
    assert "whole 50 mg tablets" in caught.value.message
    assert "--daily-mg 150" in (caught.value.hint or "")


def test_no_weight_hint_names_both_fixes():
    with pytest.raises(InputError) as caught:
        plan(normal(daily_mg=150))
    assert "--weight" in (caught.value.hint or "")
    assert "imuran profile init" in (caught.value.hint or "")


# ---------------------------------------------------------------- properties

weights = st.floats(min_value=10, max_value=300, allow_nan=False, allow_infinity=False)
# (strength, tablets_split): halves only for a strength known to be scored.
tablet_settings = st.tuples(st.sampled_from(LIMITS.tablets.strengths_mg), st.booleans()).filter(
    lambda pair: not pair[1] or LIMITS.tablets.may_halve(pair[0])
)
genotypes = st.sampled_from(GENOTYPES)
medication_lists = st.lists(
    st.sampled_from(["allopurinol", "warfarin", "febuxostat", "lisinopril", "paracetamol"]),
    max_size=3,
)


def whole_steps(mg: float, step: float) -> bool:
    steps = mg / step
    return steps >= 1 - 1e-9 and math.isclose(steps, round(steps), abs_tol=1e-9)


def check_amounts(result: DoseResult) -> None:
    step = result.step_mg
    if result.daily_mg is not None:
        assert result.tablets_per_day is not None
        for mg, count in [
            (result.daily_mg.low, result.tablets_per_day.low),
            (result.daily_mg.high, result.tablets_per_day.high),
        ]:
            assert whole_steps(mg, step)
            assert math.isclose(count * result.tablet_mg, mg)
        assert result.daily_mg.low <= result.daily_mg.high
    for item in result.doses:
        assert whole_steps(item.mg, step)
        assert math.isclose(item.tablets * result.tablet_mg, item.mg)
    if result.doses:
        assert result.daily_mg is not None
        assert math.isclose(sum(item.mg for item in result.doses), result.daily_mg.low)
        assert result.doses[0].mg >= result.doses[-1].mg


@settings(max_examples=200)
@given(weights, tablet_settings, genotypes, genotypes, medication_lists)
def test_typical_range_never_exceeds_the_maximum(weight, tablets, tpmt, nudt15, medications):
    tablet_mg, split = tablets
    p = profile(tablet_mg=tablet_mg, split=split, tpmt=tpmt, nudt15=nudt15, medications=medications)
    result = plan(p, weight=repr(weight))
    check_amounts(result)
    if result.daily_mg is not None:
        assert result.daily_mg.high <= weight * MAX + 1e-9


@settings(max_examples=200)
@given(
    weights,
    st.floats(min_value=0.5, max_value=3, allow_nan=False),
    tablet_settings,
    st.sampled_from(["once", "split"]),
)
def test_target_never_exceeds_the_maximum(weight, target, tablets, schedule):
    tablet_mg, split = tablets
    result = plan(
        profile(tablet_mg=tablet_mg, split=split),
        weight=repr(weight),
        mg_per_kg=repr(target),
        schedule=schedule,
    )
    check_amounts(result)
    if result.daily_mg is None:
        assert result.doses == [] and "below-one-step" in codes(result)
    else:
        assert result.daily_mg.high <= weight * MAX + 1e-9
        # Never further than half a step from the exact amount, unless capped.
        exact = min(weight * target, weight * MAX)
        assert abs(result.daily_mg.low - exact) <= result.step_mg


@settings(max_examples=200)
@given(
    weights,
    st.integers(min_value=1, max_value=20),
    tablet_settings,
    st.sampled_from(["once", "split"]),
)
def test_prescribed_parts_add_up(weight, steps, tablets, schedule):
    tablet_mg, split = tablets
    step = tablet_mg / 2 if split else tablet_mg
    mg = steps * step
    if not LIMITS.daily_mg.contains(mg):
        return
    result = plan(
        profile(tablet_mg=tablet_mg, split=split),
        weight=repr(weight),
        daily_mg=repr(mg),
        schedule=schedule,
    )
    check_amounts(result)
    assert result.daily_mg is not None and result.daily_mg.low == mg
    assert len(result.doses) == (2 if schedule == "split" and steps > 1 else 1)
