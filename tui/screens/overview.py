"""The story overview: one row per fact, one column per outlet.

A cell says where the outlet reports the fact (H headline, L lede, ¶N paragraph N) and `!` when
it conflicts with another outlet; `·` when the outlet does not report it. Letters and glyphs carry
every state, colour only repeats them, so the grid reads under NO_COLOR. The fact column stays
put and the outlet columns scroll sideways, so any number of outlets fits 80 columns.

| Key | Id |
| --- | --- |
| h j k l, arrows | move |
| s | sort-facts (by outlet count / by first appearance) |
| Enter | open-cell (that outlet at that paragraph; ctrl-o comes back) |
| q, Esc | close-view |
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Footer, Static

from tui.core.model import Article
from tui.core.overview import Row, SortKey, short_names
from tui.screens.views import Position, StoryData, ViewScreen

OUTLET_WIDTH = 7
"""Characters per outlet column at the least (names are abbreviated to fit)."""
OUTLET_NAME = 12
"""Characters an outlet column widens to for its name ("Defense News") when there is room."""
FACT_ROOM = 30
"""Characters the fact column keeps before the outlet columns widen."""
COUNT_WIDTH = 5
"""Characters of the `#` column: "12/10" (outlets / independent ones)."""
MAX_COLUMNS = 60
"""Outlet columns the grid holds at most: a table draws each line of a row across all its
columns, so 2,000 outlets took seconds per line. A larger story shows the outlet being read
and those that report the most facts other outlets report too; the title says how many."""
MAX_CELLS = 30_000
"""Cells the grid holds at most (about 480 facts of 60 outlets): a story of 2,000 outlets and
4,000 facts would make 8 million, which froze the screen while it was built and took gigabytes,
and each added row costs the table time to measure. The grid then shows the first
facts in its order (the most reported ones, by default), and its title says how many;
`samefact report` lists them all."""


def _columns(data: StoryData, current: str) -> list[str]:
    """The outlets the grid shows: all of them, or (past `MAX_COLUMNS`) the outlet being read
    and those that report the most facts another outlet reports too, in story order."""
    ids = [a.id for a in data.overview.articles]
    if len(ids) <= MAX_COLUMNS:
        return ids
    shared = dict.fromkeys(ids, 0)
    for row in data.overview.rows:
        if row.count > 1:
            for article_id in row.cells:
                shared[article_id] += 1
    order = {article_id: n for n, article_id in enumerate(ids)}
    best = sorted((i for i in ids if i != current), key=lambda i: (-shared[i], order[i]))
    keep = {current, *best[: MAX_COLUMNS - 1]} if current in order else set(best[:MAX_COLUMNS])
    return [i for i in ids if i in keep]


class OverviewGrid(DataTable[Text]):
    """The fact × outlet table with vim moves."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("h", "cursor_left", "Left", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("l", "cursor_right", "Right", show=False),
    ]

    def validate_cursor_coordinate(self, value: Coordinate) -> Coordinate:
        """The cursor stays on the outlet columns: the fact and `#` columns are not cells to open."""
        row, column = super().validate_cursor_coordinate(value)
        if len(self.columns) > 2:
            column = max(1, min(column, len(self.columns) - 2))
        return Coordinate(row, column)


