"""Conflicts grouped into families, and hedged figures that differ yet agree."""

from __future__ import annotations

from tests.conftest import SEEDS
from tests.core.kit import article, conflict, fact, seeds_fixed_alignment, story
from tui.core import load_story
from tui.core.model import Alignment
from tui.core.variants import variant_groups


def test_pairwise_conflicts_of_one_fact_become_one_family() -> None:
    """A-B, A-C and B-C about one fact make one group with three versions; another fact stays apart."""
    s = story(*(article(x, ["H", "p one", "p two"]) for x in "abc"))
    conflicts = (
        conflict("C1", "F1", ("a", 1, "one"), ("b", 1, "uno")),
        conflict("C2", "F1", ("a", 1, "one"), ("c", 1, "eins")),
        conflict("C3", "F2", ("b", 2, "two"), ("c", 2, "zwei")),
    )
    facts = (fact("F1", ("a", 1), ("b", 1), ("c", 1)), fact("F2", ("b", 2), ("c", 2)))
    groups = variant_groups(Alignment(s, (), facts, conflicts))
    assert [(g.fact, len(g.versions), g.conflicts) for g in groups] == [
        ("F1", 3, ("C1", "C2")),
        ("F2", 2, ("C3",)),
    ]
    assert all(g.state == "conflicting" for g in groups)
    assert groups[0].reason == "3 different figures: “one” vs “uno” vs “eins”"
    assert groups[1].reason == "C3"


def test_seeds_quote_family_and_compatible_years() -> None:
    """On the seeds: the three quote wordings are one conflicting group; the years agree."""
    groups = variant_groups(seeds_fixed_alignment(load_story([SEEDS])))
    quote = next(g for g in groups if g.kind == "quote")
    assert quote.state == "conflicting" and len(quote.wordings) == 3 and len(quote.articles) == 3
    years = next(g for g in groups if g.state == "compatible")
    texts = {v.text for v in years.versions}
    assert {"nearly 25 years", "24 years", "nearly a quarter-century"} <= texts
    assert "compatible" in years.reason and len(years.articles) == 5


def test_equal_or_clashing_figures_are_not_compatible_groups() -> None:
    """Same value in every outlet is no variant; 12 vs 15 (no hedge) is not compatible."""
    s = story(
        article("a", ["H", "The flood killed 12 people in the valley."]),
        article("b", ["H", "The flood killed 15 people in the valley."]),
        article("c", ["H", "Officials said 12 people died."]),
    )
    same = Alignment(s, (), (fact("F1", ("a", 1), ("c", 1)),))
    clash = Alignment(s, (), (fact("F1", ("a", 1), ("b", 1)),))
    hedged = story(
        article("a", ["H", "The flood killed at least 12 people."]),
        article("b", ["H", "The flood killed 15 people."]),
    )
    agree = Alignment(hedged, (), (fact("F1", ("a", 1), ("b", 1)),))
    assert variant_groups(same) == ()
    assert variant_groups(clash) == ()
    (group,) = variant_groups(agree)
    assert group.state == "compatible" and [v.text for v in group.versions] == ["at least 12 people", "15 people"]


def test_figures_of_facts_sharing_a_paragraph_are_one_family() -> None:
    """A lede in two facts links their figures: "nearly 25 years" (in both), "24 years" (one
    fact) and "nearly a quarter-century" (the other) are one compatible family, listed once."""
    s = story(
        article("a", ["H", "His first visit in nearly 25 years."]),
        article("b", ["H", "It is his first visit in 24 years."]),
        article("c", ["H", "He came back after nearly a quarter-century."]),
    )
    facts = (fact("F1", ("a", 1), ("b", 1)), fact("F2", ("a", 1), ("c", 1)))
    groups = [g for g in variant_groups(Alignment(s, (), facts, ())) if g.state == "compatible"]
    assert len(groups) == 1
    assert {v.text for v in groups[0].versions} == {"nearly 25 years", "24 years", "nearly a quarter-century"}


def test_facts_sharing_a_paragraph_with_clashing_figures_stay_apart() -> None:
    """When the pooled figures do not all agree, each fact's own agreeing figures are shown."""
    s = story(
        article("a", ["H", "His first visit in nearly 25 years."]),
        article("b", ["H", "It is his first visit in 24 years."]),
        article("c", ["H", "He came back after 40 years."]),
    )
    facts = (fact("F1", ("a", 1), ("b", 1)), fact("F2", ("a", 1), ("c", 1)))
    groups = [g for g in variant_groups(Alignment(s, (), facts, ())) if g.state == "compatible"]
    assert [{v.text for v in g.versions} for g in groups] == [{"nearly 25 years", "24 years"}]
