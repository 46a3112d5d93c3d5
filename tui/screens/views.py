"""The whole-story views (overview, exclusives, omissions, conflicts, quotes) and the report key.

The keys are app bindings, so they work from the reading screen and from any view, and the help
screen (generated from the live binding table) lists them:

| Key | Id | Opens |
| --- | --- | --- |
| v | story-overview | the fact × outlet grid |
| E / M | exclusives / omissions | what only this outlet reports / what it leaves out |
| x | conflicts | the conflicts, versions side by side |
| " | quotes | every quotation, who said it, how outlets word it |
| R | write-report | writes the report (Markdown) and says where |

They stay out of the footer (it is full at 80 columns); help lists them. A view closes with q or Esc; Enter in a view opens that outlet at that paragraph as a jump, so
ctrl-o comes back. The overview data is built once per alignment, off the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from tui.core.model import Alignment
    from tui.core.overview import Overview
    from tui.core.quotes import QuoteGroup, WordDiff
    from tui.core.variants import VariantGroup

Position = tuple[str, int]

REPORT_NAME = "samefact-report.md"

VIEW_BINDINGS: list[Binding] = [
    Binding("v", "view('overview')", "Overview", tooltip="The story at once: facts by outlet (again: close).", id="story-overview", show=False),
    Binding("E", "view('exclusives')", "Exclusives", tooltip="Facts only this outlet reports.", id="exclusives", show=False),
    Binding("M", "view('omissions')", "Omissions", tooltip="Facts most other outlets report that this one leaves out.", id="omissions", show=False),
    Binding("x", "view('conflicts')", "Conflicts", tooltip="Where outlets disagree: versions side by side.", id="conflicts", show=False),
    Binding("quotation_mark", "view('quotes')", "Quotes", tooltip="Every quotation: who said it, who carries it, how it is worded.", id="quotes", show=False),
    Binding("R", "write_report", "Report", tooltip=f"Write the story report to ./{REPORT_NAME} (or a temporary folder).", id="write-report", show=False),
]  # fmt: skip


class StoryData:
    """The views' data for one alignment, built once (the overview finds wire copy and quotes)."""

    def __init__(self, alignment: Alignment) -> None:
        from tui.core.overview import build_overview
        from tui.core.quotes import story_quotes
        from tui.core.variants import variant_groups

        self.alignment = alignment
        self.overview: Overview = build_overview(alignment)
        self.quotes: tuple[QuoteGroup, ...] = story_quotes(alignment.story)
        self.variants: tuple[VariantGroup, ...] = variant_groups(alignment)


class ViewScreen(Screen[Position | None]):
    """A full-screen view over the reader; q or Esc closes it, a chosen paragraph is its result."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("q,escape", "close", "Close", tooltip="Back to the article.", id="close-view"),
    ]

    def __init__(self, data: StoryData, current: Position) -> None:
        super().__init__()
        self.data = data
        self.current = current
        """Where the reader was when the view opened: (article id, paragraph)."""

    def action_close(self) -> None:
        self.dismiss(None)

    def open_paragraph(self, article_id: str, paragraph: int) -> None:
        """Close the view and open this paragraph (the app records it as a jump)."""
        self.dismiss((article_id, paragraph))


class ViewActions:
    """App mixin: the view keys. `self` is the `SamefactApp`."""

    _story_data: StoryData | None = None

    def action_view(self, name: str) -> None:
        app: Any = self
        if app.alignment is None or app.main.article is None:
            app.notify("Still aligning the outlets…", timeout=2)
            return
        top = app.screen
        if isinstance(top, ViewScreen) and getattr(top, "VIEW", "") == name:
            top.dismiss(None)
            return
        while len(app.screen_stack) > 1:
            app.pop_screen()
        data = self._story_data
        if data is None or data.alignment is not app.alignment:
            self._views_build(name)
            return
        self._views_push(name, data)

    @work(thread=True, exclusive=True, exit_on_error=False, group="views")
    def _views_build(self, name: str) -> None:
        app: Any = self
        data = StoryData(app.alignment)
        app.call_from_thread(self._views_ready, name, data)

    def _views_ready(self, name: str, data: StoryData) -> None:
        self._story_data = data
        self._views_push(name, data)

    def _views_push(self, name: str, data: StoryData) -> None:
        from tui.screens.conflicts import ConflictsScreen
        from tui.screens.exclusives import ExclusivesScreen
        from tui.screens.overview import OverviewScreen
        from tui.screens.quotes import QuotesScreen

        app: Any = self
        current = (app.main.article.id, app.main.article_pane.current)
        screens = {
            "overview": lambda: OverviewScreen(data, current),
            "exclusives": lambda: ExclusivesScreen(data, current, "exclusives"),
            "omissions": lambda: ExclusivesScreen(data, current, "omissions"),
            "conflicts": lambda: ConflictsScreen(data, current),
            "quotes": lambda: QuotesScreen(data, current),
        }
        app.push_screen(screens[name](), self._views_opened)

    def _views_opened(self, position: Position | None) -> None:
        if position is not None:
            app: Any = self
            app.main.jump_to(position)

    def action_write_report(self) -> None:
        app: Any = self
        if app.alignment is None:
            app.notify("Still aligning the outlets…", timeout=2)
            return
        self._views_write_report(app.alignment)

    @work(thread=True, exclusive=True, exit_on_error=False, group="report")
    def _views_write_report(self, alignment: Alignment) -> None:
        from tui.core.report import render

        app: Any = self
        text = render(alignment, "md")
        path = write_report_file(text)
        if path is None:
            app.call_from_thread(app.notify, "Could not write the report", severity="error")
        else:
            app.call_from_thread(app.notify, f"Report written to {path}", title="Report", timeout=8)


def write_report_file(text: str, folder: Path | None = None) -> Path | None:
    """Write the report into `folder` (the current directory), else a temporary folder."""
    import tempfile

    for where in (folder or Path.cwd(), Path(tempfile.gettempdir())):
        path = where / REPORT_NAME
        try:
            path.write_text(text, encoding="utf-8")
        except OSError:
            continue
        return path.resolve()
    return None


def diff_text(diff: tuple[WordDiff, ...], changed: str, missing: str) -> Text:
    """A wording against the reference: changed and added words marked, missing words struck.

    Marks are styles that survive NO_COLOR (reverse, strike), and brackets say the same thing
    again for terminals without either.
    """
    text = Text("“")
    for i, part in enumerate(diff):
        if i:
            text.append(" ")
        if part.op == "same":
            text.append(part.b)
        elif part.op == "outside":
            text.append("…")
        elif part.b:
            text.append(f"[{part.b}]", style=changed)
        else:
            text.append(f"[-{part.a}]", style=missing)
    text.append("”")
    return text
