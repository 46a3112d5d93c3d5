"""The story overview as a file to share: `samefact report PATH... [--format md|json|html]`.

One plain-data report (`build_report`, also the JSON) rendered two more ways. Article text is
untrusted: in Markdown every character that could open markup is backslash-escaped and `|` is
escaped so a table row never splits (GitHub, GitLab and Gitea render GFM tables); in HTML
everything from an article goes through `html.escape`, and the page is one self-contained file
(inline CSS, no script, no external resource).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from tui import __version__
from tui.core.model import Alignment, Story
from tui.core.overview import Overview, Row, build_overview, paragraph_opening, short_names
from tui.core.quotes import QuoteGroup, diff_words, story_quotes
from tui.core.variants import VariantGroup, variant_groups

REPORT_VERSION = 1
"""Changes when the JSON shape does. `conflicts` holds conflict families and compatible figures
(`state`), each listing the ids of the alignment's conflicts it merges."""
FORMATS = ("md", "json", "html")
LEGEND = (
    "H headline · L lede · ¶N paragraph N · ! conflicts with another outlet · blank: not reported"
)


def build_report(alignment: Alignment, overview: Overview | None = None) -> dict[str, Any]:
    """Everything the report shows, as JSON-ready data (the `json` format prints exactly this)."""
    story = alignment.story
    overview = overview or build_overview(alignment)
    names = short_names(story.articles)
    outlet = {a.id: a.outlet for a in story.articles}
    return {
        "version": REPORT_VERSION,
        "generator": f"samefact {__version__}",
        "articles": [
            {"id": a.id, "outlet": a.outlet, "short": names[a.id], "title": a.title, "path": a.path}
            for a in story.articles
        ],
        "wire": [
            {"articles": list(g.articles), "outlets": [outlet[a] for a in g.articles]}
            for g in overview.wire
        ],
        "facts": [_fact(row) for row in overview.rows],
        "exclusives": {
            a.id: [_listed(row, a.id, story) for row in overview.exclusives(a.id)]
            for a in story.articles
        },
        "omissions": {
            a.id: [_listed(row, None, story) for row in overview.omissions(a.id)]
            for a in story.articles
        },
        "conflicts": [_conflict(alignment, g) for g in variant_groups(alignment)],
        "quotes": [_quote(g) for g in story_quotes(story)],
    }


def _fact(row: Row) -> dict[str, Any]:
    return {
        "id": row.fact.id,
        "label": row.label,
        "outlets": row.count,
        "independent": row.independent,
        "cells": {
            a: {
                "mark": c.mark,
                "placement": c.placement,
                "paragraphs": [r.paragraph for r in c.refs],
                "conflict": c.conflict,
            }
            for a, c in row.cells.items()
        },
        "conflicts": [c.id for c in row.conflicts],
    }


def _listed(row: Row, article_id: str | None, story: Story) -> dict[str, Any]:
    """An exclusive (of `article_id`) or an omission (None): its fact, label, outlets, and the
    text of its paragraph in that outlet (an omission: in the first outlet that reports it)."""
    out: dict[str, Any] = {"fact": row.fact.id, "label": row.label, "outlets": list(row.cells)}
    ref = row.cells[article_id if article_id is not None else next(iter(row.cells))].ref
    if article_id is not None:
        out["paragraph"] = ref.paragraph
    out["text"] = story.article(ref.article).paragraphs[ref.paragraph].text
    return out


def _conflict(alignment: Alignment, conflict: VariantGroup) -> dict[str, Any]:
    """A conflict family (`conflicting`) or differing figures that agree (`compatible`)."""
    story = alignment.story
    return {
        "id": conflict.id,
        "fact": conflict.fact,
        "kind": conflict.kind,
        "state": conflict.state,
        "reason": conflict.reason,
        "conflicts": list(conflict.conflicts),
        "versions": [
            {
                "article": v.ref.article,
                "outlet": story.article(v.ref.article).outlet,
                "paragraph": v.ref.paragraph,
                "text": v.text,
                "span": [v.start, v.end],
            }
            for v in conflict.versions
        ],
    }


def _quote(group: QuoteGroup) -> dict[str, Any]:
    reference = group.reference
    return {
        "id": group.id,
        "speaker": group.speaker,
        "articles": list(group.articles),
        "wordings": [
            {
                "text": q.text,
                "article": q.ref.article,
                "paragraph": q.ref.paragraph,
                "speaker": q.speaker,
                "carried_by": [
                    x.ref.article for x in group.quotes if tuple(x.words) == tuple(q.words)
                ],
                "diff": [
                    {"op": d.op, "a": d.a, "b": d.b} for d in diff_words(reference.text, q.text)
                ],
            }
            for q in group.wordings
        ],
    }


