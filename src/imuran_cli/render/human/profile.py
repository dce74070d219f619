"""Human views of ``imuran profile show``, ``set``, ``unset`` and ``init``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from imuran_cli.core.profile_edit import (
    ProfileChanged,
    ProfileCreated,
    ProfileShown,
    display_value,
    profile_rows,
    set_command,
)

if TYPE_CHECKING:
    from imuran_cli.render.plain import TextOut

NOT_SET = "not set"
NO_MEDICINES = "none"
_PATH_INDENT = "  "


def render_profile_shown(result: ProfileShown, out: TextOut) -> None:
    _say_path(out, "Profile:", result.path)
    rows = profile_rows(result.profile)
    key_width = max(len(key) for key, _ in rows)
    for key, value in rows:
        shown = value or (NO_MEDICINES if key == "medications" else NOT_SET)
        for line in row_lines(key, shown, out.width, key_width):
            out.line(line)
    out.say("Change a value: imuran profile set KEY VALUE")


def render_profile_changed(result: ProfileChanged, out: TextOut) -> None:
    value = display_value(result.profile, result.key)
    if result.action == "unset" and result.key.startswith("lab-limit "):
        out.say(f"{result.key} is {NOT_SET}: imuran labs uses its default limit, if any.")
    elif result.action == "unset":
        now = f"back to its default, {value}" if value else NOT_SET
        out.say(f"{result.key} is {now}.")
    else:
        out.say(f"{result.key} is now {value or NOT_SET}.")
    if result.backup:
        _say_path(out, "The profile was upgraded; the old file is kept as", result.backup)
    _say_path(out, "Created" if result.created else "Saved in", result.path)


def render_profile_created(result: ProfileCreated, out: TextOut) -> None:
    _say_path(out, "Profile written to", result.path)
    if result.backup:
        _say_path(out, "The old profile is kept as", result.backup)
    if result.defaulted:
        defaults = ", ".join(
            f"{key} {display_value(result.profile, key)}" for key in result.defaulted
        )
        out.say(f"Defaults used: {defaults}.")
    if result.unset:
        out.say("Not set yet; set each when you know it:")
        for key in result.unset:
            # Unwrapped, so that it can be copied (and it fits: the longest is 54 wide).
            out.line(f"  {set_command(key)}")
    out.say("Check it with: imuran profile show")


def row_lines(key: str, value: str, width: int, key_width: int) -> list[str]:
    """``key  value``, the value wrapped under itself."""
    import textwrap

    indent = " " * (key_width + 2)
    return textwrap.wrap(
        f"{key.ljust(key_width)}  {value}",
        width=max(width, len(indent) + 10),
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


def path_lines(label: str, path: str, width: int) -> list[str]:
    """``label path`` on one line if it fits, else the path on its own lines, split at ``/``."""
    if len(label) + 1 + len(path) <= width:
        return [f"{label} {path}"]
    parts = path.split("/")
    tokens = [token for token in [parts[0], *("/" + part for part in parts[1:])] if token]
    lines = [label]
    room = max(width - len(_PATH_INDENT), 1)
    current = ""
    for token in tokens:
        if current and len(current) + len(token) > room:
            lines.append(_PATH_INDENT + current)
            current = ""
        current += token
        while len(current) > room:  # a folder name longer than a line
            lines.append(_PATH_INDENT + current[:room])
            current = current[room:]
    if current:
        lines.append(_PATH_INDENT + current)
    return lines


def _say_path(out: TextOut, label: str, path: str) -> None:
    for line in path_lines(label, path, out.width):
        out.line(line)
