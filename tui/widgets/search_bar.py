"""The `/` and `&` prompt at the bottom: incremental search, or a paragraph filter."""

from __future__ import annotations

from typing import Literal

from textual import events
from textual.message import Message
from textual.widgets import Input

Mode = Literal["search", "filter"]


class SearchBar(Input):
    """An input that reports every change, Enter and Esc/q-less cancel to the screen."""

    class QueryChanged(Message):
        def __init__(
            self, bar: SearchBar, mode: Mode, query: str, done: bool, cancelled: bool
        ) -> None:
            super().__init__()
            self.bar = bar
            self.mode = mode
            self.query = query
            self.done = done
            self.cancelled = cancelled

        @property
        def control(self) -> SearchBar:
            return self.bar

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True, select_on_focus=False)
        self.mode: Mode = "search"

    def open(self, mode: Mode) -> None:
        self.mode = mode
        self.placeholder = (
            "search (Enter keeps, Esc cancels)"
            if mode == "search"
            else "show only paragraphs with…"
        )
        self.value = ""
        self.display = True
        self.screen.set_focus(self)  # now, not after the keys already queued

    def close(self) -> None:
        self.display = False

    def _post(self, done: bool = False, cancelled: bool = False) -> None:
        self.post_message(self.QueryChanged(self, self.mode, self.value, done, cancelled))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._post()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._post(done=True)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            event.stop()
            event.prevent_default()
            self._post(cancelled=True)
            return
        await super()._on_key(event)
