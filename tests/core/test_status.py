"""The status of a day: treatment counts, the improvement window and its phases, today's
doses, MG-ADL change, blood tests and alerts. Inputs from the journal and the other
commands are plain stand-ins here, so the rules are tested on their own."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.dates import add_months
from imuran_cli.core.doses import DoseRecord, regimen_of, todays_doses
from imuran_cli.core.pregnancy import plan_pregnancy
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.core.status import (
    HINT_ADL_FIRST,
    HINT_ADL_SECOND,
    HINT_JOURNAL_DOSES,
    HINT_LABS,
    HINT_PROFILE,
    HINT_STARTED_ON,
    AdlInput,
    AdlScore,
    CheckedMedicine,
    StatusInputs,
    StatusResult,
    build_status,
    improvement_phase,
    improvement_window,
    treatment_counts,
)
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.knowledge.pregnancy import load_pregnancy
from imuran_cli.knowledge.status import load_status

LIMITS = load_limits()
MAX = load_dosing().typical.max_mg_per_kg
RULES = load_status()
TODAY = dt.date(2026, 11, 25)
UTC = dt.UTC
D = dt.date.fromisoformat
ONE_DAY = dt.timedelta(days=1)


def profile(prescription: dict[str, Any] | None = None, **extra: Any) -> Profile:
    data: dict[str, Any] = {"schema_version": 2, "prescription": prescription or {}, **extra}
    return parse_profile(data, LIMITS, dt.date(2100, 1, 1))


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


# Stand-ins with the fields of the journal's, labs' and check's result objects.
@dataclass(frozen=True)
class Due:
    last_test: dt.date | None
    rule: str
    due_from: dt.date | None
    due_by: dt.date | None
    status: str
    days_overdue: int | None
    source: str


@dataclass(frozen=True)
class Flag:
    test: str
    value: float
    severity: str
    message: str
    source: str


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: str
    message: str
    source: str


# ---------------------------------------------------------------- counting


@pytest.mark.parametrize(
    ("start", "today", "day", "week", "month"),
    [
        ("2026-03-01", "2026-03-01", 1, 1, 1),  # started-on is day 1
        ("2026-03-01", "2026-03-07", 7, 1, 1),
        ("2026-03-01", "2026-03-08", 8, 2, 1),  # day 8 starts week 2
        ("2026-03-01", "2026-03-14", 14, 2, 1),
        ("2026-03-01", "2026-03-15", 15, 3, 1),
        ("2026-03-01", "2026-03-31", 31, 5, 1),
        ("2026-03-01", "2026-04-01", 32, 5, 2),  # one whole month: month 2
        ("2026-03-01", "2026-11-25", 270, 39, 9),
        ("2026-01-31", "2026-02-27", 28, 4, 1),
        ("2026-01-31", "2026-02-28", 29, 5, 2),  # Jan 31 + 1 month is Feb 28
        ("2026-01-31", "2026-03-30", 59, 9, 2),
        ("2026-01-31", "2026-03-31", 60, 9, 3),
        ("2024-02-29", "2025-02-27", 365, 53, 12),  # leap day start
        ("2024-02-29", "2025-02-28", 366, 53, 13),
        ("2023-03-01", "2024-02-29", 366, 53, 12),  # through a leap day
        ("2026-12-31", "2027-01-01", 2, 1, 1),  # across the year end
        ("2026-12-31", "2027-01-31", 32, 5, 2),
    ],
)
def test_treatment_day_week_and_month(start, today, day, week, month):
    assert treatment_counts(D(start), D(today)) == (day, week, month)


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2150, 1, 1)),
    st.integers(min_value=0, max_value=6000),
)
def test_counts_agree_with_the_issue_formulas(start, offset):
    today = start + dt.timedelta(days=offset)
    day, week, month = treatment_counts(start, today)
    assert day == offset + 1
    assert week == (day - 1) // 7 + 1
    assert add_months(start, month - 1) <= today < add_months(start, month)


# ---------------------------------------------------------------- the window


# started-on -> (window_from, window_to): 3 and 12 calendar months, clamped at month ends.
WINDOWS = [
    ("2026-03-01", "2026-06-01", "2027-03-01"),
    ("2026-08-31", "2026-11-30", "2027-08-31"),  # Nov has no 31st
    ("2026-11-30", "2027-02-28", "2027-11-30"),  # Feb 2027 has 28 days
    ("2027-11-30", "2028-02-29", "2028-11-30"),  # a leap February
    ("2024-02-29", "2024-05-29", "2025-02-28"),  # a leap-day start
    ("2026-10-31", "2027-01-31", "2027-10-31"),  # across the year end
]


@pytest.mark.parametrize(("start", "window_from", "window_to"), WINDOWS)
def test_the_window_dates(start, window_from, window_to):
    assert improvement_window(D(start), RULES) == (D(window_from), D(window_to))


def _phase_cases() -> list[tuple[str, str, str]]:
    """The day before, of and after each window edge, for every start of WINDOWS."""
    cases = []
    for start, window_from, window_to in WINDOWS:
        first, last = D(window_from), D(window_to)
        cases += [
            (start, (first - ONE_DAY).isoformat(), "too-early"),
            (start, first.isoformat(), "window"),
            (start, (first + ONE_DAY).isoformat(), "window"),
            (start, (last - ONE_DAY).isoformat(), "window"),
            (start, last.isoformat(), "window"),
            (start, (last + ONE_DAY).isoformat(), "past-window"),
        ]
    cases.append(("2026-03-01", "2026-03-01", "too-early"))  # the first day
    return cases


@pytest.mark.parametrize(("start", "today", "phase"), _phase_cases())
def test_phase_at_every_edge(start, today, phase):
    window_from, window_to = improvement_window(D(start), RULES)
    assert improvement_phase(D(today), window_from, window_to, stopped=False) == phase
    # And through the whole status, from the profile:
    prof = profile({"started_on": start})
    result = build_status(at(D(today), 12), prof, RULES, StatusInputs(), None)
    assert result.improvement.phase == phase
    assert (result.improvement.window_from, result.improvement.window_to) == (
        window_from,
        window_to,
    )


@pytest.mark.parametrize("today", ["2026-03-20", "2026-07-01", "2027-06-01"])
def test_a_stop_date_makes_the_phase_stopped_whatever_the_day(today):
    prof = profile({"started_on": "2026-03-01", "stopped_on": "2026-03-20"})
    result = build_status(at(D(today), 12), prof, RULES, StatusInputs(), None)
    assert result.improvement.phase == "stopped"
    assert result.improvement.text == RULES.phases.stopped.text
    assert result.treatment.on_treatment is False
    assert (result.treatment.day, result.treatment.week, result.treatment.month) == (
        None,
        None,
        None,
    )


def test_a_stop_without_a_start_is_still_stopped():
    result = build_status(
        at(TODAY, 12), profile({"stopped_on": "2026-03-20"}), RULES, StatusInputs(), None
    )
    assert result.improvement.phase == "stopped"
    assert result.improvement.window_from is None


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2150, 1, 1)),
    st.integers(min_value=0, max_value=1000),
    st.integers(min_value=0, max_value=1000),
)
def test_phases_only_move_forward(start, a, b):
    window_from, window_to = improvement_window(start, RULES)
    order = ["too-early", "window", "past-window"]
    early, late = sorted([a, b])
    first = improvement_phase(start + dt.timedelta(days=early), window_from, window_to, False)
    second = improvement_phase(start + dt.timedelta(days=late), window_from, window_to, False)
    assert order.index(first) <= order.index(second)
    assert window_from < window_to


def test_phase_texts_name_the_window():
    prof = profile({"started_on": "2026-03-01"})
    early = build_status(at(D("2026-04-01"), 12), prof, RULES, StatusInputs(), None)
    assert early.improvement.text is not None and "2026-06-01" in early.improvement.text
    assert early.improvement.source == "LEAFLET"
    late = build_status(at(D("2027-03-02"), 12), prof, RULES, StatusInputs(), None)
    assert late.improvement.text is not None and "neurologist" in late.improvement.text


# ---------------------------------------------------------------- doses of the day


SPLIT = profile({"daily_mg": 150, "schedule": "split", "started_on": "2026-03-01"})


def rec(dose: str, status: str, mg: float | None, hour: int, minute: int = 0) -> DoseRecord:
    tablets = mg / 50 if mg is not None and status == "taken" else None
    return DoseRecord(1, TODAY, dose, status, mg, tablets, None, at(TODAY, hour, minute))  # type: ignore[arg-type]


def day_inputs(prof: Profile, records: list[DoseRecord], **extra: Any) -> StatusInputs:
    """Today's doses as the journal (issue 9) gives them to status."""
    regimen = regimen_of(prof, LIMITS, MAX)
    return StatusInputs(
        journal=True,
        doses=todays_doses(records, regimen, TODAY),
        dose_records=records,
        dose_times=dict(regimen.times),
        **extra,
    )


