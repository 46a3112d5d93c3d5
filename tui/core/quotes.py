"""Every direct quotation of a story: its words, who said it, which outlets carry it, how they differ.

Quotes are where outlets differ most visibly: one statement comes out of two translations and
three trims. A quotation is the text between double quotes (“…”, "…", «…») or between single
curly quotes ‘…’ that open after a space and close before a non-letter (an apostrophe inside a
word never opens one). A quote left open at the end of a paragraph runs to its end (the
newspaper convention for a quote that continues). Quotes of fewer than `MIN_WORDS` words are
scare quotes, not statements.

Attribution is read from the paragraph around the quote, nearest first: "X said", "said X",
"X told …", "according to X". X is a run of capitalised words ("Russian President Vladimir
Putin", "Mr Kim") or a short noun phrase after "the" ("the Kremlin leader"); "he"/"she"/"they" takes
the speaker of the article's previous attributed quote, and names nobody when there is none.

Two quotes are one statement when the shorter one's words appear, in order, in the longer one
for at least `SAME_SHARE` of them (difflib on normalised words, so partial quotes and light
rewording match). Candidates come from an index of word pairs, so a long story never compares
all pairs. Groups are linked transitively: a short excerpt joins the full quote it comes from.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from tui.core.model import Ref, Story

MIN_WORDS = 3
SAME_SHARE = 0.6
"""Share of the shorter quote's words found in order in the other for the two to be one statement."""
SHORT = 5
"""A quote shorter than this ("special military operation") joins another speaker's quote only
when the speakers could be the same: stock phrases are quoted by everyone."""
MAX_POSTINGS = 200
"""A word pair in more quotes than this is too common to find candidates with."""

_WORD = re.compile(r"[\w’'-]+")
_DOUBLE = re.compile(r"[“\"«]([^“”\"«»]+)(?:[”\"»]|$)")
_SINGLE = re.compile(r"(?:^|(?<=[\s(\[—–-]))‘([^‘’]*?(?:’\w[^‘’]*?)*)(?:’(?!\w)|$)")
_NAME = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|von|van|al|bin))*"
)
_SPEECH = (
    "said|says|added|wrote|stated|declared|noted|warned|insisted|explained|argued|asserted|"
    "announced|replied|continued|recalled"
)
"""Verbs after which the speaker may follow ("…,” said Leif-Eric Easley)."""
_TRANSITIVE = (
    "told|tells|called|calls|described|describes|thanked|expressed|expresses|claimed|claims|"
    "reported|pledged|praised|urged|promised|vowed|saying|stressed|emphasized|emphasised"
)
"""Verbs whose object is not the speaker ("told AFP"): only the subject before them counts."""
_VERB = re.compile(rf"\b(?:({_SPEECH})|({_TRANSITIVE}))\b")
_ACCORDING = re.compile(r"\baccording to ((?:[\w’'.-]+\s*){1,8})")
_TOKEN = re.compile(r"[\w’'.-]+|[^\w\s]")
_STOP = frozenset(
    ["that", "which", "who", "whom", "whose", "and", "but", "or", "while", "as", "it", "is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "could", "should", "may", "might", "can", "to", "in", "of", "for", "on", "at", "with", "by", "from", "into", "than", "when", "if", "because", "so", "not", "no", "also", "now", "then", "later", "once", "after", "before", "where", "what", "this", "these", "those", "there", "here"]
)
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
_TIME = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "earlier", "later", "week", "month", "year"]
)
_PRONOUNS = frozenset({"he", "she", "they"})
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "president", "leader", "minister"})
_NOT_NAMES = frozenset({"But", "And", "In", "On", "At", "As", "When", "While", "So", "Then"})


@dataclass(frozen=True)
class Quote:
    """One quotation as one article prints it."""

    ref: Ref
    text: str
    """The quoted words, without the quote marks."""
    start: int
    end: int
    """Character offsets of `text` in the paragraph."""
    speaker: str
    """Who the sentence says said it, "" when nobody is named."""

    @property
    def words(self) -> list[str]:
        """The words, compared case- and punctuation-insensitively."""
        return words_of(self.text)


