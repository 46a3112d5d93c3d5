"""Where outlets reporting one fact disagree: figures, dates, quotes, attributions, wordings,
tenses.

Which paragraphs are compared: every pair of paragraphs of different articles inside one fact, and
every matched pair shown to the reader (so a disagreement is found even when the two paragraphs
were grouped into different facts; the kinds below need a shared context on top of the match). A conflict names the fact of its first version.

- `number`: two figures with the same unit, standing in one context (a content word shared among
  the `CONTEXT` words on either side of both), whose hedged ranges do not meet
  (`numbers.Quantity.compatible`): "12 people" vs "15 people" conflict, "at least 12 people" vs
  "15 people" do not. "nearly 25 years" vs "24 years" do not either: "nearly" admits a figure a
  little under the round number, and the reason a fact-checker would ask about (the precision) is
  not a contradiction. A bare year ("since 2000", "the 2005 shooting") is a date, compared only
  with dates; an age ("43-year-old") is not a duration. Not compared: a figure the other
  paragraph also gives (it is agreed on; its neighbours in a list of figures count other
  things), figures about different subjects (the names just before them, or else the name the
  sentence opens with, share nothing: "Novak scored 20 points" / "Ilic scored 9 points"), a
  target against a result ("needed nine points" / "scored 20 points"), a figure told as still to
  come against one told as done ("will miss the final two games" / "missed four games"),
  compounds that describe different things ("a 60-year-old, terminally ill woman" / "a
  41-year-old murder case") or a compound against a plain count ("a 16-point lead" / "five
  points"), times of day, days of the month, and figures whose "unit" is a
  function word. Two figures are compared when each is among the other paragraph's figures that
  share most words around it.
- `date`: two years said of the same thing: both preceded by the same word ("since 1991" vs
  "since 2000", "in 2019" vs "in 2018"); or two different weekdays for the same event (a
  lower-case content word shared just before both: "sank on Tuesday" vs "sank on Wednesday";
  after both where a day dates what follows it: "Friday's semifinal"). Not a day the other
  paragraph gives too (two events, each dated alike), nor the day of telling ("said Wednesday").
- `quote`: a quoted passage of one paragraph and a quote of the other that is one statement
  (`quotes.same_statement`) in a clearly similar but not identical wording (`partial_ratio`
  between `QUOTE_LOW` and `QUOTE_HIGH`) where at least one content word differs inside the
  passage, or at least two small words do (a quote cut short is not a conflict: words added or
  dropped at either end are ignored; contractions count as their full forms). A short quotation
  the other outlet prints with words left out in the middle (“swift and total reconstruction” vs
  “swift reconstruction”) is one too. Different translations of one statement show up here; an
  outlet that paraphrases without quoting is not a different wording of the quote.
- `attribution`: the same claim (two sentences sharing at least `CLAIM_WORDS` content words) told
  with a different certainty: each sentence carries a general English marker of how sure the
  claim is (hedged: "possibly", "alleged", "suspected"; feared: "concerns", "fear"; claimed:
  "claimed", "allegations"; accused: "accused"; asserted: "we know", "confirmed"; denied:
  "deny") and the kinds
  differ ("possibly dumping" vs "accused of dumping"), and the marker only one side has governs
  the shared claim (`_governs`). A sentence with no marker is never compared: a plain statement
  is not a different certainty. Also an attribution conflict: one quoted statement (an excerpt
  counts) told first-hand in one paragraph ("…,” the mayor said) and passed on by a third party
  in the other ("according to X", "citing X", "X reported", "X quoted the mayor as saying"),
  when the first-hand paragraph names nothing of that third party (`_relays`).
- `wording`: the same thing named with different specific words. Either one noun that both
  paragraphs use once, in one context, whose identity words before it ("same", a name's
  possessive, an acronym, a name compound such as "French-made") or whose "of …" phrase after it
  differ on both sides ("EU tariffs" vs "US tariffs", "posters of the mayor" vs "posters of the
  governor"); or, in two sentences aligned word by word, a name replaced between shared words
  ("the dam burst near Arvia before dawn" vs "near Belmont before dawn"); or one thing
  enumerated with different items after a shared word ("covers fishing, shipping and forestry"
  vs "covered mining, tourism and rail links", `_lists`). Not conflicts: added
  detail on one side only, descriptive adjectives and common words replaced by others (outlets'
  synonyms: "the broadest truce" / "the broadest pact"), inflections, British and American
  spellings, abbreviations ("US" / "United States"), numbers (those are `number` and `date`),
  words of time, size and degree adjectives ("giant" / "colossal"), title-case headlines, and
  a name's possessive on one side only ("Reggie Bush's season" / "his third NFL season": whose
  it is, which the other side's words do not contradict).

- `tense`: one event told as still to come by one outlet ("will", "set to", "expected to",
  "about to" … and a verb) and as done by the other (a past form of the same verb, or both verbs
  of going somewhere: "set to fly to X" / "travelled to Y"), in sentences sharing at least
  `CLAIM_NEAR` words of the future clause, one of them a name, near the past verb. Not a past
  sentence on an earlier occasion ("the last time they played", "earlier"), nor a past verb that
  says who someone is ("Weitz, who directed …"), nor two sentences that count one unit in
  figures that never agree (two spells). Such pairs are looked for among the scored pairs under
  the shown threshold too (`tense_links`): the matcher shows them as `related`.

Each conflict carries the differing spans of both paragraphs (`Version`) and a one-line reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import groupby, repeat
from operator import attrgetter
from typing import NamedTuple

from rapidfuzz import fuzz

from tui.core.candidates import SMALL_STORY
from tui.core.features import STOPWORDS, ParagraphFeatures, StoryIndex, sentence_ends, stem
from tui.core.model import Conflict, Fact, Match, Ref, Version
from tui.core.numbers import NUMBER_WORDS, Quantity
from tui.core.quotes import same_statement, words_of

QUOTE_LOW = 72.0
QUOTE_HIGH = 100.0
LARGE_PARTNERS = 3
"""In a story of more than `candidates.SMALL_STORY` articles, each paragraph is compared with its
best few matches only (not with every member of its facts): a fact copied by hundreds of
outlets must not make the comparisons grow with the square of the story, and the best matches
are the surest to report the same thing."""
MAX_FACT = 40
"""Facts larger than this are compared through their first members only (cost bound)."""
CLAIM_WORDS = 3
"""Content words two sentences share for them to state one claim (`attribution`)."""
ALIGNED_WORDS = 3
"""Content words two sentences share before they are aligned word by word (`wording`)."""
MAX_REPLACED = 4
"""Longest replaced stretch (words, each side) that reads as a different name for one thing."""
_WORD = re.compile(r"[^\W_]+")

_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_TIME_WORDS = _WEEKDAYS | frozenset(
    """january february march april may june july august september october november december
    today yesterday tomorrow tonight morning afternoon evening night dawn midnight noon week
    weekend month year earlier later hour hours minute minutes""".split()
)
_CERTAINTY: dict[str, str] = {
    **dict.fromkeys(
        "possibly possible potential potentially perhaps apparently reportedly likely unlikely "
        "suspected suspect alleged allegedly purportedly".split(), "hedged"),
    **dict.fromkeys("concern concerns concerned fear fears feared worry worries worried".split(),
                    "feared"),
    **dict.fromkeys("claim claims claimed claiming allege alleges allegation allegations".split(),
                    "claimed"),
    **dict.fromkeys("accuse accuses accused accusing accusation accusations".split(), "accused"),
    **dict.fromkeys("know knows confirmed confirms".split(), "asserted"),
    **dict.fromkeys("deny denies denied denying denial denials reject rejects rejected".split(),
                    "denied"),
}
"""General English markers of how sure a claim is, by kind."""
_MARKER_TERMS = frozenset(stem(w) for w in _CERTAINTY)
_SIZE = frozenset(
    """large big huge giant colossal massive enormous vast immense small little tiny major key
    main grand great significant important heavy whole entire several numerous various other
    further such very high low top senior recent current latest former wide broad long short
    giant gigantic lavish full""".split()
)
"""Size, degree and vagueness adjectives: outlets vary them freely without disagreeing."""
_COMPLEMENT = frozenset({"of", "depicting", "showing", "featuring", "portraying", "bearing"})
_NP_GLUE = frozenset({"the", "a", "an", "and", "its", "his", "her", "their", "our", "two", "three"})
_MOD_STOP = (STOPWORDS - {"same"}) | {"another", "every"}
_BREAK = re.compile(r"[,;:()\[\]\"“”‘’—–!?]|(?:^|\s)[-']|\.\s")
_TOKEN = re.compile(r"[^\W_][\w'’]*+(?:\.[^\W_]+)*+\.?(?:-[^\W_][\w'’]*+)*+")
"""A word ("U.S.", "don't", "French-made"). (Possessive quantifiers: every part after the
first may match nothing, so giving characters back never finds another word; they only spare
the engine trying.)"""
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
"""Splits a text into the text before its first word, then each word and the text after it."""
_SHORT_QUOTE = re.compile(r"[“\"]([^“”\"]{2,80})[”\"]")


def find_conflicts(
    index: StoryIndex,
    facts: list[Fact],
    matches: Iterable[Match] = (),
    words_by_text: dict[str, _Words] | None = None,
) -> list[Conflict]:
    """Every conflict between paragraphs of one fact, or of one match. `words_by_text`: the
    words of the texts read so far (`tense_links`), filled in as more are read."""
    for cache in (_statement, _likeness, _ratio, _wording, _inner_difference, _word_count):
        cache.cache_clear()  # quotes of this story only
    paragraphs = index.paragraphs
    place = {pf.ref: k for k, pf in enumerate(paragraphs)}
    """Each paragraph's place in the index: pairs are kept by places, quicker to hash than refs."""
    # Facts, their members and matches are taken in the order of their refs (article id, then
    # paragraph), and so are the two paragraphs of a pair, so that what is found, and which of
    # equal conflicts is kept, does not depend on the order the articles come in.
    by_refs = sorted(facts, key=lambda f: sorted((r.article, r.paragraph) for r in f.members))
    fact_of: dict[int, str] = {}
    for fact in by_refs:
        for ref in fact.members:
            k = place.get(ref)
            if k is not None:
                fact_of.setdefault(k, fact.id)
    pairs: dict[tuple[int, int], str] = {}
    large = index.n_articles > SMALL_STORY
    for fact in by_refs:
        if large or fact.unique:
            continue  # a large story's facts are compared through their members' best matches
        members = [
            (r.article, place[r])
            for r in sorted(fact.members, key=attrgetter("article", "paragraph"))[:MAX_FACT]
            if r in place
        ]
        for k, (article_a, a) in enumerate(members):
            for article_b, b in members[k + 1 :]:
                if article_a != article_b:
                    pairs.setdefault((a, b) if a < b else (b, a), fact.id)
    bounded = sorted(
        _bounded(matches, index.n_articles),
        key=lambda m: sorted(((m.a.article, m.a.paragraph), (m.b.article, m.b.paragraph))),
    )
    for match in bounded:
        if match.a.article == match.b.article:
            continue
        first, second = sorted((match.a, match.b), key=attrgetter("article", "paragraph"))
        a, b = place.get(first), place.get(second)
        if a is not None and b is not None:
            pairs.setdefault((a, b) if a < b else (b, a), fact_of.get(a) or fact_of.get(b, ""))
    known = {} if words_by_text is None else words_by_text
    read: dict[str, tuple[_Words, frozenset[str]]] = {}
    """Each paragraph's words and material (`_material`), by text."""
    by_texts: dict[tuple[str, str], list[tuple[str, Version, Version, str]]] = {}
    """What a pair of texts yields, so that copies of a paragraph are compared once."""
    found: list[Conflict] = []
    seen: set[tuple] = set()
    for (ka, kb), fact_id in pairs.items():
        a, b = paragraphs[ka], paragraphs[kb]
        if (b.ref.article, b.ref.paragraph) < (a.ref.article, a.ref.paragraph):
            a, b = b, a  # (each pair read in the order of its refs, as the detectors read it)
        if a.text == b.text:
            continue  # a copy cannot disagree with itself
        texts = (a.text, b.text)
        kinds = by_texts.get(texts)
        if kinds is None:
            for pf in (a, b):
                if pf.text not in read:
                    words = known.get(pf.text)
                    if words is None:
                        words = known[pf.text] = _words(pf.text)
                    read[pf.text] = (words, _material(pf, words))
            (wa, ma), (wb, mb) = read[a.text], read[b.text]
            held = ma & mb | (ma | mb) & _ONE_SIDE
            kinds = by_texts[texts] = [
                conflict
                for detect, needs in _DETECTORS
                if needs is None or needs in held
                for conflict in detect(a, b, wa, wb)
            ]
        elif kinds:
            kinds = [
                (kind, replace(va, ref=a.ref), replace(vb, ref=b.ref), reason)
                for kind, va, vb, reason in kinds
            ]
        for kind, va, vb, reason in kinds:
            key = (fact_id, kind, va.text.casefold(), vb.text.casefold())
            if key in seen or (fact_id, kind, vb.text.casefold(), va.text.casefold()) in seen:
                continue
            seen.add(key)
            found.append(Conflict(f"C{len(found) + 1}", fact_id, kind, (va, vb), reason))
    return found


