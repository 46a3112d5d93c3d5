"""Matched paragraphs grouped into facts, without chaining; a paragraph may report several facts.

A paragraph often carries more than one fact (a lede says who signed what, and that it is the
first visit in 24 years), so facts may overlap: each is a group of paragraphs that all report one
thing, and a paragraph belongs to every fact it reports.

Facts grow from the strongest matches (`same` grade, `SEED`). A match whose two paragraphs share
no fact yet starts one; the fact then takes in, one at a time, the paragraph best linked to it,
as long as that paragraph matches *most* of the fact's members and its average match with them
is strong enough (`LINK`, counting a missing match as 0). So A~B and B~C never pull A and C into
one fact unless A and C match too; and B, which matches both, can sit in the fact {A, B} and in
the fact {B, C}. While the fact grows, pairs scored a little under the shown threshold (`NEAR`)
count as matches too: a fact told in different words by five outlets often has a few pairs just
short of it, and without them it would stop at three outlets. Once grown, the fact is checked
against the shown matches alone: a member that matches no more than half of the others leaves
it (a seed paragraph around which a denser fact grew, or one that came in through near pairs;
it stays in a fact of two with its seeding partner). So every member of a fact matches most of
the others. On a story with many copies of one paragraph, each paragraph
keeps a bounded number of partners (`candidates.PER_PARAGRAPH`), so "most members" counts at
most that many.

A fact can also be found by its figure alone (`figure_links`): "his first trip in nearly 25
years", "his first visit in 24 years" and "his first visit in nearly a quarter-century" share
few words, so their pairs score low, but they state one figure in agreeing terms in sentences
that share a specific word besides it. Such pairs grow facts of their own, by the same rule of
most members, and such a fact is kept only when it spans most of the story's outlets (at least
`FIGURE_OUTLETS`): a figure that two outlets of many share is left to the pair's own score. Its
members are then listed as `related` like those of any fact.

Seeds that differ by a member or two grow near-copies of one fact: a fact whose members are
mostly in a larger one is merged into it, and its other members join only if they match most
of the larger one's. Every aligned paragraph is in at least one fact;
a paragraph no other outlet matches is a fact of its own (`unique`), which is what an overview of
"facts only one outlet reports" needs. The label is the fact's most specific phrase shared by
most of its articles.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from tui.core.candidates import PER_PARAGRAPH
from tui.core.features import ParagraphFeatures, StoryIndex, Token, sentence_ends, stem
from tui.core.model import Fact, Match, Ref, Story
from tui.core.numbers import Quantity
from tui.core.roles import title_case
from tui.core.weights import RELATED

LINK = RELATED + 0.01
"""Average match score a paragraph needs with a fact's members to join it (missing ones count 0):
just above the fitted shown threshold, so it follows the model when it is refitted."""
NEAR = RELATED - 0.02
"""Pairs scored from here up, just under the fitted shown threshold, are links while a fact
grows."""
MERGE = 0.6
"""Share of a fact's members inside a larger fact from which the two are one fact."""
FIGURE_OUTLETS = 3
"""Articles a fact found by its figure alone must span, and at least half of the story's."""
FIGURE_WORD = 1.0
"""Weight of a word the two sentences of a figure link must share besides the figure."""
HYPHENS = "-\u2010\u2011"
"""Characters that join the words of a compound: a label keeps the compound whole."""


