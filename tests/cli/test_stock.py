"""`imuran stock`, `stock add`, `stock set`: the count with take and undo, the JSON contract,
the refill reminder, and the stock line of `imuran travel`."""

from __future__ import annotations

from typing import Any

import pytest

ONCE = """\
schema_version = 2
[prescription]
daily_mg = 150
"""

CONTRACT = {"tablets_left", "as_of", "daily_tablets", "days_left", "runs_out_on", "refill_now"}


def stock(cli: Any) -> dict[str, Any]:
    document: dict[str, Any] = cli("stock", "--json").json()
    assert set(document) >= CONTRACT
    return document


def test_no_stock_recorded(cli, write_profile, journal_path):
    write_profile(ONCE)
    result = cli("stock")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "No stock recorded yet. Record the tablets you have: imuran",
        "stock set N (or a refill: imuran stock add N).",
    ]
    document = stock(cli)
    assert document["tablets_left"] is None
    assert document["daily_tablets"] == 3
    assert not journal_path.parent.exists()


def test_a_take_with_no_stock_recorded_leaves_it_unknown(cli, write_profile):
    write_profile(ONCE)
    cli("take")
    assert stock(cli)["tablets_left"] is None


def test_refill_take_and_undo(cli, write_profile):
    write_profile(ONCE)
    added = cli("stock", "add", "100", "--json")
    assert (added.exit_code, added.stderr) == (0, "")
    assert added.json()["recorded"] == {
        "date": "2026-11-25",
        "action": "add",
        "tablets": 100,
        "recorded_at": "2026-11-25T10:00:00+00:00",
    }
    cli("take")
    assert stock(cli) == {
        "tablets_left": 97,
        "as_of": "2026-11-25",
        "daily_tablets": 3,
        "days_left": 32,
        "runs_out_on": "2026-12-27",
        "refill_now": False,
        "refill_days": 14,
        "refill_days_from": "default",
        "source": "PROJECT",
    }
    cli("undo")
    assert stock(cli)["tablets_left"] == 100


def test_halves_count_and_a_count_by_hand_restarts(cli, write_profile):
    write_profile(ONCE)
    cli("stock", "add", "10")
    cli("take", "--mg", "75")
    assert stock(cli)["tablets_left"] == 8.5
    cli("stock", "set", "41")
    document = stock(cli)
    assert (document["tablets_left"], document["days_left"], document["refill_now"]) == (
        41,
        13,
        True,
    )


def test_the_count_never_goes_below_zero(cli, write_profile):
    write_profile(ONCE)
    cli("stock", "set", "2")
    cli("take")
    assert stock(cli)["tablets_left"] == 0


def test_refill_reminder_text(cli, write_profile):
    write_profile(ONCE)
    result = cli("stock", "set", "20")
    assert result.stdout.splitlines() == [
        "Recorded a count of 20 tablets on 2026-11-25.",
        "Tablets left: 20 (as of 2026-11-25).",
        "At 3 tablets a day that is 6 days: they run out on",
        "2026-12-01.",
        "Refill now: fewer than 14 days of tablets are left.",
        "Sources: PROJECT (see: imuran sources)",
    ]


def test_the_profiles_refill_days(cli, write_profile):
    write_profile(ONCE + "[monitoring]\nrefill_days = 30\n")
    cli("stock", "set", "60")
    document = stock(cli)
    assert (document["refill_now"], document["refill_days"], document["refill_days_from"]) == (
        True,
        30,
        "profile",
    )


def test_a_refill_may_be_dated(cli, write_profile):
    write_profile(ONCE)
    document = cli("stock", "add", "30", "--date", "2026-11-20", "--json").json()
    assert document["stock"]["as_of"] == "2026-11-20"
    assert document["stock"]["runs_out_on"] == "2026-11-30"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["add", "0"], "invalid_tablets"),
        (["set", "-1"], "usage"),  # read as an option
        (["add", "1.25"], "invalid_tablets"),
        (["add", "5", "--date", "2026-11-26"], "future_date"),
    ],
)
def test_bad_counts_are_exit_2(cli, write_profile, journal_path, args, code):
    write_profile(ONCE)
    result = cli("stock", *args, "--json")
    assert (result.exit_code, result.json()["error"]["code"]) == (2, code)
    assert not journal_path.exists()


def test_undo_removes_a_stock_entry(cli, write_profile):
    write_profile(ONCE)
    cli("stock", "add", "30")
    result = cli("undo")
    assert result.stdout == "Removed: a refill of 30 tablets on 2026-11-25.\n"
    assert stock(cli)["tablets_left"] is None


# ---------------------------------------------------------------- travel


def test_travel_adds_the_stock_line_when_the_stock_is_known(cli, write_profile):
    write_profile(ONCE)
    before = cli("travel", "--days", "14", "--json").json()
    assert before["stock"] is None
    cli("stock", "set", "40")
    result = cli("travel", "--days", "14")
    assert result.stdout.splitlines()[:5] == [
        "Take 51 tablets with you.",
        "Enough for 14 days plus 3 spare days, at 3 tablets a day",
        "(150 mg, as 50 mg tablets).",
        "In stock: 40 tablets (as of 2026-11-25); needed until the",
        "trip ends: 51: refill before you leave.",
    ]
    document = cli("travel", "--days", "14", "--json").json()
    assert document["stock"] == {
        "tablets_left": 40,
        "as_of": "2026-11-25",
        "needed": 51,
        "refill_before_leaving": True,
    }
    cli("stock", "add", "100")
    assert cli("travel", "--days", "14", "--json").json()["stock"]["refill_before_leaving"] is False
