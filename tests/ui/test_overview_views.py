"""Pilot tests of the whole-story views: overview grid, exclusives/omissions, conflicts, quotes, report.

The reader aligns the seeds as usual; the tests then swap in a fixed alignment (the gold facts
and two hand-placed conflicts) so what they check does not move when the matcher improves.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from tests.core.kit import seeds_fixed_alignment
from tests.ui.conftest import reader
from tui.app import SamefactApp
from tui.core.overview import paragraph_opening
from tui.screens.conflicts import ConflictsScreen, VersionPane
from tui.screens.exclusives import ExclusivesScreen
from tui.screens.overview import OverviewGrid, OverviewScreen
from tui.screens.quotes import QuotesScreen


async def use_fixed_alignment(app: SamefactApp, pilot: Pilot) -> None:
    """Replace the computed alignment with the fixed one and let the panes catch up."""
    assert app.story is not None
    app.alignment = seeds_fixed_alignment(app.story)
    app.main.show_alignment()
    await pilot.pause()


async def press(app: SamefactApp, pilot: Pilot, *keys: str) -> None:
    """Press keys, then wait for any view to finish building (a worker)."""
    for key in keys:
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()


@asynccontextmanager
async def fixed_reader(size: tuple[int, int] = (120, 40)) -> AsyncIterator[tuple[SamefactApp, Pilot]]:
    async with reader(size) as (app, pilot):
        await use_fixed_alignment(app, pilot)
        yield app, pilot


def _text(widget: Static) -> str:
    return str(widget.render())


async def test_v_opens_the_overview_with_the_five_outlet_facts_on_top() -> None:
    """The first rows are the facts every outlet reports, each cell filled."""
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "v")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        top = [r for r in screen.rows if r.count == 5]
        assert len(top) == 6
        assert screen.rows[: len(top)] == tuple(top)
        grid = screen.query_one(OverviewGrid)
        assert grid.row_count == len(screen.rows)
        first = [str(grid.get_cell_at((0, c))) for c in range(1, 6)]
        assert "·" not in first


async def test_hjkl_move_the_cursor_and_s_sorts_by_first_appearance() -> None:
    """l/h change the outlet column, j/k the fact row; s re-sorts and keeps the fact under the cursor."""
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "v")
        grid = app.screen.query_one(OverviewGrid)
        row, column = grid.cursor_coordinate
        await press(app, pilot, "l", "j", "j")
        assert grid.cursor_coordinate == (row + 2, column + 1)
        await press(app, pilot, "h", "k")
        assert grid.cursor_coordinate == (row + 1, column)
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        fact = screen.rows[grid.cursor_row].fact.id
        await press(app, pilot, "s")
        firsts = [r.first for r in screen.rows]
        assert firsts == sorted(firsts) and screen.sort_key == "first"
        assert screen.rows[grid.cursor_row].fact.id == fact


async def test_enter_opens_the_outlet_at_the_paragraph_and_ctrl_o_comes_back() -> None:
    """Enter on a cell opens that outlet at the fact's paragraph; ctrl-o returns to the start."""
    async with fixed_reader() as (app, pilot):
        start = (app.main.article.id, app.main.article_pane.current)
        await press(app, pilot, "v", "l", "l")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        row, article_id = screen._cell_target()
        cell = row.cells[article_id]
        await press(app, pilot, "enter")
        assert app.screen is app.main
        assert (app.main.article.id, app.main.article_pane.current) == (article_id, cell.ref.paragraph)
        await press(app, pilot, "ctrl+o")
        assert (app.main.article.id, app.main.article_pane.current) == start


async def test_enter_on_an_outlet_that_lacks_the_fact_says_so() -> None:
    """An absent cell opens nothing: the overview stays and a note names the outlet."""
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "v", "s")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        grid = screen.query_one(OverviewGrid)
        target = next(
            (i, c) for i, r in enumerate(screen.rows) for c, a in enumerate(screen.columns) if a not in r.cells
        )
        grid.move_cursor(row=target[0], column=target[1] + 1)
        await press(app, pilot, "enter")
        assert app.screen is screen
        assert any("does not report" in n.message for n in app._notifications)