def group_facts(
    story: Story,
    index: StoryIndex,
    matches: list[Match],
    near: Iterable[tuple[int, int, float]] = (),
    figures: Iterable[tuple[int, int]] = (),
) -> list[Fact]:
    """Every aligned paragraph in at least one fact; facts in story order of their first member.

    `near`: the scored pairs that are not shown, as (i, j, score) with i and j indices into
    `index.paragraphs`; those from `NEAR` up are links while a fact grows (never seeds).
    `figures`: pairs (i, j) that state one figure in sentences about one thing (`figure_links`):
    they count as matches of at least `LINK` inside a fact (never seeds).
    """
    story_refs = [pf.ref for pf in index.paragraphs]
    # Paragraphs are numbered by their refs' order (article id, then paragraph) from here on, so
    # that the facts, and which of equal seeds or equal candidates goes first, do not depend on
    # the order the articles come in; ints hash far faster than refs. (The numbers are found by
    # a ref's fields, whose tuple hashes without a call of `Ref.__hash__`.)
    canon = sorted(
        range(len(story_refs)), key=lambda k: (story_refs[k].article, story_refs[k].paragraph)
    )
    """The paragraphs' indices in `index.paragraphs`, by number."""
    rank = [0] * len(canon)
    for number, k in enumerate(canon):
        rank[k] = number
    refs = [story_refs[k] for k in canon]
    order = {(ref.article, ref.paragraph): k for k, ref in enumerate(refs)}
    adjacency: list[dict[int, float]] = [{} for _ in refs]
    close: list[dict[int, float]] = [{} for _ in refs]
    # (each paragraph's links are listed in that numbering too: sums of scores are added in one
    # order, and ties go one way, whatever the order of the articles)
    for i, j, score in sorted((*sorted((rank[i], rank[j])), score) for i, j, score in near):
        if score >= NEAR:
            close[i][j] = close[j][i] = score
    seeds: list[tuple[float, int, int]] = []
    numbered = sorted(
        ((*sorted((order[m.a.article, m.a.paragraph], order[m.b.article, m.b.paragraph])), m)
         for m in matches),
        key=lambda x: (x[0], x[1]),
    )
    for a, b, m in numbered:
        adjacency[a][b] = adjacency[b][a] = m.score
        if m.grade == "same":
            seeds.append((-m.score, a, b))
    figure_pairs: list[tuple[int, int]] = []
    by_figure: list[dict[int, float]] = [{} for _ in refs]
    for a, b in sorted(tuple(sorted((rank[a], rank[b]))) for a, b in figures):
        figure_pairs.append((a, b))
        by_figure[a][b] = by_figure[b][a] = LINK
        if adjacency[a].get(b, 0.0) < LINK:
            adjacency[a][b] = adjacency[b][a] = LINK
    groups: list[list[int]] = []
    member_of: dict[int, set[int]] = {}
    empty: set[int] = set()
    # Each paragraph's links while a fact grows, listed once: a paragraph joins many facts.
    growing = [[*adjacency[k].items(), *close[k].items()] for k in range(len(refs))]
    seeds.sort()  # (the strongest first, here and for the paragraphs left out below)
    for _, a, b in seeds:
        if member_of.get(a, empty) & member_of.get(b, empty):
            continue  # already reported together
        members = _grow(a, b, growing, adjacency)
        for k in members:
            member_of.setdefault(k, set()).add(len(groups))
        groups.append(members)
    growing = [list(linked.items()) for linked in by_figure]  # (a figure fact: its links alone)
    outlets = max(FIGURE_OUTLETS, index.n_articles / 2)
    reach = _reach(figure_pairs, refs)
    for a, b in sorted(figure_pairs):
        if member_of.get(a, empty) & member_of.get(b, empty):
            continue
        if reach[a] < outlets:
            continue  # the fact it would grow lies within too few articles: not grown at all
        members = _grow(a, b, growing, by_figure)
        if len({refs[k].article for k in members}) < outlets:
            continue
        for k in members:
            member_of.setdefault(k, set()).add(len(groups))
        groups.append(members)
    kept = _merge_overlapping(groups, adjacency)
    placed = {k for g in kept for k in g}
    for _, a, b in seeds:
        for k, partner in ((a, b), (b, a)):
            if k not in placed:  # a minority of every fact it seeded: with its best match
                kept.append([k, partner])
                placed.update((k, partner))  # (a partner left out too is not paired again)
    kept += [[k] for k in range(len(refs)) if k not in placed]
    # (back to places in the story: facts in story order of their first member)
    ordered = sorted((sorted(canon[k] for k in g) for g in kept), key=lambda g: g[0])
    refs = story_refs
    paragraphs = index.paragraphs
    # The paragraphs of facts of several members are read once, however many facts they are in.
    shared = {k for members in ordered if len(members) > 1 for k in members}
    phrases = {k: _phrases(paragraphs[k]) for k in shared}
    return [
        Fact(
            f"F{n + 1}",
            tuple(refs[k] for k in members),
            _label(index, [paragraphs[k] for k in members], [phrases[k] for k in members])
            if len(members) > 1
            else _label_one(index, paragraphs[members[0]]),
        )
        for n, members in enumerate(ordered)
    ]


