"""A local news site for the tests: `tests/data/web/` on 127.0.0.1, plus routes that fail.

No test touches the internet. Feeds in `tests/data/web/` link to `http://news.test/`;
the server rewrites that to its own address so the links resolve here.

Routes besides the files: `/hang` answers only after `hang_seconds` (longer than any test
timeout), `/image.png` is not HTML, `/redirect` moves to `/pages/herald.html`, `/gzipped`
sends a page gzip-compressed unasked, `/server-error` is a 500, and anything else missing
is a 404.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parent / "data" / "web"
PAGES = WEB / "pages"
FEEDS = WEB / "feeds"
PLACEHOLDER = b"http://news.test"
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


class LocalSite:
    """A running server: its base URL and what it was asked."""

    def __init__(self, root: Path = WEB, hang_seconds: float = 5.0) -> None:
        self.root = root
        self.hang_seconds = hang_seconds
        self.requests: list[tuple[str, str]] = []
        """(path, User-Agent) of every request, in order."""
        self.release = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"

    def start(self) -> LocalSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                """Quiet: pytest output stays readable."""

            def do_GET(self) -> None:
                site.requests.append((self.path, self.headers.get("User-Agent", "")))
                name = self.path.split("?")[0].strip("/").replace("-", "_").replace(".", "_")
                route = getattr(self, f"route_{name}", None)
                if route is not None:
                    route()
                else:
                    self.serve_file()

            def route_hang(self) -> None:
                site.release.wait(site.hang_seconds)
                self.answer(200, "text/html", b"<html><body><p>Too late.</p></body></html>")

            def route_image_png(self) -> None:
                self.answer(200, "image/png", PNG)

            def route_redirect(self) -> None:
                self.send_response(302)
                self.send_header("Location", "/pages/herald.html")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def route_gzipped(self) -> None:
                body = gzip.compress((PAGES / "radio.html").read_bytes())
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def route_server_error(self) -> None:
                self.answer(500, "text/html", b"<h1>\x1b]0;oops\x07Internal error</h1>")

            def serve_file(self) -> None:
                path = (site.root / self.path.split("?")[0].lstrip("/")).resolve()
                if site.root.resolve() not in path.parents or not path.is_file():
                    self.answer(404, "text/html", b"<h1>Not found</h1>")
                    return
                body = path.read_bytes()
                if path.suffix in (".rss", ".atom", ".xml"):
                    body = body.replace(PLACEHOLDER, site.base.encode())
                self.answer(200, _TYPES.get(path.suffix, "application/octet-stream"), body)

            def answer(self, status: int, content_type: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                # The client may have given up already (a timeout test): nothing left to do.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

        return Handler


@pytest.fixture
def site() -> Iterator[LocalSite]:
    """The local news site, running for one test."""
    server = LocalSite().start()
    try:
        yield server
    finally:
        server.stop()
