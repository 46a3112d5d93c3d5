"""Where outlets word one fact differently: conflicting versions, and figures that differ yet agree.

The alignment reports conflicts pairwise: three wordings of one quote come out as up to three
pairs. A reader wants the family: every version side by side, once. `variant_groups` merges the
pairwise conflicts of one fact and kind that share a paragraph into one group.

It also lists the hedged figures that differ in wording but can all be true at once ("nearly 25
years", "24 years", "nearly a quarter-century"): the aligner rightly does not call them a
conflict, but a fact-checker still wants to see them, marked compatible and with the reason.
They come from the figures the aligner's number reader finds in the paragraphs of each fact
(`tui.core.numbers`, when present), grouped by unit, pooled across facts that share one of those
figures, and kept only when their values differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from tui.core.model import Alignment, Conflict, Fact, Ref, Version

State = Literal["conflicting", "compatible"]


@dataclass(frozen=True)
class VariantGroup:
    """Versions of one thing (a figure, a quote, an attribution) across the outlets of one fact."""

    id: str
    fact: str
    kind: str
    """`number`, `date`, `quote`, `attribution`, `wording` or `tense`."""
    state: State
    """`conflicting`: they cannot all be true. `compatible`: worded differently, all can be true."""
    versions: tuple[Version, ...]
    """One per paragraph and wording, in story order."""
    reason: str
    conflicts: tuple[str, ...] = ()
    """Ids of the alignment's conflicts merged into this group."""
    details: tuple[str, ...] = ()
    """The merged conflicts' own reasons, pair by pair."""

    @property
    def wordings(self) -> tuple[tuple[Version, ...], ...]:
        """The versions grouped by wording (case aside), first seen first."""
        out: dict[str, list[Version]] = {}
        for version in self.versions:
            out.setdefault(version.text.casefold(), []).append(version)
        return tuple(tuple(vs) for vs in out.values())

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.ref.article for v in self.versions))


def variant_groups(alignment: Alignment) -> tuple[VariantGroup, ...]:
    """The conflict families first, then the compatible figure families, ids V1, V2, …"""
    order = {a.id: i for i, a in enumerate(alignment.story.articles)}
    groups = [*_families(alignment.conflicts, order), *_compatible_figures(alignment, order)]
    return tuple(
        VariantGroup(
            f"V{i + 1}", g.fact, g.kind, g.state, g.versions, g.reason, g.conflicts, g.details
        )
        for i, g in enumerate(groups)
    )


def _families(conflicts: Iterable[Conflict], order: dict[str, int]) -> list[VariantGroup]:
    """Pairwise conflicts of one fact and kind that share a paragraph, merged."""
    families: list[list[Conflict]] = []
    for conflict in conflicts:
        refs = {v.ref for v in conflict.versions}
        joined = [
            f
            for f in families
            if f[0].fact == conflict.fact
            and f[0].kind == conflict.kind
            and refs & {v.ref for c in f for v in c.versions}
        ]
        merged = [c for f in joined for c in f] + [conflict]
        families = [f for f in families if not any(f is j for j in joined)] + [merged]
    out = []
    for family in families:
        versions = _unique_versions((v for c in family for v in c.versions), order)
        reasons = tuple(dict.fromkeys(c.reason for c in family))
        kind = family[0].kind
        reason = reasons[0] if len(reasons) == 1 else _merged_reason(kind, versions)
        ids = tuple(c.id for c in family)
        out.append(
            VariantGroup("", family[0].fact, kind, "conflicting", versions, reason, ids, reasons)
        )
    return out


_MERGED = {
    "quote": "quoted in {n} wordings",
    "attribution": "told {n} ways",
    "wording": "named {n} ways",
    "number": "{n} different figures",
    "date": "{n} different dates",
    "tense": "told {n} ways",
}
"""The lead of a family's reason, by kind (`_merged_reason`)."""
MERGED_WORDS = 7
"""Words of each version a family's reason shows."""


def _merged_reason(kind: str, versions: tuple[Version, ...]) -> str:
    """A family's one-line reason: how many ways it is told, then each way, cut short
    ("quoted in 3 wordings: “mutual assistance in the event of…” vs “…”")."""
    by_key: dict[str, str] = {}
    for v in versions:
        text = " ".join(v.text.split())
        by_key.setdefault(text.casefold(), text)
    texts = list(by_key.values())
    lead = _MERGED.get(kind, "{n} versions that disagree").format(n=len(texts))
    shown = []
    for text in texts:
        words = text.split(" ")
        cut = " ".join(words[:MERGED_WORDS]).rstrip(",;:.")
        shown.append(f"“{cut}…”" if len(words) > MERGED_WORDS else f"“{cut}”")
    return f"{lead}: " + " vs ".join(shown)


