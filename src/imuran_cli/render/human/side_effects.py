"""Human view of ``imuran side-effects``: urgency in capital words, never colour alone."""

from __future__ import annotations

import textwrap

from imuran_cli.core.side_effects import (
    EffectMatch,
    GroupSummary,
    SideEffectsResult,
    Timing,
    Treatment,
)
from imuran_cli.render.common import NEUROLOGIST_FIRST, sources_line
from imuran_cli.render.plain import TextOut

INDENT = "  "
RESOLVES = {
    True: "If the medicine is stopped: it goes away.",
    False: "If the medicine is stopped: it does not go away.",
    None: "If the medicine is stopped: the sources do not say.",
}
GROUP_RESOLVES = {
    True: "If the medicine is stopped: they go away.",
    False: "If the medicine is stopped: they do not go away.",
    None: "If the medicine is stopped: the sources do not say.",
}


def _say(out: TextOut, text: str, indent: str = "", *, hang: str = "", bold: bool = False) -> None:
    """Print ``text`` wrapped to the console width; continuation lines get ``indent + hang``."""
    lines = textwrap.wrap(
        text,
        width=max(out.width, len(indent + hang) + 1),
        initial_indent=indent,
        subsequent_indent=indent + hang,
        break_on_hyphens=False,
    )
    for line in lines or [indent]:
        out.line(line, bold=bold)


def _sentence(text: str) -> str:
    """First letter upper case, ends with a full stop."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _urgency_line(match: EffectMatch) -> str:
    return f"{match.urgency_label}: {match.urgency_advice}"


def _timing_line(timing: Timing | None) -> str | None:
    return _sentence(timing.text) if timing else None


def _treatment_line(treatment: Treatment | None) -> str | None:
    if treatment is None:
        return None
    if treatment.week is None:
        stopped = treatment.stopped_on.isoformat() if treatment.stopped_on else "?"
        return f"Your profile says the medicine was stopped on {stopped}."
    return (
        f"You are in week {treatment.week} of treatment "
        f"(started {treatment.started_on.isoformat()})."
    )


def _render_match(match: EffectMatch, out: TextOut) -> None:
    _say(out, _urgency_line(match), bold=True)
    _say(out, f"{match.name} - group: {match.group_label}")
    if match.match_kind == "sign" and match.matched:
        _say(out, f"Matches the sign: {match.matched[0]}", INDENT)
    if match.note:
        _say(out, match.note, INDENT)
    _say(out, match.action, INDENT)
    if match.is_side_effect:
        _say(out, RESOLVES[match.resolves_on_stopping], INDENT)
    timing = _timing_line(match.timing)
    if timing:
        _say(out, timing, INDENT)
    if match.see_also:
        _say(out, f"More: {match.see_also}", INDENT)
    _say(out, sources_line(match.sources), INDENT)


def _render_found(result: SideEffectsResult, out: TextOut) -> None:
    count = len(result.matches)
    counted = "1 match" if count == 1 else f"{count} matches, most likely first"
    _say(out, f'"{result.query}": {counted}')
    treatment = _treatment_line(result.treatment)
    if treatment:
        _say(out, treatment)
    for match in result.matches:
        out.line()
        _render_match(match, out)
    out.line()
    if result.check is not None:
        _say(out, result.check.text)


def _render_not_found(result: SideEffectsResult, out: TextOut) -> None:
    if result.check is not None and result.messages[0] == result.check.text:
        # Only a vaccine or a medicine was named: a question for imuran check.
        _say(out, f"You typed: {result.query}")
        for line in result.messages:
            _say(out, line)
        _say(out, sources_line(result.sources))
        return
    no_match, *advice = result.messages
    _say(out, no_match)
    _say(out, f"You typed: {result.query}")
    if result.suggestions:
        _say(out, "Closest names: " + "; ".join(result.suggestions) + ".")
    for line in advice:
        _say(out, line)
    _say(out, sources_line(result.sources))


def _render_group(group: GroupSummary, names: dict[str, str], out: TextOut) -> None:
    _say(out, group.name, bold=True)
    _say(out, "; ".join(names[effect_id] for effect_id in group.effects) + ".", INDENT)
    _say(out, f"Can start: {group.starts}.", INDENT)
    if group.in_leaflet:
        _say(out, GROUP_RESOLVES[group.resolves_on_stopping], INDENT)
    timing = _timing_line(group.timing)
    if timing:
        _say(out, timing, INDENT)


def _render_overview(result: SideEffectsResult, out: TextOut) -> None:
    _say(out, "Side effects of Imuran (azathioprine), by group")
    _say(out, 'Look one up: imuran side-effects "dark urine"')
    treatment = _treatment_line(result.treatment)
    if treatment:
        _say(out, treatment)
    names = {match.id: match.name for match in result.matches}
    for group in result.groups:
        out.line()
        _render_group(group, names, out)
    out.line()
    _say(out, "Warning signs", bold=True)
    label = None
    for warning in result.warning_signs:
        heading = f"{warning.urgency_label}: {warning.urgency_advice}"
        if heading != label:
            label = heading
            _say(out, heading, INDENT)
        signs = f": {'; '.join(warning.signs)}" if warning.signs else ""
        _say(out, f"- {warning.name}{signs}.", INDENT + INDENT, hang=INDENT)
    out.line()
    _say(out, sources_line(result.sources))


def render_side_effects(result: SideEffectsResult, out: TextOut) -> None:
    if result.query is None:
        _render_overview(result, out)
    elif result.matches:
        _render_found(result, out)
    else:
        _render_not_found(result, out)
    _say(out, NEUROLOGIST_FIRST)