def _material(pf: ParagraphFeatures, words: list[_W]) -> frozenset[str]:
    """What a paragraph holds that some kinds of conflict need, on both sides or on one
    (`_DETECTORS`)."""
    text = pf.text
    held = {
        "figures": bool(pf.quantities),
        "days": bool(_days(words)),
        "quotes": bool(pf.quotes),
        "short quotes": ('"' in text or "“" in text) and bool(_SHORT_QUOTE.search(text)),
        "certainty": bool(_marked(words)),
        "lists": _may_list(text),
        "futures": bool(_futures(words)),
    }  # (short quotes: `_short_quoted`; its quote marks are looked for first, quicker)
    return frozenset(k for k, v in held.items() if v)


_ONE_SIDE = frozenset({"futures"})
"""Material a kind of conflict needs in one paragraph of a pair only (`_DETECTORS`): an event
told as still to come by either side (`_tenses`)."""


def _bounded(matches: Iterable[Match], n_articles: int) -> list[Match]:
    """All the matches of a small story; in a large one, those among the `LARGE_PARTNERS` best
    of either paragraph."""
    matches = list(matches)
    if n_articles <= SMALL_STORY:
        return matches
    ranked: dict[Ref, list[float]] = {}
    for m in matches:
        ranked.setdefault(m.a, []).append(m.score)
        ranked.setdefault(m.b, []).append(m.score)
    floor = {
        ref: sorted(scores, reverse=True)[: LARGE_PARTNERS][-1] for ref, scores in ranked.items()
    }
    return [m for m in matches if m.score >= floor[m.a] or m.score >= floor[m.b]]


class _W(NamedTuple):
    """A word of a paragraph as written, for word-by-word comparison (a tuple: a paragraph has
    many, made at once in `_words`). Its place comes first, then what its spelling says
    (`_word_info`, once per spelling)."""

    start: int
    end: int
    sentence: int
    pause: bool
    """Punctuation between this word and the next (or the end of the paragraph)."""
    i: int
    """Place among the paragraph's words."""
    raw: str
    """As written."""
    key: str
    """Lower case, possessive and dots dropped ("U.S." → "us", "Smith's" → "smith")."""
    term: str
    """`key` light-stemmed."""
    lower: bool
    """Written in lower case (not a name)."""
    content: bool
    """Not a function word (`features.STOPWORDS`) and longer than one letter."""
    acronym: bool
    """Two or more letters, all capitals ("EU", "U.S.")."""
    possessive: bool
    """Ends in "'s"."""
    plain: bool
    """Can tell two namings apart: no number, time, size or function word (`_plain_key`)."""
    noun: bool
    """A common noun as far as spelling tells: lower case, a content word, not a verb or
    adverb form, a role, a size or time word (`_noun_key`); `_nouns` asks the rest."""
    continues: bool
    """Continues the phrase of a word right before it with no pause between: a lower-case
    content word other than "of" and the like (`_nouns`: the word before is no noun)."""


class _Words(list):
    """A paragraph's words, with what every comparison of it needs computed once."""


def _words(text: str) -> _Words:
    ends = [*sentence_ends(text), len(text) + 1]
    out = _Words()
    new = tuple.__new__  # without the generated __new__: the same tuple, made in C
    n = len(text)
    pieces = iter(_TOKEN_SPLIT.split(text.replace("\u2019", "'")))
    start = len(next(pieces))
    sentence, next_end = 0, ends[0]
    for k, (raw, gap) in enumerate(zip(pieces, pieces)):  # each word, then the text up to the next
        end = start + len(raw)
        after = end + len(gap)
        if raw[-1] == "." and "." not in raw[:-1]:
            raw, end = raw[:-1], end - 1
            pause = True  # the gap starts with that dot
        elif gap == " ":
            pause = after == n
        else:  # (as written: a curly apostrophe is a break, a straight one not always)
            pause = after == n or _pause(text[end:after] if "'" in gap else gap)
        while start >= next_end:  # bisect_right(ends, start), tokens coming in order
            sentence += 1
            next_end = ends[sentence]
        out.append(new(_W, (start, end, sentence, pause, k) + _word_info(raw)))
        start = after
    return out


@lru_cache(maxsize=1 << 12)
def _pause(gap: str) -> bool:
    """Whether the text between two words holds punctuation (a pause)."""
    return bool(_BREAK.search(gap)) or gap.startswith(".")


@lru_cache(maxsize=1 << 16)
def _word_info(raw: str) -> tuple:
    """What a word's spelling says, the fields of `_W` from `raw` on."""
    key = raw.casefold().replace("'s", "").replace("'", "").replace(".", "")
    term = stem(key)
    lower = raw[:1].islower()
    content = key not in STOPWORDS and term not in STOPWORDS and len(key) > 1
    bare = raw.removesuffix("'s")
    acronym = bare.isupper() and sum(c.isalpha() for c in bare) >= 2
    noun = lower and content and _noun_key(key)
    continues = lower and content and key not in _COMPLEMENT
    return (raw, key, term, lower, content, acronym, raw.endswith("'s"), _plain_key(key), noun,
            continues)


def _memo(words: list, name: str, make):
    """`make(words)`, computed once per paragraph (`_Words`) and recomputed for other lists."""
    if not isinstance(words, _Words):
        return make(words)
    cache = words.__dict__
    found = cache.get(name, _MISSING)
    if found is _MISSING:
        found = cache[name] = make(words)
    return found


_MISSING = object()


def _new_cache(_words: list) -> dict:
    """An empty cache for `_memo`, filled by its caller."""
    return {}


@lru_cache(maxsize=1 << 16)
def _same_word(x: str, y: str) -> bool:
    """One word in two inflections or spellings ("economic" / "economical")."""
    if x == y or stem(x) == stem(y):  # (`stem` makes British spellings American)
        return True
    if x.removesuffix("s") == y.removesuffix("s"):
        return True  # "KOs" / "KO"
    n = 0
    for cx, cy in zip(x, y):
        if cx != cy:
            break
        n += 1
    return n >= 6 or (n >= 4 and n == min(len(x), len(y)))


def _acronyms(words: list[_W]) -> set[str]:
    """Initials of every run of capitalised words ("United States" → "us")."""
    return _memo(words, "acronyms", lambda ws: set().union(*_spelled_out(ws).values()))


def _differing(xs: list[_W], ys: list[_W], y_words: list[_W], x_words: list[_W]) -> list[_W]:
    """Words of `xs` with no counterpart among `ys`: not one word in another form, not the
    initials of capitalised words of the other paragraph, `y_words` ("US" / "United States"),
    and not a word of capitalised words of their own paragraph, `x_words`, whose initials are a
    word of `ys` ("United States" / "US")."""
    keys = [y.key for y in ys]
    acronyms = [y.key for y in ys if y.acronym]
    return [
        x for x in xs
        if not any(map(_same_word, repeat(x.key), keys))
        and not (x.acronym and _stands_for(x.key, _acronyms(y_words)))
        and (x.lower or not x.content  # (not in a run of capitalised words)
             or not any(_stands_for(key, _spelled_out(x_words).get(x.i, _NO_INITIALS))
                        for key in acronyms))
    ]


