"""Fetching URLs: timeout, User-Agent, cache, and one clear line for each way it fails."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time

import pytest

from tests.webserver import LocalSite
from tui import __version__
from tui.core.fetch import USER_AGENT, FetchError, fetch, fetch_all, is_url


def test_fetch_sends_a_clear_user_agent(site: LocalSite) -> None:
    """The server sees who is fetching: samefact and its version."""
    fetched = fetch(site.url("pages/herald.html"))
    assert b"Kelby harbour wall" in fetched.body
    assert fetched.content_type == "text/html"
    assert site.requests == [("/pages/herald.html", USER_AGENT)]
    assert USER_AGENT.startswith(f"samefact/{__version__} (")


def test_second_fetch_comes_from_the_cache_even_with_the_server_gone(site: LocalSite) -> None:
    """A URL read once reads again with no network at all."""
    first = fetch(site.url("pages/herald.html"))
    site.stop()
    again = fetch(site.url("pages/herald.html"))
    assert again.from_cache and not first.from_cache
    assert again.body == first.body
    assert len(site.requests) == 1


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("missing-page.html", "HTTP 404 Not Found"),
        ("server-error", "HTTP 500 Internal Server Error"),
        ("image.png", "not a web page or feed (image/png)"),
    ],
)
def test_failures_are_one_plain_line(site: LocalSite, path: str, reason: str) -> None:
    """404, 5xx and non-HTML answers each give one line, never the server's own text."""
    with pytest.raises(FetchError) as caught:
        fetch(site.url(path))
    assert str(caught.value) == reason


def test_failures_are_not_cached(site: LocalSite) -> None:
    """A failed URL is asked again next time: the page may be back."""
    for _ in range(2):
        with pytest.raises(FetchError):
            fetch(site.url("missing-page.html"))
    assert len(site.requests) == 2


def test_a_hanging_url_times_out(site: LocalSite) -> None:
    """A server that never answers costs the timeout, not forever."""
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"^timed out after 0.3 s$"):
        fetch(site.url("hang"), timeout=0.3)
    assert time.monotonic() - start < site.hang_seconds


def test_redirects_are_followed(site: LocalSite) -> None:
    """A moved page is read where it moved to, and the final address is kept."""
    fetched = fetch(site.url("redirect"))
    assert fetched.final_url == site.url("pages/herald.html")
    assert b"Northern Herald" in fetched.body


def test_compressed_answer_is_read(site: LocalSite) -> None:
    """A server that gzips its answer unasked still gives a readable page."""
    fetched = fetch(site.url("gzipped"))
    assert fetched.body.startswith(b"<!DOCTYPE html>")
    with pytest.raises(FetchError, match=r"^too large \(more than .* once decompressed\)$"):
        fetch(site.url("gzipped"), max_bytes=len(fetched.body) - 1, use_cache=False)


def test_too_large_is_refused(site: LocalSite) -> None:
    """An answer over the size limit is refused with its reason."""
    with pytest.raises(FetchError, match=r"^too large"):
        fetch(site.url("pages/herald.html"), max_bytes=1000)


def test_unknown_host(monkeypatch: pytest.MonkeyPatch) -> None:
    """A host that does not resolve is named in the message (resolver faked: no DNS traffic)."""

    def no_such_host(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchError) as caught:
        fetch("http://no-such-host.invalid/story.html")
    assert str(caught.value) == "host not found (no-such-host.invalid)"


