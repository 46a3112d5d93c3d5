"""Phrase evidence: the runs of words two paragraphs share, as difflib would find them."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

from tui.core.evidence import _runs


def _difflib_runs(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return [(m.a, m.b, m.size) for m in blocks if m.size >= 2]


def test_runs_of_two_words_or_more_are_those_difflib_finds() -> None:
    """The marked phrases are the same blocks difflib's matcher reports, in the same order,
    including repeated words, copies and sequences with nothing in common."""
    rng = random.Random(5)
    for n in range(3000):
        words = rng.choice(["ab", "abc", "abcdef", "abcdefghijklmnop"])
        a = [rng.choice(words) for _ in range(rng.randrange(0, 30))]
        b = list(a) if n % 7 == 0 else [rng.choice(words) for _ in range(rng.randrange(0, 30))]
        assert _runs(a, b) == _difflib_runs(a, b), (a, b)


def test_copies_of_a_paragraph_mark_the_same_evidence() -> None:
    """A paragraph that outlets carry verbatim (wire copy) is marked alike in every copy: the same
    spans against the same partner text, wherever the copy sits."""
    from benchmarks.bigstory import generate
    from tui.core import align_story

    alignment = align_story(generate(40), related=0.2)  # every pair from 0.2 up: many copies
    text = {(a.id, p.n): p.text for a in alignment.story.articles for p in a.paragraphs}
    seen: dict[tuple[str, str], tuple] = {}
    compared = 0
    for m in alignment.matches:
        key = (text[(m.a.article, m.a.paragraph)], text[(m.b.article, m.b.paragraph)])
        spans = tuple((s.kind, s.a_start, s.a_end, s.b_start, s.b_end) for s in m.evidence)
        if key in seen:
            compared += 1
            assert spans == seen[key]
        seen[key] = spans
    assert compared > 50


def test_figures_that_agree_through_a_hedge_are_marked() -> None:
    """"nearly 25 years" and "24 years" are one figure and are marked in both; figures whose
    ranges meet only because both are open ("more than a dozen", "more than 31,000") are not."""
    from tests.core.storybuild import make_story
    from tui.core.evidence import spans
    from tui.core.features import index_story

    story = make_story(
        ["His first trip in nearly 25 years. More than a dozen people were hurt."],
        ["His first visit in 24 years. More than 31,000 people were hurt."],
    )
    index = index_story(story)
    a, b = index.paragraphs
    numbers = [(s.text, b.text[s.b_start:s.b_end]) for s in spans(index, a, b) if s.kind == "number"]
    assert numbers == [("nearly 25 years", "24 years")]
