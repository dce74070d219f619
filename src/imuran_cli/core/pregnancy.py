"""Pregnancy and breastfeeding: the leaflet's guidance, with dates once a stop is recorded.

The leaflet says to avoid pregnancy while taking azathioprine and for 4 to 6 months after
stopping (the months are in ``pregnancy.toml``). With a stop date, the two end dates are
``stopped_on`` + the earliest and + the conservative number of calendar months (clamped to
the end of a shorter month); imuran leads with the conservative one. Both end dates belong
to the period: the day itself is still a day to avoid pregnancy.
"""

import datetime as dt
from typing import Literal

from imuran_cli.core.dates import add_months
from imuran_cli.knowledge.pregnancy import PregnancyRules, Timing
from imuran_cli.record import Record

# Where the person stands: no stop recorded (``taking``); stopped, before or on the
# earliest end date (``avoid``); past it, up to the conservative one (``conservative``);
# past the conservative end date (``ended``).
PregnancyPhase = Literal["taking", "avoid", "conservative", "ended"]
Topic = Literal["pregnancy", "breastfeeding"]

STOP_DATE_HINT = (
    "The dates start once a stop date is recorded: imuran profile set stopped-on YYYY-MM-DD"
)


class PregnancyAdvice(Record):
    """One statement with its source id; ``topic`` says which part of the answer it is."""

    text: str
    source: str
    topic: Topic


class SourcesDiffer(Record):
    """The one line saying that the sources disagree, with the sources that do."""

    text: str
    sources: tuple[str, ...]


class PregnancyResult(Record):
    """The answer of ``imuran pregnancy``; its fields are the ``--json`` document.

    ``on_treatment`` is null without a profile (imuran cannot know). ``headline`` is the
    one line ``status`` shows, with ``headline_source``; ``hint`` says how to get the
    dates when no stop date is recorded.
    """

    on_treatment: bool | None
    stopped_on: dt.date | None
    avoid_until_earliest: dt.date | None
    avoid_until_conservative: dt.date | None
    advice: tuple[PregnancyAdvice, ...]
    sources_differ: SourcesDiffer
    today: dt.date
    phase: PregnancyPhase
    earliest_months: int
    conservative_months: int
    headline: str
    headline_source: str
    hint: str | None
    sources: tuple[str, ...]


def _phase(
    today: dt.date, earliest: dt.date | None, conservative: dt.date | None
) -> PregnancyPhase:
    if earliest is None or conservative is None:
        return "taking"
    if today <= earliest:
        return "avoid"
    if today <= conservative:
        return "conservative"
    return "ended"


def plan_pregnancy(
    today: dt.date,
    has_profile: bool,
    stopped_on: dt.date | None,
    rules: PregnancyRules,
) -> PregnancyResult:
    """The pregnancy answer for a person whose profile records ``stopped_on`` (or not).

    Raises ``OverflowError`` only for a stop date within months of the year 9999.
    """
    months = rules.after_stopping
    earliest = add_months(stopped_on, months.earliest_months) if stopped_on else None
    conservative = add_months(stopped_on, months.conservative_months) if stopped_on else None
    phase = _phase(today, earliest, conservative)
    timing: Timing = {
        "taking": rules.timing.taking,
        "avoid": rules.timing.stopped,
        "conservative": rules.timing.stopped,
        "ended": rules.timing.ended,
    }[phase]
    values = {
        "earliest": str(months.earliest_months),
        "conservative": str(months.conservative_months),
        "stopped_on": stopped_on.isoformat() if stopped_on else "",
        "earliest_date": earliest.isoformat() if earliest else "",
        "conservative_date": conservative.isoformat() if conservative else "",
    }
    advice = (
        PregnancyAdvice(timing.text.format(**values), timing.source, "pregnancy"),
        *(PregnancyAdvice(item.text, item.source, "pregnancy") for item in rules.general),
        *(PregnancyAdvice(item.text, item.source, "breastfeeding") for item in rules.breastfeeding),
    )
    differ = SourcesDiffer(rules.sources_differ.text, rules.sources_differ.sources)
    sources = tuple(dict.fromkeys([item.source for item in advice] + list(differ.sources)))
    return PregnancyResult(
        on_treatment=(stopped_on is None) if has_profile else None,
        stopped_on=stopped_on,
        avoid_until_earliest=earliest,
        avoid_until_conservative=conservative,
        advice=advice,
        sources_differ=differ,
        today=today,
        phase=phase,
        earliest_months=months.earliest_months,
        conservative_months=months.conservative_months,
        headline=timing.short.format(**values),
        headline_source=timing.source,
        hint=STOP_DATE_HINT if stopped_on is None else None,
        sources=sources,
    )
