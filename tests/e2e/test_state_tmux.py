"""The reader's place survives `kill -9` and a hang-up (a dropped SSH connection), in tmux.

The reader runs in a real terminal on a copy of the seeds. We move to the second outlet's
fourth paragraph, then kill the process (SIGKILL), or close the terminal under it
(SIGHUP, what sshd does when the connection drops), start it again and read the screen:
the same outlet at the same paragraph.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.e2e


def _samefact() -> list[str]:
    script = Path(sys.executable).parent / "samefact"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


class Terminal:
    """A private tmux server with one 120x40 window running the reader."""

    def __init__(self) -> None:
        if shutil.which("tmux") is None:
            if os.environ.get("CI"):
                pytest.fail("tmux is missing; .ci/run installs it")
            pytest.skip("tmux is not installed")
        self.socket = f"samefact-state-{os.getpid()}-{time.monotonic_ns()}"

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=20,
        )

    def start(self, story: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k.startswith(("XDG_", "SAMEFACT_"))}
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        argv = shlex.join([*_samefact(), str(story)])
        command = f"cd {shlex.quote(str(ROOT))}; exec env TERM=xterm-256color {exports} {argv}"
        self.tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "r", "sh", "-c", command)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "r").stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "r", "-l", key)
            time.sleep(0.05)

    def pid(self) -> int:
        return int(self.tmux("display", "-p", "-t", "r", "#{pane_pid}").stdout.strip())

    def wait_for(self, pattern: str, timeout: float = 30.0) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(pattern, self.screen())
            if found:
                return found
            time.sleep(0.1)
        raise AssertionError(f"{pattern!r} never appeared; the screen was:\n{self.screen()}")

    def close(self) -> None:
        self.tmux("kill-server")


def _outlet(screen: str) -> str:
    found = re.search(r"┏━ (.+?) ━", screen)
    return found.group(1) if found else ""


@pytest.mark.parametrize("how", ["kill -9", "hang-up"])
def test_place_survives_a_killed_reader(tmp_path: Path, how: str) -> None:
    """After SIGKILL or SIGHUP mid-reading, the next start shows the same outlet and paragraph."""
    story = tmp_path / "story"
    shutil.copytree(SEEDS, story)
    term = Terminal()
    try:
        term.start(story)
        term.wait_for(r"¶ 1/\d+ ·")
        first = _outlet(term.screen())
        term.keys("J")
        term.wait_for(r"┏━ (?!" + re.escape(first) + r" ━)")
        term.keys("}", "}", "}")
        term.wait_for(r"¶ 4/\d+ ·")
        outlet = _outlet(term.screen())
        assert outlet and outlet != first
        if how == "kill -9":
            os.kill(term.pid(), signal.SIGKILL)
        else:
            term.tmux("kill-session", "-t", "r")  # the terminal goes away: SIGHUP
        deadline = time.monotonic() + 10
        while term.tmux("has-session", "-t", "r").returncode == 0 and time.monotonic() < deadline:
            time.sleep(0.05)

        term.start(story)
        term.wait_for(r"¶ 4/\d+ ·")
        assert _outlet(term.screen()) == outlet
    finally:
        term.close()
