"""Headless Chromium for the tests: load a page, watch it, screenshot it, print it to PDF.

Chromium is driven through its DevTools protocol over a pipe (``--remote-debugging-pipe``:
fd 3 carries commands in, fd 4 replies out, each message JSON ended by a NUL byte), so
no port is opened. While a page loads, every console message, uncaught exception, log
entry and network request is recorded. DNS is mapped to nothing
(``--host-resolver-rules``), so even a page that asked for the network could reach nothing.

PDFs come from Chromium's own ``--print-to-pdf``, and ``pdfinfo`` (poppler-utils) counts
their pages: a reader independent of the browser and of imuran.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT = 60.0
SETTLE = 0.5  # seconds to keep listening after the load event
FLAGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


def find_chromium() -> str | None:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def find_pdfinfo() -> str | None:
    return shutil.which("pdfinfo")


@dataclass
class PageLoad:
    """What happened while a page loaded."""

    url: str
    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)  # (type, text)
    exceptions: list[str] = field(default_factory=list)
    log_errors: list[str] = field(default_factory=list)
    screenshot: bytes = b""

    @property
    def other_requests(self) -> list[str]:
        """Requests for anything but the page itself."""
        return [url for url in self.requests if url != self.url]

    @property
    def errors(self) -> list[str]:
        return (
            [text for kind, text in self.console if kind in {"error", "assert"}]
            + self.exceptions
            + self.log_errors
        )


class _Pipe:
    def __init__(self, browser: str, profile_dir: str) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        self._log = tempfile.TemporaryFile()  # noqa: SIM115  (closed in close())
        actions = [
            (os.POSIX_SPAWN_DUP2, to_browser_r, 3),
            (os.POSIX_SPAWN_DUP2, from_browser_w, 4),
            (os.POSIX_SPAWN_DUP2, self._log.fileno(), 1),
            (os.POSIX_SPAWN_DUP2, self._log.fileno(), 2),
        ]
        argv = [browser, *FLAGS, f"--user-data-dir={profile_dir}", "--remote-debugging-pipe"]
        self.pid = os.posix_spawn(browser, argv, dict(os.environ), file_actions=actions)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str, seconds: float = TIMEOUT) -> None:
        deadline = time.monotonic() + seconds
        while not any(event.get("method") == method for event in self.events):
            self.events.append(self._receive(deadline))

    def listen(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        with contextlib.suppress(TimeoutError):
            while True:
                self.events.append(self._receive(deadline))

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from the browser")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 16)
                if not chunk:
                    raise RuntimeError(f"the browser exited: {self.log()[-2000:]}")
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def log(self) -> str:
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            self.send("Browser.close")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.05)
        else:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        os.close(self._to_browser)
        os.close(self._from_browser)
        self._log.close()


def load_page(
    page: Path, *, width: int = 900, height: int = 1200, full_page: bool = True
) -> PageLoad:
    """Open ``page`` in headless Chromium; return what it did and a screenshot (of the whole
    page, or of the first ``height`` pixels)."""
    browser = find_chromium()
    if browser is None:
        raise RuntimeError("chromium is not installed")
    url = page.resolve().as_uri()
    result = PageLoad(url=url)
    with tempfile.TemporaryDirectory() as profile_dir:
        pipe = _Pipe(browser, profile_dir)
        try:
            target = pipe.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = pipe.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
                "sessionId"
            ]
            for domain in ("Page", "Runtime", "Log", "Network"):
                pipe.send(f"{domain}.enable", session=session)
            pipe.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                session=session,
            )
            pipe.events.clear()
            pipe.send("Page.navigate", {"url": url}, session=session)
            pipe.wait_for("Page.loadEventFired")
            pipe.listen(SETTLE)
            metrics = pipe.send("Page.getLayoutMetrics", session=session)
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            shot = pipe.send(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": full_page,
                    "clip": {
                        "x": 0,
                        "y": 0,
                        "width": max(size["width"], width),
                        "height": size["height"] if full_page else height,
                        "scale": 1,
                    },
                },
                session=session,
            )
            result.screenshot = base64.b64decode(shot["data"])
            pipe.listen(0.1)
        finally:
            pipe.close()
    for event in pipe.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            result.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled":
            text = " ".join(
                str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])
            )
            result.console.append((params.get("type", ""), text))
        elif method == "Runtime.exceptionThrown":
            result.exceptions.append(json.dumps(params.get("exceptionDetails", {}))[:500])
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            result.log_errors.append(
                f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}"
            )
    return result


def print_to_pdf(page: Path, pdf: Path) -> None:
    """Chromium's ``--print-to-pdf``, without the header and footer it adds by default."""
    browser = find_chromium()
    if browser is None:
        raise RuntimeError("chromium is not installed")
    with tempfile.TemporaryDirectory() as profile_dir:
        subprocess.run(
            [
                browser,
                *FLAGS,
                f"--user-data-dir={profile_dir}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            timeout=TIMEOUT,
            check=True,
        )


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    width_pt: float
    height_pt: float


def pdf_info(pdf: Path) -> PdfInfo:
    """Page count and size of ``pdf``, read by poppler's ``pdfinfo``."""
    tool = find_pdfinfo()
    if tool is None:
        raise RuntimeError("pdfinfo is not installed")
    out = subprocess.run(
        [tool, str(pdf)], capture_output=True, text=True, timeout=TIMEOUT, check=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE).group(1))  # type: ignore[union-attr]
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out, re.MULTILINE)
    assert size is not None, out
    return PdfInfo(pages, float(size.group(1)), float(size.group(2)))


def with_paper(html: str, paper: str) -> str:
    """The page with ``@page { size: <paper> }`` added, as a printer set to that paper would."""
    return html.replace("</style>", f"@page {{ size: {paper}; }}\n</style>", 1)


def main() -> None:
    """Write docs/report.png: the top of the report of ``tests/report_fixture.py``."""
    from imuran_cli.render.report_html import render_report_html
    from tests import report_fixture as fx

    root = Path(__file__).parent.parent
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(render_report_html(fx.full_report(), fx.LABS), encoding="utf-8")
        load = load_page(page, width=820, height=1900, full_page=False)
    assert not load.errors and not load.other_requests
    (root / "docs" / "report.png").write_bytes(load.screenshot)


if __name__ == "__main__":
    main()
