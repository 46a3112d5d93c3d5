"""Paragraphs of different articles that report the same fact, grouped into facts, with conflicts.

The pipeline, each step in its own module:

1. `features.index_story`: content words (flat, light-stemmed, stopwords out), sentences, quotes,
   figures and names of every aligned paragraph, and the story-level weight of every word (a word
   in most articles weighs almost nothing).
2. `candidates.candidate_pairs`: pairs that share specific words, found through an inverted index,
   a bounded number per paragraph (never all pairs).
3. `score.pair_features` + `score.combine`: measured signals combined by a logistic model fitted
   offline (`benchmarks/fit.py` → `weights.py`); `SAME` and `RELATED` grade the score.
4. `evidence.spans`: the shared quote, figure, name or phrase, located in both paragraphs.
5. `facts.group_facts`: matches grouped without chaining, and pairs that state one figure in
   one context (`facts.figure_links`) grouped where most outlets state it; two members of one
   fact that were scored below the shown threshold are shown as `related` all the same (each
   matches most of the fact's other members), and so are pairs under it that tell one event as
   still to come and as done (`conflicts.tense_links`); `conflicts.find_conflicts` inside facts.

Fuzzy-matching decisions: thefuzz's processors default to `force_ascii=True` (which deletes
U+0080–U+00FF) and round to integers, so we normalise ourselves (`features.flatten`) and call
rapidfuzz directly with no processor.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable

from tui.core.candidates import candidate_pairs
from tui.core.conflicts import find_conflicts, tense_links
from tui.core.evidence import spans
from tui.core.facts import figure_links, group_facts
from tui.core.features import LEDE, ParagraphFeatures, StoryIndex, index_story
from tui.core.model import Alignment, Fact, Match, Ref, Span, Story
from tui.core.score import combine2, logit, pair_features, rank_features, sentence_signals
from tui.core.weights import RELATED, RELATED_SLOPE, RELATED_TOP, SAME

ENGINE_VERSION = "12"
"""Changes whenever the matcher's output for a story may change (cache keys use it)."""

Progress = Callable[[str, float], None]
"""`progress(step, share)`: the step starting and the share of the work done (0–1)."""


