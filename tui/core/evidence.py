"""The evidence of a match: what the two paragraphs share, located in both so the UI can mark it.

Kinds, strongest first: `quote` (a quoted passage of one found in the other, allowing different
wording), `number` (a figure with the same value and unit), `phrase` (a run of two or more
specific words in the same order), `name` (a specific capitalised word) and `word` (any other
content word that is specific to a few paragraphs of the story, `WORD_SPECIFIC`, at its first
place in each). Words that most articles of the story use are never evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from typing import NamedTuple

from rapidfuzz import fuzz

from tui.core.features import ParagraphFeatures, StoryIndex, Token, paragraph_features
from tui.core.model import Ref, Span
from tui.core.score import QUOTE_SHARE, shared_numbers

MAX_SPANS = 6
QUOTE_MIN = 75.0
"""partial_ratio from which a quote counts as found in the other paragraph."""
SPECIFIC = 0.5
"""Minimum story weight of a word that can be evidence (in a phrase, or as a name)."""
WORD_SPECIFIC = 1.0
"""Minimum story weight of a lone shared word to be evidence: used by a few paragraphs only."""


def spans(index: StoryIndex, a: ParagraphFeatures, b: ParagraphFeatures) -> tuple[Span, ...]:
    """The shared quote, figures, phrases and names of `a` and `b`, with offsets in both."""
    found: list[Span] = []
    found += _quotes(a, b)
    for i, j in shared_numbers(a, b):
        qa, qb = a.quantities[i], b.quantities[j]
        found.append(Span("number", a.text[qa.start : qa.end], qa.start, qa.end, qb.start, qb.end))
    found += _phrases(index, a, b)
    found += _names(index, a, b, found)
    return tuple(_disjoint(chain(found, _words(index, a, b)))[:MAX_SPANS])


class _Weights(NamedTuple):
    """What `spans` reads of the story index: its word weights."""

    weight: dict[str, float]


def text_spans(
    weight: dict[str, float], a: str, b: str, made: dict[str, ParagraphFeatures]
) -> tuple[Span, ...]:
    """`spans` of two paragraph texts from the story's word weights alone (`made`: features
    already computed, by text, filled as it goes)."""
    for text in (a, b):
        if text not in made:
            made[text] = paragraph_features(Ref("", 0), text)
    return spans(_Weights(weight), made[a], made[b])  # type: ignore[arg-type]


def _quotes(a: ParagraphFeatures, b: ParagraphFeatures) -> list[Span]:
    out: list[Span] = []
    for x, y, flip in ((a, b, False), (b, a, True)):
        for (start, end), terms in zip(x.quotes, x.quote_terms):
            quote = x.flat[start:end]
            if len(quote.strip()) < 12 or len(terms & y.terms) < QUOTE_SHARE * len(terms):
                continue
            hit = fuzz.partial_ratio_alignment(quote, y.flat, score_cutoff=QUOTE_MIN)
            if hit is None or hit.score < QUOTE_MIN:
                continue
            ys, ye = _whole_words(y.text, hit.dest_start, hit.dest_end)
            if ye <= ys:
                continue
            span = Span("quote", x.text[start:end], start, end, ys, ye)
            if flip:
                span = Span("quote", y.text[ys:ye], ys, ye, start, end)
            out.append(span)
    return out


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A fuzzy alignment's span moved to word boundaries: a word cut at the start is left out
    ("fo[r mutual aid" → "[mutual aid"), a word cut at the end is taken whole, and spaces at
    either end are trimmed."""
    n = len(text)
    if 0 < start < n and text[start - 1].isalnum() and text[start].isalnum():
        while start < n and text[start].isalnum():
            start += 1
    while start < n and text[start].isspace():
        start += 1
    if 0 < end < n and text[end - 1].isalnum() and text[end].isalnum():
        while end < n and text[end].isalnum():
            end += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _phrases(index: StoryIndex, a: ParagraphFeatures, b: ParagraphFeatures) -> list[Span]:
    if not a.bigrams & b.bigrams:
        return []  # no two words in a row in both: no run of two or more
    ta, tb = [t.term for t in a.tokens], [t.term for t in b.tokens]
    weight = index.weight.get
    out: list[Span] = []
    for block_a, block_b, size in _runs(ta, tb):
        terms = ta[block_a : block_a + size]
        if sum(weight(t, 0.0) for t in terms) < 2 * SPECIFIC:
            continue
        x0, x1 = a.tokens[block_a], a.tokens[block_a + size - 1]
        y0, y1 = b.tokens[block_b], b.tokens[block_b + size - 1]
        out.append(Span("phrase", a.text[x0.start : x1.end], x0.start, x1.end, y0.start, y1.end))
    out.sort(key=lambda s: -(s.a_end - s.a_start))
    return out