def _grid_lines(grid: OverviewGrid) -> list[str]:
    """The grid's lines as shown: the header, then the rows in view."""
    return ["".join(s.text for s in grid.render_line(y)) for y in range(grid.size.height)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 48)])
async def test_the_count_header_stands_over_the_counts(size: tuple[int, int]) -> None:
    """The `#` header and the counts under it are right-aligned in one column."""
    async with fixed_reader(size) as (app, pilot):
        await press(app, pilot, "v")
        grid = app.screen.query_one(OverviewGrid)
        header, *rows = _grid_lines(grid)
        x = header.rindex("#")
        ends = [len(line.rstrip()) for line in rows if line.strip()]
        counts = [(end - len(line.split()[-1]), end) for line, end in zip(rows, ends)]
        assert len(counts) > 10
        for start, end in counts:
            assert end == x + 1 and start <= x
        assert any(start == x for start, _end in counts)


async def test_outlet_columns_show_their_names_when_there_is_room() -> None:
    """At 120 columns the outlets read "Politico", "Independent", not "Politic", "Indepen"; the
    fact column keeps room for its labels, and at 80 columns every column still fits."""
    async with fixed_reader((120, 40)) as (app, pilot):
        await press(app, pilot, "v")
        grid = app.screen.query_one(OverviewGrid)
        header = _grid_lines(grid)[0].split()
        assert {"Politico", "AFP", "Independent"} <= set(header)
        assert "Defense" in header and "News" in header
        assert grid.ordered_columns[0].width >= 30 and grid.max_scroll_x == 0
    async with fixed_reader((80, 24)) as (app, pilot):
        await press(app, pilot, "v")
        grid = app.screen.query_one(OverviewGrid)
        header = _grid_lines(grid)[0]
        assert header.split()[1:] == ["Politic", "AFP", "Defense", "Indepen", "CBC", "#"]
        assert grid.max_scroll_x == 0


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_cursor_stays_on_the_outlet_columns(size: tuple[int, int]) -> None:
    """Many l stop on the last outlet (not the # column), many h on the first (not the fact):
    the detail still names the outlet's paragraph, and Enter opens it."""
    async with fixed_reader(size) as (app, pilot):
        await press(app, pilot, "v", *"l" * 12)
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        grid = screen.query_one(OverviewGrid)
        last = app.story.articles[-1]
        assert grid.cursor_column == len(screen.columns)
        row = screen.rows[grid.cursor_row]
        detail = _text(screen.query_one("#view-detail", Static))
        if last.id in row.cells:
            assert last.paragraphs[row.cells[last.id].ref.paragraph].text[:40] in detail
        else:
            assert f"{last.outlet}: does not report this" in detail
        await press(app, pilot, *"h" * 12)
        assert grid.cursor_column == 1
        await press(app, pilot, *"j" * 3, *"l" * 12)
        row, article_id = screen._cell_target()
        while article_id not in row.cells:
            await press(app, pilot, "j")
            row, article_id = screen._cell_target()
        assert article_id == last.id
        await press(app, pilot, "enter")
        assert app.screen is app.main
        position = (app.main.article.id, app.main.article_pane.current)
        assert position == (last.id, row.cells[last.id].ref.paragraph)


async def test_v_again_or_q_closes_the_overview() -> None:
    """The key that opened the overview closes it; so does q."""
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "v")
        assert isinstance(app.screen, OverviewScreen)
        await press(app, pilot, "v")
        assert app.screen is app.main
        await press(app, pilot, "v", "q")
        assert app.screen is app.main