# Markdown ---------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def md_escape(text: str) -> str:
    """Article text as literal Markdown: one line, every markup character backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _CONTROL.sub(" ", text).replace("\n", " ")).strip()


def _full_name(article: dict[str, Any], escape: Callable[[str], str]) -> str:
    """"The Independent: " after an outlet's short name, nothing where the two are one."""
    if article["outlet"] == article["short"]:
        return ""
    return f"{escape(article['outlet'])}: "


def to_markdown(data: dict[str, Any]) -> str:
    """The report as GitHub-flavoured Markdown."""
    names = {a["id"]: a["short"] for a in data["articles"]}
    outlets = {a["id"]: a["outlet"] for a in data["articles"]}
    out = [f"# Story overview: {_outlets(len(data['articles']))}", ""]
    for a in data["articles"]:
        out.append(
            f"- **{md_escape(a['short'])}**: {_full_name(a, md_escape)}{md_escape(a['title'])}"
        )
    if data["wire"]:
        out += ["", "**Wire copy** (counted as one report):", ""]
        out += ["- " + ", ".join(md_escape(o) for o in g["outlets"]) for g in data["wire"]]
    out += ["", "## Facts by outlet", "", md_escape(LEGEND), ""]
    out.append("| Fact | " + " | ".join(md_escape(names[a]) for a in names) + " | Outlets |")
    out.append("|---|" + "---|" * len(names) + "---|")
    for fact in data["facts"]:
        cells = [md_escape(fact["cells"][a]["mark"]) if a in fact["cells"] else " " for a in names]
        count = f"{fact['outlets']}" + (
            f" ({fact['independent']} indep.)" if fact["independent"] != fact["outlets"] else ""
        )
        out.append(f"| {md_escape(fact['label'])} | " + " | ".join(cells) + f" | {count} |")
    for key, title in (
        ("exclusives", "Only this outlet reports"),
        ("omissions", "Most others report, this one leaves out"),
    ):
        out += ["", f"## {title}", ""]
        for article_id, rows in data[key].items():
            out.append(f"### {md_escape(outlets[article_id])}")
            out.append("")
            out += [
                f"- {md_escape(_where(r))} {md_escape(r['label'])}" + _opening_after(r, md_escape)
                for r in rows
            ] or [
                "- (none)"
            ]
            out.append("")
    out += ["## Conflicts", ""]
    for c in data["conflicts"]:
        out.append(f"- **{md_escape(c['kind'])}, {c['state']}**: {md_escape(c['reason'])}")
        out += [
            f"  - {md_escape(v['outlet'])} ¶{v['paragraph'] + 1}: {md_escape(v['text'])}"
            for v in c["versions"]
        ]
    if not data["conflicts"]:
        out.append("- (none found)")
    out += ["", "## Quotes", ""]
    for q in data["quotes"]:
        by = f" ({md_escape(q['speaker'])})" if q["speaker"] else ""
        out.append(f"- **{md_escape(q['id'])}**{by}, carried by {_outlets(len(q['articles']))}:")
        for w in q["wordings"]:
            carried = ", ".join(md_escape(names[a]) for a in dict.fromkeys(w["carried_by"]))
            out.append(f"  - {carried}: {_md_diff(w['diff'])}")
    return "\n".join(out).rstrip() + "\n"


def _where(row: dict[str, Any]) -> str:
    return f"¶{row['paragraph'] + 1}" if "paragraph" in row else f"({_outlets(len(row['outlets']))})"


def _opening_after(row: dict[str, Any], escape: Callable[[str], str]) -> str:
    """": how the paragraph opens", escaped, or "" when the label already says it."""
    opening = paragraph_opening(row["text"], row["label"])
    return f": {escape(opening)}" if opening else ""


def _md_diff(diff: list[dict[str, str]]) -> str:
    """A wording against the fullest one: changed words bold, trims as an ellipsis."""
    parts = []
    for d in diff:
        if d["op"] == "same":
            parts.append(md_escape(d["b"]))
        elif d["op"] == "outside":
            parts.append("…")
        elif d["b"]:
            parts.append(f"**{md_escape(d['b'])}**")
        else:
            parts.append("~~" + md_escape(d["a"]) + "~~")
    return "“" + " ".join(p for p in parts if p) + "”"


