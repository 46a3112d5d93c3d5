"""Text → paragraphs: front matter, plain-text paragraphs, Markdown blocks, matching form.

Plain text comes in two shapes, and the file itself tells which:

- one paragraph per line (what copy-pasting from a web page gives; blank lines may or may
  not separate them), and
- hard-wrapped paragraphs: blank-line-separated blocks whose lines are cut near one width
  (≤ 100 characters) in mid-sentence.

The evidence is the length of the lines that do not end a block. When most of them sit near
one width of at most 100 characters and many stop mid-sentence, the file is wrapped and the
lines of a block are joined. Otherwise every non-empty line is a paragraph, even inside a
block (a photo's alt text followed by its caption is two paragraphs, not one).

Markdown goes through markdown-it-py's tokens, imported only when a Markdown file is read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

Hint = str
"""What the markup says a block is: "" (nothing), "h1", "heading", "quote", "item", "image"."""


@dataclass(frozen=True)
class Block:
    """One paragraph-to-be, before roles are decided."""

    text: str
    hint: Hint = ""


FRONT_MATTER_KEYS = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "site_name": "outlet",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "date": "date",
    "published": "date",
    "author": "author",
    "authors": "author",
    "byline": "author",
}
"""Front-matter keys we read, and the field each one fills."""

_FM_LINE = re.compile(r"([A-Za-z][\w-]{0,40})\s*:\s*(.*)")
_SENTENCE_END = re.compile(r"[.!?…。！？؟।][\"'”’»)\]」』）]*$")
_WRAP_MAX = 100
_MARKDOWN_MAX = 2 * 2**20
_MARKDOWN_MAX_LINE = 20_000


LONG_PARAGRAPH = 4_000
"""A block longer than this (in characters) is not a paragraph anyone wrote but a text whose
breaks were lost (a transcript, a page flattened to one line): `split_long` cuts it. News
paragraphs stay far below it (the longest in the bundled and evaluation stories is 530)."""
PIECE = 1_500
"""The most characters in a piece of a cut block."""
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*\s+|[。！？][」』”’）)]*\s*")
"""The end of a sentence and the space after it: a piece ends at the match's end."""
_LAST_SPACE = re.compile(r".*\s", re.DOTALL)


def split_long(blocks: list[Block]) -> tuple[list[Block], int]:
    """`blocks` with every block over `LONG_PARAGRAPH` characters cut into pieces (`pieces`),
    and how many blocks were cut. A heading's pieces are plain paragraphs: no heading is that
    long. Short blocks are kept as they are, so a story without long blocks is unchanged."""
    if all(len(block.text) <= LONG_PARAGRAPH for block in blocks):
        return blocks, 0
    out: list[Block] = []
    cut = 0
    for block in blocks:
        if len(block.text) <= LONG_PARAGRAPH:
            out.append(block)
            continue
        cut += 1
        hint = "" if block.hint in ("h1", "heading") else block.hint
        out.extend(Block(piece, hint) for piece in pieces(block.text))
    return out, cut