TAKEN_8 = rec("morning", "taken", 75.0, 8, 5)


@pytest.mark.parametrize(
    ("hour", "records", "expected"),
    [
        # before the morning time: both due, nothing late
        (7, [], [("morning", "due", False), ("later", "due", False)]),
        # after it: the morning dose is late
        (9, [], [("morning", "due", True), ("later", "due", False)]),
        (9, [TAKEN_8], [("morning", "taken", False), ("later", "due", False)]),
        (
            21,
            [TAKEN_8, rec("later", "skipped", None, 20, 30)],
            [("morning", "taken", False), ("later", "skipped", False)],
        ),
        (21, [TAKEN_8], [("morning", "taken", False), ("later", "due", True)]),
        (20, [TAKEN_8], [("morning", "taken", False), ("later", "due", False)]),  # at 20:00
    ],
)
def test_dose_states_of_today(hour, records, expected):
    result = build_status(at(TODAY, hour), SPLIT, RULES, day_inputs(SPLIT, records), None)
    assert [(d.dose, d.status, d.late) for d in result.doses] == expected
    late = [a for a in result.alerts if a.kind == "dose"]
    assert len(late) == sum(1 for _, _, is_late in expected if is_late)
    for alert in late:
        assert alert.severity == "info" and alert.source == "LEAFLET"
        assert "imuran take" in alert.message and "imuran missed" in alert.message


