"""What the three views of the report share: titles, labels, cell texts, the last line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from imuran_cli import __version__
from imuran_cli.core.card import CardMedicine
from imuran_cli.core.report import AdlRecord, MonthAdherence, Report, TimelineEntry
from imuran_cli.core.units import format_number
from imuran_cli.render.card import ranked
from imuran_cli.render.common import NEUROLOGIST_FIRST, sources_line

if TYPE_CHECKING:
    from imuran_cli.core.labs import Flag, TestView
    from imuran_cli.knowledge.labs import Labs

TITLE = "Myasthenia gravis on azathioprine (Imuran): treatment report"
NOT_ADVICE = "This report is not medical advice."
SECTION_TITLES = {
    "summary": "Summary",
    "timeline": "Timeline",
    "adherence": "Doses taken, by month",
    "adl": "MG-ADL scores",
    "blood_tests": "Blood tests",
    "blood_charts": "Blood tests over time",
}
ADL_LABELS = {
    "talking": "Talking",
    "chewing": "Chewing",
    "swallowing": "Swallowing",
    "breathing": "Breathing",
    "hygiene": "Teeth/hair",
    "chair": "Chair",
    "double_vision": "Double vision",
    "eyelids": "Eyelids",
}
ADL_EXPLAINED = (
    "MG-ADL: 8 everyday activities, each scored 0 to 3 by the patient; total 0 to 24, "
    "higher is worse."
)
_SCHEDULES = {"once": "once a day", "split": "split: morning and later"}
_GENOTYPE = {"possible-intermediate": "possible intermediate"}


def period(report: Report) -> str:
    return f"{report.since.isoformat()} to {report.until.isoformat()}"


def last_line(report: Report) -> str:
    """The last line of every format: what the report is made from, and that it is not advice."""
    stamp = report.generated_at.replace(microsecond=0).isoformat()
    source = "the profile and the treatment journal" if report.journal else "the profile"
    return (
        f"Made by imuran {__version__} on {stamp} from {source} kept on this computer, "
        f"covering {period(report)}. {NOT_ADVICE}"
    )


def summary_rows(report: Report) -> list[tuple[str, str]]:
    summary = report.summary
    rows: list[tuple[str, str]] = []
    rows.append(("Daily dose", summary.dose or "not in the profile"))
    rows.append(("Schedule", _SCHEDULES.get(summary.schedule, summary.schedule)))
    split = "may be halved" if summary.tablets_split else "not split"
    rows.append(("Tablets", f"{summary.tablet_mg} mg ({split})"))
    if summary.started_on is not None:
        started = summary.started_on.isoformat()
        if summary.treatment_month is not None:
            started += f" (now in month {summary.treatment_month})"
        rows.append(("Started on", started))
    else:
        rows.append(("Started on", "not in the profile"))
    if summary.stopped_on is not None:
        rows.append(("Stopped on", summary.stopped_on.isoformat()))
    rows.append(("TPMT", _GENOTYPE.get(summary.tpmt, summary.tpmt)))
    rows.append(("NUDT15", _GENOTYPE.get(summary.nudt15, summary.nudt15)))
    return rows


def medicine_rows(medicines: Iterable[CardMedicine]) -> list[tuple[str, str]]:
    """(medicine as written, what ``imuran check`` says), most severe finding first."""
    rows = []
    for medicine in medicines:
        if medicine.findings:
            found = "; ".join(
                f"{finding.severity.upper()}: {finding.message} (source: {finding.source})"
                for finding in ranked(medicine.findings)
            )
        elif medicine.note:
            found = medicine.note
        else:
            found = "not checked" if medicine.known is None else "no warning listed"
        rows.append((medicine.name, found))
    return rows


def timeline_date(entry: TimelineEntry) -> str:
    if entry.until is not None:
        return f"{entry.date.isoformat()} to {entry.until.isoformat()}"
    return entry.date.isoformat()


def adherence_row(month: MonthAdherence) -> list[str]:
    percent = "–" if month.percent is None else f"{format_number(month.percent)}%"
    return [
        month.month,
        str(month.expected),
        str(month.taken),
        str(month.skipped),
        str(month.missing),
        percent,
    ]


def adherence_note(report: Report) -> str | None:
    """When the journal begins after the period does: where counting starts."""
    if report.adherence_from is None:
        return None
    return (
        f"Counted from {report.adherence_from.isoformat()}, the first dose recorded in the journal."
    )


ADHERENCE_HEADER = ["Month", "Expected", "Taken", "Skipped", "Missing", "Taken %"]


def adherence_total_row(report: Report) -> list[str] | None:
    total = report.adherence_total
    if total is None:
        return None
    percent = (
        "–"
        if total.expected == 0
        else f"{format_number(round(100 * total.taken / total.expected, 1))}%"
    )
    return [
        "All",
        str(total.expected),
        str(total.taken),
        str(total.skipped),
        str(total.missing),
        percent,
    ]


def adl_header(report: Report) -> list[str]:
    keys = [key for key, _ in report.adl[0].items] if report.adl else list(ADL_LABELS)
    return ["Date", "Total", *(ADL_LABELS.get(key, key) for key in keys)]


def adl_row(record: AdlRecord) -> list[str]:
    return [record.date.isoformat(), str(record.total), *(str(v) for _, v in record.items)]


def adl_change_text(report: Report) -> str | None:
    change = report.adl_change
    if change is None:
        return None
    points = f"{change.points:+d}" if change.points else "0"
    verdict = (
        f"a meaningful improvement (a fall of {change.threshold} points or more)"
        if change.meaningful
        else f"short of the fall of {change.threshold} points or more of a meaningful improvement"
    )
    return (
        f"Change from {change.first.date.isoformat()} ({change.first.total}) to "
        f"{change.latest.date.isoformat()} ({change.latest.total}): {points} points, {verdict}."
    )


def lab_columns(report: Report, labs: Labs) -> list[str]:
    """The tests with a value in the period, in the order of the knowledge file."""
    present = {name for view in report.lab_tests for name in view.values}
    return [info.name for info in labs.tests if info.name in present]


def lab_header(columns: list[str], labs: Labs) -> list[str]:
    return [
        "Date",
        *(f"{labs.test(name).label} ({labs.test(name).unit})" for name in columns),
    ]


def flag_word(flag: Flag) -> str:
    return f"{flag.severity.upper()} {flag.direction}"


def lab_cell(view: TestView, name: str) -> str:
    if name not in view.values:
        return ""
    text = format_number(view.values[name])
    flag = next((f for f in view.flags if f.test == name), None)
    return f"{text} {flag_word(flag)}" if flag is not None else text


def lab_row(view: TestView, columns: list[str]) -> list[str]:
    return [view.date.isoformat(), *(lab_cell(view, name) for name in columns)]


def flag_lines(report: Report) -> list[str]:
    """Each flagged value and each falling trend, with the message and source of ``labs``."""
    lines = [
        f"{view.date.isoformat()}: {flag.severity.upper()}: {flag.message} (source: {flag.source})"
        for view in report.lab_tests
        for flag in view.flags
    ]
    lines += [
        f"{trend.severity.upper()}: {trend.message} (sources: {', '.join(trend.sources)})"
        for trend in report.lab_trends
    ]
    return lines


def closing_lines(report: Report) -> list[str]:
    """The sources line, the neurologist line, and the last line."""
    ids = report.sources or ("LEAFLET",)
    return [sources_line(ids), NEUROLOGIST_FIRST, last_line(report)]
