"""The HTML reference checker finds what it must (a check that cannot fail is a defect)."""

from __future__ import annotations

import pytest

from tests.html_check import external_references


@pytest.mark.parametrize(
    ("page", "found"),
    [
        ('<img src="http://x.test/a.png">', ["http://x.test/a.png"]),
        ('<link rel="stylesheet" href="style.css">', ["style.css"]),
        ("<style>body { background: url('bg.png') }</style>", ["bg.png"]),
        ("<style>@import 'https://fonts.test/f.css';</style>", ["https://fonts.test/f.css"]),
        ('<div style="background:url(x.svg)"></div>', ["x.svg"]),
        ('<svg><image xlink:href="http://x.test/i.png"/></svg>', ["http://x.test/i.png"]),
        ('<img srcset="a.png 1x, b.png 2x">', ["a.png", "b.png"]),
        ('<meta http-equiv="refresh" content="0; url=http://x.test">', ["0; url=http://x.test"]),
        ('<a href="#blood-tests">tests</a>', []),
        ("<p>see url(x) in the text</p>", []),
    ],
)
def test_references_are_found(page, found):
    assert external_references(page) == found
