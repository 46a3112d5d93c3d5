"""Any terminal: narrow layouts, tiny sizes, resizing, odd text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import reader
from tui.core.settings import Settings
from tui.widgets.article_pane import ArticlePane


async def test_80x24_collapses_sources_and_panel_into_a_summary() -> None:
    """At 80×24 the article takes the width; a summary line says how many outlets agree."""
    async with reader(size=(80, 24)) as (app, pilot):
        screen = app.main
        assert screen.narrow
        assert screen.sources.region.width == 0 and screen.panel.region.width == 0
        summary = screen.query_one("#summary")
        assert summary.region.height == 1
        assert "of 5 outlets" in str(summary.render())
        await pilot.press("a")
        await pilot.pause()
        assert screen.panel.region.height > 3 and screen.article_pane.region.height > 3
        await pilot.press("q")
        await pilot.pause()
        assert screen.panel.region.height == 0 and app.is_running


@pytest.mark.parametrize("size", [(40, 12), (20, 6), (160, 48)])
async def test_small_and_large_terminals_do_not_crash(size: tuple[int, int]) -> None:
    async with reader(size=size) as (app, pilot):
        await pilot.press("j", "right_curly_bracket", "G", "a", "ctrl+n", "question_mark", "q")
        await pilot.press("g", "enter", "ctrl+o")
        assert app.is_running


async def test_resize_keeps_current_paragraph_in_view() -> None:
    """Narrowing the terminal rewraps the text; the paragraph being read stays at the top."""
    async with reader(size=(160, 48)) as (app, pilot):
        pane = app.main.article_pane
        await pilot.press("4", "right_curly_bracket")
        assert pane.current == 4
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert pane.current == 4
        assert pane.line == pane.starts[4]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert pane.current == 4 and app.main.panel.region.width > 0


async def test_layout_setting_forces_narrow() -> None:
    async with reader(size=(160, 48), settings=Settings(layout="narrow")) as (app, _pilot):
        assert app.main.narrow


async def test_wide_text_and_markup_are_shown_literally(tmp_path: Path) -> None:
    """CJK, emoji, combining marks and [bold] markup: wrapped by cell width, shown as typed."""
    (tmp_path / "a.txt").write_text(
        "東京で首脳会談が開かれた [bold]not bold[/bold]\n\n"
        + "会談は二日間続き、両首脳は協力を約束した。" * 6
        + "\n\nCafe\u0301 👩‍👩‍👧 emoji line\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("Other outlet\n\n東京で首脳会談が開かれた\n", encoding="utf-8")
    async with reader(size=(60, 20), paths=[tmp_path]) as (app, pilot):
        pane = app.main.query_one(ArticlePane)
        width = pane.scrollable_content_region.width
        for y in range(pane.scrollable_content_region.height):
            assert pane.render_line(y).cell_length == width
        text = "".join(pane.render_line(y).text for y in range(10))
        assert "[bold]not bold[/bold]" in text
        await pilot.press("G", "j", "k")
        assert app.is_running