def figure_links(index: StoryIndex, pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs (i, j) of `pairs` whose paragraphs state one specific figure in agreeing terms,
    in sentences that share another specific word: "his first visit in 24 years" and "his first
    trip in nearly 25 years", "the first visit in nearly a quarter-century".

    A figure is one fact however it is worded, where the words around it say what it counts; two
    outlets seldom give one figure with its unit in sentences about different things. Each
    figure must have a unit, be stated in no more paragraphs than the story has articles (as a
    fact is, about once per outlet), and the two must be the same value or hedged ranges that
    meet without an open end ("more than 31,000" and "more than a dozen" meet, and say nothing).
    """
    paragraphs = index.paragraphs
    weight, figure_weight = index.weight, index.figure_weight
    specific = math.log((len(paragraphs) + 1) / (index.n_articles + 0.5))
    context: dict[int, list[tuple[Quantity, frozenset[str]]]] = {}

    def figures_of(k: int) -> list[tuple[Quantity, frozenset[str]]]:
        found = context.get(k)
        if found is None:
            pf = paragraphs[k]
            kept = [
                q for q in pf.quantities
                if q.unit and figure_weight.get((q.value, q.unit, q.kind), 0.0) >= specific
                and q.high != math.inf
            ]
            found = context[k] = list(zip(kept, _sentence_words(pf, kept)))
        return found

    linked = []
    for i, j in pairs:
        if not (paragraphs[i].quantities and paragraphs[j].quantities):
            continue
        if any(
            qa.kind == qb.kind and qa.unit == qb.unit
            and (qa.value == qb.value or qa.compatible(qb))
            and any(weight.get(t, 0.0) >= FIGURE_WORD for t in (wa & wb) - {qa.unit})
            for qa, wa in figures_of(i)
            for qb, wb in figures_of(j)
        ):
            linked.append((i, j))
    return linked


def _sentence_words(pf: ParagraphFeatures, figures: list[Quantity]) -> list[frozenset[str]]:
    """For each of `figures`, the content words of the sentence of `pf` that states it, less the
    figure's own and other figures (two figures side by side are a table, not a context)."""
    if not figures:
        return []
    ends = sentence_ends(pf.text)
    """Where each sentence but the first starts: a word's sentence is the number of these at or
    before it."""
    by_sentence: dict[int, list[Token]] = {}
    for t in pf.tokens:
        if not t.term[0].isdigit():
            by_sentence.setdefault(bisect_right(ends, t.start), []).append(t)
    return [
        frozenset(
            t.term
            for t in by_sentence.get(bisect_right(ends, q.start), ())
            if not q.start <= t.start < q.end
        )
        for q in figures
    ]


def _reach(pairs: list[tuple[int, int]], refs: list[Ref]) -> dict[int, int]:
    """For each paragraph of `pairs`, the number of articles its component spans (the paragraphs
    it reaches through `pairs`).

    A fact grown from a pair lies within the pair's component (a paragraph joins a fact only
    through a link to one of its members), so it spans no more articles than that: on a large
    story, where a figure fact must span half of the articles, most are not worth growing.
    """
    parent: dict[int, int] = {}

    def root(k: int) -> int:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]  # (path halving: the trees stay shallow)
            k = parent[k]
        return k

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb
    articles: dict[int, set[str]] = {}
    for k in parent:
        articles.setdefault(root(k), set()).add(refs[k].article)
    return {k: len(articles[root(k)]) for k in parent}