def _runs(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """The matching blocks of two words or more of `difflib.SequenceMatcher(None, a, b,
    autojunk=False)`, in the same order: the longest common run (earliest in `a`, then in `b`),
    then the same on each side of it.

    The same result, minus the work on single words: a window whose longest run is one word
    holds no longer run, so it is not split further (difflib spends most of its time there). The
    run ending at each (i, j) is measured once; inside a window it is that run cut at the window's
    start. With no junk, difflib's extension of a run and its merging of adjacent runs never apply.
    """
    if a == b:
        return [(0, 0, len(a))] if len(a) >= 2 else []  # a copy: one run, nothing beside it
    b2j: dict[str, list[int]] = {}
    for j, term in enumerate(b):
        b2j.setdefault(term, []).append(j)
    ends = []
    """(i, j, run) for every a[i] == b[j] that ends a run of two or more, in (i, j) order."""
    previous: dict[int, int] = {}
    for i, term in enumerate(a):
        current: dict[int, int] = {}
        for j in b2j.get(term, ()):
            k = current[j] = previous.get(j - 1, 0) + 1
            if k >= 2:
                ends.append((i, j, k))
        previous = current
    found = []
    queue = [(0, len(a), 0, len(b))]
    while ends and queue:
        alo, ahi, blo, bhi = queue.pop()
        besti = bestj = bestsize = 0
        for i, j, k in ends:
            if i >= ahi:
                break
            if i < alo or j < blo or j >= bhi:
                continue
            k = min(k, i - alo + 1, j - blo + 1)
            if k > bestsize:
                besti, bestj, bestsize = i - k + 1, j - k + 1, k
        if bestsize >= 2:
            found.append((besti, bestj, bestsize))
            if alo < besti and blo < bestj:
                queue.append((alo, besti, blo, bestj))
            if besti + bestsize < ahi and bestj + bestsize < bhi:
                queue.append((besti + bestsize, ahi, bestj + bestsize, bhi))
    found.sort()
    return found


def _names(index: StoryIndex, a: ParagraphFeatures, b: ParagraphFeatures, taken: list[Span]) -> list[Span]:
    weight = index.weight.get
    shared = {t for t in a.names & b.names if weight(t, 0.0) >= SPECIFIC}
    if not shared:
        return []
    out: list[Span] = []
    first_b = {}
    for t in b.tokens:
        if t.capital and t.term in shared:
            first_b.setdefault(t.term, t)
    for t in a.tokens:
        other = first_b.pop(t.term, None) if t.capital else None
        if other is not None:
            out.append(Span("name", a.text[t.start : t.end], t.start, t.end, other.start, other.end))
    return out


def _words(index: StoryIndex, a: ParagraphFeatures, b: ParagraphFeatures) -> Iterator[Span]:
    """Specific content words both use, most specific first, at their first place in each
    (made one at a time: the panel shows a few)."""
    w = index.weight
    shared = [t for t in a.terms & b.terms if w[t] >= WORD_SPECIFIC]
    if not shared:
        return
    first_a, first_b = _first_places(a, shared), _first_places(b, shared)
    shared.sort(key=lambda t: (-w[t], first_a[t].start))
    for t in shared:
        x, y = first_a[t], first_b[t]
        yield Span("word", a.text[x.start : x.end], x.start, x.end, y.start, y.end)


def _first_places(pf: ParagraphFeatures, terms: list[str]) -> dict[str, Token]:
    """The first token of each of `terms` in `pf` (all of them are there)."""
    wanted = set(terms)
    found: dict[str, Token] = {}
    for t in pf.tokens:
        if t.term in wanted and t.term not in found:
            found[t.term] = t
            if len(found) == len(wanted):
                break
    return found


def _disjoint(found: Iterable[Span]) -> list[Span]:
    """Drop spans that overlap a stronger one already kept (in either paragraph)."""
    kept: list[Span] = []
    for span in found:
        if all(
            (span.a_end <= k.a_start or span.a_start >= k.a_end)
            and (span.b_end <= k.b_start or span.b_start >= k.b_end)
            for k in kept
        ):
            kept.append(span)
            if len(kept) == MAX_SPANS:
                break  # the rest would be cut anyway
    return kept
