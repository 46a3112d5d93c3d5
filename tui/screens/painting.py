"""A compositor that paints only the widgets a partial update can touch.

For a partial update (a line step repaints the article pane and its scrollbar) Textual's
compositor renders every widget whose *clip* overlaps the changed area, and cuts each line
of each of them at every widget edge. The clip of a pane is its container's region, so the
source list, the panel and the footer were rendered and cut into pieces on every step, then
thrown away because none of their cells changed. This one keeps only the widgets that can
show a changed cell:

- a widget whose visible region (region ∩ clip) misses the changed area is left out;
- so is a widget all of whose changed cells lie inside one widget in front of it: the
  compositor gives every cell to the front-most widget there, so its own cells there are
  never shown. That leaves out the screen, the containers and the frames behind the article
  and the panel (whose borders do not change when the text inside them does), which cost
  more to cut up than the panes themselves when a step moved into another paragraph.

The cells left out are never written, so the update sent to the terminal is the same (a
test compares it with the full compositor's, step by step). Full repaints are unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip


class PartialCompositor(Compositor):
    """`Compositor` whose partial renders skip widgets that cannot show a changed cell."""

    skip_covered: ClassVar[bool] = True
    """Leave out widgets whose changed cells are all covered (off only to test the output)."""

    _changed: list[Region] | None = None
    """The changed regions of the partial update being rendered (None: a full one)."""

    def render_partial_update(self) -> ChopsUpdate | None:
        self._changed = list(self._dirty_regions) if self.skip_covered else None
        try:
            return super().render_partial_update()
        finally:
            self._changed = None

    def _get_renders(
        self, crop: Region | None = None
    ) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if crop is None:
            yield from super()._get_renders(crop)
            return
        overlaps = crop.overlaps
        changed = self._changed
        front: list[Region] = []
        """The visible regions of the widgets met so far: in front of the ones to come."""
        for widget, (region, clip) in self.visible_widgets.items():
            visible = region.intersection(clip)
            if not visible.area or not overlaps(visible):
                continue
            if changed is not None:
                shown = [c.intersection(visible) for c in changed if c.overlaps(visible)]
                covered = all(any(f.contains_region(s) for f in front) for s in shown)
                front.append(visible)
                if covered:
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
