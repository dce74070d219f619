"""The frame of the HTML exports: one self-contained page, no script, no external file.

Everything a page needs is inside it (inline CSS, inline SVG), so it opens offline, prints
the same anywhere, and makes no network request. ``escape`` is applied to every text that
comes from the person (names, medicines, notes).
"""

from __future__ import annotations

# A strict policy, for browsers that honour it in a file: nothing may be loaded, and
# inline styles only. (The pages have no script and no external reference anyway.)
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'"


def esc(text: str) -> str:
    """``text`` safe in HTML content and attribute values: ``html.escape(text)``, written
    out (the same five replacements), because importing ``html`` loads ``html.entities``
    and its tables of every named character: 7.5 M instructions at the start of the
    card and the report. (A test holds the two equal.)"""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def document(title: str, css: str, body: str) -> str:
    """A whole HTML5 page."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="imuran">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>\n{css.strip()}\n</style>\n"
        "</head>\n"
        f"<body>\n{body.strip()}\n</body>\n"
        "</html>\n"
    )
