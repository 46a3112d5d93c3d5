"""Loading the seeds: numbering, headline or lede, roles and outlets against the hand-made gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, SEEDS
from tui.core import load_story
from tui.core.model import Story

GOLD = json.loads((DATA / "seeds-gold.json").read_text(encoding="utf-8"))["files"]

OUTLETS = {
    "000_d6cb7fcc9ebe7abc": "Politico",
    "001_c7cab5bb4e64a322": "AFP",
    "002_9641399a1cba4add": "The Defense News",
    "003_85d9fa60047eef0a": "The Independent",
    "004_340cf94c8d265eea": "CBC News",
}


@pytest.fixture(scope="module")
def story() -> Story:
    return load_story([SEEDS])


def _gold(article_id: str) -> dict:
    return GOLD[f"{article_id}.txt"]


def test_seeds_load_without_problems(story: Story) -> None:
    """The five seeds load, in file-name order, with no problem reported."""
    assert [a.id for a in story.articles] == sorted(OUTLETS)
    assert story.problems == ()


def test_paragraph_numbers_are_the_gold_line_numbers(story: Story) -> None:
    """Paragraph n is the n-th non-empty line of the file, as the gold counts."""
    for article in story.articles:
        lines = [x.strip() for x in Path(article.path).read_text("utf-8").splitlines() if x.strip()]
        assert len(article.paragraphs) == _gold(article.id)["paragraphs"] == len(lines)
        for p in article.paragraphs:
            assert p.text == lines[p.n]


@pytest.mark.parametrize("article_id", sorted(OUTLETS))
def test_headline_or_lede(story: Story, article_id: str) -> None:
    """Line 0 is a headline exactly where the gold says so; otherwise it is a body lede."""
    first = story.article(article_id).paragraphs[0]
    assert (first.role == "headline") == _gold(article_id)["headline"]
    if not _gold(article_id)["headline"]:
        assert first.role == "body"


@pytest.mark.parametrize("article_id", sorted(OUTLETS))
def test_outlet_and_evidence(story: Story, article_id: str) -> None:
    """Each seed's outlet is found from evidence in its text, and the evidence cites a paragraph."""
    article = story.article(article_id)
    assert article.outlet == OUTLETS[article_id]
    assert "¶" in article.outlet_evidence
    assert "file name" not in article.outlet_evidence


def test_boilerplate_precision_and_recall(story: Story) -> None:
    """Boilerplate found on the seeds reaches precision and recall ≥ 0.9 against the gold."""
    found = {(a.id, p.n) for a in story.articles for p in a.paragraphs if p.role == "boilerplate"}
    gold = {(aid, n) for aid in OUTLETS for n in _gold(aid)["boilerplate"]}
    true = len(found & gold)
    assert true / len(found) >= 0.9
    assert true / len(gold) >= 0.9


def test_subheadings_match_the_gold(story: Story) -> None:
    """Crossheads mid-article are subheadings; nothing else is."""
    found = {(a.id, p.n) for a in story.articles for p in a.paragraphs if p.role == "subheading"}
    gold = {(aid, n) for aid in OUTLETS for n in _gold(aid)["subheads"]}
    assert found == gold


def test_titles(story: Story) -> None:
    """A headline is the title; a lede article takes its syndication footer's headline, or its
    first sentence."""
    politico = story.article("000_d6cb7fcc9ebe7abc")
    assert politico.title.startswith("Putin and Kim pledge")
    assert "appeared first" not in politico.title
    afp = story.article("001_c7cab5bb4e64a322")
    assert afp.title.startswith("Russian President Vladimir Putin on Wednesday signed")
    assert afp.title.endswith("war against Ukraine.")
    cbc = story.article("004_340cf94c8d265eea")
    assert cbc.title == cbc.paragraphs[0].text


def test_boilerplate_is_never_aligned(story: Story) -> None:
    """Boilerplate and subheadings are shown but left out of `body()`."""
    for article in story.articles:
        assert all(p.role in ("headline", "body") for p in article.body())


def test_a_folder_is_read_in_natural_order(tmp_path: Path) -> None:
    """Numbered files open in the order people number them, folders too: 2 before 10, as `ls -v`
    lists them, not "1, 10, 11, 2"."""
    for name in ("10.txt", "2.txt", "1.txt", "b/3.txt", "b/12.txt", "a10/x.txt", "a9/x.txt"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"Headline of {name}\nThe only paragraph of {name}.\n", encoding="utf-8")
    story = load_story([tmp_path])
    titles = [article.paragraphs[0].text.removeprefix("Headline of ") for article in story.articles]
    assert titles == ["1.txt", "2.txt", "10.txt", "a9/x.txt", "a10/x.txt", "b/3.txt", "b/12.txt"]


def test_two_articles_of_one_outlet_are_told_apart_by_a_number(tmp_path: Path) -> None:
    """Two reports from one outlet (an early story and its update) are "Desk (1)" and
    "Desk (2)" in story order, so the panel never says "only Desk reports this; not reported
    by: Desk"; outlets named once keep their names."""
    from tui.core import align_story
    from tui.view import panel_view

    for name, outlet, body in [
        ("a.txt", "Desk", "Floodwater closed the bridge at Kelby on Monday morning."),
        ("b.txt", "Desk", "The council said repairs to the harbour wall would cost 2 million."),
        ("c.txt", "Other", "Schools reopened in the district after the storm."),
    ]:
        (tmp_path / name).write_text(f"---\noutlet: {outlet}\n---\nHeadline {name}\n{body}\n")
    story = load_story([tmp_path])
    assert [a.outlet for a in story.articles] == ["Desk (1)", "Desk (2)", "Other"]
    view = panel_view(story, align_story(story), story.articles[1], 1)
    assert view.note == "only Desk (2) reports this"
    assert view.absent == ("Desk (1)", "Other")
