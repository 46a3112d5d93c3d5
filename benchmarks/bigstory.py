"""Generate large stories from real paragraphs, for the alignment benchmarks.

A generated article takes about `PARAGRAPHS` paragraphs: most from one real article (the seeds
and the ECB+ stories in `tests/data`), in order, the rest from other articles of the same real
story, as outlets do when they rewrite wire copy. Every paragraph is then perturbed a little
(a word dropped, two words swapped, a figure changed), so no two copies are identical. The same
seed gives the same story.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from tui.core import load_story
from tui.core.model import Article, Paragraph, Story

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = 30


def real_stories() -> list[list[Article]]:
    """The seeds and every ECB+ story, each a list of articles."""
    folders = [ROOT / "seeds", *sorted(p for p in (ROOT / "tests/data/ecbplus").iterdir() if p.is_dir())]
    return [list(load_story([f]).articles) for f in folders]


def _perturb(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    roll = rng.random()
    if len(words) > 6 and roll < 0.3:
        del words[rng.randrange(len(words))]
    elif len(words) > 6 and roll < 0.6:
        k = rng.randrange(len(words) - 1)
        words[k], words[k + 1] = words[k + 1], words[k]
    elif roll < 0.7:
        return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 3)), text, count=1)
    return " ".join(words)


def generate(n_articles: int, seed: int = 7) -> Story:
    """A story of `n_articles` articles made of perturbed real paragraphs."""
    rng = random.Random(seed)
    stories = [s for s in real_stories() if len(s) >= 2]
    articles = []
    for k in range(n_articles):
        story = stories[k % len(stories)] if k < len(stories) else rng.choice(stories)
        base = rng.choice(story)
        texts = [p.text for p in base.paragraphs]
        while len(texts) < PARAGRAPHS:
            other = rng.choice(story)
            texts.insert(rng.randrange(len(texts) + 1), rng.choice(other.paragraphs).text)
        texts = texts[:PARAGRAPHS] if len(texts) > PARAGRAPHS * 1.5 else texts
        paragraphs = tuple(
            Paragraph(n, _perturb(t, rng) if n else t, "headline" if n == 0 else "body")
            for n, t in enumerate(texts)
        )
        articles.append(
            Article(f"g{k:04d}", f"g{k:04d}.txt", f"Outlet {k}", "generated", texts[0], paragraphs)
        )
    return Story(tuple(articles))
