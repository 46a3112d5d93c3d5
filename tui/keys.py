"""Multi-key sequences (`]c`, `m`+letter, `'`+letter, `''`, `gg`) and counts (`5j`, `12g`).

Textual bindings are single keys, so the screen feeds every printable key to a
`KeySequencer` first. It either swallows the key (a digit of a count, the first key of a
sequence), completes a sequence, or lets the key through to the binding table; a count typed
before a binding waits in `count` for the action to take.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class KeySequence:
    """A key sequence with a stable id, like a Textual `Binding`."""

    keys: str
    """The characters to type; a trailing `*` takes any letter as the argument."""
    action: str
    """The screen action to run (its argument, if any, is the letter typed)."""
    description: str
    id: str


SEQUENCES: tuple[KeySequence, ...] = (
    KeySequence(
        "]c", "next_kind('corroborated')", "Next paragraph reported elsewhere.", "next-corroborated"
    ),
    KeySequence(
        "[c",
        "previous_kind('corroborated')",
        "Previous paragraph reported elsewhere.",
        "previous-corroborated",
    ),
    KeySequence(
        "]u", "next_kind('unique')", "Next paragraph only this outlet reports.", "next-unique"
    ),
    KeySequence(
        "[u",
        "previous_kind('unique')",
        "Previous paragraph only this outlet reports.",
        "previous-unique",
    ),
    KeySequence("]x", "next_kind('conflict')", "Next paragraph with a conflict.", "next-conflict"),
    KeySequence(
        "[x",
        "previous_kind('conflict')",
        "Previous paragraph with a conflict.",
        "previous-conflict",
    ),
    KeySequence("''", "back_from_jump", "Back to where the last jump started.", "back-from-jump"),
    KeySequence("m*", "set_mark", "Set mark (m + letter).", "set-mark"),
    KeySequence("'*", "go_to_mark", "Go to mark (' + letter).", "go-to-mark"),
)


@dataclass(frozen=True)
class Outcome:
    """What the screen should do with a key."""

    kind: Literal["swallow", "run", "pass"]
    action: str = ""
    argument: str = ""


SWALLOW = Outcome("swallow")
PASS = Outcome("pass")


class KeySequencer:
    """A small state machine fed one key at a time."""

    def __init__(self, sequences: tuple[KeySequence, ...] = SEQUENCES) -> None:
        self.sequences = sequences
        self.pending = ""
        """Keys typed so far of an unfinished sequence."""
        self.digits = ""
        """A count being typed."""
        self.count: int | None = None
        """A finished count waiting for the next action to `take_count()` it."""
        self._last = ""

    def rebind(self, keymap: dict[str, str]) -> None:
        """Apply `[keymap]` entries whose id names a sequence (keys as typed, e.g. `"]d"`)."""
        self.sequences = tuple(
            KeySequence(keymap[s.id], s.action, s.description, s.id) if s.id in keymap else s
            for s in self.sequences
        )

    def take_count(self, default: int | None = 1) -> int | None:
        """The count typed before the current action (consumed)."""
        count, self.count = self.count, None
        return default if count is None else count

    def reset(self) -> None:
        self.pending = self.digits = self._last = ""
        self.count = None

    def direct(self) -> bool:
        """A key of a priority binding, which runs before `feed` would see it.

        Does for it what `feed` does for a key it lets through: a count typed before it is
        ready for the action, and the key ends any `g` waiting for a second one. False when a
        sequence is pending: the key belongs to it (`m` then `j` sets mark j) and must be fed.
        """
        if self.pending:
            return False
        self.count = None
        self._last = ""
        self._finish_count()
        return True

    def feed(self, character: str | None, counts: bool = True) -> Outcome:
        """Feed one key; `character` is None for keys that print nothing (arrows, ctrl-…)."""
        self.count = None
        last, self._last = self._last, character or ""
        if self.pending:
            return self._continue(character or "")
        if character is None or len(character) != 1:
            self._finish_count()
            return PASS
        if counts and character.isdigit() and (character != "0" or self.digits):
            self.digits += character
            return SWALLOW
        if any(s.keys.startswith(character) and len(s.keys) > 1 for s in self.sequences):
            self.pending = character
            return SWALLOW
        if character == "g" and last == "g" and not self.digits:
            self._last = ""
            return SWALLOW  # `gg` is `g`: the second g must not move again
        self._finish_count()
        return PASS

    def _finish_count(self) -> None:
        if self.digits:
            self.count = int(self.digits)
        self.digits = ""

    def _continue(self, character: str) -> Outcome:
        typed = self.pending + character
        self.pending = ""
        for sequence in self.sequences:
            if sequence.keys == typed:
                self._finish_count()
                return Outcome("run", sequence.action)
        for sequence in self.sequences:
            head = sequence.keys[:-1]
            if sequence.keys.endswith("*") and head == typed[:-1] and character.isalpha():
                self._finish_count()
                return Outcome("run", sequence.action, character)
        if any(s.keys.startswith(typed) for s in self.sequences):
            self.pending = typed
            return SWALLOW
        self.digits = ""
        return SWALLOW  # an unknown sequence is dropped, as vim does
