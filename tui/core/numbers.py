"""Numbers, quantities and years, with the hedges that make two figures compatible.

A `Quantity` is a value with the range its hedge allows: "at least 12" is [12, ∞), "nearly 25" is
[22.5, 25], "about 100" is [85, 115], a bare "15" is [15, 15]. Two figures for the same unit
conflict only when their ranges do not meet, so "at least 12" and "15" agree while "12" and "15"
do not. "nearly 25 years" and "24 years" therefore agree: "nearly" admits a figure a little below
the round number, and 24 is within it. Words for numbers ("three", "a dozen", "a quarter-century",
"two decades") are read as numbers.

The unit is the first word after the figure (light-stemmed: "years" → "year"); a four-digit figure
from 1800 to 2100 with no unit after it is a year (a date).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24,
}
NUMBER_WORDS = frozenset(_WORD_NUMBERS)
"""Numbers written as words ("two", "dozen")."""
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
_SPANS_OF_YEARS = {"decade": 10, "decades": 10, "century": 100, "centuries": 100}
_FRACTIONS = {"quarter": 0.25, "half": 0.5}

HEDGES: dict[str, tuple[float, float]] = {
    "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "close to": (0.9, 1.0),
    "about": (0.85, 1.15), "around": (0.85, 1.15), "roughly": (0.85, 1.15),
    "some": (0.85, 1.15), "approximately": (0.85, 1.15), "an estimated": (0.85, 1.15),
    "more than": (1.0, math.inf), "over": (1.0, math.inf), "at least": (1.0, math.inf),
    "upwards of": (1.0, math.inf), "just over": (1.0, 1.1),
    "less than": (0.0, 1.0), "under": (0.0, 1.0), "fewer than": (0.0, 1.0),
    "up to": (0.0, 1.0), "at most": (0.0, 1.0), "as many as": (0.0, 1.0), "just under": (0.9, 1.0),
}
"""General English approximators and bounds, as factors of the stated figure."""

_HEDGE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_NUMBER = (
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
    + r"|an?\s+(?:quarter|half)[\s-]+(?:century|centuries)|half\s+a\s+century)"
)
_FIRST = "".join(sorted({w[0] for w in (*HEDGES, *_WORD_NUMBERS, "a", "half")}))
"""Letters a figure or its hedge can start with: a cheap test before the long alternations."""
_QUANTITY = re.compile(
    r"(?<![\w.,])(?=[\d" + _FIRST + r"])(?:(?P<hedge>" + _HEDGE + r")\s+(?:a\s+|an\s+)?)?"
    + _NUMBER
    + r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m)\b)?"
    + r"(?:[\s-]+(?P<unit>[a-z]+(?:'s)?))?",
    re.IGNORECASE,
)
_MAYBE = re.compile(
    r"\d|(?<!\w)(?:"
    + "|".join(sorted({*_WORD_NUMBERS, "quarter", "half"}, key=len, reverse=True))
    + ")",
    re.IGNORECASE,
)
"""Something every figure starts with (a digit, a number word, "a quarter"/"half a" century): a
text without it has none, and the long pattern need not run."""
_DIGITS = "0123456789"


def _trie(words: list[str]) -> str:
    """An alternation of `words` with their common beginnings written once
    ("t(?:en|w(?:elve|o))" for "ten", "twelve", "two"): a search tries each letter once at a
    word start instead of each word in turn. It finds a match wherever the plain alternation
    does (a shorter word first: "dozen" in "dozens"), so it serves as a test."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[:1], []).append(word[1:])
    return "|".join(
        first + (rests[0] if len(rests) == 1 else "(?:" + _trie(rests) + ")")
        for first, rests in sorted(by_first.items())
    )


