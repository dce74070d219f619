"""The missed-dose rule: reading WHEN, choosing the dose, take-today or skip, the amounts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from imuran_cli.core.doses import parse_dose_option as parse_dose
from imuran_cli.core.errors import InputError
from imuran_cli.core.missed import (
    MissedResult,
    parse_when,
    plan_missed,
    when_phrase,
)
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.knowledge.missed import load_missed
from imuran_cli.render.json_out import to_jsonable

LIMITS = load_limits()
MAX = load_dosing().typical.max_mg_per_kg
RULES = load_missed()
TODAY = dt.date(2026, 11, 25)
UTC = dt.UTC
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def profile(prescription: dict[str, Any] | None = None, **extra: Any) -> Profile:
    data: dict[str, Any] = {"schema_version": 2, "prescription": prescription or {}, **extra}
    return parse_profile(data, LIMITS, TODAY)


ONCE = profile({"daily_mg": 150})
SPLIT = profile({"daily_mg": 150, "schedule": "split"})


def plan(
    when: str,
    dose: str | None = None,
    now: dt.datetime = NOW,
    prof: Profile | None = None,
) -> MissedResult:
    return plan_missed(when, dose, now, prof, LIMITS, MAX, RULES)


# ---------------------------------------------------------------- WHEN


@pytest.mark.parametrize(
    ("text", "day", "days_ago", "dose"),
    [
        ("today", TODAY, 0, None),
        ("TODAY", TODAY, 0, None),
        ("  Today ", TODAY, 0, None),
        ("this-morning", TODAY, 0, "morning"),
        ("This-Morning", TODAY, 0, "morning"),
        ("this morning", TODAY, 0, "morning"),
        ("yesterday", dt.date(2026, 11, 24), 1, None),
        ("YESTERDAY", dt.date(2026, 11, 24), 1, None),
        ("last-night", dt.date(2026, 11, 24), 1, "later"),
        ("Last-Night", dt.date(2026, 11, 24), 1, "later"),
        ("1 day ago", dt.date(2026, 11, 24), 1, None),
        ("1 days ago", dt.date(2026, 11, 24), 1, None),
        ("3 days ago", dt.date(2026, 11, 22), 3, None),
        ("3  DAYS  Ago", dt.date(2026, 11, 22), 3, None),
        ("60 days ago", dt.date(2026, 9, 26), 60, None),
        ("1d", dt.date(2026, 11, 24), 1, None),
        ("3d", dt.date(2026, 11, 22), 3, None),
        ("3D", dt.date(2026, 11, 22), 3, None),
        ("60d", dt.date(2026, 9, 26), 60, None),
        ("2026-11-25", TODAY, 0, None),
        ("2026-11-24", dt.date(2026, 11, 24), 1, None),
        ("2026-09-26", dt.date(2026, 9, 26), 60, None),
    ],
)
def test_parse_when_accepts(text, day, days_ago, dose):
    when = parse_when(text, TODAY, RULES)
    assert (when.day, when.days_ago, when.dose) == (day, days_ago, dose)


@pytest.mark.parametrize(
    ("today", "text", "day"),
    [
        (dt.date(2026, 12, 1), "yesterday", dt.date(2026, 11, 30)),  # month boundary
        (dt.date(2026, 3, 1), "1d", dt.date(2026, 2, 28)),  # February, not a leap year
        (dt.date(2028, 3, 1), "1d", dt.date(2028, 2, 29)),  # leap year
        (dt.date(2027, 1, 1), "last-night", dt.date(2026, 12, 31)),  # year boundary
        (dt.date(2027, 1, 2), "3 days ago", dt.date(2026, 12, 30)),
        (dt.date(2027, 1, 1), "2026-12-31", dt.date(2026, 12, 31)),
    ],
)
def test_parse_when_across_boundaries(today, text, day):
    assert parse_when(text, today, RULES).day == day


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("tomorrow", "invalid_when"),
        ("tonight", "invalid_when"),
        ("", "invalid_when"),
        ("3", "invalid_when"),
        ("-3d", "invalid_when"),
        ("three days ago", "invalid_when"),
        ("3 weeks ago", "invalid_when"),
        ("3days ago", "invalid_when"),
        ("2026/11/24", "invalid_when"),
        ("24-11-2026", "invalid_when"),
        ("2026-02-30", "invalid_when"),
        ("2026-13-01", "invalid_when"),
        ("0d", "invalid_when"),
        ("0 days ago", "invalid_when"),
        ("61d", "too_long_ago"),
        ("61 days ago", "too_long_ago"),
        ("99999999999999999999d", "too_long_ago"),
        ("2026-09-25", "too_long_ago"),
        ("2025-11-25", "too_long_ago"),
        ("2026-11-26", "future_date"),
        ("2027-01-01", "future_date"),
    ],
)
def test_parse_when_rejects(text, code):
    with pytest.raises(InputError) as caught:
        parse_when(text, TODAY, RULES)
    assert caught.value.code == code
    assert caught.value.exit_code == 2
    assert caught.value.hint


def test_unknown_when_lists_every_accepted_form():
    with pytest.raises(InputError) as caught:
        parse_when("next week", TODAY, RULES)
    assert "'next week'" in caught.value.message
    hint = caught.value.hint or ""
    for form in ("today", "this-morning", "yesterday", "last-night", "N days ago", "Nd"):
        assert form in hint
    assert "YYYY-MM-DD" in hint and "1 to 60" in hint


@pytest.mark.parametrize("text", ["61d", "2026-01-01"])
def test_too_long_ago_points_to_the_neurologist(text):
    with pytest.raises(InputError) as caught:
        parse_when(text, TODAY, RULES)
    assert "neurologist" in (caught.value.hint or "")
    assert "60" in caught.value.message


@pytest.mark.parametrize(
    ("text", "dose"),
    [(None, None), ("morning", "morning"), ("LATER", "later"), (" Morning ", "morning")],
)
def test_parse_dose(text, dose):
    assert parse_dose(text) == dose


@pytest.mark.parametrize("text", ["evening", "noon", "", "am"])
def test_parse_dose_rejects(text):
    with pytest.raises(InputError) as caught:
        parse_dose(text)
    assert caught.value.code == "invalid_dose"


def test_when_range_is_data():
    assert (RULES.when.min_days_ago, RULES.when.max_days_ago) == (1, 60)
    assert RULES.when.tell_neurologist_from_days_ago == 2


# ---------------------------------------------------------------- decision


@pytest.mark.parametrize(
    ("when", "decision"),
    [
        ("today", "take-today"),
        ("this-morning", "take-today"),
        ("2026-11-25", "take-today"),
        ("yesterday", "skip"),
        ("last-night", "skip"),
        ("1d", "skip"),
        ("5 days ago", "skip"),
        ("2026-10-01", "skip"),
    ],
)
@pytest.mark.parametrize("prof", [None, ONCE, SPLIT], ids=["no-profile", "once", "split"])
def test_decision(when, decision, prof):
    result = plan(when, prof=prof)
    assert result.decision == decision
    assert result.double_dose is False
    assert (result.take_now is None) == (decision == "skip" or prof is None)


def test_skip_without_profile():
    result = plan("yesterday")
    assert to_jsonable(result) | {"advice": None, "sources_note": None} == {
        "today": "2026-11-25",
        "missed_on": "2026-11-24",
        "dose": "morning",
        "decision": "skip",
        "double_dose": False,
        "take_now": None,
        "next_dose": None,
        "advice": None,
        "sources": ["LEAFLET", "MYAWARE", "TCDS"],
        "headline": "Skip it. Take your next dose tomorrow morning as usual.",
        "reason": "It was due on an earlier day: the leaflet says skip it.",
        "sources_note": None,
        "days_ago": 1,
        "schedule": "once",
        "daily_mg": None,
        "next_regular": {"date": "2026-11-26", "time": "morning", "at": "08:00"},
        "missing": [],
        "recorded_at": None,
        "late": False,
        "cautions": [],
    }
    assert [item.source for item in result.advice] == ["LEAFLET", "MYAWARE"]


def test_take_today_once_daily_names_the_whole_dose():
    data = to_jsonable(plan("today", prof=ONCE))
    assert data["take_now"] == {"mg": 150, "tablets": 3.0}
    assert data["next_dose"] == {"date": "2026-11-26", "time": "morning", "mg": 150, "tablets": 3.0}
    assert data["daily_mg"] == 150
    assert isinstance(data["take_now"]["mg"], int)
    assert isinstance(data["take_now"]["tablets"], float)


def test_take_today_split_morning_may_go_with_the_later_dose():
    result = plan("this-morning", prof=SPLIT)
    data = to_jsonable(result)
    assert data["take_now"] == {"mg": 75, "tablets": 1.5}
    assert data["next_dose"] == {"date": "2026-11-25", "time": "later", "mg": 75, "tablets": 1.5}
    texts = [item.text for item in result.advice]
    assert "It may go with your later dose today, but the day's total stays your usual 150 mg." in (
        texts
    )
    assert "Never double up: no more than your usual 150 mg in one day." in texts


def test_odd_split_keeps_the_larger_part_in_the_morning():
    prof = profile({"daily_mg": 125, "schedule": "split"})
    assert plan("today", prof=prof).take_now.mg == 75  # type: ignore[union-attr]
    assert plan("today", "later", prof=prof).take_now.mg == 50  # type: ignore[union-attr]


def test_mg_per_kg_with_weight_is_a_known_dose():
    prof = profile({"mg_per_kg": 2}, weight={"value": 70, "unit": "kg"})
    result = plan("today", prof=prof)
    assert result.daily_mg == 150
    assert result.take_now is not None and result.take_now.mg == 150


def test_mg_per_kg_without_weight_is_an_unknown_dose():
    result = plan("today", prof=profile({"mg_per_kg": 2}))
    assert (result.take_now, result.next_dose, result.daily_mg) == (None, None, None)
    assert "your usual daily dose" in result.advice[-1].text


def test_split_schedule_without_a_dose_still_knows_the_later_dose():
    result = plan("last-night", prof=profile({"schedule": "split"}))
    assert (result.dose, result.decision, result.next_dose) == ("later", "skip", None)
    assert (result.next_regular.date, result.next_regular.time) == (TODAY, "later")


@pytest.mark.parametrize(
    ("when", "dose", "prof", "expected"),
    [
        ("today", None, SPLIT, "morning"),
        ("today", "later", SPLIT, "later"),
        ("yesterday", "later", SPLIT, "later"),
        ("last-night", None, SPLIT, "later"),
        ("last-night", "later", SPLIT, "later"),
        ("this-morning", "morning", SPLIT, "morning"),
        ("last-night", None, ONCE, "morning"),  # once daily: simply yesterday's dose
        ("last-night", None, None, "morning"),
        ("today", "morning", None, "morning"),
    ],
)
def test_which_dose(when, dose, prof, expected):
    assert plan(when, dose, prof=prof).dose == expected


@pytest.mark.parametrize(
    ("when", "dose", "prof", "code"),
    [
        ("today", "later", None, "no_later_dose"),
        ("today", "later", ONCE, "no_later_dose"),
        ("yesterday", "later", ONCE, "no_later_dose"),
        ("this-morning", "later", SPLIT, "conflicting_dose"),
        ("this-morning", "later", ONCE, "conflicting_dose"),
        ("last-night", "morning", SPLIT, "conflicting_dose"),
        ("today", "evening", SPLIT, "invalid_dose"),
    ],
)
def test_dose_rejected(when, dose, prof, code):
    with pytest.raises(InputError) as caught:
        plan(when, dose, prof=prof)
    assert caught.value.code == code


def test_later_dose_needs_a_later_part():
    """25 mg split in halves of 25 mg tablets is one morning dose: there is no later dose."""
    prof = profile({"daily_mg": 25, "schedule": "split", "tablets_split": False, "tablet_mg": 25})
    with pytest.raises(InputError) as caught:
        plan("today", "later", prof=prof)
    assert caught.value.code == "no_later_dose"
    assert plan("last-night", prof=prof).dose == "morning"


def test_once_daily_message_names_the_profile():
    with pytest.raises(InputError) as caught:
        plan("today", "later", prof=ONCE)
    assert "your profile has one dose a day" in caught.value.message
    with pytest.raises(InputError) as caught:
        plan("today", "later")
    assert "without a profile" in caught.value.message


def test_before_the_start_date_is_rejected():
    prof = profile({"daily_mg": 150, "started_on": dt.date(2026, 11, 20)})
    assert plan("2026-11-20", prof=prof).decision == "skip"
    with pytest.raises(InputError) as caught:
        plan("2026-11-19", prof=prof)
    assert caught.value.code == "before_start"
    assert "2026-11-20" in caught.value.message
    assert "neurologist" in (caught.value.hint or "")
    with pytest.raises(InputError):
        plan("10 days ago", prof=prof)


def test_a_stopped_treatment_is_rejected():
    prof = profile(
        {"daily_mg": 150, "started_on": dt.date(2026, 1, 1), "stopped_on": dt.date(2026, 11, 1)}
    )
    with pytest.raises(InputError) as caught:
        plan("yesterday", prof=prof)
    assert caught.value.code == "treatment_stopped"


# ---------------------------------------------------------------- the clock


@pytest.mark.parametrize(
    ("now", "today"),
    [
        (dt.datetime(2026, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))), "2026-01-01"),
        (
            dt.datetime(2025, 12, 31, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            "2025-12-31",
        ),
        (dt.datetime(2026, 3, 1, 0, 0, tzinfo=UTC), "2026-03-01"),
        (dt.datetime(2026, 11, 25, 23, 59, 59, tzinfo=UTC), "2026-11-25"),
    ],
)
def test_today_is_the_date_of_now_in_its_own_offset(now, today):
    result = plan("today", now=now)
    assert result.today.isoformat() == today
    assert result.missed_on is not None and result.missed_on.isoformat() == today


@pytest.mark.parametrize(
    ("clock", "prof", "next_date", "next_time", "phrase"),
    [
        ("07:59", ONCE, "2026-11-25", "morning", "this morning"),
        ("08:00", ONCE, "2026-11-26", "morning", "tomorrow morning"),  # not after now
        ("10:00", ONCE, "2026-11-26", "morning", "tomorrow morning"),
        ("07:00", SPLIT, "2026-11-25", "morning", "this morning"),
        ("10:00", SPLIT, "2026-11-25", "later", "later today"),
        ("19:59", SPLIT, "2026-11-25", "later", "later today"),
        ("20:00", SPLIT, "2026-11-26", "morning", "tomorrow morning"),
        ("23:59", SPLIT, "2026-11-26", "morning", "tomorrow morning"),
        ("00:01", SPLIT, "2026-11-25", "morning", "this morning"),
    ],
)
def test_next_dose_is_the_first_regular_dose_after_now(clock, prof, next_date, next_time, phrase):
    hour, minute = (int(part) for part in clock.split(":"))
    now = dt.datetime(2026, 11, 25, hour, minute, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    result = plan("yesterday", prof=prof, now=now)
    assert result.next_dose is not None
    assert (result.next_dose.date.isoformat(), result.next_dose.time) == (next_date, next_time)
    assert result.headline == f"Skip it. Take your next dose {phrase} as usual."


def test_profile_dose_times_set_the_next_dose():
    prof = profile(
        {"daily_mg": 100, "schedule": "split"}, dose_times={"morning": "06:30", "later": "11:00"}
    )
    result = plan("yesterday", prof=prof, now=dt.datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    assert to_jsonable(result.next_regular) == {
        "date": "2026-11-26",
        "time": "morning",
        "at": "06:30",
    }


def test_the_missed_dose_itself_is_never_the_next_dose():
    """Today's later dose, reported missed before its time: take it, next is tomorrow."""
    result = plan("today", "later", prof=SPLIT)
    assert result.take_now is not None and result.take_now.mg == 75
    assert result.next_dose is not None
    assert (result.next_dose.date, result.next_dose.time) == (dt.date(2026, 11, 26), "morning")
    early = plan("today", prof=ONCE, now=dt.datetime(2026, 11, 25, 6, 0, tzinfo=UTC))
    assert early.next_dose is not None and early.next_dose.date == dt.date(2026, 11, 26)


