"""Conflicts: where outlets disagree on one fact, with the competing versions side by side.

Each version shows its paragraph with the disputed part in reverse video and, inside it, the
words that differ from the other version underlined and bracketed (numbers, dates, quote
wordings, attributions), so the difference reads without colour.

| Key | Id |
| --- | --- |
| j k, arrows | move between conflicts |
| Enter | open-version (the first version in another outlet; ctrl-o comes back) |
| 1–9 | open-version-N |
| q, Esc | close-view |
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.model import Conflict, Version
from tui.core.quotes import words_of
from tui.screens.exclusives import FactList
from tui.screens.views import Position, StoryData, ViewScreen

_TOKEN = re.compile(r"\S+")


def differing_words(text: str, other: str) -> list[tuple[int, int]]:
    """(start, end) of the words of `text` that `other` does not have in the same place."""
    tokens = list(_TOKEN.finditer(text))
    mine = ["".join(words_of(t.group())) for t in tokens]
    theirs = ["".join(words_of(t)) for t in other.split()]
    matcher = SequenceMatcher(None, mine, theirs, autojunk=False)
    same = {i for block in matcher.get_matching_blocks() for i in range(block.a, block.a + block.size)}
    return [(t.start(), t.end()) for i, t in enumerate(tokens) if i not in same and mine[i]]


class ConflictsScreen(ViewScreen):
    """Every conflict of the story; the highlighted one's versions side by side."""

    VIEW = "conflicts"
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("enter", "open_version(-1)", "Open", tooltip="Open a version in its outlet (ctrl-o comes back).", id="open-version"),
        *[
            Binding(str(i), f"open_version({i - 1})", f"Version {i}", show=False, tooltip=f"Open version {i}.", id=f"open-version-{i}")
            for i in range(1, 10)
        ],
    ]  # fmt: skip
    COMPONENT_CLASSES: ClassVar[set[str]] = {"conflicts--span", "conflicts--word", "conflicts--outlet"}

    def __init__(self, data: StoryData, current: Position) -> None:
        super().__init__(data, current)
        self.conflicts: tuple[Conflict, ...] = data.alignment.conflicts
        self.shown: Conflict | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="view-title", markup=False)
        yield FactList(id="conflict-list")
        yield Horizontal(id="versions")
        yield Footer()

    def on_mount(self) -> None:
        n = len(self.conflicts)
        title = f"Conflicts · {n} found · [disputed part] · differing words underlined"
        self.query_one("#view-title", Static).update(Text(title, no_wrap=True, overflow="ellipsis"))
        options = self.query_one(FactList)
        if not self.conflicts:
            options.add_option(Option(Text("No conflict found between the outlets of this story.", style="italic"), disabled=True))
            return
        options.add_options([Option(self._line(c)) for c in self.conflicts])
        here = [i for i, c in enumerate(self.conflicts) if any(v.ref.article == self.current[0] and v.ref.paragraph == self.current[1] for v in c.versions)]
        options.highlighted = here[0] if here else 0
        options.focus()

    def _line(self, conflict: Conflict) -> Text:
        outlets = len({v.ref.article for v in conflict.versions})
        line = Text(f"{conflict.kind:<11}", style="bold")
        line.append(f"{conflict.reason}  ")
        line.append(f"({outlets} outlets)", style="italic")
        return line

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index < len(self.conflicts):
            self._show(self.conflicts[event.option_index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_version(-1)

    def _show(self, conflict: Conflict) -> None:
        if conflict is self.shown:
            return
        self.shown = conflict
        box = self.query_one("#versions", Horizontal)
        box.remove_children()
        box.mount_all(
            VerticalScroll(Static(self._version(conflict, i)), classes="version")
            for i in range(len(conflict.versions))
        )

    def _version(self, conflict: Conflict, index: int) -> Text:
        version = conflict.versions[index]
        others = [v for v in conflict.versions if v.text != version.text] or list(conflict.versions)
        article = self.data.alignment.story.article(version.ref.article)
        text = article.paragraphs[version.ref.paragraph].text
        out = Text(f"{index + 1}. {article.outlet} ¶{version.ref.paragraph}\n", style=self.get_component_rich_style("conflicts--outlet"))
        start, end = _located(text, version)
        if start == end:
            out.append(text)
            return out
        out.append(text[:start])
        span = Text(text[start:end], style=self.get_component_rich_style("conflicts--span"))
        word_style = self.get_component_rich_style("conflicts--word")
        for s, e in differing_words(text[start:end], others[0].text):
            span.stylize(word_style, s, e)
        out.append("[")
        out.append_text(span)
        out.append("]")
        out.append(text[end:])
        return out

    def action_open_version(self, index: int) -> None:
        if self.shown is None:
            return
        versions = self.shown.versions
        if index < 0:
            elsewhere = [v for v in versions if v.ref.article != self.current[0]]
            version = (elsewhere or list(versions))[0]
        elif index < len(versions):
            version = versions[index]
        else:
            self.notify(f"This conflict has {len(versions)} versions", timeout=2)
            return
        self.open_paragraph(version.ref.article, version.ref.paragraph)


def _located(text: str, version: Version) -> tuple[int, int]:
    """The version's offsets in its paragraph, found again by text if they do not fit."""
    if text[version.start : version.end] == version.text:
        return version.start, version.end
    found = text.find(version.text)
    return (found, found + len(version.text)) if found >= 0 else (0, 0)
