"""Quotes: every direct quotation, who said it, which outlets carry it and how they word it.

The fullest wording is the reference; every other wording is shown against it with changed or
added words [bracketed] and in reverse video, left-out words as [-struck], trims as `…`.

| Key | Id |
| --- | --- |
| j k, arrows | move between quotations |
| Enter | open-quote (its first printing in another outlet; ctrl-o comes back) |
| 1–9 | open-wording-N |
| q, Esc | close-view |
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.overview import short_names
from tui.core.quotes import QuoteGroup, diff_words
from tui.screens.exclusives import FactList
from tui.screens.views import Position, StoryData, ViewScreen, diff_text


class QuotesScreen(ViewScreen):
    """The story's quotations, most widely carried first."""

    VIEW = "quotes"
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("enter", "open_wording(-1)", "Open", tooltip="Open the quote in an outlet (ctrl-o comes back).", id="open-quote"),
        *[
            Binding(str(i), f"open_wording({i - 1})", f"Wording {i}", show=False, tooltip=f"Open wording {i}.", id=f"open-wording-{i}")
            for i in range(1, 10)
        ],
    ]  # fmt: skip
    COMPONENT_CLASSES: ClassVar[set[str]] = {"quotes--changed", "quotes--missing", "quotes--speaker"}

    def __init__(self, data: StoryData, current: Position) -> None:
        super().__init__(data, current)
        self.groups: tuple[QuoteGroup, ...] = data.quotes
        self.shown: QuoteGroup | None = None
        self.names = short_names(data.alignment.story.articles, 10)

    def compose(self) -> ComposeResult:
        yield Static(id="view-title", markup=False)
        yield FactList(id="quote-list")
        with VerticalScroll(id="quote-detail"):
            yield Static(id="quote-body", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        shared = sum(1 for g in self.groups if len(g.articles) > 1)
        title = f"Quotes · {len(self.groups)} quotations, {shared} carried by several outlets"
        self.query_one("#view-title", Static).update(Text(title, no_wrap=True, overflow="ellipsis"))
        options = self.query_one(FactList)
        if not self.groups:
            options.add_option(Option(Text("No direct quotation in this story.", style="italic"), disabled=True))
            return
        options.add_options([Option(self._line(g)) for g in self.groups])
        options.highlighted = 0
        options.focus()

    def _line(self, group: QuoteGroup) -> Text:
        n, w = len(group.articles), len(group.wordings)
        line = Text(f"{n} outlet{'s' if n != 1 else ' '} · {w} wording{'s' if w != 1 else ' '}  ", style="bold")
        if group.speaker:
            line.append(f"{group.speaker}: ", style=self.get_component_rich_style("quotes--speaker"))
        room = max(20, self.app.size.width - len(line.plain) - 8)
        quote = group.reference.text
        line.append(f"“{quote if len(quote) <= room else quote[: room - 1] + '…'}”")
        return line

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index < len(self.groups):
            self._show(self.groups[event.option_index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_wording(-1)

    def _show(self, group: QuoteGroup) -> None:
        self.shown = group
        changed = self.get_component_rich_style("quotes--changed")
        missing = self.get_component_rich_style("quotes--missing")
        reference = group.reference
        body = Text()
        for i, wording in enumerate(group.wordings):
            carriers = [q for q in group.quotes if q.words == wording.words]
            where = ", ".join(f"{self.names[q.ref.article]} ¶{q.ref.paragraph + 1}" for q in carriers)
            speakers = sorted({q.speaker for q in carriers if q.speaker})
            head = f"{i + 1}. {where}" + (f" · attributed to {'; '.join(speakers)}" if speakers else " · no attribution")
            body.append(head + "\n", style="bold")
            body.append_text(diff_text(diff_words(reference.text, wording.text), changed, missing))
            body.append("\n\n")
        self.query_one("#quote-body", Static).update(body)

    def action_open_wording(self, index: int) -> None:
        group = self.shown
        if group is None:
            return
        if index < 0:
            elsewhere = [q for q in group.quotes if q.ref.article != self.current[0]]
            quote = (elsewhere or list(group.quotes))[0]
        elif index < len(group.wordings):
            quote = group.wordings[index]
        else:
            self.notify(f"This quotation has {len(group.wordings)} wordings", timeout=2)
            return
        self.open_paragraph(quote.ref.article, quote.ref.paragraph)