def _unique_versions(versions: Iterable[Version], order: dict[str, int]) -> tuple[Version, ...]:
    seen: dict[tuple[Ref, int, int], Version] = {}
    for v in versions:
        seen.setdefault((v.ref, v.start, v.end), v)
    return tuple(sorted(seen.values(), key=lambda v: (order.get(v.ref.article, 0), v.ref, v.start)))


def _compatible_figures(alignment: Alignment, order: dict[str, int]) -> list[VariantGroup]:
    """Figures of one unit, worded and valued differently, whose hedges all meet.

    Figures are gathered per fact; facts that share a paragraph's figure (facts overlap where a
    paragraph reports several) pool their figures of that unit, so "nearly 25 years" in one
    fact and "24 years" and "nearly a quarter-century" in two others that share its paragraph
    are one family. A pool whose figures do not all agree falls back to its facts one by one.
    """
    try:
        from tui.core.numbers import find_quantities
    except ImportError:  # an aligner without a number reader: nothing to add
        return []
    story = alignment.story
    conflicting = {v.ref for c in alignment.conflicts if c.kind == "number" for v in c.versions}
    per_fact: list[tuple[str, str, list[tuple[Version, Any]]]] = []
    for fact in _shared_facts(alignment.facts):
        by_unit: dict[str, list[tuple[Version, Any]]] = {}
        for ref in dict.fromkeys(fact.members):
            text = story.article(ref.article).paragraphs[ref.paragraph].text
            for q in find_quantities(text):
                if q.kind == "number" and q.unit:
                    version = Version(ref, text[q.start : q.end], q.start, q.end)
                    by_unit.setdefault(q.unit, []).append((version, q))
        per_fact += [(fact.id, unit, found) for unit, found in by_unit.items()]
    out = []
    for pool in _pools(per_fact):
        merged = _agreeing(_distinct(f for k in pool for f in per_fact[k][2]), conflicting)
        parts = [(pool[0], merged)] if merged else [(k, _agreeing(per_fact[k][2], conflicting)) for k in pool]
        for k, group in parts:
            if group:
                fact_id, unit = per_fact[k][0], per_fact[k][1]
                versions = _unique_versions((v for v, _ in group), order)
                wordings = list(dict.fromkeys(v.text for v in versions))
                reason = " ≈ ".join(wordings) + f": compatible, the hedged {unit} figures overlap"
                out.append(VariantGroup("", fact_id, "number", "compatible", versions, reason))
    return out


def _pools(per_fact: list[tuple[str, str, list[tuple[Version, Any]]]]) -> list[list[int]]:
    """Indices of `per_fact` grouped: same unit, linked by a figure they share."""
    parent = list(range(len(per_fact)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    first: dict[tuple[str, Ref, int], int] = {}
    for k, (_, unit, found) in enumerate(per_fact):
        for version, _ in found:
            key = (unit, version.ref, version.start)
            if key in first:
                parent[root(k)] = root(first[key])
            else:
                first[key] = k
    pools: dict[int, list[int]] = {}
    for k in range(len(per_fact)):
        pools.setdefault(root(k), []).append(k)
    return list(pools.values())


def _distinct(found: Iterable[tuple[Version, Any]]) -> list[tuple[Version, Any]]:
    """Each figure once (a paragraph in two facts brings its figures twice)."""
    seen: dict[tuple[Ref, int], tuple[Version, Any]] = {}
    for version, q in found:
        seen.setdefault((version.ref, version.start), (version, q))
    return list(seen.values())


def _shared_facts(facts: Iterable[Fact]) -> Iterable[Fact]:
    return (f for f in facts if not f.unique)


def _agreeing(found: list[tuple[Version, Any]], conflicting: set[Ref]) -> list[tuple[Version, Any]]:
    """The figures when they come from two or more articles, differ in value, and all agree."""
    if len({v.ref.article for v, _ in found}) < 2 or len({q.value for _, q in found}) < 2:
        return []
    if any(v.ref in conflicting for v, _ in found):
        return []
    if all(a.compatible(b) for i, (_, a) in enumerate(found) for _, b in found[i + 1 :]):
        return found
    return []