def test_when_phrase():
    tomorrow = TODAY + dt.timedelta(days=1)
    assert when_phrase(TODAY, "morning", TODAY) == "this morning"
    assert when_phrase(TODAY, "later", TODAY) == "later today"
    assert when_phrase(tomorrow, "morning", TODAY) == "tomorrow morning"
    assert when_phrase(tomorrow, "later", TODAY) == "tomorrow, later in the day"


# ---------------------------------------------------------------- advice


@pytest.mark.parametrize(
    ("when", "tells"),
    [("today", False), ("yesterday", False), ("last-night", False), ("2d", True), ("60d", True)],
)
def test_neurologist_advice_from_two_days_back(when, tells):
    texts = [item.text for item in plan(when, prof=ONCE).advice]
    assert ("If you missed more than one dose, tell your neurologist." in texts) == tells


def test_every_advice_item_cites_a_known_source_and_the_leaflet_comes_first():
    from imuran_cli.knowledge.sources import load_sources

    known = load_sources().ids()
    for when in ("today", "this-morning", "yesterday", "5d"):
        for prof in (None, ONCE, SPLIT):
            result = plan(when, prof=prof)
            assert result.advice[0].source == "LEAFLET"
            assert result.advice[0].text == result.reason
            assert all(item.source in known for item in result.advice)
            assert set(result.sources) <= known
            assert result.sources[0] == "LEAFLET" and "TCDS" in result.sources
            assert "TCDS" in result.sources_note and "leaflet" in result.sources_note
            assert all("TCDS" not in item.text for item in result.advice)
            assert "{" not in result.headline + "".join(item.text for item in result.advice)