_NUMBER_WORD = re.compile(r"\b(?:" + _trie(sorted({*_WORD_NUMBERS, "quarter", "half"})) + ")")
"""`_MAYBE`'s words, case-sensitive (for lower-cased text, where a word boundary before a letter
is `_MAYBE`'s look-behind), read only as a test. Written as a trie, so the search passes over
most word starts after a letter or two."""
_NUMBER_WORD_PARTS = tuple(
    w for w in sorted({*_WORD_NUMBERS, "quarter", "half"})
    if not any(v != w and v in w for v in _WORD_NUMBERS)
)
"""`_NUMBER_WORD`'s words less those that hold another ("sixteen" holds "six"): a text where
`_NUMBER_WORD` finds one holds one of these. Most texts hold none, and substring tests for a few
words cost less than the search, which tries every place in the text."""
_QUANTITY_LOWER = re.compile(_QUANTITY.pattern)
"""`_QUANTITY` for lower-cased text: the same matches at the same places, found faster."""
_CASED = re.compile(r"[^\x00-\x7f\u2000-\u206f]")
"""A character outside ASCII and general punctuation (spaces, dashes, quotes): where a text has
none, lower-casing it keeps every offset and ignoring case is the same as lower-casing (no
letter outside ASCII matches an ASCII one), so the patterns above can run on the lower-cased
text."""
_SKIP_UNIT = frozenset({"u", "s", "the", "of", "and", "or", "to", "in", "a", "an", "per"})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure in a paragraph: its value, the range its hedge allows, its unit and place."""

    value: float
    low: float
    high: float
    unit: str
    """Light-stemmed word after the figure; "year" for spans of years; "" when none."""
    kind: str
    """`number` or `year` (a date)."""
    hedge: str
    start: int
    end: int

    def compatible(self, other: Quantity) -> bool:
        """Whether both can be true at once: their hedged ranges meet."""
        return self.low <= other.high + 1e-9 and other.low <= self.high + 1e-9


def _unit(word: str | None) -> str:
    if not word:
        return ""
    word = word.lower().removesuffix("'s")
    if word in _SKIP_UNIT:
        return ""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _value(num: str) -> tuple[float, str]:
    if num[0] in _DIGITS:
        return float(num.replace(",", "")), ""  # (neither a number word nor a span of years)
    low = num.lower()
    if low in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[low]), ""
    words = low.replace("-", " ").split()
    if words and words[-1] in _SPANS_OF_YEARS:
        fraction = next((_FRACTIONS[w] for w in words if w in _FRACTIONS), 1.0)
        return fraction * _SPANS_OF_YEARS[words[-1]], "year"
    return float(num.replace(",", "")), ""


def find_quantities(text: str, flat: str | None = None) -> list[Quantity]:
    """Every figure in `text`, with hedge, unit and (start, end) offsets in `text`."""
    found: list[Quantity] = []
    text = text.replace("\u2019", "'")
    # (an ASCII text has no character `_CASED` finds: its flag is read without a search)
    if not text.isascii() and _CASED.search(text):
        if not _MAYBE.search(text):
            return found
        matches = _QUANTITY.finditer(text)
    else:
        lower = text.lower()
        # (`_MAYBE`'s digits are ASCII ones here: a substring test is faster than a search)
        if not any(map(lower.__contains__, _DIGITS)) and not (
            any(map(lower.__contains__, _NUMBER_WORD_PARTS)) and _NUMBER_WORD.search(lower)
        ):
            return found
        matches = _QUANTITY_LOWER.finditer(lower)
    for m in matches:
        hedge, num, scale, raw_unit = m.group("hedge", "num", "scale", "unit")
        try:
            value, forced_unit = _value(num)
        except ValueError:
            continue  # a number word found only by ignoring case ("sİx"): not one we can read
        if scale:
            value *= _SCALES[scale.lower()]
        unit = forced_unit or _unit(raw_unit)
        spans_of_years = _SPANS_OF_YEARS.get((raw_unit or "").lower())
        if not forced_unit and spans_of_years:
            value, unit = value * spans_of_years, "year"
        is_digit = num[0].isdigit()
        if not is_digit and not unit:
            continue  # "one" alone is a pronoun far more often than a figure
        kind = "year" if is_digit and not unit and 1800 <= value <= 2100 and value.is_integer() else "number"
        start = m.start()
        first = found[-1] if found and found[-1].end == start - 1 else None
        if (
            kind == "number" and first is not None and first.kind == "number" and not first.unit
            and not first.hedge and not hedge and text[start - 1] in "-\u2013"
        ):
            # The second figure of "10-15 people" or of a score ("a 15-2 run", "won 65-53"): a
            # rising pair is a range of its unit, in place of its bare first figure; a score
            # counts nothing.
            found.pop()
            if first.value < value:
                end = m.end("unit") if raw_unit and unit and not forced_unit else m.end("num")
                found.append(Quantity(value, first.value, value, unit, kind, "", first.start, end))
            continue
        # (a hedge is one of `HEDGES`, its words one space apart as the pattern spells them)
        hedge = hedge.lower() if hedge else ""
        lo, hi = HEDGES.get(hedge, (1.0, 1.0))
        if raw_unit and unit and not forced_unit:
            end = m.end("unit")
        else:
            end = m.end("scale") if scale else m.end("num")
        found.append(Quantity(value, value * lo, value * hi, unit, kind, hedge, m.start(), end))
    return found
