"""The reading screen: three panes, the binding table and what each key does.

The app owns the data (story, alignment, reading state); this screen turns keys into moves
and keeps the panes in step. Children post messages here and never to each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.bindings import BINDINGS
from tui.keys import KeySequencer
from tui.screens.actions import ReaderActions
from tui.screens.painting import PartialCompositor
from tui.view import coverage_label, gutter_marks, panel_view
from tui.widgets.article_pane import ArticlePane
from tui.widgets.elsewhere_panel import ElsewherePanel
from tui.widgets.load_progress import ProgressLine
from tui.widgets.search_bar import SearchBar
from tui.widgets.source_list import SourceList

if TYPE_CHECKING:
    from tui.app import SamefactApp
    from tui.core.model import Article

NARROW_BELOW = 100
"""Terminals narrower than this get the one-column layout (panel below, on `a`)."""


class MainScreen(ReaderActions, Screen[None]):
    """Sources | article | same fact elsewhere."""

    BINDINGS = BINDINGS  # type: ignore[assignment]
    AUTO_FOCUS = "#article"

    def __init__(self) -> None:
        super().__init__()
        self._compositor = PartialCompositor()
        self.keys = KeySequencer()
        self.narrow = False
        self._followed: tuple[int, str, int, int, bool] | None = None
        """What `follow` last showed: (story id, article id, paragraph, alignment id, narrow)."""

    @property
    def reader(self) -> SamefactApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield SourceList(id="sources")
            with Vertical(id="article-column"):
                # The border is the frame's: a line step repaints only the pane's text and
                # scrollbar, not the border around them (see `ArticlePane.render_lines`).
                # The same for the panel below.
                with Container(id="article-frame"):
                    yield ArticlePane(id="article")
                # Hidden until a load takes a while. Composed with the rest, not mounted then:
                # mounting a new kind of widget parses its styles, which took a quarter of
                # a second in the middle of a large story's loading.
                # Determinate (0 of 1) while hidden: a pulsing bar keeps a timer running.
                yield ProgressLine("Loading", 0, 1, id="load-progress")
                yield Static(id="summary", markup=False)
            with Container(id="elsewhere-frame"):
                yield ElsewherePanel(id="elsewhere")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        # A synchronous watch, not only the ParagraphInView message: a key that moves the
        # reading line into another paragraph then repaints the article and the panel in one
        # frame, instead of the panel following one or more frames (16 ms each) later.
        self.watch(self.article_pane, "current", self.follow, init=False)
        self.sources.border_title = "Sources"
        self.article_frame.border_title = "Article"
        self.panel_frame.border_title = "Same fact elsewhere"
        self._set_layout(self.app.size.width)  # before the first frame, not at the first resize
        self.reader.load_story()

    # -- the panes ---------------------------------------------------------------------------

    @property
    def article_pane(self) -> ArticlePane:
        return self.query_one("#article", ArticlePane)

    @property
    def article_frame(self) -> Container:
        return self.query_one("#article-frame", Container)

    @property
    def progress_line(self) -> ProgressLine:
        return self.query_one("#load-progress", ProgressLine)

    @property
    def panel_frame(self) -> Container:
        return self.query_one("#elsewhere-frame", Container)

    @property
    def panel(self) -> ElsewherePanel:
        return self.query_one("#elsewhere", ElsewherePanel)

    @property
    def sources(self) -> SourceList:
        return self.query_one("#sources", SourceList)

    @property
    def article(self) -> Article | None:
        return self.article_pane.article

    def show_note(self, note: str) -> None:
        """Say something in the article pane while there is no article (loading, errors)."""
        pane = self.article_pane
        pane.note = note
        if pane.article is None:
            pane.refresh()

    def show_story(self) -> None:
        """A story was (re)loaded: list it and open the article the reader was in."""
        story = self.reader.story
        assert story is not None
        state = self.reader.reading
        ids = [a.id for a in story.articles]
        article_id = state.article_id if state.article_id in ids else ids[0]
        self.sources.set_articles(story.articles, article_id)
        paragraph = state.positions.get(article_id, 0)
        pane = self.article_pane
        if pane.article is story.article(article_id) and pane.current == paragraph:
            # The rest of a story whose first article is on screen: stay where the reader is.
            self._refresh_titles()
            self.follow(paragraph)
            return
        self.open(article_id, paragraph)

    def show_alignment(self) -> None:
        """The alignment arrived: fill the gutter, the coverage and the panel."""
        story, alignment = self.reader.story, self.reader.alignment
        if story is None or alignment is None:
            return
        self.sources.set_coverage({a.id: coverage_label(alignment, a.id) for a in story.articles})
        if self.article is not None:
            self.article_pane.set_marks(gutter_marks(alignment, self.article))
            self._refresh_titles()
            self.follow(self.article_pane.current)

    def open(self, article_id: str, paragraph: int) -> None:
        """Show `paragraph` of `article_id` (no jump-list entry: callers decide)."""
        story = self.reader.story
        if story is None:
            return
        article = story.article(article_id)
        pane = self.article_pane
        if pane.article is not article:
            pane.marks = gutter_marks(self.reader.alignment, article)
            pane.show(article, paragraph)
            self.sources.set_current(article_id)
            self._refresh_titles()
        else:
            pane.go_to(paragraph)
        self.follow(pane.current)

    def _refresh_titles(self) -> None:
        article = self.article
        if article is not None:
            frame = self.article_frame
            pane = self.article_pane
            title = article.outlet
            if pane.filter is not None:
                # A filter hides paragraphs: the border says so, or the reader forgets it is on.
                shown = sum(1 for p in article.paragraphs if pane.visible(p.n))
                title += f" · filter “{pane.filter_query}”: {shown} of {len(article.paragraphs)} ¶"
            frame.border_title = title
            frame.border_subtitle = coverage_label(self.reader.alignment, article.id)

    def follow(self, index: int) -> None:
        """Point the panel and the summary at paragraph `index` of the open article."""
        article, story = self.article, self.reader.story
        if article is None or story is None:
            return
        followed = (id(story), article.id, index, id(self.reader.alignment), self.narrow)
        if followed == self._followed:
            return  # the same paragraph again (the message after the watch): nothing to do
        self._followed = followed
        self.reader.reading.move(article.id, index)
        view = panel_view(story, self.reader.alignment, article, index)
        self.panel.show(view)
        frame = self.panel_frame
        if frame.border_title != view.header:
            frame.border_title = view.header
        if self.narrow:  # the summary line is only shown (and only worth a relayout) when narrow
            summary = f"¶ {index + 1}/{len(article.paragraphs)} · {view.summary} · a: panel"
            widget = self.query_one("#summary", Static)
            if getattr(widget, "_summary", None) != summary:
                widget._summary = summary  # type: ignore[attr-defined]
                widget.update(summary)

    def on_article_pane_paragraph_in_view(self, message: ArticlePane.ParagraphInView) -> None:
        if self.article is not None and message.article_id == self.article.id:
            self.follow(message.index)

    def on_source_list_source_chosen(self, message: SourceList.SourceChosen) -> None:
        self.go_source(message.article_id)

    def on_elsewhere_panel_match_chosen(self, message: ElsewherePanel.MatchChosen) -> None:
        self.jump_to((message.article_id, message.paragraph))

    # -- layout ------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self._set_layout(event.size.width):
            self.follow(self.article_pane.current)

    def _set_layout(self, width: int) -> bool:
        """One column below `NARROW_BELOW` (unless the config says otherwise); True if it changed."""
        layout = self.reader.settings.layout
        narrow = layout == "narrow" or (layout != "wide" and width < NARROW_BELOW)
        if narrow == self.narrow:
            return False
        self.narrow = narrow
        self.set_class(narrow, "-narrow")
        return True

    # -- keys --------------------------------------------------------------------------------

    async def on_key(self, event: events.Key) -> None:
        """Counts and multi-key sequences go through the sequencer before the bindings."""
        if isinstance(self.focused, SearchBar):
            return
        counts = not isinstance(self.focused, ElsewherePanel)
        outcome = self.keys.feed(event.character if event.is_printable else None, counts)
        if outcome.kind == "pass":
            return
        event.stop()
        event.prevent_default()
        if outcome.kind == "run":
            action = outcome.action
            if outcome.argument:
                action = f"{action}({outcome.argument!r})"
            await self.run_action(action)
