"""What the matcher knows about each paragraph, computed once per story.

Text is compared on a *flat* copy that has exactly the length of the original (so every offset
found in it is an offset in the displayed text): lower case, curly quotes made straight, hyphens
and dashes made spaces (`Jong-un` ≈ `Jong Un`). Content words are light-stemmed
(`signed` ≈ `sign`, `visits` ≈ `visit`) and general English stopwords are dropped.

Story-level weights (`term_weight`): a word's weight falls with the number of *paragraphs* that
use it and, above all for names, with the number of *articles* that use it. The story's actors
("Russian President Vladimir Putin", the country, the capital) are named in every article, often
once, near the top: rare among paragraphs, yet proving nothing, so a name's weight comes wholly
from its article spread. A content word every outlet uses once ("mutual", "assistance") is the
opposite case: it marks the one paragraph where each outlet states that fact, so it keeps most
of its paragraph weight.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from tui.core.model import Ref, Story
from tui.core.numbers import Quantity, find_quantities

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves said says say told according also
    would could may might must shall
    mr mrs ms dr s t d ll m re ve including among however since while though although still even
    yet per via whether either neither much many well just like""".split()
)
"""General English function words and reporting verbs; nothing here is specific to a story.

Words like "first", "last", "new", "year" and "day" are kept: "his first visit in 24 years" is a
fact, and the story-level weights make them count for little where most paragraphs use them.
"""

_FLAT = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ",
        "\u2015": " ", "\u2212": " ", "\u00a0": " ", "\u0451": "\u0435", "\u0401": "\u0415",
    }
)
_FLAT_PAIRS = tuple((chr(k), v) for k, v in _FLAT.items())
"""What `_FLAT` changes, as (character, replacement): each replaced where a substring test finds
it, the text is `_FLAT`'s translation (`str.translate` looks every character up, which is slow on
text that is not ASCII). No replacement is a character replaced, so the order does not matter."""
_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[0-9A-Za-z]+")
"""`_WORD` for ASCII text, where it finds the same words: a plain set of letters is tested faster
than a class of Unicode categories."""
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])")
"""Where a sentence ends: a match's end is where the next one starts (only the ends are read).
The stop is matched rather than looked behind for, so a search skips straight to the stops."""
_SENTENCE_END_ANY = re.compile(
    r"[.!?\u061f\u0964][\"'\u201d\u2019\u00bb)]*\s+(?=[\"'\u201c\u2018\u00ab(]*([^\W_]))"
    r"|[\u3002\uff01\uff1f][\u300d\u300f\u201d\u2019)\uff09]*\s*(?=(\S))"
)
"""`_SENTENCE_END` for text that is not ASCII: the next sentence opens with a capital or digit of
any script ("Путин", "Élysée"; told by `str.isupper`, which no character class says), Arabic
and Devanagari stops (؟ ।) end one too, and Chinese and Japanese stops (。！？) with no space
after them. Slower than `_SENTENCE_END`, so used only where needed."""


@lru_cache(maxsize=1 << 16)
def sentence_ends(text: str) -> tuple[int, ...]:
    """Where each sentence of `text` but the first starts (`_SENTENCE_END`), found once per text
    for every stage that reads its sentences."""
    if text.isascii():
        return tuple(m.end() for m in _SENTENCE_END.finditer(text))
    return tuple(
        m.end() for m in _SENTENCE_END_ANY.finditer(text)
        if m[2] is not None or m[1].isupper() or m[1].isdigit()
    )


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
"""A run of Chinese characters or Japanese kana: written without spaces between words, it is
read as its overlapping pairs of characters (`_words_of`), the usual unit for matching such
text without a dictionary (a run of one character is itself)."""


# Quoted passages: the units in which outlets repeat (and re-translate) what someone said.
#
# Double quotes (typographic or straight) pair up in reading order; single typographic quotes count
# only when they open after a space or the start and close before a non-letter, so apostrophes
# (`Russia’s`, `it’s`) are never mistaken for quotes. A quote left open runs to the end of the
# paragraph (a quote continued in the next paragraph). Only passages of three words or more count:
# a quoted single word ("blackmail") is a term, not a statement.
_DOUBLE = re.compile(r"[\u201c\u201d\u201e\"]")
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—-]))\u2018([^\u2018\u2019]{3,}?)\u2019(?![^\W_])")
_PAIRED = re.compile(
    r"\u00ab\s*([^\u00ab\u00bb]+?)\s*\u00bb|\u300c([^\u300c\u300d]+)\u300d"
    r"|\u300e([^\u300e\u300f]+)\u300f"
)
"""Guillemets (« », French, Russian, German) and Japanese corner brackets (「 」, 『 』): marks
that open and close differently, so each pair is found whole."""
_WORDS = re.compile(r"[^\W_]+")
QUOTE_MIN_WORDS = 3
_QUOTE_MARKS = ("\"", "\u201c", "\u201d", "\u201e", "\u2018", "\u00ab", "\u300c", "\u300e")
"""Every mark a quoted passage can open with (`_DOUBLE`'s, `_SINGLE`'s and `_PAIRED`'s)."""


