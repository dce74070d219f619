"""`imuran report`: the record for the neurologist, as plain data.

From ``since`` to ``until`` (today): the profile summary (dose, schedule, start date, TPMT
and NUDT15, medicines with their ``check`` findings), adherence by month, the MG-ADL scores
and their change, the blood tests with their flags and a series per test that has values,
and the leaflet's timeline. The report does not judge anything itself: every figure comes
from the result objects of ``history``, ``adl list``, ``labs list``/``labs chart``,
``check`` and ``status``, which the command passes in; here they are only cut to the
report's period and put in order. The renderers (``render/report_*.py``) print it.
"""

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from imuran_cli.core.card import CardMedicine, checked_medicines, dose_text
from imuran_cli.core.dates import add_months
from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import Profile
from imuran_cli.knowledge.limits import Limits
from imuran_cli.record import Record

if TYPE_CHECKING:
    # Imported where used: a report without blood tests or scores does without them.
    from imuran_cli.core.adl import AdlScore
    from imuran_cli.core.labs import LabChart, LabTest, TestView, TrendFlag
    from imuran_cli.core.status import AdlChange, StatusResult
    from imuran_cli.knowledge.adl import AdlScale
    from imuran_cli.knowledge.labs import Labs

SECTIONS = ("summary", "timeline", "adherence", "adl", "blood_tests")

HINT_NO_DOSES = "No dose recorded in this period: imuran take records one."
HINT_NO_ADL = "No MG-ADL score in this period: imuran adl add records one."
HINT_NO_LABS = "No blood test in this period: imuran labs add records one."
HINT_NO_START = "No start date: imuran profile set started-on YYYY-MM-DD."


class MonthAdherence(Record):
    """Adherence in one calendar month (cut to the report's period), from ``history``."""

    month: str  # YYYY-MM
    first_day: dt.date
    last_day: dt.date
    expected: int
    taken: int
    skipped: int
    missing: int
    percent: float | None


class AdlRecord(Record):
    """One MG-ADL score (``adl list``): the total and its eight items, in the scale's order."""

    date: dt.date
    total: int
    items: tuple[tuple[str, int], ...]


class DoseTaken(Record):
    """A dose the journal records as taken."""

    date: dt.date
    dose: str
    mg: float | None
    recorded_at: dt.datetime | None


class ReportInputs(Record):
    """What the journal and the other commands hold, as their results give it.

    The command passes what its format shows: the doses taken one by one for FHIR only,
    ``status`` and the adherence by month for HTML and markdown only (FHIR has neither a
    timeline nor adherence)."""

    journal: bool = False
    adherence: tuple[MonthAdherence, ...] = ()
    adherence_from: dt.date | None = None
    doses_taken: tuple[DoseTaken, ...] = ()
    adl_scores: "tuple[AdlScore, ...]" = ()
    adl_scale: "AdlScale | None" = None
    lab_tests: "tuple[LabTest, ...]" = ()
    lab_limits: Mapping[str, float] = MappingProxyType({})
    medicines: Mapping[str, CardMedicine] = MappingProxyType({})
    status: "StatusResult | None" = None


class Summary(Record):
    name: str | None
    daily_mg: float | None
    dose: str | None
    schedule: str
    tablet_mg: int
    tablets_split: bool
    started_on: dt.date | None
    stopped_on: dt.date | None
    treatment_month: int | None
    tpmt: str
    nudt15: str
    medicines: tuple[CardMedicine, ...]


class TimelineEntry(Record):
    """A date of the leaflet's timeline; ``until`` for a span (the next test's days)."""

    date: dt.date
    until: dt.date | None
    label: str
    source: str | None


class AdherenceTotal(Record):
    expected: int
    taken: int
    skipped: int
    missing: int


class Report(Record):
    """Everything the report shows; each renderer prints all of it."""

    since: dt.date
    until: dt.date
    generated_at: dt.datetime
    profile_key: str
    journal: bool
    summary: Summary
    timeline: tuple[TimelineEntry, ...]
    phase_text: str | None
    phase_source: str | None
    adherence: tuple[MonthAdherence, ...]
    adherence_from: dt.date | None
    adherence_total: AdherenceTotal | None
    doses_taken: tuple[DoseTaken, ...]
    adl: tuple[AdlRecord, ...]
    adl_change: "AdlChange | None"
    lab_tests: "tuple[TestView, ...]"
    lab_trends: "tuple[TrendFlag, ...]"
    lab_charts: "tuple[LabChart, ...]"
    missing: Mapping[str, str]
    sources: tuple[str, ...]


