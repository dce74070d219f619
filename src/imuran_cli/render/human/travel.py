"""Human views of ``imuran travel``: plain text, and a markdown task list to save or print.

Neither needs rich.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

from imuran_cli.core.travel import Supply, TripPlan
from imuran_cli.core.units import format_number
from imuran_cli.render.common import (
    NEUROLOGIST_FIRST,
    format_tablets,
    sources_line,
    tablets_word,
)

if TYPE_CHECKING:
    from imuran_cli.render.plain import TextOut

MARKDOWN_TITLE = "# Travel checklist (azathioprine)"
_NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}
# A number stays on the line of the word after it ("6 weeks", "50 mg"): textwrap never
# breaks at a no-break space, which becomes a plain space again after wrapping.
_NUMBER_AND_WORD = r"(\d½?) (?=\S)"
_NO_BREAK = "\u00a0"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def supply_headline(supply: Supply) -> str:
    """``Take 102 tablets with you: 51 in each of two places.``"""
    if supply.places == 1:
        return f"Take {_plural(supply.total_tablets, 'tablet')} with you."
    places = _NUMBER_WORDS.get(supply.places, str(supply.places))
    return (
        f"Take {_plural(supply.total_tablets, 'tablet')} with you: "
        f"{supply.tablets_per_place} in each of {places} places."
    )


def supply_detail(result: TripPlan, supply: Supply) -> str:
    """What the count covers: days, spare days and the daily dose in tablets and mg."""
    days = _plural(result.days or 0, "day")
    if result.start_date is not None and result.end_date is not None:
        days += f" ({result.start_date.isoformat()} to {result.end_date.isoformat()})"
    spare = f" plus {_plural(result.spare_days, 'spare day')}" if result.spare_days else ""
    return (
        f"Enough for {days}{spare}, at {tablets_word(supply.daily_tablets)} a day "
        f"({format_number(supply.daily_mg)} mg, as {supply.tablet_mg} mg tablets)."
    )


def stock_line(result: TripPlan) -> str:
    """The tablets in stock against those the trip needs (and the days before it)."""
    stock = result.stock
    assert stock is not None
    verdict = "refill before you leave" if stock.refill_before_leaving else "enough"
    return (
        f"In stock: {format_tablets(stock.tablets_left)} tablets (as of "
        f"{stock.as_of.isoformat()}); needed until the trip ends: {stock.needed}: {verdict}."
    )


def intro(result: TripPlan) -> list[str]:
    """The paragraphs before the checklist: the supply, or what to add to get it."""
    if result.supply is not None:
        paragraphs = [supply_headline(result.supply), supply_detail(result, result.supply)]
        if result.stock is not None:
            paragraphs.append(stock_line(result))
        return paragraphs
    return [result.count_hint] if result.count_hint else []


def _fill(text: str, width: int, first: str, rest: str) -> list[str]:
    lines = textwrap.wrap(
        re.sub(_NUMBER_AND_WORD, rf"\1{_NO_BREAK}", text),
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line.replace(_NO_BREAK, " ") for line in lines]


def text_lines(result: TripPlan, width: int) -> list[str]:
    """The plain-text answer, one string per line, each at most ``width`` wide."""
    lines: list[str] = []
    for paragraph in intro(result):
        lines.extend(_fill(paragraph, width, "", ""))
    lines.extend(["", "Checklist:"])
    for item in result.checklist:
        lines.extend(_fill(item.text, width, "- ", "  "))
    lines.append("")
    lines.extend(_fill(sources_line(result.sources), width, "", ""))
    lines.extend(_fill(NEUROLOGIST_FIRST, width, "", ""))
    return lines


def render_travel(result: TripPlan, out: TextOut) -> None:
    for line in text_lines(result, out.width):
        out.line(line)


def render_travel_markdown(result: TripPlan, width: int) -> str:
    """A GitHub-flavoured markdown task list (``- [ ] ...``) under a heading."""
    lines = [MARKDOWN_TITLE, ""]
    for paragraph in intro(result):
        lines.extend(_fill(paragraph, width, "", ""))
        lines.append("")
    for item in result.checklist:
        lines.extend(_fill(item.text, width, "- [ ] ", "  "))
    lines.append("")
    lines.extend(_fill(sources_line(result.sources), width, "", ""))
    lines.append("")
    lines.extend(_fill(NEUROLOGIST_FIRST, width, "", ""))
    return "\n".join(lines) + "\n"
