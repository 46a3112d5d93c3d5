"""What the keys do on the reading screen (a mixin of `MainScreen`, kept apart for size).

Every action takes the count typed before it from `self.keys`; moves that vim counts as
jumps (top, bottom, Ng, search, marks, other outlets) go on the jump list first.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from textual.actions import SkipAction

from tui.bindings import help_rows
from tui.reading import Position
from tui.view import paragraph_kind
from tui.widgets.article_pane import search_pattern
from tui.widgets.elsewhere_panel import ElsewherePanel
from tui.widgets.search_bar import SearchBar
from tui.widgets.source_list import SourceList

if TYPE_CHECKING:
    import re

    from tui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = object


class ReaderActions(_Base):
    """Key actions; `self` is the `MainScreen`."""

    search_origin: Position | None = None
    last_search = ""

    # -- moving in the article -----------------------------------------------------------------

    def _count(self, default: int | None = 1) -> int | None:
        return self.keys.take_count(default)

    def _direct(self) -> None:
        """The start of a move bound as a priority binding (`tui.bindings._move`).

        Raises `SkipAction` when the key is not a move here: typed into the search prompt, or
        the end of a key sequence. Textual then sends it on as usual, to `on_key`.
        """
        if isinstance(self.focused, SearchBar) or not self.keys.direct():
            raise SkipAction()

    def action_line(self, direction: int) -> None:
        self._direct()
        n = (self._count() or 1) * direction
        focused = self.focused
        if isinstance(focused, ElsewherePanel):
            focused.select(n)
        elif isinstance(focused, SourceList):
            for _ in range(abs(n)):
                (focused.action_cursor_down if n > 0 else focused.action_cursor_up)()
        else:
            self.article_pane.scroll_lines(n)

    def action_paragraph(self, direction: int) -> None:
        self._direct()
        self.article_pane.step_paragraph((self._count() or 1) * direction)

    def action_page(self, pages: float) -> None:
        self._direct()
        n = self._count() or 1
        if isinstance(self.focused, ElsewherePanel):
            self.panel.scroll_relative(y=int(self.panel.size.height * pages) * n, animate=False)
        else:
            self.article_pane.scroll_pages(pages * n)

    def action_go_top(self) -> None:
        self._go_count_or(self._count(None), 0)

    def action_go_bottom(self) -> None:
        last = len(self.article.paragraphs) - 1 if self.article else 0
        self._go_count_or(self._count(None), last)

    def _go_count_or(self, count: int | None, default: int) -> None:
        target = default if count is None else count - 1
        if self.article is None:
            return
        if target != self.article_pane.current:
            self.reader.reading.jump_from_here()
        if target == 0:
            self.article_pane.go_to_line(0)
        else:
            self.article_pane.go_to(target)

    def action_next_kind(self, kind: str) -> None:
        self._step_kind(kind, 1)

    def action_previous_kind(self, kind: str) -> None:
        self._step_kind(kind, -1)

    def _step_kind(self, kind: str, direction: int) -> None:
        alignment, article = self.reader.alignment, self.article
        if article is None:
            return
        if alignment is None:
            self.notify("Still aligning the outlets…", timeout=2)
            return
        pane = self.article_pane
        order = sorted(pane.starts)
        order = [
            n
            for n in (order if direction > 0 else reversed(order))
            if (n > pane.current if direction > 0 else n < pane.current)
        ]
        count = self._count() or 1
        found = [n for n in order if kind in paragraph_kind(alignment, article, n)]
        if not found:
            words = {
                "corroborated": "reported elsewhere",
                "unique": "only here",
                "conflict": "with a conflict",
            }
            self.notify(
                f"No {'later' if direction > 0 else 'earlier'} paragraph {words[kind]}", timeout=2
            )
            return
        pane.go_to(found[min(count, len(found)) - 1])

    # -- jumps and marks ---------------------------------------------------------------------

    def jump_to(self, position: Position) -> None:
        """A jump: remember where we are, then go (possibly to another outlet)."""
        self.reader.reading.jump_from_here()
        self.open(*position)

    def go_source(self, article_id: str) -> None:
        if self.article is not None and article_id != self.article.id:
            state = self.reader.reading
            self.jump_to((article_id, state.positions.get(article_id, 0)))

    def action_jump_back(self) -> None:
        position = self.reader.reading.jumps.back(self.reader.reading.position)
        if position is None:
            self.notify("At the oldest jump", timeout=2)
        else:
            self.open(*position)

    def action_jump_forward(self) -> None:
        position = self.reader.reading.jumps.forward()
        if position is None:
            self.notify("At the newest jump", timeout=2)
        else:
            self.open(*position)

    def action_tab(self) -> None:
        if (
            self.reader.reading.jumps.index is not None
            and self.reader.reading.jumps.forward_available
        ):
            self.action_jump_forward()
        else:
            self.focus_next()

    def action_set_mark(self, letter: str) -> None:
        self.reader.reading.set_mark(letter)
        self.notify(f"Mark {letter} set", timeout=1.5)

    def action_go_to_mark(self, letter: str) -> None:
        position = self.reader.reading.marks.get(letter)
        if position is None:
            self.notify(f"No mark {letter}", severity="warning", timeout=2)
        else:
            self.jump_to(position)

    def action_back_from_jump(self) -> None:
        state = self.reader.reading
        if state.before_jump is not None:
            self.jump_to(state.before_jump)

    def action_source(self, direction: int) -> None:
        story = self.reader.story
        if story is None or self.article is None:
            return
        ids = [a.id for a in story.articles]
        index = (ids.index(self.article.id) + (self._count() or 1) * direction) % len(ids)
        self.go_source(ids[index])

    def action_open_match(self, index: int) -> None:
        focused = self.focused
        if isinstance(focused, SourceList):
            if focused.highlighted is not None:
                self.go_source(focused.articles[focused.highlighted].id)
            return
        if not self.panel.choose(None if index < 0 else index):
            self.notify("No match to open here", timeout=2)

    # -- search and filter -------------------------------------------------------------------

    async def action_search(self, mode: str) -> None:
        """Open the prompt. A priority binding, run as the key arrives and before the next key is
        sent on, with the prompt focused at once: keys typed right behind `/` (one burst over a
        slow link) go into the prompt, not to the reader's bindings."""
        self._direct()
        pane = self.article_pane
        if mode == "filter" and pane.filter is not None:
            self._set_filter(None)
            self.notify("Showing every paragraph", timeout=1.5)
            return
        self.search_origin = self.reader.reading.position
        bars = self.query(SearchBar)
        if bars:
            bar = bars.first()
        else:
            # Mounted on first use: its styles are not parsed before the first paint.
            bar = SearchBar(id="search")
            await self.query_one("#article-column").mount(bar, after=self.article_frame)
        bar.open(mode)  # type: ignore[arg-type]

    def _set_filter(self, pattern: re.Pattern[str] | None, query: str = "") -> None:
        """Show only the paragraphs `pattern` finds (None: all); the border says it is on."""
        self.article_pane.set_filter(pattern, query)
        self._refresh_titles()

    def on_search_bar_query_changed(self, message: SearchBar.QueryChanged) -> None:
        pane, bar = self.article_pane, message.bar
        pattern = None if message.cancelled else search_pattern(message.query)
        if message.mode == "filter":
            self._set_filter(pattern, message.query)
        else:
            pane.set_search(pattern)
            if pattern is not None:
                self._search_from_origin()
            elif self.search_origin is not None:
                pane.go_to(self.search_origin[1])
        if message.done or message.cancelled:
            bar.close()
            pane.focus()
            if message.mode == "search" and message.done and pattern is not None:
                self.last_search = message.query
                if self.search_origin is not None:
                    self.reader.reading.jumps.push(self.search_origin)

    def _search_from_origin(self) -> None:
        pane = self.article_pane
        origin = pane.starts.get(self.search_origin[1], 0) if self.search_origin else 0
        hits = pane.hits()
        target = next((line for _, line in hits if line >= origin), hits[0][1] if hits else None)
        if target is not None:
            pane.go_to_line(target)

    def action_search_step(self, direction: int) -> None:
        pane = self.article_pane
        hits = [line for _, line in pane.hits()]
        if not hits:
            self.notify("No search" if pane.search is None else "Pattern not found", timeout=2)
            return
        self.reader.reading.jump_from_here()
        for _ in range(self._count() or 1):
            later = [h for h in hits if (h > pane.line if direction > 0 else h < pane.line)]
            if later:
                pane.go_to_line(later[0] if direction > 0 else later[-1])
            else:
                pane.go_to_line(hits[0] if direction > 0 else hits[-1])
                self.notify("Search wrapped", timeout=1.5)

    # -- panes and overlays ------------------------------------------------------------------

    def action_toggle_panel(self) -> None:
        self.toggle_class("-panel-open" if self.narrow else "-panel-hidden")

    def action_toggle_sources(self) -> None:
        self.toggle_class("-sources-open" if self.narrow else "-sources-hidden")

    def action_toggle_boilerplate(self) -> None:
        self.article_pane.toggle_boilerplate()

    def action_close(self) -> bool:
        """Close what is open on top of the article; False when nothing was."""
        pane = self.article_pane
        if self.narrow and self.has_class("-panel-open"):
            self.remove_class("-panel-open")
        elif self.narrow and self.has_class("-sources-open"):
            self.remove_class("-sources-open")
        elif pane.search is not None:
            pane.set_search(None)
        elif pane.filter is not None:
            self._set_filter(None)
        else:
            return False
        pane.focus()
        return True

    def action_close_or_quit(self) -> None:
        if not self.action_close():
            self.app.exit()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_rows()))

    def help_rows(self) -> list[tuple[str, str, str]]:
        """(keys, id, description) for every binding and sequence, as bound right now."""
        return help_rows(
            self.active_bindings.values(), self.app.get_key_display, self.keys.sequences
        )

    def action_info(self) -> None:
        from tui.screens.info import InfoScreen

        article, alignment = self.article, self.reader.alignment
        if article is None:
            return
        words = sum(len(p.text.split()) for p in article.paragraphs)
        rows = [
            ("Outlet", f"{article.outlet} (from {article.outlet_evidence})"),
            ("Headline", article.title),
            ("Byline", article.author or "—"),
            ("Date", article.date or "—"),
            ("URL", article.url or "—"),
            ("File", article.path),
            ("Paragraphs", str(len(article.paragraphs))),
            ("Words", str(words)),
        ]
        if alignment is not None:
            matched, aligned = alignment.coverage(article.id)
            rows.append(("Reported elsewhere", f"{matched} of {aligned} paragraphs"))
        self.app.push_screen(InfoScreen(article.outlet, rows))

    # -- outside world -----------------------------------------------------------------------

    def action_open_url(self) -> None:
        article = self.article
        if article is None or not article.url:
            self.notify("This article has no URL", timeout=2)
        elif os.environ.get("BROWSER") or os.environ.get("DISPLAY") or sys.platform == "darwin":
            self.app.open_url(article.url)
        else:
            self.notify(f"No browser here. URL: {article.url}", timeout=8)

    def action_show_url(self) -> None:
        article = self.article
        self.notify(
            article.url if article and article.url else "This article has no URL", timeout=8
        )

    def action_copy_paragraph(self) -> None:
        article = self.article
        if article is None:
            return
        paragraph = article.paragraphs[self.article_pane.current]
        source = f"{article.outlet} {article.url}".strip()
        self.app.copy_to_clipboard(f"{paragraph.text}\n— {source}")
        self.notify(f"Copied ¶ {paragraph.n + 1} of {article.outlet}", timeout=1.5)

    def action_reload(self) -> None:
        self.reader.load_story()

    def action_repaint(self) -> None:
        self.app.refresh(repaint=True, layout=True)