def _quote_marked(text: str) -> bool:
    """Whether `text` holds a mark a quote can open with (most paragraphs quote no one: a
    substring test is faster than the search)."""
    return any(map(text.__contains__, _QUOTE_MARKS))


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted passage of at least three words, inside the quote marks."""
    if not _quote_marked(text):
        return []
    spans: list[tuple[int, int]] = []
    marks = [m.start() for m in _DOUBLE.finditer(text)]
    for i in range(0, len(marks), 2):
        start = marks[i] + 1
        end = marks[i + 1] if i + 1 < len(marks) else len(text)
        spans.append((start, end))
    # (`_SINGLE` opens with a look-behind, so its search tries every place: run it only where
    # there is an opening single quote to find.)
    for m in _SINGLE.finditer(text) if "\u2018" in text else ():
        if not any(s <= m.start() < e for s, e in spans):
            spans.append((m.start(1), m.end(1)))
    if not text.isascii():
        for m in _PAIRED.finditer(text):
            k = m.lastindex or 1
            if not any(s <= m.start() < e for s, e in spans):
                spans.append((m.start(k), m.end(k)))
    return sorted((s, e) for s, e in spans if _word_count(text[s:e]) >= QUOTE_MIN_WORDS)


def _word_count(text: str) -> int:
    """Words of a passage; Chinese or Japanese counted by pairs of characters (`_words_of`)."""
    if text.isascii():
        return len(_WORDS.findall(text))
    return sum(1 for _ in _words_of(text))


def flatten(text: str) -> str:
    """Lower-cased, quotes straightened, hyphens as spaces; always the length of `text`."""
    translated = text
    for char, flat in _FLAT_PAIRS:
        if char in translated:
            translated = translated.replace(char, flat)
    lowered = translated.lower()
    if len(lowered) == len(translated):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in translated)


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match inflections, never meant to be linguistics;
    British spellings are read as American ones (`_spelling`). A word in Cyrillic or Greek
    letters is cut to its first `PREFIX` letters (`_prefix`)."""
    if not word.isascii():
        cut = _prefix(word)
        if cut is not None:
            return cut
    if word.endswith("'s"):
        word = word[:-2]
    word = _spelling(word)
    n = len(word)
    if n > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if n > 5 and word.endswith("ing"):
        return word[:-3]
    if n > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if n > 3 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if n > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


PREFIX = 5
"""Letters a Cyrillic or Greek word keeps: Russian, Ukrainian, Bulgarian and Greek inflect by
endings ("Пхеньян", "Пхеньяне", "Пхеньяна"), and cutting words to a fixed prefix is the usual
way to match them without a dictionary."""


def _prefix(word: str) -> str | None:
    """`word` cut to `PREFIX` letters when it is written in Cyrillic or Greek, else None."""
    if "\u0370" <= word[0] <= "\u052f":
        return word[:PREFIX]
    return None


_OUR = re.compile(r"(?<=[a-z]{2})our(?=s?$|ed$|ing$|ite$|ites$|able$|ful$|hood$|hoods$)")
_RE = re.compile(r"(?<=[a-z][bt])re(?=s?$)")
_ISE = re.compile(r"(?<=[a-z]{3})is(?=e$|es$|ed$|ing$|ation$|ations$)")
_CE = re.compile(r"(?<=fen|cen)ce$")


def _spelling(word: str) -> str:
    """British spellings as American ones ("honour" → "honor", "centre" → "center",
    "organise" → "organize", "defence" → "defense")."""
    if len(word) < 5:
        return word
    word = _OUR.sub("or", word)
    word = _RE.sub("er", word)
    word = _ISE.sub("iz", word)
    word = _CE.sub("se", word)
    return word


_TERMS: dict[str, str] = {}
"""`_content_term` of the words judged so far, looked up before calling it: on every word of
every paragraph, a dict lookup costs less than a call of a cached function. Emptied when it
holds `_TERMS_MAX` words."""
_TERMS_MAX = 1 << 16