async def test_help_lists_the_view_keys() -> None:
    """Help is built from the binding table, so the new keys appear with their ids."""
    async with fixed_reader() as (app, pilot):
        ids = {row[1] for row in app.main.help_rows()}
        assert {"story-overview", "exclusives", "omissions", "conflicts", "quotes", "write-report"} <= ids


async def test_exclusives_and_omissions_for_the_current_outlet() -> None:
    """E lists what only this outlet reports, M what it leaves out; J moves to the next outlet."""
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "E")
        screen = app.screen
        assert isinstance(screen, ExclusivesScreen)
        overview = screen.data.overview
        first = app.main.article.id
        options = screen.query_one(OptionList)
        assert app.main.article.outlet in _text(screen.query_one("#view-title", Static))
        seen = []
        for _ in app.story.articles:
            exclusives = overview.exclusives(screen.article_id)
            assert options.option_count == max(1, len(exclusives))  # "(none)" when empty
            seen.append(len(exclusives))
            await press(app, pilot, "J")
        assert screen.article_id == first and sum(seen) > 0
        await press(app, pilot, "M")
        assert screen.mode == "omissions"
        assert options.option_count == max(1, len(overview.omissions(first)))
        await press(app, pilot, "J")
        assert screen.article_id != first
        assert options.option_count == max(1, len(overview.omissions(screen.article_id)))


async def test_each_exclusive_and_omission_says_how_its_paragraph_opens() -> None:
    """A row is where, the fact's label and how its paragraph opens, on one line cut with an
    ellipsis: a label of two words ("doubt fuel") alone would not say what it is about."""
    async with fixed_reader(size=(80, 24)) as (app, pilot):
        await press(app, pilot, "E")
        screen = app.screen
        assert isinstance(screen, ExclusivesScreen)
        rows = openings = 0
        for mode in ("E", "M"):
            if mode == "M":
                await press(app, pilot, "M")
            while not screen.rows:
                await press(app, pilot, "J")
            options = screen.query_one(OptionList)
            for k, row in enumerate(screen.rows):
                article_id = screen._target(row)
                ref = row.cells[article_id].ref
                text = app.story.article(article_id).paragraphs[ref.paragraph].text
                where = f"¶{ref.paragraph + 1}" if mode == "E" else f"{row.count} outlets"
                opening = paragraph_opening(text, row.label)
                full = " ".join(f"{where} {row.label}{f' · {opening}' if opening else ''}".split())
                options.highlighted = k
                await pilot.pause()
                y = options.highlighted - options.scroll_offset.y
                shown = " ".join("".join(s.text for s in options.render_line(y)).split())
                assert full.startswith(shown.removesuffix("…").rstrip()), (shown, full)
                assert shown == full or shown.endswith("…")
                below = "".join(s.text for s in options.render_line(y + 1)).strip()
                assert not below or below.startswith(("¶", *"0123456789")), below  # one line each
                rows += 1
                openings += bool(opening) and " ".join(text.split()[:2]) in shown
        assert rows >= 2 and openings >= 1


async def test_an_empty_list_shows_no_paragraph_of_the_other_list() -> None:
    """E then Tab to omissions, and J through the outlets: under "(none)" the detail says the list
    is empty instead of keeping the paragraph the other list had highlighted."""
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "E")
        screen = app.screen
        assert isinstance(screen, ExclusivesScreen)
        detail = screen.query_one("#view-detail", Static)
        empty = 0
        for _ in app.story.articles:
            for _ in ("exclusives", "omissions"):
                before = _text(detail)
                await press(app, pilot, "tab")
                outlet = app.story.article(screen.article_id).outlet
                if screen.rows:
                    row = screen.rows[screen.query_one(OptionList).highlighted or 0]
                    ref = row.cells[screen._target(row)].ref
                    text = app.story.article(ref.article).paragraphs[ref.paragraph].text
                    assert text in _text(detail)
                else:
                    empty += 1
                    shown = _text(detail)
                    assert shown != before and "¶" not in shown and outlet in shown
                    none = screen.query_one(OptionList).get_option_at_index(0).prompt
                    assert "(none)" in str(none)
            await press(app, pilot, "J")
        assert empty >= 2


