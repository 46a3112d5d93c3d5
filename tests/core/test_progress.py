"""The command line's progress bar: only on a terminal, only for slow loads, erased after."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from tui import cli, progress
from tui.progress import StderrProgress


def test_bar_is_drawn_after_the_delay_and_erased() -> None:
    """Past the delay the bar shows done/total; close() erases its line."""
    stream = io.StringIO()
    progress = StderrProgress("loading", stream=stream, delay=0)
    progress(5, 10, "a.txt")
    progress(10, 10, "b.txt")
    assert "[###############               ] 5/10" in stream.getvalue()
    assert stream.getvalue().rstrip().endswith("10/10")
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_quick_loads_draw_nothing() -> None:
    """A load that ends before the delay leaves stderr untouched."""
    stream = io.StringIO()
    progress = StderrProgress("loading", stream=stream, delay=60)
    for done in range(1, 101):
        progress(done, 100, "x.txt")
    progress.close()
    assert stream.getvalue() == ""


def test_no_bar_when_stderr_is_not_a_terminal(capsys) -> None:  # type: ignore[no-untyped-def]
    """Piped or logged stderr gets no bar at all."""
    assert StderrProgress.if_terminal("loading") is None


class _TerminalStderr(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_align_draws_and_erases_the_bar_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`samefact align` with a terminal stderr shows the bar, erases it, then the messages."""
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Headline {i}\nBody {i}.\n")
    (tmp_path / "empty.txt").write_text("")
    err = _TerminalStderr()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(progress, "DELAY", 0)
    assert cli.main(["align", str(tmp_path), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 3
    drawn = err.getvalue()
    assert "loading [" in drawn and "] 4/4" in drawn
    bar_end = drawn.rindex("\r\x1b[K")
    assert "empty.txt: empty file" in drawn[bar_end:]
