"""The frame of the HTML exports: one self-contained page, no script, no external file.

Everything a page needs is inside it (inline CSS, inline SVG), so it opens offline, prints
the same anywhere, and makes no network request. ``escape`` is applied to every text that
comes from the person (names, medicines, notes).
"""

from __future__ import annotations

from html import escape as _escape

# A strict policy, for browsers that honour it in a file: nothing may be loaded, and
# inline styles only. (The pages have no script and no external reference anyway.)
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'"


def esc(text: str) -> str:
    """``text`` safe in HTML content and attribute values."""
    return _escape(text, quote=True)


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