def _stands_for(acronym: str, initials: set[str] | frozenset[str]) -> bool:
    """Whether an acronym ("unc", lower case) is one of `initials` or opens or ends with one of
    two letters or more: "UNC" and "North Carolina", "USA" and "United States"."""
    return acronym in initials or any(
        len(i) >= 2 and (acronym.startswith(i) or acronym.endswith(i)) for i in initials
    )


_NO_INITIALS: frozenset[str] = frozenset()


def _spelled_out(words: list[_W]) -> dict[int, set[str]]:
    """The initials of every run of two or more capitalised words ("United States" → "us"),
    by the place (`_W.i`) of each word of the run."""

    def make(ws: list[_W]) -> dict[int, set[str]]:
        out: dict[int, set[str]] = {}
        runs: list[list[_W]] = []
        for w in [w for w in ws if not w.lower and w.content]:  # capitalised words, in order
            if runs and w.i == runs[-1][-1].i + 1 and not runs[-1][-1].pause:
                runs[-1].append(w)
            else:
                runs.append([w])
        for run in runs:
            if len(run) > 1:
                initials = "".join(x.key[0] for x in run)
                n = len(run)
                for p, x in enumerate(run):  # every stretch [i, j) of two words or more holding x
                    out[x.i] = {
                        initials[i:j] for i in range(p + 1) for j in range(max(p + 1, i + 2), n + 1)
                    }
        return out

    return _memo(words, "spelled_out", make)


def _span(pf: ParagraphFeatures, words: list[_W]) -> Version:
    return _version(pf, words[0].start, words[-1].end)


def _sentences(words: list[_W]) -> list[list[_W]]:
    return _memo(words, "sentences", _split)


def _split(words: list[_W]) -> list[list[_W]]:
    """The words of each sentence, in a row (a paragraph's words come in sentence order)."""
    return [_Words(ws) for _, ws in groupby(words, attrgetter("sentence"))]


def _title_case(words: list[_W], sentence: int) -> bool:
    """A headline in title case ("Actress Checks Into Clinic"): its capitals are not names."""
    long = [w for w in words if w.sentence == sentence and len(w.key) > 3 and w.raw[:1].isalpha()]
    return len(long) >= 3 and sum(w.raw[:1].islower() for w in long) <= 1


def _in_quotes(pf: ParagraphFeatures, start: int) -> bool:
    return any(s <= start < e for s, e in pf.quotes)


def _weekdays(a: ParagraphFeatures, b: ParagraphFeatures, wa: list[_W], wb: list[_W]):
    """Two weekdays for one event: a content word shared next to both. A day the other
    paragraph also gives is agreed on (two days of two events, "signed Wynn on Tuesday and Bell
    today" / "Bell, signed Wednesday"), and a day of telling ("police said Wednesday") dates
    the report, not the event."""
    days_b = _days(wb)
    if not days_b:
        return
    days_a = _days(wa)
    keys_a, keys_b = {x.key for x, _ in days_a}, {y.key for y, _ in days_b}
    for x, bx in days_a:
        if x.key in keys_b:
            continue
        for y, by in days_b:
            if y.key in keys_a:
                continue
            shared = bx.keys() & by.keys()
            quoted = _in_quotes(a, x.start) or _in_quotes(b, y.start)
            if shared and not quoted:
                yield ("date", _version(a, x.start, x.end), _version(b, y.start, y.end),
                       f"{a.text[x.start:x.end]} vs {b.text[y.start:y.end]}: different days for "
                       f"the same {bx[min(shared)]}")


_OWNERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "that"})
"""Words before a weekday that make it describe the noun after it ("the Saints' Thursday
night loss", "its Friday game")."""


def _days(words: list[_W]) -> list[tuple[_W, dict[str, str]]]:
    """Each weekday of a paragraph that dates an event, with the plain lower-case words next to
    it, each term with the word as written (once per paragraph). A weekday is read with the
    words before it ("placed on injured reserve Wednesday"), or after it when it describes what
    follows ("Friday's second semifinal", "the Saints' Thursday night loss"); one right after a
    word of telling dates the telling and is left out."""

    def find(words: list[_W]) -> list[tuple[_W, dict[str, str]]]:
        out: list[tuple[_W, dict[str, str]]] = []
        if _keys(words).isdisjoint(_WEEKDAYS):
            return out
        for i, w in enumerate(words):
            if w.key not in _WEEKDAYS:
                continue
            previous = words[i - 1] if i and words[i - 1].sentence == w.sentence else None
            if previous is not None and previous.key in _TELLING:
                continue
            describes = w.possessive or previous is not None and (
                previous.possessive or previous.raw.endswith("'") or previous.key in _OWNERS
            )
            near = words[i + 1 : i + 6] if describes else words[max(0, i - 5) : i]
            out.append((w, {
                x.term: x.raw for x in near
                if x.content and x.lower and x.plain and x.key not in NUMBER_WORDS
                and x.sentence == w.sentence
            }))
        return out

    return _memo(words, "days", find)


def _marked(words: list[_W]) -> list[list[_W]]:
    """The sentences of a paragraph that carry a marker of certainty (`_markers`)."""
    return _memo(words, "marked", lambda ws: [] if _keys(ws).isdisjoint(_CERTAINTY) else [
        s for s in _sentences(ws) if _markers(s)
    ])


def _keys(words: list[_W]) -> set[str]:
    """Every word of a paragraph (`_W.key`): a paragraph with no word of a kind (weekdays,
    markers of certainty or of the future) skips reading its words one by one for them."""
    return _memo(words, "keys", lambda ws: {w.key for w in ws})


def _markers(sentence: list[_W]) -> dict[str, list[_W]]:
    return _memo(sentence, "markers", _find_markers)


def _terms(sentence: list[_W]) -> set[str]:
    """The content words of a sentence, light-stemmed."""
    return _memo(sentence, "terms", lambda ws: {w.term for w in ws if w.content})


def _names(sentence: list[_W]) -> set[str]:
    """The names and acronyms of a sentence, light-stemmed."""
    return _memo(sentence, "names", lambda ws: {
        w.term for w in ws if not w.lower and (w.acronym or w.content and w.raw[:1].isupper())
    })  # (`_named`, written out; an acronym is never in lower case, most words are)


def _find_markers(sentence: list[_W]) -> dict[str, list[_W]]:
    out: dict[str, list[_W]] = {}
    for w in sentence:
        kind = _CERTAINTY.get(w.key)
        if kind:
            out.setdefault(kind, []).append(w)
    return out


def _attributions(a: ParagraphFeatures, b: ParagraphFeatures, wa: list[_W], wb: list[_W]):
    """One claim told with different certainty in the two paragraphs.

    The marker that only one side has must govern the shared claim: at least `CLAIM_NEAR`
    content words of the `CLAIM_SPAN` words after it are in the other sentence.
    """
    best: tuple[int, tuple] | None = None
    marked_b = _marked(wb)
    if not marked_b:
        return
    for sa in _marked(wa):
        ma = _markers(sa)
        ta = _terms(sa) - _MARKER_TERMS
        for sb in marked_b:
            mb = _markers(sb)
            if set(ma) == set(mb):
                continue
            tb = _terms(sb) - _MARKER_TERMS
            shared = ta & tb
            if len(shared) < CLAIM_WORDS:
                continue
            if _in_quotes(a, sa[0].start) and _in_quotes(b, sb[0].start):
                continue
            only_a = [w for k, ws in ma.items() if k not in mb for w in ws if _governs(sa, w, tb)]
            only_b = [w for k, ws in mb.items() if k not in ma for w in ws if _governs(sb, w, ta)]
            if not only_a and not only_b:
                continue
            if best is None or len(shared) > best[0]:
                best = (len(shared), (ma, mb, only_a, only_b, shared))
    if best is None:
        return
    ma, mb, only_a, only_b, shared = best[1]
    xa = only_a or sorted((w for ws in ma.values() for w in ws), key=lambda w: w.start)
    xb = only_b or sorted((w for ws in mb.values() for w in ws), key=lambda w: w.start)
    va, vb = _span(a, [xa[0], xa[-1]]), _span(b, [xb[0], xb[-1]])
    if len(va.text) > 60:
        va = _span(a, [xa[0]])
    if len(vb.text) > 60:
        vb = _span(b, [xb[0]])
    what = ", ".join(sorted(shared, key=lambda t: (-len(t), t))[:3])
    yield ("attribution", va, vb,
           f"{_list(ma)} vs {_list(mb)}: the same claim ({what}) told with different certainty")


CLAIM_SPAN = 10
CLAIM_NEAR = 2


def _governs(sentence: list[_W], marker: _W, other: set[str]) -> bool:
    """Whether the clause after a marker (up to `CLAIM_SPAN` words or punctuation) shares at
    least `CLAIM_NEAR` content words with the other sentence, one of them not a name."""
    i = marker.i - sentence[0].i
    clause: list[_W] = []
    for w in sentence[i + 1 : i + 1 + CLAIM_SPAN]:
        clause.append(w)
        if w.pause:
            break
    if marker.pause:
        clause = []
    shared = [w for w in clause if w.content and w.term in other]
    return len({w.term for w in shared}) >= CLAIM_NEAR and any(w.lower for w in shared)


def _list(markers: dict[str, list[_W]]) -> str:
    return " + ".join(
        f"{kind} ({', '.join(dict.fromkeys(w.key for w in ws))})" for kind, ws in markers.items()
    )


_FUTURE = (
    ("will",), ("set", "to"), ("due", "to"), ("expected", "to"), ("scheduled", "to"),
    ("plans", "to"), ("planning", "to"), ("is", "to"), ("are", "to"), ("headed", "next"),
    ("heads", "next"), ("heading", "next"), ("going", "to"), ("about", "to"),
)
"""General English ways of saying something is still to happen."""
_AUXILIARIES = frozenset({"will", "to", "would", "could", "may", "might", "can", "shall", "must"})
_MOTION = frozenset(
    """fly flew flown travel traveled travelled go went gone head headed visit visited arrive
    arrived leave left return returned move moved""".split()
)
"""Verbs of going somewhere: "set to fly to X" and "travelled to X" tell one trip."""
_PAST_OF = {"went": "go", "flew": "fly", "met": "meet", "came": "come", "left": "leave",
            "gave": "give", "took": "take", "made": "make", "held": "hold", "saw": "see",
            "spoke": "speak", "told": "tell", "began": "begin", "drove": "drive", "rode": "ride",
            "sent": "send", "brought": "bring", "won": "win", "lost": "lose", "fought": "fight",
            "sat": "sit", "stood": "stand", "ran": "run", "wrote": "write"}
