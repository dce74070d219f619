"""Changes to the profile as ``imuran profile init/set/unset`` make them, and their results.

Pure: the raw profile data (as read from the TOML file), the limits and today's date are
arguments. Every change is checked against the whole profile, and an error names the
key as the person typed it, the value and what is allowed.
"""

import copy
import datetime as dt
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from imuran_cli.core import profile as model
from imuran_cli.core.errors import InputError, ProfileError
from imuran_cli.core.profile import (
    GENOTYPES,
    LAB_LIMIT_NAMES,
    LAB_TESTS,
    SCHEDULES,
    SCHEMA_VERSION,
    Profile,
    parse_profile,
)
from imuran_cli.core.units import format_number, parse_weight
from imuran_cli.knowledge.limits import Limits
from imuran_cli.record import Record

RawData = dict[str, Any]
KeyKind = Literal[
    "weight",
    "mg",
    "mg_per_kg",
    "choice",
    "tablet",
    "yes_no",
    "date",
    "time",
    "names",
    "days",
    "weeks",
    "text",
    "lab_limit",
]


class KeySpec(Record):
    """One key of ``imuran profile set``: where it lives in the file and how it is typed."""

    path: tuple[str, ...]
    kind: KeyKind
    example: str
    choices: tuple[str, ...] = ()
    # What to type, in a command shown to copy; default: from the kind, or the choices.
    placeholder: str = ""


KEYS: dict[str, KeySpec] = {
    "weight": KeySpec(("weight",), "weight", "70"),
    "daily-mg": KeySpec(("prescription", "daily_mg"), "mg", "150"),
    "mg-per-kg": KeySpec(("prescription", "mg_per_kg"), "mg_per_kg", "2.5"),
    "schedule": KeySpec(("prescription", "schedule"), "choice", "once", SCHEDULES),
    "tablet-mg": KeySpec(("prescription", "tablet_mg"), "tablet", "50"),
    "tablets-split": KeySpec(("prescription", "tablets_split"), "yes_no", "yes"),
    "started-on": KeySpec(("prescription", "started_on"), "date", "2026-03-01"),
    "stopped-on": KeySpec(("prescription", "stopped_on"), "date", "2026-03-01"),
    "tpmt": KeySpec(("genetics", "tpmt"), "choice", "normal", GENOTYPES, "RESULT"),
    "nudt15": KeySpec(("genetics", "nudt15"), "choice", "normal", GENOTYPES, "RESULT"),
    "medications": KeySpec(("medications",), "names", '"allopurinol, warfarin"'),
    "morning-time": KeySpec(("dose_times", "morning"), "time", "08:00"),
    "later-time": KeySpec(("dose_times", "later"), "time", "20:00"),
    "lab-interval-weeks": KeySpec(("monitoring", "lab_interval_weeks"), "weeks", "12"),
    "refill-days": KeySpec(("monitoring", "refill_days"), "days", "14"),
    "pregnancy-relevant": KeySpec(("person", "pregnancy_relevant"), "yes_no", "yes"),
    "name": KeySpec(("person", "name"), "text", '"Alex Morgan"'),
    "neurologist": KeySpec(("contacts", "neurologist"), "text", '"Dr Rivera"'),
    "neurologist-phone": KeySpec(("contacts", "neurologist_phone"), "text", '"+44 20 7946 0000"'),
    "emergency-contact": KeySpec(
        ("contacts", "emergency_contact"), "text", '"Sam, +44 7700 900123"'
    ),
}
KEY_NAMES: tuple[str, ...] = tuple(KEYS)

# A clinic's own blood-test limits take a second word: ``profile set lab-limit wbc-low 4.0``.
# Each is a key of its own (``lab-limit wbc-low``), kept apart from ``KEYS`` so that the
# list of one-word keys stays short.
LAB_LIMIT = "lab-limit"
LAB_LIMIT_KEYS: dict[str, KeySpec] = {
    f"{LAB_LIMIT} {name.replace('_', '-')}": KeySpec(
        ("monitoring", "lab_limits", name), "lab_limit", "4.0"
    )
    for name in LAB_LIMIT_NAMES
}


