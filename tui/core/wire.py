"""Wire copy: outlets that reprint one agency text count as one report, not several.

Five outlets that carry the same fact look like five confirmations; if three of them reprint
one agency dispatch, there are three independent reports. Two articles are wire copies of each
other when a run of their paragraphs is near-identical *in the same order*: sharing one quote
or one stock sentence is what independent reports do too, so a single paragraph proves nothing.

How: paragraphs are indexed by word 4-grams so that only paragraphs sharing several 4-grams are
compared (never all pairs); a pair is near-identical when rapidfuzz's `ratio` on normalised
words reaches `NEAR`. Per article pair, the longest chain of near-identical paragraphs that
increases in both articles must hold at least `MIN_RUN` paragraphs and `MIN_SHARE` of the
shorter article. Linked articles are grouped transitively (a wire text reprinted by A, B and C
links all three even when B and C trimmed different parts).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from tui.core.model import Ref, Story

NEAR = 80.0
"""rapidfuzz ratio (0–100) from which two paragraphs count as the same text lightly edited."""
MIN_WORDS = 8
"""Shorter paragraphs (datelines, one-line quotes) are too generic to prove copying."""
MIN_RUN = 3
"""Near-identical paragraphs in the same order needed to link two articles."""
MIN_SHARE = 0.4
"""…and the share of the shorter article's paragraphs they must make up."""
SHINGLE = 4
MIN_SHARED_SHINGLES = 2
MAX_POSTINGS = 400
"""A 4-gram in more paragraphs than this is boilerplate, not evidence; it is skipped."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class WireGroup:
    """Articles that reprint one text."""

    articles: tuple[str, ...]
    """Article ids, in story order."""
    links: tuple[tuple[Ref, Ref], ...]
    """The near-identical paragraph pairs that linked them (the evidence)."""


def find_wire(story: Story) -> tuple[WireGroup, ...]:
    """The groups of two or more articles that reprint the same text."""
    texts = _paragraph_words(story)
    near = _near_pairs(texts)
    order = {a.id: i for i, a in enumerate(story.articles)}
    sizes = defaultdict(int)
    for ref in texts:
        sizes[ref.article] += 1
    parent = {a.id: a.id for a in story.articles}
    evidence: dict[str, list[tuple[Ref, Ref]]] = defaultdict(list)
    for (a, b), pairs in near.items():
        chain = _longest_chain(pairs)
        if len(chain) >= MIN_RUN and len(chain) >= MIN_SHARE * min(sizes[a], sizes[b]):
            _union(parent, a, b)
            evidence[a].extend(chain)
    groups: dict[str, list[str]] = defaultdict(list)
    for article in story.articles:
        groups[_find(parent, article.id)].append(article.id)
    out = []
    for members in groups.values():
        if len(members) > 1:
            links = tuple(link for m in members for link in evidence.get(m, ()))
            out.append(WireGroup(tuple(sorted(members, key=order.__getitem__)), links))
    return tuple(sorted(out, key=lambda g: order[g.articles[0]]))


def independent_reports(groups: Iterable[WireGroup], article_ids: Iterable[str]) -> int:
    """How many independent reports `article_ids` make: each wire group counts once."""
    group_of = {a: i for i, g in enumerate(groups) for a in g.articles}
    return len({group_of.get(a, a) for a in article_ids})


def _paragraph_words(story: Story) -> dict[Ref, list[str]]:
    out = {}
    for article in story.articles:
        for p in article.paragraphs:
            if p.role != "body":
                continue
            words = _WORD.findall(p.text.casefold())
            if len(words) >= MIN_WORDS:
                out[Ref(article.id, p.n)] = words
    return out


def _near_pairs(texts: dict[Ref, list[str]]) -> dict[tuple[str, str], list[tuple[Ref, Ref]]]:
    """(article a, article b) → near-identical paragraph pairs, found through a 4-gram index."""
    index: dict[tuple[str, ...], list[Ref]] = defaultdict(list)
    for ref, words in texts.items():
        for gram in {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}:
            index[gram].append(ref)
    shared: dict[tuple[Ref, Ref], int] = defaultdict(int)
    for refs in index.values():
        if len(refs) > MAX_POSTINGS:
            continue
        for i, x in enumerate(refs):
            for y in refs[i + 1 :]:
                if x.article != y.article:
                    shared[(x, y) if x < y else (y, x)] += 1
    joined = {ref: " ".join(words) for ref, words in texts.items()}
    out: dict[tuple[str, str], list[tuple[Ref, Ref]]] = defaultdict(list)
    for (x, y), n in shared.items():
        if n >= MIN_SHARED_SHINGLES and fuzz.ratio(joined[x], joined[y], score_cutoff=NEAR):
            out[(x.article, y.article)].append((x, y))
    return out


def _longest_chain(pairs: list[tuple[Ref, Ref]]) -> list[tuple[Ref, Ref]]:
    """The longest run of pairs whose paragraphs increase in both articles (same order)."""
    pairs = sorted(pairs, key=lambda p: (p[0].paragraph, -p[1].paragraph))
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(pairs)
    for i, (_, b) in enumerate(pairs):
        k = bisect.bisect_left(tails, b.paragraph)
        if k == len(tails):
            tails.append(b.paragraph)
            tail_index.append(i)
        else:
            tails[k] = b.paragraph
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k else -1
    chain = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        chain.append(pairs[i])
        i = previous[i]
    return chain[::-1]


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _union(parent: dict[str, str], a: str, b: str) -> None:
    parent[_find(parent, a)] = _find(parent, b)
