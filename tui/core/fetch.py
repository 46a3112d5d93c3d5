"""URLs → bytes, with a timeout, a size limit, a clear User-Agent and an on-disk cache.

This is the only module that opens network connections, and only for URLs a user
named (on the command line, or as the link of a feed entry). Every failure becomes one
`FetchError` whose message is a single line a reader can act on: the host does not
resolve, the server did not answer in time, HTTP 404, the answer is not a web page,
the answer is too large.

The cache lives under `platformdirs.user_cache_path("samefact") / "web"`, one pair of
files per URL (the body and a small JSON header), keyed by the SHA-256 of the URL. A
cached URL is never fetched again, so a story opened once opens again offline.
`SAMEFACT_CACHE_DIR` moves the cache (tests, read-only homes); `SAMEFACT_FETCH_TIMEOUT`
sets the per-URL timeout in seconds (slow links, tests).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui import __version__
from tui.core.kinds import is_url

USER_AGENT = f"samefact/{__version__} (terminal reader comparing one news story across outlets)"
"""Sent with every request, so a site owner can tell what fetched the page."""

TIMEOUT = 10.0
"""Seconds a URL may take, connection and whole body included (see `default_timeout`)."""
MAX_BYTES = 10 * 1024 * 1024
"""A larger answer is refused: no news article is that big."""
WORKERS = 6
"""URLs fetched at once."""

_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
)
READABLE_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
        "text/plain",
        "",
    }
)
"""Content types worth reading; anything else (images, PDFs, archives) is refused."""


class FetchError(Exception):
    """A URL that could not be read; `str()` is the one-line reason (without the URL)."""


@dataclass(frozen=True)
class Fetched:
    """The answer to one URL."""

    url: str
    """The URL as asked for."""
    final_url: str
    """Where redirects ended."""
    content_type: str
    """The media type without parameters, lower case ("" when the server sent none)."""
    charset: str
    """The charset parameter of Content-Type ("" when none)."""
    body: bytes
    from_cache: bool = False


def default_timeout() -> float:
    """`SAMEFACT_FETCH_TIMEOUT` when it is a positive number, else `TIMEOUT`."""
    try:
        value = float(os.environ.get("SAMEFACT_FETCH_TIMEOUT", ""))
    except ValueError:
        return TIMEOUT
    return value if 0 < value < 3600 else TIMEOUT


def cache_dir() -> Path:
    """Where fetched pages are kept."""
    override = os.environ.get("SAMEFACT_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_cache_path("samefact") / "web"


def fetch(
    url: str, *, timeout: float | None = None, max_bytes: int = MAX_BYTES, use_cache: bool = True
) -> Fetched:
    """Return the body of `url`, from the cache when it is there.

    Raises:
        FetchError: with a one-line reason, for every way a fetch can fail.
    """
    if use_cache:
        cached = _read_cache(url)
        if cached is not None:
            return cached
    fetched = _download(url, default_timeout() if timeout is None else timeout, max_bytes)
    if use_cache:
        _write_cache(fetched)
    return fetched


def fetch_all(
    urls: Sequence[str],
    *,
    timeout: float | None = None,
    max_bytes: int = MAX_BYTES,
    workers: int = WORKERS,
    on_done: Callable[[str], None] | None = None,
) -> list[Fetched | FetchError]:
    """Fetch every URL at once (at most `workers` in flight); results in the order given.

    One URL failing, or hanging until its timeout, never stops the others. But a host that is
    not found, refuses connections, or times out without having answered any URL yet is not
    asked again: its URLs still to start fail at once, naming the first failure (a feed's
    hundred links to a server that is down cost one timeout, not seventeen). `on_done(url)` is
    called as each URL finishes (from the fetching threads, one call at a time), so a caller
    can show progress while slow servers are waited for.
    """
    if not urls:
        return []
    from concurrent.futures import ThreadPoolExecutor

    done_lock = threading.Lock()
    down: dict[str, str] = {}
    """Hosts not to ask again, with the reason."""
    answered: set[str] = set()
    """Hosts that answered a URL (a later timeout there is that URL's, not the host's)."""

    def one(url: str) -> Fetched | FetchError:
        host = _host_key(url)
        with done_lock:
            reason = down.get(host)
        if reason is not None:
            result: Fetched | FetchError = FetchError(
                f"skipped, as another link to its host: {reason}"
            )
        else:
            try:
                result = fetch(url, timeout=timeout, max_bytes=max_bytes)
            except FetchError as error:
                result = error
            with done_lock:
                text = str(result)
                if isinstance(result, Fetched) or not text.startswith(_HOST_DOWN):
                    answered.add(host)  # (an HTTP error is an answer too)
                elif host not in answered:
                    down.setdefault(host, text)
        if on_done is not None:
            with done_lock:
                on_done(url)
        return result

    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(urls)))) as pool:
        return list(pool.map(one, urls))


_HOST_DOWN = ("host not found", "connection refused", "timed out")
"""Failures that tell about the host rather than the URL (`fetch_all`)."""


def _host_key(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        return f"{parts.hostname}:{parts.port}"
    except ValueError:
        return url


def _download(url: str, timeout: float, max_bytes: int) -> Fetched:
    # Imported here: the network stack costs import time that only URL users should pay.
    import http.client
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = (
                response.headers.get_content_type() if "content-type" in response.headers else ""
            )
            charset = response.headers.get_content_charset() or ""
            if content_type not in READABLE_TYPES:
                raise FetchError(f"not a web page or feed ({_plain(content_type)})")
            _check_length(response.headers.get("Content-Length"), max_bytes)
            body = _read_body(response, deadline, timeout, max_bytes)
            body = _decompress(body, response.headers.get("Content-Encoding", ""), max_bytes)
            return Fetched(url, response.geturl(), content_type, charset, body)
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code}{_status_text(error.code)}") from None
    except urllib.error.URLError as error:
        raise FetchError(_network_reason(error.reason, url, timeout)) from None
    except TimeoutError:
        raise FetchError(_timed_out(timeout)) from None
    except http.client.InvalidURL:
        raise FetchError("not a valid web address") from None
    except http.client.HTTPException:
        raise FetchError("the server sent a broken answer") from None
    except (OSError, ValueError) as error:
        raise FetchError(_network_reason(error, url, timeout)) from None


def _read_body(response: object, deadline: float, timeout: float, max_bytes: int) -> bytes:
    """Read in chunks so a slow trickle still ends at the deadline and a huge body at the cap."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(65536)  # type: ignore[attr-defined]
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"too large (more than {_megabytes(max_bytes)})")
        if time.monotonic() > deadline:
            raise FetchError(_timed_out(timeout))
        chunks.append(chunk)