def spec_of(key: str) -> KeySpec:
    """The spec of a one-word key or of a ``lab-limit NAME`` key."""
    return KEYS[key] if key in KEYS else LAB_LIMIT_KEYS[key]


_YES = ("yes", "y", "true", "on")
_NO = ("no", "n", "false", "off")
_DATE = r"^\d{4}-\d{2}-\d{2}$"
_TIME = r"^(?P<hour>\d{1,2}):(?P<minute>\d{2})$"


class Style(Record):
    """How messages name a key: ``daily-mg`` for ``profile set``, ``--daily-mg`` for init,
    ``daily dose`` for an answer typed at a question of ``profile init``."""

    prefix: str
    command: str
    renamed: Mapping[str, str]
    # Values in double quotes, always (an answer is shown as typed, after the question's words).
    quote_values: bool = False

    def label(self, key: str) -> str:
        return self.prefix + self.renamed.get(key, key)

    def example(self, key: str) -> str:
        """``imuran profile set weight 70``; a bare ``70`` for a question."""
        if not self.command:
            return spec_of(key).example
        return f"{self.command}{self.label(key)} {spec_of(key).example}"

    def shown(self, text: str) -> str:
        return _quoted(text) if self.quote_values else _shown(text)


SET_STYLE = Style(prefix="", command="imuran profile set ", renamed={})
INIT_STYLE = Style(
    prefix="--",
    command="imuran profile init ",
    renamed={"medications": "medication"},
)
# The words of the questions ``profile init`` asks (no option was typed, so none is named).
PROMPT_STYLE = Style(
    prefix="",
    command="",
    renamed={
        "daily-mg": "daily dose",
        "mg-per-kg": "mg/kg target",
        "tablet-mg": "tablet strength",
        "tablets-split": "halving",
        "started-on": "start date",
        "tpmt": "TPMT result",
        "nudt15": "NUDT15 result",
        "medications": "medicines",
    },
    quote_values=True,
)


class Edit(Record):
    """One change: ``value`` is what the file will hold; None puts the key back to its default."""

    key: str
    value: Any
    text: str | None = None  # what the person typed; None for unset


# ---------------------------------------------------------------- keys and values


def resolve_key(name: str, style: Style = SET_STYLE) -> str:
    """The key named by ``name`` (``daily_mg`` and ``Daily-MG`` also work), or InputError."""
    key = name.strip().lower().replace("_", "-")
    if key == LAB_LIMIT:
        raise InputError(
            f"{LAB_LIMIT} needs the name of a limit",
            f"e.g. {style.command}{LAB_LIMIT} wbc-low 4.0",
            code="missing_value",
        )
    if key not in KEYS:
        raise InputError(
            f"unknown profile key {_shown(name)}",
            "use one of: " + ", ".join([*KEY_NAMES, LAB_LIMIT]),
            code="unknown_key",
        )
    return key


def resolve_lab_limit(name: str) -> str:
    """The key ``lab-limit wbc-low`` named by ``wbc-low`` (or ``WBC_low``), or InputError."""
    cleaned = name.strip().lower().replace("-", "_")
    if cleaned not in LAB_LIMIT_NAMES:
        raise InputError(
            f"unknown lab limit {_shown(name)}",
            "use TEST-low or TEST-high with a TEST of " + one_of(list(LAB_TESTS)),
            code="unknown_key",
        )
    return f"{LAB_LIMIT} {cleaned.replace('_', '-')}"


def lab_limit_unset_edit(name: str) -> Edit:
    """``imuran profile unset lab-limit NAME``: back to the default limit (or none)."""
    return Edit(resolve_lab_limit(name), None)