_MEMBER = -(1 << 29)
"""A member's link count in `_grow`: below any count needed however many links it gains (and
small enough to stay a one-digit int, which adds fastest)."""


def _grow(
    a: int, b: int, growing: list[list[tuple[int, float]]], adjacency: list[dict[int, float]]
) -> list[int]:
    """The fact seeded by the match a~b: paragraphs added while they match most members by
    their `growing` links (each paragraph's matches, then its near pairs: a near pair counts as
    a match here), then `_prune`d by the shown matches (`adjacency`) alone."""
    members = [a, b]
    linked: dict[int, list] = {a: [_MEMBER, 0.0], b: [_MEMBER, 0.0]}
    """Each paragraph linked to members: [how many links, the sum of the links' scores] (one
    lookup for both); a member's count starts at `_MEMBER`, so it never matches most."""
    most: set[int] = set()
    """Those of `linked` that matched most members when last linked: the only ones that may
    match most now (the members only grow), so the others are not looked at."""

    get = linked.get
    nobody = len(adjacency)  # (no paragraph: any paragraph's index is below it)
    # Each member's links are taken as it joins: the loop reads `members` as it grows.
    for joined in members:
        need = min(len(members), PER_PARAGRAPH) // 2 + 1
        for other, score in growing[joined]:
            entry = get(other)
            if entry is None:  # (one link is never most: a fact has two members)
                linked[other] = [1, score]
            else:
                n = entry[0] = entry[0] + 1
                entry[1] += score
                if n >= need:
                    most.add(other)
        if joined == a:
            continue  # (the seed's two members are taken before the first choice)
        if not most:
            break
        possible = min(len(members), PER_PARAGRAPH)
        need = possible // 2 + 1
        # The best (average, -k) from `LINK` up of those that match more than half of the
        # members (fewer would be chaining); those that no longer do leave `most`.
        best, chosen = LINK, nobody
        fewer = []
        for k in most:
            n, sum_k = linked[k]
            if n < need:
                fewer.append(k)
                continue
            average = sum_k / possible
            if average > best or (average == best and k < chosen):
                best, chosen = average, k
        if fewer:
            most.difference_update(fewer)
        if chosen == nobody:
            break
        members.append(chosen)
        most.discard(chosen)
        linked[chosen][0] = _MEMBER
    return _prune(members, adjacency)


def _prune(members: list[int], adjacency: list[dict[int, float]]) -> list[int]:
    """The grown members less those that no longer match most of the others.

    A member joined when it matched most of the members of the moment; once a dense fact has
    grown around the seed, a seed paragraph that matches only its partner and one more is a
    minority of the fact, and is dropped (the weakest first, one at a time).
    """
    kept = list(members)
    inside = set(kept)
    # Each member's matches inside, kept up to date as members leave; the weakest is the one
    # with the fewest, then the lowest sum of scores (summed afresh, only where several tie).
    count = {k: len(inside.intersection(adjacency[k])) for k in kept}
    while len(kept) > 2:
        possible = min(len(kept) - 1, PER_PARAGRAPH)
        fewest = min(count.values())  # (`count` holds the kept members alone)
        if 2 * fewest > possible:
            break
        tied = [k for k in kept if count[k] == fewest]
        if len(tied) == 1:
            worst = tied[0]
        else:
            worst = min(
                tied, key=lambda k: (sum(v for o, v in adjacency[k].items() if o in inside), -k)
            )
        kept.remove(worst)
        inside.discard(worst)
        del count[worst]
        for o in adjacency[worst]:
            if o in inside:
                count[o] -= 1
    return kept


