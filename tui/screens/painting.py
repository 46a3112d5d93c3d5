"""A compositor that paints only the widgets a partial update can touch.

For a partial update (a line step repaints the article pane and its scrollbar) Textual's
compositor renders every widget whose *clip* overlaps the changed area. The clip of a pane
is its container's region, so the source list, the panel and the footer were rendered and
cut into pieces on every step, then thrown away because none of their cells changed. This
one keeps the widgets whose visible region (region ∩ clip) overlaps the changed area; the
cells it leaves out lie outside every changed span, so the update written to the terminal is
the same. Full repaints are unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip


class PartialCompositor(Compositor):
    """`Compositor` whose partial renders skip widgets outside the changed area."""

    def _get_renders(
        self, crop: Region | None = None
    ) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if crop is None:
            yield from super()._get_renders(crop)
            return
        overlaps = crop.overlaps
        for widget, (region, clip) in self.visible_widgets.items():
            visible = region.intersection(clip)
            if not visible.area or not overlaps(visible):
                continue
            if clip.contains_region(region):
                yield region, clip, widget.render_lines(Region(0, 0, region.width, region.height))
            else:
                x, y, width, height = visible
                yield (
                    region,
                    clip,
                    widget.render_lines(Region(x - region.x, y - region.y, width, height)),
                )
