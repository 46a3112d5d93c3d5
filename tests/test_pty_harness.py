"""The pseudo-terminal harness of the benchmarks measures what a program really writes."""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

import pytest

from benchmarks.pty_harness import PtySession, terminal_restored
from benchmarks.stories import write_long_story

# A full-screen program in miniature: alternate screen, hidden cursor, a greeting sized to the
# terminal, an answer to `x` after 100 ms, and `q` restores the terminal and exits.
TINY = textwrap.dedent(
    r"""
    import os, sys, time, tty, shutil
    tty.setraw(0)
    out = sys.stdout
    size = shutil.get_terminal_size()
    out.write(f"\x1b[?1049h\x1b[?25l\x1b[?1000hready {size.columns}x{size.lines}")
    out.flush()
    while True:
        key = os.read(0, 1)
        if key == b"x":
            time.sleep(0.1)
            out.write("\r\ngot x")
            out.flush()
        elif key == b"q":
            out.write("\x1b[?1000l\x1b[?25h\x1b[?1049l")
            out.flush()
            break
    """
)


def test_tiny_program_is_seen_as_a_terminal_sees_it() -> None:
    """Text, the size, the bytes of an answer, its latency and a clean exit are all reported."""
    with PtySession([sys.executable, "-c", TINY], size=(100, 30)) as session:
        assert session.wait_for_text("ready 100x30", timeout=10) is not None
        session.wait_quiet(0.05)
        latency, size = session.key_to_quiet("x")
        assert size == len(b"\r\ngot x")
        assert latency is not None and latency >= 0.1
        assert "got x" in session.text().splitlines()[1]
        mark = session.mark()
        session.press("q")
        assert session.wait_exit(10) is not None
        session.wait_quiet(0.05, timeout=1)
        assert session.output(mark).endswith(b"\x1b[?1049l")
        assert terminal_restored(session.output()).ok


def test_modes_left_on_are_named() -> None:
    """A program that leaves the mouse on and the cursor hidden is caught; one that resets them is not."""
    left = terminal_restored(b"\x1b[?1049h\x1b[?1000h\x1b[?1006h\x1b[?25l\x1b[?1049l")
    assert not left.ok
    assert set(left.left_on) == {"mouse clicks (?1000)", "SGR mouse (?1006)", "cursor hidden (?25)"}
    assert terminal_restored(b"\x1b[?1000;1006h\x1b[?25l\x1b[?1000;1006l\x1b[?25h").ok
    assert not terminal_restored(b"\x1b[>1u").ok
    assert terminal_restored(b"\x1b[>1u\x1b[<u").ok


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
def test_less_line_step_is_small_and_page_step_is_a_screen(tmp_path: Path) -> None:
    """less on the benchmark article: a line step writes one line, a page step about a screen."""
    story = write_long_story(tmp_path / "story")
    with PtySession(["less", str(story.first_article)], env={"LESSHISTFILE": "-", "LESS": ""}) as session:
        assert session.wait_for_text(story.marker, timeout=10) is not None
        session.wait_quiet(0.1)
        frame = session.key_to_quiet("\x0c")[1]
        line = session.key_to_quiet("j")[1]
        page = session.key_to_quiet(" ")[1]
        assert 0 < line < 400 < frame
        assert 0.5 * frame < page < 1.5 * frame
        session.press("q")
        assert session.wait_exit(10) is not None
        assert terminal_restored(session.output()).ok