def allowed(key: str, limits: Limits) -> str:
    """What ``key`` accepts, in words."""
    spec = spec_of(key)
    if spec.kind == "lab_limit":
        return "a number of 0 or more, in the unit imuran labs uses for that test"
    if spec.kind == "weight":
        kg, lb = limits.weight.kg, limits.weight.lb
        return (
            f"{format_number(kg.min)} to {format_number(kg.max)} kg or "
            f"{format_number(lb.min)} to {format_number(lb.max)} lb"
        )
    if spec.kind == "mg":
        return (
            f"{format_number(limits.daily_mg.min)} to {format_number(limits.daily_mg.max)} "
            "mg a day, in whole tablet steps"
        )
    if spec.kind == "mg_per_kg":
        return (
            f"{format_number(limits.mg_per_kg.min)} to {format_number(limits.mg_per_kg.max)} "
            "mg/kg a day"
        )
    if spec.kind == "tablet":
        return one_of([str(mg) for mg in limits.tablets.strengths_mg]) + " (mg)"
    if spec.kind == "yes_no":
        return "yes or no"
    if spec.kind == "date":
        return "a date as YYYY-MM-DD, not in the future"
    if spec.kind == "time":
        return "a time of day as HH:MM (24-hour clock)"
    if spec.kind == "names":
        return "medicine names, separated by commas"
    if spec.kind in ("days", "weeks"):
        allowed_range = limits.refill_days if spec.kind == "days" else limits.lab_interval_weeks
        return (
            f"a whole number of {spec.kind} from {format_number(allowed_range.min)} "
            f"to {format_number(allowed_range.max)}"
        )
    if spec.kind == "text":
        return f"text of at most {format_number(limits.text_length.max)} characters"
    return one_of(list(spec.choices))


def parse_value(key: str, text: str, limits: Limits, style: Style = SET_STYLE) -> Any:
    """Turn the text typed for ``key`` into the value the file holds, or raise InputError.

    Ranges and rules that involve other keys are checked later, on the whole profile.
    """
    spec = spec_of(key)
    cleaned = text.strip()
    label = style.label(key)

    def bad(problem: str, code: str = "invalid_value") -> InputError:
        return InputError(
            f"{label} {style.shown(text)} {problem}; use {allowed(key, limits)}",
            f"e.g. {style.example(key)}",
            code=code,
        )

    if spec.kind == "names":
        names = [name.strip() for name in cleaned.split(",")]
        return _unique([name for name in names if name])
    if not cleaned:
        raise InputError(
            f"{label} needs a value: {allowed(key, limits)}",
            f"e.g. {style.example(key)}",
            code="invalid_value",
        )
    if spec.kind == "weight":
        try:
            weight, weight_unit = parse_weight(cleaned, limits)
        except InputError as exc:
            hint = exc.hint if exc.code == "weight_out_of_range" else f"e.g. {style.example(key)}"
            raise InputError(exc.message, hint, code=exc.code) from None
        return {"value": weight, "unit": weight_unit}
    if spec.kind in ("mg", "mg_per_kg", "tablet"):
        number = _number(cleaned, "mg/kg" if spec.kind == "mg_per_kg" else "mg")
        if number is None:
            raise bad("is not a number")
        if spec.kind == "tablet":
            if not number.is_integer():
                raise bad("is not a tablet strength", code="tablet_strength")
            return int(number)
        return number
    if spec.kind == "yes_no":
        answer = cleaned.lower()
        if answer in _YES:
            return True
        if answer in _NO:
            return False
        raise bad("is not yes or no")
    if spec.kind == "date":
        if not re.match(_DATE, cleaned):
            raise bad("is not a date as YYYY-MM-DD", code="invalid_date")
        try:
            return dt.date.fromisoformat(cleaned)
        except ValueError:
            raise bad("is not a real date", code="invalid_date") from None
    if spec.kind == "time":
        return _clock_time(cleaned, bad)
    if spec.kind in ("days", "weeks"):
        number = _number(cleaned, spec.kind)
        if number is None or not number.is_integer():
            raise bad("is not a whole number")
        return int(number)
    if spec.kind == "text":
        return cleaned
    if spec.kind == "lab_limit":
        number = _number(cleaned, "")
        if number is None or not math.isfinite(number) or number < 0:
            raise bad("is not a number of 0 or more")
        return number
    choice = cleaned.lower().replace("_", "-").replace(" ", "-")
    if choice not in spec.choices:
        raise bad("is not allowed")
    return choice


