"""history: the range of days, each dose's status, and the adherence."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.days import parse_day
from imuran_cli.core.doses import DoseRecord, Regimen, day_slots, regimen_of
from imuran_cli.core.errors import InputError
from imuran_cli.core.history import build_history, history_range
from imuran_cli.core.profile import parse_profile
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.journal import load_journal_rules
from imuran_cli.knowledge.limits import load_limits

LIMITS = load_limits()
MAX = load_dosing().typical.max_mg_per_kg
RULES = load_journal_rules().history
TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


def regimen(**prescription: Any) -> Regimen:
    data = {"schema_version": 2, "prescription": prescription}
    return regimen_of(parse_profile(data, LIMITS, TODAY), LIMITS, MAX)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def statuses(*entries: tuple[str, str, str, float | None]) -> dict[Any, Any]:
    return {(d, dose): (status, mg) for d, dose, status, mg in entries}


def span(days: int | None = None, start: str | None = None, end: str | None = None) -> Any:
    return history_range(
        days,
        parse_day(start, TODAY, "--from") if start else None,
        parse_day(end, TODAY, "--to") if end else None,
        TODAY,
        RULES.default_days,
        RULES.max_days,
    )


# ---------------------------------------------------------------- range


@pytest.mark.parametrize(
    ("args", "first", "last"),
    [
        ({}, "2026-10-27", "2026-11-25"),  # the last 30 days, today included
        ({"days": 1}, "2026-11-25", "2026-11-25"),
        ({"days": 3660}, "2016-11-18", "2026-11-25"),
        ({"start": "2026-11-01", "end": "2026-11-10"}, "2026-11-01", "2026-11-10"),
        ({"start": "2026-11-20"}, "2026-11-20", "2026-11-25"),
        ({"start": "yesterday", "end": "yesterday"}, "2026-11-24", "2026-11-24"),
    ],
)
def test_history_range(args, first, last):
    assert span(**args) == (day(first), day(last))


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ({"days": 0}, "days_out_of_range"),
        ({"days": 3661}, "days_out_of_range"),
        ({"days": 5, "start": "2026-11-01"}, "conflicting_options"),
        ({"end": "2026-11-10"}, "missing_option"),
        ({"start": "2026-11-10", "end": "2026-11-01"}, "dates_reversed"),
        ({"start": "2010-01-01"}, "days_out_of_range"),
    ],
)
def test_bad_ranges(args, code):
    with pytest.raises(InputError) as caught:
        span(**args)
    assert caught.value.code == code


def test_the_numbers_are_data():
    assert (RULES.default_days, RULES.max_days, RULES.percent_decimals) == (30, 3660, 1)
    assert RULES.source == "PROJECT"


# ---------------------------------------------------------------- statuses and adherence


def test_statuses_and_adherence_of_a_split_schedule():
    split = regimen(daily_mg=150, schedule="split")
    recorded = statuses(
        ("2026-11-23", "morning", "taken", 75),
        ("2026-11-23", "later", "skipped", 75),
        ("2026-11-24", "morning", "taken", 75),
        ("2026-11-25", "morning", "taken", 75),
    )
    result = build_history(recorded, day("2026-11-23"), TODAY, split, TODAY, 1)
    assert [
        (d.date.isoformat(), [tuple(s._asdict().values()) for s in d.doses]) for d in result.days
    ] == [
        ("2026-11-23", [("morning", "taken", 75), ("later", "skipped", 75)]),
        ("2026-11-24", [("morning", "taken", 75), ("later", "missing", 75)]),
        ("2026-11-25", [("morning", "taken", 75), ("later", "due", 75)]),
    ]
    adherence = result.adherence
    # Expected: the 4 doses of the days before today, plus today's recorded one.
    assert (adherence.expected, adherence.taken, adherence.skipped, adherence.missing) == (
        5,
        3,
        1,
        1,
    )
    assert adherence.percent == 60.0


def test_percent_is_rounded_to_one_decimal_and_null_when_nothing_is_expected():
    once = regimen(daily_mg=150)
    recorded = statuses(("2026-11-24", "morning", "taken", 150))
    result = build_history(recorded, day("2026-11-22"), TODAY, once, TODAY, 1)
    assert result.adherence.percent == 33.3
    today_only = build_history({}, TODAY, TODAY, once, TODAY, 1)
    assert today_only.adherence.expected == 0
    assert today_only.adherence.percent is None


def test_days_outside_the_treatment_expect_nothing():
    started = regimen(daily_mg=150, started_on="2026-11-24")
    result = build_history({}, day("2026-11-20"), TODAY, started, TODAY, 1)
    assert [len(d.doses) for d in result.days] == [0, 0, 0, 0, 1, 1]
    assert result.adherence.expected == 1  # only 2026-11-24; today's dose is still due


def test_a_record_without_an_amount_shows_the_prescribed_one():
    once = regimen(daily_mg=150)
    recorded = statuses(("2026-11-24", "morning", "skipped", None))
    result = build_history(recorded, day("2026-11-24"), day("2026-11-24"), once, TODAY, 1)
    assert tuple(result.days[0].doses[0]._asdict().values()) == ("morning", "skipped", 150)


# ---------------------------------------------------------------- the fast path agrees


RECORD = st.tuples(
    st.integers(min_value=0, max_value=9),
    st.sampled_from(["morning", "later"]),
    st.sampled_from(["taken", "skipped"]),
    st.sampled_from([None, 50, 75]),
)


@given(
    entries=st.lists(RECORD, max_size=15),
    schedule=st.sampled_from(["once", "split"]),
    start_back=st.integers(min_value=0, max_value=12),
)
def test_history_gives_the_statuses_of_day_slots(entries, schedule, start_back):
    reg = regimen(
        daily_mg=150,
        schedule=schedule,
        started_on=(TODAY - dt.timedelta(days=start_back)).isoformat(),
    )
    records = {
        (TODAY - dt.timedelta(days=back), dose): DoseRecord(
            1, TODAY - dt.timedelta(days=back), dose, status, mg, None, None, NOW
        )
        for back, dose, status, mg in entries
    }
    recorded = {(d.isoformat(), dose): (r.status, r.mg) for (d, dose), r in records.items()}
    first = TODAY - dt.timedelta(days=9)
    result = build_history(recorded, first, TODAY, reg, TODAY, 1)
    for history_day in result.days:
        expected = day_slots(history_day.date, records.values(), reg, TODAY)
        assert history_day.doses == expected
    counted = result.adherence
    assert counted.expected == counted.taken + counted.skipped + counted.missing
    if counted.percent is not None:
        assert 0 <= counted.percent <= 100
