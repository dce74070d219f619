"""The HTML exports in a real browser: headless Chromium (Debian's package).

Each page loads with no console error and no request for anything but itself; a
screenshot is saved to ``build/browser/`` (or ``$IMURAN_SCREENSHOTS``) for a person to look
at; Chromium's ``--print-to-pdf`` makes a PDF whose pages ``pdfinfo`` counts: the card
prints on two card-sized pages, the report on one sheet per section, on A4 and on Letter.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from imuran_cli.render.report_html import page_count, render_report_html
from tests import report_fixture as fx
from tests.browser import find_chromium, find_pdfinfo, load_page, pdf_info, print_to_pdf, with_paper
from tests.golden.golden import PROFILE, seed_journal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        find_chromium() is None,
        reason="chromium is not installed (.ci/run installs it: apt-get install -y chromium)",
    ),
]
needs_pdfinfo = pytest.mark.skipif(
    find_pdfinfo() is None,
    reason="pdfinfo is not installed (.ci/run installs it: apt-get install -y poppler-utils)",
)

ROOT = Path(__file__).parent.parent
PT_PER_MM = 72 / 25.4
PAPERS = {"A4": (210.0, 297.0), "letter": (215.9, 279.4)}


def screenshots() -> Path:
    folder = Path(os.environ.get("IMURAN_SCREENSHOTS") or ROOT / "build" / "browser")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def check_loads_cleanly(page: Path, name: str) -> None:
    load = load_page(page)
    assert load.errors == [], load.errors
    assert load.other_requests == [], load.other_requests
    assert load.requests == [load.url]
    assert load.screenshot.startswith(b"\x89PNG")
    (screenshots() / f"{name}.png").write_bytes(load.screenshot)


def test_the_harness_sees_a_request_and_a_console_error(tmp_path: Path):
    """Guard: a page that loads a remote image and logs an error is caught (no traffic
    leaves: DNS is mapped to nothing)."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><body><img src="http://example.invalid/x.png">'
        '<script>console.error("boom")</script></body></html>'
    )
    load = load_page(page)
    assert load.other_requests == ["http://example.invalid/x.png"]
    assert "boom" in load.errors


@pytest.fixture
def card_page(cli, write_profile, tmp_path: Path) -> Path:
    write_profile(PROFILE)
    page = tmp_path / "card.html"
    assert cli("card", "--format", "html", "--output", str(page)).exit_code == 0
    return page


def test_card_loads_cleanly(card_page: Path):
    check_loads_cleanly(card_page, "card")


@needs_pdfinfo
def test_card_prints_on_two_card_sized_pages(card_page: Path, tmp_path: Path):
    pdf = tmp_path / "card.pdf"
    print_to_pdf(card_page, pdf)
    info = pdf_info(pdf)
    assert info.pages == 2
    assert info.width_pt == pytest.approx(85.6 * PT_PER_MM, abs=1.5)
    assert info.height_pt == pytest.approx(54 * PT_PER_MM, abs=1.5)


@pytest.fixture
def report_page(tmp_path: Path) -> Path:
    page = tmp_path / "report.html"
    page.write_text(render_report_html(fx.full_report(), fx.LABS), encoding="utf-8")
    return page


def test_report_loads_cleanly(report_page: Path):
    check_loads_cleanly(report_page, "report")


@needs_pdfinfo
@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_report_prints_one_sheet_per_section(report_page: Path, tmp_path: Path, paper: str):
    sized = tmp_path / f"report-{paper}.html"
    sized.write_text(with_paper(report_page.read_text(encoding="utf-8"), paper), encoding="utf-8")
    pdf = tmp_path / f"report-{paper}.pdf"
    print_to_pdf(sized, pdf)
    info = pdf_info(pdf)
    width, height = PAPERS[paper]
    assert info.width_pt == pytest.approx(width * PT_PER_MM, abs=1.5)
    assert info.height_pt == pytest.approx(height * PT_PER_MM, abs=1.5)
    assert info.pages == page_count(fx.full_report()) == 5


@needs_pdfinfo
def test_report_without_journal_data_prints_four_sheets(cli, write_profile, tmp_path: Path):
    write_profile(PROFILE)
    page = tmp_path / "report.html"
    assert cli("report", "--output", str(page)).exit_code == 0
    check_loads_cleanly(page, "report-profile-only")
    pdf = tmp_path / "report.pdf"
    print_to_pdf(page, pdf)
    assert pdf_info(pdf).pages == 4


@needs_pdfinfo
def test_report_from_the_golden_journal(cli, write_profile, tmp_path: Path):
    """The report as the command writes it from a real journal: every section filled."""
    write_profile(PROFILE)
    seed_journal(cli)
    page = tmp_path / "report.html"
    assert cli("report", "--output", str(page)).exit_code == 0
    check_loads_cleanly(page, "report-journal")
    for paper in sorted(PAPERS):
        sized = tmp_path / f"report-{paper}.html"
        sized.write_text(with_paper(page.read_text(encoding="utf-8"), paper), encoding="utf-8")
        pdf = tmp_path / f"report-{paper}.pdf"
        print_to_pdf(sized, pdf)
        assert pdf_info(pdf).pages == 5, paper
