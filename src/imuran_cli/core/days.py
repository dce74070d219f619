"""Words for a day: the forms of ``missed --when`` and of every journal ``--date DAY``.

``read_day`` turns ``today``, ``this-morning``, ``yesterday``, ``last-night``,
``N days ago``, ``Nd`` or ``YYYY-MM-DD`` (case-insensitive, spaces or hyphens) into a day
relative to ``today``, without any range rule: ``missed`` adds its own limits, the
journal commands use ``parse_day`` (any past day, never a future one).
"""

import datetime as dt
import re
from typing import Literal

from imuran_cli.core.errors import InputError
from imuran_cli.record import Record

DoseWord = Literal["morning", "later"]

# Words for a day: (days before today, the dose of that day the word names, if any).
DAY_WORDS: dict[str, tuple[int, DoseWord | None]] = {
    "today": (0, None),
    "this-morning": (0, "morning"),
    "yesterday": (1, None),
    "last-night": (1, "later"),
}
DAY_FORMS = 'today, this-morning, yesterday, last-night, "N days ago", Nd or YYYY-MM-DD'

# A pattern is compiled when first used (re keeps it), not at import: start-up time.
_DAYS_AGO = r"^(?P<n>[0-9]+) days? ago$"
_SHORT = r"^(?P<n>[0-9]+)d$"
_ISO = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class DayRef(Record):
    """A day as the person named it.

    ``form`` says how: ``word`` (today, yesterday, ...), ``days-ago`` (``N days ago`` or
    ``Nd``) or ``date`` (``YYYY-MM-DD``). ``dose`` is the dose a word names
    (``this-morning``, ``last-night``), else None. ``days_ago`` is negative for a future
    date.
    """

    day: dt.date
    days_ago: int
    dose: DoseWord | None
    form: Literal["word", "days-ago", "date"]


def read_day(
    text: str,
    today: dt.date,
    option: str = "--date",
    *,
    invalid_code: str = "invalid_date",
    hint: str | None = None,
) -> DayRef | None:
    """Read ``text`` as a day relative to ``today``; None when it is no form of a day.

    An ISO-looking date that is not a real one (``2026-02-30``) is an ``InputError``
    naming ``option`` (``invalid_code``, ``hint``); a number of days too large for the
    calendar is one with the code ``too_long_ago``.
    """
    hint = hint or f"use {DAY_FORMS}"
    key = " ".join(text.lower().split())
    word = DAY_WORDS.get(key.replace(" ", "-").replace("_", "-"))
    if word is not None:
        days_ago, dose = word
        return DayRef(today - dt.timedelta(days=days_ago), days_ago, dose, "word")
    match = re.match(_DAYS_AGO, key) or re.match(_SHORT, key)
    if match:
        days_ago = int(match.group("n"))
        try:
            day = today - dt.timedelta(days=days_ago)
        except (OverflowError, ValueError):
            raise InputError(
                f"{option} {text!r} is further back than the calendar goes",
                hint,
                code="too_long_ago",
            ) from None
        return DayRef(day, days_ago, None, "days-ago")
    if re.match(_ISO, key):
        try:
            day = dt.date.fromisoformat(key)
        except ValueError:
            raise InputError(
                f"{option} {text!r} is not a real date", hint, code=invalid_code
            ) from None
        return DayRef(day, (today - day).days, None, "date")
    return None


def parse_day(text: str | None, today: dt.date, option: str = "--date") -> DayRef:
    """A journal ``--date DAY``: any past day or today (the default); never a future day."""
    if text is None:
        return DayRef(today, 0, None, "word")
    ref = read_day(text, today, option)
    if ref is None:
        raise InputError(
            f"{option} {text!r} is not a day imuran understands",
            f"use {DAY_FORMS}",
            code="invalid_date",
        )
    if ref.day > today:
        raise InputError(
            f"{option} {ref.day.isoformat()} is in the future (today is {today.isoformat()})",
            "record what has happened: today or an earlier day",
            code="future_date",
        )
    return ref
