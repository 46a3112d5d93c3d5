"""The glue between the reader's state and the database, and the cached alignment worker."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import SEEDS
from tui import core
from tui.core import load_story
from tui.core.model import Alignment, Ref, Story
from tui.core.settings import Settings
from tui.core.state import SavedState
from tui.persist import StateSaver, align_cached
from tui.reading import ReadingState


class FakeStore:
    """Records the writes a saver makes."""

    def __init__(self) -> None:
        self.writes: list[tuple[str, tuple[Any, ...]]] = []
        self.warnings: list[str] = []

    def save_place(self, *args: Any) -> bool:
        self.writes.append(("place", args))
        return True

    def save_mark(self, *args: Any) -> bool:
        self.writes.append(("mark", args))
        return True

    def save_jumps(self, *args: Any) -> bool:
        self.writes.append(("jumps", args))
        return True


def test_saver_writes_only_what_changed() -> None:
    """A move writes the place; an unchanged state writes nothing; a mark writes one mark."""
    store = FakeStore()
    saver = StateSaver(store)  # type: ignore[arg-type]
    reading = ReadingState()
    reading.move("a", 1)
    saver.save(reading)
    assert store.writes == [("place", ("a", 1))]
    saver.save(reading)
    assert len(store.writes) == 1
    reading.set_mark("q")
    saver.save(reading)
    assert store.writes[-1] == ("mark", ("q", "a", 1))
    reading.jump_from_here()
    reading.move("b", 0)
    saver.save(reading)
    kinds = [kind for kind, _ in store.writes[2:]]
    assert sorted(kinds) == ["jumps", "mark", "place"], "the jump, `''` and the place"


def test_restore_fills_the_reading_state() -> None:
    """Saved place, marks, `''` and jump list come back; restoring writes nothing."""
    store = FakeStore()
    saved = SavedState(
        place=Ref("b", 3),
        marks={"a": Ref("a", 2), "'": Ref("a", 0)},
        jumps=(Ref("a", 0), Ref("b", 1)),
        jump_cursor=2,
    )
    reading = ReadingState()
    saver = StateSaver(store)  # type: ignore[arg-type]
    saver.restore(saved, reading)
    assert reading.position == ("b", 3) and reading.positions == {"b": 3}
    assert reading.marks == {"a": ("a", 2)}
    assert reading.before_jump == ("a", 0)
    assert reading.jumps.entries == [("a", 0), ("b", 1)] and reading.jumps.index is None
    saver.save(reading)
    assert store.writes == []


def test_thresholds_and_progress_reach_a_matcher_that_takes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Configured thresholds are passed on, progress shares become counts, and each
    threshold setting has its own cache entry."""
    seen: list[dict[str, Any]] = []
    ticks: list[tuple[int, int]] = []

    def matcher(
        story: Story,
        progress: Any = None,
        *,
        same: float | None = None,
        related: float | None = None,
    ) -> Alignment:
        seen.append({"same": same, "related": related})
        if progress is not None:
            progress("score", 0.5)
        return Alignment(story, ())

    monkeypatch.setattr(core, "align_story", matcher)
    story = load_story([SEEDS])
    strict = Settings(same_threshold=0.8, related_threshold=0.5)
    _, hit = align_cached(story, strict, lambda done, total: ticks.append((done, total)))
    assert (hit, seen, ticks) == (False, [{"same": 0.8, "related": 0.5}], [(500, 1000)])
    assert align_cached(story, strict)[1] is True
    assert align_cached(story, Settings())[1] is False
    assert seen[-1] == {"same": None, "related": None}


def test_a_matcher_without_options_is_called_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    """An older matcher that takes only the story still works with progress and thresholds set."""
    calls: list[Story] = []

    def matcher(story: Story) -> Alignment:
        calls.append(story)
        return Alignment(story, ())

    monkeypatch.setattr(core, "align_story", matcher)
    align_cached(load_story([SEEDS]), Settings(same_threshold=0.9), lambda done, total: None)
    assert len(calls) == 1