def _content_term(word: str) -> str:
    """The term a word read in flat text counts as, or "" for none: a stopword (before or after
    `stem`) or a single letter. Kept in `_TERMS`, so each distinct word is judged once."""
    if len(_TERMS) >= _TERMS_MAX:
        _TERMS.clear()
    if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
        term = ""
    else:
        term = stem(word)
        if term in STOPWORDS:
            term = ""
    _TERMS[word] = term
    return term


@dataclass(slots=True)
class Token:
    term: str
    start: int
    end: int
    capital: bool
    """Written with a capital letter not at the start of a sentence (a name, usually)."""


_START = attrgetter("start")


@dataclass(slots=True)
class ParagraphFeatures:
    """One aligned paragraph, ready to compare."""

    ref: Ref
    text: str
    flat: str
    tokens: list[Token]
    """Content words in reading order."""
    terms: frozenset[str]
    sentences: list[frozenset[str]]
    quotes: list[tuple[int, int]]
    """Quoted passages of three words or more, as (start, end) in `text`."""
    quantities: list[Quantity]
    names: frozenset[str]
    norm: float = 0.0
    """sqrt of the sum of squared term weights (cosine denominator)."""
    mass: float = 0.0
    """Sum of term weights."""
    bigrams: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    position: int = 0
    """Ordinal among the aligned paragraphs of its article (0: headline or lede)."""
    quote_terms: list[frozenset[str]] = field(default_factory=list)
    """Content words of each of `quotes` (to skip fuzzy matching where a quote cannot be)."""
    sentence_norms: list[float] = field(default_factory=list)
    """Weighted norm of each of `sentences` (filled by `index_story`)."""
    size: float = 0.0
    """`log1p` of the number of `terms`, over 4, at most 1: a pair's `short` signal is the
    smaller of its paragraphs' (`score.pair_features`; the same function of the smaller count)."""
    sentences_size: float = 0.0
    """The number of `sentences` over 4, at most 1: a pair's `sentences` signal is the smaller of
    its paragraphs'."""


def paragraph_features(ref: Ref, text: str) -> ParagraphFeatures:
    """Tokens, sentences, quotes and quantities of one paragraph."""
    return _assemble(ref, text, _read(text))


_Read = tuple[str, list["Token"], list[list[str]], list[tuple[int, int]], list[Quantity]]


def _read(text: str) -> _Read:
    """The costly part of `paragraph_features` (flat text, tokens, each sentence's terms in
    reading order, quotes, quantities), shared by the copies of a paragraph."""
    flat = flatten(text)
    sentence_starts = {0, *sentence_ends(text)}
    tokens: list[Token] = []
    sentences: list[list[str]] = []
    bounds = sorted(sentence_starts)
    bounds.append(len(text) + 1)  # no word starts there: the loop below stops at it
    current, following = -1, bounds[0]
    known = _TERMS.get
    sentence: list[str] = []  # (the last of `sentences`; there is one: the first bound is 0)
    for m in _ASCII_WORD.finditer(flat) if flat.isascii() else _words_of(flat):
        term = known(m[0])
        if term is None:
            term = _content_term(m[0])
        if not term:
            continue
        start, end = m.span()
        # (found for content words only: a last sentence of stopwords gets no list, and empty
        # sentences are dropped anyway)
        while following <= start:
            current += 1
            sentences.append(sentence := [])
            following = bounds[current + 1]
        capital = text[start].isupper() and not _starts_sentence(text, start, sentence_starts)
        tokens.append(Token(term, start, end, capital))
        sentence.append(term)
    return flat, tokens, sentences, find_quotes(text), find_quantities(text, flat)


class _Piece(NamedTuple):
    """A word found by `_words_of`, read as a regular expression's match is (`[0]`, `span()`)."""

    word: str
    start: int
    end: int

    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _words_of(flat: str) -> Iterable:
    """The words of a flat text that is not ASCII, as matches: a run of Chinese or Japanese
    characters as its overlapping pairs (`_CJK`)."""
    if _CJK.search(flat) is None:
        return _WORD.finditer(flat)
    out: list[_Piece] = []
    for m in _WORD.finditer(flat):
        word = m[0]
        offset, at = m.start(), 0
        for run in _CJK.finditer(word):
            if run.start() > at:  # letters or digits before the run ("G7峰会")
                out.append(_Piece(word[at : run.start()], offset + at, offset + run.start()))
            chars, first = run[0], offset + run.start()
            if len(chars) == 1:
                out.append(_Piece(chars, first, first + 1))
            out.extend(
                _Piece(chars[k : k + 2], first + k, first + k + 2) for k in range(len(chars) - 1)
            )
            at = run.end()
        if at < len(word):
            out.append(_Piece(word[at:], offset + at, offset + len(word)))
    return out


