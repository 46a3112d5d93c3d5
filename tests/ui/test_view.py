"""What the panel and the summary say, computed from the seeds' alignment."""

from __future__ import annotations

import pytest

from tui.core import align_story, load_story
from tui.view import coverage_label, gutter_marks, panel_view


@pytest.fixture(scope="module")
def aligned(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from tests.conftest import SEEDS

    story = load_story([SEEDS])
    return story, align_story(story)


def test_unique_paragraph_names_the_outlets_that_do_not_report_it(aligned) -> None:  # type: ignore[no-untyped-def]
    story, alignment = aligned
    for article in story.articles:
        for p in article.body():
            if not alignment.matches_for(article.id, p.n) and not alignment.conflicts_for(
                article.id, p.n
            ):
                view = panel_view(story, alignment, article, p.n)
                assert view.note == f"only {article.outlet} reports this"
                assert view.header == f"1 of {len(story.articles)} outlets"
                assert set(view.absent) == {a.outlet for a in story.articles} - {article.outlet}
                return
    pytest.fail("the seeds have a paragraph only one outlet reports")


def test_matches_best_first_with_header_count(aligned) -> None:  # type: ignore[no-untyped-def]
    story, alignment = aligned
    article = story.articles[0]
    n = next(p.n for p in article.body() if alignment.matches_for(article.id, p.n))
    view = panel_view(story, alignment, article, n)
    scores = [e.score for e in view.entries if e.grade != "differs"]
    assert scores == sorted(scores, reverse=True)
    outlets = {e.article_id for e in view.entries}
    assert view.header == f"{len(outlets) + 1} of {len(story.articles)} outlets"
    assert all(0 <= a <= b <= len(e.text) for e in view.entries for a, b in e.evidence)


def test_conflicting_paragraphs_are_listed_and_counted(aligned) -> None:  # type: ignore[no-untyped-def]
    """A paragraph that disagrees is shown (flagged) even when it is not a match."""
    story, alignment = aligned
    conflict = alignment.conflicts[0]
    ref = conflict.versions[0].ref
    article = story.article(ref.article)
    view = panel_view(story, alignment, article, ref.paragraph)
    others = {v.ref.article for v in conflict.versions if v.ref.article != ref.article}
    flagged = {e.article_id for e in view.entries if e.conflict}
    assert others <= flagged
    assert "conflict" in view.summary
    assert gutter_marks(alignment, article)[ref.paragraph].endswith("!")


def test_before_alignment_the_panel_says_so(aligned) -> None:  # type: ignore[no-untyped-def]
    story, _ = aligned
    article = story.articles[0]
    assert "Aligning" in panel_view(story, None, article, 0).note
    assert coverage_label(None, article.id) == "… aligning"
    assert set(gutter_marks(None, article).values()) <= {"…", ""}


def test_a_paragraph_an_article_repeats_is_listed_once_with_its_copies() -> None:
    """An outlet whose body repeats its headline has one entry, which names the copy."""
    from tests.core.storybuild import make_story

    headline = "Flood waters breach the Arvia dam, forcing 3,000 residents to flee"
    story = make_story(
        [headline, "Flood waters breached the Arvia dam on Sunday, and 3,000 residents fled."],
        [headline, headline, "Officials in Arvia said the dam had been inspected in May."],
    )
    alignment = align_story(story)
    first = story.articles[0]
    view = panel_view(story, alignment, first, 0)
    other = [e for e in view.entries if e.article_id == "a1"]
    assert len(other) == 1
    assert other[0].paragraph == 0 and other[0].copies == (1,)


def test_a_story_of_one_article_says_one_outlet(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "only.txt").write_text("A headline\nThe only report of the flood in the town.\n")
    story = load_story([tmp_path])
    (article,) = story.articles
    view = panel_view(story, align_story(story), article, 1)
    assert view.header == "1 of 1 outlet" and view.absent == ()
