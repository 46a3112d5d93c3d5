"""Saved pages, feeds and URLs → articles.

`load.py` hands over what is not a plain text file: `read_document` takes the bytes of a
saved page or a feed file (by suffix, or sniffed when the suffix says nothing), and
`read_urls` fetches every URL of the command line at once and reads each the same way.
A failure is a `Problem` naming the file or URL; the other inputs still open.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from urllib.parse import urlparse

from tui.core.clean import safe_name
from tui.core.feeds import FEED_SUFFIXES, Entry, FeedError, looks_like_feed, parse_feed
from tui.core.fetch import Fetched, FetchError, fetch_all, is_url
from tui.core.html import HTML_SUFFIXES, HtmlError, Page, extract_page, looks_like_html
from tui.core.kinds import WEB_SUFFIXES
from tui.core.model import Article, Problem
from tui.core.segment import Block

SUFFIXES = WEB_SUFFIXES
"""File suffixes read here rather than as text."""
MAX_ENTRIES = 100
"""Entries read from one feed (a story is a handful of articles; a feed may list hundreds)."""
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})

__all__ = ["SUFFIXES", "is_url", "read_document", "read_urls"]


def read_document(
    label: str, stem: str, suffix: str, raw: bytes, problems: list[Problem]
) -> list[Article] | None:
    """Articles of a saved page or a feed; None when the bytes are neither (read them as text)."""
    if suffix in TEXT_SUFFIXES:
        return None
    if suffix in HTML_SUFFIXES:
        return _page_articles(label, stem, raw, problems)
    if suffix in FEED_SUFFIXES or looks_like_feed(raw):
        return _feed_articles(label, stem, raw, problems)
    if looks_like_html(raw):
        return _page_articles(label, stem, raw, problems)
    return None


def read_urls(
    urls: Sequence[str],
    problems: list[Problem],
    *,
    timeout: float | None = None,
    on_done: Callable[[str], None] | None = None,
) -> dict[str, list[Article]]:
    """Fetch every URL at once and read each as a page or a feed; failures become problems.

    `on_done(url)` is called as each URL is fetched (see `fetch.fetch_all`).
    """
    found: dict[str, list[Article]] = {}
    unique = list(dict.fromkeys(urls))
    results = fetch_all(unique, timeout=timeout, on_done=on_done)
    for url, result in zip(unique, results, strict=True):
        if isinstance(result, FetchError):
            problems.append(Problem(safe_name(url), str(result)))
            found[url] = []
        else:
            found[url] = _fetched_articles(result, problems, timeout)
    return found


def _fetched_articles(
    fetched: Fetched, problems: list[Problem], timeout: float | None
) -> list[Article]:
    """A fetched answer → articles: a feed by its type or its root element, else a page."""
    body, label, kind = fetched.body, safe_name(fetched.url), fetched.content_type
    if kind in _FEED_TYPES or (kind != "text/html" and looks_like_feed(body)):
        return _feed_articles(label, url_id(fetched.url), body, problems, timeout)
    if kind in ("text/html", "application/xhtml+xml") or looks_like_html(body):
        try:
            page = extract_page(body, url=fetched.final_url, charset=fetched.charset)
        except HtmlError as error:
            problems.append(Problem(label, str(error)))
            return []
        return [page_article(page, url_id(fetched.url), label, _host(fetched.url), problems)]
    problems.append(Problem(label, f"not HTML or a feed ({kind or 'no type'})"))
    return []


def _host(url: str) -> str:
    return safe_name((urlparse(url).hostname or "").removeprefix("www."))


def _page_articles(label: str, stem: str, raw: bytes, problems: list[Problem]) -> list[Article]:
    try:
        page = extract_page(raw)
    except HtmlError as error:
        problems.append(Problem(label, str(error)))
        return []
    return [page_article(page, stem, label, stem, problems)]


def page_article(
    page: Page,
    article_id: str,
    path: str,
    fallback_outlet: str,
    problems: list[Problem] | None = None,
) -> Article:
    """A page as an article: the title as headline, then its blocks, through the same role
    rules as text files (share prompts, credits, captions left in are boilerplate)."""
    from tui.core.load import article_from_blocks

    meta = {"title": page.title, "url": page.url, "date": page.date, "author": page.author}
    blocks = [Block(page.title, "h1"), *page.blocks]
    article = article_from_blocks(
        blocks, meta, article_id=article_id, path=path, problems=problems
    )
    assert article is not None  # there is at least the title block
    outlet, evidence = page.outlet, page.outlet_evidence
    if not outlet and article.outlet_evidence.startswith("file name"):
        outlet, evidence = fallback_outlet, "domain" if is_url(path) else article.outlet_evidence
    if outlet:
        article = dataclasses.replace(article, outlet=outlet, outlet_evidence=evidence)
    return article


def _feed_articles(
    label: str, stem: str, raw: bytes, problems: list[Problem], timeout: float | None = None
) -> list[Article]:
    """Each entry an article: its own full text, else its linked page, else its summary."""
    try:
        feed = parse_feed(raw, url=label if is_url(label) else "", limit=MAX_ENTRIES)
    except FeedError as error:
        problems.append(Problem(label, str(error)))
        return []
    entries = feed.entries
    if feed.total > MAX_ENTRIES:
        note = f"feed has {feed.total:,} entries; the first {MAX_ENTRIES} are read"
        problems.append(Problem(label, note, fatal=False))
    links = list(dict.fromkeys(e.link for e in entries if not e.blocks and is_url(e.link)))
    pages = dict(zip(links, fetch_all(links, timeout=timeout), strict=True))
    articles: list[Article] = []
    for n, entry in enumerate(entries, start=1):
        article = _entry_article(label, entry, pages.get(entry.link), problems)
        if article is not None:
            articles.append(dataclasses.replace(article, id=_entry_id(stem, entry, n)))
    return articles


def _entry_article(
    label: str,
    entry: Entry,
    fetched: Fetched | FetchError | None,
    problems: list[Problem],
) -> Article | None:
    """The entry's own text, else its linked page, else its summary (with a warning)."""
    page = Page(
        entry.title,
        entry.blocks,
        entry.outlet,
        entry.outlet_evidence,
        entry.link,
        entry.date,
        entry.author,
    )
    if not entry.blocks and fetched is None and entry.summary:
        page = dataclasses.replace(page, blocks=entry.summary)  # no link: the summary is all
    elif not entry.blocks:
        reason = _fetch_page(fetched, entry)
        if isinstance(reason, Page):
            page = _merge(entry, reason)
        elif entry.summary:
            problems.append(
                Problem(entry.link or label, f"{reason}; showing the feed's summary", fatal=False)
            )
            page = dataclasses.replace(page, blocks=entry.summary)
        else:
            problems.append(Problem(entry.link or label, reason))
            return None
    if not page.title:
        page = dataclasses.replace(page, title=page.blocks[0].text if page.blocks else "(untitled)")
    return page_article(page, "", label, entry.outlet, problems)


