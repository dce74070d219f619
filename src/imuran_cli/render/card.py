"""The wallet card of ``imuran card``: plain text, markdown, and a card-sized HTML page.

The HTML page is two card-sized sides (ID-1, 85.6 x 54 mm, set with CSS ``@page``): the
front says who the person is and what they take; the back is for whoever treats them in an
emergency. No script, no external file; colour never carries meaning on its own.
"""

from __future__ import annotations

import textwrap

from imuran_cli.core.card import Card, CardMedicine, Finding
from imuran_cli.render.common import sources_line
from imuran_cli.render.html_page import document, esc

TITLE = "Medical card: myasthenia gravis"
EMERGENCY = "In an emergency"
_SEVERITY_ORDER = {"urgent": 0, "caution": 1, "info": 2}
_KIND_WORDS = {
    "interaction": "interacts with azathioprine",
    "mg-caution": "can worsen MG",
    "live-vaccine": "live vaccine",
}


def ranked(findings: tuple[Finding, ...]) -> list[Finding]:
    return sorted(findings, key=lambda f: _SEVERITY_ORDER.get(f.severity, len(_SEVERITY_ORDER)))


def medicine_label(medicine: CardMedicine) -> str:
    """``ciprofloxacin (URGENT: can worsen MG)``: the name, with its most severe finding.

    Information-only findings (such as corticosteroids, which treat MG) are not shown on
    the card: it has room only for what a clinician must ask about.
    """
    shown = [f for f in ranked(medicine.findings) if f.severity != "info"]
    if not shown:
        return medicine.name
    words = list(dict.fromkeys(_KIND_WORDS.get(f.kind, f.group) for f in shown))
    return f"{medicine.name} ({shown[0].severity.upper()}: {'; '.join(words)})"


def genetics_text(card: Card) -> str | None:
    """``TPMT: normal. NUDT15: intermediate.``, or None when neither result is known."""
    parts = [
        f"{gene}: {value}."
        for gene, value in (("TPMT", card.tpmt), ("NUDT15", card.nudt15))
        if value is not None
    ]
    return " ".join(parts) if parts else None


def medicines_text(card: Card) -> str:
    if not card.medicines:
        return "Other medicines: none recorded."
    return "Other medicines: " + "; ".join(medicine_label(m) for m in card.medicines) + "."


def worsen_text(card: Card) -> str:
    return f"{card.worsen_mg.text} Most important: {', '.join(card.worsen_mg_classes)}."


def neurologist_text(card: Card) -> str | None:
    parts = [part for part in (card.neurologist, card.neurologist_phone) if part]
    return f"Neurologist: {', '.join(parts)}" if parts else None


def emergency_text(card: Card) -> str | None:
    return f"Emergency contact: {card.emergency_contact}" if card.emergency_contact else None


def front(card: Card) -> list[str]:
    """The paragraphs of the front, in order."""
    paragraphs = [card.mg.text, card.azathioprine.text]
    genetics = genetics_text(card)
    if genetics:
        paragraphs.append(genetics)
    paragraphs += [medicines_text(card), card.tell.text]
    return paragraphs


def contacts(card: Card) -> list[str]:
    return [text for text in (neurologist_text(card), emergency_text(card)) if text]


def back(card: Card) -> list[str]:
    return [card.crisis.text, worsen_text(card), card.live_vaccines.text, card.anaesthesia.text]


def _fill(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)


def render_card_text(card: Card, width: int) -> str:
    lines = [TITLE.upper()]
    if card.name:
        lines.append(card.name)
    lines.append("")
    for paragraph in front(card):
        lines += _fill(paragraph, width)
    if contacts(card):
        lines.append("")
        for paragraph in contacts(card):
            lines += _fill(paragraph, width)
    lines += ["", EMERGENCY.upper()]
    for paragraph in back(card):
        lines += _fill(paragraph, width)
    lines += ["", *_fill(sources_line(card.sources), width)]
    return "\n".join(lines) + "\n"