def _without_cycle_collection(function: Callable) -> Callable:
    """Run `function` with Python's cyclic garbage collector paused.

    The matcher builds hundreds of thousands of small objects that all stay alive (tokens, sets,
    matches, spans) and makes no reference cycles; each full collection walks all of them, which
    costs a fifth of the time on a large story and frees nothing. Reference counting still frees
    everything as usual; the collector is resumed (if it was on) when the function returns.
    """

    @functools.wraps(function)
    def paused(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


@_without_cycle_collection
def align_story(
    story: Story,
    progress: Progress | None = None,
    *,
    same: float | None = None,
    related: float | None = None,
    evidence: bool = True,
) -> Alignment:
    """Align every aligned paragraph of `story` with the other articles' paragraphs.

    Args:
        story: the loaded story.
        progress: optional `progress(step, share)`; called once per step, cheap.
        same: score from which a match is graded `same` (default: the fitted `weights.SAME`).
        related: score from which a pair is shown at all (default: `shown_threshold`, from the
            fitted `weights.RELATED` up, by the story).
        evidence: False leaves the spans out of the matches; `Alignment.evidence_of` finds them
            when asked (the reader shows a paragraph's matches a few at a time).

    Returns:
        The matches (each pair once, `a` before `b` in story order), facts and conflicts.
    """
    report = progress or (lambda step, share: None)
    same_at = SAME if same is None else same
    fixed_shown = None if related is None else min(related, same_at)
    report("index", 0.0)
    index = index_story(story)
    report("candidates", 0.2)
    pairs = candidate_pairs(index)
    report("score", 0.4)
    paragraphs = index.paragraphs
    ordered = sorted((i, j) for i, j, _ in pairs)
    logits = _logits(index, ordered)
    article = [pf.ref.article for pf in paragraphs]
    sentences = sentence_signals(index, ordered, logits)
    second = rank_features(ordered, logits, article, index.n_articles, sentences)
    scores = list(map(combine2, second))
    shown_at = fixed_shown
    if shown_at is None:
        shown_at = shown_threshold(ordered, scores, len(paragraphs), same_at)
    found_spans: dict[tuple[str, str], tuple[Span, ...]] = {}
    """Spans by the texts of both paragraphs: copies of one pair of paragraphs share them."""

    def match(k: int, grade: str) -> Match:
        i, j = ordered[k]
        a, b = paragraphs[i], paragraphs[j]
        found: tuple[Span, ...] | None = ()
        if evidence:
            found = found_spans.get((a.text, b.text))
            if found is None:
                found = found_spans[(a.text, b.text)] = spans(index, a, b)
        return Match(a.ref, b.ref, round(scores[k], 3), grade, found)

    shown = [k for k, score in enumerate(scores) if score >= shown_at]
    matches = [match(k, "same" if scores[k] >= same_at else "related") for k in shown]
    report("facts", 0.8)
    near = [(i, j, score) for (i, j), score in zip(ordered, scores) if score < shown_at]
    facts = group_facts(story, index, matches, near, figure_links(index, ordered))
    extra = _fact_members_under(ordered, scores, shown_at, facts, paragraphs)
    others = set(extra)
    under = [k for k, score in enumerate(scores) if score < shown_at and k not in others]
    words: dict = {}  # (the texts read for conflicts, by text: each read once)
    extra += [under[n] for n in tense_links(index, [ordered[k] for k in under], words)]
    if extra:
        # `ordered` is in story order, so the pairs' indices sort the matches as the story reads.
        by_pair = dict(zip(shown, matches))
        by_pair.update((k, match(k, "related")) for k in extra)
        matches = [by_pair[k] for k in sorted(by_pair)]
    conflicts = find_conflicts(index, facts, matches, words)
    report("done", 1.0)
    weights = None if evidence else index.weight
    return Alignment(story, tuple(matches), tuple(facts), tuple(conflicts), weights)


def _logits(index: StoryIndex, ordered: list[tuple[int, int]]) -> list[float]:
    """The first-stage logit of every pair, computed once for the copies of a pair: a pair's
    signals read only its two texts and whether each paragraph is a top one (`LEDE`), and they
    are the same either way round (so is a copy of the pair in the other order)."""
    paragraphs = index.paragraphs
    if len({pf.text for pf in paragraphs}) == len(paragraphs):  # no copies: each pair its own
        return [logit(pair_features(index, paragraphs[i], paragraphs[j])) for i, j in ordered]
    out = []
    found: dict[tuple[str, bool, str, bool], float] = {}
    for i, j in ordered:
        a, b = paragraphs[i], paragraphs[j]
        key = (a.text, a.position < LEDE, b.text, b.position < LEDE)
        if key[2:] < key[:2]:
            key = key[2:] + key[:2]
        z = found.get(key)
        if z is None:
            z = found[key] = logit(pair_features(index, a, b))
        out.append(z)
    return out


def shown_threshold(
    ordered: list[tuple[int, int]], scores: list[float], n_paragraphs: int, same_at: float
) -> float:
    """The score from which a pair is shown, for this story: `RELATED` where most paragraphs have
    a `same` match, higher (up to `same_at`) where few have one.

    A pair scored under `same_at` is a guess whose odds depend on the story: where most paragraphs
    are reported by another outlet in close words, a weaker pair is likely one more telling of a
    fact; where few are (many articles about different events of one story, which share its names),
    it is likelier the same names in another event. The share of aligned paragraphs that have a
    `same` match measures this; the line `RELATED_TOP - RELATED_SLOPE × share` is fitted offline
    (`benchmarks/fit.py`) and kept between `RELATED` and `same_at`.
    """
    if not n_paragraphs:
        return min(RELATED, same_at)
    strong: set[int] = set()
    for (i, j), score in zip(ordered, scores):
        if score >= same_at:
            strong.add(i)
            strong.add(j)
    share = len(strong) / n_paragraphs
    return max(min(RELATED, same_at), min(same_at, RELATED_TOP - RELATED_SLOPE * share))


def _fact_members_under(
    ordered: list[tuple[int, int]],
    scores: list[float],
    shown_at: float,
    facts: list[Fact],
    paragraphs: list[ParagraphFeatures],
) -> list[int]:
    """The scored pairs below `shown_at` whose two paragraphs are members of one fact, shown as
    `related` all the same: each matches most of the fact's other members, so the outlets agree
    that they report one thing even where the two share too few words to say so themselves."""
    fact_of: dict[Ref, set[int]] = {}
    for n, fact in enumerate(facts):
        if not fact.unique:
            for ref in fact.members:
                fact_of.setdefault(ref, set()).add(n)
    if not fact_of:
        return []
    empty: set[int] = set()
    of = [fact_of.get(pf.ref, empty) for pf in paragraphs]
    return [
        k
        for k, ((i, j), score) in enumerate(zip(ordered, scores))
        if score < shown_at and of[i] and of[j] and of[i] & of[j]
    ]
