"""`profile set/unset/init` edits: keys, values, whole-profile checks and their messages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imuran_cli.core.errors import InputError, ProfileError
from imuran_cli.core.profile_edit import (
    INIT_STYLE,
    KEY_NAMES,
    KEYS,
    PROMPT_STYLE,
    Edit,
    apply_edits,
    created,
    display_value,
    edit_profile,
    json_value,
    key_of,
    medications_edit,
    parse_value,
    resolve_key,
    set_command,
    set_edit,
    show_profile,
    unset_edit,
    unset_keys,
)
from imuran_cli.knowledge.limits import load_limits

LIMITS = load_limits()
TODAY = dt.date(2026, 11, 25)


def edited(raw: dict[str, Any] | None, *edits: Edit):
    return edit_profile(raw, list(edits), LIMITS, TODAY)


def refused(raw: dict[str, Any] | None, *edits: Edit, style=None) -> InputError:
    with pytest.raises(InputError) as caught:
        if style is None:
            edit_profile(raw, list(edits), LIMITS, TODAY)
        else:
            edit_profile(raw, list(edits), LIMITS, TODAY, style)
    return caught.value


def test_the_keys_are_those_of_the_issue():
    assert KEY_NAMES == (
        "weight",
        "daily-mg",
        "mg-per-kg",
        "schedule",
        "tablet-mg",
        "tablets-split",
        "started-on",
        "stopped-on",
        "tpmt",
        "nudt15",
        "medications",
        "morning-time",
        "later-time",
        "lab-interval-weeks",
        "refill-days",
        "pregnancy-relevant",
        "name",
        "neurologist",
        "neurologist-phone",
        "emergency-contact",
    )


@pytest.mark.parametrize(
    ("name", "key"),
    [("weight", "weight"), ("daily_mg", "daily-mg"), (" Daily-MG ", "daily-mg")],
)
def test_resolve_key(name, key):
    assert resolve_key(name) == key


def test_an_unknown_key_lists_the_keys():
    with pytest.raises(InputError) as caught:
        resolve_key("dose")
    assert caught.value.code == "unknown_key"
    assert caught.value.message == "unknown profile key dose"
    assert caught.value.hint == "use one of: " + ", ".join([*KEY_NAMES, "lab-limit"])


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("weight", "70", {"value": 70.0, "unit": "kg"}),
        ("weight", "70kg", {"value": 70.0, "unit": "kg"}),
        ("weight", "154lb", {"value": 154.0, "unit": "lb"}),
        ("weight", "154 lbs", {"value": 154.0, "unit": "lb"}),
        ("daily-mg", "150", 150.0),
        ("daily-mg", "150mg", 150.0),
        ("daily-mg", " 37.5 mg ", 37.5),
        ("mg-per-kg", "2.5", 2.5),
        ("mg-per-kg", "2.5 mg/kg", 2.5),
        ("schedule", "split", "split"),
        ("schedule", "ONCE", "once"),
        ("tablet-mg", "75", 75),
        ("tablet-mg", "75mg", 75),
        ("tablets-split", "yes", True),
        ("tablets-split", "No", False),
        ("tablets-split", "true", True),
        ("started-on", "2026-03-01", dt.date(2026, 3, 1)),
        ("stopped-on", "2024-02-29", dt.date(2024, 2, 29)),
        ("tpmt", "possible intermediate", "possible-intermediate"),
        ("nudt15", "Poor", "poor"),
        ("medications", "allopurinol, warfarin", ["allopurinol", "warfarin"]),
        ("medications", " a ,, b, A ", ["a", "b"]),
        ("medications", "", []),
        ("morning-time", "7:30", "07:30"),
        ("later-time", "20:00", "20:00"),
    ],
)
def test_parse_value(key, text, value):
    assert parse_value(key, text, LIMITS) == value


@pytest.mark.parametrize(
    ("key", "text", "code", "message"),
    [
        (
            "weight",
            "heavy",
            "invalid_weight",
            "weight 'heavy' is not a number (allowed: 10 to 300 kg, or 22 to 660 lb)",
        ),
        ("weight", "5", "weight_out_of_range", "weight 5 kg is outside 10 to 300 kg"),
        ("weight", "700lb", "weight_out_of_range", "weight 700 lb is outside 22 to 660 lb"),
        ("weight", "70 stone", "invalid_unit", "unknown weight unit 'stone'"),
        (
            "daily-mg",
            "lots",
            "invalid_value",
            "daily-mg lots is not a number; use 25 to 500 mg a day, in whole tablet steps",
        ),
        (
            "daily-mg",
            "",
            "invalid_value",
            "daily-mg needs a value: 25 to 500 mg a day, in whole tablet steps",
        ),
        (
            "tablet-mg",
            "62.5",
            "tablet_strength",
            "tablet-mg 62.5 is not a tablet strength; use 25, 50, 75 or 100 (mg)",
        ),
        (
            "tablets-split",
            "maybe",
            "invalid_value",
            "tablets-split maybe is not yes or no; use yes or no",
        ),
        ("schedule", "twice", "invalid_value", "schedule twice is not allowed; use once or split"),
        (
            "tpmt",
            "slow",
            "invalid_value",
            "tpmt slow is not allowed; use normal, intermediate, possible-intermediate, "
            "poor, indeterminate or unknown",
        ),
        (
            "started-on",
            "2026-02-30",
            "invalid_date",
            "started-on 2026-02-30 is not a real date; use a date as YYYY-MM-DD, not in the future",
        ),
        (
            "started-on",
            "1 March",
            "invalid_date",
            'started-on "1 March" is not a date as YYYY-MM-DD; use a date as YYYY-MM-DD, '
            "not in the future",
        ),
        (
            "morning-time",
            "8am",
            "invalid_value",
            "morning-time 8am is not a time of day as HH:MM; use a time of day as HH:MM "
            "(24-hour clock)",
        ),
        (
            "later-time",
            "24:00",
            "invalid_value",
            "later-time 24:00 is not a time of day; use a time of day as HH:MM (24-hour clock)",
        ),
    ],
)
def test_parse_value_errors_name_key_value_and_what_is_allowed(key, text, code, message):
    with pytest.raises(InputError) as caught:
        parse_value(key, text, LIMITS)
    assert (caught.value.code, caught.value.message) == (code, message)
    assert caught.value.hint


def test_init_style_names_the_options():
    with pytest.raises(InputError) as caught:
        parse_value("schedule", "twice", LIMITS, INIT_STYLE)
    assert caught.value.message == "--schedule twice is not allowed; use once or split"
    assert caught.value.hint == "e.g. imuran profile init --schedule once"


# ---------------------------------------------------------------- applying


def test_apply_edits_creates_a_profile_and_leaves_the_input_alone():
    raw = {"schema_version": 2, "prescription": {"daily_mg": 150}}
    new = apply_edits(raw, [set_edit("tablet-mg", "75", LIMITS), unset_edit("daily-mg")])
    assert new == {"schema_version": 2, "prescription": {"tablet_mg": 75}}
    assert raw == {"schema_version": 2, "prescription": {"daily_mg": 150}}
    assert apply_edits(None, [set_edit("tpmt", "poor", LIMITS)]) == {
        "schema_version": 2,
        "genetics": {"tpmt": "poor"},
    }


def test_unset_puts_the_default_back():
    raw = {
        "schema_version": 2,
        "weight": {"value": 70},
        "prescription": {"schedule": "split", "tablet_mg": 25, "tablets_split": False},
        "genetics": {"tpmt": "poor"},
        "medications": ["a"],
        "dose_times": {"morning": "06:00"},
    }
    for key in KEY_NAMES:
        raw, profile = edited(raw, unset_edit(key))
    assert profile == edited(None)[1]
    assert raw == {
        "schema_version": 2,
        "prescription": {},
        "genetics": {},
        "dose_times": {},
    }


@pytest.mark.parametrize(
    ("key", "text"), [(key, spec.example.strip('"')) for key, spec in KEYS.items()]
)
def test_every_example_is_accepted(key, text):
    raw, profile = edited(None, set_edit(key, text, LIMITS))
    assert json_value(profile, key) is not None


def test_a_change_that_breaks_the_dose_names_both_keys():
    raw = {"schema_version": 2, "prescription": {"daily_mg": 125}}
    error = refused(raw, set_edit("tablets-split", "no", LIMITS))
    assert error.code == "conflicting_values"
    assert error.message == (
        "tablets-split no conflicts with daily-mg 125: whole 50 mg tablets make only "
        "multiples of 50 mg"
    )
    assert "daily-mg" in (error.hint or "")


def test_changing_the_tablet_strength_names_both_keys():
    raw = {"schema_version": 2, "prescription": {"daily_mg": 125}}
    error = refused(raw, set_edit("tablet-mg", "100", LIMITS))
    assert error.message == (
        "tablet-mg 100 conflicts with daily-mg 125: whole 100 mg tablets make only "
        "multiples of 100 mg"
    )


def test_unsetting_the_tablet_strength_names_both_keys():
    raw = {
        "schema_version": 2,
        "prescription": {"daily_mg": 75, "tablet_mg": 75, "tablets_split": False},
    }
    error = refused(raw, unset_edit("tablet-mg"))
    assert error.message.startswith("tablet-mg (back to its default) conflicts with daily-mg 75")


def test_a_dose_the_tablets_cannot_make_names_the_tablet_keys():
    raw = {"schema_version": 2, "prescription": {"tablets_split": False}}
    error = refused(raw, set_edit("daily-mg", "125", LIMITS))
    assert error.code == "not_whole_tablets"
    assert error.message == (
        "daily-mg 125 cannot be made from whole 50 mg tablets (tablet-mg 50, "
        "tablets-split no): use a multiple of 50 mg"
    )


@pytest.mark.parametrize(
    ("raw", "edit", "message"),
    [
        (
            {"prescription": {"started_on": dt.date(2026, 3, 1)}},
            ("stopped-on", "2026-02-01"),
            "stopped-on 2026-02-01 is before started-on 2026-03-01",
        ),
        (
            {"prescription": {"stopped_on": dt.date(2026, 3, 1)}},
            ("started-on", "2026-04-01"),
            "started-on 2026-04-01 is after stopped-on 2026-03-01",
        ),
    ],
)
def test_a_stop_date_before_the_start_names_both(raw, edit, message):
    key, text = edit
    error = refused({"schema_version": 2, **raw}, set_edit(key, text, LIMITS))
    assert (error.code, error.message) == ("stop_before_start", message)


@pytest.mark.parametrize(
    ("key", "text", "code", "message"),
    [
        ("daily-mg", "600", "out_of_range", "daily-mg 600 mg is outside 25 to 500 mg a day"),
        ("daily-mg", "20", "out_of_range", "daily-mg 20 mg is outside 25 to 500 mg a day"),
        ("daily-mg", "nan", "out_of_range", "daily-mg nan mg is outside 25 to 500 mg a day"),
        (
            "mg-per-kg",
            "0.05",
            "out_of_range",
            "mg-per-kg 0.05 mg/kg is outside 0.1 to 3 mg/kg a day",
        ),
        (
            "tablet-mg",
            "60",
            "tablet_strength",
            "tablet-mg 60: there are no 60 mg tablets; use 25, 50, 75 or 100",
        ),
        (
            "started-on",
            "2026-11-26",
            "date_in_future",
            "started-on 2026-11-26 is in the future (today is 2026-11-25)",
        ),
    ],
)
def test_whole_profile_checks_name_the_key(key, text, code, message):
    error = refused(None, set_edit(key, text, LIMITS))
    assert (error.code, error.message) == (code, message)
    assert error.hint == f"e.g. imuran profile set {key} {KEYS[key].example}"


def test_init_names_the_options_in_a_conflict():
    error = refused(
        None,
        set_edit("daily-mg", "130", LIMITS, INIT_STYLE),
        set_edit("tablets-split", "no", LIMITS, INIT_STYLE),
        style=INIT_STYLE,
    )
    assert error.message == (
        "--daily-mg 130 cannot be made from whole 50 mg tablets (--tablet-mg 50, "
        "--tablets-split no): use a multiple of 50 mg"
    )


def test_medication_names_from_options_may_hold_commas():
    edit = medications_edit(["co-amoxiclav, 625 mg", " ", "Allopurinol", "allopurinol"])
    assert edit.value == ["co-amoxiclav, 625 mg", "Allopurinol"]
    _, profile = edited(None, edit)
    assert profile.medications == ("co-amoxiclav, 625 mg", "Allopurinol")


def test_a_control_character_in_a_name_is_refused():
    error = refused(None, Edit("medications", ["ok", "bad\tname"], "x"))
    assert error.code == "medicine_name"
    assert (
        error.message
        == 'medications: medicine name "bad\\tname" is empty or holds a control character'
    )


@pytest.mark.parametrize(
    ("loc", "key"),
    [
        (("weight",), "weight"),
        (("weight", "value"), "weight"),
        (("prescription", "daily_mg"), "daily-mg"),
        (("medications", 3), "medications"),
        (("dose_times", "later"), "later-time"),
        (("prescription",), None),
    ],
)
def test_key_of(loc, key):
    assert key_of(loc) == key


# ---------------------------------------------------------------- views


def test_display_values_can_be_typed_back():
    _, profile = edited(
        None,
        set_edit("weight", "154lb", LIMITS),
        set_edit("daily-mg", "125", LIMITS),
        set_edit("mg-per-kg", "2", LIMITS),
        set_edit("medications", "a, b", LIMITS),
        set_edit("refill-days", "10", LIMITS),
        set_edit("neurologist", "Dr Rivera", LIMITS),
    )
    shown = {key: display_value(profile, key) for key in KEY_NAMES}
    assert shown == {
        "weight": "154 lb",
        "daily-mg": "125 mg",
        "mg-per-kg": "2 mg/kg",
        "schedule": "once",
        "tablet-mg": "50 mg",
        "tablets-split": "yes",
        "started-on": None,
        "stopped-on": None,
        "tpmt": "unknown",
        "nudt15": "unknown",
        "medications": "a, b",
        "morning-time": "08:00",
        "later-time": "20:00",
        "lab-interval-weeks": None,
        "refill-days": "10 days",
        "pregnancy-relevant": "no",
        "name": None,
        "neurologist": "Dr Rivera",
        "neurologist-phone": None,
        "emergency-contact": None,
    }
    for key, text in shown.items():
        if text is not None:
            _, again = edited(profile.to_data(), set_edit(key, text, LIMITS))
            assert again == profile, key


def test_show_without_a_profile_is_an_error():
    with pytest.raises(ProfileError) as caught:
        show_profile("/x/profile.toml", None)
    assert caught.value.code == "no_profile"
    assert caught.value.hint == "create one: imuran profile init"


@given(st.integers(int(LIMITS.daily_mg.min), int(LIMITS.daily_mg.max)))
def test_a_set_dose_is_either_saved_exactly_or_refused(mg):
    try:
        _, profile = edited(None, set_edit("daily-mg", str(mg), LIMITS))
    except InputError as exc:
        assert exc.code == "not_whole_tablets"
        assert mg % 25 != 0
    else:
        assert profile.prescription.daily_mg == mg
        assert mg % 25 == 0


@pytest.mark.parametrize(
    ("key", "text", "problem"),
    [
        ("refill-days", "0", "outside 1 to 90 days"),
        ("refill-days", "2.5", "is not a whole number"),
        ("lab-interval-weeks", "53", "outside 1 to 52 weeks"),
        ("lab-interval-weeks", "twelve", "is not a whole number"),
        ("neurologist", "x" * 201, "longer than 200 characters"),
        ("name", "   ", "needs a value"),
    ],
)
def test_schema_2_keys_refuse_bad_values(key, text, problem):
    with pytest.raises(InputError) as caught:
        edited(None, set_edit(key, text, LIMITS))
    assert problem in caught.value.message
    assert caught.value.message.startswith(key)


def test_schema_2_keys_round_trip_through_the_file_layout():
    raw, profile = edited(
        None,
        set_edit("lab-interval-weeks", "12", LIMITS),
        set_edit("pregnancy-relevant", "yes", LIMITS),
        set_edit("emergency-contact", "Sam, +44 7700 900123", LIMITS),
    )
    assert raw["monitoring"] == {"lab_interval_weeks": 12}
    assert raw["person"] == {"pregnancy_relevant": True}
    assert raw["contacts"] == {"emergency_contact": "Sam, +44 7700 900123"}
    assert profile.monitoring.lab_interval_weeks == 12
    assert profile.person.pregnancy_relevant is True
    # Unset, the optional tables disappear from the file again.
    raw, profile = edited(
        raw,
        unset_edit("lab-interval-weeks"),
        unset_edit("pregnancy-relevant"),
        unset_edit("emergency-contact"),
    )
    assert {"monitoring", "person", "contacts"}.isdisjoint(profile.to_data())


# ---------------------------------------------------------------- scored tablets (issue 13)


def test_an_unscored_strength_defaults_to_whole_tablets():
    _, profile = edited({"schema_version": 2}, set_edit("tablet-mg", "25", LIMITS))
    assert profile.prescription.tablets_split is False
    _, profile = edited({"schema_version": 2}, set_edit("tablet-mg", "50", LIMITS))
    assert profile.prescription.tablets_split is True


@pytest.mark.parametrize("tablet_mg", [25, 75, 100])
def test_halves_of_an_unscored_strength_are_refused_with_the_reason(tablet_mg: int):
    raw = {"schema_version": 2, "prescription": {"tablet_mg": tablet_mg}}
    error = refused(raw, set_edit("tablets-split", "yes", LIMITS))
    assert error.code == "unscored_split"
    assert error.message == (
        f"tablets-split yes is not possible with tablet-mg {tablet_mg}: {tablet_mg} mg "
        "tablets have no score line, so they are not halved (only 50 mg tablets are)"
    )
    assert error.hint == f"take whole {tablet_mg} mg tablets: imuran profile set tablets-split no"


def test_halves_may_be_turned_off_for_the_scored_strength():
    _, profile = edited(
        {"schema_version": 2, "prescription": {"tablet_mg": 50}},
        set_edit("tablets-split", "no", LIMITS),
    )
    assert profile.prescription.tablets_split is False


def test_a_new_unscored_strength_conflicts_with_halves_kept_in_the_file():
    raw = {"schema_version": 2, "prescription": {"tablet_mg": 50, "tablets_split": True}}
    error = refused(raw, set_edit("tablet-mg", "25", LIMITS))
    assert error.code == "unscored_split"
    assert error.message.startswith(
        "tablet-mg 25 conflicts with tablets-split yes: 25 mg tablets have no score line"
    )
    assert (error.hint or "").endswith("imuran profile set tablets-split no")


def test_init_options_name_the_unscored_strength():
    error = refused(
        None,
        set_edit("tablet-mg", "25", LIMITS, INIT_STYLE),
        set_edit("tablets-split", "yes", LIMITS, INIT_STYLE),
        style=INIT_STYLE,
    )
    assert error.message.startswith("--tablets-split yes is not possible with --tablet-mg 25")


# ---------------------------------------------------------------- init: defaults and gaps


@pytest.mark.parametrize(
    ("raw", "unset"),
    [
        (None, ("weight", "daily-mg", "mg-per-kg", "started-on")),
        ({"weight": {"value": 70}}, ("daily-mg", "mg-per-kg", "started-on")),
        ({"prescription": {"daily_mg": 150}}, ("weight", "started-on")),
        ({"prescription": {"mg_per_kg": 2.5}}, ("weight", "started-on")),
        (
            {"weight": {"value": 70}, "prescription": {"daily_mg": 150, "started_on": TODAY}},
            (),
        ),
    ],
)
def test_unset_keys_of_a_new_profile(raw, unset):
    _, profile = edit_profile(raw, [], LIMITS, TODAY)
    assert unset_keys(profile) == unset


def test_created_lists_the_defaults_nothing_gave():
    edits = [set_edit("tablet-mg", "25", LIMITS, INIT_STYLE), medications_edit(["warfarin"])]
    _, profile = edit_profile(None, edits, LIMITS, TODAY, INIT_STYLE)
    result = created("p.toml", profile, None, edits)
    assert result.defaulted == ("schedule", "tablets-split", "tpmt", "nudt15")
    assert result.unset == ("weight", "daily-mg", "mg-per-kg", "started-on")


@pytest.mark.parametrize("key", KEY_NAMES)
def test_set_commands_fit_60_columns_and_name_no_value(key):
    command = set_command(key)
    assert command.startswith(f"imuran profile set {key} ")
    assert command.split()[4:] and command.strip() == command
    assert len("  " + command) <= 60
    # A placeholder, never a number that could be read as a suggested dose.
    assert not any(char.isdigit() for char in command.removeprefix(f"imuran profile set {key}"))


@pytest.mark.parametrize(
    ("key", "text", "message", "hint"),
    [
        ("tablet-mg", "clear", 'tablet strength "clear" is not a number', "e.g. 50"),
        ("tablets-split", "perhaps", 'halving "perhaps" is not yes or no', "e.g. yes"),
        ("schedule", "twice", 'schedule "twice" is not allowed', "e.g. once"),
        ("started-on", "soon", 'start date "soon" is not a date', "e.g. 2026-03-01"),
        ("daily-mg", "lots", 'daily dose "lots" is not a number', "e.g. 150"),
    ],
)
def test_prompt_style_words_errors_as_the_question_does(key, text, message, hint):
    with pytest.raises(InputError) as caught:
        set_edit(key, text, LIMITS, PROMPT_STYLE)
    assert caught.value.message.startswith(message)
    assert caught.value.hint == hint
