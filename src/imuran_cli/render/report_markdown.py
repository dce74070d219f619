"""The report as markdown: the sections of the HTML report, with text tables for the charts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from imuran_cli.core.report import Report
from imuran_cli.render import report_common as common

if TYPE_CHECKING:
    from imuran_cli.knowledge.labs import Labs


def _cell(text: str) -> str:
    for char in "\\|`*_[]<>":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(_cell(h) for h in header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def render_report_markdown(report: Report, labs: Labs) -> str:
    titles = common.SECTION_TITLES
    out = [f"# {common.TITLE}", ""]
    if report.summary.name:
        out += [f"**{_cell(report.summary.name)}**", ""]
    out += [f"Period: {common.period(report)}", ""]

    out += [f"## {titles['summary']}", ""]
    out += table(["", ""], common.summary_rows(report))
    out.append("")
    medicines = common.medicine_rows(report.summary.medicines)
    out += ["### Other medicines", ""]
    out += table(["Medicine", "imuran check"], medicines) if medicines else ["None recorded."]
    out.append("")

    out += [f"## {titles['timeline']}", ""]
    if report.timeline:
        out += table(
            ["Date", "What"], [[common.timeline_date(e), e.label] for e in report.timeline]
        )
        out.append("")
    if report.phase_text:
        out += [f"{_cell(report.phase_text)} (source: {report.phase_source})", ""]
    if "timeline" in report.missing:
        out += [report.missing["timeline"], ""]

    out += [f"## {titles['adherence']}", ""]
    if "adherence" in report.missing:
        out += [report.missing["adherence"], ""]
    else:
        rows = [common.adherence_row(m) for m in report.adherence]
        total = common.adherence_total_row(report)
        out += table(common.ADHERENCE_HEADER, rows + ([total] if total else []))
        out.append("")
        note = common.adherence_note(report)
        if note:
            out += [note, ""]

    out += [f"## {titles['adl']}", "", common.ADL_EXPLAINED, ""]
    if "adl" in report.missing:
        out += [report.missing["adl"], ""]
    else:
        out += table(common.adl_header(report), [common.adl_row(r) for r in report.adl])
        out.append("")
        change = common.adl_change_text(report)
        if change:
            source = f" (source: {report.adl_change.source})" if report.adl_change else ""
            out += [_cell(change) + source, ""]

    out += [f"## {titles['blood_tests']}", ""]
    if "blood_tests" in report.missing:
        out += [report.missing["blood_tests"], ""]
    else:
        columns = common.lab_columns(report, labs)
        out += table(
            common.lab_header(columns, labs), [common.lab_row(v, columns) for v in report.lab_tests]
        )
        out.append("")
        flags = common.flag_lines(report)
        out += [f"- {_cell(line)}" for line in flags] + ([""] if flags else [])

    out += common.closing_lines(report)
    return "\n".join(out) + "\n"
