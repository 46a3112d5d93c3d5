"""The article: one line-API widget, so a line step repaints only this pane.

Paragraphs are wrapped once per width into a flat list of lines (toolong's `log_lines`
idea); `render_line` only looks lines up and adds the current-paragraph style. The reading
line is the top line of the pane, as in `less`: the paragraph there is `current`. The content
is padded by a page so that every paragraph, the last one too, can reach the reading line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from rich._wrap import divide_line  # Text.wrap's own breaker: the same lines, see wrap_lines
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from tui.widgets.pager import page_step
from tui.widgets.scrollbar import cell_vertical_scrollbar

if TYPE_CHECKING:
    from rich.console import Console

    from tui.core.model import Article

GUTTER = 4
"""Cells left of the text: current marker, count of other outlets, conflict flag, space."""
CURRENT_MARK = "▌"
_WORD = re.compile(r"\s*\S+\s*")
"""A word and the spaces after it, as `rich._wrap.words` finds them."""


def _single_cells(text: str) -> bool:
    """Whether every character of `text` takes one cell, so that any part of it is as wide
    as it is long (Rich measures a string as the sum of its characters' widths)."""
    return all(cell_len(character) == 1 for character in set(text))


@dataclass(eq=False)
class Line:
    """One wrapped line of the article.

    Wrapping only finds where the lines break; the `Text` of a line is cut from its
    paragraph the first time it is drawn. Building a `Text` for each of the ~1,000 lines of
    a long article at once took most of the time before its first paint.
    """

    paragraph: int
    """Index of the paragraph (blank separators belong to the paragraph after them)."""
    source: Text
    """The line's text, or with `span` the whole paragraph it is cut from."""
    first: bool = False
    """The paragraph's first line: the gutter shows its mark here."""
    title: bool = False
    """A line of the headline shown above the paragraphs (not a paragraph itself)."""
    span: tuple[int, int] | None = None
    """(start, end) of the line in `source`; None when `source` is the line."""
    width: int = 0
    """The wrap width (a folded word is cut to it)."""
    _text: Text | None = field(default=None, repr=False)

    @property
    def text(self) -> Text:
        if self._text is None:
            if self.span is None:
                self._text = self.source
            else:
                text = self.source[self.span[0] : self.span[1]]
                text.rstrip()
                text.truncate(self.width)
                self._text = text
        return self._text

    @property
    def plain(self) -> str:
        """The line's characters, without building its `Text`."""
        if self.span is None:
            return self.source.plain
        return self.source.plain[self.span[0] : self.span[1]].rstrip()


def wrap_lines(paragraph: int, text: Text, width: int, console: Console) -> list[Line]:
    """`text` wrapped to `width` exactly as `Text.wrap` wraps it, each line cut lazily.

    Rich's own line breaker (`divide_line`, what `Text.wrap` calls) finds the breaks, so the
    lines are the same; a test compares them with `Text.wrap`. Text with newlines or tabs,
    which `Text.wrap` treats specially, goes through `Text.wrap` itself.
    """
    plain = text.plain
    if "\n" in plain or "\t" in plain:
        lines = []
        for i, wrapped in enumerate(text.wrap(console, width)):
            wrapped.rstrip()
            lines.append(Line(paragraph, wrapped, first=i == 0))
        return lines
    breaks = single_cell_breaks(plain, width)
    if breaks is None:
        breaks = divide_line(plain, width, fold=True)
    offsets = [0, *breaks, len(plain)]
    return [
        Line(paragraph, text, first=i == 0, span=(start, end), width=width)
        for i, (start, end) in enumerate(zip(offsets, offsets[1:]))
    ]


def single_cell_breaks(plain: str, width: int) -> list[int] | None:
    """`divide_line(plain, width)` for text of one cell per character; None for other text
    and for a word wider than a line (folded by `divide_line` itself).

    The same walk over the same words, with `len` for the cell width: measuring every word
    took most of the time of wrapping a long article before its first paint.
    """
    if not _single_cells(plain):
        return None
    breaks: list[int] = []
    offset = 0
    for word in _WORD.finditer(plain):
        start, end = word.span()
        length = len(word.group().rstrip())
        if width - offset >= length:
            offset += end - start
        elif length > width:
            return None
        elif offset and start:
            breaks.append(start)
            offset = end - start
    return breaks


def search_pattern(query: str) -> re.Pattern[str] | None:
    """A literal, smart-case pattern (case-insensitive unless the query has a capital)."""
    if not query:
        return None
    flags = 0 if any(c.isupper() for c in query) else re.IGNORECASE
    return re.compile(re.escape(query), flags)


class ArticlePane(ScrollView, can_focus=True, inherit_bindings=False):
    """The article being read, paragraph by paragraph, with a gutter."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-pane--current",
        "article-pane--marker",
        "article-pane--gutter",
        "article-pane--unique",
        "article-pane--conflict",
        "article-pane--headline",
        "article-pane--subheading",
        "article-pane--boilerplate",
        "article-pane--hit",
        "article-pane--note",
    }

    DEFAULT_CSS = """
    ArticlePane { overflow-x: hidden; scrollbar-gutter: stable; }
    """

    current: reactive[int] = reactive(0, repaint=False)
    """The paragraph at the reading line."""

    class ParagraphInView(Message):
        """The paragraph at the reading line changed. A newer one replaces a queued one."""

        def __init__(self, pane: ArticlePane, article_id: str, index: int) -> None:
            super().__init__()
            self.pane = pane
            self.article_id = article_id
            self.index = index

        @property
        def control(self) -> ArticlePane:
            return self.pane

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticlePane.ParagraphInView)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.marks: dict[int, str] = {}
        self.note = "Loading…"
        """Shown when there is no article yet."""
        self.show_boilerplate = False
        self.search: re.Pattern[str] | None = None
        self.filter: re.Pattern[str] | None = None
        self.filter_query = ""
        """What the filter was typed as (its title in the article's border)."""
        self.lines: list[Line] = []
        self.starts: dict[int, int] = {}
        """Paragraph index → its first line."""
        self._width = 0
        self._strips: LRUCache[tuple[int, bool], Strip] = LRUCache(1024)
        self._frame: tuple[int, int, Style] | None = None
        self._style_lookups: dict[tuple[str, bool], Style] = {}

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        return cell_vertical_scrollbar(self)

    # -- content -------------------------------------------------------------------------

    def show(self, article: Article, paragraph: int = 0) -> None:
        """Show `article` with `paragraph` at the reading line."""
        self.article = article
        if not self.scrollable_content_region.width:
            # Not laid out yet (the story arrived with the first screen): wrap once, on the
            # first resize, at the real width, instead of now at a made-up one and again then.
            self.lines, self.starts = [], {}
            self.current = paragraph
            return
        self._rebuild()
        self.go_to(paragraph)
        self._sync_current(force=True)

    def set_marks(self, marks: dict[int, str]) -> None:
        """Update the gutter (counts of other outlets) without moving."""
        if marks != self.marks:
            self.marks = marks
            self._strips.clear()
            self.refresh()

    def set_search(self, pattern: re.Pattern[str] | None) -> None:
        self.search = pattern
        self._rebuild(keep=True)

    def set_filter(self, pattern: re.Pattern[str] | None, query: str = "") -> None:
        self.filter = pattern
        self.filter_query = query if pattern is not None else ""
        self._rebuild(keep=True)

    def toggle_boilerplate(self) -> None:
        self.show_boilerplate = not self.show_boilerplate
        self._rebuild(keep=True)

    def visible(self, n: int) -> bool:
        """Whether paragraph `n` is shown (the filter hides paragraphs)."""
        return n in self.starts

    def hits(self) -> list[tuple[int, int]]:
        """(paragraph, line) of every search hit, in reading order."""
        if self.search is None or self.article is None:
            return []
        found = []
        for line_no, line in enumerate(self.lines):
            if not line.title and line.plain and self.search.search(line.plain):
                found.append((line.paragraph, line_no))
        return found

    def _rebuild(self, keep: bool = False) -> None:
        """Wrap the article for the current width; with `keep`, stay on the same paragraph."""
        anchor = self.current
        offset = self.line - self.starts.get(anchor, self.line) if keep else 0
        laid_out = bool(self.starts)
        self._width = self.scrollable_content_region.width
        self.lines = self._wrap() if self.article is not None else []
        self.starts = {}
        for i, line in enumerate(self.lines):
            if line.first:
                self.starts.setdefault(line.paragraph, i)
        self._strips.clear()
        self._update_virtual_size()
        if keep and self.starts:
            if not laid_out:
                # The first wrap (the article arrived before the first layout): place the
                # paragraph as `go_to` does, the first one with the headline above it.
                self.go_to(anchor)
            else:
                target = self._nearest_visible(anchor)
                self._scroll_to_line(self.starts[target] + (offset if target == anchor else 0))
        self.refresh()

    def _update_virtual_size(self) -> None:
        height = len(self.lines) + max(self.scrollable_content_region.height - 1, 0)
        self.virtual_size = Size(self._width, height)

    def _wrap(self) -> list[Line]:
        assert self.article is not None
        width = max(self._width - GUTTER, 8)
        console = self.app.console
        lines = self._title_lines(width)
        for p in self.article.paragraphs:
            if self.filter is not None and not self.filter.search(p.text):
                continue
            if lines and not lines[-1].title:
                lines.append(Line(p.n, Text("")))
            text = Text(p.text, style=self._role_style(p.role), no_wrap=False)
            if p.role == "boilerplate" and not self.show_boilerplate:
                text = Text(f"┄ {p.text}", style=self._role_style(p.role), no_wrap=True, overflow="ellipsis")
                text.truncate(width, overflow="ellipsis")
                lines.append(Line(p.n, text, first=True))
                continue
            if self.search is not None:
                hit = self._component("article-pane--hit")
                for m in self.search.finditer(p.text):
                    text.stylize(hit, m.start(), m.end())
            lines.extend(wrap_lines(p.n, text, width, console))
        return lines

    def _title_lines(self, width: int) -> list[Line]:
        """The headline on top, unless the first paragraph is the headline itself."""
        article = self.article
        assert article is not None
        paragraphs = article.paragraphs
        if not article.title or self.filter is not None or not paragraphs:
            return []
        if paragraphs[0].role == "headline" or paragraphs[0].text == article.title:
            return []
        text = Text(article.title, style=self._role_style("headline"))
        first = paragraphs[0].n
        lines = [Line(first, line, title=True) for line in text.wrap(self.app.console, width)]
        return [*lines, Line(first, Text(""), title=True)]

    def _role_style(self, role: str) -> Style:
        if role in ("headline", "subheading", "boilerplate"):
            return self._component(f"article-pane--{role}")
        return Style()

    # -- reading line ----------------------------------------------------------------------

    @property
    def line(self) -> int:
        """The line at the reading line (the top of the pane)."""
        return round(self.scroll_y)

    def paragraph_at(self, line_no: int) -> int:
        if not self.lines:
            return 0
        return self.lines[max(0, min(line_no, len(self.lines) - 1))].paragraph

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._sync_current()

    def _sync_current(self, force: bool = False) -> None:
        if not self.lines:
            return
        paragraph = self.paragraph_at(self.line)
        if paragraph != self.current:
            self.current = paragraph
        elif force:
            self._announce()

    def watch_current(self, old: int, new: int) -> None:
        # The strip cache is keyed by (line, is-current): nothing to clear, only to repaint.
        self.refresh()
        self._announce()

    def _announce(self) -> None:
        if self.article is not None:
            self.post_message(self.ParagraphInView(self, self.article.id, self.current))

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._rebuild(keep=True)
        else:
            self._update_virtual_size()

    # -- moving ------------------------------------------------------------------------------

    def _scroll_to_line(self, line_no: int) -> None:
        top = max(0, min(line_no, max(len(self.lines) - 1, 0)))
        # force: right after `show` no layout has run yet, so the scrollbar (and with it
        # `allow_vertical_scroll`) is not known; the offset is still clamped to the content.
        self.scroll_to(y=top, animate=False, immediate=True, force=True)
        self._sync_current()

    def scroll_lines(self, n: int) -> None:
        self._scroll_to_line(self.line + n)

    def scroll_pages(self, pages: float) -> None:
        self.scroll_lines(page_step(self.scrollable_content_region.height, pages))

    def _nearest_visible(self, n: int) -> int:
        after = [p for p in self.starts if p >= n]
        if after:
            return min(after)
        return max(self.starts) if self.starts else 0

    def go_to(self, n: int) -> None:
        """Put paragraph `n` (or the next one shown) at the reading line."""
        if self.starts:
            target = self._nearest_visible(n)
            first = target == min(self.starts)
            self._scroll_to_line(0 if first else self.starts[target])

    def go_to_line(self, line_no: int) -> None:
        self._scroll_to_line(line_no)

    def step_paragraph(self, n: int) -> None:
        """Move `n` paragraphs on (negative: back); back from inside one goes to its start."""
        order = sorted(self.starts)
        if not order:
            return
        index = order.index(self.current) if self.current in order else 0
        if n < 0 and self.line > self.starts.get(self.current, self.line):
            n += 1
        index = max(0, min(index + n, len(order) - 1))
        self.go_to(order[index])

    def go_end(self) -> None:
        if self.starts:
            self._scroll_to_line(self.starts[max(self.starts)])

    # -- rendering ---------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # What every line of this frame shares, computed once rather than once per line.
        self._frame = (self.line, self.scrollable_content_region.width, self.rich_style)
        try:
            if self.styles.gutter or self.opacity < 1 or self.styles.text_opacity < 1:
                return super().render_lines(crop)
            # No border, padding or opacity: a line is exactly what `render_line` draws (a
            # cached strip), so the styles cache would only copy every line of a scrolled
            # pane into a new strip. The frame around the pane draws the border.
            filters = self.get_line_filters()
            base_background, background = self.background_colors
            # The cell under the scrollbar, as the styles cache pads it (the bar covers it).
            under_bar = Style(bgcolor=(base_background + background).rich_color)
            width = self.region.width or self.size.width  # as the compositor asks
            lines = []
            for y in crop.line_range:
                strip = self.render_line(y).adjust_cell_length(width, under_bar)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)
                lines.append(strip)
            if crop.column_span != (0, width):
                lines = [line.crop(crop.x, crop.right) for line in lines]
            return lines
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        width = self._frame[1] if self._frame else self.scrollable_content_region.width
        if y == 0 and self.article is not None and width and width != self._width:
            # The first frame after `show` before the first resize: wrap now, so that this
            # very frame shows the article rather than a blank pane and the next one the text.
            self._rebuild(keep=True)
            if self._frame is not None:
                self._frame = (self.line, width, self._frame[2])
        top, width, base = self._frame or (self.line, width, self.rich_style)
        line_no = top + y
        if not self.lines:
            if y == 0:
                return self._strip(Text(self.note, style=self._note_style()), width, base)
            return Strip.blank(width, base)
        if line_no >= len(self.lines):
            return Strip.blank(width, base)
        line = self.lines[line_no]
        current = line.paragraph == self.current and bool(line.plain) and not line.title
        key = (line_no, current)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strip(self._decorate(line, current), width, base)
            self._strips[key] = strip
        return strip

    def _component(self, name: str, partial: bool = True) -> Style:
        """A component style, looked up once (a lookup walks the CSS; a new line needs five)."""
        style = self._style_lookups.get((name, partial))
        if style is None:
            style = self.get_component_rich_style(name, partial=partial)
            self._style_lookups[name, partial] = style
        return style

    def _note_style(self) -> Style:
        return self._component("article-pane--note")

    def _decorate(self, line: Line, current: bool) -> Text:
        mark = self.marks.get(line.paragraph, "") if line.first else ""
        gutter_style = self._component("article-pane--gutter")
        if mark.startswith("–"):
            gutter_style += self._component("article-pane--unique")
        if mark.endswith("!"):
            gutter_style += self._component("article-pane--conflict")
        marker = Text(CURRENT_MARK if current else " ", self._component("article-pane--marker"))
        gutter = Text(mark[:2].ljust(GUTTER - 2), gutter_style)
        body = line.text.copy()
        if current:
            body.stylize_before(self._component("article-pane--current", partial=False))
        return Text.assemble(marker, gutter, " ", body)

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        text.truncate(width)
        segments = [s for s in text.render(self.app.console) if s.text != "\n"]
        strip = Strip(segments).extend_cell_length(width).crop(0, width)
        return strip.apply_style(base)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_lookups.clear()
        self._strips.clear()
        if self.article is not None and self._width:
            self._rebuild(keep=True)


