"""Files and folders → `Story`.

A first loader: `.txt` files, one paragraph per non-empty line. Roles, outlets,
Markdown and front matter are refined in `segment.py`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from tui.core.clean import clean_text
from tui.core.model import Article, Paragraph, Problem, Story

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"})


def load_story(paths: Iterable[str | os.PathLike[str]]) -> Story:
    """Read every article under `paths` (files or folders, recursive, sorted).

    Bad files never raise: each becomes a `Problem` and the rest is read.
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    for path in _expand(paths, problems):
        try:
            raw = path.read_bytes()
        except OSError as error:
            problems.append(Problem(str(path), error.strerror or str(error)))
            continue
        if b"\x00" in raw[:8192]:
            problems.append(Problem(str(path), "binary file, skipped"))
            continue
        text = clean_text(raw.decode("utf-8", errors="replace"))
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if not lines:
            problems.append(Problem(str(path), "empty file, skipped"))
            continue
        paragraphs = tuple(Paragraph(n, line) for n, line in enumerate(lines))
        articles.append(
            Article(
                id=path.stem,
                path=str(path),
                outlet=path.stem,
                outlet_evidence="file name",
                title=lines[0],
                paragraphs=paragraphs,
            )
        )
    return Story(tuple(articles), tuple(problems))


def _expand(paths: Iterable[str | os.PathLike[str]], problems: list[Problem]) -> list[Path]:
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and child.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append(child)
        elif path.exists():
            found.append(path)
        else:
            problems.append(Problem(str(path), "no such file or folder"))
    return found
