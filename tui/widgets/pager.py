"""A scrolling pane that pages like less: the reader's move keys, for help and the views' panes.

The keys are the reader's own bindings, taken from the one binding table by id, so a key rebound
in `config.toml [keymap]` moves every pane the same way:

| Keys | Id |
| --- | --- |
| j ↓ / k ↑ | line-down / line-up |
| Space f PgDn / b PgUp | page-down / page-up |
| d ctrl-d / u ctrl-u | half-page-down / half-page-up |
| g Home / G End | go-top / go-bottom |
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.containers import VerticalScroll

from tui.bindings import BINDINGS

PAGER_IDS = (
    "line-down",
    "line-up",
    "page-down",
    "page-up",
    "half-page-down",
    "half-page-up",
    "go-top",
    "go-bottom",
)
"""The reader's bindings that mean the same in any scrolling pane."""


def page_step(height: int, pages: float) -> int:
    """Lines to scroll for `pages` pages of a pane `height` lines high (negative: up). A whole
    page keeps one line of the last in view, as less does."""
    step = max(int(height * abs(pages)) - (1 if abs(pages) >= 1 else 0), 1)
    return step if pages > 0 else -step


class PagerScroll(VerticalScroll):
    """A `VerticalScroll` that answers j/k, Space/f/b, d/u and g/G as the article does.

    Counts are not taken here: a pane of help or one paragraph is short enough without them.
    """

    BINDINGS: ClassVar[list[BindingType]] = [b for b in BINDINGS if b.id in PAGER_IDS]

    # Every scroll is immediate: a deferred one starts from the offset before the last key, so
    # keys that arrive between two refreshes (a held j, a fast `jjj`) would move one line in all.

    def action_line(self, direction: int) -> None:
        self.scroll_relative(y=direction, animate=False, immediate=True)

    def action_page(self, pages: float) -> None:
        step = page_step(self.scrollable_content_region.height, pages)
        self.scroll_relative(y=step, animate=False, immediate=True)

    def action_go_top(self) -> None:
        self.scroll_home(animate=False, immediate=True)

    def action_go_bottom(self) -> None:
        self.scroll_end(animate=False, immediate=True)
