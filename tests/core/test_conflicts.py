"""Conflicts between outlets on one fact: figures with their hedges, and quote wordings."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS
from tests.core.storybuild import make_story
from tui.core import align_story, load_story
from tui.core.numbers import find_quantities


def _one(text: str):
    (q,) = find_quantities(text)
    return q


@pytest.mark.parametrize(
    ("left", "right", "compatible"),
    [
        ("at least 12 people died", "15 people died", True),
        ("12 people died", "15 people died", False),
        ("nearly 25 years", "24 years", True),
        ("nearly a quarter-century", "24 years", True),
        ("a quarter-century", "24 years", False),
        ("more than 200 homes", "150 homes", False),
        ("about 100 soldiers", "110 soldiers", True),
    ],
)
def test_hedges_decide_whether_figures_agree(left: str, right: str, compatible: bool) -> None:
    """Hedged figures agree when their ranges meet; bare figures must be equal."""
    assert _one(left).compatible(_one(right)) is compatible


def _fact_story(first: str, second: str):
    shared = "Rescue teams searched the collapsed mine near the river town of Ostrava overnight."
    return make_story(
        [shared, first, "The weather was cold and windy all week in the region."],
        [shared, second, "Local schools stayed open despite the search."],
    )


def test_different_death_tolls_conflict() -> None:
    """Two outlets giving 12 and 15 dead for one event report a number conflict."""
    alignment = align_story(_fact_story(
        "Officials said 12 miners died in the collapse of the Ostrava mine shaft.",
        "Officials said 15 miners died in the collapse of the Ostrava mine shaft.",
    ))
    (conflict,) = [c for c in alignment.conflicts if c.kind == "number"]
    assert {v.text for v in conflict.versions} == {"12 miners", "15 miners"}
    for v in conflict.versions:
        text = alignment.story.article(v.ref.article).paragraphs[v.ref.paragraph].text
        assert text[v.start : v.end] == v.text


def test_a_hedged_toll_does_not_conflict() -> None:
    """"At least 12" and "15" can both be true: no conflict."""
    alignment = align_story(_fact_story(
        "Officials said at least 12 miners died in the collapse of the Ostrava mine shaft.",
        "Officials said 15 miners died in the collapse of the Ostrava mine shaft.",
    ))
    assert not [c for c in alignment.conflicts if c.kind == "number"]


def test_a_quote_worded_differently_is_a_quote_conflict() -> None:
    """One statement quoted with a different word is flagged, naming the differing words."""
    alignment = align_story(_fact_story(
        "The mayor said: “we will rebuild the mine and every house on the river bank”.",
        "The mayor said: “we will rebuild the mine and every home on the river bank”.",
    ))
    (conflict,) = [c for c in alignment.conflicts if c.kind == "quote"]
    assert "house" in conflict.reason and "home" in conflict.reason


def test_a_quote_cut_short_is_not_a_conflict() -> None:
    """Quoting only the start of a statement is not a different wording."""
    alignment = align_story(_fact_story(
        "The mayor said: “we will rebuild the mine and every house on the river bank”.",
        "The mayor said: “we will rebuild the mine and every house” in the town.",
    ))
    assert not [c for c in alignment.conflicts if c.kind == "quote"]


def test_seed_conflicts_point_into_their_fact() -> None:
    """Every conflict on the seeds names the fact of its first version, and its two versions are
    one fact's paragraphs or a pair matched `same`, of two articles."""
    alignment = align_story(load_story([SEEDS]))
    assert alignment.conflicts
    facts = {f.id: f for f in alignment.facts}
    same = {frozenset((m.a, m.b)) for m in alignment.matches if m.grade == "same"}
    for c in alignment.conflicts:
        refs = [v.ref for v in c.versions]
        assert refs[0] in facts[c.fact].members
        assert set(refs) <= set(facts[c.fact].members) or frozenset(refs) in same
        assert len({v.ref.article for v in c.versions}) == 2


def test_one_changed_small_word_is_not_a_conflict() -> None:
    """"the" for "a" inside a quote is copy-editing, not a different wording."""
    alignment = align_story(_fact_story(
        "The mayor said: “we will rebuild the mine and every house on the river bank”.",
        "The mayor said: “we will rebuild a mine and every house on the river bank”.",
    ))
    assert not [c for c in alignment.conflicts if c.kind == "quote"]


def test_several_changed_small_words_are_a_quote_conflict() -> None:
    """Two separate function-word changes make a different wording of one statement."""
    alignment = align_story(_fact_story(
        "The mayor said: “we will rebuild the mine and every house on the river bank for the town”.",
        "The mayor said: “we will rebuild a mine and every house on the river bank as well as town”.",
    ))
    assert [c for c in alignment.conflicts if c.kind == "quote"]