class OverviewScreen(ViewScreen):
    """Which outlet reports which fact, where, and where they disagree."""

    VIEW = "overview"
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("s", "sort", "Sort", tooltip="Sort facts by outlet count or by first appearance.", id="sort-facts"),
        Binding("enter", "open_cell", "Open", tooltip="Open that outlet at that paragraph (ctrl-o comes back).", id="open-cell"),
    ]  # fmt: skip
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "overview--headline",
        "overview--lede",
        "overview--body",
        "overview--conflict",
        "overview--absent",
    }

    def __init__(self, data: StoryData, current: Position) -> None:
        super().__init__(data, current)
        self.sort_key: SortKey = "count"
        self.rows: tuple[Row, ...] = ()
        """The rows shown, in their order (at most `MAX_CELLS` cells' worth)."""
        self.total = 0
        """How many facts the story has."""
        self.outlets = len(data.overview.articles)
        """How many outlets the story has."""
        self.columns = _columns(data, current[0])
        """The outlets shown, in story order (at most `MAX_COLUMNS`)."""

    def compose(self) -> ComposeResult:
        yield Static(id="view-title", markup=False)
        yield OverviewGrid(id="overview-grid", cursor_type="cell", zebra_stripes=True)
        yield Static(id="view-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        grid = self.query_one(OverviewGrid)
        shown = set(self.columns)
        articles = [a for a in self.data.overview.articles if a.id in shown]
        width = self._outlet_width(articles)
        names = short_names(articles, width)
        # Each column has one cell of padding on either side; keep room for the count and scrollbar.
        spare = self.app.size.width - (width + 2) * len(names) - (COUNT_WIDTH + 2) - 4
        label_width = max(18, min(60, spare))
        grid.add_column("Fact", width=label_width, key="fact")
        for article_id, name in names.items():
            grid.add_column(name, width=width, key=article_id)
        # Right-aligned, as the counts under it are.
        grid.add_column(Text("#", justify="right"), width=COUNT_WIDTH, key="count")
        grid.fixed_columns = 1
        self._absent = Text("·", style=self.get_component_rich_style("overview--absent"))
        """One Text for every empty cell: most cells are empty."""
        self._fill(self._current_fact(), 1 + self.columns.index(self.current[0]))
        grid.focus()

    def _outlet_width(self, articles: list[Article]) -> int:
        """Outlet columns widen to their names while the fact column keeps `FACT_ROOM`."""
        names = short_names(articles, OUTLET_NAME).values()
        longest = max((len(name) for name in names), default=0)
        room = self.app.size.width - (COUNT_WIDTH + 2) - 4 - FACT_ROOM
        return max(OUTLET_WIDTH, min(longest, room // max(len(articles), 1) - 2))

    def _current_fact(self) -> str | None:
        article_id, paragraph = self.current
        for row in self.data.overview.rows:
            cell = row.cells.get(article_id)
            if cell and any(r.paragraph == paragraph for r in cell.refs):
                return row.fact.id
        return None

    def _fill(self, fact_id: str | None, column: int | None = None) -> None:
        grid = self.query_one(OverviewGrid)
        column = grid.cursor_column if column is None else column
        grid.clear()
        every = self.data.overview.sorted(self.sort_key)
        self.total = len(every)
        self.rows = every[: max(1, MAX_CELLS // (len(self.columns) + 2))]
        for row in self.rows:
            grid.add_row(*self._cells(row), key=row.fact.id)
        index = next((i for i, r in enumerate(self.rows) if r.fact.id == fact_id), 0)
        grid.move_cursor(row=index, column=column, animate=False)
        self._title()

    def _cells(self, row: Row) -> list[Text]:
        out = [Text(row.label, no_wrap=True, overflow="ellipsis")]
        absent = self._absent
        for article_id in self.columns:
            cell = row.cells.get(article_id)
            if cell is None:
                out.append(absent)
                continue
            kind = "conflict" if cell.conflict else cell.placement
            out.append(Text(cell.mark, style=self.get_component_rich_style(f"overview--{kind}")))
        count = str(row.count) if row.independent == row.count else f"{row.count}/{row.independent}"
        out.append(Text(count, justify="right"))
        return out

    def _title(self) -> None:
        overview = self.data.overview
        order = "outlet count" if self.sort_key == "count" else "first appearance"
        wire = f" · {len(overview.wire)} wire group(s)" if overview.wire else ""
        facts = f"{len(self.rows)} facts" if len(self.rows) == self.total else f"first {len(self.rows)} of {self.total} facts"
        outlets = f"{len(self.columns)} outlet{'' if len(self.columns) == 1 else 's'}"
        if len(self.columns) < self.outlets:
            outlets = f"{len(self.columns)} of {self.outlets} outlets (those sharing most facts)"
        title = f"Story overview · {facts} × {outlets}{wire} · by {order}"
        legend = "H headline · L lede · ¶N paragraph · ! conflict · · absent · # outlets"
        self.query_one("#view-title", Static).update(Text(f"{title}\n{legend}", no_wrap=True, overflow="ellipsis"))

    def action_sort(self) -> None:
        grid = self.query_one(OverviewGrid)
        fact = self.rows[grid.cursor_row].fact.id if self.rows else None
        self.sort_key = "first" if self.sort_key == "count" else "count"
        self._fill(fact)
        self.notify(f"Sorted by {'first appearance' if self.sort_key == 'first' else 'outlet count'}", timeout=1.5)

    def _cell_target(self) -> tuple[Row, str | None]:
        grid = self.query_one(OverviewGrid)
        row = self.rows[grid.cursor_row]
        column = grid.cursor_column - 1
        article_id = self.columns[column] if 0 <= column < len(self.columns) else None
        return row, article_id

    def action_open_cell(self) -> None:
        if not self.rows:
            return
        row, article_id = self._cell_target()
        if article_id is None:
            article_id = self.current[0] if self.current[0] in row.cells else next(iter(row.cells))
        cell = row.cells.get(article_id)
        if cell is None:
            outlet = self.data.overview.story.article(article_id).outlet
            self.notify(f"{outlet} does not report this fact", timeout=2)
            return
        self.open_paragraph(article_id, cell.ref.paragraph)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_open_cell()

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        if not self.rows:
            return
        row, article_id = self._cell_target()
        overview = self.data.overview
        lines = [Text(f"{row.label} · {overview.coverage_line(row)}", no_wrap=True, overflow="ellipsis")]
        cell = row.cells.get(article_id) if article_id else None
        if article_id is not None:
            article = overview.story.article(article_id)
            if cell is None:
                lines.append(Text(f"{article.outlet}: does not report this", style="italic"))
            else:
                text = article.paragraphs[cell.ref.paragraph].text
                lines.append(Text(f"{article.outlet} ¶{cell.ref.paragraph + 1}: {text}", no_wrap=True, overflow="ellipsis"))
        for conflict in row.conflicts:
            lines.append(Text(f"! {conflict.kind}: {conflict.reason}", no_wrap=True, overflow="ellipsis"))
        self.query_one("#view-detail", Static).update(Text("\n").join(lines))