def set_edit(name: str, text: str, limits: Limits, style: Style = SET_STYLE) -> Edit:
    """The edit ``imuran profile set NAME TEXT`` asks for (the value parsed, not yet checked)."""
    key = resolve_key(name, style)
    return Edit(key, parse_value(key, text, limits, style), text)


def unset_edit(name: str) -> Edit:
    """The edit ``imuran profile unset NAME`` asks for: the key back to its default."""
    return Edit(resolve_key(name), None)


def medications_edit(names: Sequence[str]) -> Edit:
    """``--medication`` given once per medicine (a name may then hold a comma)."""
    cleaned = _unique([name.strip() for name in names if name.strip()])
    return Edit("medications", cleaned, ", ".join(cleaned))


# ---------------------------------------------------------------- applying edits


def apply_edits(raw: Mapping[str, Any] | None, edits: Sequence[Edit]) -> RawData:
    """A copy of ``raw`` (a new profile when None) with ``edits`` applied; nothing checked."""
    data: RawData = (
        copy.deepcopy(dict(raw)) if raw is not None else {"schema_version": SCHEMA_VERSION}
    )
    for edit in edits:
        *sections, leaf = spec_of(edit.key).path
        table = data
        for section in sections:
            inner = table.get(section)
            if not isinstance(inner, dict):
                if edit.value is None:
                    break  # nothing to unset, and no empty table to create
                inner = {}
                table[section] = inner
            table = inner
        else:
            if edit.value is None:
                table.pop(leaf, None)
            else:
                table[leaf] = edit.value
    return data


def edit_profile(
    raw: Mapping[str, Any] | None,
    edits: Sequence[Edit],
    limits: Limits,
    today: dt.date,
    style: Style = SET_STYLE,
) -> tuple[RawData, Profile]:
    """Apply ``edits`` and check the whole profile; InputError names the keys involved."""
    data = apply_edits(raw, edits)
    try:
        return data, parse_profile(data, limits, today, strict=True)
    except ValidationError as exc:
        raise edit_error(exc.errors()[0], edits, limits, style) from None


def edit_error(
    error: ErrorDetails, edits: Sequence[Edit], limits: Limits, style: Style
) -> InputError:
    """Word a validation error for the person who typed ``edits``."""
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    kind = error["type"]
    label = style.label
    edited = [edit.key for edit in edits]
    if kind == model.NOT_WHOLE_TABLETS:
        return _tablets_error(ctx, edits, style)
    if kind == model.UNSCORED_SPLIT:
        return _unscored_error(ctx, error["msg"], edits, style)
    if kind == model.STOP_BEFORE_START:
        started, stopped = ctx["started_on"], ctx["stopped_on"]
        if edited == ["started-on"]:
            message = f"{label('started-on')} {started} is after {label('stopped-on')} {stopped}"
        else:
            message = f"{label('stopped-on')} {stopped} is before {label('started-on')} {started}"
        return InputError(
            message,
            "a stop date cannot come before the start date; see both: imuran profile show",
            code="stop_before_start",
        )
    key = key_of(error["loc"]) or (edited[0] if edited else "")
    where = label(key) if key else ".".join(str(part) for part in error["loc"])
    hint = f"e.g. {style.example(key)}" if key else None
    if kind == model.OUT_OF_RANGE:
        message = f"{where} {ctx['value']} is outside {ctx['allowed']}"
    elif kind in (model.DATE_IN_FUTURE, model.CLOCK_TIME):
        message = f"{where} {error['msg']}"
    elif kind == model.TABLET_STRENGTH:
        message = f"{where} {ctx['value']}: {error['msg']}"
    elif kind == model.MEDICINE_NAME:
        message = f"{where}: {error['msg']}"
        hint = "give medicine names as plain text, separated by commas"
    else:
        message = f"{where}: {error['msg']}"
        if key:
            message += f"; use {allowed(key, limits)}"
    return InputError(message, hint, code=kind if kind in _CODES else "invalid_value")