@dataclass(frozen=True)
class QuoteGroup:
    """One statement and every article's wording of it."""

    id: str
    quotes: tuple[Quote, ...]
    """Every printing, in story order; the first one of the longest wording is the reference."""
    speaker: str
    """The speaker most printings name ("" when none does)."""

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles that carry it, in story order."""
        return tuple(dict.fromkeys(q.ref.article for q in self.quotes))

    @property
    def reference(self) -> Quote:
        """The fullest wording, against which the others are compared."""
        return max(self.quotes, key=lambda q: len(q.words))

    @property
    def wordings(self) -> tuple[Quote, ...]:
        """One quote per distinct wording (case and punctuation ignored), reference first."""
        seen: dict[tuple[str, ...], Quote] = {tuple(self.reference.words): self.reference}
        for quote in self.quotes:
            seen.setdefault(tuple(quote.words), quote)
        return tuple(seen.values())


Op = Literal["same", "changed", "only_a", "only_b", "outside"]
"""`outside`: words of the first wording before or after the part the second one quotes (a trim,
not a change of wording)."""


@dataclass(frozen=True)
class WordDiff:
    """One stretch of a word-level comparison of two wordings."""

    op: Op
    a: str
    """The words of the first wording in this stretch ("" when it has none)."""
    b: str


def words_of(text: str) -> list[str]:
    """Normalised words: casefolded, curly apostrophes straightened, punctuation dropped."""
    return [
        w.strip("'-") for w in _WORD.findall(text.casefold().replace("’", "'")) if w.strip("'-")
    ]


def find_quotes(story: Story) -> tuple[Quote, ...]:
    """Every quotation of at least `MIN_WORDS` words in the story's aligned paragraphs."""
    out: list[Quote] = []
    for article in story.articles:
        previous = ""
        for p in article.body():
            spans = _quote_spans(p.text)
            for start, end in spans:
                text = p.text[start:end].strip()
                if len(words_of(text)) < MIN_WORDS:
                    continue
                speaker = _speaker(p.text, start, end, spans)
                if speaker.casefold() in _PRONOUNS:
                    speaker = previous  # "he said" with nobody named before: nobody named
                if speaker:
                    previous = speaker
                offset = p.text.index(text, start)
                out.append(Quote(Ref(article.id, p.n), text, offset, offset + len(text), speaker))
    return tuple(out)


def group_quotes(quotes: Iterable[Quote]) -> tuple[QuoteGroup, ...]:
    """Quotes grouped into statements, most widely carried first."""
    quotes = list(quotes)
    words = [q.words for q in quotes]
    parent = list(range(len(quotes)))
    for i, j in _candidates(words):
        short = min(len(words[i]), len(words[j]))
        if short < SHORT and _speakers_differ(quotes[i], quotes[j]):
            continue
        if same_statement(words[i], words[j]):
            parent[_find(parent, i)] = _find(parent, j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(quotes)):
        members[_find(parent, i)].append(i)
    groups = []
    for indices in members.values():
        group = tuple(quotes[i] for i in sorted(indices))
        named = Counter(q.speaker for q in group if q.speaker)
        # Most printings first; on a tie a person's name ("Putin") over a description
        # ("Russian state media").
        ranked = sorted(named, key=lambda s: (-named[s], not _is_name(s), len(s)))
        speaker = ranked[0] if ranked else ""
        groups.append(QuoteGroup("", group, speaker))
    groups.sort(key=lambda g: (-len(g.articles), quotes.index(g.quotes[0])))
    return tuple(QuoteGroup(f"Q{i + 1}", g.quotes, g.speaker) for i, g in enumerate(groups))


def _is_name(speaker: str) -> bool:
    return all(w[:1].isupper() for w in speaker.split())


def story_quotes(story: Story) -> tuple[QuoteGroup, ...]:
    """Every statement quoted in the story, grouped across articles."""
    return group_quotes(find_quotes(story))


def same_statement(a: list[str], b: list[str]) -> bool:
    """Whether two wordings are one statement: most of the shorter one's words, in order, in the other."""
    if not a or not b:
        return False
    short = min(len(a), len(b))
    if _common_run(a, b, max(MIN_WORDS, math.ceil(SAME_SHARE * short))):
        return True  # the matcher's first block is the longest run: it alone is enough
    most = sum((Counter(a) & Counter(b)).values())  # no more words in order than in common
    if most < MIN_WORDS or most < SAME_SHARE * short:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared >= MIN_WORDS and shared >= SAME_SHARE * short