def test_a_dose_keeps_its_record_and_its_usual_time():
    inputs = day_inputs(SPLIT, [TAKEN_8])
    morning = build_status(at(TODAY, 9), SPLIT, RULES, inputs, None).doses[0]
    assert (morning.mg, morning.recorded_at, morning.at) == (75, at(TODAY, 8, 5), "08:00")
    inputs = day_inputs(SPLIT, [rec("later", "skipped", None, 20)])
    later = build_status(at(TODAY, 21), SPLIT, RULES, inputs, None).doses[1]
    assert (later.status, later.mg, later.at) == ("skipped", 75, "20:00")  # as prescribed


def test_the_profiles_dose_times_decide_what_is_late():
    prof = profile({"daily_mg": 100, "started_on": "2026-03-01"}, dose_times={"morning": "10:30"})
    inputs = day_inputs(prof, [])
    (dose,) = build_status(at(TODAY, 10), prof, RULES, inputs, None).doses
    assert (dose.dose, dose.status, dose.mg, dose.at, dose.late) == (
        "morning",
        "due",
        100,
        "10:30",
        False,
    )
    (dose,) = build_status(at(TODAY, 11), prof, RULES, inputs, None).doses
    assert dose.late


def test_without_a_journal_no_dose_is_listed_and_the_section_says_how():
    regimen = regimen_of(SPLIT, LIMITS, MAX)
    inputs = StatusInputs(journal=False, doses=todays_doses([], regimen, TODAY))
    result = build_status(at(TODAY, 21), SPLIT, RULES, inputs, None)
    assert result.doses == ()
    assert result.alerts == ()
    assert result.missing["today"] == HINT_JOURNAL_DOSES


def test_no_dose_is_expected_after_stopping_or_before_starting():
    stopped = profile({"daily_mg": 150, "started_on": "2026-03-01", "stopped_on": "2026-11-01"})
    assert build_status(at(TODAY, 21), stopped, RULES, day_inputs(stopped, []), None).doses == ()
    future = profile({"daily_mg": 150, "started_on": "2026-11-26"})
    result = build_status(at(TODAY, 21), future, RULES, day_inputs(future, []), None)
    assert result.doses == () and result.treatment.day is None
    assert "today" not in result.missing


# ---------------------------------------------------------------- MG-ADL


def adl(first: tuple[str, int], latest: tuple[str, int]) -> AdlInput:
    """As the CLI builds it from the journal: the change by the journal's own rule."""
    points = latest[1] - first[1] if first[0] != latest[0] else None
    return AdlInput(
        first=AdlScore(D(first[0]), first[1]),
        latest=AdlScore(D(latest[0]), latest[1]),
        points=points,
        meaningful=None if points is None else points <= -2,
        threshold=2,
        threshold_text="A fall of 2 points or more counts as a meaningful improvement.",
        source="ADL-SRC",
    )


@pytest.mark.parametrize(
    ("first", "latest", "points", "meaningful"),
    [
        (9, 6, -3, True),
        (9, 7, -2, True),  # a fall of exactly 2 reaches the threshold
        (9, 8, -1, False),
        (9, 9, 0, False),
        (6, 9, 3, False),  # worse is never meaningful improvement
    ],
)
def test_adl_change_and_threshold(first, latest, points, meaningful):
    inputs = StatusInputs(adl=adl(("2026-02-20", first), ("2026-11-20", latest)))
    change = build_status(at(TODAY, 12), SPLIT, RULES, inputs, None).improvement.adl
    assert change is not None
    assert (change.points, change.meaningful, change.threshold) == (points, meaningful, 2)
    assert change.first == AdlScore(D("2026-02-20"), first)


