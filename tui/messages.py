"""Messages a worker thread posts to the app (widget messages live in their widgets)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.core.model import Alignment, Story


@dataclass
class StoryLoaded(Message):
    """The articles are read; the reader can show them before they are aligned."""

    story: Story
    generation: int
    """Which load this is: a reload makes older messages stale."""


@dataclass
class AlignmentReady(Message):
    """The alignment of the loaded story is computed."""

    alignment: Alignment
    generation: int


@dataclass
class LoadProgress(Message):
    """Progress of a long load, shown in the article pane."""

    text: str
    generation: int


@dataclass
class LoadFailed(Message):
    """Loading or aligning failed: one line saying why."""

    reason: str
    generation: int
