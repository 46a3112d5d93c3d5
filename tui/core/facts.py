"""Matched paragraphs grouped into facts, without chaining.

Average-link agglomeration over the match graph: matches are taken strongest first, and two groups
merge only when most of the pairs across them match and their members are, on average, linked
strongly enough (`LINK`), counting a missing match as 0. So A~B and B~C never pull A and C into one fact unless A and C match too: a member must
match most of the group. On a story with many copies of one paragraph, each paragraph keeps a
bounded number of partners (`candidates.partner_cap`), so the average is taken over at most that
many possible partners.

Every aligned paragraph ends in exactly one fact; a paragraph no other outlet matches is a fact of
its own (`unique`), which is what an overview of "facts only one outlet reports" needs.
The label is the fact's most specific phrase shared by most of its articles.
"""

from __future__ import annotations

from collections import Counter

from tui.core.candidates import partner_cap
from tui.core.features import ParagraphFeatures, StoryIndex
from tui.core.model import Fact, Match, Story

LINK = 0.25
"""Average match score two groups need to merge (missing matches count as 0)."""


def group_facts(story: Story, index: StoryIndex, matches: list[Match]) -> list[Fact]:
    """Every aligned paragraph in exactly one fact, facts in story order."""
    position = {pf.ref: k for k, pf in enumerate(index.paragraphs)}
    n = len(index.paragraphs)
    adjacency: list[dict[int, float]] = [{} for _ in range(n)]
    edges: list[tuple[float, int, int]] = []
    for m in matches:
        i, j = position[m.a], position[m.b]
        adjacency[i][j] = adjacency[j][i] = m.score
        edges.append((-m.score, min(i, j), max(i, j)))
    cap = partner_cap(index.n_articles)
    group = list(range(n))
    """group[k]: the id of paragraph k's group (the id of one of its members)."""
    members: dict[int, list[int]] = {k: [k] for k in range(n)}
    for _, i, j in sorted(edges):
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        small, big = (gi, gj) if len(members[gi]) <= len(members[gj]) else (gj, gi)
        if _link(members[small], big, min(len(members[big]), cap), group, adjacency) < LINK:
            continue
        for k in members[small]:
            group[k] = big
        members[big].extend(members.pop(small))
    ordered = sorted((sorted(g) for g in members.values()), key=lambda g: g[0])
    paragraphs = index.paragraphs
    return [
        Fact(
            f"F{k + 1}",
            tuple(paragraphs[i].ref for i in g),
            _label(index, [paragraphs[i] for i in g]),
        )
        for k, g in enumerate(ordered)
    ]


def _link(
    small: list[int], big: int, reachable: int, group: list[int], adjacency: list[dict[int, float]]
) -> float:
    """Average score between two groups (0 when fewer than most pairs match: chaining)."""
    total = 0.0
    linked = 0
    for k in small:
        for other, score in adjacency[k].items():
            if group[other] == big:
                total += score
                linked += 1
    possible = len(small) * reachable
    if 2 * linked <= possible:
        return 0.0
    return total / possible


def _label(index: StoryIndex, members: list[ParagraphFeatures]) -> str:
    """The most specific phrase (two adjacent words, else one) used by most of the fact's articles.

    Deterministic: ties go to the phrase met first in story order.
    """
    seen: Counter[tuple[str, ...]] = Counter()
    where: dict[tuple[str, ...], tuple[ParagraphFeatures, int, int]] = {}
    for pf in members:
        own: set[tuple[str, ...]] = set()
        for k, tok in enumerate(pf.tokens):
            grams = [((tok.term,), tok.end)]
            nxt = pf.tokens[k + 1] if k + 1 < len(pf.tokens) else None
            if nxt is not None and not pf.text[tok.end : nxt.start].strip():
                grams.append(((tok.term, nxt.term), nxt.end))
            for gram, end in grams:
                if gram not in own:
                    own.add(gram)
                    seen[gram] += 1
                    where.setdefault(gram, (pf, tok.start, end))
    if not seen:
        return members[0].text[:40]
    w = index.w
    rank = {g: k for k, g in enumerate(where)}
    best = max(seen, key=lambda g: (seen[g] * sum(w(t) for t in g), len(g), -rank[g]))
    pf, start, end = where[best]
    return pf.text[start:end]
