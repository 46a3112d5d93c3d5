"""The whole story at once: which outlet reports which fact, where, and where they disagree.

Pure data for the overview grid, the exclusives and omissions lists and the report. A row is a
fact, a column an article; a cell says where the article reports the fact (headline, lede or
paragraph N: placement is a framing signal) and whether one of its paragraphs is a side of a
conflict. Nothing here scores text: it only reads the `Alignment`'s facts and conflicts.

Paragraphs of an article that no fact holds are still facts only this outlet reports, so they
become one-member rows here (ids `u:ARTICLE:N`). An alignment that already lists its unique
facts leaves no such paragraph behind, so nothing is counted twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.core.model import Alignment, Article, Conflict, Fact, Ref, Story
from tui.core.wire import WireGroup, find_wire, independent_reports

Placement = Literal["headline", "lede", "body"]
SortKey = Literal["count", "first"]

LABEL_WORDS = 9
"""Words of a paragraph used as a fact's label when the alignment gives none."""


@dataclass(frozen=True)
class Cell:
    """One article's part in one fact."""

    article: str
    refs: tuple[Ref, ...]
    """The article's paragraphs that report the fact, in reading order."""
    placement: Placement
    """Where the fact first appears in the article."""
    conflict: bool
    """Whether one of these paragraphs is a side of a conflict about this fact."""

    @property
    def ref(self) -> Ref:
        """The paragraph to open: the first one that reports the fact."""
        return self.refs[0]

    @property
    def mark(self) -> str:
        """The cell as text: `H`, `L` or `¶N`, then `!` when it conflicts (readable without colour)."""
        where = {"headline": "H", "lede": "L"}.get(self.placement, f"¶{self.ref.paragraph + 1}")
        return where + ("!" if self.conflict else "")


@dataclass(frozen=True)
class Row:
    """One fact across the story."""

    fact: Fact
    label: str
    """The fact's label, or the start of its first paragraph when it has none."""
    cells: dict[str, Cell]
    """Article id → cell, only for the articles that report the fact."""
    conflicts: tuple[Conflict, ...]
    """The conflicts about this fact."""
    first: tuple[int, int]
    """(earliest paragraph number, article order) of its first appearance: sorts by reading order."""
    independent: int
    """How many independent reports carry it: outlets reprinting one wire text count once."""

    @property
    def count(self) -> int:
        """How many articles report it."""
        return len(self.cells)


