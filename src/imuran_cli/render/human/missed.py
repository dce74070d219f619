"""Human view of ``imuran missed``."""

from __future__ import annotations

import textwrap

from imuran_cli.core.missed import MissedResult, when_phrase
from imuran_cli.core.units import format_number
from imuran_cli.render.common import NEUROLOGIST_FIRST, sources_line, tablets_word
from imuran_cli.render.plain import TextOut


def _amount(mg: float, tablets: float) -> str:
    return f"{format_number(mg)} mg ({tablets_word(tablets)})"


def _say(out: TextOut, text: str, *, bold: bool = False, hang: str = "") -> None:
    """Print ``text`` wrapped at word boundaries to the output width, no trailing spaces.

    Continuation lines start with ``hang`` (to sit under a ``CAUTION:`` label's text).
    """
    lines = textwrap.wrap(text, width=out.width, subsequent_indent=hang, break_on_hyphens=False)
    for line in lines:
        out.line(line, bold=bold)


def render_missed(result: MissedResult, out: TextOut) -> None:
    """Headline, reason, amounts, the other advice, the sources line, the neurologist line."""
    _say(out, result.headline, bold=True)
    _say(out, result.reason)
    which = f"the {result.dose} dose" if result.schedule == "split" else "the dose"
    _say(out, f"Missed: {which} of {result.missed_on.isoformat()}.")
    if result.take_now is not None:
        _say(out, f"Take now: {_amount(result.take_now.mg, result.take_now.tablets)}.")
    slot = result.next_regular
    next_line = f"Next dose: {when_phrase(slot.date, slot.time, result.today)} ({slot.at})"
    if result.next_dose is not None:
        next_line += f", {_amount(result.next_dose.mg, result.next_dose.tablets)}"
    _say(out, f"{next_line}.")
    for item in result.cautions:
        _say(out, f"CAUTION: {item.text}", bold=True, hang=" " * len("CAUTION: "))
    for item in result.advice[1:]:
        _say(out, item.text)
    _say(out, f"{sources_line(result.sources)}. {result.sources_note}")
    _say(out, NEUROLOGIST_FIRST)