def pieces(text: str, size: int = PIECE) -> list[str]:
    """`text` in pieces of at most `size` characters: whole sentences where one ends in the
    second half of the piece, else up to the last space, else `size` characters. The cost is
    linear in the text: each piece reads no further than its own characters."""
    out: list[str] = []
    start, n = 0, len(text)
    while n - start > size:
        window = text[start : start + size]
        end = 0
        for match in _SENTENCE_BREAK.finditer(window, size // 2):
            end = match.end()
        if not end:
            space = _LAST_SPACE.match(window, size // 2)
            end = space.end() if space else size
        piece = window[:end].strip()
        if piece:
            out.append(piece)
        start += end
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split `---`-fenced `key: value` lines off the top; unknown keys are ignored.

    Anything that does not look like simple front matter is left in the text untouched.
    """
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n", 80)
    if lines[0].strip() != "---":
        return {}, text
    end = next((i for i in range(1, min(len(lines), 80)) if lines[i].strip() in ("---", "...")), 0)
    if not end:
        return {}, text
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "- ")) or line[:1].isspace():
            continue
        match = _FM_LINE.fullmatch(stripped)
        if match is None:
            return {}, text
        field = FRONT_MATTER_KEYS.get(match.group(1).lower().replace("-", "_"))
        value = _unquote(match.group(2).strip())
        if field and value and field not in meta:
            meta[field] = value
    return meta, "\n".join(lines[end + 1 :])


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def split_text(text: str) -> list[Block]:
    """Paragraphs of a plain-text article (see the module docstring for the rule)."""
    blocks = _line_blocks(text)
    width = wrap_width(blocks)
    paragraphs: list[Block] = []
    for lines in blocks:
        if width and len(lines) > 1:
            paragraphs.extend(Block(p) for p in _unwrap(lines, width))
        else:
            paragraphs.extend(Block(line) for line in lines)
    return paragraphs


def _line_blocks(text: str) -> list[list[str]]:
    """Non-empty, stripped lines, grouped by the blank lines between them."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        line = line.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def wrap_width(blocks: list[list[str]]) -> int:
    """The width a file is hard-wrapped at, or 0 when its lines are paragraphs.

    Only lines that do not end a block count: in wrapped text they end near the wrap width,
    in mid-sentence.
    """
    inner = sorted(len(line) for lines in blocks for line in lines[:-1])
    if len(inner) < 2:  # one broken line is no evidence of a wrap width
        return 0
    width = inner[-(len(inner) // 10) - 1]  # the 90th percentile, the maximum for few lines
    if width > _WRAP_MAX or width < 30:
        return 0
    near = sum(1 for n in inner if width - max(12, width // 4) <= n <= width + 2)
    open_ended = sum(
        1 for lines in blocks for line in lines[:-1] if not _SENTENCE_END.search(line)
    )
    if near < 0.6 * len(inner) or open_ended < 0.5 * len(inner):
        return 0
    return width


def _unwrap(lines: list[str], width: int) -> list[str]:
    """Join wrapped lines; a clearly short line still ends its paragraph."""
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not current:
            current = line
        elif current.endswith("-") and current[-2:-1].isalpha():
            current += line
        else:
            current += " " + line
        short = len(line) < 0.6 * width
        if short or (len(line) < 0.8 * width and _SENTENCE_END.search(line)):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def split_markdown(text: str) -> list[Block]:
    """Paragraphs of a Markdown article, with what the markup says about each one.

    Some inline rules of markdown-it-py slow down badly on huge lines (a megabyte of `[`
    takes half a minute); no article has such lines, so that text is read as plain text.
    """
    if len(text) > _MARKDOWN_MAX or max(map(len, text.split("\n"))) > _MARKDOWN_MAX_LINE:
        return split_text(text)
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[Block] = []
    context: list[str] = []
    cells: list[str] = []
    for i, token in enumerate(tokens):
        if token.type in ("blockquote_open", "list_item_open"):
            context.append("quote" if token.type == "blockquote_open" else "item")
        elif token.type in ("blockquote_close", "list_item_close"):
            context.pop()
        elif token.type == "inline" and i and tokens[i - 1].type == "heading_open":
            hint = "h1" if tokens[i - 1].tag == "h1" else "heading"
            blocks.append(Block(_flatten(token), hint))
        elif token.type == "inline" and i and tokens[i - 1].type == "paragraph_open":
            hint = "image" if _only_images(token) else (context[-1] if context else "")
            blocks.append(Block(_flatten(token), hint))
        elif token.type == "inline" and i and tokens[i - 1].type in ("th_open", "td_open"):
            cells.append(_flatten(token))
        elif token.type == "tr_close":
            blocks.append(Block(" | ".join(c for c in cells if c)))
            cells = []
        elif token.type in ("fence", "code_block"):
            blocks.append(Block(" ".join(token.content.split())))
    return [b for b in blocks if b.text]


def _flatten(token: object) -> str:
    """Inline markup → plain text: emphasis and links dropped, images give their alt text."""
    parts: list[str] = []
    for child in getattr(token, "children", None) or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_flatten(child) or str(child.attrs.get("alt", "")))
    return " ".join("".join(parts).split())


def _only_images(token: object) -> bool:
    """A paragraph that is just a picture (with or without a link around it)."""
    children = [
        c
        for c in getattr(token, "children", None) or ()
        if not (c.type in ("text", "softbreak") and not c.content.strip())
    ]
    return any(c.type == "image" for c in children) and all(
        c.type in ("image", "link_open", "link_close") for c in children
    )


_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "−": "-",
    }
)
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_SPACES = re.compile(r"\s+")


def normalize_for_match(text: str) -> str:
    """The form two paragraphs are compared in, never shown: NFKC, straight quotes, casefold.

    A hyphen inside a word becomes a space, so `Jong-un` matches `Jong Un` and
    `Russia-North Korea` matches `Russia North Korea`.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = _INNER_HYPHEN.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


normalize = normalize_for_match
"""The name the style guide uses."""
