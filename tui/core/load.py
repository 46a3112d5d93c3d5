"""Files and folders → `Story`.

Folders are read recursively in natural order (`2.txt` before `10.txt`, as `ls -v`); hidden
files and files that are not articles are skipped with one note per folder. Every file that
cannot be read becomes a `Problem` naming it and the reason, and the rest of the story still
loads: nothing here raises.

Files over `MAX_BYTES` are skipped rather than read in part: no news article is that long,
so such a file is a mistake (a log, a dump) and a clear message serves better than a cut text.
A FIFO or device is never opened (reading it could block for ever). Symbolic links are
followed, but a folder is never walked twice, so a link loop ends.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.clean import clean_text, safe_name
from tui.core.decode import NotText, decode_bytes
from tui.core.kinds import WEB_SUFFIXES, is_url
from tui.core.model import Article, Paragraph, Problem, Story
from tui.core.outlet import find_outlet, find_title
from tui.core.roles import assign_roles
from tui.core.segment import (
    LONG_PARAGRAPH,
    Block,
    split_front_matter,
    split_long,
    split_markdown,
    split_text,
)

if TYPE_CHECKING:
    from types import ModuleType


def _web() -> ModuleType:
    """`tui.core.web`, imported when a page, a feed or a URL is read: a story of text files
    never needs it (nor the HTML and feed parsers it brings), and the reader reads one
    before its first paint."""
    from tui.core import web

    return web


ARTICLE_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
"""File suffix → reader. Other suffixes in a folder are skipped with a note."""

MAX_BYTES = 20 * 1024 * 1024
"""Files larger than this are skipped with a message (see the module docstring)."""
MAX_PARAGRAPHS = 20_000
"""An article's paragraphs after the first this many are not read, with a note: a book has
fewer; a file with more (a log, a word list) is no article, and aligning it would take minutes."""
MAX_LINES = 8 * MAX_PARAGRAPHS
"""A text's lines after the first this many are not read, with a note: enough for
`MAX_PARAGRAPHS` hard-wrapped paragraphs, and millions of short lines are never held at once."""
MAX_DEPTH = 32
"""Folders nested deeper than this below a folder given are skipped with a note: no story
nests so deep, and the walk recurses once per level."""

Progress = Callable[[int, int, str], None]
"""`progress(done, total, path)`, called after each file so a caller can show progress."""


def load_story(
    paths: Iterable[str | os.PathLike[str]], progress: Progress | None = None
) -> Story:
    """Read every article under `paths`: files or folders (recursive, sorted), URLs, or `-`.

    Bad inputs never raise: each becomes a `Problem` and the rest is read. A file named
    explicitly is read whatever its suffix (Markdown when it ends in `.md`). URLs are all
    fetched at once before anything else is read (`web.py`); `-` is standard input.
    """
    problems: list[Problem] = []
    given = [os.fsdecode(p) for p in paths]
    urls = list(dict.fromkeys(g for g in given if is_url(g)))
    fetched = _web().read_urls(urls, problems, on_done=_fetch_progress(progress, len(urls))) if urls else {}
    inputs: list[str | Path] = []
    for item in given:
        inputs.extend([item] if item in fetched or item == "-" else expand_paths([item], problems))
    articles: list[Article] = []
    ids: set[str] = set()
    for done, item in enumerate(inputs, 1):
        if isinstance(item, Path):
            found = load_articles(item, problems, ids)
        else:
            found = fetched[item] if item in fetched else _read_stdin(problems)
        for article in found:
            article = with_unique_id(article, ids)
            articles.append(article)
            ids.add(article.id)
        if progress is not None:
            progress(done, len(inputs), safe_name(os.fsdecode(item)))
    return Story(tuple(distinct_outlets(articles)), tuple(problems))


def distinct_outlets(articles: list[Article]) -> list[Article]:
    """`articles` with the outlets that more than one of them names numbered in story order,
    "Politico (1)", "Politico (2)": every pane names an article by its outlet, and "only
    Politico reports this; not reported by: Politico" would say nothing."""
    counts = Counter(a.outlet.casefold() for a in articles)
    if all(n == 1 for n in counts.values()):
        return articles
    numbers: Counter[str] = Counter()
    out = []
    for article in articles:
        key = article.outlet.casefold()
        if counts[key] > 1:
            numbers[key] += 1
            article = dataclasses.replace(article, outlet=f"{article.outlet} ({numbers[key]})")
        out.append(article)
    return out


def with_unique_id(article: Article, taken: set[str]) -> Article:
    """The article, renamed `id~2`, `id~3`… when its id is already taken in the story."""
    new_id, n = article.id, 1
    while new_id in taken:
        n += 1
        new_id = f"{article.id}~{n}"
    return article if new_id == article.id else dataclasses.replace(article, id=new_id)


def _fetch_progress(progress: Progress | None, total: int) -> Callable[[str], None] | None:
    """Progress while URLs are fetched: `progress(done, total, url)` as each one finishes."""
    if progress is None or not total:
        return None
    report = progress
    count = 0

    def done(url: str) -> None:
        nonlocal count
        count += 1
        report(count, total, safe_name(url))

    return done


