"""Which paragraph pairs are worth scoring: never all pairs on a large story.

An inverted index maps each content word to the paragraphs that use it. Words used by most
articles of the story (more than `COMMON_SHARE` of them, once the story has enough articles for
that to mean something) are left out of the index: they prove nothing and their posting lists are
the long ones. Each paragraph then accumulates the weight it shares with every paragraph its words
reach (a sparse dot product), and keeps its `PER_PARAGRAPH` best partners from other articles.
The cost follows the posting lists of specific words, which grow about linearly with the story.
"""

from __future__ import annotations

from bisect import bisect_right

from tui.core.features import StoryIndex

PER_PARAGRAPH = 40
"""Partners kept per paragraph (before scoring) in a story of up to `SMALL_STORY` articles."""
PER_PARAGRAPH_LARGE = 8
"""Partners kept per paragraph in a larger story: bounds the work when a fact has many copies."""
SMALL_STORY = 30


def partner_cap(n_articles: int) -> int:
    """How many partners a paragraph keeps in a story of `n_articles` articles."""
    return PER_PARAGRAPH if n_articles <= SMALL_STORY else PER_PARAGRAPH_LARGE

PER_ARTICLE = 3
"""Partners kept per paragraph in each other article: an outlet states a fact in few places."""
MIN_COS = 0.04
"""A pair must reach this weighted cosine to be scored at all."""
COMMON_SHARE = 0.3
"""A word in more than this share of the articles is not indexed (stories of ≥ 40 articles)."""
MAX_POSTINGS = 200
"""A word in more paragraphs than this is not indexed: its list would cost more than it tells."""
MIN_SHARED = 0.1
"""A pair must share at least this much squared weight to be scored at all."""


def candidate_pairs(index: StoryIndex) -> list[tuple[int, int, float]]:
    """(i, j, dot) with i < j, paragraphs of different articles that share specific words."""
    paragraphs = index.paragraphs
    limit = index.n_articles * COMMON_SHARE if index.n_articles >= 40 else float("inf")
    postings: dict[str, list[int]] = {}
    sq: dict[str, float] = {}
    for i, pf in enumerate(paragraphs):
        for term in pf.terms:
            if index.df[term] < 2 or index.df[term] > limit or index.dfp[term] > MAX_POSTINGS:
                continue
            postings.setdefault(term, []).append(i)
    for term in postings:
        sq[term] = index.weight[term] ** 2
    article = [pf.ref.article for pf in paragraphs]
    norms = [pf.norm or 1.0 for pf in paragraphs]
    kept: dict[tuple[int, int], float] = {}
    cap = partner_cap(index.n_articles)
    per_article_cap = PER_ARTICLE if index.n_articles <= SMALL_STORY else 2
    # In a large story each paragraph looks only forward (posting lists are in paragraph order),
    # so every pair is accumulated once: half the work, partners still chosen by the earlier one.
    forward = index.n_articles > SMALL_STORY
    for i, pf in enumerate(paragraphs):
        acc: dict[int, float] = {}
        get = acc.get
        for term in pf.terms:
            plist = postings.get(term)
            if plist is None:
                continue
            w = sq[term]
            for j in plist[bisect_right(plist, i) :] if forward else plist:
                acc[j] = get(j, 0.0) + w
        own = article[i]
        floor = MIN_COS * norms[i]
        ranked = sorted(
            ((d / norms[j], j) for j, d in acc.items() if d >= MIN_SHARED and d >= floor * norms[j]),
            reverse=True,
        )
        per_article: dict[str, int] = {}
        taken = 0
        for _, j in ranked:
            other = article[j]
            if other == own or per_article.get(other, 0) >= per_article_cap:
                continue
            per_article[other] = per_article.get(other, 0) + 1
            kept[(i, j) if i < j else (j, i)] = acc[j]
            taken += 1
            if taken >= cap:
                break
    return [(i, j, d) for (i, j), d in kept.items()]