def _decompress(body: bytes, encoding: str, max_bytes: int) -> bytes:
    """Undo gzip/deflate, which some servers send even when nobody asked for it."""
    import zlib

    encoding = encoding.strip().lower()
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return body
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # a gzip or zlib header, detected
    try:
        plain = inflater.decompress(body, max_bytes + 1)
    except zlib.error:
        raise FetchError(f"broken {encoding} answer") from None
    if len(plain) > max_bytes:
        raise FetchError(f"too large (more than {_megabytes(max_bytes)} once decompressed)")
    return plain


def _check_length(declared: str | None, max_bytes: int) -> None:
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"too large ({_megabytes(int(declared))}, the limit is {_megabytes(max_bytes)})"
        )


def _network_reason(reason: object, url: str, timeout: float) -> str:
    import socket
    import ssl
    from urllib.parse import urlparse

    if isinstance(reason, socket.gaierror):
        host = urlparse(url).hostname or url
        return f"host not found ({_plain(host)})"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return _timed_out(timeout)
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({_plain(reason.reason or 'TLS error')})"
    if isinstance(reason, OSError) and reason.strerror:
        return _plain(reason.strerror)
    return _plain(str(reason)) or "cannot be read"


def _status_text(code: int) -> str:
    """The standard phrase for a status, never the server's own (it is untrusted text)."""
    from http import HTTPStatus

    try:
        return f" {HTTPStatus(code).phrase}"
    except ValueError:
        return ""


def _timed_out(timeout: float) -> str:
    return f"timed out after {timeout:g} s"


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _plain(text: str) -> str:
    """One printable line: whatever a server or a resolver said may contain escapes."""
    from tui.core.clean import clean_text

    return " ".join(clean_text(text).split())[:120]


def _cache_paths(url: str) -> tuple[Path, Path]:
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()
    folder = cache_dir() / key[:2]
    return folder / f"{key}.body", folder / f"{key}.json"


def _read_cache(url: str) -> Fetched | None:
    body_path, head_path = _cache_paths(url)
    try:
        head = json.loads(head_path.read_text(encoding="utf-8"))
        body = body_path.read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(head, dict) or head.get("url") != url:
        return None
    return Fetched(
        url,
        str(head.get("final_url", url)),
        str(head.get("content_type", "")),
        str(head.get("charset", "")),
        body,
        from_cache=True,
    )


def _write_cache(fetched: Fetched) -> None:
    """Write body, then header, each atomically: a header without its body never exists."""
    body_path, head_path = _cache_paths(fetched.url)
    head = {
        "url": fetched.url,
        "final_url": fetched.final_url,
        "content_type": fetched.content_type,
        "charset": fetched.charset,
        "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    try:
        body_path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(body_path, fetched.body)
        _write_atomic(head_path, json.dumps(head).encode("utf-8"))
    except OSError:
        # A cache that cannot be written only costs a fetch next time.
        return


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