def default_since(today: dt.date, months: int) -> dt.date:
    return add_months(today, -months)


def check_since(since: dt.date, today: dt.date) -> dt.date:
    if since > today:
        raise InputError(
            f"--since {since.isoformat()} is after today ({today.isoformat()})",
            "give the first day the report covers, e.g. --since 2026-01-01",
            code="since_in_future",
        )
    return since


def month_windows(since: dt.date, until: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The calendar months from ``since`` to ``until``, each cut to the period."""
    windows: list[tuple[dt.date, dt.date]] = []
    start = since
    while start <= until:
        next_month = add_months(start.replace(day=1), 1)
        end = min(until, next_month - dt.timedelta(days=1))
        windows.append((start, end))
        start = next_month
    return windows


def _in(day: dt.date, since: dt.date, until: dt.date) -> bool:
    return since <= day <= until


def _summary(
    profile: Profile, limits: Limits, max_mg_per_kg: float, inputs: ReportInputs
) -> Summary:
    prescription = profile.prescription
    dose, daily = dose_text(profile, limits, max_mg_per_kg)
    status = inputs.status
    return Summary(
        name=profile.person.name,
        daily_mg=daily,
        dose=dose or None,
        schedule=prescription.schedule,
        tablet_mg=prescription.tablet_mg,
        tablets_split=prescription.tablets_split,
        started_on=prescription.started_on,
        stopped_on=prescription.stopped_on,
        treatment_month=status.treatment.month if status is not None else None,
        tpmt=profile.genetics.tpmt,
        nudt15=profile.genetics.nudt15,
        medicines=checked_medicines(profile, inputs.medicines),
    )


def _timeline(profile: Profile, status: "StatusResult | None") -> tuple[TimelineEntry, ...]:
    prescription = profile.prescription
    entries: list[TimelineEntry] = []
    if prescription.started_on is not None:
        entries.append(TimelineEntry(prescription.started_on, None, "Started azathioprine", None))
    if status is not None:
        improvement = status.improvement
        if improvement.window_from is not None and improvement.window_to is not None:
            entries.append(
                TimelineEntry(
                    improvement.window_from,
                    improvement.window_to,
                    "Improvement window",
                    improvement.source,
                )
            )
        due = status.blood_tests
        if due is not None and due.last_test is not None:
            entries.append(TimelineEntry(due.last_test, None, "Last blood test", due.source))
        if due is not None and due.due_from is not None:
            until = due.due_by if due.due_by != due.due_from else None
            label = "Next blood test due" + (" (overdue)" if due.status == "overdue" else "")
            entries.append(TimelineEntry(due.due_from, until, label, due.source))
    if prescription.stopped_on is not None:
        entries.append(TimelineEntry(prescription.stopped_on, None, "Stopped azathioprine", None))
    return tuple(sorted(entries, key=lambda entry: entry.date))


def _adl(
    inputs: ReportInputs, since: dt.date, until: dt.date
) -> "tuple[tuple[AdlRecord, ...], AdlChange | None]":
    """The MG-ADL scores of the period, and their change by the journal's rule
    (``adl list``: first to latest, meaningful at the scale's threshold)."""
    scale = inputs.adl_scale
    in_range = sorted((s for s in inputs.adl_scores if _in(s.date, since, until)), key=_day)
    if scale is None or not in_range:
        return (), None
    from imuran_cli.core.adl import adl_change, threshold_text
    from imuran_cli.core.status import AdlChange
    from imuran_cli.core.status import AdlScore as Total

    records = tuple(
        AdlRecord(
            date=score.date,
            total=score.items.total,
            items=tuple((item.key, score.items.grade(item.key)) for item in scale.items),
        )
        for score in in_range
    )
    change = adl_change(in_range, scale)
    if change is None:
        return records, None
    first, latest = records[0], records[-1]
    return records, AdlChange(
        first=Total(first.date, first.total),
        latest=Total(latest.date, latest.total),
        points=change.points,
        meaningful=change.meaningful,
        threshold=scale.meaningful.points,
        threshold_text=threshold_text(scale),
        source=scale.meaningful.source,
    )


def _day(score: "AdlScore") -> dt.date:
    return score.date


def _blood_tests(
    inputs: ReportInputs, labs: "Labs", since: dt.date, until: dt.date
) -> "tuple[tuple[TestView, ...], tuple[TrendFlag, ...], tuple[LabChart, ...]]":
    """The tests of the period (``labs list``), the trends ending in it, a chart per test."""
    if not any(_in(test.date, since, until) for test in inputs.lab_tests):
        return (), (), ()
    from imuran_cli.core.labs import chart, list_tests

    in_range = [test for test in inputs.lab_tests if _in(test.date, since, until)]
    listed = list_tests(inputs.lab_tests, inputs.lab_limits, labs)
    views = tuple(
        sorted((v for v in listed.tests if _in(v.date, since, until)), key=lambda v: v.date)
    )
    trends = tuple(t for t in listed.trends if _in(t.dates[-1], since, until))
    tested = [info.name for info in labs.tests if any(info.name in t.values for t in in_range)]
    charts = tuple(chart(name, in_range, inputs.lab_limits, labs) for name in tested)
    return views, trends, charts


def build_report(
    *,
    profile: Profile | None,
    limits: Limits,
    max_mg_per_kg: float,
    labs: "Labs",
    since: dt.date,
    now: dt.datetime,
    profile_key: str,
    inputs: ReportInputs,
) -> Report:
    """The report of ``since`` to today (``now``'s date)."""
    if profile is None:
        raise InputError(
            "there is no profile, so there is nothing to report",
            "create one: imuran profile init",
            code="no_profile",
        )
    until = now.date()
    check_since(since, until)

    adherence = tuple(
        month for month in inputs.adherence if month.last_day >= since and month.first_day <= until
    )
    total = (
        AdherenceTotal(
            expected=sum(m.expected for m in adherence),
            taken=sum(m.taken for m in adherence),
            skipped=sum(m.skipped for m in adherence),
            missing=sum(m.missing for m in adherence),
        )
        if adherence
        else None
    )
    doses = tuple(
        sorted(
            (d for d in inputs.doses_taken if _in(d.date, since, until)),
            key=lambda d: (d.date, d.dose),
        )
    )
    adl, change = _adl(inputs, since, until)

    lab_views, trends, charts = _blood_tests(inputs, labs, since, until)

    status = inputs.status
    missing: dict[str, str] = {}
    if not adherence or total is None or total.expected == 0:
        missing["adherence"] = HINT_NO_DOSES
    if not adl:
        missing["adl"] = HINT_NO_ADL
    if not lab_views:
        missing["blood_tests"] = HINT_NO_LABS
    if profile.prescription.started_on is None:
        missing["timeline"] = HINT_NO_START

    improvement = status.improvement if status is not None else None
    due = status.blood_tests if status is not None else None
    sources: list[str] = []
    if improvement is not None and improvement.source:
        sources.append(improvement.source)
    if change is not None:
        sources.append(change.source)
    if due is not None:
        sources.append(due.source)
    for view in lab_views:
        sources.extend(flag.source for flag in view.flags)
    for trend in trends:
        sources.extend(trend.sources)
    for graph in charts:
        sources.extend(graph.sources)
    summary = _summary(profile, limits, max_mg_per_kg, inputs)
    for medicine in summary.medicines:
        sources.extend(finding.source for finding in medicine.findings)

    return Report(
        since=since,
        until=until,
        generated_at=now,
        profile_key=profile_key,
        journal=inputs.journal,
        summary=summary,
        timeline=_timeline(profile, status),
        phase_text=improvement.text if improvement is not None else None,
        phase_source=improvement.source if improvement is not None else None,
        adherence=adherence,
        adherence_from=(
            inputs.adherence_from
            if inputs.adherence_from is not None and inputs.adherence_from > since
            else None
        ),
        adherence_total=total,
        doses_taken=doses,
        adl=adl,
        adl_change=change,
        lab_tests=lab_views,
        lab_trends=trends,
        lab_charts=charts,
        missing=missing,
        sources=tuple(dict.fromkeys(sources)),
    )