# ---------------------------------------------------------------- late doses (issue 13)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, 25, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("when", "dose", "now", "prof", "late"),
    [
        # Once a day at 08:00: late when less than 12 hours before tomorrow's 08:00.
        ("this-morning", None, at(23, 50), ONCE, True),
        ("today", None, at(20, 1), ONCE, True),
        ("today", None, at(20, 0), ONCE, False),  # exactly 12 hours: not less
        ("today", None, at(14, 0), ONCE, False),
        ("today", None, at(23, 50), None, True),  # without a profile: once a day
        # Split, 08:00 and 20:00: late when less than 6 hours before the next dose.
        ("this-morning", None, at(15, 0), SPLIT, True),
        ("this-morning", None, at(13, 0), SPLIT, False),
        ("today", "later", at(23, 50), SPLIT, False),  # 8 h 10 before tomorrow's 08:00
        ("today", "later", at(21, 0), SPLIT, False),
        # Skipped doses are never "late": nothing is taken.
        ("yesterday", None, at(23, 50), ONCE, False),
    ],
)
def test_a_late_dose_is_taken_today_with_a_caution(when, dose, now, prof, late):
    """Issue 13: at 23:50 the leaflet's rule stands, but the answer warns it is late."""
    result = plan(when, dose, now=now, prof=prof)
    assert result.late is late
    assert result.decision == ("skip" if when == "yesterday" else "take-today")
    if late:
        (caution,) = result.cautions
        assert caution.text.startswith(
            "It is late: check with your clinic whether to take it now or skip it."
        )
        assert "TCDS" in caution.text and "myaware" in caution.text
        assert {"TCDS", "MYAWARE"} <= set(result.sources)
    else:
        assert result.cautions == []


