"""Where the treatment stands today: the doses of the day, the treatment's day, week and
month, the leaflet's improvement window, blood tests, pregnancy and the day's alerts.

Pure: the clock reading, the profile, the knowledge and everything read from the journal
or other commands (today's dose records, the first and latest MG-ADL scores, the answer of
``labs due``, the flags of the latest blood test, the findings for the profile's
medicines) are arguments. The journal's, blood tests' and checks' own result objects are
accepted as they are, through the small read-only protocols below.

Counting (issue 11): ``started_on`` is day 1; week = (day - 1) // 7 + 1; month = whole
calendar months since ``started_on``, plus 1. The improvement window runs from
``started_on`` + 3 months to ``started_on`` + 12 months (the numbers are in
``status.toml``), both dates in the window.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, Protocol

from imuran_cli.core.dates import add_months, whole_months_between
from imuran_cli.knowledge.status import Line, StatusRules
from imuran_cli.record import Record

if TYPE_CHECKING:
    # Types only: the pregnancy rules load only for a profile that asks for them, and
    # the profile model is already loaded by whoever passes one in.
    from imuran_cli.core.pregnancy import PregnancyResult
    from imuran_cli.core.profile import Profile

DoseState = Literal["taken", "skipped", "due"]
Phase = Literal["too-early", "window", "past-window", "stopped"]
Severity = Literal["urgent", "caution", "info"]
AlertKind = Literal["blood-test", "lab-result", "medicine", "dose"]

SEVERITY_ORDER: tuple[Severity, ...] = ("urgent", "caution", "info")
_DAYS_IN_WEEK = dt.timedelta(weeks=1).days
# The ``labs due`` status with no date and no rule to cite.
NO_TEST = "no-test-recorded"

# What fills a section that lacks its data (``StatusResult.missing``), one line each.
HINT_PROFILE = "Needs a profile: imuran profile init creates one"
HINT_STARTED_ON = "No start date: imuran profile set started-on YYYY-MM-DD"
HINT_JOURNAL_DOSES = "No journal yet: imuran take records a dose taken"
HINT_ADL_FIRST = "No MG-ADL score yet: imuran adl add records one"
HINT_ADL_SECOND = "One MG-ADL score so far: imuran adl add records another"
HINT_LABS = "No blood test yet: imuran labs add records one"


# ---------------------------------------------------------------- inputs


class DoseRecordView(Protocol):
    """A journal record of a dose of today (``take`` / ``skip``)."""

    @property
    def dose(self) -> str: ...
    @property
    def status(self) -> str: ...  # "taken" or "skipped"
    @property
    def mg(self) -> float | None: ...
    @property
    def recorded_at(self) -> dt.datetime | None: ...


class LabsDueView(Protocol):
    """The answer of ``imuran labs due``."""

    @property
    def last_test(self) -> dt.date | None: ...
    @property
    def rule(self) -> str | None: ...
    @property
    def due_from(self) -> dt.date | None: ...
    @property
    def due_by(self) -> dt.date | None: ...
    @property
    def status(self) -> str: ...
    @property
    def days_overdue(self) -> int | None: ...
    @property
    def source(self) -> str: ...


class LabFlagView(Protocol):
    """A flag of a blood-test value (``imuran labs list``)."""

    @property
    def severity(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def source(self) -> str: ...


class FindingView(Protocol):
    """A finding of ``imuran check`` for one medicine."""

    @property
    def severity(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def source(self) -> str: ...


class CheckedMedicine(Record):
    """A medicine of the profile, named as the profile holds it, with its findings."""

    name: str
    findings: Sequence[FindingView]


class DoseSlotView(Protocol):
    """A dose of today as the journal sees it: ``taken``, ``skipped`` or ``due``."""

    @property
    def dose(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def mg(self) -> float | None: ...


class AdlScore(Record):
    """An MG-ADL total (0 to 24, higher is worse) and its day."""

    date: dt.date
    total: int


class AdlInput(Record):
    """The first and latest MG-ADL scores, the journal's change between them (None with
    one score: ``points``, ``meaningful``) and the threshold with its statement and source."""

    first: AdlScore
    latest: AdlScore
    points: int | None
    meaningful: bool | None
    threshold: int
    threshold_text: str
    source: str


class StatusInputs(Record):
    """What status reads beyond the profile; ``None`` or empty when not available.

    ``journal`` says whether a journal file exists: without one, no dose of today is
    listed (imuran does not nag a person who does not use the journal). ``doses`` are
    today's doses with their state as the journal gives them (prescribed ones on a day
    of the treatment, plus any recorded one), ``dose_records`` today's records (for the
    time each was recorded) and ``dose_times`` the usual time of each dose.
    """

    journal: bool = False
    doses: Sequence[DoseSlotView] = ()
    dose_records: Sequence[DoseRecordView] = ()
    dose_times: Mapping[str, dt.time] = MappingProxyType({})
    adl: AdlInput | None = None
    labs_due: LabsDueView | None = None
    latest_flags: Sequence[LabFlagView] = ()
    medicines: Sequence[CheckedMedicine] = ()


# ---------------------------------------------------------------- result


class DoseLine(Record):
    """A dose of today: its state, amount, when it was recorded; ``at`` is its usual time,
    ``late`` says that it is still due after that time."""

    dose: str
    status: DoseState
    mg: float | None
    recorded_at: dt.datetime | None
    at: str | None
    late: bool


class Treatment(Record):
    started_on: dt.date | None
    stopped_on: dt.date | None
    on_treatment: bool | None
    day: int | None
    week: int | None
    month: int | None


class AdlChange(Record):
    """From the first to the latest score: ``points`` is negative when better;
    ``meaningful`` when it fell by at least ``threshold`` points."""

    first: AdlScore
    latest: AdlScore
    points: int
    meaningful: bool
    threshold: int
    threshold_text: str
    source: str


class Improvement(Record):
    phase: Phase | None
    window_from: dt.date | None
    window_to: dt.date | None
    adl: AdlChange | None
    text: str | None
    source: str | None


class Alert(Record):
    severity: Severity
    message: str
    source: str
    kind: AlertKind


class StatusResult(Record):
    """The answer of ``imuran status``; its fields are the ``--json`` document.

    ``blood_tests`` is the ``labs due`` answer as that command gives it, ``lab_flags``
    the flags of the latest test. ``missing`` maps a section to what would fill it.
    """

    today: dt.date
    doses: tuple[DoseLine, ...]
    treatment: Treatment
    improvement: Improvement
    blood_tests: LabsDueView | None
    pregnancy: "PregnancyResult | None"
    alerts: tuple[Alert, ...]
    sources: tuple[str, ...]
    has_profile: bool
    journal: bool
    lab_flags: tuple[LabFlagView, ...]
    missing: dict[str, str]


# ---------------------------------------------------------------- rules


def treatment_counts(started_on: dt.date, today: dt.date) -> tuple[int, int, int]:
    """Day, week and month of treatment on ``today`` (``started_on`` is day 1)."""
    day = (today - started_on).days + 1
    week = (day - 1) // _DAYS_IN_WEEK + 1
    month = whole_months_between(started_on, today) + 1
    return day, week, month


def improvement_window(started_on: dt.date, rules: StatusRules) -> tuple[dt.date, dt.date]:
    window = rules.improvement
    return add_months(started_on, window.from_months), add_months(started_on, window.to_months)


def improvement_phase(
    today: dt.date, window_from: dt.date, window_to: dt.date, stopped: bool
) -> Phase:
    if stopped:
        return "stopped"
    if today < window_from:
        return "too-early"
    if today <= window_to:
        return "window"
    return "past-window"


def adl_change(adl: AdlInput) -> AdlChange | None:
    """The change from the first to the latest score, as the journal computed it; None
    with a single score."""
    if adl.points is None or adl.meaningful is None:
        return None
    return AdlChange(
        first=adl.first,
        latest=adl.latest,
        points=adl.points,
        meaningful=adl.meaningful,
        threshold=adl.threshold,
        threshold_text=adl.threshold_text,
        source=adl.source,
    )


def _format(line: Line, **values: str) -> str:
    return line.text.format(**values)


def _phase_line(phase: Phase, rules: StatusRules) -> Line:
    phases = rules.phases
    return {
        "too-early": phases.too_early,
        "window": phases.window,
        "past-window": phases.past_window,
        "stopped": phases.stopped,
    }[phase]


def _dose_lines(now: dt.datetime, inputs: StatusInputs) -> tuple[DoseLine, ...]:
    """Today's doses with the time each was recorded, or its usual time and whether that
    time has passed."""
    if not inputs.journal:
        return ()
    records = {record.dose: record for record in inputs.dose_records}
    clock = now.time()
    lines: list[DoseLine] = []
    for slot in inputs.doses:
        usual = inputs.dose_times.get(slot.dose)
        at = usual.strftime("%H:%M") if usual is not None else None
        record = records.get(slot.dose)
        if slot.status in ("taken", "skipped"):
            state: DoseState = "taken" if slot.status == "taken" else "skipped"
            recorded_at = record.recorded_at if record is not None else None
            lines.append(DoseLine(slot.dose, state, slot.mg, recorded_at, at, False))
        else:
            late = usual is not None and clock > usual
            lines.append(DoseLine(slot.dose, "due", slot.mg, None, at, late))
    return tuple(lines)


def _severity(value: str) -> Severity:
    for severity in SEVERITY_ORDER:
        if value.lower() == severity:
            return severity
    return "info"


def _alerts(
    doses: tuple[DoseLine, ...], inputs: StatusInputs, rules: StatusRules, on_treatment: bool
) -> tuple[Alert, ...]:
    alerts: list[Alert] = []
    for medicine in inputs.medicines:
        for finding in medicine.findings:
            if _severity(finding.severity) == "urgent":
                message = f"{medicine.name}: {finding.message}"
                alerts.append(Alert("urgent", message, finding.source, "medicine"))
    for flag in inputs.latest_flags:
        alerts.append(Alert(_severity(flag.severity), flag.message, flag.source, "lab-result"))
    due = inputs.labs_due
    if on_treatment and due is not None and due.status == "overdue":
        by = f", due by {due.due_by.isoformat()}" if due.due_by is not None else ""
        days = due.days_overdue
        late = f" by {days} day{'' if days == 1 else 's'}" if days else ""
        message = f"Your blood test is overdue{late}{by}."
        alerts.append(Alert("caution", message, due.source, "blood-test"))
    for line in doses:
        if line.late and line.at is not None:
            text = rules.dose_past_time.text.format(dose=line.dose, at=line.at)
            alerts.append(Alert("info", text, rules.dose_past_time.source, "dose"))
    alerts.sort(key=lambda alert: SEVERITY_ORDER.index(alert.severity))
    return tuple(alerts)


def build_status(
    now: dt.datetime,
    profile: "Profile | None",
    rules: StatusRules,
    inputs: StatusInputs,
    pregnancy: "PregnancyResult | None",
) -> StatusResult:
    """The status of ``now``'s day. ``pregnancy`` is the answer of ``imuran pregnancy``
    when the profile says it is relevant, else None."""
    today = now.date()
    missing: dict[str, str] = {}
    prescription = profile.prescription if profile is not None else None
    started_on = prescription.started_on if prescription is not None else None
    stopped_on = prescription.stopped_on if prescription is not None else None
    on_treatment = (stopped_on is None) if profile is not None else None

    # Today: the doses the journal expects (on a day of the treatment) or holds.
    doses = _dose_lines(now, inputs) if profile is not None else ()
    expected = bool(on_treatment) and (started_on is None or started_on <= today)
    if profile is None:
        missing["today"] = HINT_PROFILE
    elif not inputs.journal and expected:
        missing["today"] = HINT_JOURNAL_DOSES

    # Treatment.
    day = week = month = None
    if started_on is not None and on_treatment and started_on <= today:
        day, week, month = treatment_counts(started_on, today)
    if profile is None:
        missing["treatment"] = HINT_PROFILE
    elif started_on is None:
        missing["treatment"] = HINT_STARTED_ON
    treatment = Treatment(started_on, stopped_on, on_treatment, day, week, month)

    # Is it working?
    window_from = window_to = None
    phase: Phase | None = None
    if started_on is not None:
        window_from, window_to = improvement_window(started_on, rules)
        phase = improvement_phase(today, window_from, window_to, stopped_on is not None)
    elif stopped_on is not None:
        phase = "stopped"
    text = source = None
    if phase is not None:
        line = _phase_line(phase, rules)
        text = _format(
            line,
            window_from=window_from.isoformat() if window_from else "",
            window_to=window_to.isoformat() if window_to else "",
            from_months=str(rules.improvement.from_months),
            to_months=str(rules.improvement.to_months),
        )
        source = line.source
    adl = adl_change(inputs.adl) if inputs.adl is not None else None
    if profile is None:
        missing["improvement"] = HINT_PROFILE
    elif phase is None:
        missing["improvement"] = HINT_STARTED_ON
    elif adl is None:
        missing["adl"] = HINT_ADL_FIRST if inputs.adl is None else HINT_ADL_SECOND
    improvement = Improvement(phase, window_from, window_to, adl, text, source)

    # Blood tests.
    if profile is None:
        missing["blood_tests"] = HINT_PROFILE
    elif inputs.labs_due is None:
        missing["blood_tests"] = HINT_LABS

    alerts = _alerts(doses, inputs, rules, bool(on_treatment))

    cited: list[str] = []
    if source is not None:
        cited.append(source)
    if adl is not None:
        cited.append(adl.source)
    if inputs.labs_due is not None and inputs.labs_due.status != NO_TEST:
        cited.append(inputs.labs_due.source)
    cited.extend(flag.source for flag in inputs.latest_flags)
    if pregnancy is not None:
        cited.append(pregnancy.headline_source)
    cited.extend(alert.source for alert in alerts)

    return StatusResult(
        today=today,
        doses=doses,
        treatment=treatment,
        improvement=improvement,
        blood_tests=inputs.labs_due,
        pregnancy=pregnancy,
        alerts=alerts,
        sources=tuple(dict.fromkeys(cited)),
        has_profile=profile is not None,
        journal=inputs.journal,
        lab_flags=tuple(inputs.latest_flags),
        missing=missing,
    )