async def test_enter_on_an_exclusive_opens_its_paragraph() -> None:
    """Enter on an exclusive opens it in this outlet, as a jump."""
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "E")
        screen = app.screen
        assert isinstance(screen, ExclusivesScreen)
        while not screen.rows:
            await press(app, pilot, "J")
        await press(app, pilot, "j")
        row = screen.rows[screen.query_one(OptionList).highlighted]
        outlet = screen.article_id
        await press(app, pilot, "enter")
        assert app.screen is app.main
        assert app.main.article.id == outlet
        assert app.main.article_pane.current == row.cells[outlet].ref.paragraph


async def test_conflicts_show_versions_side_by_side_with_the_difference_marked() -> None:
    """x lists the quote family and the compatible years; each shows its three wordings bracketed."""
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "x")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        assert screen.query_one(OptionList).option_count == 2
        versions = screen.query(".version")
        assert len(versions) == 3
        texts = [_text(v.query_one(Static)) for v in versions]
        assert "[nearly 25 years]" in texts[0] and "[24 years]" in texts[1]
        assert "[nearly a quarter-century]" in texts[2]
        assert "compatible" in _text(screen.query_one("#view-title", Static))
        await press(app, pilot, "k")
        texts = [_text(v.query_one(Static)) for v in screen.query(".version")]
        assert len(texts) == 3
        assert any("parties to this treaty]" in t for t in texts)


async def test_a_version_number_opens_it_and_ctrl_o_comes_back() -> None:
    """`3` opens the third version's paragraph; ctrl-o returns."""
    async with fixed_reader() as (app, pilot):
        start = (app.main.article.id, app.main.article_pane.current)
        await press(app, pilot, "x")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        assert screen.shown is not None
        version = screen.shown.wordings[2][0]
        await press(app, pilot, "3")
        assert (app.main.article.id, app.main.article_pane.current) == (version.ref.article, version.ref.paragraph)
        await press(app, pilot, "ctrl+o")
        assert (app.main.article.id, app.main.article_pane.current) == start


async def test_g_and_G_go_to_the_first_and_last_conflict() -> None:
    """In the conflicts list g is the first entry and G the last, as in less (and as Home/End)."""
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "x")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        options = screen.query_one(OptionList)
        last = len(screen.conflicts) - 1
        assert options.highlighted == last  # paragraph 0 is in the years family, the last entry
        await press(app, pilot, "g")
        assert options.highlighted == 0 and screen.shown is screen.conflicts[0]
        await press(app, pilot, "G")
        assert options.highlighted == last and screen.shown is screen.conflicts[last]


async def test_tab_focuses_a_version_pane_that_shows_it_and_scrolls_with_j_k() -> None:
    """Tab moves into the first version pane: its border turns heavy (the others stay round, as the
    list's does when focused), and j/k scroll that pane a line as ↓/↑ do."""
    async with fixed_reader(size=(80, 24)) as (app, pilot):
        await press(app, pilot, "x", "k")  # the quote family: paragraphs longer than their panes
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        await press(app, pilot, "tab")
        panes = list(screen.query(VersionPane))
        first = panes[0]
        assert screen.focused is first and first.has_pseudo_class("focus")
        assert first.styles.border_top[0] == "heavy"
        assert all(p.styles.border_top[0] == "round" for p in panes[1:])
        assert screen.query_one(OptionList).styles.border_top[0] == "round"
        assert first.max_scroll_y >= 2  # the paragraph is longer than its pane
        await press(app, pilot, "j", "j")
        assert first.scroll_y == 2
        await press(app, pilot, "k")
        assert first.scroll_y == 1
        await press(app, pilot, "tab")
        assert screen.focused is panes[1] and panes[1].styles.border_top[0] == "heavy"
        assert first.styles.border_top[0] == "round"


