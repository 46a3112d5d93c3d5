"""Each binding does its one thing (Pilot, real key presses, assertions on state)."""

from __future__ import annotations

import pytest
from textual import events

from tests.ui.conftest import reader
from tui.bindings import BINDINGS
from tui.keys import SEQUENCES
from tui.screens.help import HelpScreen
from tui.screens.info import InfoScreen
from tui.view import paragraph_kind
from tui.widgets.elsewhere_panel import ElsewherePanel
from tui.widgets.search_bar import SearchBar
from tui.widgets.source_list import SourceList


def test_every_binding_has_an_id_and_a_description() -> None:
    """Users rebind by id and help shows the description, so neither may be missing."""
    ids = [b.id for b in BINDINGS] + [s.id for s in SEQUENCES]
    assert all(ids) and len(ids) == len(set(ids))
    assert all(b.description and b.tooltip for b in BINDINGS)


async def test_count_before_j_moves_that_many_lines() -> None:
    async with reader() as (app, pilot):
        await pilot.press("5", "j")
        assert app.main.article_pane.line == 5
        await pilot.press("2", "k")
        assert app.main.article_pane.line == 3


async def test_count_before_paragraph_key() -> None:
    async with reader() as (app, pilot):
        await pilot.press("3", "right_curly_bracket")
        assert app.main.article_pane.current == 3


async def test_page_and_half_page() -> None:
    """Space/f/PgDn page down, b/PgUp up; d/u half a page."""
    async with reader() as (app, pilot):
        pane = app.main.article_pane
        height = pane.scrollable_content_region.height
        await pilot.press("space")
        assert pane.line == height - 1
        await pilot.press("b")
        assert pane.line == 0
        await pilot.press("d")
        assert pane.line == height // 2
        await pilot.press("u")
        assert pane.line == 0
        await pilot.press("pagedown", "f")
        assert pane.line == 2 * (height - 1)


async def test_top_bottom_and_numbered_paragraph() -> None:
    """G goes to the last paragraph, g to the top, 4g to paragraph 4; gg equals g."""
    async with reader() as (app, pilot):
        pane, article = app.main.article_pane, app.main.article
        await pilot.press("G")
        assert pane.current == len(article.paragraphs) - 1
        await pilot.press("g", "g")
        assert (pane.line, pane.current) == (0, 0)
        await pilot.press("4", "g")
        assert pane.current == 3
        await pilot.press("2", "g", "g")
        assert pane.current == 1


async def test_top_and_bottom_from_inside_the_first_and_last_paragraph() -> None:
    """g goes to the top from a few lines down, though the first paragraph is still the current
    one; G ends at the last paragraph's start from inside it; Ng returns to paragraph N's start."""
    async with reader() as (app, pilot):
        pane = app.main.article_pane
        await pilot.press("j")
        assert (pane.line, pane.current) == (1, 0)
        await pilot.press("g")
        assert pane.line == 0
        await pilot.press("G")
        bottom = pane.line
        await pilot.press("k", "G")
        assert pane.line == bottom
        await pilot.press("3", "g")
        start = pane.line
        await pilot.press("j", "3", "g")
        assert (pane.line, pane.current) == (start, 2)


@pytest.mark.parametrize("kind,key", [("corroborated", "c"), ("unique", "u")])
async def test_bracket_keys_find_paragraph_kinds(kind: str, key: str) -> None:
    """]c goes to the next paragraph reported elsewhere, ]u to one only this outlet has."""
    async with reader() as (app, pilot):
        pane, article = app.main.article_pane, app.main.article
        wanted = [
            p.n for p in article.paragraphs if kind in paragraph_kind(app.alignment, article, p.n)
        ]
        later = [n for n in wanted if n > 0]
        assert later, "the first seed article has both kinds"
        await pilot.press("right_square_bracket", key)
        assert pane.current == later[0]
        await pilot.press("G", "left_square_bracket", key)
        assert pane.current == [n for n in wanted if n < len(article.paragraphs) - 1][-1]


async def test_conflict_keys_use_conflicts_for() -> None:
    """]x stops only on paragraphs with a conflict, or says there is none."""
    async with reader() as (app, pilot):
        article = app.main.article
        conflicted = [
            p.n for p in article.paragraphs if app.alignment.conflicts_for(article.id, p.n)
        ]
        await pilot.press("right_square_bracket", "x")
        assert app.main.article_pane.current == (conflicted[0] if conflicted else 0)


async def test_enter_opens_best_match_and_ctrl_o_returns() -> None:
    """Jump to another outlet's paragraph with one key and back with one key."""
    async with reader() as (app, pilot):
        screen = app.main
        await pilot.press("right_square_bracket", "c")
        start = app.reading.position
        best = app.alignment.matches_for(*start)[0]
        await pilot.press("enter")
        assert app.reading.position == (best.b.article, best.b.paragraph)
        assert screen.article.id == best.b.article
        assert screen.sources.current == best.b.article
        await pilot.press("ctrl+o")
        assert app.reading.position == start
        await pilot.press("tab")  # ctrl-i arrives as Tab in terminals: forward again
        assert app.reading.position == (best.b.article, best.b.paragraph)


