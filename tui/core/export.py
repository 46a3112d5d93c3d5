"""The alignment as plain data (`samefact align --json`) and as a readable report."""

from __future__ import annotations

from typing import Any

from tui.core.model import Alignment, Conflict, Fact, Match, Ref, Span

JSON_VERSION = 2
"""2: `facts` and `conflicts` arrays; `evidence` is a list of spans with offsets in both paragraphs."""


def _span(span: Span) -> dict[str, Any]:
    return {
        "kind": span.kind,
        "text": span.text,
        "a": [span.a_start, span.a_end],
        "b": [span.b_start, span.b_end],
    }


def _ref(ref: Ref) -> dict[str, Any]:
    return {"article": ref.article, "paragraph": ref.paragraph}


def _fact(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "label": fact.label,
        "members": [_ref(r) for r in fact.members],
        "articles": list(fact.articles),
        "unique": fact.unique,
    }


def _conflict(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "fact": conflict.fact,
        "kind": conflict.kind,
        "reason": conflict.reason,
        "versions": [
            {**_ref(v.ref), "text": v.text, "start": v.start, "end": v.end} for v in conflict.versions
        ],
    }


def _match(match: Match) -> dict[str, Any]:
    return {
        "a": _ref(match.a),
        "b": _ref(match.b),
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
        "facts": [_fact(f) for f in alignment.facts],
        "conflicts": [_conflict(c) for c in alignment.conflicts],
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
            fact = alignment.fact_of(article.id, p.n)
            mark = f" ({fact.id})" if fact is not None and not fact.unique else ""
            lines.append(f"  ¶{p.n + 1}{tag}{mark} {p.text}")
            for m in alignment.matches_for(article.id, p.n):
                other = story.article(m.b.article).paragraphs[m.b.paragraph].text
                shared = "; ".join(s.text for s in m.evidence)
                lines.append(
                    f"      {m.grade} {m.score:.2f} {outlet[m.b.article]} ¶{m.b.paragraph + 1}: "
                    f"{_clip(other, 90)}" + (f"  [{shared}]" if shared else "")
                )
        lines.append("")
    if alignment.conflicts:
        lines.append("== Conflicts")
        for c in alignment.conflicts:
            where = ", ".join(f"{outlet[v.ref.article]} ¶{v.ref.paragraph + 1}" for v in c.versions)
            lines.append(f"  {c.id} [{c.kind}] {c.fact}: {c.reason} ({where})")
        lines.append("")
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
