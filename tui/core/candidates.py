"""Which paragraph pairs are worth scoring: never all pairs on a large story.

An inverted index maps each content word to the paragraphs that use it. Words used by most
articles of the story (more than `COMMON_SHARE` of them, once the story has enough articles for
that to mean something) are left out of the index: they prove nothing and their posting lists are
the long ones. Each paragraph then accumulates the weight it shares with every paragraph its words
reach (a sparse dot product), and keeps its `PER_PARAGRAPH` best partners from other articles.
The cost follows the posting lists of specific words, which grow about linearly with the story.
Paragraphs with the same words (copies, in a story of wire rewrites) are indexed and ranked as
one group: the same sums, made once.
"""

from __future__ import annotations

from itertools import chain
from operator import truediv

from tui.core.features import LEDE, StoryIndex

PER_PARAGRAPH = 40
"""Partners kept per paragraph (before scoring); bounds the work on a story with many copies."""
PER_ARTICLE = 5
"""Partners kept per paragraph in each other article: an outlet states a fact in few places."""
MIN_COS = 0.02
"""A pair must reach this weighted cosine to be scored at all."""
COMMON_SHARE = 0.5
"""A word in more than this share of the articles is not indexed (stories of ≥ 8 articles)."""
MIN_SHARED = 0.1
"""A pair must share at least this much squared weight to be scored at all."""
SMALL_STORY = 30
"""Beyond this many articles the bounds below apply: a fact with many copies must not make the
work grow with the square of the story."""
SMALL_STORY_PARAGRAPHS = 2_000
"""...and beyond this many paragraphs, however few the articles: a few very long texts (two
books, or a transcript of thousands of paragraphs) share words in thousands of places."""
PER_PARAGRAPH_LARGE = 8
"""Partners kept per paragraph in a larger story."""
PER_ARTICLE_LARGE = 2
"""Partners kept per paragraph in each other article, in a larger story."""
MAX_POSTINGS = 200
"""In a larger story a word in more paragraphs than this is not indexed: its list costs more
than it tells."""
LEDE_ALL_PAIRS = 20
"""Up to this many articles, every pair of top paragraphs (`features.LEDE`) is scored; the count
of such pairs grows with the square of the articles, so larger stories rely on the index."""


def candidate_pairs(index: StoryIndex) -> list[tuple[int, int, float]]:
    """(i, j, dot) with i < j, paragraphs of different articles that share specific words."""
    paragraphs = index.paragraphs
    limit = index.n_articles * COMMON_SHARE if index.n_articles >= 40 else float("inf")
    large = index.n_articles > SMALL_STORY or len(paragraphs) > SMALL_STORY_PARAGRAPHS
    max_postings = MAX_POSTINGS if large else float("inf")
    per_article_cap = PER_ARTICLE_LARGE if large else PER_ARTICLE
    per_paragraph_cap = PER_PARAGRAPH_LARGE if large else PER_PARAGRAPH
    words = [tuple(sorted(pf.terms)) for pf in paragraphs]
    """Each paragraph's words in sorted order: the sums below add them in that order, so a sum
    does not depend on the iteration order of a set of strings (which varies with the hash seed)
    and two pairs that share the same words have the same sum."""
    group_of: dict[tuple[str, ...], int] = {}
    members: list[list[int]] = []
    """Paragraphs with the same words (copies, mostly) form one group, in story order: every
    member of a group shares the same sum with a paragraph, so the sums are made per group."""
    group = []
    for i, key in enumerate(words):
        g = group_of.setdefault(key, len(members))
        if g == len(members):
            members.append([])
        members[g].append(i)
        group.append(g)
    postings: dict[str, list[int]] = {}
    """Each indexed word's groups."""
    df = index.df
    for g, key in enumerate(group_of):
        for term in key:
            if not 2 <= df[term] <= limit:
                continue
            postings.setdefault(term, []).append(g)
    if large:
        # (a word's paragraphs: the members of its groups)
        postings = {
            t: glist
            for t, glist in postings.items()
            if sum(len(members[g]) for g in glist) <= max_postings
        }
    sq = {term: index.weight[term] ** 2 for term in postings}
    numbers: dict[str, int] = {}
    article = [numbers.setdefault(pf.ref.article, len(numbers)) for pf in paragraphs]
    """Each paragraph's article, by number (the partners taken in each are counted in a list)."""
    norms = [pf.norm or 1.0 for pf in paragraphs]
    group_norms = [norms[m[0]] for m in members]
    """A group's norm (its members' words are the same, so are their norms)."""
    head = 4 * per_paragraph_cap
    kept: dict[tuple[int, int], float] = {}
    ranking: dict[int, tuple[list, float | None, list[int], list[float]]] = {}
    """The ranking of a group's partners, kept until its last member has used it."""
    left_of = [len(m) for m in members]
    earlier: list[dict[int, float]] = [{} for _ in members]
    """Each group's sums with the groups before it, made when those were summed: a pair's sum
    adds the same shared words in the same (sorted) order from either side, so it is made once."""
    passed: dict[str, int] = {}
    """How many groups of each word's list have been summed: the groups are summed in order (a
    group at its first member), so a group's place in the lists of its words."""
    for i in range(len(paragraphs)):
        own = article[i]
        g = group[i]
        floor = MIN_COS * norms[i]  # (the same for every member of the group: so is the norm)
        saved = ranking.get(g)
        if saved is None:
            later: dict[int, float] = {}
            get = later.get
            for term in words[i]:
                glist = postings.get(term)
                if glist is None:
                    continue
                w = sq[term]
                k = passed.get(term, 0)
                passed[term] = k + 1
                for h in glist[k:]:  # (0.0 + w is w: the same sums as starting from 0.0)
                    later[h] = get(h, 0.0) + w
            acc = earlier[g]
            acc.update(later)
            later.pop(g, None)  # (the group's own sum, where it has indexed words)
            for h, d in later.items():
                earlier[h][g] = d
            hs = list(acc)
            ds = list(acc.values())
            best, cut = _head(hs, ds, members, head, floor, group_norms)
            saved = (best, cut, hs, ds)
            if left_of[g] > 1:
                ranking[g] = saved
        best, cut, hs, ds = saved
        left_of[g] -= 1
        if not left_of[g]:
            ranking.pop(g, None)
        # Best first (ties: the later paragraph first), then at most `per_article_cap` partners
        # per other article and `per_paragraph_cap` in all: the same pairs as keeping the best of
        # each article and then the best of those, without a heap per article.
        taken = [0] * len(numbers)
        left = per_paragraph_cap
        rest = () if cut is None else _rest(hs, ds, group_norms, members, cut, floor)
        for _, j, d in chain(best, rest):
            other = article[j]
            if other == own:
                continue
            count = taken[other]
            if count >= per_article_cap:
                continue
            taken[other] = count + 1
            kept[(i, j) if i < j else (j, i)] = d
            left -= 1
            if not left:
                break
    if large:
        _add_lost_copies(index, kept, group_of, members, postings, article, per_paragraph_cap)
    if index.n_articles <= LEDE_ALL_PAIRS:
        _add_lede_pairs(index, kept)
    return [(i, j, d) for (i, j), d in kept.items()]


