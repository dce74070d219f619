"""The HTML frame's escaping."""

from __future__ import annotations

import html

import pytest

from imuran_cli.render.html_page import esc


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Dr Rivera",
        "<script>alert('x')</script>",
        'a "quoted" & <tagged> name',
        "&amp; already escaped",
        "Zoë's <b>",
    ],
)
def test_esc_is_html_escape(text: str):
    assert esc(text) == html.escape(text, quote=True)
