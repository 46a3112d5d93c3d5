"""Where outlets reporting one fact disagree: figures, and the wording of one quote.

Only paragraphs of one fact are compared, and only paragraphs of different articles.

- `number`: two figures with the same unit whose hedged ranges do not meet
  (`numbers.Quantity.compatible`): "12 people" vs "15 people" conflict, "at least 12 people" vs
  "15 people" do not. "nearly 25 years" vs "24 years" do not either: "nearly" admits a figure a
  little under the round number, and the reason a fact-checker would ask about (the precision) is
  not a contradiction. A bare year ("since 2000") is a date, compared only with dates.
- `date`: two years said of the same thing: both preceded by the same word ("since 1991" vs
  "since 2000", "in 2019" vs "in 2018").
- `quote`: a quoted passage of one paragraph found in the other with a clearly similar but not
  identical wording (`partial_ratio` between `QUOTE_LOW` and `QUOTE_HIGH`) where at least one
  content word differs inside the passage, or at least two small words do (a quote cut short is
  not a conflict: words added or dropped at either end are ignored). Different translations of one statement show up here.

Each conflict carries the differing spans of both paragraphs (`Version`) and a one-line reason.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from tui.core.features import STOPWORDS, ParagraphFeatures, StoryIndex, stem
from tui.core.model import Conflict, Fact, Version
from tui.core.numbers import Quantity

QUOTE_LOW = 72.0
QUOTE_HIGH = 100.0
MAX_FACT = 40
"""Facts larger than this are compared through their first members only (cost bound)."""
_WORD = re.compile(r"[^\W_]+")


def find_conflicts(index: StoryIndex, facts: list[Fact]) -> list[Conflict]:
    """Every conflict inside the facts that more than one article reports."""
    by_ref = {pf.ref: pf for pf in index.paragraphs}
    found: list[Conflict] = []
    seen: set[tuple] = set()
    for fact in facts:
        if fact.unique:
            continue
        members = [by_ref[r] for r in fact.members[:MAX_FACT] if r in by_ref]
        for k, a in enumerate(members):
            for b in members[k + 1 :]:
                if a.ref.article == b.ref.article:
                    continue
                for kind, va, vb, reason in [*_numbers(a, b), *_quotes(a, b)]:
                    key = (fact.id, kind, va.text.casefold(), vb.text.casefold())
                    if key in seen:
                        continue
                    seen.add(key)
                    found.append(Conflict(f"C{len(found) + 1}", fact.id, kind, (va, vb), reason))
    return found


def _version(pf: ParagraphFeatures, start: int, end: int) -> Version:
    return Version(pf.ref, pf.text[start:end], start, end)


def _numbers(a: ParagraphFeatures, b: ParagraphFeatures):
    for qa in a.quantities:
        for qb in b.quantities:
            if qa.kind != qb.kind or qa.value == qb.value:
                continue
            if qa.kind == "number" and qa.unit and qa.unit == qb.unit and not qa.compatible(qb):
                yield ("number", _version(a, qa.start, qa.end), _version(b, qb.start, qb.end),
                       f"{_say(a, qa)} vs {_say(b, qb)}: different figures for the same {qa.unit}")
            elif qa.kind == "year" and _before(a, qa) and _before(a, qa) == _before(b, qb):
                yield ("date", _version(a, qa.start, qa.end), _version(b, qb.start, qb.end),
                       f"{_before(a, qa)} {_say(a, qa)} vs {_say(b, qb)}: different years")


def _say(pf: ParagraphFeatures, q: Quantity) -> str:
    return pf.text[q.start : q.end]


def _before(pf: ParagraphFeatures, q: Quantity) -> str:
    words = _WORD.findall(pf.flat[max(0, q.start - 20) : q.start])
    return words[-1] if words else ""


def _quotes(a: ParagraphFeatures, b: ParagraphFeatures):
    for x, y, flip in ((a, b, False), (b, a, True)):
        for start, end in x.quotes:
            quote = x.flat[start:end]
            if len(_WORD.findall(quote)) < 4:
                continue
            found = _counterpart(quote, y)
            if found is None:
                continue
            ys, ye, quoted = found
            differ = _inner_difference(quote, y.flat[ys:ye], strict_ends=not quoted)
            if not differ:
                continue
            vx, vy = _version(x, start, end), _version(y, ys, ye)
            reason = f"quoted “{vx.text.strip()}” vs “{vy.text.strip()}”: {differ}"
            yield ("quote", vy, vx, reason) if flip else ("quote", vx, vy, reason)


def _counterpart(quote: str, y: ParagraphFeatures) -> tuple[int, int, bool] | None:
    """Where `y` words the same statement: its most similar quote, else the best window.

    Returns (start, end, whether it is a quote of `y`).
    """
    best: tuple[float, int, int] | None = None
    for start, end in y.quotes:
        score = fuzz.partial_ratio(quote, y.flat[start:end])
        if best is None or score > best[0]:
            best = (score, start, end)
    if best is not None and best[0] >= QUOTE_LOW:
        return (best[1], best[2], True) if best[0] < QUOTE_HIGH else None
    hit = fuzz.partial_ratio_alignment(quote, y.flat)
    if hit is None or not QUOTE_LOW <= hit.score < QUOTE_HIGH:
        return None
    return (*_widen(y.flat, hit.dest_start, hit.dest_end), False)


def _widen(flat: str, start: int, end: int) -> tuple[int, int]:
    """Stretch an alignment to whole words."""
    while start > 0 and flat[start - 1].isalnum():
        start -= 1
    while end < len(flat) and flat[end].isalnum():
        end += 1
    return start, end


def _inner_difference(left: str, right: str, strict_ends: bool = False) -> str:
    """The content words that differ between two wordings, ignoring a cut at either end.

    A quote cut short or started later adds or drops words at an end: not a conflict. With
    `strict_ends` (the other side is a window, whose edges are arbitrary) any difference at an
    end is ignored.
    """
    wa, wb = _WORD.findall(left), _WORD.findall(right)
    ops = SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    edge = ("insert", "delete", "replace") if strict_ends else ("insert", "delete")
    while ops and ops[0][0] in edge:
        ops.pop(0)
    while ops and ops[-1][0] in edge:
        ops.pop()
    diffs, content = [], False
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        xs = {stem(w) for w in wa[i1:i2] if w not in STOPWORDS}
        ys = {stem(w) for w in wb[j1:j2] if w not in STOPWORDS}
        content = content or xs != ys
        diffs.append(f"{' '.join(wa[i1:i2]) or '—'} / {' '.join(wb[j1:j2]) or '—'}")
    # One changed article or preposition is copy-editing; a changed content word, or several
    # changed small words, is a different wording.
    return "; ".join(diffs) if content or len(diffs) >= 2 else ""



