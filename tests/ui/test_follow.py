"""Scrolling drives the same-fact panel."""

from __future__ import annotations

from tests.ui.conftest import reader


async def test_start_shows_first_article_and_panel_for_headline() -> None:
    """At start the first article is open at its headline and the panel describes it."""
    async with reader() as (app, _pilot):
        screen = app.main
        assert screen.article is app.story.articles[0]
        assert screen.article_pane.current == 0
        assert app.reading.position == (app.story.articles[0].id, 0)
        assert screen.panel.view is not None
        assert "outlets" in screen.panel.view.header


async def test_paragraph_keys_move_current_and_panel_follows() -> None:
    """} and { move one paragraph; the panel shows the new paragraph's matches."""
    async with reader() as (app, pilot):
        screen = app.main
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        assert screen.article_pane.current == 2
        article = screen.article
        expected = {m.b.article for m in app.alignment.matches_for(article.id, 2)}
        assert {e.article_id for e in screen.panel.entries} == expected
        await pilot.press("left_curly_bracket")
        assert screen.article_pane.current == 1
        assert app.reading.paragraph == 1


async def test_line_steps_change_paragraph_at_reading_line() -> None:
    """j moves a line; the current paragraph changes only when the reading line leaves it."""
    async with reader() as (app, pilot):
        pane = app.main.article_pane
        separator = pane.starts[1] - 1  # the blank line above paragraph 1 belongs to it
        assert separator >= 2, "the first paragraph of the seeds wraps to several lines"
        await pilot.press("j")
        assert (pane.line, pane.current) == (1, 0)
        await pilot.press(*["j"] * (separator - 2))
        assert (pane.line, pane.current) == (separator - 1, 0)
        await pilot.press("j")
        assert pane.current == 1
        assert app.reading.paragraph == 1
        await pilot.press("k")
        assert pane.current == 0


async def test_held_j_ends_on_latest_paragraph() -> None:
    """Many j presses in a row leave the panel on the paragraph at the reading line."""
    async with reader() as (app, pilot):
        pane, panel = app.main.article_pane, app.main.panel
        await pilot.press(*["j"] * 40)
        await pilot.pause()
        assert pane.current == pane.paragraph_at(40)
        assert app.reading.paragraph == pane.current
        expected = app.alignment.matches_for(app.main.article.id, pane.current)
        assert len(panel.entries) == len(expected)


async def test_scrollbar_or_wheel_position_drives_panel() -> None:
    """Any change of the scroll position (scrollbar, mouse wheel) moves the current paragraph."""
    async with reader() as (app, pilot):
        pane = app.main.article_pane
        pane.scroll_to(y=pane.starts[3], animate=False, immediate=True)
        await pilot.pause()
        assert pane.current == 3 and app.reading.paragraph == 3
        pane.post_message(_wheel(pane, down=False))
        await pilot.pause()
        assert pane.line < pane.starts[3]
        assert app.reading.paragraph == pane.current == pane.paragraph_at(pane.line)


def _wheel(widget, down: bool):  # type: ignore[no-untyped-def]
    from textual import events

    kind = events.MouseScrollDown if down else events.MouseScrollUp
    return kind(widget, 2, 2, 0, 0, 0, False, False, False, screen_x=2, screen_y=2)


async def test_low_bandwidth_turns_animation_off() -> None:
    from tui.core.settings import Settings

    async with reader(settings=Settings(low_bandwidth=True)) as (app, pilot):
        assert app.animation_level == "none"
    async with reader() as (app, _pilot):
        assert app.animation_level != "none"


async def test_palette_goes_to_a_source() -> None:
    """`:` then an outlet's name opens that source."""
    async with reader() as (app, pilot):
        target = app.story.articles[2]
        await pilot.press("colon", *target.outlet)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.article.id == target.id


async def _open_tall_panel(app, pilot):  # type: ignore[no-untyped-def]
    """Go to the paragraph of the first article with the most matches: its panel overflows."""
    screen = app.main
    article = screen.article
    counts = {n: len(app.alignment.matches_for(article.id, n)) for n in range(len(article.paragraphs))}
    screen.article_pane.go_to(max(counts, key=counts.__getitem__))
    await pilot.pause()
    panel = screen.panel
    assert panel.max_scroll_y > 0, "the seeds have a paragraph whose matches overflow"
    return panel


