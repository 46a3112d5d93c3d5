"""Conflicts: where outlets disagree on one fact, with the competing versions side by side.

The list holds the alignment's conflicts, merged into families (three wordings of one quote are
one entry), marked `!` conflicting, then the figures worded differently that can all be true,
marked `≈` compatible, each with its reason. Below, one pane per wording: its paragraph with the
disputed part [bracketed] in reverse video and, inside it, the words that differ from the other
wording underlined, so the difference reads without colour.

| Key | Id |
| --- | --- |
| j k, arrows | move between conflicts (in a version pane: scroll it) |
| g G, Home End | first / last conflict |
| Tab, Shift-Tab | focus the list or a version pane |
| Enter | open-version (list: the first wording in another outlet; version pane: its wording) |
| 1–9 | open-version-N (wording N); ctrl-o comes back from any of them |
| q, Esc | close-view |
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.model import Version
from tui.core.quotes import words_of
from tui.core.variants import VariantGroup
from tui.screens.exclusives import FactList
from tui.screens.views import Position, StoryData, ViewScreen
from tui.widgets.pager import PagerScroll

KIND_WIDTH = 13
"""Cells of a conflict entry's mark and kind ("! attribution")."""

_TOKEN = re.compile(r"\S+")


def differing_words(text: str, other: str) -> list[tuple[int, int]]:
    """(start, end) of the words of `text` that `other` does not have in the same place."""
    tokens = list(_TOKEN.finditer(text))
    mine = ["".join(words_of(t.group())) for t in tokens]
    theirs = ["".join(words_of(t)) for t in other.split()]
    matcher = SequenceMatcher(None, mine, theirs, autojunk=False)
    same = {i for block in matcher.get_matching_blocks() for i in range(block.a, block.a + block.size)}
    return [(t.start(), t.end()) for i, t in enumerate(tokens) if i not in same and mine[i]]


class VersionPane(PagerScroll):
    """One wording's paragraph, scrolled with the article's keys; Enter in it opens this wording."""

    def __init__(self, text: Text, index: int) -> None:
        super().__init__(Static(text), classes="version")
        self.index = index
        """Which wording of the shown conflict (0-based, as `open_version` counts)."""


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
        self.conflicts: tuple[VariantGroup, ...] = data.variants
        self.shown: VariantGroup | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="view-title", markup=False)
        yield FactList(id="conflict-list")
        yield Horizontal(id="versions")
        yield Footer()

    def on_mount(self) -> None:
        n = sum(1 for g in self.conflicts if g.state == "conflicting")
        title = f"! {n} conflicting · ≈ {len(self.conflicts) - n} compatible · [disputed part] · differing words underlined"
        self.query_one("#view-title", Static).update(Text(title, no_wrap=True, overflow="ellipsis"))
        options = self.query_one(FactList)
        if not self.conflicts:
            options.add_option(Option(Text("No conflict and no differing figures found in this story.", style="italic"), disabled=True))
            return
        options.add_options([Option(self._line(c)) for c in self.conflicts])
        here = [i for i, c in enumerate(self.conflicts) if any(v.ref.article == self.current[0] and v.ref.paragraph == self.current[1] for v in c.versions)]
        options.highlighted = here[0] if here else 0
        options.focus()
        # Setting the highlight scrolls only far enough to bring its last line into view, so the
        # list could open on the middle of the entry above it: once laid out, show the highlighted
        # entry from its first line (at the end of the list, as near to that as it scrolls).
        self.call_after_refresh(options.scroll_to_highlight, top=True)

    def _line(self, group: VariantGroup) -> Table:
        """The entry of one conflict: its mark and kind, and beside them its reason, wrapped
        under itself (a hanging indent keeps the kinds in a column down the list)."""
        mark = "!" if group.state == "conflicting" else "≈"
        reason = Text(f"{group.reason}  ")
        reason.append(f"({len(group.articles)} outlets, {group.state})", style="italic")
        line = Table.grid(padding=(0, 1), expand=True)
        line.add_column(width=KIND_WIDTH, no_wrap=True)
        line.add_column(ratio=1)
        line.add_row(Text(f"{mark} {group.kind}", style="bold"), reason)
        return line

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index < len(self.conflicts):
            self._show(self.conflicts[event.option_index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_version(-1)

    def _show(self, group: VariantGroup) -> None:
        if group is self.shown:
            return
        self.shown = group
        box = self.query_one("#versions", Horizontal)
        box.remove_children()
        box.mount_all(VersionPane(self._version(group, i), i) for i in range(len(group.wordings)))

    def _version(self, group: VariantGroup, index: int) -> Text:
        carriers = group.wordings[index]
        version = carriers[0]
        others = [w[0] for w in group.wordings if w[0].text != version.text] or [version]
        story = self.data.alignment.story
        article = story.article(version.ref.article)
        text = article.paragraphs[version.ref.paragraph].text
        head = f"{index + 1}. {article.outlet} ¶{version.ref.paragraph + 1}"
        also = [f"{story.article(v.ref.article).outlet} ¶{v.ref.paragraph + 1}" for v in carriers[1:]]
        head += (" · also " + ", ".join(also)) if also else ""
        out = Text(head + "\n", style=self.get_component_rich_style("conflicts--outlet"))
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
        """Open wording `index`; -1 (Enter) is the focused version pane's wording, or from the
        list the first wording in another outlet than the one being read."""
        if self.shown is None:
            return
        if index < 0 and isinstance(self.focused, VersionPane):
            index = self.focused.index
        wordings = [w[0] for w in self.shown.wordings]
        if index < 0:
            elsewhere = [v for v in self.shown.versions if v.ref.article != self.current[0]]
            version = (elsewhere or wordings)[0]
        elif index < len(wordings):
            version = wordings[index]
        else:
            self.notify(f"This has {len(wordings)} wordings", timeout=2)
            return
        self.open_paragraph(version.ref.article, version.ref.paragraph)


def _located(text: str, version: Version) -> tuple[int, int]:
    """The version's offsets in its paragraph, found again by text if they do not fit."""
    if text[version.start : version.end] == version.text:
        return version.start, version.end
    found = text.find(version.text)
    return (found, found + len(version.text)) if found >= 0 else (0, 0)
