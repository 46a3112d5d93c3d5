"""How alike two paragraphs are: a handful of measured signals combined by fitted weights.

Every signal is story-aware: word overlap is weighted by `features.StoryIndex.weight`, so the
names every outlet repeats add almost nothing. The signals (`FEATURES`, in this order):

- `cos`: cosine of the weighted word sets of the two paragraphs;
- `cover`: the shared weight as a share of the lighter paragraph (a short paragraph wholly
  contained in a long one);
- `sent`: the best cosine between one sentence of each (a long paragraph can carry several facts);
- `quote`: how well a quoted passage of one is found in the other (`partial_ratio`), which
  catches partial quotes and different translations of one statement;
- `number`: the most specific figure both state in agreeing terms: the same value and unit, or
  hedged ranges of one unit that meet (`agreeing_numbers`);
- `name`: shared capitalised words (names) weighted by specificity;
- `phrase`: shared two-word phrases weighted by specificity;
- `mass`: the shared weight itself, saturating (a long specific overlap is strong evidence);
- `lede`: both paragraphs among the top `features.LEDE` of their articles (where outlets state the
  story's main fact, often in words that share little), scaled by their shared weight so two
  top paragraphs that share nothing specific stay apart;
- `short` and `sentences`: the size of the smaller paragraph (content words, log-scaled; and
  sentences). They set the model's prior: two one-sentence items sharing a few words are less
  often the same fact than two paragraphs sharing as much, because a paragraph carries several
  facts and a sentence one.

Measured and dropped: rapidfuzz `token_set_ratio` of the flat texts (no gain on the seeds, −0.01
F1 on ECB+ dev, a fifth of the scoring time).

`combine` is a logistic model whose weights `fit.py` fits offline (`weights.py`).

A second stage (`rank_features`, `RANK_FEATURES`) looks at each pair in its neighbourhood: is `b`
the paragraph of its article that best matches `a` (and the other way round)? how close is the
pair to that best? and how central are both paragraphs to the story (their average best match
in the other articles)? An outlet reports a fact once, usually in one paragraph, so the best
partner in an article is much likelier the same fact than the runner-up; and paragraphs that
every outlet echoes carry the story's main facts. A second logistic model combines the
first-stage logit with these (`STAGE2`).
"""

from __future__ import annotations

import math
from operator import mul

from rapidfuzz import fuzz

from tui.core.features import LEDE, ParagraphFeatures, StoryIndex
from tui.core.weights import BIAS, STAGE2, WEIGHTS

RANK_FEATURES = ("logit", "best_a", "best_b", "near_a", "near_b", "central", "mutual")
FEATURES = (
    "cos", "cover", "sent", "quote", "number", "name", "phrase", "mass", "lede", "short", "sentences"
)
QUOTE_SHARE = 0.3
"""Share of a quote's content words the other paragraph must use before the quote is sought there."""


def _sentence_cos(index: StoryIndex, a: ParagraphFeatures, b: ParagraphFeatures) -> float:
    if len(a.sentences) < 2 and len(b.sentences) < 2:
        return -1.0
    w2 = index.weight2
    best = 0.0
    norms_b = b.sentence_norms
    for sa, na in zip(a.sentences, a.sentence_norms):
        if not na:
            continue
        for sb, nb in zip(b.sentences, norms_b):
            if nb:
                shared = sa & sb
                if shared:
                    best = max(best, sum(map(w2.__getitem__, shared)) / (na * nb))
    return best


def quote_score(a: ParagraphFeatures, b: ParagraphFeatures) -> float:
    """Best partial_ratio (0–1) of a quoted passage of one paragraph inside the other."""
    if not a.quotes and not b.quotes:
        return 0.0
    best = 0.0
    for x, y in ((a, b), (b, a)):
        for (start, end), terms in zip(x.quotes, x.quote_terms):
            if len(terms & y.terms) < QUOTE_SHARE * len(terms):
                continue  # too few of its words in the other paragraph to be found there
            quote = x.flat[start:end].strip()
            if len(quote) >= 12:
                # below 50 the signal is 0 anyway: the cutoff lets rapidfuzz stop early
                best = max(best, fuzz.partial_ratio(quote, y.flat, score_cutoff=50) / 100)
    return best


