"""The same fact elsewhere: the other outlets' paragraphs that match the current one.

It only renders a `PanelView` the app looked up; an unchanged view is not repainted, so
scrolling inside one paragraph sends nothing for this pane. It is a line-API `ScrollView`
holding the wrapped lines, not a container around an auto-height `Static`: a new text then
needs one layout pass, where the `Static` needed two (its size change asks for another), so
the panel and the article change in the same frame.

It draws its own scrollbar, in its last column, with the cells and colours of Textual's
(its overflow is hidden, so Textual shows none): the bar coming or going with a new
paragraph's matches then changes nothing outside the panel, where Textual's bar made it lay
out the whole screen and repaint the article's bar a frame later. The wheel and presses on
the bar (a page up or down, or dragging the thumb) scroll it as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip

from tui.view import Entry, PanelView
from tui.widgets.article_pane import single_cell_breaks

if TYPE_CHECKING:
    from rich.console import Console

REASON_CHARS = 140
"""A conflict's reason is cut to about two lines; `=` and the report give it whole."""


class WrappedText:
    """`text.wrap(console, width)`, with each line cut from the text when it is asked for.

    A paragraph with many matches wraps to a hundred lines or more, of which the panel shows
    a screenful: only the breaks are found for all of them (as `Text.wrap` finds them), and a
    text line is divided into its wrapped lines, exactly as `Text.wrap` divides it, the first
    time one of them is drawn.
    """

    def __init__(self, text: Text, width: int, console: Console) -> None:
        self.width = width
        self._console = console
        self._sources = text.split(allow_blank=True) if width > 0 else []
        self._breaks: list[list[int] | None] = []
        """Per text line: where it breaks, or None when `Text.wrap` handles it (tabs, folds)."""
        self._index: list[tuple[int, int]] = []
        """Per wrapped line: (text line, piece of it)."""
        self.firsts: list[int] = []
        """Per text line: its first wrapped line."""
        self._cut: dict[int, list[Text]] = {}
        for i, line in enumerate(self._sources):
            plain = line.plain
            breaks = single_cell_breaks(plain, width) if "\t" not in plain else None
            if breaks is None:
                pieces = list(line.wrap(console, width))
                self._cut[i] = pieces
                count = len(pieces)
            else:
                count = len(breaks) + 1
            self._breaks.append(breaks)
            self.firsts.append(len(self._index))
            self._index.extend((i, piece) for piece in range(count))

    def __len__(self) -> int:
        return len(self._index)

    def __getitem__(self, n: int) -> Text:
        source, piece = self._index[n]
        pieces = self._cut.get(source)
        if pieces is None:
            breaks = self._breaks[source]
            assert breaks is not None
            pieces = list(self._sources[source].divide(breaks))
            for line in pieces:  # as `Text.wrap` finishes its lines
                line.rstrip_end(self.width)
                line.truncate(self.width, overflow=line.overflow or "fold")
            self._cut[source] = pieces
        return pieces[piece]