TENSE_NEAR = 4
"""Words between a past verb and a word of the shared event."""


class _Future(NamedTuple):
    """A sentence told as still to come, and the clause after its marker (`_future_marker`)."""

    sentence: list[_W]
    marker: _W
    """The marker's first word."""
    verb: _W
    """The clause's first content word."""
    event: set[str]
    """The clause's content words."""
    named: set[str]
    """The clause's capitalised content words."""


def _futures(words: list[_W]) -> list[_Future]:
    """The sentences of a paragraph told as still to come, with the clause of their marker:
    up to `CLAIM_SPAN` words or punctuation. Those whose clause has no content word or no
    capitalised one are left out: they match no past sentence (`_tenses`)."""

    def find(ws: list[_W]) -> list[_Future]:
        out: list[_Future] = []
        if _keys(ws).isdisjoint(_FUTURE_FIRST):
            return out
        for sentence in _sentences(ws):
            found = _future_marker(sentence)
            if found is None:
                continue
            first, last = found
            clause: list[_W] = []
            for w in sentence[last + 1 : last + 1 + CLAIM_SPAN]:
                clause.append(w)
                if w.pause:
                    break
            named = {w.term for w in clause if w.content and w.raw[:1].isupper()}
            verb = next((w for w in clause if w.content), None)
            if named and verb is not None:
                event = {w.term for w in clause if w.content}
                out.append(_Future(sentence, sentence[first], verb, event, named))
        return out

    return _memo(words, "futures", find)


def _past_sentences(words: list[_W]) -> list[list[_W]]:
    """The sentences of a paragraph with no future marker (`_future_marker`)."""

    def find(ws: list[_W]) -> list[list[_W]]:
        if _keys(ws).isdisjoint(_FUTURE_FIRST):
            return _sentences(ws)
        return [s for s in _sentences(ws) if _future_marker(s) is None]

    return _memo(words, "past", find)


def _future_marker(sentence: list[_W]) -> tuple[int, int] | None:
    """(first, last) index of a future marker in a sentence, followed by its clause."""
    return _memo(sentence, "future", _find_future)


_FUTURE_FIRST = frozenset(m[0] for m in _FUTURE)


def _find_future(sentence: list[_W]) -> tuple[int, int] | None:
    keys = [w.key for w in sentence]
    for i, key in enumerate(keys):
        if key not in _FUTURE_FIRST:
            continue
        for marker in _FUTURE:
            end = i + len(marker) - 1
            if (
                tuple(keys[i : end + 1]) == marker and sentence[i].lower
                and not sentence[end].pause
                and (end + 1 >= len(keys) or keys[end + 1] not in ("not", "never", "be"))
            ):
                return i, end
    return None


def _same_verb(future: str, past: str) -> bool:
    """"will play" / "played", "set to fly" / "travelled": one action."""
    base = _PAST_OF.get(past, past)
    if future in _MOTION and past in _MOTION:
        return True
    return _same_word(future, base) or stem(future) == stem(base.removesuffix("d"))


def _past_verbs(sentence: list[_W]) -> list[int]:
    out = []
    for i, w in enumerate(sentence):
        if not w.lower or i and sentence[i - 1].key in _AUXILIARIES:
            continue
        if i and sentence[i - 1].key in _RELATIVE:
            continue  # "Weitz, who directed The Golden Compass": who he is, not the event
        if w.key in _PAST_OF or (len(w.key) > 4 and w.key.endswith("ed") and w.content):
            out.append(i)
    return out


_EARLIER = frozenset({"earlier", "previously", "formerly", "midway", "once"})
"""Words that set a past sentence on an earlier occasion than the one still to come."""
_OCCASIONS = frozenset({"time", "season", "year", "week", "month", "game", "match", "visit"})


def _another_time(sentence: list[_W]) -> bool:
    """Whether a sentence tells an earlier occasion: "earlier", "previously", or "last" before
    a word of time or occasion ("the last time", "last season")."""
    keys = [w.key for w in sentence]
    return any(k in _EARLIER for k in keys) or any(
        k == "last" and following in _OCCASIONS for k, following in zip(keys, keys[1:])
    )


_RELATIVE = frozenset({"who", "which", "that"})
"""Words after which a past verb tells what someone or something is, not the event."""


def _other_counts(x: ParagraphFeatures, sx: list[_W], y: ParagraphFeatures, sy: list[_W]) -> bool:
    """Whether two sentences count one unit in different figures and agree on none: they tell
    two events ("two games" still to come, "four games" missed)."""
    def counts(pf: ParagraphFeatures, sentence: list[_W]) -> dict[str, set[float]]:
        start, end = sentence[0].start, sentence[-1].end
        out: dict[str, set[float]] = {}
        for q in pf.quantities:
            if start <= q.start < end and q.unit:
                out.setdefault(q.unit, set()).add(q.value)
        return out

    cx, cy = counts(x, sx), counts(y, sy)
    shared = cx.keys() & cy.keys()
    return bool(shared) and all(cx[u].isdisjoint(cy[u]) for u in shared)


_FUTURE_TEXT = re.compile(r"\b(?:" + "|".join(" ".join(m) for m in _FUTURE) + r")\b")
"""Any future marker in a text (`_FUTURE`): the paragraphs worth reading for `tense_links`."""


def tense_links(
    index: StoryIndex,
    pairs: list[tuple[int, int]],
    words_by_text: dict[str, _Words] | None = None,
) -> list[int]:
    """Which of `pairs` (indices into `index.paragraphs`) tell one event as still to come in one
    paragraph and as done in the other (`_tenses`), by their place in `pairs`.

    Such a pair scores low, since the two outlets wrote at different moments in other words
    ("set to fly to Hanoi after his trip" / "After North Korea, Putin traveled to Vietnam"), yet
    it is one fact and the difference is what a reader needs to know; the matcher shows it as
    `related`, with its conflict. On a story of more than `candidates.SMALL_STORY` articles the
    pairs are not read (each paragraph has its shown matches there, and the reading costs).
    `words_by_text`: the words of the texts read, filled in (for `find_conflicts`).
    """
    if index.n_articles > SMALL_STORY:
        return []
    paragraphs = index.paragraphs
    read = {} if words_by_text is None else words_by_text

    def words(pf: ParagraphFeatures) -> _Words:
        found = read.get(pf.text)
        if found is None:
            found = read[pf.text] = _words(pf.text)
        return found

    named: dict[int, frozenset[str]] = {}

    def names_to_come(k: int) -> frozenset[str]:
        """The names of the clauses told as still to come in paragraph k (none: nothing to
        compare, and its partners are not read)."""
        found = named.get(k)
        if found is None:
            pf = paragraphs[k]
            found = frozenset()
            if _FUTURE_TEXT.search(pf.text):
                found = frozenset(t for f in _futures(words(pf)) for t in f.named)
            named[k] = found
        return found

    out = []
    for n, (i, j) in enumerate(pairs):
        a, b = paragraphs[i], paragraphs[j]
        # (a past sentence must share a name of the clause to come: most partners share none)
        if not (names_to_come(i) & b.terms or names_to_come(j) & a.terms):
            continue
        if a.ref.article != b.ref.article and next(_tenses(a, b, words(a), words(b)), None):
            out.append(n)
    return out


def _tenses(a: ParagraphFeatures, b: ParagraphFeatures, wa: list[_W], wb: list[_W]):
    """One event told as still to come by one outlet and as done by the other."""
    for x, y, wx, wy, flip in ((a, b, wa, wb, False), (b, a, wb, wa, True)):
        for _sentence, marker, verb, event, named in _futures(wx):
            for sy in _past_sentences(wy):
                if _another_time(sy):
                    continue  # "the last time the two teams played": an earlier occasion
                terms = _terms(sy) & event
                if len(terms) < CLAIM_NEAR or not named & terms:
                    continue
                shared = [k for k, w in enumerate(sy) if w.content and w.term in event]
                past = [
                    p for p in _past_verbs(sy)
                    if any(abs(p - k) <= TENSE_NEAR for k in shared)
                    and _same_verb(verb.key, sy[p].key)
                ]
                if not past:
                    continue
                if _other_counts(x, _sentence, y, sy):
                    continue  # "will miss the final two games" / "missed four games": two spells
                vx = _span(x, [marker, verb])
                vy = _span(y, [sy[past[0]]])
                reason = (f"“{vx.text}” vs “{vy.text}”: "
                          "told as still to come in one, as done in the other")
                yield ("tense", vy, vx, reason) if flip else ("tense", vx, vy, reason)
                return


def _wordings(a: ParagraphFeatures, b: ParagraphFeatures, wa: list[_W], wb: list[_W]):
    """The same thing named with different specific words."""
    taken: list[tuple[int, int, int, int]] = []
    found = [*_noun_phrases(wa, wb), *_aligned(wa, wb)]
    for va, vb, da, db, head in found:
        if _in_quotes(a, va[0].start) and _in_quotes(b, vb[0].start):
            continue
        if _title_case(wa, va[0].sentence) or _title_case(wb, vb[0].sentence):
            continue
        box = (va[0].start, va[-1].end, vb[0].start, vb[-1].end)
        if any(x[0] < box[1] and box[0] < x[1] and x[2] < box[3] and box[2] < x[3] for x in taken):
            continue
        taken.append(box)
        sa, sb = _span(a, va), _span(b, vb)
        diff = " / ".join(
            " ".join(pf.text[w.start : w.end] for w in ws) for pf, ws in ((a, da), (b, db))
        )
        yield ("wording", sa, sb,
               f"“{sa.text}” vs “{sb.text}”: {head} named differently ({diff})")


def _plain_key(key: str) -> bool:
    """A word that can tell two namings apart: no number, time, size or function word (once
    per spelling, `_word_info`)."""
    return (
        key not in _MOD_STOP and len(key) > 1 and not any(c.isdigit() for c in key)
        and key not in _TIME_WORDS and key not in _SIZE and key not in _CERTAINTY
    )


