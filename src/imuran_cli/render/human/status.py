"""Human view of ``imuran status`` (and of ``imuran`` alone): plain text, no rich.

Short sections in the order of issue 11, each line at most 60 columns; states carry words
and marks (``✓ taken``, ``– skipped``, ``○ due``, ``URGENT``), never colour alone.
"""

from __future__ import annotations

from imuran_cli.core.status import (
    NO_TEST,
    AdlChange,
    DoseLine,
    Improvement,
    LabsDueView,
    StatusResult,
    Treatment,
)
from imuran_cli.core.units import format_number
from imuran_cli.render.common import NEUROLOGIST_FIRST, sources_line
from imuran_cli.render.human.pregnancy import cite, paragraph

INDENT = 2
MARKS = {"taken": "✓", "skipped": "–", "due": "○"}

WELCOME = (
    "imuran: a companion for people with myasthenia gravis who take azathioprine (Imuran).",
    "It informs; it does not prescribe. Your neurologist's instructions come first.",
    "To begin, save your details: imuran profile init",
    "Every command: imuran --help",
)


def welcome_text(width: int) -> str:
    """What ``imuran`` alone prints when there is no profile yet."""
    lines: list[str] = []
    for text in WELCOME:
        lines += paragraph(text, width)
    return "\n".join(lines) + "\n"


def _mg(mg: float | None) -> str:
    return f", {format_number(mg)} mg" if mg is not None else ""


def _dose_line(line: DoseLine) -> str:
    mark = MARKS[line.status]
    if line.status == "taken":
        when = f" at {line.recorded_at.strftime('%H:%M')}" if line.recorded_at else ""
        state = f"taken{when}"
    elif line.status == "skipped":
        state = "skipped"
    else:
        state = f"due at {line.at}" if line.at else "due"
        if line.late:
            state += ", time passed"
    return f"{mark} {line.dose}: {state}{_mg(line.mg)}"


def _today(result: StatusResult, width: int) -> list[str]:
    lines: list[str] = []
    if "today" in result.missing:
        return paragraph(result.missing["today"], width, indent=INDENT)
    if not result.doses and result.treatment.stopped_on is not None:
        stopped = result.treatment.stopped_on.isoformat()
        return paragraph(f"No doses: treatment stopped on {stopped}.", width, indent=INDENT)
    for line in result.doses:
        lines += paragraph(_dose_line(line), width, indent=INDENT)
    for alert in result.alerts:
        if alert.kind == "dose":
            lines += paragraph(cite(alert.message, [alert.source]), width, indent=INDENT)
    return lines or paragraph("No dose is due today.", width, indent=INDENT)


def _treatment(treatment: Treatment, missing: str | None, width: int) -> list[str]:
    if missing:
        return paragraph(missing, width, indent=INDENT)
    if treatment.stopped_on is not None:
        since = f" (started {treatment.started_on.isoformat()})" if treatment.started_on else ""
        text = f"Stopped on {treatment.stopped_on.isoformat()}{since}."
    elif treatment.day is None or treatment.started_on is None:
        text = "Not started yet."
    else:
        since = f"On azathioprine since {treatment.started_on.isoformat()}."
        counts = f"Day {treatment.day}, week {treatment.week}, month {treatment.month}."
        return [
            *paragraph(since, width, indent=INDENT),
            *paragraph(counts, width, indent=INDENT),
        ]
    return paragraph(text, width, indent=INDENT)


def adl_sentence(change: AdlChange) -> str:
    """``MG-ADL 9 (2026-02-20) to 6 (2026-11-20): 3 points better, meaningful.`` and the
    threshold's statement."""
    first, latest = change.first, change.latest
    size = abs(change.points)
    if change.points < 0:
        moved = f"{size} point{'' if size == 1 else 's'} better"
    elif change.points > 0:
        moved = f"{size} point{'' if size == 1 else 's'} worse"
    else:
        moved = "no change"
    verdict = "meaningful" if change.meaningful else "not yet meaningful"
    return (
        f"MG-ADL {first.total} ({first.date.isoformat()}) to {latest.total} "
        f"({latest.date.isoformat()}): {moved}, {verdict}. {change.threshold_text}"
    )


