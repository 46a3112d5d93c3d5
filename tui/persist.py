"""The reader's place between runs: restore it on open, save each move as it happens.

Glue between the reader's in-memory `tui.reading.ReadingState` and the SQLite store of
`tui.core.state`. Saving compares with what was last written and writes only what
changed: a move is one small autocommit statement (tens of microseconds in WAL mode), so
it runs right on the UI thread and a killed reader loses at most its last move.

The `''` position (where the latest jump started) is kept as the mark `'`, as vim does.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tui.reading import JumpList, Position, ReadingState

if TYPE_CHECKING:
    from tui.core.model import Alignment, Story
    from tui.core.settings import Settings
    from tui.core.state import SavedState, StateStore

BEFORE_JUMP = "'"


def open_state(story: Story, restore: bool, fresh: bool) -> tuple[StateStore, SavedState | None]:
    """Open the store for `story` (in a worker: it touches the disk).

    Args:
        restore: whether to read what was saved (the first load; not a reload).
        fresh: `--fresh`: forget what was saved instead.
    """
    from tui.core.state import StateStore

    store = StateStore(story)
    if fresh:
        store.forget()
        return store, None
    return store, store.load() if restore else None


def alignment_params(settings: Settings) -> str:
    """What, besides the story and the matcher, an alignment depends on: the thresholds."""
    return f"same={settings.same_threshold};related={settings.related_threshold}"


def align_cached(
    story: Story, settings: Settings, progress: Callable[[int, int], None] | None = None
) -> tuple[Alignment, bool]:
    """The alignment from the cache, or computed with the configured thresholds.

    The matcher's optional keywords (`progress(step, share)`, `same`, `related`, `evidence`) are
    passed only when its signature has them, so this works with every matcher version.
    """
    from tui.core import align_story
    from tui.core.cache import cached_alignment

    def compute(story: Story) -> Alignment:
        accepted = inspect.signature(align_story).parameters
        options: dict[str, Any] = {}
        if progress is not None and "progress" in accepted:
            options["progress"] = lambda _step, share: progress(round(share * 1000), 1000)
        if "evidence" in accepted:
            options["evidence"] = False  # the panel asks for a paragraph's spans when it shows them
        thresholds = {"same": settings.same_threshold, "related": settings.related_threshold}
        for name, value in thresholds.items():
            if value is not None and name in accepted:
                options[name] = value
        return align_story(story, **options)

    return cached_alignment(story, compute, alignment_params(settings))


class StateSaver:
    """Writes a `ReadingState` to a `StateStore` whenever it changed."""

    def __init__(self, store: StateStore) -> None:
        self.store = store
        self._place: Position | None = None
        self._marks: dict[str, Position] = {}
        self._jumps: tuple[tuple[Position, ...], int] = ((), 0)

    def restore(self, saved: SavedState, reading: ReadingState) -> None:
        """Put the saved place, marks and jump list into `reading`."""
        if saved.place is not None:
            reading.article_id, reading.paragraph = saved.place.article, saved.place.paragraph
            reading.positions[saved.place.article] = saved.place.paragraph
        marks = {letter: (ref.article, ref.paragraph) for letter, ref in saved.marks.items()}
        before = marks.pop(BEFORE_JUMP, None)
        reading.marks.update(marks)
        if before is not None:
            reading.before_jump = before
        entries = [(ref.article, ref.paragraph) for ref in saved.jumps]
        index = saved.jump_cursor if saved.jump_cursor < len(entries) else None
        reading.jumps = JumpList(entries, index)
        self._remember(reading)

    def save(self, reading: ReadingState) -> None:
        """Write what changed since the last call (nothing at all most of the time)."""
        from tui.core.model import Ref

        if reading.article_id and reading.position != self._place:
            self.store.save_place(*reading.position)
        for letter, position in self._marks_of(reading).items():
            if self._marks.get(letter) != position:
                self.store.save_mark(letter, *position)
        jumps = self._jumps_of(reading)
        if jumps != self._jumps:
            self.store.save_jumps([Ref(*p) for p in jumps[0]], jumps[1])
        self._remember(reading)

    def _remember(self, reading: ReadingState) -> None:
        self._place = reading.position if reading.article_id else None
        self._marks = self._marks_of(reading)
        self._jumps = self._jumps_of(reading)

    @staticmethod
    def _marks_of(reading: ReadingState) -> dict[str, Position]:
        marks = dict(reading.marks)
        if reading.before_jump is not None:
            marks[BEFORE_JUMP] = reading.before_jump
        return marks

    @staticmethod
    def _jumps_of(reading: ReadingState) -> tuple[tuple[Position, ...], int]:
        entries = tuple(reading.jumps.entries)
        index = reading.jumps.index
        return entries, len(entries) if index is None else index
