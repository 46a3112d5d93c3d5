"""Files and folders → `Story`.

A first loader: `.txt` files, one paragraph per non-empty line. Roles, outlets,
Markdown and front matter are refined in `segment.py`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from tui.core import web
from tui.core.clean import clean_text
from tui.core.model import Article, Paragraph, Problem, Story

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
READ_SUFFIXES = ARTICLE_SUFFIXES | web.SUFFIXES
"""What a folder is searched for: text, saved pages, feeds."""


def load_story(paths: Iterable[str | os.PathLike[str]]) -> Story:
    """Read every article under `paths`: files or folders (recursive, sorted), URLs, or `-`.

    URLs are fetched at once before anything else is read. Bad inputs never raise: each
    becomes a `Problem` and the rest is read.
    """
    given = [os.fspath(p) for p in paths]
    problems: list[Problem] = []
    fetched = web.read_urls([g for g in given if web.is_url(g)], problems)
    articles: list[Article] = []
    for item in given:
        if item in fetched:
            articles.extend(fetched[item])
        elif item == "-":
            articles.extend(_read_bytes("-", "stdin", "", sys.stdin.buffer.read(), problems))
        else:
            for path in _expand([item], problems):
                articles.extend(_read_file(path, problems))
    return Story(tuple(web.unique_ids(articles)), tuple(problems))


def _read_file(path: Path, problems: list[Problem]) -> list[Article]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(str(path), error.strerror or str(error)))
        return []
    return _read_bytes(str(path), path.stem, path.suffix.lower(), raw, problems)


def _read_bytes(
    label: str, stem: str, suffix: str, raw: bytes, problems: list[Problem]
) -> list[Article]:
    """One input's bytes → its articles (a feed holds several, a page or a text one)."""
    from_web = web.read_document(label, stem, suffix, raw, problems)
    if from_web is not None:
        return from_web
    if b"\x00" in raw[:8192]:
        problems.append(Problem(label, "binary file, skipped"))
        return []
    text = clean_text(raw.decode("utf-8", errors="replace"))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        problems.append(Problem(label, "empty file, skipped"))
        return []
    paragraphs = tuple(Paragraph(n, line) for n, line in enumerate(lines))
    return [
        Article(
            id=stem,
            path=label,
            outlet=stem,
            outlet_evidence="file name",
            title=lines[0],
            paragraphs=paragraphs,
        )
    ]


def _expand(paths: Iterable[str | os.PathLike[str]], problems: list[Problem]) -> list[Path]:
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and child.suffix.lower() in READ_SUFFIXES:
                    found.append(child)
        elif path.exists():
            found.append(path)
        else:
            problems.append(Problem(str(path), "no such file or folder"))
    return found