def _noun_phrases(wa: list[_W], wb: list[_W]):
    """One noun in both paragraphs, once each, in the same context, with modifiers that differ.

    The context (`_same_context`): a content word shared among the `CONTEXT` content words
    before or after the phrase in both paragraphs ("hit with X tariffs on steel" / "hit with Y
    tariffs on steel"), or sentences sharing `ALIGNED_WORDS` content words, so the two phrases
    name one thing.
    """
    nouns_a, nouns_b = _nouns(wa), _nouns(wb)
    for term in sorted(nouns_a.keys() & nouns_b.keys(), key=nouns_a.get):
        i, j = nouns_a[term], nouns_b[term]
        w = wa[i]
        pa, ca, slots_a = _slots(wa, i)
        if not any(slots_a):
            continue  # nothing around it in `a` says which one it is
        pb, cb, slots_b = _slots(wb, j)
        for xa, xb in zip(slots_a, slots_b):
            if not xa or not xb:
                continue
            da, db = _differing(xa, xb, wb, wa), _differing(xb, xa, wa, wb)
            if da and db:
                break
        else:
            continue
        if _owner(da) != _owner(db):
            continue  # "Reggie Bush's season" / "his third NFL season": whose, and which
        if not _same_context(wa, pa + [w] + ca, wb, pb + [wb[j]] + cb):
            continue
        if da and db:
            yield pa + [w] + ca, pb + [wb[j]] + cb, da, db, f"the {w.key}"


def _owner(words: list[_W]) -> bool:
    """Whether differing words are a name's possessive and nothing else ("Reggie Bush's", "the
    Saints'"): they say whose the thing is, which another outlet's "third NFL" or "regular" does
    not contradict (where both name an owner, or neither, the two can disagree)."""
    return bool(words) and (words[-1].possessive or words[-1].raw.endswith("'")) and all(
        not w.lower for w in words
    )


def _slots(words: list[_W], i: int) -> tuple[list[_W], list[_W], tuple[list[_W], list[_W]]]:
    """The words before and after the noun words[i], and in each slot the words that can tell
    two namings apart: identity words before it ("EU", "Smith's", "same"), and whatever an
    "of …" after it names. Descriptive adjectives before it vary freely."""
    cache = _memo(words, "slots", _new_cache)
    if i not in cache:
        pre, post = _modifiers(words, i)
        # A modifier is capitalised, hyphenated or "same" (`_modifier`): most words before a
        # noun, lower-case adjectives, are passed over without a closer look.
        identity = [x for x in pre if (not x.lower or x.key == "same" or "-" in x.raw)
                    and _modifier(x)]
        slots = (identity, [x for x in post if _complement(x)])
        cache[i] = (pre, post, slots)
    return cache[i]


def _nouns(words: list[_W]) -> dict[str, int]:
    """Where each noun used once in the paragraph stands, by term."""

    def find(ws: list[_W]) -> dict[str, int]:
        terms = [w.term for w in ws]
        last = len(ws) - 1
        # A common noun ending its phrase, as far as spelling tells (`_W.noun`), not followed
        # by another lower-case word of the phrase (`_W.continues`).
        return {
            w.term: i for i, w in enumerate(ws)
            if w.noun and (i == last or w.pause or not ws[i + 1].continues)
            and terms.count(w.term) == 1  # last: few words get this far
        }

    return _memo(words, "nouns", find)


CONTEXT = 3
_ROLES = frozenset(
    """leader leaders president minister official officials spokesman spokeswoman spokesperson
    head chief people person man woman country countries nation nations side sides part way
    thing things time attorney attorneys lawyer lawyers police officer officers authorities
    source sources member members player players team teams""".split()
)
"""People, roles and vague nouns: outlets name them by whoever they mean, not one thing."""


def _noun_key(raw: str) -> bool:
    """The spelling half of a noun test (`_nouns`), by the word's key (once per spelling,
    `_word_info`)."""
    return (
        len(raw) > 3 and raw not in _ROLES
        and not raw.endswith(("ed", "ing", "ly")) and raw not in _SIZE
        and raw not in _TIME_WORDS and not any(c.isdigit() for c in raw)
    )


def _modifier(w: _W) -> bool:
    """A word before a noun that says *which* one: "same", a name's possessive, an acronym, or a
    compound of a name and a lower-case word ("EU", "Smith's", "French-made"). Descriptive
    words ("court-ordered", "injury-hit", "mutual") vary freely between outlets."""
    if not w.plain:
        return False
    parts = w.raw.split("-")
    return (
        w.key == "same" or (w.possessive and w.raw[:1].isupper()) or w.acronym
        or (len(parts) > 1 and any(p[:1].isupper() for p in parts)
            and any(p[:1].islower() for p in parts))
    )


def _complement(w: _W) -> bool:
    """A word of an "of …" phrase that can tell two namings apart: a noun or a name."""
    return (
        w.plain and w.key not in _COMPLEMENT and not w.key.endswith(("ing", "ed"))
    )


def _named(w: _W) -> bool:
    """A name or an acronym (capitalised, not as the first word of its sentence)."""
    return w.acronym or (w.raw[:1].isupper() and not w.lower and w.content)


def _context(words: list[_W], phrase: list[_W]) -> set[str]:
    """Content words near a phrase: `CONTEXT` on each side, in its sentence."""
    i, j = phrase[0].i, phrase[-1].i
    sentence = _sentence_of(words, phrase[0])  # the words of its sentence, in a row
    first = sentence[0].i
    before = [w for w in sentence[: i - first] if w.content][-CONTEXT:]
    after = [w for w in sentence[j + 1 - first :] if w.content][:CONTEXT]
    return {w.term for w in before + after}


def _sentence_of(words: list[_W], w: _W) -> list[_W]:
    """The words of the sentence of `w` (a word of `words`)."""
    by_number = _memo(words, "by_sentence", lambda ws: {s[0].sentence: s for s in _sentences(ws)})
    return by_number[w.sentence]


def _same_context(wa: list[_W], pa: list[_W], wb: list[_W], pb: list[_W]) -> bool:
    """Whether two phrases stand in one context: a content word shared near both, or sentences
    that share at least `ALIGNED_WORDS` content words besides the phrases."""
    if _context(wa, pa) & _context(wb, pb):
        return True
    inside = {w.term for w in pa + pb}
    sa = _terms(_sentence_of(wa, pa[0])) - inside
    sb = _terms(_sentence_of(wb, pb[0])) - inside
    return len(sa & sb) >= ALIGNED_WORDS


def _modifiers(words: list[_W], i: int) -> tuple[list[_W], list[_W]]:
    """The noun phrase around words[i]: up to four words before it, and an "of …" after it."""
    start = i
    while start > 0 and i - start < 4:
        w = words[start - 1]
        if w.sentence != words[i].sentence or w.key in _MOD_STOP and w.key != "same":
            break
        if w.pause and not (w.lower and words[start].lower):
            break
        start -= 1
    end = i
    if (
        not words[i].pause and i + 1 < len(words) and words[i + 1].key in _COMPLEMENT
        and not words[i + 1].pause
    ):
        k = i + 2
        while k < len(words) and k - i <= 7 and words[k].sentence == words[i].sentence:
            if words[k].key in _MOD_STOP and words[k].key not in _NP_GLUE:
                break
            end = k
            if words[k].pause:
                break
            k += 1
        while end > i and words[end].key in _NP_GLUE:
            end -= 1
    return words[start:i], words[i + 1 : end + 1]


def _aligned(wa: list[_W], wb: list[_W]):
    """In two sentences aligned word by word, a short stretch replaced between shared words."""
    info_b = _sentence_sets(wb)
    for sa, ta, na in _sentence_sets(wa):
        if not na:
            continue
        for sb, tb, nb in info_b:
            # Only a name replaced by another counts: each side needs a name the other lacks.
            if na <= tb or nb <= ta or len(ta & tb) < ALIGNED_WORDS:
                continue
            if _runs4(sa).isdisjoint(_runs4(sb)):
                continue  # no four words in a row in both: no equal stretch of four below
            matcher = _memo(sb, "matcher", _matcher)  # indexes `sb` once for all its alignments
            matcher.set_seq1([w.term for w in sa])
            ops = matcher.get_opcodes()
            if not any(
                t == "equal" and i2 - i1 >= 4 and sum(w.content for w in sa[i1:i2]) >= 2
                for t, i1, i2, _, _ in ops
            ):
                continue
            for k, (tag, i1, i2, j1, j2) in enumerate(ops):
                if tag != "replace" or k == 0 or ops[k - 1][0] != "equal":
                    continue
                left = sa[ops[k - 1][1] : ops[k - 1][2]]
                if k + 1 < len(ops):
                    if ops[k + 1][0] != "equal":
                        continue
                    right = sa[ops[k + 1][1] : ops[k + 1][2]]
                    if not (any(w.content for w in left) and any(w.content for w in right)):
                        continue
                    if len(left) + len(right) < 4:
                        continue
                    xa, xb = sa[i1:i2], sb[j1:j2]
                    limit = MAX_REPLACED
                else:  # the sentences end differently: compare up to the next punctuation
                    if sum(w.content for w in left) < 2 or left[-1].pause:
                        continue
                    xa, xb = _to_pause(sa[i1:i2]), _to_pause(sb[j1:j2])
                    if not (xa and xb and xa[-1].pause and xb[-1].pause):
                        continue
                    limit = MAX_REPLACED + 1
                if not xa or not xb or len(xa) > limit or len(xb) > limit:
                    continue
                if any(w.key in _ATTRIBUTING for w in (*xa, *xb)):
                    continue  # who says it, not what is named ("in X" / "according to TMZ")
                if _owner(xa) != _owner(xb):
                    continue  # whose, and which ("Dana Novak's" / "her third WNBL")
                ca, cb = [w for w in xa if w.plain], [w for w in xb if w.plain]
                da, db = _differing(ca, cb, wb, wa), _differing(cb, ca, wa, wb)
                if any(_named(w) for w in da) and any(_named(w) for w in db):
                    yield xa, xb, da, db, f"“{' '.join(w.key for w in left[-3:])} …”"


_ATTRIBUTING = frozenset({"according", "citing", "told", "said", "says", "tells", "reported"})
"""Words that say who speaks: a stretch holding one attributes, it names nothing (`_aligned`)."""
_TELLING = _ATTRIBUTING | frozenset(
    {"announced", "added", "confirmed", "stated", "tweeted", "wrote"}
)
"""Words of telling, after which a weekday dates the report (`_days`)."""