def _merge_overlapping(
    groups: list[list[int]], adjacency: list[dict[int, float]]
) -> list[list[int]]:
    """Groups that share most of their members are one fact seen from two seeds: merged.

    Largest first; a group whose members are mostly (`MERGE`) in a group already kept is merged
    into it (a group wholly inside another simply disappears). Its other members join only if
    they match most members of the kept group, as in `_grow`: a seed that pulled a dense fact in
    around a paragraph of its own does not carry that paragraph into the fact.
    """
    kept: list[list[int]] = []
    kept_sets: list[set[int]] = []
    holder: dict[int, set[int]] = {}
    for members in sorted(groups, key=len, reverse=True):
        counts: dict[int, int] = {}
        for ref in members:
            for k in holder.get(ref, ()):
                counts[k] = counts.get(k, 0) + 1
        target = max(counts, key=lambda k: (counts[k], -k), default=None)
        if target is not None and counts[target] >= MERGE * len(members):
            into = kept_sets[target]
            possible = min(len(into), PER_PARAGRAPH)
            for ref in members:
                if ref not in into and 2 * len(into.intersection(adjacency[ref])) > possible:
                    kept_sets[target].add(ref)
                    kept[target].append(ref)
                    holder.setdefault(ref, set()).add(target)
            continue
        for ref in members:
            holder.setdefault(ref, set()).add(len(kept))
        kept.append(list(members))
        kept_sets.append(set(members))
    return kept


_Phrases = tuple[dict[str, None], dict[tuple[str, str], None], list[tuple[str, str] | None]]
"""A paragraph's phrases as `_label` counts them (`_phrases`)."""


def _phrases(pf: ParagraphFeatures) -> _Phrases:
    """The distinct words of `pf` and its distinct phrases of two adjacent words (nothing but
    spaces between), each as the keys of a dict in order of first use; and for each token but
    the last the phrase it starts, or None (where a label is found in the text)."""
    tokens, text = pf.tokens, pf.text
    words = dict.fromkeys([t.term for t in tokens])
    starting = [
        (t.term, nxt.term) if not text[t.end : nxt.start].strip() else None
        for t, nxt in zip(tokens, tokens[1:])
    ]
    pairs = dict.fromkeys(starting)
    pairs.pop(None, None)
    return words, pairs, starting


