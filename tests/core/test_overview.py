"""The fact × outlet matrix: placement, conflicts, sorting, exclusives and omissions."""

from __future__ import annotations

import json

from tests.conftest import SEEDS
from tests.core.kit import DATA, article, conflict, fact, gold_alignment, story
from tui.core import load_story
from tui.core.model import Alignment, Match, Ref
from tui.core.overview import build_overview, provisional_facts, short_names
from tui.core.wire import WireGroup


def _five() -> Alignment:
    """Five outlets: F1 in all (headline or lede), F2 in three, F3 only in `a`, F4 only in `e`."""
    s = story(
        article("a", ["Pact signed", "Lede a", "Body a", "Only a knows this"]),
        article("b", ["Lede b without headline", "Body b"], headline=False),
        article("c", ["Pact signed c", "Lede c", "Body c"]),
        article("d", ["Pact d", "Lede d", "Body d"]),
        article("e", ["Pact e", "Lede e", "Body e", "Only e"]),
    )
    facts = (
        fact("F1", ("a", 0), ("b", 0), ("c", 1), ("d", 0), ("e", 2)),
        fact("F2", ("a", 2), ("c", 2), ("d", 2), ("d", 1)),
        fact("F3", ("a", 3)),
        fact("F4", ("e", 3)),
    )
    conflicts = (conflict("C1", "F2", ("a", 2, "24 years"), ("c", 2, "25 years")),)
    return Alignment(s, (), facts, conflicts)


def test_cells_say_headline_lede_or_paragraph() -> None:
    """A cell reads H for a headline, L for the first body paragraph, ¶N otherwise, numbered
    from 1 as the reader's status line and `Ng` count."""
    rows = {r.fact.id: r for r in build_overview(_five()).rows}
    marks = {a: c.mark for a, c in rows["F1"].cells.items()}
    assert marks == {"a": "H", "b": "L", "c": "L", "d": "H", "e": "¶3"}


def test_a_cell_opens_at_the_first_paragraph_of_the_fact() -> None:
    """When an outlet reports a fact twice, its cell points at the earlier paragraph."""
    row = next(r for r in build_overview(_five()).rows if r.fact.id == "F2")
    assert row.cells["d"].ref == Ref("d", 1)
    assert row.cells["d"].mark == "L"


def test_conflicting_cells_carry_a_bang_not_only_a_colour() -> None:
    """The outlets on either side of a conflict get `!`; the third outlet of the fact does not."""
    row = next(r for r in build_overview(_five()).rows if r.fact.id == "F2")
    assert row.cells["a"].mark == "¶3!"
    assert row.cells["c"].mark == "¶3!"
    assert not row.cells["d"].conflict
    assert [c.id for c in row.conflicts] == ["C1"]


def test_rows_sort_by_outlet_count_then_first_appearance() -> None:
    """By count the five-outlet fact leads; by first appearance the order follows the text."""
    overview = build_overview(_five())
    counts = [r.count for r in overview.sorted("count")]
    assert counts == sorted(counts, reverse=True)
    assert overview.sorted("count")[0].fact.id == "F1"
    firsts = [r.first for r in overview.sorted("first")]
    assert firsts == sorted(firsts)
    assert [r.fact.id for r in overview.sorted("first")][:2] == ["F1", "u:c:0"]


def test_exclusives_are_the_facts_only_this_outlet_reports() -> None:
    """`a`'s exclusives are F3 and its own unmatched paragraph, in reading order; never F1."""
    overview = build_overview(_five())
    assert [r.fact.id for r in overview.exclusives("a")] == ["u:a:1", "F3"]
    assert "F1" not in [r.fact.id for r in overview.exclusives("e")]


def test_omissions_are_facts_most_others_report() -> None:
    """F2 is in three of the four other outlets, so `b` and `e` leave it out; `a` does not."""
    overview = build_overview(_five())
    assert [r.fact.id for r in overview.omissions("b")] == ["F2"]
    assert [r.fact.id for r in overview.omissions("e")] == ["F2"]
    assert overview.omissions("a") == ()


def test_unheld_paragraphs_are_unique_rows_and_not_counted_twice() -> None:
    """Each aligned paragraph appears in exactly one row when facts do not overlap."""
    overview = build_overview(_five())
    refs = [ref for r in overview.rows for c in r.cells.values() for ref in c.refs]
    every = [Ref(a.id, p.n) for a in _five().story.articles for p in a.body()]
    assert sorted(refs) == sorted(every)


def test_wire_copy_lowers_the_independent_count() -> None:
    """With `c` and `d` one wire text, F1 has five outlets but four independent reports."""
    overview = build_overview(_five(), wire=[WireGroup(("c", "d"), ())])
    row = overview.sorted()[0]
    assert (row.count, row.independent) == (5, 4)
    assert overview.coverage_line(row) == "5 outlets, 4 independent reports"
    unique = overview.exclusives("a")[0]
    assert overview.coverage_line(unique) == "1 outlet"


def test_short_names_fit_and_stay_distinct() -> None:
    """Long outlet names shrink to the width; two articles of one outlet are told apart."""
    s = story(
        article("x", ["h"], outlet="The Independent (UK)"),
        article("y", ["h"], outlet="Agence France-Presse Wire Service"),
        article("z1", ["h"], outlet="CBC News"),
        article("z2", ["h"], outlet="CBC News"),
    )
    names = short_names(s.articles, width=8)
    assert all(len(n) <= 8 for n in names.values())
    assert len(set(names.values())) == 4
    assert names["x"].startswith("Indep")
    assert names["y"] == "AFPWS"


def test_provisional_facts_do_not_chain() -> None:
    """Without facts, A~B and B~C make a group, but C does not pull in D that only matches C."""
    s = story(*(article(x, ["h", "p"]) for x in "abcd"))
    m = [
        Match(Ref("a", 1), Ref("b", 1), 0.9, "same"),
        Match(Ref("b", 1), Ref("c", 1), 0.8, "same"),
        Match(Ref("a", 1), Ref("c", 1), 0.7, "same"),
        Match(Ref("c", 1), Ref("d", 1), 0.6, "same"),
    ]
    facts = provisional_facts(Alignment(s, tuple(m)))
    assert [f.articles for f in facts] == [("a", "b", "c")]


def test_seeds_with_gold_facts_put_the_five_outlet_facts_on_top() -> None:
    """On the seeds with perfect facts, the facts every outlet reports lead the grid."""
    gold = json.loads((DATA / "seeds-gold.json").read_text(encoding="utf-8"))
    everywhere = {f["id"] for f in gold["facts"] if f["outlets"] == 5}
    overview = build_overview(gold_alignment(load_story([SEEDS])))
    top = overview.sorted("count")[: len(everywhere)]
    assert {r.fact.id for r in top} == everywhere
    assert all(r.count == 5 for r in top)
