"""The partial compositor writes what Textual's own compositor writes, step by step.

Compared as the cells each update writes on a terminal (pyte): Textual's own updates also
move the cursor to a chop that starts at the end of a changed span and write nothing there,
a move the partial compositor leaves out with the chop.
"""

from __future__ import annotations

from typing import Any

import pyte
import pytest
from rich.console import Console

from tests.ui.conftest import reader
from tui.screens.painting import PartialCompositor

KEYS = [
    *["j"] * 12,  # lines, into and out of paragraphs: the panel changes under the article
    "right_curly_bracket",
    "right_curly_bracket",
    "space",
    "k",
    "G",
    "g",
    "tab",  # the focus ring moves to the panel's frame
    "j",
    "tab",
    "a",  # the panel hides and comes back
    "a",
    "ctrl+n",
    "J",  # another article
    "j",
]


def _screen(update: Any, console: Console, size: tuple[int, int]) -> list[list[Any]]:
    """The cells `update` writes on a blank terminal (a bare cursor move writes none)."""
    screen = pyte.Screen(*size)
    if update is not None:
        pyte.Stream(screen).feed(update.render_segments(console))
    return [[screen.buffer[y][x] for x in range(size[0])] for y in range(size[1])]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_partial_updates_equal_textuals(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every partial update of a walk through the keys is the one the full compositor makes."""
    compared = []
    real = PartialCompositor.render_partial_update

    def both(self: PartialCompositor) -> Any:
        changed = set(self._dirty_regions)
        update = real(self)  # what the screen shows
        # The same update again, without and with the skipping: a scrollbar can draw its first
        # frame after a layout differently from the next ones, so both are second renders.
        self._dirty_regions.update(changed)
        monkeypatch.setattr(PartialCompositor, "skip_covered", False)
        try:
            expected = real(self)
        finally:
            monkeypatch.setattr(PartialCompositor, "skip_covered", True)
        self._dirty_regions.update(changed)
        compared.append((real(self), expected))
        return update

    monkeypatch.setattr(PartialCompositor, "render_partial_update", both)
    async with reader(size) as (_app, pilot):
        console = Console(width=size[0], height=size[1], color_system="truecolor")
        for key in KEYS:
            await pilot.press(key)
            await pilot.pause()
    assert len(compared) > len(KEYS) // 2, "the keys made no partial updates"
    for update, expected in compared:
        assert _screen(update, console, size) == _screen(expected, console, size)
