"""Paragraphs of different articles that report the same fact.

A first matcher: words weighted by how specific they are to the story (a word in every
article proves nothing), scored as the weighted share of the smaller paragraph's words
that the other paragraph has too.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from tui.core.model import Alignment, Match, Ref, Story

SAME = 0.45
RELATED = 0.30

_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if len(w) > 2}


def align_story(story: Story) -> Alignment:
    """Align every aligned paragraph of `story` with the other articles' paragraphs."""
    items = [(Ref(a.id, p.n), _words(p.text)) for a in story.articles for p in a.body()]
    df: Counter[str] = Counter()
    for article in story.articles:
        df.update(set().union(*(_words(p.text) for p in article.body())))
    n_articles = max(len(story.articles), 1)
    weight = {w: math.log((n_articles + 1) / c) for w, c in df.items()}
    matches: list[Match] = []
    for i, (ref_a, words_a) in enumerate(items):
        for ref_b, words_b in items[i + 1 :]:
            if ref_a.article == ref_b.article:
                continue
            shared = sum(weight[w] for w in words_a & words_b)
            smaller = min(sum(weight[w] for w in words_a), sum(weight[w] for w in words_b)) or 1.0
            score = shared / smaller
            if score >= RELATED:
                grade = "same" if score >= SAME else "related"
                matches.append(Match(ref_a, ref_b, round(min(score, 1.0), 3), grade))
    return Alignment(story, tuple(matches))
