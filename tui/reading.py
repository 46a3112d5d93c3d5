"""Where the reader is: current article and paragraph, marks and the jump list.

Plain data with no Textual import, so it can be saved between runs and tested alone.
A position is `(article_id, paragraph_index)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Position = tuple[str, int]

JUMP_LIST_SIZE = 100
"""Oldest jumps are forgotten beyond this many, as in vim."""


@dataclass
class JumpList:
    """vim's jump list: ctrl-o goes back, ctrl-i forward, a new jump drops the forward part."""

    entries: list[Position] = field(default_factory=list)
    index: int | None = None
    """Where ctrl-o/ctrl-i has taken us in `entries`; None when at the live position."""

    def push(self, position: Position) -> None:
        """Record `position` as the place a jump starts from."""
        if self.index is not None:
            del self.entries[self.index :]
            self.index = None
        if not self.entries or self.entries[-1] != position:
            self.entries.append(position)
        del self.entries[:-JUMP_LIST_SIZE]

    def back(self, current: Position) -> Position | None:
        """The position before `current`, or None at the oldest entry."""
        if self.index is None:
            if not self.entries:
                return None
            if self.entries[-1] != current:
                self.entries.append(current)
            self.index = len(self.entries) - 1
            if self.entries[self.index] == current and self.index == 0:
                return None
        if self.index == 0:
            return None
        self.index -= 1
        return self.entries[self.index]

    @property
    def forward_available(self) -> bool:
        """Whether ctrl-i has somewhere to go (only after ctrl-o)."""
        return self.index is not None and self.index < len(self.entries) - 1

    def forward(self) -> Position | None:
        """The position after the one ctrl-o brought us to, or None at the newest."""
        if self.index is None or self.index >= len(self.entries) - 1:
            return None
        self.index += 1
        return self.entries[self.index]


@dataclass
class ReadingState:
    """Everything about the reader's place in a story that is worth keeping."""

    article_id: str = ""
    paragraph: int = 0
    positions: dict[str, int] = field(default_factory=dict)
    """The last paragraph read in each article, so J/K return to where you were."""
    marks: dict[str, Position] = field(default_factory=dict)
    """`m`+letter → position; `'`+letter goes back to it."""
    jumps: JumpList = field(default_factory=JumpList)
    before_jump: Position | None = None
    """Where the latest jump started: `''` returns there."""
    listener: Callable[[], None] | None = field(default=None, repr=False, compare=False)
    """Called after each change worth saving (the app writes it to the state database)."""

    def _changed(self) -> None:
        if self.listener is not None:
            self.listener()

    @property
    def position(self) -> Position:
        return (self.article_id, self.paragraph)

    def move(self, article_id: str, paragraph: int) -> None:
        """Note that the reader now reads `paragraph` of `article_id` (not a jump)."""
        self.article_id = article_id
        self.paragraph = paragraph
        self.positions[article_id] = paragraph
        self._changed()

    def jump_from_here(self) -> None:
        """Call before a jump: the current position goes on the jump list."""
        if self.article_id:
            self.jumps.push(self.position)
            self.before_jump = self.position
            self._changed()

    def set_mark(self, letter: str) -> None:
        self.marks[letter] = self.position
        self._changed()
