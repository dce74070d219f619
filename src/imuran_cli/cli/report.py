"""`imuran report`: the record to show the neurologist (HTML, markdown or FHIR R4)."""

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from imuran_cli.cli.export_output import OutputOpt, max_mg_per_kg_for, write_export
from imuran_cli.cli.runtime import Runtime, command_session

if TYPE_CHECKING:
    from imuran_cli.core.labs import LabTest
    from imuran_cli.core.profile import Profile
    from imuran_cli.core.report import ReportInputs
    from imuran_cli.core.status import StatusResult
    from imuran_cli.knowledge.labs import Labs


class ReportFormat(StrEnum):
    html = "html"
    markdown = "markdown"
    fhir = "fhir"


def report(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="First day covered (default: 6 months ago), e.g. 2026-06-01.",
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option("--format", help="html (to view or print), markdown, or fhir (FHIR R4 JSON)."),
    ] = ReportFormat.html,
    output: OutputOpt = None,
) -> None:
    """A report for your neurologist.

    From --since to today.

    Your dose and medicines (with what imuran check says), the
    leaflet's timeline, doses taken by month, MG-ADL scores with
    a chart, and blood tests with their flags and charts. HTML
    is one self-contained page that prints on A4 or Letter;
    FHIR is an R4 Bundle for health records.

    Example:

    \b
        imuran report --output report.html
        imuran report --since 2026-01-01 --format markdown
        imuran report --format fhir --output report.json
    """
    with command_session(ctx) as rt:
        from imuran_cli.core.report import build_report, default_since
        from imuran_cli.knowledge.exports import load_exports
        from imuran_cli.knowledge.labs import load_labs

        exports = load_exports()
        if since is None:
            first_day = default_since(rt.today, exports.report.default_since_months)
        else:
            from imuran_cli.core.days import parse_day

            first_day = parse_day(since, rt.today, "--since").day
        profile = rt.load_profile()
        labs = load_labs()
        result = build_report(
            profile=profile,
            limits=rt.limits(),
            max_mg_per_kg=max_mg_per_kg_for(profile),
            labs=labs,
            since=first_day,
            now=rt.now,
            profile_key=str(rt.profile_path),
            inputs=_inputs(rt, profile, first_day, labs, output_format),
        )
        if output_format is ReportFormat.fhir:
            from imuran_cli.render.report_fhir import render_report_fhir

            text = render_report_fhir(result, labs, exports.fhir)
        elif output_format is ReportFormat.markdown:
            from imuran_cli.render.report_markdown import render_report_markdown

            text = render_report_markdown(result, labs)
        else:
            from imuran_cli.render.report_html import render_report_html

            text = render_report_html(result, labs)
        write_export(text.encode("utf-8"), output, "the report")


def _inputs(
    rt: Runtime, profile: "Profile | None", since: dt.date, labs: "Labs", fmt: ReportFormat
) -> "ReportInputs":
    """What the report reads from the journal (one connection) and the other commands'
    results: what its format shows. HTML and markdown show the timeline (from ``status``)
    and the adherence by month (from ``history``), not each dose; FHIR lists each dose
    taken, and has neither a timeline nor adherence, so neither is worked out for it."""
    from imuran_cli.cli._journal import reading_journal
    from imuran_cli.cli.export_inputs import (
        adherence_by_month,
        adl_data,
        doses_taken,
        lab_tests,
        medicine_checks,
    )
    from imuran_cli.core.report import ReportInputs

    with reading_journal(rt) as journal:
        tests = lab_tests(journal)
        if profile is None:
            return ReportInputs(journal=journal is not None, lab_tests=tests)
        fhir = fmt is ReportFormat.fhir
        status = None if fhir else _status(rt, profile, tests, labs, journal=journal is not None)
        adherence, adherence_from = (
            ((), None) if fhir else adherence_by_month(journal, rt, profile, since)
        )
        taken = doses_taken(journal, since, rt.today) if fhir else ()
        scores, scale = adl_data(journal)
    return ReportInputs(
        journal=journal is not None,
        adherence=adherence,
        adherence_from=adherence_from,
        doses_taken=taken,
        adl_scores=scores,
        adl_scale=scale,
        lab_tests=tests,
        lab_limits=_lab_limits(profile) if tests else {},
        status=status,
        medicines=medicine_checks(rt, profile),
    )


def _status(
    rt: Runtime, profile: "Profile", tests: "tuple[LabTest, ...]", labs: "Labs", *, journal: bool
) -> "StatusResult":
    """``imuran status``'s answer, for the timeline: its treatment counts and improvement
    window, and the answer of ``labs due`` for the tests this report read."""
    from imuran_cli.core.lab_due import next_test_due
    from imuran_cli.core.status import StatusInputs, build_status
    from imuran_cli.knowledge.status import load_status

    last = max((test.date for test in tests), default=None)
    due = next_test_due(profile, last, rt.today, labs)
    inputs = StatusInputs(journal=journal, labs_due=due)
    return build_status(rt.now, profile, load_status(), inputs, None)


def _lab_limits(profile: "Profile") -> dict[str, float]:
    """The clinic's own limits of the profile, as ``labs list`` reads them."""
    from imuran_cli.core.labs import profile_lab_limits

    return dict(profile_lab_limits(profile))
