"""Messages a worker thread posts to the app (widget messages live in their widgets)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.core.model import Alignment, Story
    from tui.core.state import SavedState, StateStore


@dataclass
class StoryLoaded(Message):
    """The articles are read; the reader can show them before they are aligned."""

    story: Story
    generation: int
    """Which load this is: a reload makes older messages stale."""
    state: StateStore | None = None
    """Where this story's reading state is saved."""
    saved: SavedState | None = None
    """The state saved by an earlier run, to restore (first load only, not with `--fresh`)."""
    partial: bool = False
    """Only the first article(s) of a large story: the rest is still being read."""


@dataclass
class AlignmentReady(Message):
    """The alignment of the loaded story is computed."""

    alignment: Alignment
    generation: int


@dataclass
class LoadProgress(Message):
    """Progress of a long load or alignment, shown as a bar under the article."""

    text: str
    generation: int
    done: int = 0
    total: int | None = None
    """None when the amount of work is not known (the bar then pulses)."""


@dataclass
class LoadFailed(Message):
    """Loading or aligning failed: one line saying why."""

    reason: str
    generation: int
