"""The alignment as plain data (`samefact align --json`) and as a readable report."""

from __future__ import annotations

from typing import Any

from tui.core.model import Alignment, Match, Span

JSON_VERSION = 1


def _span(span: Span) -> dict[str, Any]:
    return {
        "kind": span.kind,
        "text": span.text,
        "a": [span.a_start, span.a_end],
        "b": [span.b_start, span.b_end],
    }


def _match(match: Match) -> dict[str, Any]:
    return {
        "a": {"article": match.a.article, "paragraph": match.a.paragraph},
        "b": {"article": match.b.article, "paragraph": match.b.paragraph},
        "score": round(match.score, 3),
        "grade": match.grade,
        "evidence": [_span(s) for s in match.evidence],
    }


def to_json(alignment: Alignment) -> dict[str, Any]:
    """The stable JSON shape other tools read; `version` changes when the shape does."""
    return {
        "version": JSON_VERSION,
        "articles": [
            {
                "id": a.id,
                "path": a.path,
                "outlet": a.outlet,
                "outlet_evidence": a.outlet_evidence,
                "title": a.title,
                "url": a.url,
                "date": a.date,
                "author": a.author,
                "paragraphs": [{"n": p.n, "text": p.text, "role": p.role} for p in a.paragraphs],
            }
            for a in alignment.story.articles
        ],
        "matches": [_match(m) for m in alignment.matches],
    }


def to_text(alignment: Alignment) -> str:
    """A plain report: each article, each paragraph, the paragraphs elsewhere that match it."""
    story = alignment.story
    outlet = {a.id: a.outlet for a in story.articles}
    lines: list[str] = []
    for article in story.articles:
        matched, total = alignment.coverage(article.id)
        lines.append(f"== {article.outlet} — {article.title}")
        lines.append(f"   {article.path} · {matched}/{total} paragraphs reported elsewhere")
        for p in article.paragraphs:
            tag = "" if p.role == "body" else f" [{p.role}]"
            lines.append(f"  ¶{p.n}{tag} {p.text}")
            for m in alignment.matches_for(article.id, p.n):
                other = story.article(m.b.article).paragraphs[m.b.paragraph].text
                shared = "; ".join(s.text for s in m.evidence)
                lines.append(
                    f"      {m.grade} {m.score:.2f} {outlet[m.b.article]} ¶{m.b.paragraph}: "
                    f"{_clip(other, 90)}" + (f"  [{shared}]" if shared else "")
                )
        lines.append("")
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