_CODES = {
    model.OUT_OF_RANGE,
    model.DATE_IN_FUTURE,
    model.CLOCK_TIME,
    model.TABLET_STRENGTH,
    model.MEDICINE_NAME,
}


def _tablets_error(ctx: Mapping[str, Any], edits: Sequence[Edit], style: Style) -> InputError:
    label = style.label
    split = "yes" if ctx["tablets_split"] == "true" else "no"
    tablets = f"{ctx['piece']} {ctx['tablet_mg']} mg tablets"
    changed = [edit for edit in edits if edit.key in ("tablet-mg", "tablets-split")]
    if len(edits) == 1 and changed:
        edit = changed[0]
        shown = style.shown(edit.text) if edit.text is not None else "(back to its default)"
        return InputError(
            f"{label(edit.key)} {shown} conflicts with {label('daily-mg')} "
            f"{ctx['daily_mg']}: {tablets} make only multiples of {ctx['step_mg']} mg",
            f"change {label('daily-mg')} first if your prescription changed, "
            f"or keep {label(edit.key)} as it is",
            code="conflicting_values",
        )
    return InputError(
        f"{label('daily-mg')} {ctx['daily_mg']} cannot be made from {tablets} "
        f"({label('tablet-mg')} {ctx['tablet_mg']}, {label('tablets-split')} {split}): "
        f"use a multiple of {ctx['step_mg']} mg",
        f"check the dose and the tablet strength on your prescription "
        f"({label('tablet-mg')}, {label('tablets-split')})",
        code="not_whole_tablets",
    )


def _unscored_error(
    ctx: Mapping[str, Any], why: str, edits: Sequence[Edit], style: Style
) -> InputError:
    """Halves asked for (or kept) with a strength that has no score line."""
    label = style.label
    strength = f"{label('tablet-mg')} {ctx['tablet_mg']}"
    edited = {edit.key for edit in edits}
    if "tablet-mg" in edited and "tablets-split" not in edited:
        message = f"{strength} conflicts with {label('tablets-split')} yes: {why}"
        hint = (
            "if your tablets changed, first set halves off: "
            f"{style.command}{label('tablets-split')} no"
        )
    else:
        message = f"{label('tablets-split')} yes is not possible with {strength}: {why}"
        hint = (
            f"take whole {ctx['tablet_mg']} mg tablets: {style.command}{label('tablets-split')} no"
        )
    return InputError(message, hint, code=model.UNSCORED_SPLIT)


def key_of(loc: Sequence[str | int]) -> str | None:
    """The ``profile set`` key of a validation error's location, if it has one."""
    names = tuple(part for part in loc if isinstance(part, str))
    for key, spec in [*LAB_LIMIT_KEYS.items(), *KEYS.items()]:
        if names[: len(spec.path)] == spec.path:
            return key
    return None


# ---------------------------------------------------------------- results


# Result objects: records, written by ``render.json_out``. ``profile`` is written
# with the keys and nesting of the file (``Profile.__json__``).


class ProfileShown(Record):
    """``imuran profile show``: where the profile is, and what it holds."""

    path: str
    profile: Profile


class ProfileChanged(Record):
    """``imuran profile set/unset``: the key changed, its value now, and the saved profile."""

    path: str
    action: Literal["set", "unset"]
    key: str
    value: Any
    created: bool
    backup: str | None
    profile: Profile


class ProfileCreated(Record):
    """``imuran profile init``: the new profile, where the old one was kept, the keys that
    took their default because nothing gave them, and the keys still unset (each can be
    given later with ``imuran profile set KEY VALUE``)."""

    path: str
    backup: str | None
    profile: Profile
    defaulted: tuple[str, ...] = ()
    unset: tuple[str, ...] = ()


