"""The article pane's and the panel's lazy wrapping give exactly the lines `Text.wrap` gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich._wrap import divide_line
from rich.console import Console
from rich.style import Style
from rich.text import Text

from tui.widgets.article_pane import wrap_lines
from tui.widgets.elsewhere_panel import WrappedText

DATA = Path(__file__).resolve().parent.parent / "data"
SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"

ODD = [
    "",
    "word",
    "   leading spaces and  double  spaces   ",
    "Averyveryveryverylongwordthatmustbefoldedacrossseverallinesofthepane and then more",
    "北朝鮮とロシアは相互防衛条約に署名した。プーチン大統領は平壌を訪問した。",
    "Emoji 🇰🇵🤝🇷🇺 in a sentence with café, naïve, e\u0301 combining marks and Ünïcödé.",
    "[bold]markup[/bold] stays literal",
    "exactly eight chars ok12345 12345678 123456789 a",
    "trailing spaces only at the end      ",
    "   ",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z " * 3,
    "“Curly quotes” — dashes – and ‘apostrophes’ … in plain news text.",
]


def _paragraphs() -> list[str]:
    found = list(ODD)
    for path in sorted(SEEDS.glob("*.txt"))[:2] + sorted(DATA.glob("ecbplus/t01-ecb/*.txt"))[:3]:
        found += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return found


@pytest.mark.parametrize("width", [8, 21, 45, 76])
def test_lines_match_text_wrap(width: int) -> None:
    """Same breaks, same characters and same styles (a search hit spanning a break too)."""
    console = Console(width=200)
    for paragraph in _paragraphs():
        text = Text(paragraph, style=Style(italic=True))
        if len(paragraph) > 12:
            text.stylize("bold", 5, 12)
        expected = text.wrap(console, width)
        for line in expected:
            line.rstrip()
        got = wrap_lines(3, text, width, console)
        assert [line.text.plain for line in got] == [line.plain for line in expected]
        assert [line.plain for line in got] == [line.plain for line in expected]
        assert [line.text.spans for line in got] == [line.spans for line in expected]
        assert all(line.text.style == text.style for line in got)
        assert [line.first for line in got] == [i == 0 for i in range(len(got))]
        assert {line.paragraph for line in got} <= {3}


@pytest.mark.parametrize("width", [1, 2, 7, 8, 9, 20, 33, 60, 116])
def test_breaks_match_rich_at_every_width(width: int) -> None:
    """The breaks are Rich's own for every paragraph (the fast path for one-cell text too)."""
    console = Console(width=200)
    paragraphs = _paragraphs()
    for path in sorted(SEEDS.glob("*.txt")) + sorted(DATA.glob("ecbplus/*/*.txt"))[:60]:
        paragraphs += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    for paragraph in paragraphs:
        got = wrap_lines(0, Text(paragraph), width, console)
        offsets = [0, *divide_line(paragraph, width, fold=True), len(paragraph)]
        assert [line.span for line in got] == list(zip(offsets, offsets[1:])), paragraph


@pytest.mark.parametrize("width", [1, 8, 21, 39, 60])
def test_panel_lines_match_text_wrap(width: int) -> None:
    """The panel's lazily cut lines are `Text.wrap`'s: one text of many lines, styled spans."""
    console = Console(width=200)
    text = Text()
    for i, paragraph in enumerate([*_paragraphs(), "tab\tseparated\tcells", "", "  "]):
        text.append(f"▶{i} Outlet  same 0.87\n", "bold")
        body = Text(paragraph)
        if len(paragraph) > 12:
            body.stylize("bold underline", 5, 12)
        text.append_text(body)
        text.append("\n")
    text.rstrip()
    expected = text.wrap(console, width)
    got = WrappedText(text, width, console)
    assert len(got) == len(expected)
    assert [got[n] for n in reversed(range(len(got)))][::-1] == list(expected)  # any order
