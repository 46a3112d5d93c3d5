"""Saved web pages → paragraphs and metadata.

Main-text extraction is trafilatura's: it is the reference of the field (best or close
to best in every published comparison of extractors), it is maintained, it keeps the
structure we need (paragraphs, sub-headings, lists, block quotes) and it reads title,
site name, date and author from the page's metadata (OpenGraph, JSON-LD, meta tags).
It runs offline: we hand it a string and never its download helpers. It is imported
only when a page is read, because importing it costs about 0.3 s.

The page text is untrusted twice over: numeric character references can spell escape
sequences (`&#27;]52;c;…&#7;`) that no byte scan of the raw file sees, and lxml refuses
some of them. So control references are turned into the characters they name, and the
whole decoded page goes through `clean_text` before parsing; every extracted string goes
through it again afterwards.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

from tui.core.clean import clean_text
from tui.core.kinds import HTML_SUFFIXES
from tui.core.segment import Block

MAX_HTML_BYTES = 20 * 1024 * 1024
"""trafilatura's own ceiling; a larger page is refused with a message, not parsed."""
MAX_HTML_TAGS = 100_000
"""A page with more tags than this is refused with a message, not parsed: extraction grows
faster than the page (about n^1.3: 80,000 tags take 8 s, 300,000 take 75 s), and a news page
has a few thousand."""

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_CONTROL_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?")
_SPACE = re.compile(r"\s+")
_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|article|p)[\s>]", re.I)


class HtmlError(ValueError):
    """A page with no article text in it; `str()` is the one-line reason."""


@dataclass(frozen=True)
class Page:
    """What a web page says about itself, and its main text."""

    title: str
    blocks: tuple[Block, ...]
    outlet: str = ""
    outlet_evidence: str = ""
    url: str = ""
    date: str = ""
    author: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


def looks_like_html(raw: bytes) -> bool:
    """Whether the start of a file reads as HTML (for stdin and files with no telling suffix)."""
    return bool(_SNIFF.search(raw[:2048].lstrip(b"\xef\xbb\xbf")))