# What ``profile init`` sets: keys with a default, and keys that stay unset when nothing
# gives them. A prescription has a daily dose or an mg/kg target: when it has either, the
# other is not missing. (No other medicines is a default: an empty list.)
_DEFAULTED_KEYS = ("schedule", "tablet-mg", "tablets-split", "tpmt", "nudt15")
_DOSE_KEYS = ("daily-mg", "mg-per-kg")
_UNSET_KEYS = ("weight", *_DOSE_KEYS, "started-on")


def unset_keys(profile: Profile) -> tuple[str, ...]:
    """The keys of a new profile that nothing has set, in the order of ``KEYS``."""
    has_dose = any(display_value(profile, key) is not None for key in _DOSE_KEYS)
    return tuple(
        key
        for key in _UNSET_KEYS
        if display_value(profile, key) is None and not (has_dose and key in _DOSE_KEYS)
    )


def placeholder(key: str) -> str:
    """What to type for ``key`` in a command to copy: ``WEIGHT``, ``YYYY-MM-DD``, ``once|split``."""
    spec = KEYS[key]
    words: dict[KeyKind, str] = {
        "weight": "WEIGHT",
        "mg": "MG",
        "mg_per_kg": "MG_PER_KG",
        "tablet": "MG",
        "yes_no": "yes|no",
        "date": "YYYY-MM-DD",
        "time": "HH:MM",
        "names": '"NAME, NAME"',
        "weeks": "WEEKS",
        "days": "DAYS",
        "text": '"TEXT"',
    }
    return spec.placeholder or words.get(spec.kind) or "|".join(spec.choices) or "VALUE"


def set_command(key: str) -> str:
    """``imuran profile set weight WEIGHT``: how to give ``key`` later."""
    return f"{SET_STYLE.command}{key} {placeholder(key)}"


def created(
    path: str, profile: Profile, backup: str | None, edits: Sequence[Edit]
) -> ProfileCreated:
    """The answer of ``imuran profile init`` that made ``profile`` from ``edits``."""
    given = {edit.key for edit in edits}
    return ProfileCreated(
        path=path,
        backup=backup,
        profile=profile,
        defaulted=tuple(key for key in _DEFAULTED_KEYS if key not in given),
        unset=unset_keys(profile),
    )


def show_profile(path: str, profile: Profile | None) -> ProfileShown:
    """The answer of ``imuran profile show``; no profile is an error."""
    if profile is None:
        raise ProfileError(
            f"there is no profile at {path}",
            "create one: imuran profile init",
            code="no_profile",
        )
    return ProfileShown(path=path, profile=profile)


def changed(
    path: str, edit: Edit, profile: Profile, *, created: bool, backup: str | None
) -> ProfileChanged:
    """The answer of ``imuran profile set/unset``."""
    return ProfileChanged(
        path=path,
        action="unset" if edit.value is None else "set",
        key=edit.key,
        value=json_value(profile, edit.key),
        created=created,
        backup=backup,
        profile=profile,
    )


