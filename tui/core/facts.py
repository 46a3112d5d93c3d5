"""Matched paragraphs grouped into facts, without chaining.

Average-link agglomeration over the match graph: matches are taken strongest first, and two groups
merge only when most of the pairs across them match and their members are, on average, linked
strongly enough (`LINK`), counting a missing match as 0. So A~B and B~C never pull A and C into one fact unless A and C match too: a member must
match most of the group. On a story with many copies of one paragraph, each paragraph keeps a
bounded number of partners (`candidates.PER_PARAGRAPH`), so the average is taken over at most that
many possible partners.

Every aligned paragraph ends in exactly one fact; a paragraph no other outlet matches is a fact of
its own (`unique`), which is what an overview of "facts only one outlet reports" needs.
The label is the fact's most specific phrase shared by most of its articles.
"""

from __future__ import annotations

from tui.core.candidates import PER_PARAGRAPH
from tui.core.features import ParagraphFeatures, StoryIndex
from tui.core.model import Fact, Match, Ref, Story

LINK = 0.25
"""Average match score two groups need to merge (missing matches count as 0)."""


def group_facts(story: Story, index: StoryIndex, matches: list[Match]) -> list[Fact]:
    """Every aligned paragraph in exactly one fact, facts in story order."""
    order = {pf.ref: k for k, pf in enumerate(index.paragraphs)}
    adjacency: dict[Ref, dict[Ref, float]] = {}
    for m in matches:
        adjacency.setdefault(m.a, {})[m.b] = m.score
        adjacency.setdefault(m.b, {})[m.a] = m.score
    group: dict[Ref, list[Ref]] = {pf.ref: [pf.ref] for pf in index.paragraphs}
    for m in sorted(matches, key=lambda m: (-m.score, order[m.a], order[m.b])):
        ga, gb = group[m.a], group[m.b]
        if ga is gb or _link(ga, gb, adjacency) < LINK:
            continue
        small, big = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
        big.extend(small)
        for ref in small:
            group[ref] = big
    groups = {id(g): g for g in group.values()}.values()
    ordered = sorted((sorted(g, key=order.__getitem__) for g in groups), key=lambda g: order[g[0]])
    by_ref = {pf.ref: pf for pf in index.paragraphs}
    return [
        Fact(f"F{k + 1}", tuple(members), _label(index, [by_ref[r] for r in members]))
        for k, members in enumerate(ordered)
    ]


def _link(ga: list[Ref], gb: list[Ref], adjacency: dict[Ref, dict[Ref, float]]) -> float:
    small, big = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    members = set(big)
    total = 0.0
    linked = 0
    for ref in small:
        for other, score in adjacency.get(ref, {}).items():
            if other in members:
                total += score
                linked += 1
    possible = len(small) * min(len(big), PER_PARAGRAPH)
    if 2 * linked <= possible:
        return 0.0  # fewer than most of the pairs match: that would be chaining
    return total / possible


def _label(index: StoryIndex, members: list[ParagraphFeatures]) -> str:
    """The most specific phrase (two adjacent words, else one) used by most of the fact's articles.

    Deterministic: ties go to the phrase met first in story order.
    """
    seen: dict[tuple[str, ...], list] = {}
    """gram -> [articles using it, first (paragraph, start, end), rank of first sight]"""
    for pf in members:
        own: set[tuple[str, ...]] = set()
        tokens, text = pf.tokens, pf.text
        last = len(tokens) - 1
        for k, tok in enumerate(tokens):
            grams = [((tok.term,), tok.end)]
            if k < last:
                nxt = tokens[k + 1]
                if not text[tok.end : nxt.start].strip():
                    grams.append(((tok.term, nxt.term), nxt.end))
            for gram, end in grams:
                if gram in own:
                    continue
                own.add(gram)
                entry = seen.get(gram)
                if entry is None:
                    seen[gram] = [1, (pf, tok.start, end), len(seen)]
                else:
                    entry[0] += 1
    if not seen:
        return members[0].text[:40]
    w = index.weight
    best = max(
        seen.items(),
        key=lambda item: (item[1][0] * sum(w.get(t, 0.0) for t in item[0]), len(item[0]), -item[1][2]),
    )
    pf, start, end = best[1][1]
    return pf.text[start:end]
