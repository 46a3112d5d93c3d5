"""Untrusted text stays text: no escape sequence, control or bidi override reaches the
terminal from `align` (text and JSON) or `report`, whatever the input format, and Rich
console markup in an article is printed as the literal characters it is.

The hostile articles are built here, byte by byte, so every sequence is exactly what a
terminal would act on.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.webserver import PAGES, LocalSite

ESC = "\x1b"
ATTACKS = {
    "csi clear": f"{ESC}[2J{ESC}[H",
    "csi colour": f"{ESC}[31;1m",
    "osc title": f"{ESC}]0;PWNED-TITLE\x07",
    "osc title st": f"{ESC}]2;PWNED-TITLE2{ESC}\\",
    "osc 52 clipboard": f"{ESC}]52;c;cm0gLXJmIH4K\x07",
    "osc 8 link": f"{ESC}]8;;https://osc8.test/{ESC}\\",
    "dcs": f"{ESC}P1;1|PWNED-DCS{ESC}\\",
    "c1 csi": "\x9b2J",
    "c1 osc": "\x9d0;PWNED-C1\x9c",
    "c0": "\x07\x08\x0e\x7f",
    "bidi": "\u202etxt.exe\u202c\u2066\u2069",
}
PAYLOADS = ("PWNED", "cm0gLXJmIH4K", "osc8.test", "2J", "31;1m")
MARKUP = ("[bold red]loud[/]", "[link=https://evil.test/steal]click[/link]", "[/]")

# What must never be written: C0 controls except newline, DEL, C1, bidi controls.
FORBIDDEN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")

SENTENCES = [
    "Seawater poured into Kelby after the harbour wall gave way at 3am on Tuesday.",
    "About 140 homes were evacuated before dawn, the council said.",
    "A lifeboat crew rescued a man in his seventies from a roof on Quay Lane.",
    "The rail line between Kelby and Marsham is closed until Thursday.",
    "Follow updates [bold red]loud[/] or [link=https://evil.test/steal]click[/link] here.",
]


def _hostile_lines() -> list[str]:
    """Each sentence carries every attack, after its first word."""
    attack = "".join(ATTACKS.values())
    return [s.replace(" ", f"{attack} ", 1) for s in SENTENCES]


def _hostile_html() -> str:
    def refs(text: str) -> str:  # numeric character references: invisible to a byte scan
        return "".join(
            f"&#{ord(c)};"
            if ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u202e\u202c\u2066\u2069"
            else c
            for c in text
        )

    body = "".join(f"<p>{refs(line)}</p>" for line in _hostile_lines())
    title = refs(f"Flood {ATTACKS['osc title']}in Kelby [bold]now[/bold]")
    return (
        f"<html><head><title>{title}</title>"
        f'<meta property="og:site_name" content="Gazette{refs(ATTACKS["csi colour"])}">'
        f'<meta name="author" content="Sam{refs(ATTACKS["osc 52 clipboard"])} Writer">'
        f"</head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{body}</article></body></html>"
    )


def _hostile_feed() -> str:
    lines = "".join(f"<p>{line}</p>" for line in _hostile_lines())
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Feed &#x1b;]0;PWNED-FEED&#x7;title</title><link>http://127.0.0.1/</link>"
        "<item><title>Entry &#x1b;[2J&#x202e;title [bold]x[/bold]</title>"
        "<link>http://127.0.0.1/entry</link>"
        f"<content:encoded><![CDATA[{lines}]]></content:encoded></item></channel></rss>"
    )


def _write_story(folder: Path) -> Path:
    folder.mkdir()
    (folder / "hostile.txt").write_text(
        "Flood in Kelby [bold]now[/bold]\n\n" + "\n\n".join(_hostile_lines())
    )
    (folder / "hostile.html").write_text(_hostile_html())
    (folder / "hostile.rss").write_text(_hostile_feed())
    (folder / "herald.html").write_bytes((PAGES / "herald.html").read_bytes())
    return folder


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], input=stdin, capture_output=True, timeout=120
    )


def _assert_inert(raw: bytes) -> str:
    """Decoded output with no control, escape or bidi character and no escape payload."""
    text = raw.decode("utf-8")
    found = sorted({f"U+{ord(c):04X}" for c in FORBIDDEN.findall(text)})
    assert found == [], f"control characters written: {found}"
    leaked = [p for p in PAYLOADS if p in text]
    assert leaked == [], f"escape payloads written: {leaked}"
    return text


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A story folder with hostile text, HTML and RSS articles and one honest page."""
    return _write_story(tmp_path / "story")


