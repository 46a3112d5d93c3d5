"""Pilot tests of the same-fact panel: the selected match stays where the reader can see it."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import reader
from tui.widgets.elsewhere_panel import ElsewherePanel


async def focus_panel(pilot: Pilot, narrow: bool) -> ElsewherePanel:
    """Show the panel (`a` in the narrow layout) and Tab into it, as a reader does."""
    if narrow:
        await pilot.press("a")
    await pilot.press("tab")
    await pilot.pause()
    panel = pilot.app.focused
    assert isinstance(panel, ElsewherePanel)
    return panel


def assert_selected_in_view(panel: ElsewherePanel) -> None:
    """The `▶` marker is drawn, and the selected match's lines lie inside the panel's region."""
    visible = panel.scrollable_content_region
    assert visible.height > 0
    shown = ["".join(s.text for s in panel.render_line(y)) for y in range(visible.height)]
    assert sum(line.count("▶") for line in shown) == 1, shown
    top, end = panel._entry_lines(panel.selected)
    first = visible.y + top - round(panel.scroll_y)
    assert visible.y <= first and first + min(end - top, visible.height) <= visible.bottom
    assert f"▶{panel.selected + 1}" in shown[first - visible.y]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_j_in_the_panel_scrolls_the_selected_match_into_view(size: tuple[int, int]) -> None:
    """Each j moves the marker to the next match and the panel follows it; Enter opens that one."""
    async with reader(size=size) as (app, pilot):
        panel = await focus_panel(pilot, narrow=size[0] < 100)
        assert len(panel.entries) > 4
        for n in range(1, len(panel.entries)):
            await pilot.press("j")
            await pilot.pause()
            assert panel.selected == n
            assert_selected_in_view(panel)
        for _ in range(len(panel.entries)):
            await pilot.press("k")
            await pilot.pause()
            assert_selected_in_view(panel)
        assert panel.selected == 0
        await pilot.press("j", "j", "j", "j")  # digits open a match here: no count
        await pilot.pause()
        assert_selected_in_view(panel)
        entry = panel.entries[4]
        await pilot.press("enter")
        await pilot.pause()
        assert app.reading.position == (entry.article_id, entry.paragraph)


async def test_the_selected_match_stays_in_view_after_a_resize() -> None:
    """A taller or narrower terminal rewraps the panel; the marked match is still on screen."""
    async with reader(size=(80, 30)) as (app, pilot):
        panel = await focus_panel(pilot, narrow=True)
        await pilot.press("j", "j", "j", "j", "j")
        await pilot.pause()
        assert panel.selected == 5
        assert_selected_in_view(panel)
        for width, height in [(80, 24), (64, 24), (200, 30)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert panel.selected == 5
            assert_selected_in_view(panel)