async def test_enter_in_a_version_pane_opens_that_version_and_ctrl_o_comes_back() -> None:
    """Enter in the list opens the first wording in another outlet; Enter in a focused version pane
    opens that pane's wording instead, as a jump."""
    async with fixed_reader() as (app, pilot):

        def where() -> tuple[str, int]:
            return app.main.article.id, app.main.article_pane.current

        start = where()
        await press(app, pilot, "x")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen) and screen.shown is not None
        third = screen.shown.wordings[2][0].ref
        other = next(v.ref for v in screen.shown.versions if v.ref.article != start[0])
        assert (third.article, third.paragraph) != (other.article, other.paragraph)
        await press(app, pilot, "enter")
        assert where() == (other.article, other.paragraph)
        await press(app, pilot, "ctrl+o")
        assert where() == start
        await press(app, pilot, "x", "tab", "tab", "tab")
        pane = app.screen.focused
        assert isinstance(pane, VersionPane) and pane.index == 2
        await press(app, pilot, "enter")
        assert app.screen is app.main
        assert where() == (third.article, third.paragraph)
        await press(app, pilot, "ctrl+o")
        assert where() == start


async def test_bracket_x_in_the_article_steps_through_conflicts() -> None:
    """]x goes to the next paragraph with a conflict (the quote), [x back from later on."""
    async with fixed_reader() as (app, pilot):
        assert app.main.article_pane.current == 0
        await press(app, pilot, "right_square_bracket", "x")
        assert app.main.article_pane.current == 2
        await press(app, pilot, "G", "left_square_bracket", "x")
        assert app.main.article_pane.current == 2


async def test_quotes_show_the_mutual_assistance_wordings() -> None:
    """The quote carried by three outlets comes first, its wordings compared word by word."""
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "quotation_mark")
        screen = app.screen
        assert isinstance(screen, QuotesScreen)
        group = screen.groups[0]
        assert "mutual assistance" in group.reference.text and len(group.articles) == 3
        body = _text(screen.query_one("#quote-body", Static))
        assert "[case]" in body and "[participants,]" in body
        await press(app, pilot, "enter")
        assert app.screen is app.main
        assert app.main.article.id != group.quotes[0].ref.article or len(group.articles) == 1


async def test_view_keys_switch_views_directly() -> None:
    """From the overview, x opens the conflicts without going back to the article first."""
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "v", "x")
        assert isinstance(app.screen, ConflictsScreen)
        assert len(app.screen_stack) == 2


async def test_r_writes_the_report_and_says_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """R writes samefact-report.md in the current directory and notifies its path."""
    monkeypatch.chdir(tmp_path)
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "R")
        report = tmp_path / "samefact-report.md"
        assert report.exists()
        assert "| Fact |" in report.read_text(encoding="utf-8")
        assert any(str(report) in n.message for n in app._notifications)


async def test_the_computed_alignment_gives_the_views_what_the_story_needs() -> None:
    """With the aligner's own facts and conflicts (no fixed stand-in), as a reader opens the
    seeds: the overview starts with the facts all five outlets report, and the conflicts view has
    the three wordings of the mutual-assistance quote and the "24 years" family with its reason."""
    async with reader() as (app, pilot):
        await press(app, pilot, "v")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        counts = [r.count for r in screen.rows]
        assert counts[:2] == [5, 5] and counts == sorted(counts, reverse=True)
        await press(app, pilot, "x")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        quote = [g for g in screen.conflicts if g.kind == "quote" and "mutual assistance" in g.reason]
        assert quote and len(quote[0].wordings) == 3 and quote[0].state == "conflicting"
        years = [g for g in screen.conflicts if "24 years" in g.reason]
        assert years and "quarter-century" in years[0].reason and "compatible" in years[0].reason
        options = screen.query_one(OptionList)
        options.highlighted = screen.conflicts.index(years[0])
        await pilot.pause()
        texts = [_text(v.query_one(Static)) for v in screen.query(".version")]
        assert len(texts) == 3 and any("[24 years]" in t for t in texts)