def _fetch_page(fetched: Fetched | FetchError | None, entry: Entry) -> Page | str:
    """The entry's linked page, or the reason it cannot be had."""
    if fetched is None:
        return "feed entry has no text and no link"
    if isinstance(fetched, FetchError):
        return str(fetched)
    try:
        return extract_page(fetched.body, url=fetched.final_url, charset=fetched.charset)
    except HtmlError as error:
        return str(error)


def _merge(entry: Entry, page: Page) -> Page:
    """The linked page's text; the feed's metadata where it has some, the page's otherwise."""
    outlet, evidence = entry.outlet, entry.outlet_evidence
    if page.outlet_evidence not in ("domain", ""):
        outlet, evidence = page.outlet, page.outlet_evidence
    return Page(
        title=entry.title or page.title,
        blocks=page.blocks,
        outlet=outlet,
        outlet_evidence=evidence,
        url=entry.link or page.url,
        date=entry.date or page.date,
        author=entry.author or page.author,
    )


def url_id(url: str) -> str:
    """A readable id for a URL: its host and the last part of its path."""
    parts = urlparse(url)
    host = (parts.hostname or "web").removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    tail = _slug(segments[-1].rsplit(".", 1)[0]) if segments else ""
    return f"{host}-{tail}" if tail else host


def _entry_id(stem: str, entry: Entry, n: int) -> str:
    slug = _slug(entry.title)[:40].strip("-")
    return f"{stem}-{slug}" if slug else f"{stem}-{n}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