def sentence_reads(pf: ParagraphFeatures, cuts: list[int]) -> list[_Read]:
    """What `_read` finds in each sentence `pf.text[cuts[k]:cuts[k + 1]]`, taken from what it
    found in the whole paragraph: the same flat text and tokens (a sentence starts where its
    paragraph's sentence does, so each word's capital reads alike), offsets from the sentence.

    The figures too: no figure spans a sentence end (one holds no stop followed by a space), so
    `find_quantities` finds in a sentence the paragraph's figures that start in it, read alike.
    Quotes are sought anew: quote marks pair up within the text searched."""
    out: list[_Read] = []
    tokens, k = pf.tokens, 0
    quantities, q, n_quantities = pf.quantities, 0, len(pf.quantities)
    marked = _quote_marked(pf.text)  # (a paragraph without marks: none in its sentences)
    for start, end in zip(cuts, cuts[1:]):
        first, k = k, bisect_left(tokens, end, k, key=_START)
        if start:
            own = [Token(t.term, t.start - start, t.end - start, t.capital) for t in tokens[first:k]]
        else:
            own = tokens[first:k]  # (the first sentence: the same offsets, so the same tokens)
        figures: list[Quantity] = []
        while q < n_quantities and quantities[q].start < end:
            f = quantities[q]
            figures.append(
                Quantity(
                    f.value, f.low, f.high, f.unit, f.kind, f.hedge, f.start - start, f.end - start
                )
            )
            q += 1
        quotes = find_quotes(pf.text[start:end]) if marked else []
        terms = [[t.term for t in own]] if own else []
        out.append((pf.flat[start:end], own, terms, quotes, figures))
    return out


def _assemble(ref: Ref, text: str, read: _Read) -> ParagraphFeatures:
    """The features of one paragraph from what `_read` found in its text. The sets are made
    anew for each paragraph, in the same way, so copies compare as distinct paragraphs do."""
    flat, tokens, sentences, quotes, quantities = read
    if len(sentences) == 1:  # (its one sentence holds all its terms, in reading order)
        seq = sentences[0]
        terms = frozenset(seq)
        kept = [terms]
    else:
        seq = [t.term for t in tokens]
        terms = frozenset(seq)
        kept = [frozenset(s) for s in sentences if s]  # (only & and fsum read them: any order)
    # (the tokens are in reading order: a quote's are a slice, found by bisection)
    quote_terms = [
        frozenset(seq[bisect_left(tokens, s, key=_START) : bisect_left(tokens, e, key=_START)])
        for s, e in quotes
    ]
    size = math.log1p(len(terms)) / 4
    sentences_size = len(kept) / 4
    return ParagraphFeatures(
        ref=ref,
        text=text,
        flat=flat,
        tokens=tokens,
        terms=terms,
        sentences=kept,
        quotes=quotes,
        quote_terms=quote_terms,
        quantities=quantities,
        names=frozenset([t.term for t in tokens if t.capital]),
        bigrams=frozenset(zip(seq, seq[1:])),
        size=size if size < 1.0 else 1.0,
        sentences_size=sentences_size if sentences_size < 1.0 else 1.0,
    )


def _starts_sentence(text: str, start: int, sentence_starts: set[int]) -> bool:
    """Whether the word at `start` opens a sentence, behind any opening quotes or brackets (a
    sentence starts where the stop's spaces end, so the walk back stops there)."""
    i = start
    while i > 0 and i not in sentence_starts and text[i - 1] in "\"'\u201c\u2018( ":
        i -= 1
    return i in sentence_starts


LEDE = 3
"""Paragraphs from the top of an article (headline, lede, nut graf): where the main fact sits."""

ARTICLE_SHARE = 0.3
"""How much of a content word's weight comes from its article spread (the rest from paragraph spread)."""
NAME_SHARE = 1.0
"""How much of a name's weight comes from its article spread: all of it (see the module docstring)."""


def term_weight(
    df: int, n_articles: int, dfp: int, n_paragraphs: int, name: bool = False
) -> float:
    """Specificity of a word in this story.

    Two spreads: over articles (a word every outlet uses proves nothing) and over paragraphs (a
    word every outlet uses once, in the paragraph about one fact, still marks that fact; the
    leaders' names, used in most paragraphs, do not). A `name` (a word written with a capital
    more often than not) takes its weight from the article spread alone.
    """
    by_article = math.log(1 + (n_articles - df + 0.5) / (df + 0.5))
    by_paragraph = math.log((n_paragraphs + 1) / (dfp + 0.5))
    top = math.log(1 + (n_articles - 0.5) / 1.5) or 1.0
    share = NAME_SHARE if name else ARTICLE_SHARE
    return by_paragraph * ((1 - share) + share * by_article / top)


