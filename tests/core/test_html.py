"""Saved web pages: the article's paragraphs and metadata, without the site around them."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.webserver import PAGES as WEB
from tui.core import load_story
from tui.core.html import HtmlError, decode_html, extract_page, fragment_blocks

PAGES = sorted(p.name for p in WEB.glob("*.html"))

# Text of the site around each article: navigation, share bars, captions, related links,
# comments, cookie banners, adverts, footers. None of it may become a paragraph.
CHROME = [
    "Most read",
    "Share on Facebook",
    "Photograph: Sam Reed",
    "Why do storms have names",
    "Been saying for years",
    "We use cookies",
    "Accept all",
    "All rights reserved",
    "Sign up for our free morning email",
    "Subscribe from",
    "Join the conversation",
    "Marsham bypass plans approved",
    "Purchase Licensing Rights",
    "Euro zone bond yields",
    "142 partners",
    "ON AIR",
    "WIN a family holiday",
    "More from Kelby Radio",
    "Watch: Flooding",
    "Picture: Gazette reader",
    "First!",
]


@pytest.mark.parametrize(
    ("name", "title", "outlet", "evidence", "date", "author"),
    [
        ("herald.html", "Storm Orla: Kelby harbour wall breached as 140 homes evacuated",
         "The Northern Herald", "og:site_name", "2024-11-12", "Alison Grey"),
        ("coastline.html", "Kelby flooding: residents count the cost after sea wall fails",
         "coastlinedaily.test", "domain", "2024-11-12", "Tom Pike"),
        ("wire.html", "UK storm breaches sea defences in northern town, forcing evacuations",
         "Meridian Wire", "og:site_name", "2024-11-12", "Priya Nair"),
        ("radio.html", "Lifeboat crew rescues man from roof as Kelby floods",
         "Kelby Radio", "og:site_name", "2024-11-12", "Kelby Radio Newsroom"),
    ],
)  # fmt: skip
def test_page_metadata(
    name: str, title: str, outlet: str, evidence: str, date: str, author: str
) -> None:
    """Title, outlet (and why), date and author come from the page's own metadata."""
    page = extract_page((WEB / name).read_bytes())
    assert (page.title, page.outlet, page.outlet_evidence) == (title, outlet, evidence)
    assert (page.date, page.author) == (date, author)


@pytest.mark.parametrize("name", PAGES)
def test_site_chrome_is_dropped(name: str) -> None:
    """Navigation, share bars, captions, related links, comments, banners: not article text."""
    text = "\n".join(b.text for b in extract_page((WEB / name).read_bytes()).blocks)
    assert [c for c in CHROME if c in text] == []
    assert len(text) > 300


def test_paragraphs_are_kept_in_order_with_subheadings() -> None:
    """Each <p> stays its own paragraph, in reading order; an <h2> inside is a subheading."""
    blocks = extract_page((WEB / "herald.html").read_bytes()).blocks
    assert blocks[0].text.startswith("About 140 homes were evacuated in Kelby")
    assert blocks[-1].text.startswith("A rest centre has been opened")
    assert [b.text for b in blocks if b.hint == "heading"] == ["Rail line closed"]
    assert len(blocks) == 9


def test_declared_windows_1252_is_decoded() -> None:
    """A page saved in Windows-1252 (meta http-equiv) reads without mojibake."""
    text = " ".join(b.text for b in extract_page((WEB / "wire.html").read_bytes()).blocks)
    assert "Britain\u2019s coastguard" in text
    assert "\u201cWe have never seen water this high,\u201d" in text
    assert "â€" not in text


@pytest.mark.parametrize(
    ("raw", "declared", "expected"),
    [
        ("<p>café</p>".encode("cp1252"), "", "café"),  # undeclared, not UTF-8: guessed
        ("<p>café</p>".encode(), "", "café"),
        ("<p>café</p>".encode("utf-16"), "", "café"),  # BOM
        ("<p>£</p>".encode("cp1252"), "iso-8859-1", "£"),  # HTTP charset
        ("<p>\x93q\x94</p>".encode("latin-1"), "latin-1", "“q”"),  # browsers read latin-1 as cp1252
    ],
)
def test_decode_html(raw: bytes, declared: str, expected: str) -> None:
    """Bytes become text the way a browser would read them."""
    assert expected in decode_html(raw, declared)


