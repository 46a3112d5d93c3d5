"""Quoted passages: the units in which outlets repeat (and re-translate) what someone said.

Double quotes (typographic or straight) pair up in reading order; single typographic quotes count
only when they open after a space or the start and close before a non-letter, so apostrophes
(`Russia’s`, `it’s`) are never mistaken for quotes. A quote left open runs to the end of the
paragraph (a quote continued in the next paragraph). Only passages of three words or more count:
a quoted single word ("blackmail") is a term, not a statement.
"""

from __future__ import annotations

import re

_DOUBLE = re.compile(r"[\u201c\u201d\u201e\"]")
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—-]))\u2018([^\u2018\u2019]{3,}?)\u2019(?![^\W_])")
_WORDS = re.compile(r"[^\W_]+")
MIN_WORDS = 3


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted passage of at least three words, inside the quote marks."""
    spans: list[tuple[int, int]] = []
    marks = [m.start() for m in _DOUBLE.finditer(text)]
    for i in range(0, len(marks), 2):
        start = marks[i] + 1
        end = marks[i + 1] if i + 1 < len(marks) else len(text)
        spans.append((start, end))
    for m in _SINGLE.finditer(text):
        if not any(s <= m.start() < e for s, e in spans):
            spans.append((m.start(1), m.end(1)))
    return sorted(
        (s, e) for s, e in spans if len(_WORDS.findall(text[s:e])) >= MIN_WORDS
    )