async def test_wheel_and_scrollbar_scroll_a_tall_panel() -> None:
    """Matches taller than the panel: the wheel scrolls it, and so does a press on its bar."""
    async with reader(size=(120, 30)) as (app, pilot):
        panel = await _open_tall_panel(app, pilot)
        panel.post_message(_wheel(panel, down=True))
        await pilot.pause()
        assert panel.scroll_y > 0
        bar = panel.region.width - panel.styles.padding.right - 1
        before = panel.scroll_y
        await pilot.click(panel, offset=(bar, panel.region.height - 1))  # below the thumb
        paged = panel.scroll_y
        assert paged - before >= panel.size.height - 1  # about a page down
        await pilot.click(panel, offset=(bar, 0))  # above it
        assert panel.scroll_y <= paged - panel.size.height + 1


async def test_each_match_heads_one_line_with_its_grade_and_conflict_flag() -> None:
    """In a 40-column panel, a long outlet name with a conflict still heads its match on one
    line: number, outlet, grade and the ⚠ flag together, never "conflict" alone on a line."""
    async with reader() as (app, pilot):
        screen = app.main
        panel = screen.panel
        checked = 0
        for _ in range(30):
            await pilot.press("right_curly_bracket")
            await pilot.pause()
            lines = ["".join(s.text for s in panel.render_line(y)) for y in range(panel.size.height)]
            for i, entry in enumerate(panel.entries[:9]):
                heads = [ln for ln in lines if ln.lstrip(" ▶").startswith(f"{i + 1} {entry.outlet[:3]}")]
                if not heads:
                    continue  # scrolled out of the panel
                (head,) = heads
                assert entry.grade in head and entry.outlet[:3] in head, head
                assert ("⚠" in head) == bool(entry.conflict), head
                checked += bool(entry.conflict)
            assert all(ln.strip(" │▁▂▃▄▅▆▇█") != "conflict" for ln in lines)
        assert checked >= 3, "the seeds have matches with conflicts in view"


async def test_the_panel_bar_lights_up_under_the_mouse_as_textual_s_bars_do() -> None:
    """The bar the panel draws takes the hover colour under the mouse, the active one while its
    thumb is held, and its usual one once the mouse leaves, as Textual's own bars do."""
    async with reader(size=(120, 30)) as (app, pilot):
        screen = app.main
        panel = await _open_tall_panel(app, pilot)
        x = panel.region.width - panel.styles.padding.right - 1
        styles = panel.styles

        def thumb() -> set:
            cells = [list(panel.render_line(y))[-1] for y in range(panel.size.height)]
            # the thumb: reversed blanks and the eighth blocks at its ends, in the bar's colour
            return {c.style.color for c in cells if c.style and (c.style.reverse or c.text.strip())}

        def colour(background, color):  # as `_bar_cells` and Textual's ScrollBar mix them
            back = panel.background_colors[0] + background if background.a < 1 else background
            return {(back + color).rich_color}

        usual = colour(styles.scrollbar_background, styles.scrollbar_color)
        hover = colour(styles.scrollbar_background_hover, styles.scrollbar_color_hover)
        active = colour(styles.scrollbar_background_active, styles.scrollbar_color_active)
        assert len({*usual, *hover, *active}) == 3
        assert thumb() == usual
        await pilot.hover(panel, offset=(x, 1))
        assert thumb() == hover
        await pilot.hover(panel, offset=(2, 1))
        assert thumb() == usual
        grab = next(y for y in range(panel.size.height)
                    if list(panel.render_line(y))[-1].style.meta.get("@mouse.down") == "grab")
        await pilot.mouse_down(panel, offset=(x, grab))
        assert thumb() == active
        await pilot.mouse_up(panel, offset=(x, grab))
        await pilot.hover(screen.article_pane, offset=(2, 2))
        assert thumb() == usual


async def test_a_repeated_headline_is_one_entry_that_names_its_copy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An outlet whose first paragraph repeats its headline (as text dumps of web pages often
    do) shows once in the panel, its head line saying where the copy is."""
    headline = "Flood waters breach the Arvia dam, forcing 3,000 residents to flee."
    (tmp_path / "one.txt").write_text(
        f"{headline[:-1]}\n\nFlood waters breached the Arvia dam on Sunday; 3,000 residents fled.\n",
        encoding="utf-8",
    )
    (tmp_path / "two.txt").write_text(
        f"{headline}\n\n{headline}\n\nOfficials in Arvia said the dam was inspected in May.\n",
        encoding="utf-8",
    )
    async with reader(paths=[tmp_path]) as (app, _pilot):
        panel = app.main.panel
        assert app.main.article.id == "one"
        (entry,) = [e for e in panel.entries if e.article_id == "two"]
        assert (entry.paragraph, entry.copies) == (0, (1,))
        assert "also ¶2" in panel._entry_text(0, entry).plain
