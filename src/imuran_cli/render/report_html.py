"""The report as one self-contained HTML page: inline CSS and SVG charts, no script.

Readable on screen, and printed on A4 or Letter (the page size is the printer's): each
``section.page`` starts a new sheet. Every chart is an inline SVG with a title and a
description, followed by a table of the same values for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from imuran_cli.core.report import Report
from imuran_cli.core.units import format_number
from imuran_cli.render import report_common as common
from imuran_cli.render.html_page import document, esc
from imuran_cli.render.svg_chart import CHART_CSS, Limit, Point, line_chart

if TYPE_CHECKING:
    from imuran_cli.core.labs import LabChart
    from imuran_cli.knowledge.labs import Labs

ADL_MAX = 24
ADL_TICKS = (0, 6, 12, 18, 24)

REPORT_CSS = (
    """
@page { margin: 14mm 13mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
  font-size: 10.5pt;
  line-height: 1.4;
  color: #111;
  margin: 0 auto;
  max-width: 180mm;
}
@media screen { body { padding: 8mm 6mm; } }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; border-bottom: 1.5pt solid #1f4e8c; padding-bottom: 1mm; margin: 0 0 3mm; }
h3 { font-size: 11pt; margin: 4mm 0 2mm; }
p { margin: 0 0 2mm; }
.period { color: #333; margin-bottom: 5mm; }
section { margin-bottom: 6mm; }
section.page { break-before: page; page-break-before: always; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; font-size: 9.5pt; }
th, td { border: 0.75pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
td.num, th.num { text-align: right; }
td:first-child { white-space: nowrap; }
table.compact { font-size: 8.5pt; }
table.compact th, table.compact td { padding: 0.8mm 1mm; }
thead { display: table-header-group; }
tr, figure { break-inside: avoid; page-break-inside: avoid; }
table.facts th { width: 32%; }
.flag { font-weight: bold; }
.urgent { color: #b00020; }
.caution { color: #8a5a00; }
.missing { font-style: italic; color: #333; }
ul.flags { padding-left: 5mm; margin: 0 0 3mm; }
ul.flags li { margin-bottom: 1mm; }
.charts { display: flex; flex-wrap: wrap; gap: 3mm 6mm; }
figure { margin: 0; width: calc(50% - 3mm); }
figure.wide { width: 70%; }
figcaption { font-size: 9.5pt; font-weight: bold; margin-bottom: 1mm; }
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
}
footer {
  margin-top: 6mm; font-size: 9pt; color: #222;
  border-top: 0.75pt solid #999; padding-top: 2mm;
}
"""
    + CHART_CSS
)


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    caption: str | None = None,
    css: str = "",
    numeric_from: int | None = None,
) -> str:
    def cls(index: int) -> str:
        return ' class="num"' if numeric_from is not None and index >= numeric_from else ""

    parts = [f"<table{f' class={chr(34)}{css}{chr(34)}' if css else ''}>"]
    if caption:
        parts.append(f'<caption class="sr-only">{esc(caption)}</caption>')
    parts.append(
        "<thead><tr>"
        + "".join(f'<th scope="col"{cls(i)}>{esc(h)}</th>' for i, h in enumerate(header))
        + "</tr></thead>"
    )
    parts.append("<tbody>")
    for row in rows:
        parts.append(
            "<tr>" + "".join(f"<td{cls(i)}>{_cell(c)}</td>" for i, c in enumerate(row)) + "</tr>"
        )
    parts.append("</tbody></table>")
    return "\n".join(parts)


def _cell(text: str) -> str:
    """A cell's text; a flag word (URGENT, CAUTION) is set in bold, never in colour alone."""
    for word, css in (("URGENT", "urgent"), ("CAUTION", "caution")):
        if word in text:
            escaped = esc(text)
            return escaped.replace(word, f'<span class="flag {css}">{word}</span>')
    return esc(text)


def _facts(rows: Sequence[tuple[str, str]]) -> str:
    body = "".join(
        f'<tr><th scope="row">{esc(key)}</th><td>{_cell(value)}</td></tr>' for key, value in rows
    )
    return f'<table class="facts"><tbody>{body}</tbody></table>'


def _missing(text: str) -> str:
    return f'<p class="missing">{esc(text)}</p>'


def _section(key: str, body: str, *, new_page: bool) -> str:
    css = ' class="page"' if new_page else ""
    return (
        f'<section id="{key.replace("_", "-")}"{css}>\n'
        f"<h2>{esc(common.SECTION_TITLES[key])}</h2>\n{body}\n</section>"
    )


def _adl_chart(report: Report) -> str:
    points = [Point(record.date, record.total) for record in report.adl]
    chart = line_chart(
        title="MG-ADL total over time",
        description=(
            f"MG-ADL totals from {report.adl[0].date.isoformat()} to "
            f"{report.adl[-1].date.isoformat()}, on a scale of 0 to {ADL_MAX}; "
            "the values are in the table below."
        ),
        points=points,
        unit="points",
        y_floor=0,
        y_ceiling=ADL_MAX,
        y_ticks=ADL_TICKS,
    )
    caption = f"MG-ADL total (0 to {ADL_MAX}, higher is worse)"
    return f'<figure class="wide"><figcaption>{caption}</figcaption>\n{chart}\n</figure>'


def _lab_chart(graph: LabChart, report: Report) -> str:
    flagged = {(view.date, flag.test) for view in report.lab_tests for flag in view.flags}
    points = [Point(p.date, p.value, (p.date, graph.test) in flagged) for p in graph.points]
    limits = [
        Limit(
            limit.value,
            f"{limit.direction} limit {format_number(limit.value)}"
            + (" (clinic)" if limit.limit_source == "profile" else ""),
        )
        for limit in graph.limits
    ]
    title = f"{graph.label} ({graph.unit})"
    svg = line_chart(
        title=f"{graph.label} over time",
        description=(
            f"{graph.label} in {graph.unit}, {len(points)} results"
            + (f", with {len(limits)} limit line(s)" if limits else "")
            + "; the values are in the table that follows."
        ),
        points=points,
        unit=graph.unit,
        limits=limits,
        y_floor=0,
    )
    alt = _table(
        ["Date", title],
        [
            [p.date.isoformat(), format_number(p.value) + (" (past a limit)" if pt.flagged else "")]
            for p, pt in zip(graph.points, points, strict=True)
        ],
        caption=f"{graph.label}: the values of the chart",
        css="sr-only",
    )
    return f"<figure><figcaption>{esc(title)}</figcaption>\n{svg}\n{alt}\n</figure>"


def render_report_html(report: Report, labs: Labs) -> str:
    sections: list[str] = []
    summary = _facts(common.summary_rows(report))
    medicines = common.medicine_rows(report.summary.medicines)
    summary += "\n<h3>Other medicines</h3>\n" + (
        _table(["Medicine (as written)", "imuran check"], medicines)
        if medicines
        else _missing("None recorded.")
    )
    sections.append(_section("summary", summary, new_page=False))

    timeline = ""
    if report.timeline:
        timeline += _table(
            ["Date", "What"], [[common.timeline_date(e), e.label] for e in report.timeline]
        )
    if report.phase_text:
        timeline += f"\n<p>{esc(report.phase_text)} (source: {esc(report.phase_source or '')})</p>"
    if "timeline" in report.missing:
        timeline += _missing(report.missing["timeline"])
    sections.append(_section("timeline", timeline, new_page=False))

    if "adherence" in report.missing:
        adherence = _missing(report.missing["adherence"])
    else:
        rows = [common.adherence_row(m) for m in report.adherence]
        total = common.adherence_total_row(report)
        adherence = _table(
            common.ADHERENCE_HEADER, rows + ([total] if total else []), numeric_from=1
        )
        note = common.adherence_note(report)
        if note:
            adherence += f"\n<p>{esc(note)}</p>"
    sections.append(_section("adherence", adherence, new_page=True))

    adl = f"<p>{esc(common.ADL_EXPLAINED)}</p>\n"
    if "adl" in report.missing:
        adl += _missing(report.missing["adl"])
    else:
        adl += _adl_chart(report) + "\n"
        adl += _table(
            common.adl_header(report),
            [common.adl_row(r) for r in report.adl],
            caption="MG-ADL scores: the values of the chart, with each item",
            css="compact",
            numeric_from=1,
        )
        change = common.adl_change_text(report)
        if change and report.adl_change is not None:
            adl += f"\n<p>{esc(change)} (source: {esc(report.adl_change.source)})</p>"
    sections.append(_section("adl", adl, new_page=True))

    if "blood_tests" in report.missing:
        blood = _missing(report.missing["blood_tests"])
        sections.append(_section("blood_tests", blood, new_page=True))
    else:
        columns = common.lab_columns(report, labs)
        blood = _table(
            common.lab_header(columns, labs),
            [common.lab_row(v, columns) for v in report.lab_tests],
            css="compact",
            numeric_from=1,
        )
        flags = common.flag_lines(report)
        if flags:
            blood += (
                '\n<ul class="flags">' + "".join(f"<li>{_cell(f)}</li>" for f in flags) + "</ul>"
            )
        sections.append(_section("blood_tests", blood, new_page=True))
        charts = (
            '<div class="charts">\n'
            + "\n".join(_lab_chart(graph, report) for graph in report.lab_charts if graph.points)
            + "\n</div>"
        )
        sections.append(_section("blood_charts", charts, new_page=True))

    closing = common.closing_lines(report)
    footer = "<footer>\n" + "".join(f"<p>{esc(line)}</p>\n" for line in closing) + "</footer>"
    header = (
        f"<header>\n<h1>{esc(common.TITLE)}</h1>\n"
        + (f"<p><strong>{esc(report.summary.name)}</strong></p>\n" if report.summary.name else "")
        + f'<p class="period">Period: {esc(common.period(report))}</p>\n</header>'
    )
    body = "<main>\n" + header + "\n" + "\n".join(sections) + "\n" + footer + "\n</main>"
    return document(common.TITLE, REPORT_CSS, body)


def page_count(report: Report) -> int:
    """The sheets the report prints on when each section fits one: a test reads this."""
    return 1 + 3 + (0 if "blood_tests" in report.missing else 1)