async def test_number_in_panel_opens_that_match() -> None:
    async with reader() as (app, pilot):
        await pilot.press("right_square_bracket", "c")
        start = app.reading.position
        matches = app.alignment.matches_for(*start)
        app.main.panel.focus()
        await pilot.press("1")
        assert app.reading.position == (matches[0].b.article, matches[0].b.paragraph)


async def test_j_in_panel_selects_next_match() -> None:
    async with reader() as (app, pilot):
        await pilot.press("right_square_bracket", "c")
        panel = app.main.panel
        panel.focus()
        await pilot.press("j")
        assert panel.selected == min(1, len(panel.entries) - 1)


async def test_next_and_previous_source() -> None:
    """J and K open the next and previous article where the reader left it."""
    async with reader() as (app, pilot):
        ids = [a.id for a in app.story.articles]
        await pilot.press("right_curly_bracket", "J")
        assert app.main.article.id == ids[1]
        await pilot.press("K")
        assert app.reading.position == (ids[0], 1)
        await pilot.press("K")
        assert app.main.article.id == ids[-1]


async def test_source_list_enter_opens_source() -> None:
    async with reader() as (app, pilot):
        app.main.sources.focus()
        await pilot.press("j", "enter")
        assert app.main.article.id == app.story.articles[1].id


async def test_marks_and_back_from_jump() -> None:
    """ma sets a mark, 'a returns to it, '' goes back to before the last jump."""
    async with reader() as (app, pilot):
        await pilot.press("2", "right_curly_bracket", "m", "a", "J")
        other = app.reading.position
        await pilot.press("apostrophe", "a")
        assert app.reading.position == (app.story.articles[0].id, 2)
        await pilot.press("apostrophe", "apostrophe")
        assert app.reading.position == other


async def test_search_is_incremental_and_n_steps() -> None:
    """/ moves to the first hit as you type; Enter keeps it; n and N step through hits."""
    async with reader() as (app, pilot):
        pane = app.main.article_pane
        await pilot.press("slash", "K", "i", "m")
        bar = app.main.query_one(SearchBar)
        assert bar.region.height == 1 and bar.value == "Kim", "the prompt is on screen"
        assert not bar.region.overlaps(app.main.query_one("Footer").region)
        hits = pane.hits()
        assert hits and pane.line == hits[0][1]
        await pilot.press("enter")
        assert pane.has_focus and pane.search is not None
        await pilot.press("n")
        assert pane.line == (hits[1][1] if len(hits) > 1 else hits[0][1])
        await pilot.press("N")
        assert pane.line == hits[0][1]
        await pilot.press("escape")
        assert pane.search is None


async def test_search_escape_returns_to_origin() -> None:
    async with reader() as (app, pilot):
        await pilot.press("right_curly_bracket", "slash", "K", "i", "m", "escape")
        assert app.main.article_pane.current == 1
        assert app.main.article_pane.search is None


async def test_filter_shows_only_matching_paragraphs() -> None:
    async with reader() as (app, pilot):
        pane = app.main.article_pane
        await pilot.press("ampersand", "K", "i", "m", "enter")
        shown = set(pane.starts)
        assert shown and all("Kim" in app.main.article.paragraphs[n].text for n in shown)
        frame = app.main.article_frame
        total = len(app.main.article.paragraphs)
        assert frame.border_title == f"{app.main.article.outlet} · filter “Kim”: {len(shown)} of {total} ¶"
        await pilot.press("J")  # another article: the filter stays on, and the border says so
        assert "filter “Kim”" in frame.border_title and app.main.article.outlet in frame.border_title
        await pilot.press("K", "ampersand")
        assert len(pane.starts) == len(app.main.article.paragraphs)
        assert frame.border_title == app.main.article.outlet


async def test_toggle_panel_and_sources() -> None:
    async with reader() as (app, pilot):
        screen = app.main
        await pilot.press("a")
        assert not screen.panel.display or not screen.panel.region.width
        await pilot.press("a")
        await pilot.pause()
        assert screen.panel.region.width > 0
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.sources.region.width == 0
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.sources.region.width > 0


async def test_boilerplate_folds_and_unfolds() -> None:
    """z unfolds boilerplate paragraphs to their full text (and folds them again)."""
    async with reader() as (app, pilot):
        pane = app.main.article_pane
        folded = len(pane.lines)
        await pilot.press("z")
        assert pane.show_boilerplate
        has_boilerplate = any(p.role == "boilerplate" for p in app.main.article.paragraphs)
        assert (len(pane.lines) > folded) == has_boilerplate
        await pilot.press("z")
        assert len(pane.lines) == folded


async def test_copy_paragraph() -> None:
    async with reader() as (app, pilot):
        await pilot.press("right_curly_bracket", "y")
        assert app.clipboard.startswith(app.main.article.paragraphs[1].text)
        assert app.main.article.outlet in app.clipboard


