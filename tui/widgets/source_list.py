"""The sources: outlet, headline and how much of each article is reported elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList

if TYPE_CHECKING:
    from tui.core.model import Article


TITLE_CHARS = 44
"""Headlines are cut to about two lines of the list."""
BATCH = 40
"""Options added at a time: the list of a story of hundreds of articles fills in over a few
frames (each option is wrapped to measure it), and keys are answered in between."""


class SourceList(OptionList, inherit_bindings=False):
    """One option per article; the open one is marked ▶."""

    class SourceChosen(Message):
        """The reader picked an article in the list."""

        def __init__(self, source_list: SourceList, article_id: str) -> None:
            super().__init__()
            self.source_list = source_list
            self.article_id = article_id

        @property
        def control(self) -> SourceList:
            return self.source_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: tuple[Article, ...] = ()
        self.coverage: dict[str, str] = {}
        self.current = ""
        self._filling = 0
        """Bumped by each rebuild, so the batches of an older one stop."""

    def set_articles(self, articles: tuple[Article, ...], current: str) -> None:
        self.articles = articles
        self.current = current
        self._rebuild()

    def set_coverage(self, coverage: dict[str, str]) -> None:
        if coverage != self.coverage:
            self.coverage = coverage
            self._rebuild()

    def set_current(self, article_id: str) -> None:
        if article_id == self.current:
            return
        old, self.current = self.current, article_id
        for i, article in enumerate(self.articles[: self.option_count]):
            if article.id in (old, article_id):
                self.replace_option_prompt_at_index(i, self._prompt(article))
        self._highlight_current()

    def _highlight_current(self) -> None:
        for i, article in enumerate(self.articles[: self.option_count]):
            if article.id == self.current:
                self.highlighted = i

    def _rebuild(self) -> None:
        self._filling += 1
        self.clear_options()
        self._add_from(0, self._filling)

    def _add_from(self, start: int, filling: int) -> None:
        """Add the options from `start` on, `BATCH` now and the rest after the next frame."""
        if filling != self._filling:
            return  # a newer rebuild started over
        end = start + BATCH
        self.add_options([self._prompt(a) for a in self.articles[start:end]])
        self._highlight_current()
        if end < len(self.articles):
            self.set_timer(0.001, lambda: self._add_from(end, filling))

    def _prompt(self, article: Article) -> Text:
        current = article.id == self.current
        text = Text()
        text.append("▶ " if current else "  ", "bold")
        text.append(article.outlet, "bold" if current else "")
        text.append("\n")
        title = (
            article.title
            if len(article.title) <= TITLE_CHARS
            else article.title[: TITLE_CHARS - 1] + "…"
        )
        text.append(title, "italic")
        text.append("\n")
        text.append(self.coverage.get(article.id, "… aligning"), "dim")
        return text

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.SourceChosen(self, self.articles[event.option_index].id))