def _label(index: StoryIndex, members: list[ParagraphFeatures], phrases: list[_Phrases]) -> str:
    """The most specific phrase (two adjacent words, else one) used by most of the fact's articles:
    the highest (articles using it × weight, length) among those at least half of its articles
    (two or more) use, `phrases` giving each member's.

    A phrase of one article alone would tell the reader that the others say it too; where no word
    is shared by enough articles (a fact joined by the scores of its pairs, not a word), the
    most specific phrase of any member stands in.

    Deterministic, and the same whatever order the articles come in: the members are read in
    the order of their articles' ids (the file names), and ties go to the phrase met first.
    """
    ranked = sorted(
        range(len(members)), key=lambda k: (members[k].ref.article, members[k].ref.paragraph)
    )
    members = [members[k] for k in ranked]
    phrases = [phrases[k] for k in ranked]
    # Counted in members' order, each member's phrases in order of first use: the dicts list
    # the phrases in order of first sight, and max() and index() keep the first of equals.
    word_articles: dict[str, set[str]] = {}
    pair_articles: dict[tuple[str, str], None] = {}
    for pf, (words, pairs, _) in zip(members, phrases):
        article = pf.ref.article
        for term in words:
            word_articles.setdefault(term, set()).add(article)
        pair_articles.update(pairs)
    if not word_articles:
        return members[0].text[:40]
    need = max(2, (len({pf.ref.article for pf in members}) + 1) // 2)
    if not any(len(articles) >= need for articles in word_articles.values()):
        need = 1
    w = index.weight.get
    word_scores = {
        term: len(articles) * w(term, 0.0)
        for term, articles in word_articles.items()
        if len(articles) >= need
    }
    pair_scores = {}
    for pair in pair_articles:
        # A phrase counts by the articles that use both its words (together or not): "large
        # crowd" in one and "a crowd … large" in another say one thing.
        n = len(word_articles[pair[0]] & word_articles[pair[1]])
        if n >= 2:
            pair_scores[pair] = n * (w(pair[0], 0.0) + w(pair[1], 0.0))
    best = max(word_scores.values())
    if pair_scores:
        best_pair = max(pair_scores.values())
        if best_pair >= best:  # (a longer phrase goes first among equals)
            pair = next(p for p, score in pair_scores.items() if score == best_pair)
            said = [
                (pf, _whole_compound(pf.text, pf.tokens[k].start, pf.tokens[k + 1].end))
                for pf, (_, pairs, starting) in zip(members, phrases)
                if pair in pairs
                for k in (starting.index(pair),)
            ]
            # As a sentence says it, where one does: not a headline's "Sign Partnership".
            pf, label = next((x for x in said if not _headline_styled(x[0].text)), said[0])
            return _sentence_case(label, pf, members)
    term = next(t for t, score in word_scores.items() if score == best)
    for pf in sorted(members, key=lambda m: _headline_styled(m.text)):
        if term in pf.terms:
            tok = next(t for t in pf.tokens if t.term == term)
            return _sentence_case(_whole_compound(pf.text, tok.start, tok.end), pf, members)
    raise AssertionError("a counted word is a member's")


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’]*")
"""A word of a label, as `_sentence_case` lower-cases it."""
_headline_styled = lru_cache(maxsize=1 << 12)(title_case)
"""Whether a paragraph is written as a headline (`roles.title_case`), read once per text."""


def _sentence_case(label: str, pf: ParagraphFeatures, members: list[ParagraphFeatures]) -> str:
    """`label` as found in `pf`; from a headline-styled paragraph, its words that the other
    members write in lower case (and never with a capital mid-sentence) lower-cased: "sign
    partnership", but "Cold War" and "Kim" as written."""
    if not _headline_styled(pf.text):
        return label
    lower: set[str] = set()
    named: set[str] = set()
    for other in members:
        if _headline_styled(other.text):
            continue
        for t in other.tokens:
            if t.capital:
                named.add(t.term)
            elif other.text[t.start].islower():
                lower.add(t.term)
    plain = lower - named
    return _TITLE_WORD.sub(
        lambda m: m[0].lower() if stem(m[0].casefold().replace("’", "'")) in plain else m[0], label
    )


def _label_one(index: StoryIndex, pf: ParagraphFeatures) -> str:
    """`_label` of a fact of one paragraph: its most specific phrase, the first of equals."""
    tokens, text = pf.tokens, pf.text
    if not tokens:
        return text[:40]
    w = index.weight.get
    best_key: tuple[float, int] = (w(tokens[0].term, 0.0), 1)
    start, end = tokens[0].start, tokens[0].end
    specific = best_key[0]
    for tok, nxt in zip(tokens, tokens[1:]):
        following = w(nxt.term, 0.0)
        if not text[tok.end : nxt.start].strip():
            pair = (specific + following, 2)
            if pair > best_key:
                best_key, start, end = pair, tok.start, nxt.end
        if (following, 1) > best_key:
            best_key, start, end = (following, 1), nxt.start, nxt.end
        specific = following
    return _whole_compound(text, start, end)


def _whole_compound(text: str, start: int, end: int) -> str:
    """`text[start:end]` widened over words joined to it by hyphens: "full-scale invasion", not
    "scale invasion"."""
    while start > 1 and text[start - 1] in HYPHENS and text[start - 2].isalnum():
        start -= 1
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    while end + 1 < len(text) and text[end] in HYPHENS and text[end + 1].isalnum():
        end += 1
        while end < len(text) and text[end].isalnum():
            end += 1
    return text[start:end]