async def test_info_help_and_close() -> None:
    """= and ? open overlays that q and Esc close; help lists ids from the live table."""
    async with reader() as (app, pilot):
        await pilot.press("equals_sign")
        assert isinstance(app.screen, InfoScreen)
        await pilot.press("q")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        ids = {row[1] for row in app.screen.rows}
        assert {"line-down", "next-corroborated", "open-match", "help"} <= ids
        await pilot.press("escape")
        assert app.screen is app.main
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_help_scrolls_with_the_article_keys() -> None:
    """The help pages as less does: Space/f/b a page, d/u half a page, G/g end/top, j/k a line."""
    async with reader(size=(80, 24)) as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        height = body.scrollable_content_region.height
        assert body.max_scroll_y > 2 * height  # the table is longer than two pages

        async def after(*keys: str) -> int:
            await pilot.press(*keys)
            await pilot.pause()
            return round(body.scroll_y)

        assert await after("space") == height - 1
        assert await after("f") == 2 * (height - 1)
        assert await after("b") == height - 1
        assert await after("g") == 0
        assert await after("d") == height // 2
        assert await after("u") == 0
        assert await after("G") == body.max_scroll_y
        assert await after("k") == body.max_scroll_y - 1
        assert await after("g", "j") == 1
        for _ in range(3):  # keys that arrive faster than the screen repaints (a held j)
            app.post_message(events.Key("j", "j"))
        assert await after() == 4


async def test_keymap_rebinds_and_help_shows_it() -> None:
    from tui.core.settings import Settings

    async with reader(settings=Settings(keymap={"line-down": "x"})) as (app, pilot):
        await pilot.press("x")
        assert app.main.article_pane.line == 1
        rows = {row[1]: row[0] for row in app.main.help_rows()}
        assert rows["line-down"] == "x"


async def test_url_keys_say_when_there_is_no_url() -> None:
    async with reader() as (app, pilot):
        await pilot.press("O")
        await pilot.press("o")
        assert app.main.article.url or any("no URL" in str(n.message) for n in app._notifications)


async def test_reload_keeps_the_place() -> None:
    async with reader() as (app, pilot):
        await pilot.press("J", "2", "right_curly_bracket")
        place, old = app.reading.position, app.alignment
        await pilot.press("r")
        for _ in range(300):
            if app.alignment is not old and app.alignment is not None:
                break
            await pilot.pause(0.01)
        assert app.alignment is not old and app.generation == 2
        assert app.reading.position == place


async def test_repaint_and_palette() -> None:
    async with reader() as (app, pilot):
        await pilot.press("ctrl+l", "colon")
        assert app.screen is not app.main  # the command palette
        await pilot.press("escape")
        assert app.screen is app.main


async def test_tab_moves_focus_between_panes() -> None:
    async with reader() as (app, pilot):
        assert app.main.article_pane.has_focus
        await pilot.press("tab")
        assert isinstance(app.focused, ElsewherePanel)
        await pilot.press("shift+tab", "shift+tab")
        assert isinstance(app.focused, SourceList)


@pytest.mark.parametrize("key", ["q", "Q", "ctrl+q"])
async def test_quit_keys(key: str) -> None:
    async with reader() as (app, pilot):
        await pilot.press(key)
        await pilot.pause()
        assert app._exit_renderables is not None or not app.is_running


async def test_q_closes_search_highlight_before_quitting() -> None:
    async with reader() as (app, pilot):
        await pilot.press("slash", "K", "i", "m", "enter", "q")
        assert app.main.article_pane.search is None
        assert app.is_running


async def test_move_keys_still_end_a_mark_sequence() -> None:
    """j and } run before the screen sees them, yet `mj` and `'j` set and use mark j."""
    async with reader() as (app, pilot):
        first = app.story.articles[0].id
        await pilot.press("2", "right_curly_bracket", "m", "j")
        assert app.reading.position == (first, 2) and app.main.article_pane.line > 0
        line = app.main.article_pane.line
        await pilot.press("G", "apostrophe", "j")
        assert app.reading.position == (first, 2)
        assert app.main.article_pane.line == line


async def test_move_keys_type_into_the_search_prompt() -> None:
    """Letters bound to moves (j k f b d u, space) are text in the search prompt."""
    async with reader() as (app, pilot):
        await pilot.press("slash", "j", "k", "f", "b", "d", "u", "space")
        assert app.main.query_one(SearchBar).value == "jkfbdu "


async def test_keys_typed_in_one_burst_behind_slash_go_into_the_prompt() -> None:
    """`/` and a word arrive together (a slow link delivers keystrokes in bursts): every letter
    is typed into the prompt, none runs a binding (`a` would hide the panel, `m` set a mark)."""
    from textual import events

    async with reader() as (app, pilot):
        for times in range(2):  # the prompt is mounted on first use, then reused
            burst = [("slash", "/"), *((c, c) for c in "mutual"), ("j", "j")]
            for key, character in burst:
                app.post_message(events.Key(key, character))
            await pilot.pause()
            await pilot.pause()
            bar = app.main.query_one(SearchBar)
            assert bar.value == "mutualj"
            assert app.main.panel.display
            await pilot.press("escape")
            assert not bar.display
