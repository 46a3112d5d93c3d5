"""A one-line progress bar under the article while a long load or alignment runs.

Mounted by the app only when the work has taken longer than `SHOW_AFTER` seconds, and
removed when it ends, so a quick open never flashes a bar. The article above stays
readable and scrollable the whole time.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

SHOW_AFTER = 0.5
"""Seconds of work before the bar appears."""


class ProgressLine(Horizontal):
    """What is being done ("Aligning 200 articles") and a bar that pulses until a total is known."""

    DEFAULT_CSS = """
    ProgressLine { height: 1; }
    ProgressLine > Label { width: auto; margin: 0 1; }
    """

    def __init__(
        self, text: str, done: int = 0, total: int | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._label = Label(_describe(text, done, total), id="load-progress-label", markup=False)
        self._bar = ProgressBar(total=total, show_eta=False, id="load-progress-bar")
        self._shown = (text, done, total)

    def compose(self) -> ComposeResult:
        yield self._label
        yield self._bar

    def on_mount(self) -> None:
        _text, done, total = self._shown
        self._bar.update(total=total, progress=done)

    def show(self, text: str, done: int, total: int | None) -> None:
        """Say what is being done and how far it is."""
        self._shown = (text, done, total)
        self._label.update(_describe(text, done, total))
        if self.is_mounted:
            self._bar.update(total=total, progress=done)


def _describe(text: str, done: int, total: int | None) -> str:
    return text if total else f"{text}…"
