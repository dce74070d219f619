"""The status screen with every section filled (journal, MG-ADL, blood tests, medicines,
pregnancy): the exact text, within 60 columns, marks and words rather than colour."""

from __future__ import annotations

import datetime as dt

import pytest

from imuran_cli.core.pregnancy import plan_pregnancy
from imuran_cli.core.status import AdlChange, AdlScore, build_status
from imuran_cli.knowledge.pregnancy import load_pregnancy
from imuran_cli.render.human.status import (
    adl_sentence,
    labs_due_sentence,
    status_text,
    welcome_text,
)
from tests.core.test_status import (
    CIPRO,
    FLAGS,
    OVERDUE,
    RULES,
    SPLIT,
    STATIN,
    TAKEN_8,
    TODAY,
    Due,
    adl,
    at,
    day_inputs,
)

FULL_SCREEN = """\
Status on 2026-11-25

Today
  ✓ morning: taken at 08:05, 75 mg
  ○ later: due at 20:00, time passed, 75 mg
  The later dose (20:00) is not recorded: imuran take if you
  took it, imuran missed if not. [LEAFLET]

Treatment
  On azathioprine since 2026-03-01.
  Day 270, week 39, month 9.

Is it working?
  Window: 2026-06-01 to 2027-03-01.
  You are in the window, 3 to 12 months in, when improvement
  is expected to show. [LEAFLET]
  MG-ADL 9 (2026-02-20) to 6 (2026-11-20): 3 points better,
  meaningful. A fall of 2 points or more counts as a
  meaningful improvement. [ADL-SRC]

Blood tests
  Your blood test is 13 days overdue (due by 2026-11-12).
  [LEAFLET]
  URGENT: WBC 3.1 is below 3.5. [SPS-MP]

Pregnancy
  Avoid pregnancy while taking Imuran and for 4 to 6 months
  after stopping. More: imuran pregnancy [LEAFLET]

Alerts
  URGENT: Cipro 500 mg: can bring on an MG crisis [MGFA]
  URGENT: WBC 3.1 is below 3.5. [SPS-MP]
  CAUTION: Your blood test is overdue by 13 days, due by
  2026-11-12. [LEAFLET]
  INFO: The later dose (20:00) is not recorded: imuran take
  if you took it, imuran missed if not. [LEAFLET]

Sources: LEAFLET, ADL-SRC, SPS-MP, MGFA (see: imuran
sources)
Your neurologist's instructions come first.
"""


def full_status_text(width: int = 60) -> str:
    inputs = day_inputs(
        SPLIT,
        [TAKEN_8],
        adl=adl(("2026-02-20", 9), ("2026-11-20", 6)),
        labs_due=OVERDUE,
        latest_flags=FLAGS[:1],
        medicines=[CIPRO, STATIN],
    )
    pregnancy = plan_pregnancy(TODAY, True, None, load_pregnancy())
    return status_text(build_status(at(TODAY, 21), SPLIT, RULES, inputs, pregnancy), width)


def test_a_full_status_screen():
    assert full_status_text() == FULL_SCREEN


def test_narrow_terminals_wrap_without_trailing_spaces():
    for width in (40, 50, 60):
        lines = full_status_text(width).splitlines()
        assert all(len(line) <= width for line in lines)
        assert all(line == line.rstrip() for line in lines)


def test_the_welcome_fits():
    lines = welcome_text(60).splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert "imuran profile init" in welcome_text(60)


D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("points", "meaningful", "words"),
    [
        (-3, True, "3 points better, meaningful"),
        (-1, False, "1 point better, not yet meaningful"),
        (0, False, "no change, not yet meaningful"),
        (2, False, "2 points worse, not yet meaningful"),
    ],
)
def test_adl_sentence(points, meaningful, words):
    change = AdlChange(
        AdlScore(D("2026-01-01"), 8),
        AdlScore(D("2026-06-01"), 8 + points),
        points,
        meaningful,
        2,
        "A fall of 2 points or more counts as a meaningful improvement.",
        "X",
    )
    assert words in adl_sentence(change)


@pytest.mark.parametrize(
    ("status", "due_from", "due_by", "days", "sentence"),
    [
        ("no-test-recorded", None, None, None, "No blood test recorded yet"),
        ("not-on-treatment", None, None, None, "No further blood tests due"),
        ("not-due", "2026-12-01", "2026-12-15", None, "due 2026-12-01 to 2026-12-15."),
        ("not-due", "2026-12-01", "2026-12-01", None, "Next blood test due 2026-12-01."),
        ("due", "2026-11-20", "2026-12-01", None, "due now, by 2026-12-01."),
        ("overdue", "2026-11-01", "2026-11-24", 1, "1 day overdue (due by 2026-11-24)."),
    ],
)
def test_labs_due_sentence(status, due_from, due_by, days, sentence):
    due = Due(
        None,
        "leaflet",
        D(due_from) if due_from else None,
        D(due_by) if due_by else None,
        status,
        days,
        "LEAFLET",
    )
    assert sentence in labs_due_sentence(due)
