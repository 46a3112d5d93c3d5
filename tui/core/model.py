"""The data of a story and of its alignment.

Frozen dataclasses with no I/O. Everything the reader, the command line and the
tests know about a story passes through these types.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

Role = Literal["headline", "subheading", "body", "boilerplate"]
"""What a paragraph is for. Only `headline` and `body` paragraphs are aligned."""

Grade = Literal["same", "related"]
"""`same`: the shared fact is the point of a paragraph, or a specific detail stated in both.
`related`: a weaker overlap."""

ALIGNED_ROLES: frozenset[str] = frozenset({"headline", "body"})


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as the reader shows it."""

    n: int
    """Index in the article, counting every paragraph shown (headline included)."""
    text: str
    """The cleaned text: NFC, no control characters or escape sequences."""
    role: Role = "body"
    """Headline, subheading, body or boilerplate."""

    @property
    def aligned(self) -> bool:
        """Whether the matcher looks at this paragraph."""
        return self.role in ALIGNED_ROLES


@dataclass(frozen=True)
class Article:
    """One outlet's report of the story."""

    id: str
    """Stable id: the file name without its extension (unique within a story)."""
    path: str
    """Where it was read from (a path or a URL)."""
    outlet: str
    """Who published it."""
    outlet_evidence: str
    """Why we think so: the front-matter key, the footer or credit line, or the file name."""
    title: str
    """The headline, or the first sentence when the article has none."""
    paragraphs: tuple[Paragraph, ...]
    """Every paragraph, in reading order."""
    url: str = ""
    date: str = ""
    author: str = ""

    def body(self) -> Iterator[Paragraph]:
        """The paragraphs the matcher looks at."""
        return (p for p in self.paragraphs if p.aligned)


@dataclass(frozen=True)
class Problem:
    """A file or URL that was skipped or only partly read, with a one-line reason."""

    path: str
    reason: str
    fatal: bool = True
    """True when nothing of it was read; False for a warning about something read."""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Story:
    """The articles of one story, in a stable order."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()
    """Files that were skipped or read with a warning."""

    def article(self, article_id: str) -> Article:
        """The article with this id (KeyError when there is none)."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)


@dataclass(frozen=True, order=True)
class Ref:
    """A paragraph of an article."""

    article: str
    paragraph: int


SpanKind = Literal["quote", "number", "name", "phrase", "word"]


@dataclass(frozen=True)
class Span:
    """A piece of evidence shared by two paragraphs, located in both."""

    kind: SpanKind
    text: str
    """The shared text as it reads in paragraph `a`."""
    a_start: int
    a_end: int
    b_start: int
    b_end: int

    def flipped(self) -> Span:
        """The same span seen from paragraph `b`."""
        return Span(self.kind, self.text, self.b_start, self.b_end, self.a_start, self.a_end)


@dataclass(frozen=True)
class Match:
    """Two paragraphs of different articles that report the same fact."""

    a: Ref
    b: Ref
    score: float
    """0–1; the same scale everywhere (UI, JSON, thresholds)."""
    grade: Grade
    evidence: tuple[Span, ...] = ()

    def flipped(self) -> Match:
        """The match seen from paragraph `b`: `a` and `b` swapped, spans too."""
        evidence = tuple(s.flipped() for s in self.evidence) if self.evidence else ()
        return Match(self.b, self.a, self.score, self.grade, evidence)


