"""Wire copy: one agency text reprinted by several outlets counts as one report."""

from __future__ import annotations

from tests.conftest import SEEDS
from tests.core.kit import article, story
from tui.core import load_story
from tui.core.model import Alignment, Fact, Ref
from tui.core.overview import build_overview
from tui.core.wire import find_wire, independent_reports

AGENCY = [
    "Floods kill dozens in river valley",
    "At least 34 people were killed and hundreds displaced after days of torrential rain sent the "
    "river over its banks across the northern valley, officials said on Monday.",
    "Rescue teams using boats and helicopters pulled more than 200 residents from rooftops in the "
    "town of Marlow overnight, the regional emergency service said in a statement.",
    "“We have never seen water rise this fast, it came through the doors in minutes,” said Anna "
    "Reyes, a shopkeeper who spent the night on the roof of her building with her two children.",
    "The national weather agency warned that another 150 millimetres of rain could fall before "
    "Wednesday and urged people living near the river to move to higher ground immediately.",
    "The government has released emergency funds and deployed 1,500 soldiers to help with "
    "evacuations, according to the interior ministry, which said roads to three villages were cut.",
    "Scientists say the intensity of such downpours in the region has increased over the past "
    "two decades, and local authorities have been criticised for building on the flood plain.",
]


def _edit(paragraphs: list[str], swaps: dict[str, str]) -> list[str]:
    """A light edit: a few words changed throughout, as a copy desk does."""
    out = []
    for text in paragraphs:
        for old, new in swaps.items():
            text = text.replace(old, new)
        out.append(text)
    return out


def _wire_story():
    """Three outlets reprint the agency text lightly edited; two report independently."""
    one = _edit(AGENCY, {"killed": "left dead", "officials said": "authorities said"})
    two = _edit(AGENCY[:-1], {"Rescue teams": "Rescuers", "immediately": "at once"})
    two.insert(
        3,
        "Local radio said the town's only bridge had been closed since Sunday evening as a precaution.",
    )
    three = ["Deadly floods in the north"] + _edit(
        AGENCY[1:5], {"torrential": "heavy", "overnight": "during the night"}
    )
    indie_1 = [
        "Valley residents count losses as waters recede",
        "In Marlow the smell of mud hangs over the high street, where shop owners spent Tuesday "
        "shovelling silt out of their ground floors and counting what could be saved.",
        "“We have never seen water rise this fast, it came through the doors in minutes,” said Anna "
        "Reyes, a shopkeeper who spent the night on the roof of her building with her two children.",
        "Town councillors blamed the upstream dam operator for releasing water too late.",
    ]
    indie_2 = [
        "Flood death toll rises to 34",
        "The death toll from the northern floods rose to 34 on Monday as emergency crews reached "
        "villages that had been cut off since the weekend, the interior ministry reported.",
        "Soldiers were flown in to reinforce local crews and evacuate the elderly from care homes.",
    ]
    return story(
        article("one", one, "Daily One"),
        article("two", two, "Two Times"),
        article("three", three, "Three Post"),
        article("indie1", indie_1, "Indie One"),
        article("indie2", indie_2, "Indie Two"),
    )


def test_three_outlets_reprinting_one_agency_text_are_one_group() -> None:
    """The three light edits of one agency text form a group; independent reports stay out."""
    groups = find_wire(_wire_story())
    assert [g.articles for g in groups] == [("one", "two", "three")]
    assert len(groups[0].links) >= 3


def test_the_coverage_count_says_how_many_independent_reports() -> None:
    """Five outlets make three independent reports; a fact in two wire copies and one other is 3/2."""
    s = _wire_story()
    groups = find_wire(s)
    assert independent_reports(groups, [a.id for a in s.articles]) == 3
    toll = Fact("F1", (Ref("one", 1), Ref("two", 1), Ref("indie2", 1)), "34 dead")
    overview = build_overview(Alignment(s, (), (toll,)), wire=groups)
    row = next(r for r in overview.rows if r.fact.id == "F1")
    assert overview.coverage_line(row) == "3 outlets, 2 independent reports"


def test_a_shared_quote_does_not_make_wire_copy() -> None:
    """An independent report that prints the same quote verbatim is not grouped with the wire."""
    groups = find_wire(_wire_story())
    assert all("indie1" not in g.articles for g in groups)


def test_same_paragraphs_in_another_order_are_not_wire_copy() -> None:
    """Near-identical paragraphs shuffled into a new order are a rewrite, not a reprint."""
    shuffled = [AGENCY[0], AGENCY[5], AGENCY[3], AGENCY[1]]
    s = story(article("agency", AGENCY), article("rewrite", shuffled))
    assert find_wire(s) == ()


def test_the_seed_outlets_are_all_independent() -> None:
    """The five seeds are five separate reports: none reprints another."""
    s = load_story([SEEDS])
    assert find_wire(s) == ()