# HTML -------------------------------------------------------------------------------------

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
h1,h2,h3{line-height:1.2}table{border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid #bbb;padding:.2rem .45rem;vertical-align:top}th{background:#eee}
td.c{text-align:center;font-family:ui-monospace,monospace}td.x{background:#fde2e1;font-weight:bold}
.legend,.muted{color:#555}del{color:#a00}ins,b.ch{color:#064;background:#dff3e4;text-decoration:none}
@media (prefers-color-scheme:dark){body{background:#161616;color:#ddd}th{background:#2a2a2a}
td.x{background:#4a1f1f}.legend,.muted{color:#aaa}ins,b.ch{background:#123d22;color:#bfe}}
"""


def _e(text: object) -> str:
    return html.escape(_CONTROL.sub(" ", str(text)), quote=True)


def to_html(data: dict[str, Any]) -> str:
    """The report as one self-contained HTML page (inline CSS, no script, nothing fetched)."""
    names = {a["id"]: a["short"] for a in data["articles"]}
    outlets = {a["id"]: a["outlet"] for a in data["articles"]}
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>Story overview: {_outlets(len(names))}</title><style>{_CSS}</style></head><body>",
        f"<h1>Story overview: {_outlets(len(names))}</h1><ul>",
    ]
    out += [
        f"<li><b>{_e(a['short'])}</b>: {_full_name(a, _e)}{_e(a['title'])}</li>"
        for a in data["articles"]
    ]
    out.append("</ul>")
    if data["wire"]:
        out.append("<p><b>Wire copy</b> (counted as one report):</p><ul>")
        out += [f"<li>{_e(', '.join(g['outlets']))}</li>" for g in data["wire"]]
        out.append("</ul>")
    out += [
        f'<h2>Facts by outlet</h2><p class="legend">{_e(LEGEND)}</p>',
        "<table><thead><tr><th>Fact</th>",
    ]
    out += [f'<th title="{_e(outlets[a])}">{_e(names[a])}</th>' for a in names]
    out.append("<th>Outlets</th></tr></thead><tbody>")
    for fact in data["facts"]:
        cells = []
        for a in names:
            cell = fact["cells"].get(a)
            css = "c x" if cell and cell["conflict"] else "c"
            cells.append(f'<td class="{css}">{_e(cell["mark"]) if cell else ""}</td>')
        indep = f" ({fact['independent']} indep.)" if fact["independent"] != fact["outlets"] else ""
        out.append(
            f"<tr><td>{_e(fact['label'])}</td>{''.join(cells)}<td>{fact['outlets']}{indep}</td></tr>"
        )
    out.append("</tbody></table>")
    for key, title in (
        ("exclusives", "Only this outlet reports"),
        ("omissions", "Most others report, this one leaves out"),
    ):
        out.append(f"<h2>{title}</h2>")
        for article_id, rows in data[key].items():
            out.append(f"<h3>{_e(outlets[article_id])}</h3><ul>")
            out += [
                f"<li>{_e(_where(r))} <b>{_e(r['label'])}</b>{_opening_after(r, _e)}</li>"
                for r in rows
            ] or [
                '<li class="muted">(none)</li>'
            ]
            out.append("</ul>")
    out.append("<h2>Conflicts</h2><ul>")
    for c in data["conflicts"]:
        out.append(f"<li><b>{_e(c['kind'])}, {_e(c['state'])}</b>: {_e(c['reason'])}<ul>")
        out += [
            f"<li>{_e(v['outlet'])} ¶{v['paragraph'] + 1}: {_e(v['text'])}</li>" for v in c["versions"]
        ]
        out.append("</ul></li>")
    if not data["conflicts"]:
        out.append('<li class="muted">(none found)</li>')
    out.append("</ul><h2>Quotes</h2><ul>")
    for q in data["quotes"]:
        by = f" ({_e(q['speaker'])})" if q["speaker"] else ""
        out.append(f"<li><b>{_e(q['id'])}</b>{by}, carried by {_outlets(len(q['articles']))}:<ul>")
        for w in q["wordings"]:
            carried = ", ".join(_e(names[a]) for a in dict.fromkeys(w["carried_by"]))
            out.append(f"<li>{carried}: {_html_diff(w['diff'])}</li>")
        out.append("</ul></li>")
    out.append(f'</ul><p class="muted">{_e(data["generator"])}</p></body></html>')
    return "\n".join(out) + "\n"


def _html_diff(diff: list[dict[str, str]]) -> str:
    parts = []
    for d in diff:
        if d["op"] == "same":
            parts.append(_e(d["b"]))
        elif d["op"] == "outside":
            parts.append("…")
        elif d["b"]:
            parts.append(f"<ins>{_e(d['b'])}</ins>")
        else:
            parts.append(f"<del>{_e(d['a'])}</del>")
    return "“" + " ".join(p for p in parts if p) + "”"


def render(alignment: Alignment, fmt: str) -> str:
    """The report of an aligned story in one of `FORMATS`."""
    import json

    data = build_report(alignment)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if fmt == "html":
        return to_html(data)
    return to_markdown(data)


def _outlets(n: int) -> str:
    return f"{n} outlet" if n == 1 else f"{n} outlets"