def load_articles(path: Path, problems: list[Problem], taken: set[str]) -> list[Article]:
    """One file → its articles: a saved page or a text one, a feed several (`web.py`)."""
    if path.suffix.lower() in WEB_SUFFIXES or path.suffix.lower() not in ARTICLE_SUFFIXES:
        name = safe_name(os.fsdecode(path))
        try:
            raw = _read(path)
        except OSError as error:
            problems.append(Problem(name, _reason(error)))
            return []
        article_id = _unique_id(path, taken)
        from_web = _web().read_document(name, article_id, path.suffix.lower(), raw, problems)
        if from_web is not None:
            return from_web
    article = load_article(path, problems, taken)
    return [article] if article is not None else []


def _read_stdin(problems: list[Problem]) -> list[Article]:
    """`-`: standard input, read as a page or feed when it looks like one, else as text; no
    more than `MAX_BYTES` is read (a pipe may never end: `< /dev/urandom`)."""
    raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        limit = MAX_BYTES // 2**20
        problems.append(Problem("-", f"too large (more than {limit} MB), skipped"))
        return []
    from_web = _web().read_document("-", "stdin", "", raw, problems)
    if from_web is not None:
        return from_web
    try:
        decoded = decode_bytes(raw)
    except NotText as error:
        problems.append(Problem("-", str(error)))
        return []
    article = article_from_text(
        clean_text(decoded.text), article_id="stdin", path="-", problems=problems
    )
    if article is None:
        problems.append(Problem("-", "no text on standard input"))
    return [article] if article is not None else []


def load_article(
    path: Path, problems: list[Problem], taken: set[str] | None = None
) -> Article | None:
    """One file → an `Article`, or None with the reason appended to `problems`."""
    name = safe_name(os.fsdecode(path))
    try:
        raw = _read(path)
        decoded = decode_bytes(raw)
    except (OSError, NotText) as error:
        problems.append(Problem(name, _reason(error)))
        return None
    if decoded.note:
        problems.append(Problem(name, decoded.note, fatal=False))
    kind = ARTICLE_SUFFIXES.get(path.suffix.lower(), "text")
    article = article_from_text(
        clean_text(decoded.text),
        article_id=_unique_id(path, taken or set()),
        path=name,
        kind=kind,
        problems=problems,
    )
    if article is None:
        problems.append(Problem(name, "no text in this file, skipped"))
    return article


def article_from_text(
    text: str,
    *,
    article_id: str,
    path: str,
    kind: str = "text",
    problems: list[Problem] | None = None,
) -> Article | None:
    """Clean text (see `clean.clean_text`) → an `Article`; None when it holds no paragraph."""
    meta, body = split_front_matter(text)
    more = body.count("\n", 0, len(body) - 1) >= MAX_LINES  # (a last newline ends a line)
    if more:
        body = "\n".join(body.split("\n", MAX_LINES)[:MAX_LINES])
    blocks = split_markdown(body) if kind == "markdown" else split_text(body)
    return article_from_blocks(
        blocks, meta, article_id=article_id, path=path, problems=problems, more=more
    )


def article_from_blocks(
    blocks: Sequence[Block],
    meta: dict[str, str],
    *,
    article_id: str,
    path: str,
    problems: list[Problem] | None = None,
    more: bool = False,
) -> Article | None:
    """Paragraph blocks (from any reader: text, Markdown, a web page) → an `Article`. A block
    too long to be one paragraph is cut into pieces (`segment.split_long`), and blocks after
    `MAX_PARAGRAPHS` are dropped, each noted in `problems` when given (`more`: the text went on
    past the `MAX_LINES` the blocks were made of)."""
    if not blocks:
        return None
    blocks, cut = split_long(list(blocks))
    if cut and problems is not None:
        problems.append(Problem(path, _cut_note(cut), fatal=False))
    if len(blocks) > MAX_PARAGRAPHS or more:
        if problems is not None:
            first = (
                f"{MAX_PARAGRAPHS:,} paragraphs"
                if len(blocks) > MAX_PARAGRAPHS
                else f"{MAX_LINES:,} lines"
            )
            note = f"only its first {first} are read, the rest is skipped"
            problems.append(Problem(path, note, fatal=False))
        blocks = blocks[:MAX_PARAGRAPHS]
    roles = assign_roles(blocks)
    paragraphs = tuple(
        Paragraph(n, block.text, role)  # type: ignore[arg-type]
        for n, (block, role) in enumerate(zip(blocks, roles, strict=True))
    )
    outlet, evidence = find_outlet(paragraphs, meta, article_id.rsplit("/", 1)[-1])
    return Article(
        id=article_id,
        path=path,
        outlet=outlet,
        outlet_evidence=evidence,
        title=find_title(paragraphs, meta),
        paragraphs=paragraphs,
        url=meta.get("url", ""),
        date=meta.get("date", ""),
        author=meta.get("author", ""),
    )


