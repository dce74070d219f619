"""An independent reading of the HTML exports with the standard library's HTML parser.

``references`` collects every place a page could load something from: ``src``, ``href``,
``srcset``, ``xlink:href``, ``action``, ``poster``, ``data`` attributes, ``url(...)`` and
``@import`` in ``<style>`` and ``style=""``, and ``<meta http-equiv="refresh">``. An export
may reference nothing but in-page anchors (``#id``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE)
_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""", re.IGNORECASE)
_LINK_ATTRIBUTES = {"src", "href", "xlink:href", "action", "formaction", "poster", "data"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[str] = []
        self.tags: list[str] = []
        self._in_style = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_style = tag == "style"
        values = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if name in _LINK_ATTRIBUTES:
                self.references.append(value)
            elif name in {"srcset", "imagesrcset"}:
                self.references += [part.strip().split(" ")[0] for part in value.split(",")]
            elif name == "style":
                self.references += css_references(value)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.references.append(values.get("content") or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.references += css_references(data)
        else:
            self.text.append(data)


def css_references(css: str) -> list[str]:
    return [match.group(2) for match in _URL.finditer(css)] + _IMPORT.findall(css)


def read(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


def external_references(page: str) -> list[str]:
    """Every reference that is not an in-page anchor."""
    return [ref for ref in read(page).references if not ref.startswith("#")]


def assert_self_contained(page: str) -> None:
    collector = read(page)
    assert collector.tags, "not an HTML page"
    assert "script" not in collector.tags
    assert "link" not in collector.tags  # no stylesheet, icon or font file
    assert "img" not in collector.tags and "iframe" not in collector.tags
    assert external_references(page) == []