def test_one_adl_score_gives_no_change_but_says_how_to_get_one():
    inputs = StatusInputs(adl=adl(("2026-11-20", 8), ("2026-11-20", 8)))
    result = build_status(at(TODAY, 12), SPLIT, RULES, inputs, None)
    assert result.improvement.adl is None
    assert result.missing["adl"] == HINT_ADL_SECOND
    no_scores = build_status(at(TODAY, 12), SPLIT, RULES, StatusInputs(), None)
    assert no_scores.missing["adl"] == HINT_ADL_FIRST


# ---------------------------------------------------------------- alerts


OVERDUE = Due(
    D("2026-10-01"), "leaflet", D("2026-10-29"), D("2026-11-12"), "overdue", 13, "LEAFLET"
)
FLAGS = [
    Flag("wbc", 3.1, "urgent", "WBC 3.1 is below 3.5.", "SPS-MP"),
    Flag("wbc", 3.1, "caution", "WBC fell on three tests.", "PCN"),
]
CIPRO = CheckedMedicine(
    "Cipro 500 mg",
    [
        Finding("mg-caution", "urgent", "can bring on an MG crisis", "MGFA"),
        Finding("interaction", "caution", "a caution only", "X"),
    ],
)
STATIN = CheckedMedicine("atorvastatin", [Finding("mg-caution", "caution", "use with care", "Y")])


def test_alerts_gather_the_urgent_items_most_severe_first():
    inputs = day_inputs(
        SPLIT,
        [],
        labs_due=OVERDUE,
        latest_flags=FLAGS,
        medicines=[STATIN, CIPRO],
    )
    result = build_status(at(TODAY, 9), SPLIT, RULES, inputs, None)
    assert [(a.severity, a.kind) for a in result.alerts] == [
        ("urgent", "medicine"),
        ("urgent", "lab-result"),
        ("caution", "lab-result"),
        ("caution", "blood-test"),
        ("info", "dose"),
    ]
    medicine = result.alerts[0]
    assert medicine.message == "Cipro 500 mg: can bring on an MG crisis"  # as the profile has it
    assert medicine.source == "MGFA"
    assert result.alerts[3].message == "Your blood test is overdue by 13 days, due by 2026-11-12."
    assert result.blood_tests is OVERDUE
    assert result.lab_flags == tuple(FLAGS)
    assert set(result.sources) >= {"LEAFLET", "SPS-MP", "PCN", "MGFA"}
    assert "Y" not in result.sources  # a caution finding is no alert


@pytest.mark.parametrize("status", ["not-due", "due", "no-test-recorded"])
def test_only_an_overdue_test_is_an_alert(status):
    due = Due(None, "leaflet", None, None, status, None, "LEAFLET")
    result = build_status(at(TODAY, 12), SPLIT, RULES, StatusInputs(labs_due=due), None)
    assert result.alerts == ()
    assert "blood_tests" not in result.missing


# ---------------------------------------------------------------- whole status


def test_no_profile():
    result = build_status(at(TODAY, 12), None, RULES, StatusInputs(), None)
    assert result.has_profile is False
    assert result.doses == () and result.alerts == () and result.sources == ()
    assert result.treatment.on_treatment is None
    assert result.improvement.phase is None
    assert set(result.missing) == {"today", "treatment", "improvement", "blood_tests"}
    assert set(result.missing.values()) == {HINT_PROFILE}


def test_a_bare_profile_asks_for_the_start_date():
    result = build_status(at(TODAY, 12), profile(), RULES, StatusInputs(), None)
    assert result.treatment.on_treatment is True
    assert result.treatment.day is None
    assert result.missing["treatment"] == HINT_STARTED_ON
    assert result.missing["improvement"] == HINT_STARTED_ON
    assert result.missing["blood_tests"] == HINT_LABS
    assert result.missing["today"] == HINT_JOURNAL_DOSES


def test_a_full_profile():
    pregnancy = plan_pregnancy(TODAY, True, None, load_pregnancy())
    inputs = day_inputs(
        SPLIT,
        [TAKEN_8],
        adl=adl(("2026-02-20", 9), ("2026-11-20", 6)),
        labs_due=Due(
            D("2026-11-10"), "leaflet", D("2026-12-08"), D("2026-12-22"), "not-due", None, "LEAFLET"
        ),
    )
    result: StatusResult = build_status(at(TODAY, 12), SPLIT, RULES, inputs, pregnancy)
    assert result.today == TODAY
    assert (result.treatment.day, result.treatment.week, result.treatment.month) == (270, 39, 9)
    assert result.improvement.phase == "window"
    assert result.pregnancy is pregnancy
    assert result.alerts == ()
    assert result.missing == {}
    assert result.sources == ("LEAFLET", "ADL-SRC")