@dataclass
class StoryIndex:
    """Every aligned paragraph of a story with the story-level term weights."""

    paragraphs: list[ParagraphFeatures]
    weight: dict[str, float]
    df: dict[str, int]
    n_articles: int
    weight2: dict[str, float] = field(default_factory=dict)
    """Squared weights (cosine terms), computed once."""
    figure_weight: dict[tuple[float, str, str], float] = field(default_factory=dict)
    """Specificity of each figure (value, unit, kind) by the paragraphs that state it: "two
    countries", in every other paragraph, proves little; "24 years", in three, a lot."""

    def w(self, term: str) -> float:
        return self.weight.get(term, 0.0)


def index_story(story: Story) -> StoryIndex:
    """Features of every aligned paragraph and the story-level weight of every term."""
    paragraphs = []
    read: dict[str, _Read] = {}
    """What `_read` found in each text so far: copies of a paragraph read it once."""
    for a in story.articles:
        for k, p in enumerate(a.body()):
            found = read.get(p.text)
            if found is None:
                found = read[p.text] = _read(p.text)
            pf = _assemble(Ref(a.id, p.n), p.text, found)
            pf.position = k
            paragraphs.append(pf)
    df: dict[str, int] = {}
    dfp: dict[str, int] = {}
    capitals: dict[str, int] = {}
    """term -> occurrences written with a capital, less those written without"""
    by_article: dict[str, set[str]] = {}
    copies: dict[str, list] = {}
    """Each text with one of its paragraphs and how many paragraphs have it: the counts below
    add a text's words once per copy."""
    for pf in paragraphs:
        by_article.setdefault(pf.ref.article, set()).update(pf.terms)
        seen = copies.get(pf.text)
        if seen is None:
            copies[pf.text] = [pf, 1]
        else:
            seen[1] += 1
    for pf, n_copies in copies.values():
        for term in pf.terms:
            dfp[term] = dfp.get(term, 0) + n_copies
        text = pf.text
        for tok in pf.tokens:
            capitals[tok.term] = capitals.get(tok.term, 0) + (
                n_copies if text[tok.start].isupper() else -n_copies
            )
    for terms in by_article.values():
        for term in terms:
            df[term] = df.get(term, 0) + 1
    n = max(len(by_article), 1)
    weight: dict[str, float] = {}
    known: dict[tuple[int, int, bool], float] = {}
    """Weights by (articles, paragraphs, name): most of a story's words share a few of these."""
    for t, c in df.items():
        key = (c, dfp[t], capitals[t] > 0)
        x = known.get(key)
        if x is None:
            x = known[key] = term_weight(c, n, key[1], len(paragraphs), key[2])
        weight[t] = x
    weight2 = {t: x * x for t, x in weight.items()}
    sums: dict[str, tuple[float, float, list[float]]] = {}
    """text -> (mass, norm, sentence norms), computed once for the copies of a paragraph. Sums
    over a set are `math.fsum`: correctly rounded, so they do not depend on the set's iteration
    order, which varies with the string hash seed (`PYTHONHASHSEED`)."""
    for pf in paragraphs:
        found = sums.get(pf.text)
        if found is None:
            norm = math.sqrt(math.fsum(map(weight2.__getitem__, pf.terms)))
            found = sums[pf.text] = (
                math.fsum(map(weight.__getitem__, pf.terms)),
                norm,
                # (a paragraph's one sentence has all its terms, so the paragraph's norm)
                [norm]
                if len(pf.sentences) == 1
                else [math.sqrt(math.fsum(map(weight2.__getitem__, s))) for s in pf.sentences],
            )
        pf.mass, pf.norm = found[0], found[1]
        pf.sentence_norms = list(found[2])
    figures: dict[tuple[float, str, str], int] = {}
    for pf in paragraphs:
        for key in {(q.value, q.unit, q.kind) for q in pf.quantities}:
            figures[key] = figures.get(key, 0) + 1
    n_paragraphs = len(paragraphs)
    figure_weight = {k: math.log((n_paragraphs + 1) / (c + 0.5)) for k, c in figures.items()}
    return StoryIndex(paragraphs, weight, df, n, weight2, figure_weight)