def _improvement(improvement: Improvement, missing: dict[str, str], width: int) -> list[str]:
    if "improvement" in missing:
        return paragraph(missing["improvement"], width, indent=INDENT)
    lines: list[str] = []
    window_matters = improvement.phase != "stopped"
    if window_matters and improvement.window_from and improvement.window_to:
        window = (
            f"Window: {improvement.window_from.isoformat()} to {improvement.window_to.isoformat()}."
        )
        lines += paragraph(window, width, indent=INDENT)
    if improvement.text is not None and improvement.source is not None:
        lines += paragraph(cite(improvement.text, [improvement.source]), width, indent=INDENT)
    if improvement.adl is not None:
        adl = cite(adl_sentence(improvement.adl), [improvement.adl.source])
        lines += paragraph(adl, width, indent=INDENT)
    elif "adl" in missing:
        lines += paragraph(missing["adl"], width, indent=INDENT)
    return lines


def labs_due_sentence(due: LabsDueView) -> str:
    """The answer of ``labs due`` in one sentence."""
    status = due.status
    if status == NO_TEST:
        return "No blood test recorded yet: imuran labs add records one."
    if status == "not-on-treatment":
        return "No further blood tests due: treatment stopped."
    due_from = due.due_from.isoformat() if due.due_from else None
    due_by = due.due_by.isoformat() if due.due_by else None
    if status == "not-due":
        span = due_from if due_from == due_by or due_by is None else f"{due_from} to {due_by}"
        return f"Next blood test due {span}."
    if status == "due":
        return f"A blood test is due now, by {due_by}." if due_by else "A blood test is due now."
    if status == "overdue":
        days = due.days_overdue or 0
        late = f"{days} day{'' if days == 1 else 's'}"
        return f"Your blood test is {late} overdue (due by {due_by})."
    return f"Blood tests: {status}."


def _blood_tests(result: StatusResult, width: int) -> list[str]:
    if "blood_tests" in result.missing or result.blood_tests is None:
        hint = result.missing.get("blood_tests", "No blood test data.")
        return paragraph(hint, width, indent=INDENT)
    due = result.blood_tests
    sentence = labs_due_sentence(due)
    # A date or a rule is cited; "no test recorded yet" states no rule.
    text = sentence if due.status == NO_TEST else cite(sentence, [due.source])
    lines = paragraph(text, width, indent=INDENT)
    for flag in result.lab_flags:
        text = f"{flag.severity.upper()}: {flag.message}"
        lines += paragraph(cite(text, [flag.source]), width, indent=INDENT)
    return lines


def _alerts(result: StatusResult, width: int) -> list[str]:
    if not result.alerts:
        return paragraph("None today.", width, indent=INDENT)
    lines: list[str] = []
    for alert in result.alerts:
        text = cite(f"{alert.severity.upper()}: {alert.message}", [alert.source])
        lines += paragraph(text, width, indent=INDENT)
    return lines


def status_text(result: StatusResult, width: int) -> str:
    """Every section of the status, then the sources line and the neurologist line."""
    lines = [f"Status on {result.today.isoformat()}", ""]
    lines += ["Today", *_today(result, width), ""]
    missing_treatment = result.missing.get("treatment")
    lines += ["Treatment", *_treatment(result.treatment, missing_treatment, width), ""]
    lines += ["Is it working?", *_improvement(result.improvement, result.missing, width), ""]
    lines += ["Blood tests", *_blood_tests(result, width), ""]
    if result.pregnancy is not None:
        pregnancy = result.pregnancy
        line = cite(f"{pregnancy.headline} More: imuran pregnancy", [pregnancy.headline_source])
        lines += ["Pregnancy", *paragraph(line, width, indent=INDENT), ""]
    lines += ["Alerts", *_alerts(result, width), ""]
    if result.sources:
        lines += paragraph(sources_line(result.sources), width)
    lines += paragraph(NEUROLOGIST_FIRST, width)
    return "\n".join(lines) + "\n"