class ElsewherePanel(ScrollView, can_focus=True, inherit_bindings=False):
    """Matches for the current paragraph, best first, numbered for `1`–`9`."""

    DEFAULT_CSS = """
    ElsewherePanel { overflow-x: hidden; overflow-y: hidden; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "elsewhere-panel--outlet",
        "elsewhere-panel--score",
        "elsewhere-panel--evidence",
        "elsewhere-panel--conflict",
        "elsewhere-panel--reason",
        "elsewhere-panel--selected",
        "elsewhere-panel--note",
    }

    class MatchChosen(Message):
        """The reader asked to open a match (Enter or its number)."""

        def __init__(self, panel: ElsewherePanel, article_id: str, paragraph: int) -> None:
            super().__init__()
            self.panel = panel
            self.article_id = article_id
            self.paragraph = paragraph

        @property
        def control(self) -> ElsewherePanel:
            return self.panel

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: PanelView | None = None
        self.selected = 0
        """The entry Enter opens."""
        self._starts: list[int] = []
        """The text line each entry's head is on."""
        self._text = Text("")
        self._wrapped: WrappedText | list[Text] = []
        """`_text` wrapped to the width."""
        self._lines: list[Strip | None] = []
        """The strip of each wrapped line, drawn when it is first shown."""
        self._base: Style = Style()
        self._framed: dict[int, Strip] = {}
        """Line number (-1: below the text) → the line with its padding, as drawn."""
        self._look: tuple[object, ...] = ()
        self._width = 0
        """The width the text is wrapped to."""
        self._bar = 0
        """The scrollbar's width, drawn right of the text when the text is taller than the panel."""
        self._grab: tuple[float, float] | None = None
        """(screen line, scroll position) where the bar's thumb was grabbed."""
        self._bar_look = ""
        """How the bar is drawn: "" as usual, "hover" under the mouse, "active" while grabbed."""
        self._bar_drawn: tuple[object, list[Segment] | None] | None = None
        self._style_lookups: dict[str, Style] = {}
        """Component styles by name (a lookup walks the CSS; a paragraph needs dozens)."""

    def show(self, view: PanelView) -> None:
        """Show `view`; nothing is repainted when it equals what is shown."""
        if view == self.view:
            return
        self.view = view
        self.selected = 0
        self._render_body()
        if self.scroll_y:  # immediate: a deferred scroll would cost one more frame
            self.scroll_to(y=0, animate=False, immediate=True)

    def select(self, delta: int) -> None:
        if self.view is None or not self.view.entries:
            return
        self.selected = max(0, min(self.selected + delta, len(self.view.entries) - 1))
        self._render_body()
        self._show_selected()

    def _show_selected(self) -> None:
        """Scroll the selected entry into view: Enter opens what the reader sees marked."""
        height = self.scrollable_content_region.height
        if not height or not 0 <= self.selected < len(self._starts):
            return
        top, end = self._entry_lines(self.selected)
        y = round(self.scroll_y)
        if top < y:
            y = top
        elif end > y + height:
            y = min(top, end - height)  # a taller entry shows from its head
        if y != round(self.scroll_y):
            self.scroll_to(y=y, animate=False, immediate=True)

    def _entry_lines(self, index: int) -> tuple[int, int]:
        """The wrapped lines entry `index` takes: its first, and the one past its last."""
        firsts = self._wrapped.firsts if isinstance(self._wrapped, WrappedText) else []
        if not firsts:
            return 0, 0
        top = firsts[min(self._starts[index], len(firsts) - 1)]
        if index + 1 < len(self._starts):  # up to the blank line before the next entry
            return top, max(top + 1, firsts[min(self._starts[index + 1], len(firsts) - 1)] - 1)
        return top, len(self._wrapped)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self.view.entries if self.view else ()

    def choose(self, index: int | None = None) -> bool:
        """Post `MatchChosen` for entry `index` (the selected one by default)."""
        index = self.selected if index is None else index
        if 0 <= index < len(self.entries):
            entry = self.entries[index]
            self.post_message(self.MatchChosen(self, entry.article_id, entry.paragraph))
            return True
        return False

    def _style(self, name: str) -> Style:
        style = self._style_lookups.get(name)
        if style is None:
            style = self.get_component_rich_style(f"elsewhere-panel--{name}", partial=True)
            self._style_lookups[name] = style
        return style

    def _render_body(self) -> None:
        view = self.view
        if view is None:
            return
        text = Text()
        if view.note:
            text.append(view.note + "\n", self._style("note"))
            if view.absent:
                text.append("\nNot reported by:\n", self._style("note"))
                for outlet in view.absent:
                    text.append(f"  · {outlet}\n")
        line = text.plain.count("\n")
        self._starts = []
        for i, entry in enumerate(view.entries):
            if i:
                text.append("\n")
                line += 1
            self._starts.append(line)
            entry_text = self._entry_text(i, entry)
            line += entry_text.plain.count("\n")
            text.append_text(entry_text)
        text.rstrip()
        self._text = text
        self._wrap()

    def _wrap(self) -> None:
        """Wrap the text for the current width, one column narrower when it needs the bar."""
        region = self.scrollable_content_region
        width, height = region.width, region.height
        console = self.app.console
        bar = self._bar_size()
        if bar and width > bar and self._text.plain.count("\n") >= height:
            # More text lines than the panel has: the bar is needed whatever the wrapping.
            width -= bar
            wrapped = WrappedText(self._text, width, console)
        else:
            wrapped = WrappedText(self._text, width, console)
            if bar and width > bar and len(wrapped) > height:
                width -= bar
                wrapped = WrappedText(self._text, width, console)
            else:
                bar = 0
        self._bar = bar
        self._width = width
        self._wrapped = wrapped
        self._lines = [None] * len(self._wrapped)
        self._framed = {}
        self._base = self.rich_style
        self._set_virtual_size(Size(width, len(self._lines)))
        self.refresh()

    def _set_virtual_size(self, size: Size) -> None:
        """The new text's size, without laying out the screen again.

        `virtual_size` is a layout reactive: each new paragraph's matches relaid the whole
        screen (about 20 ms, most of a step into a new paragraph), though the panel's region
        stays the same. The panel draws its own scrollbar (see `render_lines`), so nothing
        else depends on the size: a new text never relays the screen, even when the bar
        comes or goes.
        """
        if size == self.virtual_size:
            return
        if not self.is_mounted or not self.container_size:
            self.virtual_size = size
            return
        self.set_reactive(ElsewherePanel.virtual_size, size)
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    @property
    def allow_vertical_scroll(self) -> bool:
        """The mouse wheel scrolls the panel whenever its text is taller than it."""
        return not self._check_disabled() and self.max_scroll_y > 0

    def _bar_cells(self, height: int) -> list[Segment] | None:
        """The scrollbar's cells, top to bottom, as Textual's `ScrollBar` draws them."""
        if not self._bar or not height:
            return None
        styles = self.styles
        if self._bar_look == "active":
            background, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self._bar_look == "hover":
            background, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            background = self.background_colors[0] + background
        color = background + color
        if self.screen.styles.scrollbar_color.a == 0:
            return [Segment(" " * self._bar)] * height
        cells = ScrollBarRender.render_bar(
            size=height,
            virtual_size=len(self._lines),
            window_size=height,
            position=self.scroll_y,
            thickness=self._bar,
            vertical=True,
            back_color=background.rich_color,
            bar_color=color.rich_color,
        ).segments
        base = self.rich_style  # under the cells, as the bar widget's own style is
        return [Segment(cell.text, base + cell.style) for cell in cells]

    def _on_bar(self, x: int) -> bool:
        left = self.styles.padding.left
        return bool(self._bar) and left + self._width <= x < left + self._width + self._bar

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A press on the bar does what it does on Textual's: a page up or down, or a grab."""
        bar = self._bar_column()
        if not bar or not self._on_bar(event.x) or not 0 <= event.y < len(bar):
            return
        event.stop()
        action = bar[event.y].style.meta.get("@mouse.down") if bar[event.y].style else None
        if action == "scroll_up":
            self.scroll_page_up(animate=False)
        elif action == "scroll_down":
            self.scroll_page_down(animate=False)
        elif action == "grab":
            self._grab = (event.screen_y, self.scroll_y)
            self.capture_mouse()
            self._look_bar("active")

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._grab is not None:
            start, position = self._grab
            height = self.scrollable_content_region.height
            ratio = len(self._lines) / height if height else 0
            self.scroll_to(y=position + (event.screen_y - start) * ratio, animate=False)
        else:
            self._look_bar("hover" if self._on_bar(event.x) else "")

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._grab is not None:
            self._grab = None
            self.release_mouse()
            self._look_bar("hover" if self._on_bar(event.x) else "")

    def on_leave(self, event: events.Leave) -> None:
        if self._grab is None:
            self._look_bar("")

    def _look_bar(self, look: str) -> None:
        """Draw the bar as Textual's is drawn under the mouse or while grabbed."""
        if look != self._bar_look:
            self._bar_look = look
            self.refresh()

    def _strip(self, line: Text, width: int) -> Strip:
        segments = [s for s in line.render(self.app.console) if s.text != "\n"]
        return Strip(segments).extend_cell_length(width).crop(0, width).apply_style(self._base)

    def render_lines(self, crop: Region) -> list[Strip]:
        styles = self.styles
        top, right, bottom, left = styles.padding
        if styles.border.spacing or top or bottom or self.opacity < 1 or styles.text_opacity < 1:
            return super().render_lines(crop)
        # Only side padding, no border (the frame draws it): each line is the strip
        # `render_line` draws, with the padding cells around it as the styles cache adds them;
        # kept, so a repaint of the panel makes no new strips.
        base_background, background = self.background_colors
        full = self.region.width or self.size.width  # padding included, as the compositor asks
        look = (full, left, right, background, base_background, tuple(self.get_line_filters()))
        if look != self._look:
            self._look, self._framed = look, {}
        pad = Style(bgcolor=(base_background + background).rich_color)
        filters = look[-1]
        first = round(self.scroll_y)
        bar = self._bar_column()
        lines = []
        for y in crop.line_range:
            n = first + y
            key = (n if 0 <= n < len(self._lines) else -1, bar[y] if bar and y < len(bar) else None)
            strip = self._framed.get(key)
            if strip is None:
                inner = self.render_line(y)
                cells = [Segment(" " * left, pad), *inner, Segment(" " * right, pad)]
                width = left + inner.cell_length + right
                strip = Strip(cells, width).adjust_cell_length(full, pad)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)
                self._framed[key] = strip
            lines.append(strip)
        if crop.column_span != (0, full):
            lines = [line.crop(crop.x, crop.right) for line in lines]
        return lines

    def _bar_column(self) -> list[Segment] | None:
        """This frame's scrollbar cells (None without a bar), drawn once per position."""
        height = self.scrollable_content_region.height
        key = (
            self._bar, height, len(self._lines), self.scroll_y, self.styles.scrollbar_color,
            self._bar_look,
        )
        if self._bar_drawn is None or self._bar_drawn[0] != key:
            self._bar_drawn = (key, self._bar_cells(height))
        return self._bar_drawn[1]

    def render_line(self, y: int) -> Strip:
        n = round(self.scroll_y) + y
        if 0 <= n < len(self._lines):
            strip = self._lines[n]
            if strip is None:
                strip = self._lines[n] = self._strip(self._wrapped[n], self._width)
        else:
            strip = Strip.blank(self._width, self.rich_style)
        bar = self._bar_column()
        if bar and 0 <= y < len(bar):
            strip = Strip([*strip, bar[y]], self._width + self._bar)
        return strip

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            if self.view is not None:
                self._render_body()  # the entries' heads are fitted to the width
            else:
                self._wrap()
        self._show_selected()

    def _head_room(self) -> int:
        """Cells an entry's head line may take: the panel's width, less its bar's if it has one."""
        return max(self.scrollable_content_region.width - self._bar_size(), 12)

    def _bar_size(self) -> int:
        """Columns of the bar the panel draws itself (0 where Textual's own bar is shown)."""
        return self.styles.scrollbar_size_vertical if self.styles.overflow_y == "hidden" else 0

    def _entry_text(self, i: int, entry: Entry) -> Text:
        selected = i == self.selected
        number = f"{i + 1}" if i < 9 else " "
        marker = ("▶" if selected else " ") + number + " "
        score = f"  {entry.grade}" if entry.grade == "differs" else f"  {entry.grade} {entry.score:.2f}"
        flag = "  ⚠ conflict" if entry.conflict else ""
        outlet = entry.outlet
        room = self._head_room()
        # The head stays one line: the flag shortens to its glyph, the copies to their count,
        # then the outlet's name.
        if flag and len(marker) + cell_len(outlet + score + flag) > room:
            flag = "  ⚠"
        if entry.copies:
            copies = "  also " + " ".join(f"¶{n + 1}" for n in entry.copies)
            if len(marker) + cell_len(outlet + score + copies + flag) > room:
                copies = f" ×{len(entry.copies) + 1}"
            score += copies
        spare = room - len(marker) - cell_len(score + flag)
        if cell_len(outlet) > spare:
            outlet = set_cell_size(outlet, max(spare - 1, 3)).rstrip() + "…"
        head = Text()
        head.append(marker, self._style("selected") if selected else "")
        head.append(outlet, self._style("outlet"))
        head.append(score, self._style("score"))
        if flag:
            head.append(flag, self._style("conflict"))
        body = Text(entry.text)
        for start, end in entry.evidence:
            body.stylize(self._style("evidence"), start, end)
        parts = [head, "\n", body, "\n"]
        if entry.conflict:
            reason = entry.conflict if len(entry.conflict) <= REASON_CHARS else entry.conflict[: REASON_CHARS - 1] + "…"
            parts += [Text(f"⚠ {reason}", self._style("reason")), "\n"]
        return Text.assemble(*parts)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_lookups.clear()
        if self.view is not None and self.is_mounted:
            self._render_body()