def shared_numbers(a: ParagraphFeatures, b: ParagraphFeatures) -> list[tuple[int, int]]:
    """Index pairs of figures stated in both with the same value and unit."""
    out = []
    for i, qa in enumerate(a.quantities):
        for j, qb in enumerate(b.quantities):
            if qa.value == qb.value and qa.unit == qb.unit and qa.kind == qb.kind:
                out.append((i, j))
    return out


def agreeing_numbers(index: StoryIndex, a: ParagraphFeatures, b: ParagraphFeatures) -> float:
    """The specificity of the most specific figure of `a` that agrees with one of `b`: the same
    value, or (with a unit) hedged ranges that meet ("nearly 25 years" and "24 years"; "a
    quarter-century" and "25 years"). A figure's specificity is
    `features.StoryIndex.figure_weight` (the lower of the two when they differ)."""
    best = 0.0
    fw = index.figure_weight
    for qa in a.quantities:
        for qb in b.quantities:
            if qa.kind == qb.kind and qa.unit == qb.unit and (
                qa.value == qb.value or (qa.unit and qa.compatible(qb))
            ):
                weight = min(
                    fw.get((qa.value, qa.unit, qa.kind), 0.0),
                    fw.get((qb.value, qb.unit, qb.kind), 0.0),
                )
                best = max(best, weight)
    return best


def pair_features(index: StoryIndex, a: ParagraphFeatures, b: ParagraphFeatures) -> list[float]:
    """The signals of `FEATURES` for one pair, each roughly in 0–1."""
    w = index.weight
    shared = a.terms & b.terms
    dot = sum(map(index.weight2.__getitem__, shared))
    mass = sum(map(w.__getitem__, shared))
    cos = dot / (a.norm * b.norm) if a.norm and b.norm else 0.0
    cover = mass / min(a.mass, b.mass) if min(a.mass, b.mass) else 0.0
    sent = _sentence_cos(index, a, b)
    if sent < 0:
        sent = cos
    quote = max(0.0, quote_score(a, b) - 0.5) * 2
    numbers = min(1.0, agreeing_numbers(index, a, b) / 3.0)
    names = min(1.0, sum(map(w.__getitem__, a.names & b.names)) / 3.0)
    phrases = min(1.0, sum(min(w[x], w[y]) for x, y in a.bigrams & b.bigrams) / 2.0)
    lede = min(1.0, mass / 2) if a.position < LEDE and b.position < LEDE else 0.0
    short = min(1.0, math.log1p(min(len(a.terms), len(b.terms))) / 4)
    sentences = min(1.0, min(len(a.sentences), len(b.sentences)) / 4)
    return [
        cos, cover, sent, quote, numbers, names, phrases, min(1.0, mass / 8.0), lede, short, sentences
    ]


def combine(features: list[float]) -> float:
    """The fitted logistic model: a score in 0–1 with the same meaning everywhere."""
    z = BIAS + sum(map(mul, WEIGHTS, features))
    return 1.0 / (1.0 + math.exp(-z))


def logit(features: list[float]) -> float:
    """The first-stage linear score (before the logistic squashing)."""
    return BIAS + sum(map(mul, WEIGHTS, features))


def rank_features(
    pairs: list[tuple[int, int]], logits: list[float], article: list[str], n_articles: int
) -> list[list[float]]:
    """Second-stage signals of every pair, from the first-stage logits of all pairs."""
    best: dict[tuple[int, str], float] = {}
    for (i, j), z in zip(pairs, logits):
        for x, other in ((i, article[j]), (j, article[i])):
            key = (x, other)
            if z > best.get(key, -1e9):
                best[key] = z
    per_paragraph: dict[int, float] = {}
    for (x, _), z in best.items():
        per_paragraph[x] = per_paragraph.get(x, 0.0) + _squash(z)
    others = max(n_articles - 1, 1)
    out = []
    for (i, j), z in zip(pairs, logits):
        bi, bj = best[(i, article[j])], best[(j, article[i])]
        central = (per_paragraph[i] / others) * (per_paragraph[j] / others)
        mutual = float(z >= bi and z >= bj)
        out.append([z, float(z >= bi), float(z >= bj), z - bi, z - bj, central, mutual])
    return out


def _squash(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def combine2(features: list[float]) -> float:
    """The second-stage model: the final score in 0–1."""
    bias, *weights = STAGE2
    return _squash(bias + sum(map(mul, weights, features)))
