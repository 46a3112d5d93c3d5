"""Small hand-built stories and alignments for the overview, quotes, wire and report tests."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from tui.core.model import Alignment, Article, Conflict, Fact, Paragraph, Ref, Story, Version

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
    return Alignment(seed_story, (), facts)
