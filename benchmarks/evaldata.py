"""Reading the evaluation data (seeds gold, ECB+ stories) for `quality.py` and `fit.py`.

Paragraph refs are `(article_id, n)`, with `n` as the loader numbers paragraphs (the N-th
non-empty line). ECB+ gold counts lines after the title line, so its `#N` is paragraph N+1 here;
the title line (paragraph 0) is left out of ECB+ scoring, as the gold leaves it out.

The ECB+ topics are split once, by topic, into dev (fitting and thresholds) and held-out
(checked only with constants already fixed). Never fit on HELD_OUT.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tui.core import Story, load_story

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT / "tests" / "data"
SEEDS = ROOT / "seeds"

HELD_OUT_TOPICS = ("t36", "t42", "t44", "t45")
"""ECB+ topics kept out of every fit and threshold choice (both their ecb and ecbplus stories)."""

Ref = tuple[str, int]
Pair = frozenset[Ref]


def _ref(text: str, shift: int = 0) -> Ref:
    name, _, n = text.rpartition("#")
    return (Path(name).stem, int(n) + shift)


@dataclass
class SeedsGold:
    """The hand-made gold of the seeds."""

    pairs: dict[Pair, str]
    """Every labelled pair and its grade (`same` or `related`)."""
    excluded: set[Ref]
    """Boilerplate and subheadings: in no pair."""
    facts: list[dict]
    conflicts: list[dict]
    raw: dict


def read_seeds_gold(eval_dir: Path) -> SeedsGold:
    """The seeds gold from `eval_dir/seeds-gold.json`."""
    raw = json.loads((eval_dir / "seeds-gold.json").read_text(encoding="utf-8"))
    pairs = {frozenset((_ref(p["a"]), _ref(p["b"]))): p["grade"] for p in raw["pairs"]}
    excluded = {
        (Path(name).stem, n)
        for name, info in raw["files"].items()
        for n in [*info["boilerplate"], *info["subheads"]]
    }
    return SeedsGold(pairs, excluded, raw["facts"], raw["conflicts"], raw)


_CONFLICT_REF = re.compile(r"\b(\d{3})#(\d+)")


def conflict_refs(what: str, stems: list[str]) -> set[Ref]:
    """The paragraphs a gold conflict's free text names (`003#12` → the file starting with 003)."""
    by_prefix = {stem[:3]: stem for stem in stems}
    return {
        (by_prefix[m.group(1)], int(m.group(2)))
        for m in _CONFLICT_REF.finditer(what)
        if m.group(1) in by_prefix
    }


@dataclass
class EcbStory:
    """One ECB+ story folder with its gold pairs (refs already shifted to paragraph numbers)."""

    name: str
    topic: str
    path: Path
    pairs: set[Pair]
    scope: set[Ref]
    """The sentences the annotators covered fully (the gold is complete only among them)."""

    @property
    def held_out(self) -> bool:
        return self.topic in HELD_OUT_TOPICS

    def story(self) -> Story:
        return load_story([self.path])


def ecb_stories(eval_dir: Path) -> Iterator[EcbStory]:
    """Every ECB+ story under `eval_dir/ecbplus` or `eval_dir/clusters/ecbplus`."""
    base = eval_dir / "ecbplus"
    if not base.is_dir():
        base = eval_dir / "clusters" / "ecbplus"
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        pairs = {frozenset((_ref(p["a"], 1), _ref(p["b"], 1))) for p in gold["pairs"]}
        scope = {
            (Path(name).stem, n + 1) for name, ns in gold.get("scope", {}).items() for n in ns
        }
        yield EcbStory(folder.name, folder.name.split("-")[0], folder, pairs, scope)


def ecb_candidates(story: Story) -> list[tuple[Ref, Ref]]:
    """Every cross-article pair of ECB+ sentences the gold can speak about (title line left out)."""
    items = [(a.id, p.n) for a in story.articles for p in a.paragraphs if p.n > 0]
    return [
        (x, y) for i, x in enumerate(items) for y in items[i + 1 :] if x[0] != y[0]
    ]


def prf(predicted: set[Pair], gold: set[Pair]) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