def _common_run(a: list[str], b: list[str], n: int) -> bool:
    """Whether two wordings share a run of `n` consecutive words (an excerpt quoted whole):
    read as text, far quicker than matching word by word. Words hold no spaces."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < n:
        return False
    text = f" {' '.join(long)} "
    return any(f" {' '.join(short[i : i + n])} " in text for i in range(len(short) - n + 1))


def diff_words(a: str, b: str) -> tuple[WordDiff, ...]:
    """Word-level difference of two wordings, in the original words (compared normalised)."""
    a_words, b_words = a.split(), b.split()
    matcher = SequenceMatcher(
        None, [_key(w) for w in a_words], [_key(w) for w in b_words], autojunk=False
    )
    codes = matcher.get_opcodes()
    out = []
    for k, (tag, i1, i2, j1, j2) in enumerate(codes):
        op: Op = {"equal": "same", "replace": "changed", "delete": "only_a", "insert": "only_b"}[
            tag
        ]
        if op == "only_a" and k in (0, len(codes) - 1) and len(codes) > 1:
            op = "outside"
        out.append(WordDiff(op, " ".join(a_words[i1:i2]), " ".join(b_words[j1:j2])))
    return tuple(out)


def differs(a: str, b: str) -> bool:
    """Whether two wordings differ in more than trims, case and punctuation."""
    return any(d.op in ("changed", "only_a", "only_b") for d in diff_words(a, b))


def _key(word: str) -> str:
    return "".join(words_of(word))


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(1), m.end(1)) for m in _DOUBLE.finditer(text)]
    for m in _SINGLE.finditer(text):
        if not any(s <= m.start(1) < e for s, e in spans):
            spans.append((m.start(1), m.end(1)))
    return sorted(spans)


def _speaker(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """The attribution nearest the quote at text[start:end], read outside every quotation."""
    outside = list(text)
    for s, e in spans:
        outside[max(0, s - 1) : e + 1] = "|" * (min(len(text), e + 1) - max(0, s - 1))
    plain = "".join(outside)
    found: list[tuple[int, str]] = []
    for m in _ACCORDING.finditer(plain):
        found.append((_distance(m.start(), m.end(), start, end), _trim(m.group(1).split())))
    for m in _VERB.finditer(plain):
        name = _subject_before(plain[: m.start()])
        if not name and m.group(1):
            after = _NAME.match(plain[m.end() :].lstrip())
            name = after.group(0) if after else ""
        found.append((_distance(m.start(), m.end(), start, end), name))
    named = sorted((d, n) for d, n in found if n)
    return named[0][1] if named else ""


def _distance(a: int, b: int, start: int, end: int) -> int:
    return start - b if b <= start else max(0, a - end)


def _subject_before(prefix: str, depth: int = 0) -> str:
    """The noun phrase that ends `prefix`: "the Kremlin leader", "Mr Kim", "he"."""
    prefix = prefix.rstrip()
    if prefix.endswith(",") and depth == 0:
        # "Vladimir Tikhonov, professor of Korean Studies, told AFP": skip the apposition.
        # "the spokesperson, John Kirby, said": the name between the commas wins.
        inner = prefix[:-1]
        cut = inner.rfind(",")
        if cut < 0 or len(inner) - cut > 90:
            return ""
        between = inner[cut + 1 :].strip()
        if _NAME.fullmatch(between) and len(between.split()) <= 4:
            return between
        return _subject_before(inner[:cut], 1)
    taken: list[str] = []
    for token in reversed(_TOKEN.findall(prefix)):
        word = token.casefold()
        if taken and all(t.casefold() in _TIME for t in taken) and word in _STOP:
            taken = []  # "Putin on Wednesday said": the time is not the speaker
            continue
        if not token[0].isalnum() or (token[0].islower() and word in _STOP):
            break
        taken.append(token)
        if word in _DETERMINERS or word in _PRONOUNS or len(taken) >= 6:
            break
    return _trim(taken[::-1])


def _trim(words: list[str]) -> str:
    """Drop leading words that cannot open a speaker's name, and trailing punctuation."""
    while words and not (words[0][0].isupper() or words[0].casefold() in _DETERMINERS | _PRONOUNS):
        words = words[1:]
    while words and words[0] in _NOT_NAMES and len(words) > 1 and words[1][0].isupper():
        words = words[1:]
    text = " ".join(words).strip(" ,.;:")
    return "" if text.casefold() in _DETERMINERS else text


def _speakers_differ(a: Quote, b: Quote) -> bool:
    """Whether both quotes name a speaker and the names share no word (titles aside)."""

    def names(q: Quote) -> set[str]:
        return {w for w in words_of(q.speaker) if w not in _TITLES and q.speaker[:1].isupper()}

    x, y = names(a), names(b)
    return bool(x) and bool(y) and not (x & y)


def _candidates(words: list[list[str]]) -> set[tuple[int, int]]:
    """Pairs of quotes that share a word pair (or are both too short to have one)."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        pairs = set(zip(ws, ws[1:]))
        # "of the", "in a": pairs of short words would make every quote a candidate of every other.
        specific = {p for p in pairs if max(len(p[0]), len(p[1])) > 3} or pairs
        for pair in specific:
            index[pair].append(i)
    out = set()
    for ids in index.values():
        if len(ids) > MAX_POSTINGS:
            continue
        for x, i in enumerate(ids):
            for j in ids[x + 1 :]:
                out.add((i, j))
    return out


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
