"""missed with the journal: already taken, the latest unrecorded dose, nothing missed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from imuran_cli.core.doses import DoseRecord, regimen_of
from imuran_cli.core.errors import InputError
from imuran_cli.core.missed import MissedResult
from imuran_cli.core.missed_journal import answer_missed
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.journal import load_journal_rules
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.knowledge.missed import load_missed

LIMITS = load_limits()
MAX = load_dosing().typical.max_mg_per_kg
RULES = load_missed()
JOURNAL = load_journal_rules()
TODAY = dt.date(2026, 11, 25)
UTC = dt.UTC


def profile(**prescription: Any) -> Profile:
    data = {"schema_version": 2, "prescription": prescription}
    return parse_profile(data, LIMITS, TODAY)


SPLIT = profile(daily_mg=150, schedule="split")
ONCE = profile(daily_mg=150)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(TODAY, dt.time(hour, minute), tzinfo=UTC)


def rec(back: int, dose: str = "morning", status: str = "taken", hour: int = 8) -> DoseRecord:
    day = TODAY - dt.timedelta(days=back)
    moment = dt.datetime.combine(day, dt.time(hour, 5), tzinfo=UTC)
    return DoseRecord(1, day, dose, status, 75, 1.5, None, moment)  # type: ignore[arg-type]


def answer(
    when: str | None,
    records: list[DoseRecord] | None,
    prof: Profile | None = SPLIT,
    now: dt.datetime | None = None,
    dose: str | None = None,
) -> MissedResult:
    return answer_missed(
        when,
        dose,
        now or at(10),
        prof,
        LIMITS,
        MAX,
        RULES,
        JOURNAL,
        regimen_of(prof, LIMITS, MAX),
        records,
    )


# ---------------------------------------------------------------- with --when


def test_a_dose_the_journal_shows_taken_is_already_taken():
    result = answer("this-morning", [rec(0)])
    assert result.decision == "already-taken"
    assert result.take_now is None
    assert result.double_dose is False
    assert result.recorded_at == "2026-11-25T08:05:00+00:00"
    assert "2026-11-25 at 08:05" in result.headline
    assert "Take no more" in result.headline
    assert [a.source for a in result.advice] == ["MYAWARE", "MYAWARE"]
    assert result.sources == ["MYAWARE"]


def test_a_dose_skipped_or_another_dose_taken_keeps_the_leaflets_answer():
    assert answer("this-morning", [rec(0, status="skipped")]).decision == "take-today"
    assert answer("this-morning", [rec(0, dose="later")]).decision == "take-today"
    assert answer("yesterday", [rec(0)]).decision == "skip"
    assert answer("yesterday", None).decision == "skip"  # no journal: as before


# ---------------------------------------------------------------- without --when


def test_without_a_journal_or_a_record_when_is_needed():
    with pytest.raises(InputError) as caught:
        answer(None, None)
    assert caught.value.code == "no_journal"
    assert "--when" in (caught.value.hint or "")


def test_the_latest_unrecorded_dose_today_is_take_today():
    # 10:00: this morning's dose (08:00) has passed with no record; yesterday is complete.
    result = answer(
        None,
        [rec(1), rec(1, "later")] + [rec(n, d) for n in range(2, 7) for d in ("morning", "later")],
    )
    assert result.decision == "take-today"
    assert (result.missed_on, result.dose) == (TODAY, "morning")
    assert [(m.date, m.dose, m.decision) for m in result.missing] == [
        (TODAY, "morning", "take-today")
    ]
    assert result.take_now is not None and result.take_now.mg == 75


def test_an_earlier_day_is_skip_and_every_missing_dose_is_listed_newest_first():
    records = [rec(0), rec(2), rec(2, "later")] + [
        rec(n, d) for n in range(3, 7) for d in ("morning", "later")
    ]
    result = answer(None, records)
    assert result.decision == "skip"
    assert (result.missed_on, result.dose) == (TODAY - dt.timedelta(days=1), "later")
    assert [(m.date.isoformat(), m.dose, m.decision) for m in result.missing] == [
        ("2026-11-24", "later", "skip"),
        ("2026-11-24", "morning", "skip"),
    ]
    assert result.double_dose is False


def test_doses_whose_time_has_not_come_are_not_missing():
    records = [rec(n, d) for n in range(1, 7) for d in ("morning", "later")]
    result = answer(None, records, now=at(7, 59))
    assert result.decision == "none"


def test_nothing_missed():
    records = [rec(0)] + [rec(n, d) for n in range(1, 7) for d in ("morning", "later")]
    result = answer(None, records)
    assert result.decision == "none"
    assert (result.missed_on, result.dose, result.days_ago, result.take_now) == (
        None,
        None,
        None,
        None,
    )
    assert result.missing == []
    assert result.headline.startswith("Nothing missed")
    assert "7 days" in result.headline
    assert result.next_dose is not None
    assert (result.next_dose.time, result.next_dose.mg) == ("later", 75)
    assert result.double_dose is False


def test_days_before_the_start_are_never_missing():
    started = profile(daily_mg=150, started_on="2026-11-25")
    result = answer(None, [rec(0)], prof=started)
    assert result.decision == "none"


def test_a_stopped_treatment_is_refused_as_with_when():
    stopped = profile(daily_mg=150, started_on="2026-01-01", stopped_on="2026-11-01")
    with pytest.raises(InputError) as caught:
        answer(None, [rec(30)], prof=stopped)
    assert caught.value.code == "treatment_stopped"


def test_an_empty_window_is_not_an_empty_journal():
    """A journal whose records are all older than the window still answers."""
    result = answer(None, [], prof=ONCE)
    assert result.decision == "take-today"
    assert len(result.missing) == JOURNAL.missed.lookback_days
