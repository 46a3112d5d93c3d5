"""The installed `samefact` in a real terminal (tmux): keys in, captured pane out.

Without tmux the test skips on a developer machine and fails under CI (`CI` set), where
`.ci/run` installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS
from tui.core import load_story

pytestmark = pytest.mark.e2e


def _samefact() -> str:
    """The installed script; in a venv without it, this checkout run as `python -m tui`."""
    beside = Path(sys.executable).parent / "samefact"
    if beside.exists():
        return str(beside)
    found = shutil.which("samefact")
    if found is not None:
        return found
    if os.environ.get("CI"):
        pytest.fail("samefact is not installed (pip install -e .)")
    return f"env PYTHONPATH={ROOT} {sys.executable} -m tui"


def _tmux() -> str:
    tmux = shutil.which("tmux")
    if tmux is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is missing; .ci/run installs it")
        pytest.skip("tmux is not installed")
    return tmux


class Pane:
    """One tmux session running a command at a fixed size."""

    def __init__(self, tmux: str, name: str) -> None:
        self.tmux, self.name = tmux, name

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([self.tmux, *args], capture_output=True, text=True, timeout=20)

    def send(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.name, *keys)

    def capture(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.name).stdout

    def alive(self) -> bool:
        return self.run("has-session", "-t", self.name).returncode == 0

    def wait_for(self, test: Callable[[str], bool], what: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture()
            if test(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; screen was:\n{screen}")


@pytest.fixture
def tmux_pane(tmp_path: Path) -> Iterator[Callable[[str], Pane]]:
    tmux = _tmux()
    socket = f"samefact-test-{uuid.uuid4().hex[:8]}"
    names: list[str] = []

    def start(command: str) -> Pane:
        name = f"t{len(names)}"
        names.append(name)
        config = tmp_path / "config.toml"
        env = (
            f"env -u COLUMNS -u LINES TERM=xterm-256color HOME={tmp_path} SAMEFACT_CONFIG={config}"
        )
        subprocess.run(
            [
                tmux,
                "-L",
                socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                "120",
                "-y",
                "40",
                f"{env} {command}",
            ],
            check=True,
            timeout=20,
        )
        return _SocketPane(tmux, socket, name)

    yield start
    subprocess.run([tmux, "-L", socket, "kill-server"], capture_output=True, timeout=20)


class _SocketPane(Pane):
    """A pane on a private tmux server, so tests never touch the user's sessions."""

    def __init__(self, tmux: str, socket: str, name: str) -> None:
        super().__init__(tmux, name)
        self.socket = socket

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.tmux, "-L", self.socket, *args], capture_output=True, text=True, timeout=20
        )


def _outlet(screen: str) -> str:
    """The outlet in the article pane's title (the focused pane has the heavy border)."""
    found = re.search(r"┏━ (.+?) ━", screen)
    return found.group(1) if found else ""


def _panel(screen: str) -> str:
    """The right-hand column (the same-fact panel) of a 120-column capture."""
    return "\n".join(line[80:] for line in screen.splitlines())


def _settled(pane: Pane, timeout: float = 5.0) -> str:
    """The screen once two captures 0.2 s apart agree (both keys handled, layout done)."""
    deadline = time.monotonic() + timeout
    previous = pane.capture()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        current = pane.capture()
        if current == previous:
            return current
        previous = current
    return previous


def test_read_follow_jump_and_back_then_quit(tmux_pane) -> None:  # type: ignore[no-untyped-def]
    """j and } move the reading line and the panel follows; Enter jumps, ctrl-o returns."""
    pane = tmux_pane(f"{_samefact()} {SEEDS}")
    start = pane.wait_for(lambda s: "¶ confirmed" in s and "outlets" in s, "the aligned story")
    first_outlet = _outlet(start)
    assert first_outlet
    # The reader opens at the top: the first article's headline is on its first line.
    headline = load_story([SEEDS]).articles[0].title
    top = _settled(pane).splitlines()[1]
    assert " ".join(headline.split()[:4]) in top, (headline, top)
    pane.send("j")
    pane.send("]", "c")
    pane.wait_for(lambda s: _panel(s) != _panel(start), "the panel to follow")
    followed = _settled(pane)
    assert "▶1" in followed, "a corroborated paragraph lists numbered matches"
    pane.send("Enter")
    pane.wait_for(lambda s: _outlet(s) not in ("", first_outlet), "another outlet to open")
    pane.send("C-o")
    pane.wait_for(lambda s: _outlet(s) == first_outlet, "ctrl-o to come back")
    back = _settled(pane)
    assert _panel(back) == _panel(followed)
    pane.send("q")
    pane.wait_for(lambda s: not pane.alive() or "¶ confirmed" not in s, "q to quit", timeout=10)


def test_screen_is_restored_on_exit(tmux_pane) -> None:  # type: ignore[no-untyped-def]
    """After q the alternate screen is left: the shell's own text is back, the reader's gone."""
    pane = tmux_pane("sh")
    pane.send(f"echo before-samefact; {_samefact()} {SEEDS}; echo exit=$?", "Enter")
    pane.wait_for(lambda s: "¶ confirmed" in s, "the reader")
    pane.send("q")
    screen = pane.wait_for(lambda s: "exit=0" in s, "the shell prompt after exit")
    assert "before-samefact" in screen
    assert "¶ confirmed" not in screen and "Sources" not in screen
    assert pane.run("display", "-p", "-t", pane.name, "#{alternate_on}").stdout.strip() == "0"


def test_c_locale_and_basic_colours(tmux_pane) -> None:  # type: ignore[no-untyped-def]
    """LANG=C on the server and a 16-colour terminal: the reader still draws its text and quits."""
    env = "env LANG=C LC_ALL=C TEXTUAL_COLOR_SYSTEM=standard"
    pane = tmux_pane(f"{env} {_samefact()} {SEEDS}")
    screen = pane.wait_for(lambda s: "¶ confirmed" in s, "the reader under LANG=C")
    assert "Traceback" not in screen
    pane.send("]", "c")
    pane.wait_for(lambda s: "▶1" in s, "the panel under LANG=C")
    pane.send("q")
    pane.wait_for(lambda s: not pane.alive() or "¶ confirmed" not in s, "q to quit", timeout=10)