def _matcher(sentence: list[_W]) -> SequenceMatcher:
    """A word-by-word (by term) matcher of other sentences against `sentence`."""
    return SequenceMatcher(None, (), [w.term for w in sentence], autojunk=False)


def _sentence_sets(words: list[_W]) -> list[tuple[list[_W], set[str], set[str]]]:
    """Each sentence of a paragraph with its content words and names (`_terms`, `_names`)."""
    return _memo(
        words, "sentence_sets", lambda ws: [(s, _terms(s), _names(s)) for s in _sentences(ws)]
    )


def _runs4(sentence: list[_W]) -> set[tuple[str, ...]]:
    """Every four words in a row of a sentence (by term): two sentences whose word-by-word
    alignment has an equal stretch of four words share one of these."""

    def make(ws: list[_W]) -> set[tuple[str, ...]]:
        terms = [w.term for w in ws]
        return set(zip(terms, terms[1:], terms[2:], terms[3:], strict=False))

    return _memo(sentence, "runs4", make)


def _to_pause(words: list[_W]) -> list[_W]:
    for n, w in enumerate(words):
        if w.pause:
            return words[: n + 1]
    return words


def _version(pf: ParagraphFeatures, start: int, end: int) -> Version:
    return Version(pf.ref, pf.text[start:end], start, end)


def _numbers(a: ParagraphFeatures, b: ParagraphFeatures, wa: list[_W], wb: list[_W]):
    """Figures of one quantity that disagree. Two figures are compared when each is among the
    figures of the other paragraph that share most words around it (either way round, so the
    result does not depend on which paragraph comes first); a figure the other paragraph also
    gives (with the same unit) is agreed on, and its neighbours in a list of figures are other
    quantities."""
    if not a.quantities or not b.quantities:
        return
    read_a, values_a = _readings(a, wa)
    read_b, values_b = _readings(b, wb)
    ahead = _closest(a, b, wa, wb, read_a, read_b, values_a, values_b)
    back = _closest(b, a, wb, wa, read_b, read_a, values_b, values_a)
    for x, partners in ahead.items():
        qa, (kind, unit) = read_a[x]
        for y in partners:
            if x not in back.get(y, ()):
                continue  # one of the other's closest, but the other has closer ones
            qb = read_b[y][0]
            if kind == "number" and unit and not qa.compatible(qb) and _same_order(qa, qb):
                yield ("number", _version(a, qa.start, _figure_end(a.text, qa)),
                       _version(b, qb.start, _figure_end(b.text, qb)),
                       f"{_say(a, qa)} vs {_say(b, qb)}: different figures for the same "
                       f"{'age' if unit.endswith('-old') else unit}")
            elif kind == "year" and _before(a, qa) and _before(a, qa) == _before(b, qb):
                yield ("date", _version(a, qa.start, qa.end), _version(b, qb.start, qb.end),
                       f"{_before(a, qa)} {_say(a, qa)} vs {_say(b, qb)}: different years")


def _closest(x, y, wx, wy, read_x, read_y, values_x, values_y) -> dict[int, list[int]]:
    """For each figure of `x` (by place in `read_x`), the figures of `y` (by place in `read_y`)
    of one reading and another value that share most words around it, less those of other
    subjects, targets, spells or things (see `_numbers`)."""
    out: dict[int, list[int]] = {}
    for i, (qa, ra) in enumerate(read_x):
        if ra is None or (ra, qa.value) in values_y:
            continue
        unit = ra[1]
        ca = _figure_context(wx, qa, unit)
        traits_a = None
        scored = []
        for j, (qb, rb) in enumerate(read_y):
            if rb != ra or qb.value == qa.value or (rb, qb.value) in values_x:
                continue
            shared = len(ca & _figure_context(wy, qb, unit))
            if not shared:
                continue
            if traits_a is None:
                traits_a = _figure_traits(x, wx, i)
            na, need_a, come_a, da = traits_a
            nb, need_b, come_b, db = _figure_traits(y, wy, j)
            if na and nb and not na & nb:
                continue  # "Smith scored 20 points" / "Jones scored nine points": two subjects
            if need_a != need_b:
                continue  # "needed nine points" / "scored 20 points": a target and a result
            if come_a != come_b:
                continue  # "will miss the final two games" / "missed four games": two spells
            if (da or db) and not (da and db and _same_word(da, db)):
                # "a 60-year-old, terminally ill woman" / "a 41-year-old murder case"; "a
                # 16-point cushion" (a lead) / "five points" (scored): other things counted
                continue
            scored.append((shared, j))
        top = max((n for n, _ in scored), default=0)
        if scored:
            out[i] = [j for n, j in scored if n == top]
    return out


def _figure_traits(pf: ParagraphFeatures, words: list[_W], k: int) -> tuple:
    """For the figure `pf.quantities[k]`: the names it is about (`_names_near`), whether it is a
    target (`_needed`), whether it is still to come (`_to_come`), and what a compound figure
    describes (`_described`); once per figure of a paragraph, when first asked."""
    cache = _memo(words, "figure_traits", _new_cache)
    found = cache.get(k)
    if found is None:
        q = pf.quantities[k]
        inside = [w for w in words if w.start < q.end and q.start < w.end]
        found = cache[k] = (_names_near(words, q), _needed(words, inside),
                            _to_come(words, inside), _described(pf.text, words, q, inside))
    return found


MAGNITUDE = 10.0
"""How many times one figure may be the other for the two to be told as one quantity."""


def _same_order(qa: Quantity, qb: Quantity) -> bool:
    """Whether two figures are within `MAGNITUDE` of each other: outlets that disagree on one
    count seldom differ tenfold, and "2,290 points" and "20 points" are a career and a game.
    None against some ("0 deaths" / "3 deaths") is one count."""
    small, large = sorted((abs(qa.value), abs(qb.value)))
    return small == 0 or large <= MAGNITUDE * small


def _readings(pf: ParagraphFeatures, words: list[_W]):
    """What each figure of a paragraph counts (`_reading`), and the (reading, value) pairs it
    gives; once per paragraph."""

    def make(_words: list[_W]):
        read = [(q, _reading(pf.text, q)) for q in pf.quantities]
        return read, {(r, q.value) for q, r in read if r}

    return _memo(words, "readings", make)


_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_UNIT_WORDS = frozenset({"year", "week", "day", "time"})


_COMPOUND = re.compile(r"-([a-z]+)")


def _reading(text: str, q: Quantity) -> tuple[str, str] | None:
    """What a figure counts, for comparing: (`number` or `year`, unit), or None when it is no
    count of anything: a time of day ("6:41"), the tail of a decimal, a day of the month
    ("June 20"), or a figure whose "unit" is a function word ("8 on the scale")."""
    before = text[: q.start]
    close = before.rstrip()  # the text right before the figure, spaces aside
    if close.endswith((":", "/")) or (close[-1:] in (".", ",") and close[-2:-1].isdecimal()):
        return None  # "6:41", "9/11", the tail of "2.5" or "1,500"
    words = _WORD.findall(before[-12:].casefold())
    if words and words[-1] in _MONTHS:
        return None
    unit, kind = q.unit, q.kind
    compound = _COMPOUND.match(text, q.end)
    if unit and compound:
        unit = f"{unit}-{stem(compound.group(1))}"  # "43-year-old", "three co-workers"
    if unit in STOPWORDS and unit not in _UNIT_WORDS:
        return None
    figure = text[q.start : q.end]
    if (kind == "number" and unit and 1800 <= q.value <= 2100 and q.value.is_integer()
            and re.match(r"\d{4}\b", figure) and not figure.rstrip().endswith("s")):
        kind, unit = "year", ""  # "the 2005 shooting"
    return kind, unit


def _figure_context(words: list[_W], q: Quantity, unit: str) -> set[str]:
    """Content words next to a figure in its sentence (`CONTEXT` each side), its unit aside
    (once per figure and unit of a paragraph; not to be changed by the caller)."""
    cache = _memo(words, "figure_context", _new_cache)
    key = (q.start, q.end, unit)
    if key not in cache:
        cache[key] = _figure_context_of(words, q, unit)
    return cache[key]


def _figure_context_of(words: list[_W], q: Quantity, unit: str) -> set[str]:
    inside = [w for w in words if w.start < q.end and q.start < w.end]
    if not inside:
        return set()
    return _context(words, inside) - {unit, stem(unit)}


def _names_near(words: list[_W], q: Quantity) -> set[str]:
    """Capitalised words among the `NAME_SPAN` words before a figure, in its sentence: who the
    figure is about, usually ("Novak scored 20 points"); once per figure of a paragraph."""
    cache = _memo(words, "names_near", _new_cache)
    key = (q.start, q.end)
    if key not in cache:
        cache[key] = _names_near_of(words, q)
    return cache[key]


def _names_near_of(words: list[_W], q: Quantity) -> set[str]:
    inside = [k for k, w in enumerate(words) if w.start < q.end and q.start < w.end]
    if not inside:
        return set()
    sentence = words[inside[0]].sentence
    near = words[max(0, inside[0] - NAME_SPAN) : inside[0]]
    names = {w.term for w in near if w.raw[:1].isupper() and w.content and w.sentence == sentence}
    if names:
        return names
    # None close by: the sentence's subject, where it opens with a name ("Hansbrough, who
    # looked as though he was pressing all night, finished with another 20-point night").
    opening = []
    for w in _sentence_of(words, words[inside[0]]):
        if w.i >= inside[0] or not (w.raw[:1].isupper() and w.content):
            break
        opening.append(w.term)
    return set(opening)


NAME_SPAN = 6

_NEED = frozenset("need needs needed needing require requires required requiring".split())
"""Verbs that make the figure after them a target, not a count of what happened."""
_NEED_SKIP = frozenset({"just", "only", "another", "a", "an", "the", "at", "least"})
"""Words that may stand between such a verb and its figure ("needed just nine points")."""


def _needed(words: list[_W], inside: list[_W]) -> bool:
    """Whether a figure, written with the words `inside`, is what someone needs ("needed just
    nine points to break the record")."""
    if not inside:
        return False
    k = inside[0].i - 1
    while k >= 0 and words[k].key in _NEED_SKIP and words[k].sentence == inside[0].sentence:
        k -= 1
    return k >= 0 and words[k].key in _NEED and words[k].sentence == inside[0].sentence


