"""Text hygiene: nothing that a terminal would interpret survives loading."""

from __future__ import annotations

import re

import pytest

from tui.core.clean import clean_text, safe_name

HOSTILE = [
    ("CSI colour", "red \x1b[31malert\x1b[0m here", "red alert here"),
    ("CSI clear screen", "a\x1b[2J\x1b[Hb", "ab"),
    ("CSI private mode", "x\x1b[?1049hy", "xy"),
    ("OSC 52 clipboard, BEL", "a\x1b]52;c;ZXZpbA==\x07b", "ab"),
    ("OSC title, ST", "a\x1b]0;pwned\x1b\\b", "ab"),
    ("OSC 8 hyperlink", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"),
    ("DCS", "a\x1bP1$r0m\x1b\\b", "ab"),
    ("APC, PM, SOS", "a\x1b_x\x1b\\b\x1b^y\x1b\\c\x1bXz\x1b\\d", "abcd"),
    ("8-bit CSI", "a\x9b31mb", "ab"),
    ("8-bit OSC", "a\x9d0;title\x9cb", "ab"),
    ("8-bit DCS", "a\x90q#0\x9cb", "ab"),
    ("C1 controls", "a\x85b\x8dc", "a\nbc"),
    ("lone ESC", "a\x1bb", "a"),
    ("ESC at the end", "ab\x1b", "ab"),
    ("reset terminal", "a\x1bcb", "ab"),
    ("C0 controls", "a\x00b\x07c\x08d\x1fe\x7ff", "abcdef"),
    ("bidi overrides", "abc\u202edcba\u202c \u2066x\u2069\u200f", "abcdcba x"),
    ("unterminated OSC stops at its line", "a\x1b]0;title\nnext line", "a\nnext line"),
]


@pytest.mark.parametrize(("name", "raw", "expected"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_escape_sequences_and_controls_are_removed(name: str, raw: str, expected: str) -> None:
    """Each hostile sequence disappears whole, and the text around it stays."""
    assert clean_text(raw) == expected


def test_no_control_character_survives_any_mix() -> None:
    """Whatever the mix, the result holds no C0/C1 control except the newline."""
    raw = "".join(chr(c) for c in range(0x00, 0xA0)) + "\u202e\u2066text\x1b]52;c;AA\x07"
    cleaned = clean_text(raw * 3)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", cleaned)


def test_typographic_quotes_and_dashes_are_kept() -> None:
    """Curly quotes, dashes and accents are shown as written."""
    text = "“Full support,” he said — ‘fiery friendship’, café, Jong-un"
    assert clean_text(text) == text


def test_nfc_and_line_breaks() -> None:
    """Decomposed accents are composed; CRLF, CR and Unicode line separators become \\n."""
    assert clean_text("cafe\u0301") == "café"
    assert clean_text("a\r\nb\rc\u2028d\u2029e") == "a\nb\nc\nd\ne"
    assert clean_text("a\tb") == "a b"


def test_rich_markup_is_left_as_text() -> None:
    """Console markup is data: the core keeps it literally (the UI renders it as text)."""
    assert clean_text("[bold]x[/bold] [link=http://e]y[/link]") == "[bold]x[/bold] [link=http://e]y[/link]"


def test_a_megabyte_line_is_cleaned_quickly() -> None:
    """No pattern backtracks: a 1 MB line with stray escapes is cleaned in one pass."""
    line = ("word \x1b[1m" * 100_000) + "\x1b]0;" + "x" * 100_000
    assert clean_text(line).startswith("word word")


def test_safe_name_prints() -> None:
    """A file name with undecodable bytes or escapes becomes printable UTF-8."""
    name = safe_name("bad\udcffname\x1b]0;t\x07.txt")
    name.encode("utf-8")
    assert "\x1b" not in name and name.startswith("bad") and name.endswith(".txt")
