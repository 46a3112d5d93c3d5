"""The article pane's lazy wrapping gives exactly the lines `Text.wrap` gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from rich.style import Style
from rich.text import Text

from tui.widgets.article_pane import wrap_lines

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
