"""The smallest Textual app that shows an article: the floor the reader is compared with.

    python benchmarks/minimal_app.py FILE

One `Static` holding the whole text in a `VerticalScroll`, with less's keys for the moves the
benchmark makes (`j` `k` space `b` `g` `G`, ctrl-l repaints, `q` quits). Scrolling is instant
(no animation, and `immediate=True`: a deferred scroll computes each step from the position
before the last repaint, so keys that arrive within one frame would be lost), so its bytes per
step are what Textual itself needs for a scroll.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static


class MinimalApp(App[None]):
    """One static text, scrollable with less's keys."""

    CSS = "VerticalScroll { height: 1fr; } Static { width: 1fr; }"
    BINDINGS = [
        Binding("j", "line(1)", "Down"),
        Binding("k", "line(-1)", "Up"),
        Binding("space", "page(1)", "Page down"),
        Binding("b", "page(-1)", "Page up"),
        Binding("g", "home", "Top"),
        Binding("G", "end", "Bottom"),
        Binding("ctrl+l", "repaint", "Repaint"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(self.text))

    @property
    def scroller(self) -> VerticalScroll:
        """The container that scrolls the text."""
        return self.query_one(VerticalScroll)

    def action_line(self, lines: int) -> None:
        self.scroller.scroll_relative(y=lines, animate=False, immediate=True)

    def action_page(self, pages: int) -> None:
        height = self.scroller.scrollable_content_region.height
        self.scroller.scroll_relative(y=pages * height, animate=False, immediate=True)

    def action_home(self) -> None:
        self.scroller.scroll_home(animate=False)

    def action_end(self) -> None:
        self.scroller.scroll_end(animate=False)

    def action_repaint(self) -> None:
        self.refresh(repaint=True, layout=True)


if __name__ == "__main__":
    MinimalApp(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
