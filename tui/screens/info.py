"""`=`: what is known about the open article (as less's `=` tells about the file)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class InfoScreen(ModalScreen[None]):
    """A table of facts about one article; q or Esc closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape,equals_sign", "dismiss", "Close", id="close-overlay")
    ]

    def __init__(self, title: str, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        for key, value in self.rows:
            table.add_row(Text(key), Text(value))
        with VerticalScroll(id="info-body") as body:
            body.border_title = self.title_text
            yield Static(table)