def _cut_note(cut: int) -> str:
    """The one-line note for `cut` blocks cut into pieces by `article_from_blocks`."""
    which = "a paragraph" if cut == 1 else f"{cut:,} paragraphs"
    return f"{which} over {LONG_PARAGRAPH:,} characters cut into pieces at sentence ends"


def _read(path: Path) -> bytes:
    """The file's bytes; refuses what is not a regular file or is too large."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file")
    if info.st_size > MAX_BYTES:
        size, limit = info.st_size / 2**20, MAX_BYTES // 2**20
        raise OSError(errno.EFBIG, f"too large ({size:.1f} MB; the limit is {limit} MB), skipped")
    with open(path, "rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise OSError(errno.EFBIG, "grew too large while being read, skipped")
    if not raw.strip():
        raise OSError(errno.ENODATA, "empty file, skipped")
    return raw


_REASONS = {
    errno.ENOENT: "vanished before it could be read",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "symbolic link loop",
    errno.EISDIR: "is a folder",
}


def _reason(error: Exception) -> str:
    if isinstance(error, NotText):
        return str(error)
    if isinstance(error, OSError):
        return _REASONS.get(error.errno or 0) or error.strerror or str(error)
    return str(error)


def _unique_id(path: Path, taken: set[str]) -> str:
    """The file name without its suffix; the parent folder is added when two files share it."""
    stem = safe_name(os.fsdecode(path.stem)) or "article"
    if stem not in taken:
        return stem
    candidate = f"{safe_name(os.fsdecode(path.parent.name))}/{stem}"
    number = 2
    while candidate in taken:
        candidate = f"{stem}~{number}"
        number += 1
    return candidate


def expand_paths(paths: Iterable[str | os.PathLike[str]], problems: list[Problem]) -> list[Path]:
    """The article files named by `paths`: files as given, folders walked; problems noted."""
    found: list[Path] = []
    for given in paths:
        path = Path(os.fsdecode(given))
        name = safe_name(str(path))
        try:
            info = os.stat(path)
        except OSError as error:
            missing = error.errno == errno.ENOENT and not os.path.islink(path)
            reason = "no such file or folder" if missing else _reason(error)
            if error.errno == errno.ENOENT and os.path.islink(path):
                reason = "broken symbolic link"
            problems.append(Problem(name, reason))
            continue
        if stat.S_ISDIR(info.st_mode):
            found.extend(_walk(path, problems))
        else:
            found.append(path)
    return found


def _walk(top: Path, problems: list[Problem]) -> list[Path]:
    """Article files under `top`, sorted, each folder walked once even through link loops."""
    files: list[Path] = []
    skipped: Counter[str] = Counter()
    seen: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        where = safe_name(os.fsdecode(error.filename or top))
        problems.append(Problem(where, f"cannot read folder: {_reason(error)}"))

    base = str(top).rstrip(os.sep).count(os.sep)
    for folder, dirs, names in os.walk(top, followlinks=True, onerror=unreadable):
        if dirs and folder.rstrip(os.sep).count(os.sep) - base >= MAX_DEPTH:
            skipped[f"folder(s) nested deeper than {MAX_DEPTH} levels"] += len(dirs)
            dirs[:] = []
        try:
            info = os.stat(folder)
        except OSError:
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []
            skipped["folder(s) already read (a link loop)"] += 1
            continue
        seen.add((info.st_dev, info.st_ino))
        hidden = [d for d in dirs if d.startswith(".")]
        dirs[:] = sorted((d for d in dirs if not d.startswith(".")), key=_natural)
        if hidden:
            skipped["hidden folder(s)"] += len(hidden)
        for filename in names:
            kind = _skip_kind(filename)
            if kind:
                skipped[kind] += 1
            else:
                files.append(Path(folder, filename))
    files.sort(key=lambda p: tuple(map(_natural, p.parts)))
    name = safe_name(str(top))
    if skipped:
        note = ", ".join(f"{count} {kind}" for kind, count in sorted(skipped.items()))
        problems.append(Problem(name, f"skipped {note}", fatal=False))
    if not files:
        problems.append(Problem(name, "no article files (.txt, .md, .html, feeds) in this folder"))
    return files


_DIGITS = re.compile(r"(\d+)")


def _natural(name: str) -> list:
    """Sort key of a file or folder name in the order people number them: "2.txt" before
    "10.txt" (as `ls -v`). Text and runs of digits alternate, so like is compared with like;
    a number's digits break the tie between "01" and "1"."""
    parts: list = _DIGITS.split(name)
    for k in range(1, len(parts), 2):
        parts[k] = (int(parts[k]), parts[k])
    return parts


def _skip_kind(filename: str) -> str:
    if filename.startswith("."):
        return "hidden file(s)"
    suffix = os.path.splitext(filename)[1].lower()
    if suffix not in ARTICLE_SUFFIXES and suffix not in WEB_SUFFIXES:
        return f"{suffix or 'suffix-less'} file(s)"
    return ""