def test_align_text_output_is_inert(story: Path) -> None:
    """The plain report carries no escape sequence; markup appears as its literal characters."""
    result = _run("align", str(story))
    assert result.returncode == 0, result.stderr
    text = _assert_inert(result.stdout)
    _assert_inert(result.stderr)
    for markup in MARKUP:
        assert markup in text
    assert "Flood in Kelby [bold]now[/bold]" in text


def test_align_json_output_is_inert(story: Path) -> None:
    """The JSON holds no control character, not even escaped, and keeps the markup as text."""
    result = _run("align", str(story), "--json")
    assert result.returncode == 0, result.stderr
    _assert_inert(result.stdout)
    data = json.loads(result.stdout)
    everything = json.dumps(data, ensure_ascii=False)
    assert "\\u001b" not in everything and "\\u0007" not in everything
    texts = [p["text"] for a in data["articles"] for p in a["paragraphs"]]
    assert any("[link=https://evil.test/steal]click[/link]" in t for t in texts)
    by_path = {Path(a["path"]).name: a for a in data["articles"]}
    html = by_path["hostile.html"]
    assert (html["title"], html["outlet"], html["author"]) == (
        "Flood in Kelby [bold]now[/bold]", "Gazette", "Sam Writer"
    )  # fmt: skip
    assert [a["title"] for a in data["articles"] if a["path"].endswith(".rss")] == [
        "Entry title [bold]x[/bold]"
    ]
    assert all(
        FORBIDDEN.search(v) is None
        for a in data["articles"]
        for v in a.values()
        if isinstance(v, str)
    )


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_report_output_is_inert(story: Path, fmt: str) -> None:
    """`samefact report` writes no escape sequence in any format."""
    result = _run("report", str(story), "--format", fmt)
    assert result.returncode == 0, result.stderr
    _assert_inert(result.stdout)


@pytest.mark.parametrize("kind", ["text", "html", "feed"])
def test_stdin_is_inert(kind: str) -> None:
    """`-` reads standard input, sniffs its format, and strips escapes the same way."""
    data = {
        "text": "\n\n".join(_hostile_lines()),
        "html": _hostile_html(),
        "feed": _hostile_feed(),
    }[kind]
    result = _run("align", "-", "--json", stdin=data.encode())
    assert result.returncode == 0, result.stderr
    _assert_inert(result.stdout)
    (article,) = json.loads(result.stdout)["articles"]
    assert len(article["paragraphs"]) >= len(SENTENCES)
    assert article["path"] == "-"


def test_hostile_file_names_and_urls_in_messages(tmp_path: Path, site: LocalSite) -> None:
    """Names and addresses in problem lines are printed with their controls replaced."""
    bad = tmp_path / f"empty{ATTACKS['osc title']}.txt"
    bad.write_text("")
    url = site.url(f"missing{ATTACKS['csi clear']}.html")
    result = _run("align", str(bad), url, str(PAGES / "radio.html"))
    assert result.returncode == 0
    _assert_inert_messages(result.stderr)
    assert result.stderr.decode().count("\n") == 2


def _assert_inert_messages(raw: bytes) -> None:
    text = raw.decode("utf-8")
    assert FORBIDDEN.findall(text) == []
    assert "Traceback" not in text


def test_served_hostile_page_is_inert(site: LocalSite) -> None:
    """A hostile page fetched over HTTP is cleaned like a saved one."""
    result = _run("align", site.url("pages/gazette.html"), site.url("pages/herald.html"), "--json")
    assert result.returncode == 0, result.stderr
    _assert_inert(result.stdout)
    data = json.loads(result.stdout)
    gazette = data["articles"][0]
    assert gazette["outlet"] == "Kelby Gazette"
    assert "[link=https://evil.test/steal]on our live page[/link]" in " ".join(
        p["text"] for p in gazette["paragraphs"]
    )
