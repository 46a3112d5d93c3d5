"""A vertical scrollbar that draws its cells straight into strips, for the scrolled panes.

Textual's `ScrollBar` renders itself as a Rich renderable on every scroll: the renderable
is turned into segments, the segments into a `Visual`, and each of its lines goes through
the styles cache again. A line step of the article repaints the bar too, and that path
cost about as much as drawing the article's own lines. This one asks the same
`ScrollBarRender.render_bar` for the same cells, with the same colours and mouse actions,
and keeps one `Strip` per distinct cell, so a repaint is a list of strips it already has.
"""

from __future__ import annotations

from math import ceil

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget


class CellScrollBar(ScrollBar):
    """`ScrollBar` with a direct, cached `render_lines` (vertical bars; others as usual)."""

    def __init__(
        self, vertical: bool = True, name: str | None = None, *, thickness: int = 1
    ) -> None:
        super().__init__(vertical, name, thickness=thickness)
        self._cells: dict[Segment, Strip] = {}
        """One strip per distinct cell (a bar is a few kinds of cell, repeated)."""
        self._cells_for: tuple[object, ...] = ()
        self._drawn: tuple[object, list[Strip]] | None = None

    def _colors(self) -> tuple[Color, Color] | None:
        """(back, bar) as `ScrollBar.render` picks them; None when the screen hides bars."""
        assert self.parent is not None
        styles = self.parent.styles
        if self.grabbed:
            background, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self.mouse_over:
            background, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            base_background, _ = self.parent.background_colors
            background = base_background + background
        color = background + color
        if self.screen.styles.scrollbar_color.a == 0:
            return None
        return background.rich_color, color.rich_color

    def render_lines(self, crop: Region) -> list[Strip]:
        if not self.vertical or self.parent is None:
            return super().render_lines(crop)
        width, height = self.size
        colors = self._colors()
        virtual = ceil(self.window_virtual_size)
        window = ceil(self.window_size) if self.window_size < self.window_virtual_size else 0
        filters = tuple(self.get_line_filters())
        background = self.background_colors[1]
        base = self.rich_style
        key = (width, height, virtual, window, self.position, colors, filters, background, base)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (
                key,
                self._draw(width, height, virtual, window, colors, (filters, background, base)),
            )
        lines = self._drawn[1][crop.y : crop.bottom]
        if crop.column_span != (0, width):
            lines = [line.crop(crop.x, crop.right) for line in lines]
        return lines

    def _draw(
        self,
        width: int,
        height: int,
        virtual: int,
        window: int,
        colors: tuple[Color, Color] | None,
        look: tuple[tuple[object, ...], object, Style],
    ) -> list[Strip]:
        filters, background, base = look
        if colors is None:
            back = bar = None
            cells = [Segment(" " * width)] * height
        else:
            back, bar = colors
            cells = self.renderer.render_bar(
                size=height,
                virtual_size=virtual,
                window_size=window,
                position=self.position,
                thickness=width,
                vertical=True,
                back_color=back,
                bar_color=bar,
            ).segments
        if self._cells_for != look:
            self._cells, self._cells_for = {}, look
        lines = []
        for cell in cells:
            strip = self._cells.get(cell)
            if strip is None:
                if len(self._cells) > 64:
                    self._cells.clear()
                strip = Strip([cell], width).apply_style(base)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)  # type: ignore[arg-type]
                self._cells[cell] = strip
            lines.append(strip)
        return lines


def cell_vertical_scrollbar(widget: Widget) -> ScrollBar:
    """What `Widget.vertical_scrollbar` does, with a `CellScrollBar`."""
    if widget._vertical_scrollbar is not None:
        return widget._vertical_scrollbar
    widget._vertical_scrollbar = scroll_bar = CellScrollBar(
        vertical=True, name="vertical", thickness=widget.scrollbar_size_vertical
    )
    scroll_bar.display = False
    widget.app._start_widget(widget, scroll_bar)
    return scroll_bar
