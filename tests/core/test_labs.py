"""Blood-test rules: values and units, merging, flags, trends, the chart and the due date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core import labs as core
from imuran_cli.core.dates import add_months
from imuran_cli.core.errors import InputError
from imuran_cli.core.lab_due import next_test_due
from imuran_cli.core.labs import LabTest
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.knowledge.labs import load_labs
from imuran_cli.knowledge.limits import load_limits

LABS = load_labs()
LIMITS = load_limits()
TODAY = dt.date(2026, 11, 25)


def D(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def profile(**sections: Any) -> Profile:
    data: dict[str, Any] = {"schema_version": 2, "prescription": sections.pop("prescription", {})}
    data.update(sections)
    # Validated as of a later day, so that a start date after TODAY is allowed here.
    return parse_profile(data, LIMITS, dt.date(2031, 1, 1))


# ---------------------------------------------------------------- values and units


@pytest.mark.parametrize(
    ("test", "text", "stored"),
    [
        ("wbc", "5.1", 5.1),
        ("wbc", " 5.1 ", 5.1),
        ("wbc", "5.1x10^9/L", 5.1),
        ("wbc", "5.1 ×10^9/l", 5.1),
        ("platelets", "250 10^3/µL", 250),
        ("platelets", "250 10^3/uL", 250),
        ("hemoglobin", "13.5", 13.5),
        ("hemoglobin", "13.5g/dL", 13.5),
        ("hemoglobin", "135g/L", 13.5),
        ("hemoglobin", "135 g/l", 13.5),
        ("hemoglobin", "128g/L", 12.8),
        ("mcv", "92fL", 92),
        ("alt", "40 U/L", 40),
        ("wbc", "0", 0),
        ("wbc", "500", 500),
        ("wbc", "5e0", 5),
    ],
)
def test_values_are_read_in_their_unit(test: str, text: str, stored: float):
    assert core.parse_lab_value(test, text, LABS) == pytest.approx(stored)


@pytest.mark.parametrize(
    ("test", "text", "code", "message"),
    [
        (
            "wbc",
            "600",
            "lab_value_out_of_range",
            "--wbc 600 is outside the plausible range 0 to 500 x10^9/L",
        ),
        (
            "wbc",
            "-1",
            "lab_value_out_of_range",
            "--wbc -1 is outside the plausible range 0 to 500 x10^9/L",
        ),
        (
            "wbc",
            "abc",
            "invalid_lab_value",
            "--wbc abc is not a number (allowed: 0 to 500 x10^9/L)",
        ),
        (
            "wbc",
            "nan",
            "invalid_lab_value",
            "--wbc nan is not a number (allowed: 0 to 500 x10^9/L)",
        ),
        (
            "wbc",
            "1e400",
            "lab_value_out_of_range",
            "--wbc inf is outside the plausible range 0 to 500 x10^9/L",
        ),
        ("wbc", "", "invalid_lab_value", '--wbc "" is not a number (allowed: 0 to 500 x10^9/L)'),
        (
            "hemoglobin",
            "400g/L",
            "lab_value_out_of_range",
            "--hemoglobin 400 g/L is outside the plausible range 0 to 250 g/L (0 to 25 g/dL)",
        ),
        (
            "hemoglobin",
            "135",
            "lab_value_out_of_range",
            "--hemoglobin 135 is outside the plausible range 0 to 25 g/dL",
        ),
        ("wbc", "5 mg", "invalid_lab_unit", '--wbc "5 mg": unknown unit mg (use 10^9/L, 10^3/uL)'),
        ("alt", "40 g/L", "invalid_lab_unit", '--alt "40 g/L": unknown unit g/L (use U/L)'),
    ],
)
def test_bad_values_name_the_option_and_the_range(test, text, code, message):
    with pytest.raises(InputError) as caught:
        core.parse_lab_value(test, text, LABS)
    assert caught.value.code == code
    assert caught.value.message == message
    assert caught.value.exit_code == 2
    assert f"--{test} " in (caught.value.hint or "")


@given(st.floats(min_value=0, max_value=250, allow_nan=False))
def test_grams_per_litre_are_a_tenth_in_grams_per_decilitre(value: float):
    text = repr(value)
    in_dl = core.parse_lab_value("hemoglobin", f"{text}g/L", LABS)
    assert in_dl == pytest.approx(value / 10)
    assert core.parse_lab_value("hemoglobin", f"{in_dl!r}", LABS) == in_dl


def test_only_given_values_are_kept():
    given_ = {"wbc": "5.1", "alt": None, "hemoglobin": "135g/L"}
    assert core.parse_lab_values(given_, LABS) == {"wbc": 5.1, "hemoglobin": 13.5}


@pytest.mark.parametrize("text", ["a\nb", "x" * 201])
def test_a_bad_note_is_refused(text: str):
    with pytest.raises(InputError) as caught:
        core.check_note(text, LIMITS)
    assert caught.value.code == "invalid_note"


def test_a_blank_note_is_none():
    assert core.check_note("  ", LIMITS) is None
    assert core.check_note(" fasting ", LIMITS) == "fasting"


# ---------------------------------------------------------------- merge


def test_the_first_test_of_a_day_is_new():
    test, replaced, note_replaced = core.merge_test(None, D("2026-11-20"), {"wbc": 5.1}, "a")
    assert test == LabTest(D("2026-11-20"), {"wbc": 5.1}, "a")
    assert replaced == () and not note_replaced


def test_a_second_test_merges_and_says_what_it_replaced():
    old = LabTest(D("2026-11-20"), {"wbc": 5.1, "alt": 30, "mcv": 90}, "first")
    test, replaced, note_replaced = core.merge_test(
        old, old.date, {"wbc": 4.9, "alt": 30, "platelets": 200}, None
    )
    assert dict(test.values) == {"wbc": 4.9, "alt": 30, "mcv": 90, "platelets": 200}
    assert test.note == "first"
    assert replaced == (core.Replaced("wbc", 5.1, 4.9),)  # alt unchanged: not replaced
    assert not note_replaced
    test, _, note_replaced = core.merge_test(old, old.date, {}, "second")
    assert test.note == "second" and note_replaced
    assert dict(test.values) == dict(old.values)


# ---------------------------------------------------------------- flags

PROFILE_LIMITS = {"wbc_low": 4.0, "alt_high": 80.0, "hemoglobin_low": 11.0}


@pytest.mark.parametrize(
    ("values", "profile_limits", "expected"),
    [
        # (test, direction, limit, limit_source)
        ({"wbc": 3.4}, {}, [("wbc", "low", 3.5, "default")]),
        ({"wbc": 3.5}, {}, []),  # at the limit is not past it
        ({"wbc": 3.9}, {}, []),
        ({"wbc": 3.9}, PROFILE_LIMITS, [("wbc", "low", 4.0, "profile")]),
        ({"neutrophils": 1.9}, {}, [("neutrophils", "low", 2.0, "default")]),
        ({"neutrophils": 2.0}, {}, []),
        ({"platelets": 139}, {}, [("platelets", "low", 140, "default")]),
        ({"platelets": 140}, {}, []),
        ({"mcv": 105.1}, {}, [("mcv", "high", 105, "default")]),
        ({"mcv": 105}, {}, []),
        ({"alt": 101}, {}, [("alt", "high", 100, "default")]),
        ({"alt": 100}, {}, []),
        ({"alt": 90}, PROFILE_LIMITS, [("alt", "high", 80.0, "profile")]),
        ({"ast": 150}, {}, [("ast", "high", 100, "default")]),
        # no default for lymphocytes, haemoglobin, ALP and lipase
        ({"lymphocytes": 0.1, "hemoglobin": 5, "alp": 9000, "lipase": 9000}, {}, []),
        ({"hemoglobin": 10.5}, PROFILE_LIMITS, [("hemoglobin", "low", 11.0, "profile")]),
        # several at once, in the order of the tests
        (
            {"alt": 150, "wbc": 2.0, "neutrophils": 1.0},
            {},
            [
                ("wbc", "low", 3.5, "default"),
                ("neutrophils", "low", 2.0, "default"),
                ("alt", "high", 100, "default"),
            ],
        ),
    ],
)
def test_flags(values, profile_limits, expected):
    limits = core.active_limits(profile_limits, LABS)
    flags = core.flags_for(values, limits, LABS)
    assert [(f.test, f.direction, f.limit, f.limit_source) for f in flags] == expected
    for flag in flags:
        assert flag.severity == "urgent"
        assert flag.source == "SPS-MP"
        assert flag.value == values[flag.test]
        assert flag.action == LABS.urgent.action


def test_a_flag_says_whose_limit_it_used():
    limits = core.active_limits({"alt_high": 80}, LABS)
    (default,) = core.flags_for({"wbc": 3.1}, limits, LABS)
    assert default.message == "WBC 3.1 x10^9/L is below 3.5, the NHS SPS limit"
    (clinic,) = core.flags_for({"alt": 81}, limits, LABS)
    assert clinic.message == "ALT 81 U/L is above 80, your clinic's limit"


# ---------------------------------------------------------------- trends


def series(test: str, *points: tuple[str, float]) -> list[LabTest]:
    return [LabTest(D(day), {test: value}) for day, value in points]


@pytest.mark.parametrize(
    ("tests", "expected"),
    [
        # three falling tests: caution, with their dates
        (
            series("wbc", ("2026-08-01", 6.0), ("2026-09-01", 5.5), ("2026-10-01", 5.0)),
            [("wbc", ["2026-08-01", "2026-09-01", "2026-10-01"])],
        ),
        # two falls only
        (series("wbc", ("2026-09-01", 5.5), ("2026-10-01", 5.0)), []),
        # a level value breaks the run
        (series("wbc", ("2026-08-01", 6.0), ("2026-09-01", 6.0), ("2026-10-01", 5.0)), []),
        # a rise at the end: the fall has recovered
        (
            series(
                "wbc",
                ("2026-07-01", 7.0),
                ("2026-08-01", 6.0),
                ("2026-09-01", 5.0),
                ("2026-10-01", 6.5),
            ),
            [],
        ),
        # a longer run is reported whole
        (
            series(
                "platelets",
                ("2026-06-01", 300),
                ("2026-07-01", 280),
                ("2026-08-01", 260),
                ("2026-09-01", 240),
            ),
            [("platelets", ["2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01"])],
        ),
        # only the run ending at the latest value counts
        (
            series(
                "wbc",
                ("2026-05-01", 9.0),
                ("2026-06-01", 7.0),
                ("2026-07-01", 8.0),
                ("2026-08-01", 6.0),
                ("2026-09-01", 5.0),
            ),
            [("wbc", ["2026-07-01", "2026-08-01", "2026-09-01"])],
        ),
        # liver enzymes falling are not a warning
        (series("alt", ("2026-08-01", 90), ("2026-09-01", 60), ("2026-10-01", 30)), []),
        (series("mcv", ("2026-08-01", 99), ("2026-09-01", 95), ("2026-10-01", 90)), []),
        # haemoglobin, neutrophils and lymphocytes are watched
        (
            series("hemoglobin", ("2026-08-01", 14), ("2026-09-01", 13), ("2026-10-01", 12)),
            [("hemoglobin", ["2026-08-01", "2026-09-01", "2026-10-01"])],
        ),
        # a test without the value does not break the run; order of input does not matter
        (
            [
                LabTest(D("2026-10-01"), {"neutrophils": 2.5}),
                LabTest(D("2026-09-15"), {"alt": 20}),
                LabTest(D("2026-08-01"), {"neutrophils": 3.5}),
                LabTest(D("2026-09-01"), {"neutrophils": 3.0}),
            ],
            [("neutrophils", ["2026-08-01", "2026-09-01", "2026-10-01"])],
        ),
        ([], []),
    ],
)
def test_falling_trends(tests, expected):
    trends = core.falling_trends(tests, LABS)
    assert [(t.test, [d.isoformat() for d in t.dates]) for t in trends] == expected
    for trend in trends:
        assert trend.severity == "caution"
        assert trend.source == "PCN"
        assert list(trend.values) == sorted(trend.values, reverse=True)


def test_a_trend_message_names_the_test_and_the_dates():
    tests = series("wbc", ("2026-08-01", 6.0), ("2026-09-01", 5.5), ("2026-10-01", 5.0))
    (trend,) = core.falling_trends(tests, LABS)
    assert trend.message.startswith(
        "WBC fell at each of the last 3 tests (2026-08-01 to 2026-10-01)"
    )


@given(st.lists(st.floats(min_value=0, max_value=500, allow_nan=False), max_size=8))
def test_a_trend_is_a_strict_fall_over_at_least_three_tests(values: list[float]):
    tests = [
        LabTest(D("2026-01-01") + dt.timedelta(days=i), {"wbc": v}) for i, v in enumerate(values)
    ]
    trends = core.falling_trends(tests, LABS)
    tail = values[-3:]
    falling = len(values) >= 3 and tail[0] > tail[1] > tail[2]
    assert bool(trends) == falling


# ---------------------------------------------------------------- list and chart


def test_list_is_newest_first_with_flags_and_trends():
    tests = [
        LabTest(D("2026-09-01"), {"wbc": 5.0}),
        LabTest(D("2026-11-01"), {"wbc": 3.0, "alt": 20}, "cold"),
        LabTest(D("2026-10-01"), {"wbc": 4.0}),
    ]
    result = core.list_tests(tests, {}, LABS)
    assert [t.date for t in result.tests] == [D("2026-11-01"), D("2026-10-01"), D("2026-09-01")]
    assert [f.test for f in result.tests[0].flags] == ["wbc"]
    assert result.tests[0].note == "cold"
    assert [t.test for t in result.trends] == ["wbc"]
    assert result.sources == ("SPS-MP", "PCN", "MPR")


def test_values_are_in_the_order_of_the_tests():
    shown = core.view(LabTest(D("2026-11-01"), {"alt": 20, "wbc": 5}), {}, LABS)
    assert list(shown.values) == ["wbc", "alt"]


def test_the_chart_has_the_points_oldest_first_and_the_limits():
    tests = [
        LabTest(D("2026-10-01"), {"wbc": 4.0}),
        LabTest(D("2026-09-01"), {"wbc": 5.0}),
        LabTest(D("2026-09-15"), {"alt": 20}),
    ]
    chart = core.chart("wbc", tests, {"wbc_high": 11}, LABS)
    assert [(p.date, p.value) for p in chart.points] == [
        (D("2026-09-01"), 5.0),
        (D("2026-10-01"), 4.0),
    ]
    assert [(lim.direction, lim.value, lim.limit_source) for lim in chart.limits] == [
        ("low", 3.5, "default"),
        ("high", 11, "profile"),
    ]
    assert chart.trend is None
    assert core.chart("lipase", tests, {}, LABS).limits == ()


@pytest.mark.parametrize(
    ("name", "test"),
    [
        ("wbc", "wbc"),
        ("WBC", "wbc"),
        ("haemoglobin", "hemoglobin"),
        ("Hb", "hemoglobin"),
        ("--alt", "alt"),
        ("Platelets", "platelets"),
    ],
)
def test_a_test_is_named_in_several_ways(name, test):
    assert core.resolve_test(name, LABS) == test


def test_an_unknown_test_lists_the_tests():
    with pytest.raises(InputError) as caught:
        core.resolve_test("glucose", LABS)
    assert caught.value.code == "unknown_test"
    assert "wbc, neutrophils" in (caught.value.hint or "")


# ---------------------------------------------------------------- profile lab limits


@pytest.mark.parametrize(
    ("name", "text", "key", "value"),
    [
        ("wbc-low", "4.0", "lab-limit wbc-low", 4.0),
        ("WBC_low", "4", "lab-limit wbc-low", 4.0),
        ("alt-high", "80", "lab-limit alt-high", 80.0),
        ("hemoglobin-low", "120g/L", "lab-limit hemoglobin-low", 12.0),
    ],
)
def test_a_lab_limit_edit(name, text, key, value):
    edit = core.lab_limit_edit(name, text, LABS)
    assert (edit.key, edit.value) == (key, pytest.approx(value))


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("wbc", "4", "unknown_key"),
        ("glucose-low", "4", "unknown_key"),
        ("wbc-low", "4000", "lab_value_out_of_range"),
        ("wbc-low", "-1", "lab_value_out_of_range"),
        ("wbc-low", "four", "invalid_lab_value"),
    ],
)
def test_a_bad_lab_limit_edit(name, text, code):
    with pytest.raises(InputError) as caught:
        core.lab_limit_edit(name, text, LABS)
    assert caught.value.code == code


# ---------------------------------------------------------------- when the next test is due


def started(on: str | None, *, weeks: int | None = None, stopped: str | None = None) -> Profile:
    prescription: dict[str, Any] = {}
    if on:
        prescription["started_on"] = D(on)
    if stopped:
        prescription["stopped_on"] = D(stopped)
    monitoring = {"lab_interval_weeks": weeks} if weeks else {}
    return profile(prescription=prescription, monitoring=monitoring)


@pytest.mark.parametrize(
    ("start", "last", "rule", "due_from", "due_by"),
    [
        # month 1 (calendar month from the start): +7 days
        ("2026-09-10", "2026-09-10", "early-treatment", "2026-09-17", "2026-09-17"),
        ("2026-09-10", "2026-10-09", "early-treatment", "2026-10-16", "2026-10-16"),
        # month 2 begins on the same day of the next month: +14 days
        ("2026-09-10", "2026-10-10", "early-treatment", "2026-10-24", "2026-10-24"),
        ("2026-09-10", "2026-12-09", "early-treatment", "2026-12-23", "2026-12-23"),
        # after 3 calendar months: the leaflet's 4 to 6 weeks
        ("2026-09-10", "2026-12-10", "leaflet", "2027-01-07", "2027-01-21"),
        # month ends: a start on the 31st; month 1 ends with February's last day
        ("2026-01-31", "2026-02-27", "early-treatment", "2026-03-06", "2026-03-06"),
        ("2026-01-31", "2026-02-28", "early-treatment", "2026-03-14", "2026-03-14"),
        ("2026-01-31", "2026-04-29", "early-treatment", "2026-05-13", "2026-05-13"),
        ("2026-01-31", "2026-04-30", "leaflet", "2026-05-28", "2026-06-11"),
        # across the year end
        ("2026-11-15", "2026-12-28", "early-treatment", "2027-01-11", "2027-01-11"),
        ("2026-10-20", "2027-01-20", "leaflet", "2027-02-17", "2027-03-03"),
        ("2026-12-31", "2026-12-31", "early-treatment", "2027-01-07", "2027-01-07"),
        # a baseline before the start: the first test of treatment, one week in
        ("2026-09-10", "2026-09-01", "early-treatment", "2026-09-17", "2026-09-17"),
        # no start date: the leaflet's interval
        (None, "2026-11-01", "leaflet", "2026-11-29", "2026-12-13"),
    ],
)
def test_due_dates(start, last, rule, due_from, due_by):
    today = D(last) + dt.timedelta(days=1)
    result = next_test_due(started(start) if start else None, D(last), today, LABS)
    assert (result.rule, result.due_from, result.due_by) == (rule, D(due_from), D(due_by))
    assert result.source == {"early-treatment": "MPR", "leaflet": "LEAFLET"}[rule]
    assert result.status == "not-due"


def test_the_clinic_interval_wins():
    result = next_test_due(started("2026-11-01", weeks=12), D("2026-11-20"), TODAY, LABS)
    assert (result.rule, result.due_from, result.due_by) == (
        "profile",
        D("2027-02-12"),
        D("2027-02-12"),
    )
    assert result.interval_weeks == 12


@pytest.mark.parametrize(
    ("today", "status", "days_overdue"),
    [
        ("2026-11-28", "not-due", None),
        ("2026-11-29", "due", None),
        ("2026-12-10", "due", None),
        ("2026-12-13", "due", None),
        ("2026-12-14", "overdue", 1),
        ("2027-01-12", "overdue", 30),
    ],
)
def test_status(today, status, days_overdue):
    result = next_test_due(started("2025-01-01"), D("2026-11-01"), D(today), LABS)
    assert (result.status, result.days_overdue) == (status, days_overdue)


def test_no_test_recorded():
    result = next_test_due(started("2026-11-20"), None, TODAY, LABS)
    assert (result.status, result.rule, result.due_from, result.due_by) == (
        "no-test-recorded",
        "early-treatment",
        None,
        None,
    )
    assert next_test_due(None, None, TODAY, LABS).rule == "leaflet"


def test_stopped_means_not_on_treatment():
    result = next_test_due(
        started("2025-01-01", stopped="2026-10-01"), D("2026-09-01"), TODAY, LABS
    )
    assert (result.status, result.rule, result.due_from, result.due_by) == (
        "not-on-treatment",
        None,
        None,
        None,
    )
    assert result.last_test == D("2026-09-01")


def test_without_a_start_date_the_answer_says_so():
    result = next_test_due(None, D("2026-11-01"), TODAY, LABS)
    assert LABS.schedule.no_start.note in result.notes
    assert LABS.schedule.clinics.note in result.notes
    with_start = next_test_due(started("2025-01-01"), D("2026-11-01"), TODAY, LABS)
    assert LABS.schedule.no_start.note not in with_start.notes


@given(
    start=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)),
    offset=st.integers(min_value=0, max_value=200),
)
def test_due_is_always_after_the_last_test_and_closer_early(start: dt.date, offset: int):
    last = start + dt.timedelta(days=offset)
    data = {"schema_version": 2, "prescription": {"started_on": start}}
    person = parse_profile(data, LIMITS, max(last, start))
    result = next_test_due(person, last, last, LABS)
    assert result.due_from is not None and result.due_by is not None
    assert last < result.due_from <= result.due_by
    gap = (result.due_from - last).days
    assert gap in (7, 14, 28)
    if gap == 7:
        assert last < add_months(start, 1)
    if gap == 28:
        assert last >= add_months(start, 3)
