"""Help, generated from the live binding table (so a rebound key shows as rebound)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.pager import PagerScroll


class HelpScreen(ModalScreen[None]):
    """Every key with its id and what it does; q, Esc or ? closes it.

    The table scrolls with the article's keys (j/k, Space/f/b, d/u, g/G: `PagerScroll`), so
    the keys the help lists work on the help itself.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape,question_mark,f1", "dismiss", "Close", id="close-overlay"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows
        """(keys, id, description) for every binding and key sequence."""

    def compose(self) -> ComposeResult:
        # Narrow terminals drop the id column rather than squeezing the descriptions away.
        show_ids = self.app.size.width >= 80
        table = Table(box=None, expand=True, show_edge=False, pad_edge=False)
        table.add_column("Keys", no_wrap=True, style="bold", max_width=16)
        table.add_column("What it does", ratio=1, min_width=16)
        if show_ids:
            table.add_column("Id", no_wrap=True, style="dim")
        for keys, binding_id, description in self.rows:
            cells = [Text(keys), Text(description)] + ([Text(binding_id)] if show_ids else [])
            table.add_row(*cells)
        with PagerScroll(id="help-body") as body:
            body.border_title = "Keys · q closes · rebind by id in config.toml [keymap]"
            yield Static(table)
