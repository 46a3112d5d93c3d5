"""Small hand-built stories and alignments for the overview, quotes, wire and report tests."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from tui.core.model import (
    Alignment,
    Article,
    Conflict,
    Fact,
    Match,
    Paragraph,
    Ref,
    Story,
    Version,
)

DATA = Path(__file__).resolve().parent.parent / "data"


def article(
    article_id: str, paragraphs: Sequence[str], outlet: str = "", headline: bool = True
) -> Article:
    """An article whose first paragraph is its headline (unless `headline` is False)."""
    paras = tuple(
        Paragraph(n, text, "headline" if (n == 0 and headline) else "body")
        for n, text in enumerate(paragraphs)
    )
    return Article(
        article_id, f"{article_id}.txt", outlet or article_id.upper(), "test", paragraphs[0], paras
    )


def story(*articles: Article) -> Story:
    return Story(tuple(articles))


def fact(fact_id: str, *refs: tuple[str, int], label: str = "") -> Fact:
    return Fact(fact_id, tuple(Ref(a, n) for a, n in refs), label or fact_id)


def conflict(
    conflict_id: str, fact_id: str, *sides: tuple[str, int, str], reason: str = ""
) -> Conflict:
    versions = tuple(Version(Ref(a, n), text, 0, len(text)) for a, n, text in sides)
    return Conflict(conflict_id, fact_id, "number", versions, reason or conflict_id)


def gold_alignment(seed_story: Story) -> Alignment:
    """The seeds with the hand-made gold facts (a stand-in for a perfect aligner)."""
    gold = json.loads((DATA / "seeds-gold.json").read_text(encoding="utf-8"))

    def ref(member: str) -> Ref:
        name, n = member.split("#")
        return Ref(Path(name).stem, int(n))

    facts = tuple(
        Fact(f["id"], tuple(ref(m) for m in f["members"]), f["what"]) for f in gold["facts"]
    )
    matches = tuple(
        Match(ref(p["a"]), ref(p["b"]), 0.9 if p["grade"] == "same" else 0.5, p["grade"])
        for p in gold["pairs"]
    )
    return Alignment(seed_story, matches, facts)


def _version(s: Story, article_id: str, n: int, needle: str) -> Version:
    text = s.article(article_id).paragraphs[n].text
    start = text.index(needle)
    return Version(Ref(article_id, n), needle, start, start + len(needle))


def seeds_fixed_alignment(seed_story: Story) -> Alignment:
    """The seeds with the gold facts and the mutual-assistance quote conflicts, pairwise.

    A fixed stand-in for the aligner, so view tests and snapshots do not move when the matcher
    improves. The three wordings come as three pairwise conflicts, as the aligner reports them;
    the "24 years / nearly 25 years / quarter-century" figures are no conflict (their hedges
    overlap), and the views find them as a compatible group from the gold facts.
    """
    gold = gold_alignment(seed_story)
    ids = {a.id[:3]: a.id for a in seed_story.articles}
    wordings = {
        "000": (2, "mutual assistance in the event of aggression against one of the participants"),
        "001": (2, "mutual assistance in case of aggression against one of the parties to this treaty"),
        "004": (2, "mutual assistance in the event of aggression against one of the parties to this agreement"),
    }
    versions = {k: _version(seed_story, ids[k], n, text) for k, (n, text) in wordings.items()}
    pairs = [("000", "001"), ("000", "004"), ("001", "004")]
    conflicts = tuple(
        Conflict(
            f"C{i + 1}", "F3", "quote", (versions[a], versions[b]),
            f"quoted “{versions[a].text}” vs “{versions[b].text}”",
        )
        for i, (a, b) in enumerate(pairs)
    )
    return Alignment(seed_story, gold.matches, gold.facts, conflicts)
