"""Plain human output: wrapping, no trailing spaces, bold only where a terminal shows it."""

from __future__ import annotations

import io

import pytest

from imuran_cli.render.plain import TextOut, styles_allowed


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_say_wraps_to_the_width_and_keeps_long_words_whole():
    stream = io.StringIO()
    out = TextOut(stream, width=30, styled=False)
    out.say("a " * 20 + "https://example.org/" + "x" * 40, indent=2)
    lines = stream.getvalue().splitlines()
    assert all(line.startswith("  ") for line in lines)
    assert all(len(line) <= 30 for line in lines[:-1])
    assert lines[-1] == "  https://example.org/" + "x" * 40
    assert all(line == line.rstrip() for line in lines)


def test_bold_is_written_only_when_styled():
    plain, styled = io.StringIO(), io.StringIO()
    TextOut(plain, width=60, styled=False).line("URGENT: call", bold=True)
    TextOut(styled, width=60, styled=True).line("URGENT: call", bold=True)
    assert plain.getvalue() == "URGENT: call\n"
    assert styled.getvalue() == "\x1b[1mURGENT: call\x1b[0m\n"


@pytest.mark.parametrize(
    ("environ", "stream", "expected"),
    [
        ({}, Terminal(), True),
        ({}, io.StringIO(), False),  # piped
        ({"NO_COLOR": "1"}, Terminal(), False),
        ({"TERM": "dumb"}, Terminal(), False),
        ({"FORCE_COLOR": "1"}, io.StringIO(), True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, io.StringIO(), False),
    ],
)
def test_styles_follow_the_terminal_and_the_environment(monkeypatch, environ, stream, expected):
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert styles_allowed(stream) is expected


def test_width_follows_columns_up_to_60(monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    assert TextOut(io.StringIO()).width == 40
    monkeypatch.setenv("COLUMNS", "200")
    assert TextOut(io.StringIO()).width == 60