async def test_a_grid_too_large_to_build_shows_its_first_facts_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A story of thousands of outlets and facts would make millions of cells: the grid keeps
    the first facts that fit `MAX_CELLS`, most reported first, and its title says how many."""
    import tui.screens.overview as overview

    monkeypatch.setattr(overview, "MAX_CELLS", 50)
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "v")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        shown = 50 // (len(screen.columns) + 2)
        assert len(screen.rows) == shown < screen.total
        assert screen.query_one(OverviewGrid).row_count == shown
        assert screen.rows == screen.data.overview.sorted("count")[:shown]
        title = _text(screen.query_one("#view-title", Static))
        assert f"first {shown} of {screen.total} facts" in title
        await press(app, pilot, *"jjjjjjjjjj", "enter")
        assert app.screen is app.main


async def test_a_story_of_many_outlets_shows_the_one_being_read_and_the_most_corroborating(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past `MAX_COLUMNS` outlets the grid keeps the outlet being read and those that share the
    most facts with the others, in story order, and the title says how many of how many."""
    import tui.screens.overview as overview

    monkeypatch.setattr(overview, "MAX_COLUMNS", 3)
    async with fixed_reader() as (app, pilot):
        await press(app, pilot, "J", "J", "J", "J", "v")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        ids = [a.id for a in app.story.articles]
        reading = ids[-1]
        assert len(screen.columns) == 3 and reading in screen.columns
        assert screen.columns == [i for i in ids if i in screen.columns]
        grid = screen.query_one(OverviewGrid)
        assert len(grid.columns) == 3 + 2
        assert "3 of 5 outlets" in _text(screen.query_one("#view-title", Static))
        row, article_id = screen._cell_target()
        assert article_id == reading


async def test_the_conflicts_list_opens_on_the_highlighted_entry_from_its_first_line() -> None:
    """Opened on a paragraph with a conflict in the middle of a long list (the computed one, entries
    of several lines), the list's top row is that entry's first line, not the middle of another."""
    async with reader() as (app, pilot):
        await press(app, pilot, "x")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        options = screen.query_one(OptionList)
        assert options.max_scroll_y > 0  # the list is longer than its window
        middle = screen.conflicts[len(screen.conflicts) // 3].versions[0].ref  # (not near the end)
        await press(app, pilot, "q")
        app.main.jump_to((middle.article, middle.paragraph))
        await press(app, pilot, "x")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        options = screen.query_one(OptionList)
        index = options.highlighted
        assert index is not None and 0 < index <= len(screen.conflicts) // 3
        top = " ".join("".join(s.text for s in options.render_line(0)).split())
        group = screen.conflicts[index]
        mark = "!" if group.state == "conflicting" else "≈"
        prompt = " ".join(f"{mark} {group.kind} {group.reason}".split())
        assert top and prompt.startswith(top), (top, prompt)


async def test_a_conflict_entry_wraps_under_its_reason_not_under_its_kind() -> None:
    """At 80 columns an entry of several lines keeps its continuation lines indented past the
    mark and kind column, so the kinds read down the list as a column."""
    from tui.screens.conflicts import KIND_WIDTH

    async with reader((80, 24)) as (app, pilot):
        await press(app, pilot, "x")
        options = app.screen.query_one(OptionList)
        height = options.size.height
        lines = ["".join(s.text for s in options.render_line(y)) for y in range(height)]
        starts = [line for line in lines if line.strip()]
        kinds = [x for x in starts if x[:1] in "!≈"]
        rest = [x for x in starts if x[:1] not in "!≈"]
        assert kinds and rest, lines  # entries of several lines
        assert all(x[: KIND_WIDTH].strip() == "" for x in rest), rest
