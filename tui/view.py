"""What the panes say about a paragraph, computed from the alignment as plain data.

The widgets only turn these into styled text, so the wording ("3 of 5 outlets · 1 conflict",
"only X reports this") is tested here without a terminal. Lookups only: nothing is scored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.model import Alignment, Article, Match, Span, Story, Version


@dataclass(frozen=True)
class Entry:
    """One matching paragraph of another outlet."""

    outlet: str
    article_id: str
    paragraph: int
    grade: str
    score: float
    text: str
    evidence: tuple[tuple[int, int], ...]
    """(start, end) in `text` of what the two paragraphs share."""
    conflict: str = ""
    """Why the two disagree, when the alignment says they do."""
    copies: tuple[int, ...] = ()
    """Other paragraphs of the same article with the same text (a headline the body repeats):
    listed once, here, rather than as entries of their own."""


@dataclass(frozen=True)
class PanelView:
    """Everything the same-fact panel shows for one paragraph."""

    header: str
    entries: tuple[Entry, ...] = ()
    note: str = ""
    """Shown instead of entries: "only X reports this", "not aligned", "aligning…"."""
    absent: tuple[str, ...] = ()
    """Outlets that do not report it (listed under the note)."""
    conflicts: tuple[str, ...] = ()
    """Conflict reasons of this paragraph."""

    @property
    def summary(self) -> str:
        """One line for narrow terminals."""
        parts = [self.header]
        if self.conflicts:
            n = len(self.conflicts)
            parts.append(f"{n} conflict{'s' if n != 1 else ''}")
        return " · ".join(parts)


def outlet_count_label(n: int, total: int) -> str:
    return f"{n} of {total} outlet{'' if total == 1 else 's'}"


def panel_view(story: Story, alignment: Alignment | None, article: Article, n: int) -> PanelView:
    """The panel for paragraph `n` of `article`; `alignment` is None while it is computed."""
    total = len(story.articles)
    if alignment is None:
        return PanelView("aligning…", note="Aligning the other outlets…")
    if n >= len(article.paragraphs) or not article.paragraphs[n].aligned:
        role = article.paragraphs[n].role if n < len(article.paragraphs) else "nothing"
        return PanelView("not aligned", note=f"This is {role}: it is not compared.")
    matches = alignment.matches_for(article.id, n)
    conflicts = alignment.conflicts_for(article.id, n)
    conflict_with = {
        v.ref: c.reason for c in conflicts for v in c.versions if v.ref.article != article.id
    }
    entries = [
        _entry(story, m, alignment.evidence_of(m), conflict_with.get(m.b, "")) for m in matches
    ]
    shown = {m.b for m in matches}
    # A paragraph that disagrees with this one reports the same fact too, differently.
    for conflict in conflicts:
        for version in conflict.versions:
            if version.ref.article != article.id and version.ref not in shown:
                shown.add(version.ref)
                entries.append(_version_entry(story, version, conflict.reason))
    entries = _without_copies(entries)
    outlets = {e.article_id for e in entries}
    header = outlet_count_label(len(outlets) + 1, total)
    reasons = tuple(c.reason for c in conflicts)
    if not entries:
        absent = tuple(a.outlet for a in story.articles if a.id != article.id)
        return PanelView(header, note=f"only {article.outlet} reports this", absent=absent)
    return PanelView(header, tuple(entries), conflicts=reasons)


def _without_copies(entries: list[Entry]) -> list[Entry]:
    """`entries` with each text of one article listed once, at its first (best) entry, which
    names the other paragraphs that repeat it."""
    first: dict[tuple[str, str], int] = {}
    copies: dict[int, list[int]] = {}
    kept: list[Entry] = []
    for entry in entries:
        key = (entry.article_id, " ".join(entry.text.split()).casefold())
        at = first.get(key)
        if at is None:
            first[key] = len(kept)
            kept.append(entry)
        else:
            copies.setdefault(at, []).append(entry.paragraph)
    for at, more in copies.items():
        kept[at] = replace(kept[at], copies=tuple(more))
    return kept


def _version_entry(story: Story, version: Version, reason: str) -> Entry:
    other = story.article(version.ref.article)
    paragraph = other.paragraphs[version.ref.paragraph]
    span = ((version.start, version.end),)
    return Entry(other.outlet, other.id, paragraph.n, "differs", 0.0, paragraph.text, span, reason)


def _entry(story: Story, match: Match, evidence: tuple[Span, ...], conflict: str) -> Entry:
    other = story.article(match.b.article)
    paragraph = other.paragraphs[match.b.paragraph]
    spans = tuple((s.b_start, s.b_end) for s in evidence)
    return Entry(
        other.outlet,
        other.id,
        paragraph.n,
        match.grade,
        match.score,
        paragraph.text,
        spans,
        conflict,
    )


def other_outlets(alignment: Alignment, article_id: str, n: int) -> set[str]:
    """The other articles that report paragraph `n`'s fact: matches, and versions that disagree."""
    outlets = set(alignment.outlets_for(article_id, n))
    for conflict in alignment.conflicts_for(article_id, n):
        outlets.update(v.ref.article for v in conflict.versions)
    outlets.discard(article_id)
    return outlets


def gutter_marks(alignment: Alignment | None, article: Article) -> dict[int, str]:
    """Per paragraph: how many other outlets report it ("3"), "–" for none, "!" for a conflict."""
    marks: dict[int, str] = {}
    for p in article.paragraphs:
        if not p.aligned:
            marks[p.n] = ""
        elif alignment is None:
            marks[p.n] = "…"
        else:
            count = len(other_outlets(alignment, article.id, p.n))
            mark = ("+" if count > 9 else str(count)) if count else "–"
            if alignment.conflicts_for(article.id, p.n):
                mark += "!"
            marks[p.n] = mark
    return marks


def coverage_label(alignment: Alignment | None, article_id: str) -> str:
    """ "14/22 ¶ confirmed" for the source list."""
    if alignment is None:
        return "… aligning"
    matched, aligned = alignment.coverage(article_id)
    return f"{matched}/{aligned} ¶ confirmed"


def paragraph_kind(alignment: Alignment, article: Article, n: int) -> set[str]:
    """Which of `corroborated`, `unique`, `conflict` paragraph `n` is (for ]c ]u ]x)."""
    p = article.paragraphs[n]
    if not p.aligned:
        return set()
    kinds = {"corroborated" if other_outlets(alignment, article.id, n) else "unique"}
    if alignment.conflicts_for(article.id, n):
        kinds.add("conflict")
    return kinds