def json_value(profile: Profile, key: str) -> Any:
    """The value of ``key`` as the JSON view of the profile holds it (None when unset)."""
    node: Any = profile.to_json_data()
    for part in spec_of(key).path:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def display_value(profile: Profile, key: str) -> str | None:
    """``key``'s value as a person reads it (and may type it back); None when not set."""
    if key in LAB_LIMIT_KEYS:
        limit = profile.monitoring.lab_limits.get(LAB_LIMIT_KEYS[key].path[-1])
        return None if limit is None else format_number(limit)
    prescription = profile.prescription
    values: dict[str, Callable[[], str | None]] = {
        "weight": lambda: (
            f"{format_number(profile.weight.value)} {profile.weight.unit}"
            if profile.weight
            else None
        ),
        "daily-mg": lambda: _with_unit(prescription.daily_mg, "mg"),
        "mg-per-kg": lambda: _with_unit(prescription.mg_per_kg, "mg/kg"),
        "schedule": lambda: prescription.schedule,
        "tablet-mg": lambda: f"{prescription.tablet_mg} mg",
        "tablets-split": lambda: "yes" if prescription.tablets_split else "no",
        "started-on": lambda: _iso(prescription.started_on),
        "stopped-on": lambda: _iso(prescription.stopped_on),
        "tpmt": lambda: profile.genetics.tpmt,
        "nudt15": lambda: profile.genetics.nudt15,
        "medications": lambda: ", ".join(profile.medications) or None,
        "morning-time": lambda: profile.dose_times.morning,
        "later-time": lambda: profile.dose_times.later,
        "lab-interval-weeks": lambda: _with_unit(profile.monitoring.lab_interval_weeks, "weeks"),
        "refill-days": lambda: _with_unit(profile.monitoring.refill_days, "days"),
        "pregnancy-relevant": lambda: "yes" if profile.person.pregnancy_relevant else "no",
        "name": lambda: profile.person.name,
        "neurologist": lambda: profile.contacts.neurologist,
        "neurologist-phone": lambda: profile.contacts.neurologist_phone,
        "emergency-contact": lambda: profile.contacts.emergency_contact,
    }
    return values[key]()


# Keys added with schema 2: ``profile show`` lists them only once they are set, so that
# the screen stays short for a person who uses none of them.
SHOWN_WHEN_SET: frozenset[str] = frozenset(
    {
        "lab-interval-weeks",
        "refill-days",
        "pregnancy-relevant",
        "name",
        "neurologist",
        "neurologist-phone",
        "emergency-contact",
    }
)


def profile_rows(profile: Profile) -> list[tuple[str, str | None]]:
    """Every key with its value for display, in the order of ``KEYS``; the optional keys
    of ``SHOWN_WHEN_SET`` only when they hold a value other than their default."""
    defaults = _DEFAULT_DISPLAY
    rows = []
    for key in KEY_NAMES:
        value = display_value(profile, key)
        if key in SHOWN_WHEN_SET and value == defaults.get(key):
            continue
        rows.append((key, value))
    # A clinic's blood-test limits, once set, in the order of LAB_LIMIT_NAMES.
    for key in LAB_LIMIT_KEYS:
        value = display_value(profile, key)
        if value is not None:
            rows.append((key, value))
    return rows


# What an optional key shows when it is not set.
_DEFAULT_DISPLAY: dict[str, str | None] = {"pregnancy-relevant": "no"}


# ---------------------------------------------------------------- helpers


def one_of(choices: Sequence[str]) -> str:
    """``once or split``; ``25, 50, 75 or 100``."""
    if len(choices) <= 1:
        return "".join(choices)
    return ", ".join(choices[:-1]) + " or " + choices[-1]


def _number(text: str, unit: str) -> float | None:
    """``150``, ``150mg``, ``150 mg`` -> 150.0; None when it is not a number."""
    body = text.lower()
    if unit and body.endswith(unit):
        body = body[: -len(unit)]
    try:
        return float(body.strip())
    except ValueError:
        return None


def _clock_time(text: str, bad: Callable[[str], InputError]) -> str:
    """``8:00`` -> ``08:00``; a time that does not exist is an error."""
    match = re.match(_TIME, text)
    if not match:
        raise bad("is not a time of day as HH:MM")
    try:
        clock = dt.time(int(match.group("hour")), int(match.group("minute")))
    except ValueError:
        raise bad("is not a time of day") from None
    return clock.strftime("%H:%M")


def _unique(names: Sequence[str]) -> list[str]:
    """Names in order, a repeated one (any case) kept once."""
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


def _shown(text: str) -> str:
    """A typed value in a message: as is, or quoted when it has spaces or odd characters."""
    if text and text.isprintable() and not any(char.isspace() for char in text):
        return text
    return _quoted(text)


def _quoted(text: str) -> str:
    import json  # only for messages

    return json.dumps(text, ensure_ascii=False)


def _with_unit(value: float | None, unit: str) -> str | None:
    return None if value is None else f"{format_number(value)} {unit}"


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()