def _to_come(words: list[_W], inside: list[_W]) -> bool:
    """Whether a figure, written with the words `inside`, is told as still to come: its sentence
    has a future marker before it (`_future_marker`: "will miss the final two games")."""
    if not inside:
        return False
    sentence = _sentence_of(words, inside[0])
    found = _future_marker(sentence)
    return found is not None and sentence[found[0]].i < inside[0].i


_JOINED = re.compile(r"-[^\W\d_]")
"""A figure joined to its unit by a hyphen ("41-year", "16-point", "Sixty-year")."""


def _described(text: str, words: list[_W], q: Quantity, inside: list[_W]) -> str:
    """What a figure written as a compound describes: the first content word after "a
    41-year-old" or "a 16-point" (across the comma of "a 60-year-old, terminally ill
    woman"), as a key; "" for a figure written with its unit as a noun ("16 points", "three
    co-workers")."""
    if not inside or not _JOINED.search(text, q.start, q.end):
        return ""
    last = inside[-1]
    after = words[last.i + 1 : last.i + 4]
    pauses = 1 if last.pause else 0
    for w in after:
        if w.sentence != last.sentence:
            break
        if w.content:
            return "" if pauses > 1 else w.key
        if w.pause:
            pauses += 1
    return ""


def _say(pf: ParagraphFeatures, q: Quantity) -> str:
    return pf.text[q.start : _figure_end(pf.text, q)]


def _figure_end(text: str, q: Quantity) -> int:
    """Where a figure's words end, with the rest of a compound unit ("three co-workers",
    "a 61-year-old"): the figure itself stops at the hyphen."""
    compound = _COMPOUND.match(text, q.end) if q.unit else None
    return compound.end() if compound else q.end


def _before(pf: ParagraphFeatures, q: Quantity) -> str:
    words = _WORD.findall(pf.flat[max(0, q.start - 20) : q.start])
    return words[-1] if words else ""


def _quotes(a: ParagraphFeatures, b: ParagraphFeatures, *_: list[_W]):
    """A quote of one paragraph and a different wording of it in the other (`_counterpart`,
    `_inner_difference`); read from the texts, not the words."""
    for x, y, flip in ((a, b, False), (b, a, True)):
        if not y.quotes:
            continue  # no quote there to be a wording of one of these
        for start, end in x.quotes:
            quote = x.flat[start:end]
            if _word_count(quote) < 4:
                continue
            found = _counterpart(quote, y)
            if found is None:
                continue
            ys, ye = found
            differ = _inner_difference(quote, y.flat[ys:ye])
            if not differ:
                continue
            vx, vy = _version(x, start, end), _version(y, ys, ye)
            reason = f"quoted “{vx.text.strip()}” vs “{vy.text.strip()}”: {differ}"
            yield ("quote", vy, vx, reason) if flip else ("quote", vx, vy, reason)


@lru_cache(maxsize=1 << 14)
def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _short_quotes(a: ParagraphFeatures, b: ParagraphFeatures, wa: list[_W], wb: list[_W]):
    """A short quotation printed by the other outlet with words left out in the middle:
    “swift and total reconstruction” vs “swift reconstruction”. Same first and last word,
    the shorter one's words all in the longer, in order."""
    qb = _short_quoted(b, wb)
    if not qb:
        return
    for sa, ea, xa in _short_quoted(a, wa):
        for sb, eb, xb in qb:
            if len(xa) == len(xb) or min(len(xa), len(xb)) < 2 or max(len(xa), len(xb)) > 8:
                continue
            short, long = (xa, xb) if len(xa) < len(xb) else (xb, xa)
            if short[0] != long[0] or short[-1] != long[-1] or not _in_order(short, long):
                continue
            left = [w for w in long if w not in short]
            if not any(w not in STOPWORDS for w in left):
                continue
            va, vb = _version(a, sa, ea), _version(b, sb, eb)
            yield ("quote", va, vb,
                   f"quoted “{va.text}” vs “{vb.text}”: "
                   f"{' '.join(left)} left out of the middle")


def _short_quoted(pf: ParagraphFeatures, words: list[_W]) -> list[tuple[int, int, list[str]]]:
    """(start, end, words) of each short quotation of a paragraph, once per paragraph."""
    return _memo(words, "short_quotes", lambda _: [
        (m.start(1), m.end(1), words_of(pf.text[m.start(1) : m.end(1)]))
        for m in _SHORT_QUOTE.finditer(pf.text)
    ])