@dataclass(frozen=True)
class Fact:
    """Paragraphs of several articles that report one fact."""

    id: str
    members: tuple[Ref, ...]
    label: str
    """Its most specific shared phrase."""

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of the articles that report it, in first-seen order."""
        return tuple(dict.fromkeys(ref.article for ref in self.members))

    @property
    def unique(self) -> bool:
        """Whether only one article reports it."""
        return len(self.articles) == 1


ConflictKind = Literal["number", "date", "quote", "attribution", "wording", "tense"]


@dataclass(frozen=True)
class Version:
    """One side of a conflict: what a paragraph says, and where."""

    ref: Ref
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Conflict:
    """Outlets that disagree on one fact."""

    id: str
    fact: str
    """The id of the fact the versions belong to."""
    kind: ConflictKind
    versions: tuple[Version, ...]
    reason: str
    """One line a reader can check, e.g. "24 years vs nearly 25 years"."""


@dataclass
class Alignment:
    """The matches, facts and conflicts of a story, with lookups for the reader."""

    story: Story
    matches: tuple[Match, ...]
    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    weights: dict[str, float] | None = None
    """The story's word weights when the matches were made without their spans
    (`align_story(..., evidence=False)`, as the reader does): `evidence_of` finds a match's
    spans when they are asked for. None when every match carries its spans."""
    _by_ref: dict[Ref, list[Match]] = field(default_factory=dict, init=False, repr=False)
    _fact_of: dict[Ref, Fact] = field(default_factory=dict, init=False, repr=False)
    _conflicts_of: dict[Ref, list[Conflict]] = field(default_factory=dict, init=False, repr=False)
    _lazy: dict[tuple[Ref, Ref], tuple[Span, ...]] = field(
        default_factory=dict, init=False, repr=False
    )
    _features: dict[str, object] = field(default_factory=dict, init=False, repr=False)
    _place: dict[str, tuple[int, tuple[Paragraph, ...]]] = field(
        default_factory=dict, init=False, repr=False
    )

    def __post_init__(self) -> None:
        for match in self.matches:
            self._by_ref.setdefault(match.a, []).append(match)
            self._by_ref.setdefault(match.b, []).append(match.flipped())
        for matches in self._by_ref.values():
            matches.sort(key=lambda m: (-m.score, m.b.article, m.b.paragraph))  # (m.b's order)
        for fact in self.facts:
            for ref in fact.members:
                self._fact_of.setdefault(ref, fact)
        for conflict in self.conflicts:
            for ref in dict.fromkeys(v.ref for v in conflict.versions):
                self._conflicts_of.setdefault(ref, []).append(conflict)

    def evidence_of(self, match: Match) -> tuple[Span, ...]:
        """The spans of `match` (of `matches`, or seen from either paragraph): its own, or,
        when the alignment was made without them, found now (once per pair) exactly as
        `align_story` finds them."""
        if self.weights is None:
            return match.evidence
        spans = self._lazy.get((match.a, match.b))
        if spans is None:
            from tui.core.evidence import text_spans

            if not self._place:
                self._place.update(
                    (a.id, (k, a.paragraphs)) for k, a in enumerate(self.story.articles)
                )
            (ka, pa), (kb, pb) = self._place[match.a.article], self._place[match.b.article]
            first, second = (match.a, match.b)
            if (kb, match.b.paragraph) < (ka, match.a.paragraph):
                first, second = second, first  # the spans run from the earlier paragraph
            text = {match.a: pa[match.a.paragraph].text, match.b: pb[match.b.paragraph].text}
            found = text_spans(self.weights, text[first], text[second], self._features)
            self._lazy[(first, second)] = found
            self._lazy[(second, first)] = tuple(s.flipped() for s in found)
            spans = self._lazy[(match.a, match.b)]
        return spans

    def matches_for(self, article_id: str, paragraph: int) -> tuple[Match, ...]:
        """The matches of one paragraph, seen from it (`a` is this paragraph), best first."""
        return tuple(self._by_ref.get(Ref(article_id, paragraph), ()))

    def fact_of(self, article_id: str, paragraph: int) -> Fact | None:
        """The fact a paragraph belongs to, if any."""
        return self._fact_of.get(Ref(article_id, paragraph))

    def conflicts_for(self, article_id: str, paragraph: int) -> tuple[Conflict, ...]:
        """The conflicts a paragraph takes part in."""
        return tuple(self._conflicts_of.get(Ref(article_id, paragraph), ()))

    def outlets_for(self, article_id: str, paragraph: int) -> tuple[str, ...]:
        """The other articles that report this paragraph's fact, best match first."""
        return tuple(dict.fromkeys(m.b.article for m in self.matches_for(article_id, paragraph)))

    def coverage(self, article_id: str) -> tuple[int, int]:
        """(paragraphs with a match elsewhere, paragraphs aligned) for one article."""
        article = self.story.article(article_id)
        aligned = [p.n for p in article.body()]
        matched = sum(1 for n in aligned if Ref(article_id, n) in self._by_ref)
        return matched, len(aligned)
