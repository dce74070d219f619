"""The report model: the period, month windows, what is cut to the period, missing sections."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.errors import InputError
from imuran_cli.core.report import (
    ReportInputs,
    build_report,
    check_since,
    default_since,
    month_windows,
)
from imuran_cli.knowledge.dosing import load_dosing
from tests import report_fixture as fx

D = dt.date


@pytest.mark.parametrize(
    ("since", "until", "windows"),
    [
        (
            D(2026, 5, 25),
            D(2026, 7, 3),
            [
                (D(2026, 5, 25), D(2026, 5, 31)),
                (D(2026, 6, 1), D(2026, 6, 30)),
                (D(2026, 7, 1), D(2026, 7, 3)),
            ],
        ),
        (D(2026, 11, 25), D(2026, 11, 25), [(D(2026, 11, 25), D(2026, 11, 25))]),
        (
            D(2027, 12, 31),
            D(2028, 2, 29),
            [
                (D(2027, 12, 31), D(2027, 12, 31)),
                (D(2028, 1, 1), D(2028, 1, 31)),
                (D(2028, 2, 1), D(2028, 2, 29)),
            ],
        ),
    ],
)
def test_month_windows(since, until, windows):
    assert month_windows(since, until) == windows


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 1, 1)), st.integers(0, 800))
def test_month_windows_tile_the_period(since, length):
    until = since + dt.timedelta(days=length)
    windows = month_windows(since, until)
    assert windows[0][0] == since and windows[-1][1] == until
    for (_, end), (start, _) in zip(windows, windows[1:], strict=False):
        assert start == end + dt.timedelta(days=1) and start.day == 1
    assert all(a.month == b.month and a.year == b.year for a, b in windows)


def test_default_since_is_six_months_back_clamped():
    assert default_since(D(2026, 11, 25), 6) == D(2026, 5, 25)
    assert default_since(D(2026, 8, 31), 6) == D(2026, 2, 28)


def test_since_after_today_is_bad_input():
    with pytest.raises(InputError) as info:
        check_since(D(2026, 11, 26), D(2026, 11, 25))
    assert info.value.code == "since_in_future"


def build(inputs: ReportInputs, since: dt.date = fx.SINCE):
    return build_report(
        profile=fx.profile(),
        limits=fx.LIMITS,
        max_mg_per_kg=load_dosing().typical.max_mg_per_kg,
        labs=fx.LABS,
        since=since,
        now=fx.NOW,
        profile_key="/p",
        inputs=inputs,
    )


def test_everything_is_cut_to_the_period():
    report = build(fx.inputs(fx.profile()), since=D(2026, 8, 1))
    assert [r.date for r in report.adl] == [D(2026, 8, 3), D(2026, 10, 5), D(2026, 11, 20)]
    assert [v.date for v in report.lab_tests] == [D(2026, 9, 1), D(2026, 10, 14)]
    assert all(c.points[0].date >= D(2026, 8, 1) for c in report.lab_charts)
    assert [m.month for m in report.adherence] == ["2026-08", "2026-09", "2026-10", "2026-11"]
    assert report.adl_change is not None
    assert (report.adl_change.first.date, report.adl_change.points) == (D(2026, 8, 3), -3)


def test_the_full_report_has_every_section():
    report = fx.full_report()
    assert report.missing == {}
    assert [c.test for c in report.lab_charts] == [
        "wbc",
        "neutrophils",
        "platelets",
        "hemoglobin",
        "mcv",
        "alt",
    ]
    assert report.adherence_total is not None and report.adherence_total.expected > 0
    assert [e.label for e in report.timeline] == [
        "Started azathioprine",
        "Improvement window",
        "Last blood test",
        "Next blood test due",
    ]
    assert report.summary.dose == "150 mg a day (75 mg at 08:00, 75 mg at 20:00)"
    assert report.summary.treatment_month == 9
    assert {"LEAFLET", "SPS-MP"} <= set(report.sources)


def test_sections_without_data_say_which_command_fills_them():
    report = build(ReportInputs())
    assert set(report.missing) == {"adherence", "adl", "blood_tests"}
    assert "imuran take" in report.missing["adherence"]
    assert "imuran adl add" in report.missing["adl"]
    assert "imuran labs add" in report.missing["blood_tests"]


def test_one_score_gives_no_change():
    inputs = fx.inputs(fx.profile())._replace(adl_scores=fx.adl_scores()[:1])
    assert build(inputs).adl_change is None


def test_no_profile_is_bad_input():
    with pytest.raises(InputError) as info:
        build_report(
            profile=None,
            limits=fx.LIMITS,
            max_mg_per_kg=2.5,
            labs=fx.LABS,
            since=fx.SINCE,
            now=fx.NOW,
            profile_key="/p",
            inputs=ReportInputs(),
        )
    assert info.value.code == "no_profile"
