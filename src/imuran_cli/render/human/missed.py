"""Human view of ``imuran missed``, as plain lines (no rich: ``missed`` starts faster)."""

from __future__ import annotations

import textwrap

from imuran_cli.core.missed import MissedResult, when_phrase
from imuran_cli.core.units import format_number
from imuran_cli.render.common import NEUROLOGIST_FIRST, sources_line, tablets_word


def _amount(mg: float, tablets: float) -> str:
    return f"{format_number(mg)} mg ({tablets_word(tablets)})"


# Other doses with no record named in the answer; the rest are counted.
_LISTED = 2


class _Lines(list[str]):
    """Collects lines wrapped at word boundaries to ``width``, no trailing spaces."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.width = width


def _say(out: _Lines, text: str, markup: str = "", hang: str = "") -> None:
    """Wrap ``text`` to the width; continuation lines start with ``hang``."""
    out.extend(textwrap.wrap(text, width=out.width, subsequent_indent=hang, break_on_hyphens=False))


def missed_lines(result: MissedResult, width: int) -> list[str]:
    """Headline, reason, amounts, the other advice, the sources line, the neurologist line."""
    out = _Lines(width)
    _say(out, result.headline, "bold")
    if result.reason != result.headline:
        _say(out, result.reason)
    if result.missed_on is not None and result.decision in ("take-today", "skip"):
        which = f"the {result.dose} dose" if result.schedule == "split" else "the dose"
        _say(out, f"Missed: {which} of {result.missed_on.isoformat()}.")
    others = result.missing[1:]
    if others:
        shown = ", ".join(f"{item.date.isoformat()} {item.dose}" for item in others[:_LISTED])
        more = f" and {len(others) - _LISTED} more" if len(others) > _LISTED else ""
        _say(
            out,
            f"Also with no record in your journal: {shown}{more} (see imuran history); "
            "skip those of earlier days.",
        )
    if result.take_now is not None:
        _say(out, f"Take now: {_amount(result.take_now.mg, result.take_now.tablets)}.")
    slot = result.next_regular
    next_line = f"Next dose: {when_phrase(slot.date, slot.time, result.today)} ({slot.at})"
    if result.next_dose is not None:
        next_line += f", {_amount(result.next_dose.mg, result.next_dose.tablets)}"
    _say(out, f"{next_line}.")
    for item in result.cautions:
        _say(out, f"CAUTION: {item.text}", "bold", hang=" " * len("CAUTION: "))
    for item in result.advice[1:]:
        _say(out, item.text)
    note = f" {result.sources_note}" if result.sources_note else ""
    _say(out, f"{sources_line(result.sources)}.{note}")
    _say(out, NEUROLOGIST_FIRST)
    return list(out)
