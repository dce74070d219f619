"""take and skip: which dose, the already-recorded check, amounts and the daily total."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.days import DayRef, parse_day
from imuran_cli.core.doses import DoseRecord, DoseStatus, Regimen, regimen_of
from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import parse_profile
from imuran_cli.core.take import NewDose, dose_recorded, plan_dose
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.limits import load_limits

LIMITS = load_limits()
MAX = load_dosing().typical.max_mg_per_kg
TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


def regimen(prescription: dict[str, Any] | None) -> Regimen:
    if prescription is None:
        return regimen_of(None, LIMITS, MAX)
    data = {"schema_version": 2, "prescription": prescription}
    return regimen_of(parse_profile(data, LIMITS, TODAY), LIMITS, MAX)


ONCE = regimen({"daily_mg": 150})
SPLIT = regimen({"daily_mg": 150, "schedule": "split"})
NONE = regimen(None)


def plan(
    status: DoseStatus = "taken",
    *,
    day: str | None = None,
    dose: str | None = None,
    mg: float | None = None,
    note: str | None = None,
    replace: bool = False,
    reg: Regimen = ONCE,
    records: list[DoseRecord] | None = None,
) -> NewDose:
    return plan_dose(
        status=status,
        ref=parse_day(day, TODAY),
        dose_text=dose,
        mg=mg,
        note=note,
        replace=replace,
        now=NOW,
        regimen=reg,
        limits=LIMITS,
        day_records=records or [],
    )


def written(new: NewDose, entry_id: int = 1) -> DoseRecord:
    return DoseRecord(
        entry_id, new.date, new.dose, new.status, new.mg, new.tablets, new.note, new.recorded_at
    )


def refused(code: str, **kwargs: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        plan(**kwargs)
    assert caught.value.code == code, caught.value.message
    assert caught.value.exit_code == 2
    return caught.value


# ---------------------------------------------------------------- the dose and its amount


def test_take_defaults_to_today_the_first_dose_and_the_prescribed_amount():
    new = plan()
    assert (new.date, new.dose, new.status, new.mg, new.tablets) == (
        TODAY,
        "morning",
        "taken",
        150,
        3,
    )
    assert new.recorded_at == NOW
    assert new.replaces is None


def test_with_a_split_schedule_the_default_is_the_first_dose_not_yet_recorded():
    morning = written(plan(reg=SPLIT))
    new = plan(reg=SPLIT, records=[morning])
    assert (new.dose, new.mg, new.tablets) == ("later", 75, 1.5)


def test_a_day_word_names_its_dose():
    assert plan(reg=SPLIT, day="last-night").dose == "later"
    assert plan(reg=SPLIT, day="last-night").date == TODAY - dt.timedelta(days=1)
    assert plan(reg=ONCE, day="last-night").dose == "morning"  # one dose a day: that one
    refused("conflicting_dose", reg=SPLIT, day="this-morning", dose="later")


def test_later_on_a_once_daily_schedule_is_refused():
    error = refused("no_later_dose", dose="later")
    assert "one dose a day" in error.message


def test_without_a_prescribed_dose_mg_is_required():
    error = refused("no_prescribed_dose", reg=NONE)
    assert "--mg" in (error.hint or "")
    assert plan(reg=NONE, mg=100).mg == 100


@pytest.mark.parametrize("mg", [0, -50, 30, 12.5, float("nan"), float("inf")])
def test_mg_must_be_positive_whole_tablet_steps(mg):
    refused("invalid_mg", mg=mg)


def test_half_tablets_only_when_tablets_may_be_split():
    assert plan(mg=75).tablets == 1.5
    whole = regimen({"daily_mg": 150, "tablets_split": False})
    refused("invalid_mg", mg=75, reg=whole)


def test_a_skip_keeps_the_amount_not_taken_and_takes_no_tablets():
    new = plan("skipped", note="felt sick")
    assert (new.status, new.mg, new.tablets, new.note) == ("skipped", 150, None, "felt sick")


@pytest.mark.parametrize("note", ["x" * 201, "two\nlines", "tab\there"])
def test_notes_are_one_short_line(note):
    refused("invalid_note", note=note)


def test_a_blank_note_is_no_note():
    assert plan(note="   ").note is None


# ---------------------------------------------------------------- days


def test_any_past_day_but_no_future_day():
    assert plan(day="400 days ago").date == TODAY - dt.timedelta(days=400)
    refused("future_date", day="2026-11-26")


def test_not_before_the_start_nor_after_the_stop():
    bounded = regimen({"daily_mg": 150, "started_on": "2026-03-01", "stopped_on": "2026-10-01"})
    refused("before_start", day="2026-02-28", reg=bounded)
    refused("after_stop", day="2026-10-02", reg=bounded)
    assert plan(day="2026-10-01", reg=bounded).date == dt.date(2026, 10, 1)


# ---------------------------------------------------------------- already recorded


def test_a_dose_taken_is_never_recorded_twice():
    taken = written(plan())
    error = refused("already_recorded", records=[taken])
    assert "would double the dose" in error.message
    error = refused("already_recorded", records=[taken], dose="morning", replace=True)
    assert "would double the dose" in error.message


def test_a_skipped_dose_is_already_recorded_and_replace_turns_it_into_taken():
    skipped = written(plan("skipped"))
    error = refused("already_recorded", records=[skipped])
    assert "skipped" in error.message and "--replace" in (error.hint or "")
    new = plan(records=[skipped], replace=True)
    assert (new.status, new.replaces, new.mg) == ("taken", skipped.entry_id, 150)


def test_replace_turns_taken_into_skipped():
    taken = written(plan())
    new = plan("skipped", records=[taken], replace=True)
    assert (new.status, new.replaces) == ("skipped", taken.entry_id)


def test_when_every_dose_is_recorded_a_take_without_dose_is_already_recorded():
    morning = written(plan(reg=SPLIT), 1)
    later = written(plan(reg=SPLIT, records=[morning]), 2)
    error = refused("already_recorded", reg=SPLIT, records=[morning, later])
    assert "morning dose" in error.message


def test_already_recorded_comes_before_the_daily_total():
    taken = written(plan(mg=150))
    refused("already_recorded", records=[taken], mg=500)


# ---------------------------------------------------------------- the daily total


def test_a_record_above_the_daily_dose_is_refused():
    morning = written(plan(reg=SPLIT, mg=100))
    error = refused("above_daily_dose", reg=SPLIT, records=[morning], dose="later", mg=75)
    assert "175 mg" in error.message and "150 mg" in error.message
    assert plan(reg=SPLIT, records=[morning], dose="later", mg=50).mg == 50


def test_without_a_daily_dose_the_ceiling_is_the_most_imuran_accepts():
    refused("above_daily_dose", reg=NONE, mg=LIMITS.daily_mg.max + 25)


def test_replacing_a_taken_dose_does_not_count_it_twice():
    taken = written(plan(mg=150))
    new = plan("skipped", records=[taken], replace=True)
    assert new.status == "skipped"


# ---------------------------------------------------------------- the answer


def test_the_day_summary_marks_unrecorded_doses_due_even_on_a_past_day():
    morning = plan(reg=SPLIT, day="yesterday")
    result = dose_recorded(morning, None, [written(morning)], SPLIT, TODAY)
    assert result.day.taken_mg == 75
    assert result.day.daily_mg == 150
    assert [(d.dose, d.status, d.mg) for d in result.day.doses] == [
        ("morning", "taken", 75),
        ("later", "due", 75),
    ]


# ---------------------------------------------------------------- properties

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["taken", "skipped"]),
        st.sampled_from([None, "morning", "later"]),
        st.sampled_from([None, 25, 50, 75, 100, 150, 200]),
        st.booleans(),
    ),
    max_size=12,
)


@given(actions=ACTIONS, schedule=st.sampled_from(["once", "split"]))
def test_no_sequence_of_records_exceeds_the_daily_dose_or_doubles_a_dose(actions, schedule):
    reg = regimen({"daily_mg": 150, "schedule": schedule})
    current: list[DoseRecord] = []
    for entry, (status, dose, mg, replace) in enumerate(actions, start=1):
        try:
            new = plan(status, dose=dose, mg=mg, replace=replace, reg=reg, records=current)
        except InputError:
            continue
        current = [r for r in current if r.entry_id != new.replaces]
        current.append(written(new, entry))
        keys = [(r.date, r.dose) for r in current]
        assert len(keys) == len(set(keys)), "two records for one dose"
        assert sum(r.mg or 0 for r in current if r.status == "taken") <= 150
        assert all(r.dose in {d for d, _ in reg.doses} for r in current)


def test_a_day_ref_without_text_is_today():
    assert parse_day(None, TODAY) == DayRef(TODAY, 0, None, "word")