def test_a_late_dose_still_never_doubles():
    result = plan("this-morning", now=at(23, 50), prof=ONCE)
    assert result.take_now is not None and result.next_dose is not None
    assert result.take_now.mg == 150 and result.next_dose.mg == 150  # two different days
    assert result.next_dose.date == TODAY + dt.timedelta(days=1)


# ---------------------------------------------------------------- properties

OFFSETS = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
NOWS = st.builds(
    lambda naive, tz: naive.replace(tzinfo=tz),
    st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2099, 12, 31)),
    OFFSETS,
)
PROFILES = st.one_of(
    st.none(),
    st.builds(
        lambda mg, tablet, split, schedule: {
            # Halves only for a strength known to be scored (issue 13).
            "daily_mg": mg * tablet / (2 if split and tablet == 50 else 1),
            "tablet_mg": tablet,
            "tablets_split": split and tablet == 50,
            "schedule": schedule,
        },
        st.integers(min_value=1, max_value=10),
        st.sampled_from([25, 50, 75, 100]),
        st.booleans(),
        st.sampled_from(["once", "split"]),
    ),
)


@st.composite
def when_texts(draw: st.DrawFn, today: dt.date) -> str:
    form = draw(st.sampled_from(["word", "ago", "short", "iso"]))
    n = draw(st.integers(min_value=1, max_value=60))
    if form == "word":
        word = draw(st.sampled_from(["today", "this-morning", "yesterday", "last-night"]))
        return draw(st.sampled_from([word, word.upper(), word.title()]))
    if form == "ago":
        return f"{n} day{'' if n == 1 else 's'} ago"
    if form == "short":
        return f"{n}d"
    return (today - dt.timedelta(days=draw(st.integers(min_value=0, max_value=60)))).isoformat()


