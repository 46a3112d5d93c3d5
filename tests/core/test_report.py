"""`samefact report`: the overview as Markdown, JSON and HTML, safe with hostile article text."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import SEEDS
from tests.core.kit import article, conflict, fact, story
from tui.core.model import Alignment
from tui.core.report import build_report, md_escape, render, to_html, to_markdown

HOSTILE = (
    "Pipes | and *stars* _under_ `code` [link](http://x) <script>alert(1)</script> &amp; \x1b[31m"
)


def _alignment() -> Alignment:
    s = story(
        article(
            "a",
            [
                "Headline a",
                f"Lede {HOSTILE}",
                "“We will rebuild every single home,” the mayor said.",
            ],
            "Outlet | A",
        ),
        article(
            "b",
            ["Headline b", "Lede b", "“We will rebuild every home,” said the mayor."],
            "<b>B</b>",
        ),
        article("c", ["Headline c", "Lede c", "Something else entirely here"], "C News"),
    )
    facts = (
        fact("F1", ("a", 1), ("b", 1), ("c", 1), label=HOSTILE),
        fact("F2", ("a", 2), ("b", 2)),
    )
    conflicts = (
        conflict("C1", "F1", ("a", 1, "24 years"), ("b", 1, "nearly 25 <years>"), reason="24 | 25"),
    )
    return Alignment(s, (), facts, conflicts)


def _table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("|")]


def test_markdown_table_has_one_row_per_fact_and_the_same_columns_everywhere() -> None:
    """Every table line has the same number of cell separators, even with `|` in the text."""
    data = build_report(_alignment())
    rows = _table_rows(to_markdown(data))
    assert len(rows) == 2 + len(data["facts"])
    separators = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
    assert separators == {3 + len(data["articles"])}


def test_markdown_escapes_markup_from_article_text() -> None:
    """Article text renders literally: no link, emphasis, HTML or escape sequence gets through."""
    text = to_markdown(build_report(_alignment()))
    assert "<script>" not in text and "](http" not in text
    assert r"\*stars\*" in text and r"\|" in text and r"\<script\>" in text
    assert "\x1b" not in text
    assert md_escape("a\nb|c") == r"a b\|c"


def test_markdown_lists_exclusives_omissions_conflicts_and_quotes() -> None:
    """The four lists follow the table; `c` omits the quote fact, the quote has two wordings."""
    text = to_markdown(build_report(_alignment()))
    for heading in (
        "## Facts by outlet",
        "## Only this outlet reports",
        "## Most others report",
        "## Conflicts",
        "## Quotes",
    ):
        assert heading in text
    assert "24 \\| 25" in text
    assert "**single**" not in text  # the reference wording is shown plain
    assert "~~single~~" in text  # the other outlet leaves the word out


def test_html_is_one_self_contained_escaped_page() -> None:
    """Inline CSS, no script or external resource, and every article string escaped."""
    page = to_html(build_report(_alignment()))
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<script" not in page and "src=" not in page and "<link" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;B&lt;/b&gt;" in page
    assert "\x1b" not in page

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.open: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag not in ("meta", "br"):
                self.open.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert self.open.pop() == tag

    parser = Tags()
    parser.feed(page)
    assert parser.open == []


def test_html_marks_conflicting_cells_by_glyph_as_well_as_class() -> None:
    """A conflicting cell has the `x` class and its text ends with `!`."""
    page = to_html(build_report(_alignment()))
    assert re.search(r'<td class="c x">L!</td>', page)


def test_json_has_every_section_and_round_trips() -> None:
    """The JSON format is the report data itself, with a version."""
    data = json.loads(render(_alignment(), "json"))
    assert data["version"] == 1
    assert {
        "articles",
        "facts",
        "exclusives",
        "omissions",
        "conflicts",
        "quotes",
        "wire",
    } <= data.keys()
    assert data["facts"][0]["cells"]["a"]["mark"] == "L!"
    assert [r["fact"] for r in data["omissions"]["c"]] == ["F2"] and [
        r["paragraph"] for r in data["exclusives"]["c"]
    ] == [0, 2]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "report", *args], capture_output=True, text=True, timeout=60
    )


def test_cli_writes_each_format_and_infers_it_from_the_suffix(tmp_path: Path) -> None:
    """`samefact report seeds -o FILE` writes HTML, JSON or Markdown by suffix and prints the path."""
    for name, probe in (
        ("r.html", "<!DOCTYPE html>"),
        ("r.json", '"version"'),
        ("r.md", "| Fact |"),
    ):
        out = tmp_path / name
        result = _cli(str(SEEDS), "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == str(out)
        assert probe in out.read_text(encoding="utf-8")


def test_cli_prints_to_stdout_and_fails_in_one_line(tmp_path: Path) -> None:
    """Without -o the report goes to stdout; an unwritable path is one line on stderr."""
    result = _cli(str(SEEDS), "--format", "md")
    assert result.returncode == 0 and result.stdout.startswith("# Story overview: 5 outlets")
    bad = _cli(str(SEEDS), "-o", str(tmp_path / "missing" / "r.md"))
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1 and "missing" in bad.stderr


def test_seeds_report_shows_the_quote_family_and_the_compatible_years() -> None:
    """The conflicts section has the three quote wordings as one entry and the years as compatible."""
    from tests.core.kit import seeds_fixed_alignment
    from tui.core import load_story

    data = build_report(seeds_fixed_alignment(load_story([SEEDS])))
    states = {(c["kind"], c["state"]) for c in data["conflicts"]}
    assert states == {("quote", "conflicting"), ("number", "compatible")}
    quote = next(c for c in data["conflicts"] if c["kind"] == "quote")
    assert len(quote["versions"]) == 3 and len(quote["conflicts"]) == 3
    text = to_markdown(data)
    assert "nearly a quarter\\-century" in text or "nearly a quarter-century" in text


def test_quotes_say_how_many_outlets_carry_them_in_plain_english() -> None:
    """"carried by 1 outlet", "carried by 3 outlets": never "outlet(s)", in Markdown or HTML."""
    from tests.core.kit import seeds_fixed_alignment
    from tui.core import load_story

    data = build_report(seeds_fixed_alignment(load_story([SEEDS])))
    counts = {len(q["articles"]) for q in data["quotes"]}
    assert 1 in counts and max(counts) > 1
    for text in (to_markdown(data), to_html(data)):
        assert "outlet(s)" not in text
        assert "carried by 1 outlet:" in text and f"carried by {max(counts)} outlets:" in text


def test_exclusives_and_omissions_read_where_label_and_how_the_paragraph_opens() -> None:
    """"- ¶3 label: text…" in Markdown and HTML (numbered from 1, as the reader counts), with the words apart; the JSON row carries the
    paragraph's text."""
    data = build_report(_alignment())
    (omission,) = data["omissions"]["c"]
    assert omission["label"] == "F2"
    assert omission["text"].startswith("“We will rebuild every single home,”")
    markdown = to_markdown(data)
    assert "- \\(2 outlets\\) F2: “We will rebuild every single home,” the mayor said." in markdown
    page = to_html(data)
    assert "<li>(2 outlets) <b>F2</b>: “We will rebuild every single home,” the mayor said.</li>" in page
    # A paragraph no other outlet reports has no label but its opening: said once, not twice.
    exclusive = data["exclusives"]["c"][-1]
    assert exclusive["text"] == exclusive["label"] == "Something else entirely here"
    assert "- ¶3 Something else entirely here\n" in markdown
    assert "<li>¶3 <b>Something else entirely here</b></li>" in page


def test_a_report_of_one_article_says_one_outlet() -> None:
    data = build_report(Alignment(story(article("a", ["Headline a", "Lede a"], "Desk")), (), (), ()))
    assert to_markdown(data).startswith("# Story overview: 1 outlet\n")
    assert "<h1>Story overview: 1 outlet</h1>" in to_html(data)
    many = build_report(_alignment())
    assert to_markdown(many).startswith("# Story overview: 3 outlets\n")


def test_an_outlet_whose_short_name_is_its_name_is_named_once() -> None:
    """"Politico: Putin and Kim…", not "Politico: Politico: Putin and Kim…"; a long name keeps
    its short form first ("Independ: The Independent: …")."""
    from tui.core import align_story, load_story

    data = build_report(align_story(load_story([SEEDS])))
    markdown, html = to_markdown(data), to_html(data)
    for a in data["articles"]:
        if a["outlet"] == a["short"]:
            assert f"**{a['short']}**: {md_escape(a['title'])}" in markdown
            assert f"{a['outlet']}: {a['outlet']}:" not in markdown
            assert f"{a['outlet']}: {a['outlet']}:" not in html
    assert any(a["outlet"] != a["short"] for a in data["articles"])
    assert "**Independ**: The Independent: " in markdown