def _add_lost_copies(
    index: StoryIndex,
    kept: dict[tuple[int, int], float],
    group_of: dict[tuple[str, ...], int],
    members: list[list[int]],
    postings: dict[str, list[int]],
    article: list[int],
    cap: int,
) -> None:
    """In a larger story, copies of a paragraph none of whose words is indexed any more (each in
    more than `MAX_POSTINGS` paragraphs: a sentence that 215 of 1,500 articles print word for
    word) are paired with each other all the same, each with the next `cap` copies in other
    articles: the same words are the strongest sign of one fact, and without this such copies
    were never compared at all. Copies that share too little to be scored stay apart
    (`MIN_SHARED`), as anywhere else."""
    w2 = index.weight2
    for key, g in group_of.items():
        copies = members[g]
        if len(copies) < 2 or any(term in postings for term in key):
            continue
        dot = sum(w2[term] for term in key)
        if dot < MIN_SHARED:
            continue
        for x, i in enumerate(copies):
            taken = 0
            for j in copies[x + 1 :]:
                if article[j] == article[i]:
                    continue
                kept.setdefault((i, j), dot)
                taken += 1
                if taken >= cap:
                    break


def _head(
    hs: list[int],
    ds: list[float],
    members: list[list[int]],
    head: int,
    floor: float,
    group_norms: list[float],
):
    """The partner paragraphs of the `head` best partner groups `hs` (with their sums `ds`;
    their score is the sum over the group's norm) and of any group tied with the last, as
    (score, j, d), best first (ties: the later paragraph first), less those that share too
    little (`_rows`); and the score below which the other paragraphs lie (None when there are
    no others). Each group has a member at least, so these hold the `head` best paragraphs."""
    if len(ds) <= head:
        return _rows(hs, ds, members, None, floor, group_norms), None
    scores = list(map(truediv, ds, map(group_norms.__getitem__, hs)))
    cut = sorted(scores)[-head]
    return _rows(hs, ds, members, cut, floor, group_norms, scores), cut


def _rows(
    hs, ds, members: list[list[int]], cut: float | None, floor: float, group_norms, scores=None
) -> list:
    """(score, j, d) of every member j of the groups scoring `cut` or more (all without a
    `cut`, and then the `scores` need not be given), best first (ties: the later paragraph
    first), less the groups that share too little to be scored: under `MIN_SHARED`, or under
    `floor` times their norm (a cosine under `MIN_COS`). On a small story, where every word is
    indexed, those are most of them: without a `cut`, only the others' scores are divided out."""
    if cut is None:
        rows = [
            (d / group_norms[h], j, d)
            for h, d in zip(hs, ds)
            if d >= MIN_SHARED and d >= floor * group_norms[h]
            for j in members[h]
        ]
    else:
        rows = [
            (s, j, d)
            for s, h, d in zip(scores, hs, ds)
            if s >= cut and d >= MIN_SHARED and d >= floor * group_norms[h]
            for j in members[h]
        ]
    rows.sort(reverse=True)
    return rows


def _rest(hs, ds, group_norms: list[float], members: list[list[int]], cut: float, floor: float):
    """The partners after the head, best first, less those that share too little (`_rows`);
    sorted only if the caller reads that far (rarely: the head holds enough partners)."""
    scores = list(map(truediv, ds, map(group_norms.__getitem__, hs)))
    yield from sorted(
        [
            (s, j, d)
            for s, h, d in zip(scores, hs, ds)
            if s < cut and d >= MIN_SHARED and d >= floor * group_norms[h]
            for j in members[h]
        ],
        reverse=True,
    )


def _add_lede_pairs(index: StoryIndex, kept: dict[tuple[int, int], float]) -> None:
    """Every cross-article pair of top paragraphs: outlets open with the story's main fact,
    often in words that share little (a headline and another outlet's lede)."""
    top = [i for i, pf in enumerate(index.paragraphs) if pf.position < LEDE]
    paragraphs = index.paragraphs
    for x, i in enumerate(top):
        for j in top[x + 1 :]:
            if paragraphs[i].ref.article != paragraphs[j].ref.article:
                kept.setdefault((i, j), 0.0)
