"""Small hand-made stories for the alignment tests."""

from __future__ import annotations

from tui.core.model import Article, Paragraph, Story


def make_story(*articles: list[str], roles: dict[tuple[int, int], str] | None = None) -> Story:
    """A story with one article per list of paragraphs; ids `a0`, `a1`, …"""
    roles = roles or {}
    built = []
    for k, paragraphs in enumerate(articles):
        ps = tuple(
            Paragraph(n, text, roles.get((k, n), "body"))  # type: ignore[arg-type]
            for n, text in enumerate(paragraphs)
        )
        built.append(Article(f"a{k}", f"a{k}.txt", f"Outlet {k}", "file name", paragraphs[0], ps))
    return Story(tuple(built))