def test_connection_refused() -> None:
    """Nothing listening on the port: one line, no traceback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=r"^connection refused$"):
        fetch(f"http://127.0.0.1:{port}/x.html")


def test_fetch_all_keeps_order_and_isolates_failures(site: LocalSite) -> None:
    """One URL hanging or failing never stops the others; results come in the order asked."""
    urls = [
        site.url("hang"),
        site.url("pages/herald.html"),
        site.url("nope.html"),
        site.url("pages/radio.html"),
    ]
    results = fetch_all(urls, timeout=0.3)
    assert [type(r).__name__ for r in results] == ["FetchError", "Fetched", "FetchError", "Fetched"]
    assert str(results[0]) == "timed out after 0.3 s"
    assert b"Lifeboat" in results[3].body  # type: ignore[union-attr]


def test_fetch_all_runs_in_parallel(site: LocalSite) -> None:
    """Six hanging URLs cost about one timeout (0.5 s), not six (3 s)."""
    start = time.monotonic()
    results = fetch_all([site.url(f"hang?{n}") for n in range(6)], timeout=0.5, workers=6)
    assert all(isinstance(r, FetchError) for r in results)
    assert time.monotonic() - start < 2.0


def test_a_host_that_never_answers_is_asked_once_per_worker(site: LocalSite) -> None:
    """Eight links to a host that times out, two at a time: two are asked (one timeout), the
    other six fail at once naming that failure, not four timeouts in a row."""
    results = fetch_all([site.url(f"hang?{n}") for n in range(8)], timeout=0.3, workers=2)
    assert sorted(path for path, _ in site.requests) == ["/hang?0", "/hang?1"]
    assert [str(r) for r in results[2:]] == [
        "skipped, as another link to its host: timed out after 0.3 s"
    ] * 6


def test_a_host_that_answered_is_asked_again_after_a_timeout(site: LocalSite) -> None:
    """A timeout on a host that has answered is that page's slowness: the host's other
    links are still fetched."""
    urls = [site.url("pages/herald.html"), site.url("hang"), site.url("pages/radio.html")]
    results = fetch_all(urls, timeout=0.3, workers=1)
    assert [type(r).__name__ for r in results] == ["Fetched", "FetchError", "Fetched"]
    assert str(results[1]) == "timed out after 0.3 s"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://a.test/x", True),
        ("HTTP://a.test", True),
        ("seeds/a.txt", False),
        ("-", False),
        ("ftp://a", False),
    ],
)
def test_is_url(text: str, expected: bool) -> None:
    """Only http(s) addresses are fetched; everything else is a path."""
    assert is_url(text) is expected


def _align(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "align", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_align_urls_opens_a_story_and_reopens_offline(site: LocalSite) -> None:
    """`samefact align URL1 URL2 --json` reads both pages; with the server gone, the cache does."""
    urls = [site.url("pages/herald.html"), site.url("pages/wire.html")]
    first = _align(*urls, "--json")
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    data = json.loads(first.stdout)
    assert [a["outlet"] for a in data["articles"]] == ["The Northern Herald", "Meridian Wire"]
    assert [a["path"] for a in data["articles"]] == urls
    assert data["matches"], "two reports of one storm share facts"
    site.stop()
    again = _align(*urls, "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == data


def test_cli_failing_urls_are_one_line_each(
    site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each failing URL is one line on stderr; the pages that work still open."""
    monkeypatch.setenv("SAMEFACT_FETCH_TIMEOUT", "0.3")
    urls = [
        site.url("hang"),
        site.url("pages/radio.html"),
        site.url("nope.html"),
        site.url("image.png"),
    ]
    result = _align(*urls)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"samefact: {urls[0]}: timed out after 0.3 s",
        f"samefact: {urls[2]}: HTTP 404 Not Found",
        f"samefact: {urls[3]}: not a web page or feed (image/png)",
    ]
    assert "Lifeboat crew rescues man from roof" in result.stdout


def test_load_story_reports_progress_while_urls_are_fetched(site: LocalSite) -> None:
    """Each fetched URL is reported as it finishes, before any file is read."""
    from tui.core import load_story

    urls = [site.url("pages/herald.html"), site.url("pages/wire.html")]
    seen: list[tuple[int, int, str]] = []
    story = load_story(urls, progress=lambda done, total, what: seen.append((done, total, what)))
    assert len(story.articles) == 2
    fetch_steps = [step for step in seen if step[2].startswith("http")]
    assert [done for done, _, _ in fetch_steps[:2]] == [1, 2]
    assert {what for _, _, what in fetch_steps[:2]} == set(urls)
    assert all(total == 2 for _, total, _ in fetch_steps[:2])