def _in_order(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _counterpart(quote: str, y: ParagraphFeatures) -> tuple[int, int] | None:
    """Where `y` quotes the same statement (`quotes.same_statement`) in a clearly similar but
    not identical wording: its most similar such quote. A paraphrase `y` does not quote is not
    a wording of the quote. (A quote less alike than `QUOTE_LOW` is never that one: when it is
    the most similar, there is none; so `_likeness` leaves it out.)"""
    best: tuple[float, int, int] | None = None
    for start, end in y.quotes:
        score = _likeness(quote, y.flat[start:end])
        if score is None:
            continue
        if best is None or score > best[0]:
            best = (score, start, end)
    if best is not None and QUOTE_LOW <= best[0] < QUOTE_HIGH:
        return best[1], best[2]
    return None


_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


@lru_cache(maxsize=1 << 16)
def _likeness(quote: str, other: str) -> float | None:
    """`partial_ratio` of two quotes (editors' asides left out) when they are one statement
    (`quotes.same_statement`) at least `QUOTE_LOW` alike, else None. The ratio is the cheaper
    test, so it comes first."""
    quote, words = _statement(quote)
    other, other_words = _statement(other)
    score = _ratio(quote, other) if quote <= other else _ratio(other, quote)
    if score < QUOTE_LOW or not same_statement(words, other_words):
        return None
    return score


@lru_cache(maxsize=1 << 16)
def _ratio(x: str, y: str) -> float:
    """`partial_ratio` of two quotes, 0 under `QUOTE_LOW`: the same either way round, so each
    two quotes are compared once, with the lesser first."""
    return fuzz.partial_ratio(x, y, score_cutoff=QUOTE_LOW)


@lru_cache(maxsize=1 << 14)
def _statement(quote: str) -> tuple[str, list[str]]:
    """A quote without its editors' asides, and its words (`quotes.words_of`); not to be
    changed by the caller (shared)."""
    quote = _ASIDE.sub(" ", quote)
    return quote, words_of(quote)
"""An editor's aside inside a quote ("respect to her (Jane Roe) and"): not the speaker's words."""
_CONTRACTIONS = {
    "n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'m": " am", "'d": " would"
}


def _expanded(text: str) -> list[str]:
    text = text.replace("\u2019", "'")
    text = re.sub(r"\bcan't\b", "can not", text)
    text = re.sub(r"\bwon't\b", "will not", text)
    for short, full in _CONTRACTIONS.items():
        text = text.replace(short, full)
    return _WORD.findall(text)


@lru_cache(maxsize=1 << 14)
def _wording(quote: str) -> list[str]:
    """The words of a quote as `_inner_difference` compares them: editors' asides left out,
    contractions in full (`_expanded`); not to be changed by the caller (shared)."""
    return _expanded(_ASIDE.sub(" ", quote))


@lru_cache(maxsize=1 << 14)
def _inner_difference(left: str, right: str) -> str:
    """The content words that differ between two wordings, ignoring a cut at either end.

    A quote cut short or started later adds or drops words at an end: not a conflict.
    Contractions count as their full forms ("aren't" = "are not"); an editor's aside in
    parentheses or brackets is left out.
    """
    wa, wb = _wording(left), _wording(right)
    ops = SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    while ops and ops[0][0] in ("insert", "delete"):
        ops.pop(0)
    while ops and ops[-1][0] in ("insert", "delete"):
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





_SPEAKING = frozenset(
    """said says saying told tells added adding stated declared wrote noted warned insisted
    explained announced replied""".split()
)
"""General English verbs that attribute words to whoever speaks them."""
_RELAYING_AS = frozenset({"quoted", "cited", "quotes", "cites"})
RELAY_SPAN = 5
_RELAY_WORDS = re.compile(r"accordin|citing|quote|cite|report")
"""Words read on either side of a relay marker for the source it names."""


def _relays(a: ParagraphFeatures, b: ParagraphFeatures, wa: list[_W], wb: list[_W]):
    """One quoted statement told first-hand in one paragraph ("…,” Smith said) and through a
    third party in the other ("according to X", "X reported", "X quoted Smith as saying"): an
    attribution conflict when the other paragraph names nothing of that third party.

    The two quotes must be one statement (`quotes.same_statement`, so an excerpt counts); a
    relay whose source the other paragraph also names ("according to police" / "police said")
    is the same source, and two relayed or two first-hand quotes are not compared."""
    if not a.quotes or not b.quotes:
        return
    for x, y, wx, wy, flip in ((a, b, wa, wb, False), (b, a, wb, wa, True)):
        relayed = _relayed_quotes(x, wx)
        if not relayed:
            continue
        direct = _direct_quotes(y, wy)
        if not direct:
            continue
        terms_y = _memo(wy, "all_terms", lambda ws: {w.term for w in ws if w.content})
        for qx, marker, source in relayed:
            if {w.term for w in source} & terms_y:
                continue  # the other paragraph names the same source
            for qy, verb in direct:
                if not same_statement(*_statement_words(x, qx, y, qy)):
                    continue
                ends = sorted([marker, *source], key=lambda w: w.start)
                vx, vy = _span(x, [ends[0], ends[-1]]), _span(y, [verb])
                if len(vx.text) > 60:
                    vx = _span(x, [marker])
                reason = (f"“{vx.text}” vs “{vy.text}”: the same quote told through a third "
                          "party in one, first-hand in the other")
                yield ("attribution", vy, vx, reason) if flip else ("attribution", vx, vy, reason)
                return


def _statement_words(x: ParagraphFeatures, qx: tuple[int, int], y: ParagraphFeatures,
                     qy: tuple[int, int]) -> tuple[list[str], list[str]]:
    return _statement(x.text[qx[0] : qx[1]])[1], _statement(y.text[qy[0] : qy[1]])[1]


def _quoted_spans(pf: ParagraphFeatures) -> tuple[tuple[int, int], ...]:
    """Every quotation of a paragraph: its quotes of three words or more and its short ones."""
    return _quoted_spans_of(pf.text, tuple(pf.quotes))


@lru_cache(maxsize=1 << 12)
def _quoted_spans_of(text: str, quotes: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    spans = list(quotes)
    for m in _SHORT_QUOTE.finditer(text):
        s, e = m.span(1)
        if not any(qs <= s < qe for qs, qe in spans) and _word_count(text[s:e]) >= 2:
            spans.append((s, e))
    return tuple(spans)


def _relayed_quotes(pf: ParagraphFeatures, words: list[_W]):
    """(quote span, marker word, source words) of each quote whose sentence passes it on from a
    third party (`_relay`); once per paragraph."""

    def make(ws: list[_W]):
        out: list = []
        if not _RELAY_WORDS.search(pf.flat):
            return out
        for span in _quoted_spans(pf):
            sentence = _quote_sentence(pf, ws, span)
            found = _relay(pf, sentence) if sentence else None
            if found:
                out.append((span, *found))
        return out

    return _memo(words, "relayed", make)


def _direct_quotes(pf: ParagraphFeatures, words: list[_W]):
    """(quote span, verb) of each quote whose sentence attributes it with a verb of speaking
    (outside the quotes) and passes it on from nobody (`_relay`); once per paragraph."""

    def make(ws: list[_W]):
        out = []
        for span in _quoted_spans(pf):
            sentence = _quote_sentence(pf, ws, span)
            if not sentence or _relay(pf, sentence):
                continue
            verb = next((w for w in sentence if w.key in _SPEAKING
                         and not _in_quotes_any(pf, w.start)), None)
            if verb is not None:
                out.append((span, verb))
        return out

    return _memo(words, "direct", make)


def _quote_sentence(pf: ParagraphFeatures, words: list[_W], span: tuple[int, int]) -> list[_W]:
    """The words of the sentence a quotation starts in."""
    for w in words:
        if w.start >= span[0]:
            return _sentence_of(words, w)
    return []


def _in_quotes_any(pf: ParagraphFeatures, start: int) -> bool:
    return any(s <= start < e for s, e in _quoted_spans(pf))


def _relay(pf: ParagraphFeatures, sentence: list[_W]) -> tuple[_W, list[_W]] | None:
    """(marker, source) when a sentence passes words on from a third party: "according to X",
    "citing X", "X reported", "X quoted Y as saying"; the source is the content words on the
    marker's side, up to `RELAY_SPAN` words or punctuation, outside quotes."""
    return _memo(sentence, "relay", lambda _: _find_relay(pf, sentence))


def _find_relay(pf: ParagraphFeatures, sentence: list[_W]) -> tuple[_W, list[_W]] | None:
    if _RELAY_MARKERS.isdisjoint([w.key for w in sentence]):
        return None  # most sentences: no marker to read around
    spans = _quoted_spans(pf)
    outside = [w for w in sentence if not any(s <= w.start < e for s, e in spans)]
    for k, w in enumerate(outside):
        after = outside[k + 1 : k + 1 + RELAY_SPAN]
        if w.key == "according" and not w.pause and after and after[0].key == "to":
            source = _until_pause(after[1:])
        elif w.key == "citing" and not w.pause:
            source = _until_pause(after)
        elif w.key in _RELAYING_AS and any(
            x.key == "as" and i + 1 < len(after) and after[i + 1].key in _SPEAKING
            for i, x in enumerate(after)
        ):
            source = _before_pause(outside[max(0, k - RELAY_SPAN) : k])
        elif w.key in ("reported", "reports") and (
            w.pause or (after and after[0].key == "that")
        ):
            source = _before_pause(outside[max(0, k - RELAY_SPAN) : k])
        else:
            continue
        source = [x for x in source if x.content]
        if source:
            return w, source
    return None


_RELAY_MARKERS = frozenset({"according", "citing", "reported", "reports"}) | _RELAYING_AS
"""The words `_find_relay` reads a relay around."""


def _until_pause(words: list[_W]) -> list[_W]:
    out = []
    for w in words:
        out.append(w)
        if w.pause:
            break
    return out


def _before_pause(words: list[_W]) -> list[_W]:
    out: list[_W] = []
    for w in reversed(words):
        if w.pause:
            break
        out.append(w)
    return out[::-1]


LIST_ITEMS = 3
"""Items an enumeration needs ("security, trade and tourism") to be compared as one."""
LIST_WORDS = 3
"""Longest item of an enumeration, in words."""
LIST_OWN = 2
"""Item words each of two enumerations of one thing must have that the other lacks to differ."""


def _lists(a: ParagraphFeatures, b: ParagraphFeatures, wa: list[_W], wb: list[_W]):
    """One thing enumerated with different items: two lists ("X, Y and Z", "from X to Y and
    Z") of `LIST_ITEMS` or more after a shared content word (among the `CONTEXT` before each,
    verbs of speaking aside: "covering X, Y and Z" / "covered areas including U, V and W"),
    each with at least `LIST_OWN` item words the other list lacks. An item added to an
    otherwise equal list is more detail, not a different list."""
    lists_b = _enumerations(b, wb)
    if not lists_b:
        return
    for xa, ca in _enumerations(a, wa):
        for xb, cb in lists_b:
            if not ca & cb:
                continue
            keys_a, keys_b = [x.key for x in xa], [y.key for y in xb]
            own_a = [w for w in xa if not any(map(_same_word, repeat(w.key), keys_b))]
            own_b = [w for w in xb if not any(map(_same_word, repeat(w.key), keys_a))]
            if len({w.term for w in own_a}) < LIST_OWN or len({w.term for w in own_b}) < LIST_OWN:
                continue
            va, vb = _span(a, xa), _span(b, xb)
            yield ("wording", va, vb,
                   f"“{va.text}” vs “{vb.text}”: listed with different items "
                   f"({', '.join(w.raw for w in own_a)} / {', '.join(w.raw for w in own_b)})")
            return


def _may_list(text: str) -> bool:
    """Whether a text has the shape of an enumeration somewhere (`_LIST_SHAPE`, "from … to"):
    without it, none of its sentences is read for one (`_enumerations`)."""
    return bool(_LIST_SHAPE.search(text)) or (" from " in text and " to " in text)


def _enumerations(pf: ParagraphFeatures, words: list[_W]) -> list[tuple[list[_W], set[str]]]:
    """(item words, context) of each enumeration of a paragraph (`_lists`); once per paragraph."""

    def find(ws: list[_W]) -> list[tuple[list[_W], set[str]]]:
        out = []
        figures = [(q.start, q.end) for q in pf.quantities]
        for sentence in _sentences(ws):
            said = pf.text[sentence[0].start : sentence[-1].end]
            if not _may_list(said):
                continue  # no "X, Y and Z" and no "from … to …": no list
            begin, last = sentence[0].start, sentence[-1].start
            inside = [(s, e) for s, e in figures if s <= last and begin < e]  # its own figures
            for items in _list_runs(pf.text, sentence, inside):
                first = items[0][0]
                before = [
                    w for w in sentence[: first.i - sentence[0].i]
                    if w.content and w.key not in _SPEAKING
                ][-CONTEXT:]
                flat = [w for item in items for w in item]
                out.append((flat, {w.term for w in before}))
        return out

    return _memo(words, "lists", find)


_LIST_GLUE = frozenset({"and", "or"})
_LIST_SHAPE = re.compile(r", (?<=\w, )(?:[\w'-]+ ){0,3}(?:and|or) \w")
"""The end of an enumeration ("…, Y and Z", "…, and Z"): a cheap test before reading one
word by word. (The comma is looked for first, a word before it next: quicker to search.)"""


def _list_runs(
    text: str, sentence: list[_W], figures: list[tuple[int, int]] = ()
) -> list[list[list[_W]]]:
    """The enumerations of a sentence as lists of items: items of up to `LIST_WORDS` content
    words (no figure, time or size word; `figures` are the spans of the paragraph's figures),
    separated by commas, "and", "or", or opened by "from … to …"."""
    out: list[list[list[_W]]] = []
    items: list[list[_W]] = []
    item: list[_W] = []
    commas = ranged = False

    def close() -> None:
        nonlocal items, commas, ranged
        if len(items) >= LIST_ITEMS and (commas or ranged):
            # Items are read from the left, so the first one may have taken the words before
            # the list ("encompasses security, trade"): no longer than the middle ones.
            longest = max(len(x) for x in items[1:-1])
            out.append([items[0][-longest:], *items[1:]])
        items, commas, ranged = [], False, False

    k = 0
    while k < len(sentence):
        w = sentence[k]
        if k + 1 == len(sentence):
            gap = "."
        else:
            gap = text[w.end : sentence[k + 1].start] if w.pause else " "
        wordlike = w.content and w.plain and not (
            figures and any(s <= w.start < e for s, e in figures)
        )
        if wordlike:
            if len(item) == LIST_WORDS:  # too long for an item: what came before is no list
                close()
                item = item[1:]
            item.append(w)
            if gap == " ":
                k += 1
                continue
            items.append(item)
            item = []
            if gap.strip() == ",":
                commas = True
                k += 1
                continue
            close()
        elif item and w.key in _LIST_GLUE | {"to"} and (w.key != "to" or (items == [] and ranged)):
            items.append(item)
            item = []
        elif not item and w.key == "from":
            close()
            ranged = True
        elif not item and items and w.key in _LIST_GLUE:
            pass  # ", and"
        else:
            if item:
                items.append(item)
                item = []
            if items or ranged:  # (else nothing to close)
                close()
            if w.key == "from":
                ranged = True
        k += 1
    if item:
        items.append(item)
    close()
    return out


_DETECTORS = (
    (_numbers, "figures"),
    (_weekdays, "days"),
    (_relays, "quotes"),
    (_quotes, "quotes"),
    (_short_quotes, "short quotes"),
    (_attributions, "certainty"),
    (_wordings, None),
    (_lists, "lists"),
    (_tenses, "futures"),
)
"""Each kind of conflict in the order it is reported, with what both paragraphs must hold for it
to be looked for (`_material`; None: nothing; one of them for `_ONE_SIDE`). Each test finds
nothing without it anyway: this only saves calling it for the many pairs that lack it."""