def render_card_markdown(card: Card) -> str:
    lines = [f"# {TITLE}", ""]
    if card.name:
        lines += [f"**{_md(card.name)}**", ""]
    lines += [f"- {_md(paragraph)}" for paragraph in front(card)]
    if contacts(card):
        lines += ["", *(f"- {_md(paragraph)}" for paragraph in contacts(card))]
    lines += ["", f"## {EMERGENCY}", ""]
    lines += [f"- {_md(paragraph)}" for paragraph in back(card)]
    lines += ["", sources_line(card.sources)]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text from the person with markdown's special characters escaped."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


CARD_CSS = """
@page { size: 85.6mm 54mm; margin: 0; }
:root { --u: 1mm; }
@media screen {
  :root { --u: 1.6mm; }
  body { background: #e9e9e9; padding: 6mm; }
  .side { margin: 0 auto 6mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); }
}
* { box-sizing: border-box; }
html, body { margin: 0; }
body {
  font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
  color: #000;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.side {
  width: calc(85.6 * var(--u));
  /* At least a card's height; a longer side (many medicines) runs onto another page
     rather than hiding what does not fit. */
  min-height: calc(54 * var(--u));
  padding: calc(2.4 * var(--u)) calc(3 * var(--u));
  background: #fff;
  border: calc(0.25 * var(--u)) dashed #777;
  font-size: calc(2.25 * var(--u));
  line-height: 1.22;
  page-break-after: always;
  break-after: page;
}
.side:last-child { page-break-after: auto; break-after: auto; }
.band {
  margin: calc(-2.4 * var(--u)) calc(-3 * var(--u)) calc(1.2 * var(--u));
  padding: calc(0.9 * var(--u)) calc(3 * var(--u));
  background: #b00020;
  color: #fff;
  font-weight: bold;
  letter-spacing: 0.03em;
  font-size: calc(2.3 * var(--u));
}
.name { font-size: calc(2.9 * var(--u)); font-weight: bold; margin: 0 0 calc(0.6 * var(--u)); }
p { margin: 0 0 calc(0.7 * var(--u)); }
.key { font-weight: bold; }
.contacts { border-top: calc(0.2 * var(--u)) solid #000; padding-top: calc(0.6 * var(--u)); }
.crisis {
  font-weight: bold;
  border: calc(0.3 * var(--u)) solid #000;
  padding: calc(0.6 * var(--u));
}
.sources { font-size: calc(1.6 * var(--u)); color: #333; margin: 0; }
"""


def render_card_html(card: Card) -> str:
    """A self-contained page of two card-sized sides."""
    name = f'<p class="name">{esc(card.name)}</p>\n' if card.name else ""
    genetics = genetics_text(card)
    front_html = (
        '<section class="side front" aria-label="Front of the card">\n'
        '<div class="band">MEDICAL ALERT: MYASTHENIA GRAVIS</div>\n'
        f"{name}"
        f'<p class="key">{esc(card.mg.text)}</p>\n'
        f'<p class="key">{esc(card.azathioprine.text)}</p>\n'
        + (f"<p>{esc(genetics)}</p>\n" if genetics else "")
        + f"<p>{esc(medicines_text(card))}</p>\n"
        + f"<p>{esc(card.tell.text)}</p>\n"
        + (
            '<div class="contacts">\n'
            + "".join(f"<p>{esc(text)}</p>\n" for text in contacts(card))
            + "</div>\n"
            if contacts(card)
            else ""
        )
        + "</section>\n"
    )
    back_html = (
        '<section class="side back" aria-label="Back of the card">\n'
        '<div class="band">IN AN EMERGENCY</div>\n'
        f'<p class="crisis">{esc(card.crisis.text)}</p>\n'
        f"<p>{esc(worsen_text(card))}</p>\n"
        f"<p>{esc(card.live_vaccines.text)}</p>\n"
        f"<p>{esc(card.anaesthesia.text)}</p>\n"
        f'<p class="sources">{esc(sources_line(card.sources))}</p>\n'
        "</section>\n"
    )
    title = f"{TITLE}: {card.name}" if card.name else TITLE
    return document(title, CARD_CSS, "<main>\n" + front_html + back_html + "</main>")