def test_load_story_reads_a_folder_of_pages() -> None:
    """`load_story` on a folder of saved pages gives one article per page, headline first."""
    story = load_story([WEB])
    by_id = {a.id: a for a in story.articles}
    assert {"herald", "coastline", "wire", "radio", "gazette"} <= set(by_id)
    herald = by_id["herald"]
    assert herald.paragraphs[0].role == "headline"
    assert herald.paragraphs[0].text == herald.title
    assert herald.url.startswith("https://www.northernherald.test/news/2024/nov/12/")
    assert [p.n for p in herald.paragraphs] == list(range(len(herald.paragraphs)))


def test_credit_and_read_more_lines_are_boilerplate() -> None:
    """Wire credits and "Read more:" links are shown but never aligned."""
    story = load_story([WEB / "wire.html", WEB / "coastline.html"])
    roles = {p.text[:20]: p.role for a in story.articles for p in a.paragraphs}
    assert roles["(Reporting by Priya "] == "boilerplate"
    assert roles["Read more: Storm Orl"] == "boilerplate"
    assert roles["Trains between Kelby"] == "body"


def test_page_with_no_article_text(tmp_path: Path) -> None:
    """A page that is all navigation is one problem naming the file, and the rest opens."""
    empty = tmp_path / "menu.html"
    empty.write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav></body></html>"
    )
    story = load_story([empty, WEB / "radio.html"])
    assert [a.id for a in story.articles] == ["radio"]
    assert [str(p) for p in story.problems] == [f"{empty}: no article text found in the page"]


def test_extraction_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading saved pages opens no connection and resolves no name."""

    def forbidden(*args: object, **kwargs: object) -> object:
        raise AssertionError("network used while reading a saved page")

    monkeypatch.setattr(socket, "getaddrinfo", forbidden)
    monkeypatch.setattr(socket.socket, "connect", forbidden)
    story = load_story([WEB])
    assert len(story.articles) >= 5


def test_oversized_page_is_refused() -> None:
    """A page beyond the size limit is a message, not minutes of parsing."""
    with pytest.raises(HtmlError, match="too large"):
        extract_page(b"<html><body>" + b"<p>word </p>" * 2_000_000 + b"</body></html>")


def test_a_page_of_too_many_tags_is_refused_and_the_story_opens(tmp_path: Path) -> None:
    """A 7 MB page of 130,000 paragraphs (under the size limit) is a one-line message naming
    its tags, not a minute of extraction; the other articles of the story load."""
    (tmp_path / "huge.html").write_text(
        "<html><head><title>T</title></head><body><article>"
        + "".join(f"<p>Paragraph {k} of the page says something.</p>" for k in range(130_000))
        + "</article></body></html>"
    )
    (tmp_path / "good.txt").write_text("A headline\nThe first paragraph is a sentence.\n")
    story = load_story([tmp_path])
    assert [Path(a.path).name for a in story.articles] == ["good.txt"]
    (problem,) = story.problems
    assert problem.fatal and "too large (260,010 tags; the limit is 100,000)" in problem.reason


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>One <b>bold</b> line.</p><p>Two.</p>", ["One bold line.", "Two."]),
        ("First part.<br><br>Second part.", ["First part.", "Second part."]),
        ("Loose <a href='#'>text</a>\nacross lines.<h3>Head</h3><ul><li>A</li><li>B</li></ul>",
         ["Loose text across lines.", "Head", "A", "B"]),
        ("<div><p>In a div.</p></div><figure><figcaption>Cap</figcaption></figure>", ["In a div."]),
        ("plain text\nsecond line", ["plain text", "second line"]),
    ],
)  # fmt: skip
def test_fragment_blocks(markup: str, expected: list[str]) -> None:
    """Feed HTML becomes paragraphs: inline tags join, blocks and <br> split, captions go."""
    assert [b.text for b in fragment_blocks(markup)] == expected


def test_text_stories_do_not_import_the_extractor() -> None:
    """Aligning text files never imports trafilatura, lxml or feedparser (startup stays fast)."""
    code = (
        "import sys, json, io, contextlib\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['align', 'seeds', '--json'])\n"
        "print(json.dumps(sorted(m for m in ('trafilatura', 'lxml', 'feedparser', 'urllib.request')"
        " if m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
