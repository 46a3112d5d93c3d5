"""The reader in a real terminal (tmux) on hostile articles, and on URLs of the local site.

Hostile articles carry CSI, OSC (window title, OSC 52 clipboard write, OSC 8 link), DCS,
C0/C1 controls, bidi overrides and Rich markup (see `tests/core/test_untrusted.py`). We
record every byte the reader writes to its terminal (`tmux pipe-pane`) and read the screen
(`capture-pane`): no payload may reach the terminal, the window title must not change, and
the markup must show as its literal characters.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.test_untrusted import PAYLOADS, _write_story
from tests.webserver import PAGES, LocalSite

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
# OSC/DCS/APC/PM/SOS sequences the reader itself may write (Textual sets the pointer shape).
ALLOWED_STRINGS = re.compile(rb"\x1b\]22;[a-z-]*(?:\x07|\x1b\\)")
ANY_STRING = re.compile(rb"\x1b[\]P^_X]")
# Bidi controls and C1 controls, UTF-8 encoded.
FORBIDDEN_BYTES = re.compile(
    rb"\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c|\xc2[\x80-\x9f]"
)


def _samefact() -> list[str]:
    """The installed `samefact` beside this Python, else the checkout's `python -m tui`."""
    script = Path(sys.executable).parent / "samefact"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


class Terminal:
    """One tmux server of our own, one 140x40 window, everything written to it recorded."""

    def __init__(self, tmp: Path) -> None:
        self.socket = f"samefact-e2e-{os.getpid()}-{time.monotonic_ns()}"
        self.raw = tmp / "pty-output.bin"

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=20,
        )
        return result.stdout

    def start(self, argv: list[str], stdin: Path | None = None) -> None:
        """Start `argv` only once the recording runs: it waits for a first Enter."""
        env = {k: os.environ[k] for k in os.environ if k.startswith(("XDG_", "SAMEFACT_"))}
        env["TERM"] = "xterm-256color"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        pipe = f"cat {shlex.quote(str(stdin))} | " if stdin else "exec "
        command = f"read _; cd {shlex.quote(str(ROOT))}; {pipe}env {exports} {shlex.join(argv)}"
        self.tmux("new-session", "-d", "-x", "140", "-y", "40", "-s", "e2e", "sh", "-c", command)
        self.tmux("pipe-pane", "-o", "-t", "e2e", f"cat >> {shlex.quote(str(self.raw))}")
        self.tmux("send-keys", "-t", "e2e", "Enter")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def title(self) -> str:
        return self.tmux("display-message", "-p", "-t", "e2e", "#{pane_title}").strip()

    def running(self) -> bool:
        return "e2e" in self.tmux("list-sessions", "-F", "#{session_name}")

    def stop(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A private tmux server, killed after the test whatever happens."""
    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is required in CI (.ci/run installs it)")
        pytest.skip("tmux is not installed")
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.stop()


def _quit(term: Terminal) -> None:
    term.tmux("send-keys", "-t", "e2e", "q")
    deadline = time.monotonic() + 10
    while term.running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not term.running(), "q did not quit the reader"


def test_hostile_articles_reach_the_terminal_as_plain_text(
    terminal: Terminal, tmp_path: Path
) -> None:
    """No escape sequence, control or bidi override of an article is written; markup is literal."""
    story = _write_story(tmp_path / "story")
    hostile = [str(story / n) for n in ("hostile.txt", "hostile.html", "hostile.rss")]
    title_before = "samefact-untouched"
    terminal.start([*_samefact(), *hostile])
    terminal.tmux("select-pane", "-t", "e2e", "-T", title_before)
    screen = terminal.wait_for("[bold]now[/bold]")
    screen = terminal.wait_for("[bold red]loud[/]")
    assert "[link=https://evil.test/steal]click[/link]" in screen
    for key in ("J", "J", "K"):  # every source, so every hostile article is drawn
        terminal.tmux("send-keys", "-t", "e2e", key)
        time.sleep(0.5)
    assert "PWNED" not in terminal.screen()
    assert terminal.title() == title_before
    _quit(terminal)

    raw = terminal.raw.read_bytes()
    assert b"[bold red]loud[/]" in raw
    leaked = [p for p in PAYLOADS if p.encode() in raw]
    assert leaked == [], f"escape payloads written to the terminal: {leaked}"
    strings = [m.start() for m in ANY_STRING.finditer(raw)]
    allowed = {m.start() for m in ALLOWED_STRINGS.finditer(raw)}
    foreign = [raw[i : i + 24] for i in strings if i not in allowed]
    assert foreign == [], f"OSC/DCS sequences not written by the reader itself: {foreign}"
    assert FORBIDDEN_BYTES.findall(raw) == []


def test_reader_opens_urls_of_the_local_site(terminal: Terminal, site: LocalSite) -> None:
    """`samefact URL1 URL2` fetches both pages and opens them as one story."""
    terminal.start([*_samefact(), site.url("pages/herald.html"), site.url("pages/wire.html")])
    screen = terminal.wait_for("Storm Orla: Kelby harbour wall")
    assert "The Northern Herald" in screen
    terminal.tmux("send-keys", "-t", "e2e", "J")  # the next source
    assert "UK storm breaches sea defences" in terminal.wait_for("Meridian Wire")
    assert sorted(path for path, _ in site.requests) == ["/pages/herald.html", "/pages/wire.html"]
    _quit(terminal)


def test_reader_reads_a_page_piped_to_it(terminal: Terminal) -> None:
    """`cat page.html | samefact - other.html`: the piped page opens, and keys still work."""
    terminal.start([*_samefact(), "-", str(PAGES / "wire.html")], stdin=PAGES / "herald.html")
    screen = terminal.wait_for("Storm Orla: Kelby harbour wall")
    assert "The Northern Herald" in screen
    terminal.tmux("send-keys", "-t", "e2e", "J")
    terminal.wait_for("UK storm breaches sea defences")
    _quit(terminal)