@dataclass(frozen=True)
class Overview:
    """The fact × article matrix of a story, with its exclusives, omissions and wire groups."""

    story: Story
    rows: tuple[Row, ...]
    """Most-reported first (then by first appearance)."""
    wire: tuple[WireGroup, ...]

    @property
    def articles(self) -> tuple[Article, ...]:
        """The columns, in story order."""
        return self.story.articles

    def sorted(self, key: SortKey = "count") -> tuple[Row, ...]:
        """The rows by how many outlets report them (`count`) or by first appearance (`first`)."""
        if key == "first":
            return tuple(sorted(self.rows, key=lambda r: r.first))
        return self.rows

    def exclusives(self, article_id: str) -> tuple[Row, ...]:
        """The facts only this article reports, in its reading order."""
        rows = [r for r in self.rows if r.count == 1 and article_id in r.cells]
        return tuple(sorted(rows, key=lambda r: r.cells[article_id].ref.paragraph))

    def omissions(self, article_id: str) -> tuple[Row, ...]:
        """The facts most other articles report (more than half of them) that this one leaves out."""
        others = len(self.story.articles) - 1
        need = max(2, others // 2 + 1)
        rows = [r for r in self.rows if article_id not in r.cells and r.count >= need]
        return tuple(rows)

    def rows_for(self, article_id: str) -> tuple[Row, ...]:
        """The facts this article reports, in its reading order."""
        rows = [r for r in self.rows if article_id in r.cells]
        return tuple(sorted(rows, key=lambda r: r.cells[article_id].ref.paragraph))

    def coverage_line(self, row: Row) -> str:
        """ "3 outlets, 2 independent reports" (the second half only when wire copy is involved)."""
        outlets = f"{row.count} outlet{'s' if row.count != 1 else ''}"
        if row.independent == row.count:
            return outlets
        return (
            f"{outlets}, {row.independent} independent report{'s' if row.independent != 1 else ''}"
        )


def build_overview(alignment: Alignment, wire: Sequence[WireGroup] | None = None) -> Overview:
    """The overview of an aligned story.

    Args:
        alignment: the story's alignment; its facts and conflicts are read, never recomputed.
        wire: wire-copy groups when already found (they are found here otherwise).
    """
    story = alignment.story
    groups = tuple(find_wire(story) if wire is None else wire)
    order = {a.id: i for i, a in enumerate(story.articles)}
    placement = {a.id: _placements(a) for a in story.articles}
    by_fact: dict[str, list[Conflict]] = {}
    for conflict in alignment.conflicts:
        by_fact.setdefault(conflict.fact, []).append(conflict)
    rows = []
    for fact in _all_facts(alignment):
        conflicts = tuple(by_fact.get(fact.id, ()))
        sides = {v.ref for c in conflicts for v in c.versions}
        cells = {}
        for article_id in fact.articles:
            if article_id not in order:
                continue
            refs = tuple(sorted(r for r in dict.fromkeys(fact.members) if r.article == article_id))
            where = placement[article_id].get(refs[0].paragraph, "body")
            cells[article_id] = Cell(article_id, refs, where, any(r in sides for r in refs))
        if not cells:
            continue
        first = min((c.ref.paragraph, order[a]) for a, c in cells.items())
        label = fact.label or _label(story, next(iter(cells.values())).ref)
        rows.append(Row(fact, label, cells, conflicts, first, independent_reports(groups, cells)))
    rows.sort(key=lambda r: (-r.count, r.first))
    return Overview(story, tuple(rows), groups)


def _all_facts(alignment: Alignment) -> Iterable[Fact]:
    """The alignment's facts, then one fact per aligned paragraph no fact holds."""
    facts = alignment.facts or provisional_facts(alignment)
    yield from facts
    held = {ref for fact in facts for ref in fact.members}
    for article in alignment.story.articles:
        for p in article.body():
            ref = Ref(article.id, p.n)
            if ref not in held:
                yield Fact(f"u:{article.id}:{p.n}", (ref,), "")


def provisional_facts(alignment: Alignment) -> tuple[Fact, ...]:
    """Facts from `same` matches, for an alignment that has matches but no facts of its own.

    Greedy, best match first, and without chaining: a paragraph joins a group only when it
    matches at least half of the group's members and its article is not in the group yet.
    """
    same = {(m.a, m.b) for m in alignment.matches if m.grade == "same"}
    same |= {(b, a) for a, b in same}
    group_of: dict[Ref, list[Ref]] = {}
    for match in sorted(alignment.matches, key=lambda m: -m.score):
        if match.grade != "same":
            continue
        a, b = match.a, match.b
        if a in group_of and b in group_of:
            continue
        if a not in group_of and b not in group_of:
            group_of[a] = group_of[b] = [a, b]
            continue
        group, new = (group_of[a], b) if a in group_of else (group_of[b], a)
        linked = sum((new, ref) in same for ref in group)
        if new.article not in {r.article for r in group} and linked * 2 >= len(group):
            group.append(new)
            group_of[new] = group
    groups = {id(g): g for g in group_of.values()}.values()
    ordered = sorted((sorted(g) for g in groups), key=lambda g: g[0])
    return tuple(Fact(f"P{i + 1}", tuple(g), "") for i, g in enumerate(ordered))


def _placements(article: Article) -> dict[int, Placement]:
    """Paragraph number → headline or lede for the paragraphs that open the article."""
    out: dict[int, Placement] = {}
    for p in article.paragraphs:
        if p.role == "headline":
            out[p.n] = "headline"
        elif p.role == "body":
            out[p.n] = "lede"
            break
    return out


_SPACE = re.compile(r"\s+")


def _label(story: Story, ref: Ref) -> str:
    """The first words of a paragraph, for a fact that has no label of its own."""
    text = _SPACE.sub(" ", story.article(ref.article).paragraphs[ref.paragraph].text).strip()
    words = text.split(" ")
    return " ".join(words[:LABEL_WORDS]) + (" …" if len(words) > LABEL_WORDS else "")


def short_names(articles: Sequence[Article], width: int = 8) -> dict[str, str]:
    """Article id → an outlet name of at most `width` characters, distinct within the story.

    "The Independent (UK)" → "Independ", "CBC News" → "CBC News" or "CBC", "Agence France-Presse"
    → "AFP"; two articles of one outlet get a number.
    """
    names = {a.id: _abbreviate(a.outlet, width) for a in articles}
    seen: dict[str, int] = {}
    for name in names.values():
        seen[name] = seen.get(name, 0) + 1
    counter: dict[str, int] = {}
    for article in articles:
        name = names[article.id]
        if seen[name] > 1:
            counter[name] = counter.get(name, 0) + 1
            suffix = str(counter[name])
            names[article.id] = name[: max(1, width - len(suffix))] + suffix
    return names


_PAREN = re.compile(r"\s*[\(\[].*?[\)\]]")


def _abbreviate(outlet: str, width: int) -> str:
    name = _SPACE.sub(" ", _PAREN.sub("", outlet)).strip() or outlet.strip() or "?"
    if name.casefold().startswith("the ") and len(name) > width:
        name = name[4:]
    if len(name) <= width:
        return name
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(words) > 2:
        initials = "".join(w[0].upper() for w in words if w[0].isalnum())
        if 2 <= len(initials) <= width:
            return initials
    if len(words) > 1 and len(words[0]) >= 3 and words[0].isupper():
        return words[0][:width]
    return name[:width]


OPENING = 100
"""Characters of a paragraph an exclusive or omission quotes, cut at a word."""


def paragraph_opening(text: str, label: str = "") -> str:
    """How a paragraph opens: its first `OPENING` characters, cut at a word, with "…"; "" when
    the label already is its opening (a fact with no label of its own)."""
    flat = " ".join(text.split())
    if label and flat.startswith(" ".join(label.split()).rstrip("…")):
        return ""
    if len(flat) <= OPENING:
        return flat
    return flat[:OPENING].rsplit(" ", 1)[0] + "…"