def decode_html(raw: bytes, declared: str = "") -> str:
    """Bytes → text: BOM, then the HTTP charset, then `<meta charset>`, then UTF-8, then a guess."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    meta = _CHARSET.search(raw[:4096])
    for name in (declared, meta.group(1).decode("ascii") if meta else ""):
        if name:
            try:
                return raw.decode(_web_encoding(name), errors="replace")
            except LookupError:
                continue
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return _guess(raw)


def _web_encoding(name: str) -> str:
    """Browsers read "latin-1" and "ascii" as Windows-1252; so do we."""
    normal = codecs.lookup(name).name
    return "cp1252" if normal in {"latin-1", "iso8859-1", "ascii"} else normal


def _guess(raw: bytes) -> str:
    """Undeclared and not UTF-8: Windows-1252 (the web's default) unless a detector is sure.

    Detectors need text to be sure of anything; on a short page they guess wildly.
    """
    if len(raw) >= 1024:
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:262144]).best()
        if best is not None:
            return raw.decode(best.encoding, errors="replace")
    return raw.decode("cp1252", errors="replace")


def defuse(markup: str) -> str:
    """Make page source safe to parse: control references become characters, then are cleaned."""
    return clean_text(_CONTROL_REF.sub(_control_char, markup))


def _control_char(ref: re.Match[str]) -> str:
    hexa, decimal = ref.groups()
    code = int(hexa, 16) if hexa else int(decimal)
    if code in (9, 10, 13) or not (code < 0x20 or 0x7F <= code <= 0x9F or code > 0x10FFFF):
        return ref.group(0)
    return chr(code) if code <= 0x10FFFF else ""


def tidy(text: str | None) -> str:
    """One line of clean text: controls out, runs of whitespace as one space."""
    return _SPACE.sub(" ", clean_text(text or "")).strip()


def extract_page(raw: bytes | str, *, url: str = "", charset: str = "") -> Page:
    """Extract a page's main text and metadata.

    Args:
        raw: the page as fetched or saved.
        url: where it came from, when known (helps the date and site name).
        charset: the HTTP charset, when it came from the network.

    Raises:
        HtmlError: when the page is too large (in bytes or tags) or has no article text.
    """
    if len(raw) > MAX_HTML_BYTES:
        raise HtmlError(f"page too large ({len(raw) / 1024 / 1024:.0f} MB), skipped")
    markup = defuse(decode_html(raw, charset) if isinstance(raw, bytes) else raw)
    tags = markup.count("<")
    if tags > MAX_HTML_TAGS:
        raise HtmlError(f"page too large ({tags:,} tags; the limit is {MAX_HTML_TAGS:,}), skipped")
    import trafilatura

    doc = trafilatura.bare_extraction(
        markup,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
    )
    if doc is None or doc.body is None:
        raise HtmlError("no article text found in the page")
    blocks = body_blocks(doc.body)
    if not blocks:
        raise HtmlError("no article text found in the page")
    title = tidy(doc.title) or blocks[0].text
    if blocks[0].text.casefold() == title.casefold():
        blocks = blocks[1:]
    outlet, evidence = _outlet(doc, markup)
    return Page(
        title=title,
        blocks=tuple(blocks),
        outlet=outlet,
        outlet_evidence=evidence,
        url=tidy(doc.url) or url,
        date=tidy(doc.date),
        author=tidy(doc.author),
    )


def _outlet(doc: Any, markup: str) -> tuple[str, str]:
    """The site's own name when it states one, else its domain."""
    name = tidy(doc.sitename)
    host = tidy(doc.hostname)
    if name and name.lower() != host.lower():
        meta = "og:site_name" if "og:site_name" in markup else "page metadata"
        return name, meta
    if host:
        return host.removeprefix("www."), "domain"
    return "", ""


_HINTS = {"head": "heading", "item": "item", "quote": "quote"}
"""trafilatura's tags → the hints `roles.assign_roles` reads (as for Markdown)."""


def body_blocks(body: Any) -> list[Block]:
    """trafilatura's output tree → blocks: headings, paragraphs, list items, quotes."""
    blocks: list[Block] = []
    for element in body.iter("head", "p", "item", "quote"):
        if element.tag in ("p", "quote") and _inside(element, ("item", "quote")):
            continue
        text = tidy("".join(element.itertext()))
        if text:
            blocks.append(Block(text, _HINTS.get(element.tag, "")))
    return blocks


def _inside(element: Any, tags: tuple[str, ...]) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


_FRAGMENT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt")


_FRAGMENT_JUNK = (
    "//script|//style|//figure|//figcaption|//iframe|//noscript|//template|//object|//embed"
    "|//applet|//svg|//math|//form"
)
"""What a fragment's text never includes: code, embeds, forms, pictures and their captions."""


def fragment_blocks(markup: str) -> list[Block]:
    """Article HTML from a feed (already the main text) → blocks, without main-text guessing.

    Text outside any block element (feeds often send `text<br><br>text`) is split on
    line breaks.
    """
    import lxml.html

    markup = defuse(markup)
    if not markup.strip():
        return []
    if "<" not in markup:
        return [Block(t) for t in (tidy(line) for line in markup.split("\n")) if t]
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for br in root.iter("br"):
        br.tail = _BREAK + (br.tail or "")
    for junk in root.xpath(_FRAGMENT_JUNK):
        junk.drop_tree()
    blocks: list[Block] = []
    pending: list[str] = []
    _walk(root, blocks, pending)
    _flush(pending, blocks)
    return blocks


_BREAK = "\u2029"
"""What a `<br>` becomes while walking: a paragraph break (source newlines are only spaces)."""
_CONTAINERS = (
    "div",
    "section",
    "article",
    "ul",
    "ol",
    "blockquote",
    "dl",
    "main",
    "body",
    "table",
    "tr",
    "td",
)


def _walk(element: Any, blocks: list[Block], pending: list[str]) -> None:
    """Blocks in document order; inline text between blocks is gathered into paragraphs."""
    pending.append(element.text or "")
    for child in element:
        if not isinstance(child.tag, str):
            pass
        elif child.tag in _FRAGMENT_BLOCKS and not child.xpath(".//p|.//li"):
            _flush(pending, blocks)
            text = tidy(child.text_content())
            if text:
                blocks.append(Block(text, _fragment_hint(child)))
        elif child.tag in _CONTAINERS or child.tag in _FRAGMENT_BLOCKS:
            _flush(pending, blocks)
            _walk(child, blocks, pending)
            _flush(pending, blocks)
        else:
            pending.append(child.text_content())
        pending.append(child.tail or "")


def _fragment_hint(element: Any) -> str:
    tag = element.tag
    if tag[0] == "h" and tag[1:].isdigit():
        return "heading"
    if tag in ("li", "dd", "dt"):
        return "item"
    parent = element.getparent()
    if tag == "blockquote" or (parent is not None and parent.tag == "blockquote"):
        return "quote"
    return ""


def _flush(pending: list[str], blocks: list[Block]) -> None:
    for line in "".join(pending).split(_BREAK):
        cleaned = tidy(line)
        if cleaned:
            blocks.append(Block(cleaned))
    pending.clear()