@given(
    data=st.data(),
    now=NOWS,
    prescription=PROFILES,
    dose=st.sampled_from([None, "morning", "later"]),
)
def test_skip_exactly_when_the_day_is_before_today_and_never_above_the_daily_total(
    data, now, prescription, dose
):
    today = now.date()
    prof = None
    if prescription is not None and LIMITS.daily_mg.contains(prescription["daily_mg"]):
        prof = parse_profile({"prescription": prescription}, LIMITS, today)
    when = data.draw(when_texts(today))
    try:
        result = plan_missed(when, dose, now, prof, LIMITS, MAX, RULES)
    except InputError as exc:
        # Only a --dose that contradicts the WHEN word or the schedule is refused.
        assert exc.code in {"conflicting_dose", "no_later_dose"}
        assume(False)
        raise
    assert result.today == today
    assert (result.decision == "skip") == (result.missed_on < today)
    assert result.double_dose is False
    assert (result.missed_on == today) == (result.decision == "take-today")
    if result.take_now is not None:
        assert result.daily_mg is not None and prof is not None
        tablet_mg = prof.prescription.tablet_mg
        assert result.take_now.tablets * tablet_mg == pytest.approx(result.take_now.mg)
        assert result.take_now.mg <= result.daily_mg
        # With the next dose too, if it falls today, still within the day's total.
        same_day = result.next_dose is not None and result.next_dose.date == today
        extra = result.next_dose.mg if same_day and result.next_dose else 0
        assert result.take_now.mg + extra <= result.daily_mg
    if result.next_dose is not None:
        assert result.daily_mg is not None and result.next_dose.mg <= result.daily_mg
        assert result.next_dose.date > today or result.next_dose.date == today
        assert (result.next_dose.date, result.next_dose.time) != (result.missed_on, result.dose)
    if result.decision == "skip":
        assert result.take_now is None
