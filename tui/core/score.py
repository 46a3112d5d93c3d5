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

`number` gets a weight near zero (+0.06; −0.13 while the second figure of a score, "a 15-2 run",
was read as a count) because agreeing figures are weak evidence in the ECB+
dev stories: of their candidate pairs whose most specific agreeing figure saturates `number`,
7% are gold (5% of all candidates, though their `mass` is nearly twice as high), since a story's
articles report several events of one kind in the same figures (points, years, counts); on the
seeds 11 of 14 are. Figure signals in the second stage were fitted and dropped: `number` itself
(weight +0.10, seeds `same` F1 0.693 → 0.689), times `mass`, `cover`, `sent`, `central` or
`sent_mutual` (weights −0.33 to +0.05, no gain), and figures that agree only through hedges
(weight +1.9, `same` F1 → 0.706 and shown 0.535 → 0.538, but ECB+ dev 0.424 → 0.421 and the
seeds' five-outlet facts 4/6 → 2/6, conflicts 9 → 7). Counting the seeds more in the fit
(×1.3 to ×4) raises their `same` F1 to 0.70–0.71 and lowers ECB+ dev (fit.py's figure, story
threshold) from 0.420 to 0.376–0.404.

`combine` is a logistic model whose weights `fit.py` fits offline (`weights.py`).

A second stage (`rank_features`, `RANK_FEATURES`) looks at each pair in its neighbourhood: is
either paragraph the other's best match in its article (`best_one`), or are both (`mutual`)? how
far is the pair below each paragraph's best in the other's article (the nearer and the farther
of the two, `near_high` and `near_low`)? and how central are both paragraphs to the story (their
average best match in the other articles)? An outlet reports a fact once, usually in one
paragraph, so the best partner in an article is much likelier the same fact than the runner-up;
and paragraphs that every outlet echoes carry the story's main facts. A second logistic model
combines the first-stage logit with these (`STAGE2`).

The signals are symmetric (the same for a~b and b~a), so the scores do not depend on the order in
which the articles come (their file names, or the order of the command's arguments). They used to
be read for `a` and `b` apart (`a` the earlier paragraph in story order), with weights fitted for
each: on the seeds read in five orders, that model's `same` F1 ran from 0.648 (reversed) to 0.696
(the order it was fitted on), its five-outlet facts from 5 of 6 to 3, its conflicts found from 11
of 17 to 9. The symmetric model gives `same` F1 0.684, 3 of 6 and 9 in every order.

The last two second-stage signals look at sentences (`sentence_signals`): a paragraph often
carries several facts, and two paragraphs report one of them when one sentence of each reports it.
Every sentence is scored as a unit, by the first-stage model, against the sentences of the
paragraphs its paragraph is paired with: `sent_logit` is the best sentence pair's first-stage
score, and `sent_mutual` says whether each of those two sentences is the other's best partner in
its article (an outlet states a fact once, in one sentence). A sentence pair that is the mutual
best among all the sentences of two articles is much likelier one fact than two paragraphs that
only share the story's words across several sentences. Measured (refitted, `benchmarks/fit.py`):
seeds `same` F1 0.671 → 0.695 and ECB+ dev (all pairs) 0.315 → 0.324 with both (at the
earlier penalty, L2 0.01). Tried and
dropped: the distance to the best sentence partner as a third signal (recall up, ECB+ dev −0.02);
each sentence's best flag on its own instead of `sent_mutual` (no gain); sentence pairs scored
with their paragraphs' size signals (`short`, `sentences`) instead of their own (−0.01 on both).
"""

from __future__ import annotations

import math
from itertools import accumulate, repeat
from math import fsum
from operator import mul

from rapidfuzz import fuzz

from tui.core.candidates import MIN_SHARED
from tui.core.features import (
    LEDE,
    ParagraphFeatures,
    StoryIndex,
    _assemble,
    sentence_ends,
    sentence_reads,
)
from tui.core.weights import BIAS, STAGE2, WEIGHTS

RANK_FEATURES = (
    "logit", "best_one", "near_low", "near_high", "central", "mutual", "sent_logit", "sent_mutual"
)
FLOOR = -6.0
"""Lowest sentence-pair logit kept (a pair whose sentences share no word gets it)."""
FEATURES = (
    "cos", "cover", "sent", "quote", "number", "name", "phrase", "mass", "lede", "short", "sentences"
)
QUOTE_SHARE = 0.3
"""Share of a quote's content words the other paragraph must use before the quote is sought there."""


def _sentence_cos(
    index: StoryIndex, a: ParagraphFeatures, b: ParagraphFeatures, shared: frozenset[str]
) -> float:
    """The best cosine between a sentence of `a` and one of `b` (-1.0 where both are one
    sentence). A sentence of `a` with none of the paragraphs' `shared` terms shares nothing with
    any of `b`, so it is passed over; a conditional stands for max(), as in `pair_features`."""
    if len(a.sentences) < 2 and len(b.sentences) < 2:
        return -1.0
    if len(a.sentences) < 2:
        a, b = b, a  # (the cosine is symmetric: `b` is the paragraph of one sentence, if one is)
    w2 = index.weight2
    best = 0.0
    sentences_b, norms_b = b.sentences, b.sentence_norms
    whole = len(sentences_b) == 1
    """Whether `b` is one sentence, which holds all its terms: a sentence of `a` shares with it
    what it shares with the paragraph."""
    for sa, na in zip(a.sentences, a.sentence_norms):
        if not na:
            continue
        sa = sa & shared  # (the same terms shared with any sentence of `b`, fewer to look up)
        if not sa:
            continue
        if whole:
            nb = norms_b[0]
            if nb:
                cos = fsum(map(w2.__getitem__, sa)) / (na * nb)
                if cos > best:
                    best = cos
            continue
        for sb, nb in zip(sentences_b, norms_b):
            if nb:
                both = sa & sb
                if both:
                    cos = fsum(map(w2.__getitem__, both)) / (na * nb)
                    if cos > best:
                        best = cos
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
                if quote in y.flat:
                    return 1.0  # found as written: partial_ratio's 100, which none can beat
                # Below 50 the signal is 0 anyway, and below the best so far the best stands:
                # the cutoff lets rapidfuzz stop early (it returns 0 under it).
                found = fuzz.partial_ratio(
                    quote, y.flat, score_cutoff=best * 100 if best > 0.5 else 50
                ) / 100
                if found > best:
                    best = found
    return best


def shared_numbers(a: ParagraphFeatures, b: ParagraphFeatures) -> list[tuple[int, int]]:
    """Index pairs of figures stated in both in agreeing terms: the same value and unit, or with
    a unit, hedged ranges that meet and have no open end ("nearly 25 years" and "24 years"; not
    "more than a dozen people" and "more than 31,000 people")."""
    out = []
    for i, qa in enumerate(a.quantities):
        for j, qb in enumerate(b.quantities):
            if qa.unit == qb.unit and qa.kind == qb.kind and (
                qa.value == qb.value
                or (qa.unit and qa.high != math.inf and qb.high != math.inf and qa.compatible(qb))
            ):
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


def pair_features(
    index: StoryIndex,
    a: ParagraphFeatures,
    b: ParagraphFeatures,
    shared: frozenset[str] | None = None,
    dot: float = 0.0,
) -> list[float]:
    """The signals of `FEATURES` for one pair, each roughly in 0–1. A caller that has found the
    shared terms `a.terms & b.terms` already passes them as `shared`, with their summed
    `StoryIndex.weight2` as `dot`."""
    # Written out with conditionals instead of min() and max() and with the empty cases skipped
    # (this runs for every candidate pair and sentence pair): the same values as the formulas.
    w = index.weight
    if shared is None:
        shared = a.terms & b.terms
        dot = fsum(map(index.weight2.__getitem__, shared))
    mass = fsum(map(w.__getitem__, shared))
    cos = dot / (a.norm * b.norm) if a.norm and b.norm else 0.0
    lighter = a.mass if a.mass <= b.mass else b.mass
    cover = mass / lighter if lighter else 0.0
    sa, sb = a.sentences, b.sentences
    if len(sa) < 2 and len(sb) < 2:
        sent = cos
    else:
        sent = _sentence_cos(index, a, b, shared)
    quote = 0.0
    if a.quotes or b.quotes:
        quote = quote_score(a, b) - 0.5
        quote = quote * 2 if quote > 0.0 else 0.0
    numbers = 0.0
    if a.quantities and b.quantities:
        numbers = agreeing_numbers(index, a, b) / 3.0
        if numbers > 1.0:
            numbers = 1.0
    names = 0.0
    both = a.names & b.names
    if both:
        names = fsum(map(w.__getitem__, both)) / 3.0
        if names > 1.0:
            names = 1.0
    phrases = 0.0
    pairs = a.bigrams & b.bigrams
    if pairs:
        # (each phrase's lighter word: most pairs share one or two phrases, so a list is cheaper
        # than pairing the weights up in C)
        phrases = fsum([min(w[u], w[v]) for u, v in pairs]) / 2.0
        if phrases > 1.0:
            phrases = 1.0
    lede = 0.0
    if a.position < LEDE and b.position < LEDE:
        lede = mass / 2 if mass / 2 < 1.0 else 1.0
    # (each the smaller paragraph's, computed once per paragraph)
    short = a.size if a.size <= b.size else b.size
    sentences = a.sentences_size if a.sentences_size <= b.sentences_size else b.sentences_size
    massy = mass / 8.0
    return [
        cos, cover, sent, quote, numbers, names, phrases, massy if massy < 1.0 else 1.0, lede,
        short, sentences,
    ]


def combine(features: list[float]) -> float:
    """The fitted logistic model: a score in 0–1 with the same meaning everywhere."""
    z = BIAS + sum(map(mul, WEIGHTS, features))
    return 1.0 / (1.0 + math.exp(-z))


def logit(features: list[float]) -> float:
    """The first-stage linear score (before the logistic squashing)."""
    return BIAS + sum(map(mul, WEIGHTS, features))


def sentence_units(index: StoryIndex) -> list[list[ParagraphFeatures]]:
    """Each aligned paragraph's sentences, as units to compare (a one-sentence paragraph is its
    own unit), weighted by the story's term weights."""
    w, w2 = index.weight, index.weight2
    out = []
    made: dict[tuple[str, int], list[ParagraphFeatures]] = {}
    """Units by text and position: copies of a paragraph share them (only weights are read)."""
    for pf in index.paragraphs:
        if len(pf.sentences) < 2:
            out.append([pf] if pf.terms else [])
            continue
        text = pf.text
        known = made.get((text, pf.position))
        if known is not None:
            out.append(known)
            continue
        cuts = [0, *sentence_ends(text), len(text)]
        units = []
        for start, end, found in zip(cuts, cuts[1:], sentence_reads(pf, cuts)):
            unit = _assemble(pf.ref, text[start:end], found)
            if not unit.terms:
                continue
            terms = unit.terms
            unit.mass = fsum(map(w.get, terms, repeat(0.0)))
            unit.norm = math.sqrt(fsum(map(w2.get, terms, repeat(0.0))))
            # (a unit's one sentence has all its terms: the unit's norm)
            unit.sentence_norms = [unit.norm]
            unit.position = pf.position
            units.append(unit)
        made[(text, pf.position)] = units
        out.append(units)
    return out


def sentence_signals(
    index: StoryIndex,
    pairs: list[tuple[int, int]],
    logits: list[float],
    first: tuple[float, tuple[float, ...]] | None = None,
) -> list[tuple[float, float]]:
    """(`sent_logit`, `sent_mutual`) of every pair (see the module docstring).

    `logits` are the pairs' first-stage logits (reused where both paragraphs are one sentence;
    the copies of a pair, with the same texts and top flags, are scored once, as their signals
    and so their logits are the same).
    Sentence pairs that share less than `candidates.MIN_SHARED` are not scored (they would not
    be candidates on their own).
    `first` is the first-stage (bias, weights), by default the fitted `BIAS` and `WEIGHTS`.
    """
    bias, weights = first if first is not None else (BIAS, WEIGHTS)
    units = sentence_units(index)
    w2 = index.weight2
    paragraphs = index.paragraphs
    numbers: dict[str, int] = {}
    article = [numbers.setdefault(pf.ref.article, len(numbers)) for pf in paragraphs]
    n_articles = len(numbers)
    starts = list(accumulate(map(len, units), initial=0))
    """Where each paragraph's sentences start in the numbering of all units: a sentence and
    another article are keyed in `best` by one int, the sentence's number × `n_articles` + the
    article's number (cheaper to hash than a tuple)."""
    tops: list[tuple[float, int, int] | None] = []
    """Each pair's best sentence pair: its logit and the keys in `best` of its two sentences."""
    best: dict[int, float] = {}
    """The best logit of each sentence against the sentences of each other article."""
    made: dict[tuple[str, str, bool, bool], list[tuple[float, int, int]]] = {}
    """The scored sentence pairs of a pair of texts (and top-paragraph flags, `LEDE`): copies of
    a pair of paragraphs have the same sentences, so the same scores."""
    copies = len({pf.text for pf in paragraphs}) < len(paragraphs)
    """Whether any text is repeated (else every pair is its own, and nothing is kept in `made`)."""
    for (i, j), z_pair in zip(pairs, logits):
        ua, ub = units[i], units[j]
        pa, pb = paragraphs[i], paragraphs[j]
        if len(ua) == len(ub) == 1 and ua[0] is pa and ub[0] is pb:
            # one sentence each: the pair's own logit (the same for its copies: not kept)
            scored = [] if pa.terms.isdisjoint(pb.terms) else [(z_pair, 0, 0)]
        else:
            if copies:
                texts = (pa.text, pb.text, pa.position < LEDE, pb.position < LEDE)
                scored = made.get(texts)
            else:
                scored = None
            if scored is None:
                scored = []
                for ka, x in enumerate(ua):
                    terms = x.terms
                    for kb, y in enumerate(ub):
                        shared = terms & y.terms
                        if not shared:
                            continue  # nothing shared: below `MIN_SHARED`
                        dot = fsum(map(w2.__getitem__, shared))
                        if dot >= MIN_SHARED:
                            features = pair_features(index, x, y, shared, dot)
                            scored.append((bias + sum(map(mul, weights, features)), ka, kb))
                if copies:
                    made[texts] = scored
        if not scored:
            tops.append(None)
            continue
        # (sentence k of `a` against `b`'s article is keyed `key_a + k * n_articles`)
        key_a = starts[i] * n_articles + article[j]
        key_b = starts[j] * n_articles + article[i]
        top_z, top_a, top_b = scored[0]
        for z, ka, kb in scored:
            if z > top_z:
                top_z, top_a, top_b = z, ka, kb
            key = key_a + ka * n_articles
            if z > best.get(key, -1e9):
                best[key] = z
            key = key_b + kb * n_articles
            if z > best.get(key, -1e9):
                best[key] = z
        tops.append((top_z, key_a + top_a * n_articles, key_b + top_b * n_articles))
    out = []
    for top in tops:
        if top is None:
            out.append((FLOOR, 0.0))
            continue
        z, key_a, key_b = top
        mutual = z >= best[key_a] and z >= best[key_b]
        out.append((z if z >= FLOOR else FLOOR, 1.0 if mutual else 0.0))
    return out


def rank_features(
    pairs: list[tuple[int, int]],
    logits: list[float],
    article: list[str],
    n_articles: int,
    sentences: list[tuple[float, float]] | None = None,
) -> list[list[float]]:
    """Second-stage signals of every pair, from the first-stage logits of all pairs and the
    pairs' `sentence_signals` (none: each pair its paragraphs' logit and mutual flag)."""
    best: list[dict[str, float]] = [{} for _ in article]
    """Per paragraph, its best logit in each other article."""
    for (i, j), z in zip(pairs, logits):
        row, other = best[i], article[j]
        if z > row.get(other, -1e9):
            row[other] = z
        row, other = best[j], article[i]
        if z > row.get(other, -1e9):
            row[other] = z
    per_paragraph = []
    exp = math.exp
    for row in best:
        total = 0.0
        for z in row.values():  # added in order (sum() compensates: other values)
            total += 1.0 / (1.0 + exp(-z))  # `_squash`, written out (once per article of each)
        per_paragraph.append(total)
    others = max(n_articles - 1, 1)
    share = [x / others for x in per_paragraph]
    out = []
    signals = sentences if sentences is not None else repeat(None)
    for (i, j), z, signal in zip(pairs, logits, signals):
        bi, bj = best[i][article[j]], best[j][article[i]]
        central = share[i] * share[j]
        ge_i, ge_j = z >= bi, z >= bj
        # (conditionals for float(), min() and max(): the same values without a call)
        mutual = 1.0 if ge_i and ge_j else 0.0
        sz, sm = signal if signal is not None else (z if z > FLOOR else FLOOR, mutual)
        di, dj = z - bi, z - bj
        low, high = (di, dj) if di <= dj else (dj, di)
        out.append([z, 1.0 if ge_i or ge_j else 0.0, low, high, central, mutual, sz, sm])
    return out


def _squash(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


_BIAS2, _WEIGHTS2 = STAGE2[0], STAGE2[1:]


def combine2(features: list[float]) -> float:
    """The second-stage model: the final score in 0–1 (`_squash`, written out: once a pair)."""
    return 1.0 / (1.0 + math.exp(-(_BIAS2 + sum(map(mul, _WEIGHTS2, features)))))
