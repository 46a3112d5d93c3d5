"""Exclusives and omissions of one outlet: what only it reports, what most others report and it leaves out.

| Key | Id |
| --- | --- |
| j k, arrows | move |
| g G, Home End | first / last |
| E / M, Tab | show exclusives / omissions (Tab: the other list) |
| J / K | next / previous outlet |
| Enter | open-fact (an exclusive in this outlet; an omission in the first outlet that has it) |
| q, Esc | close-view |
"""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.overview import Row, paragraph_opening
from tui.screens.views import Position, StoryData, ViewScreen

Mode = Literal["exclusives", "omissions"]


class FactList(OptionList):
    """A list of facts with vim moves: j/k an entry, g/G the first/last (as Home/End)."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]


class ExclusivesScreen(ViewScreen):
    """The facts one outlet alone reports, or the widely reported facts it leaves out."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("E", "mode('exclusives')", "Exclusives", tooltip="Facts only this outlet reports.", id="exclusives"),
        Binding("M", "mode('omissions')", "Omissions", tooltip="Facts most others report that this outlet leaves out.", id="omissions"),
        Binding("tab", "toggle_mode", "Other list", tooltip="Switch between exclusives and omissions.", id="toggle-list"),
        Binding("J", "outlet(1)", "Next outlet", tooltip="The next outlet's list.", id="next-source"),
        Binding("K", "outlet(-1)", "Prev outlet", tooltip="The previous outlet's list.", id="previous-source"),
    ]  # fmt: skip

    def __init__(self, data: StoryData, current: Position, mode: Mode) -> None:
        super().__init__(data, current)
        self.mode: Mode = mode
        self.article_id = current[0]
        self.rows: tuple[Row, ...] = ()

    @property
    def VIEW(self) -> str:  # type: ignore[override]  # the key that opened it closes it
        return self.mode

    def compose(self) -> ComposeResult:
        yield Static(id="view-title", markup=False)
        yield FactList(id="fact-list")
        yield Static(id="view-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._fill()
        self.query_one(FactList).focus()

    def _fill(self) -> None:
        overview = self.data.overview
        outlet = overview.story.article(self.article_id).outlet
        if self.mode == "exclusives":
            self.rows = overview.exclusives(self.article_id)
            title = f"Only {outlet} reports these ({len(self.rows)})"
        else:
            self.rows = overview.omissions(self.article_id)
            title = f"Most other outlets report these, {outlet} leaves them out ({len(self.rows)})"
        hint = "E exclusives · M omissions · Tab other list · J/K outlet · Enter open"
        self.query_one("#view-title", Static).update(Text(f"{title}\n{hint}", no_wrap=True, overflow="ellipsis"))
        options = self.query_one(FactList)
        options.clear_options()
        options.add_options([Option(self._line(row)) for row in self.rows])
        if not self.rows:
            options.add_option(Option(Text("(none)", style="italic"), disabled=True))
            note = Text(self._empty_note(outlet), style="italic")
            self.query_one("#view-detail", Static).update(note)
        else:
            options.highlighted = self._start_index()

    def _empty_note(self, outlet: str) -> str:
        """What the detail says under an empty list (no paragraph of another list stays there)."""
        if self.mode == "exclusives":
            return f"Every fact {outlet} reports, another outlet reports too."
        return f"{outlet} leaves out none of the facts most other outlets report."

    def _start_index(self) -> int:
        if self.mode != "exclusives" or self.article_id != self.current[0]:
            return 0
        paragraphs = [row.cells[self.article_id].ref.paragraph for row in self.rows]
        later = [i for i, n in enumerate(paragraphs) if n >= self.current[1]]
        return later[0] if later else 0

    def _line(self, row: Row) -> Text:
        """Where, the fact's label, then how its paragraph opens (a label of two words alone
        rarely says what the paragraph is about); one line, cut with an ellipsis (views.tcss)."""
        if self.mode == "exclusives":
            where = f"¶{row.cells[self.article_id].ref.paragraph + 1}"
        else:
            where = f"{row.count} outlets"
        line = Text(f"{where:>10}  ", style="bold")
        line.append(row.label)
        ref = row.cells[self._target(row)].ref
        text = self.data.overview.story.article(ref.article).paragraphs[ref.paragraph].text
        opening = paragraph_opening(text, row.label)
        if opening:
            line.append(f" · {opening}", style="dim")
        return line

    def action_mode(self, mode: Mode) -> None:
        if mode == self.mode:
            self.dismiss(None)
            return
        self.mode = mode
        self._fill()

    def action_toggle_mode(self) -> None:
        self.mode = "omissions" if self.mode == "exclusives" else "exclusives"
        self._fill()

    def action_outlet(self, step: int) -> None:
        ids = [a.id for a in self.data.overview.articles]
        self.article_id = ids[(ids.index(self.article_id) + step) % len(ids)]
        self._fill()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if not self.rows or event.option_index >= len(self.rows):
            return
        row = self.rows[event.option_index]
        story = self.data.overview.story
        article_id = self._target(row)
        ref = row.cells[article_id].ref
        text = story.article(article_id).paragraphs[ref.paragraph].text
        detail = Text(f"{story.article(article_id).outlet} ¶{ref.paragraph + 1}: ", style="bold")
        detail.append(text)
        if self.mode == "omissions":
            detail.append(f"\nReported by: {', '.join(story.article(a).outlet for a in row.cells)}")
        self.query_one("#view-detail", Static).update(detail)

    def _target(self, row: Row) -> str:
        return self.article_id if self.article_id in row.cells else next(iter(row.cells))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.rows):
            row = self.rows[event.option_index]
            article_id = self._target(row)
            self.open_paragraph(article_id, row.cells[article_id].ref.paragraph)
