"""Facts: matched paragraphs grouped across outlets, never by chaining."""

from __future__ import annotations

from tests.conftest import SEEDS
from tests.core.storybuild import make_story
from tui.core import align_story, load_story
from tui.core.facts import LINK, NEAR, figure_links, group_facts
from tui.core.features import index_story
from tui.core.model import Match, Ref


def test_a_chain_does_not_make_one_fact() -> None:
    """A~B and B~C strongly, A and C unmatched: A and C end in different facts."""
    story = make_story(["alpha"], ["bravo"], ["charlie"])
    index = index_story(story)
    a, b, c = Ref("a0", 0), Ref("a1", 0), Ref("a2", 0)
    facts = group_facts(story, index, [Match(a, b, 0.9, "same"), Match(b, c, 0.8, "same")])
    fact_of = {ref: f.id for f in facts for ref in f.members}
    assert fact_of[a] != fact_of[c]


def test_a_triangle_is_one_fact() -> None:
    """Three paragraphs that all match each other are one fact reported by three outlets."""
    story = make_story(["alpha"], ["bravo"], ["charlie"])
    index = index_story(story)
    a, b, c = Ref("a0", 0), Ref("a1", 0), Ref("a2", 0)
    matches = [Match(a, b, 0.9, "same"), Match(b, c, 0.8, "same"), Match(a, c, 0.7, "same")]
    (fact,) = group_facts(story, index, matches)
    assert set(fact.members) == {a, b, c} and not fact.unique


def test_every_aligned_paragraph_is_in_a_fact() -> None:
    """Unmatched body paragraphs are facts of their own, flagged unique; a paragraph in a fact
    across outlets is in no unique fact."""
    story = load_story([SEEDS])
    alignment = align_story(story)
    members = {r for f in alignment.facts for r in f.members}
    aligned = {Ref(a.id, p.n) for a in story.articles for p in a.body()}
    assert members == aligned
    shared = {r for f in alignment.facts if not f.unique for r in f.members}
    alone = [r for f in alignment.facts if f.unique for r in f.members]
    assert alone and shared and not shared & set(alone)
    assert len(alone) == len(set(alone))


def test_a_paragraph_reporting_two_facts_is_in_both() -> None:
    """B matches A and C, which do not match: B is in the fact {A, B} and in the fact {B, C}."""
    story = make_story(["alpha"], ["bravo"], ["charlie"])
    index = index_story(story)
    a, b, c = Ref("a0", 0), Ref("a1", 0), Ref("a2", 0)
    facts = group_facts(story, index, [Match(a, b, 0.9, "same"), Match(b, c, 0.8, "same")])
    assert sorted(set(f.members) for f in facts) == sorted([{a, b}, {b, c}])


def test_a_fact_contained_in_another_is_dropped() -> None:
    """Four paragraphs that all match: one fact, not one per seeding match."""
    story = make_story(["alpha"], ["bravo"], ["charlie"], ["delta"])
    index = index_story(story)
    refs = [Ref(f"a{k}", 0) for k in range(4)]
    matches = [
        Match(x, y, 0.9 - 0.01 * k, "same")
        for k, (x, y) in enumerate((x, y) for i, x in enumerate(refs) for y in refs[i + 1 :])
    ]
    (fact,) = group_facts(story, index, matches)
    assert set(fact.members) == set(refs)


def test_a_related_match_alone_starts_no_fact() -> None:
    """Facts grow from `same` matches; a lone `related` match leaves both paragraphs unique."""
    story = make_story(["alpha"], ["bravo"])
    index = index_story(story)
    a, b = Ref("a0", 0), Ref("a1", 0)
    facts = group_facts(story, index, [Match(a, b, 0.24, "related")])
    assert all(f.unique for f in facts) and len(facts) == 2


def test_fact_label_is_a_phrase_of_its_members() -> None:
    """The label is text that appears in one of the fact's paragraphs (a headline's in the case
    the outlets' sentences write it)."""
    alignment = align_story(load_story([SEEDS]))
    for fact in alignment.facts:
        texts = [alignment.story.article(r.article).paragraphs[r.paragraph].text for r in fact.members]
        assert fact.label and any(fact.label.casefold() in t.casefold() for t in texts)


def test_no_two_facts_are_near_copies() -> None:
    """The overview lists each fact once: no fact has most of its members inside another."""
    alignment = align_story(load_story([SEEDS]))
    shared = [set(f.members) for f in alignment.facts if not f.unique]
    assert len(shared) >= 5
    for i, x in enumerate(shared):
        for y in shared[i + 1 :]:
            small = min(len(x), len(y))
            assert len(x & y) < 0.6 * small, (x, y)


def test_a_seed_that_matches_few_of_a_grown_fact_is_left_out_of_it() -> None:
    """A, B, C, D all match each other; E matches only A and B. The seed E~A grows into the
    dense fact, but E matches a minority of it: the fact is {A, B, C, D}, and E is reported
    with A in a fact of their own, not as unique."""
    story = make_story(["alpha"], ["bravo"], ["charlie"], ["delta"], ["echo"])
    index = index_story(story)
    a, b, c, d, e = (Ref(f"a{k}", 0) for k in range(5))
    clique = [a, b, c, d]
    matches = [Match(x, y, 0.9, "same") for i, x in enumerate(clique) for y in clique[i + 1 :]]
    matches += [Match(a, e, 0.8, "same"), Match(b, e, 0.75, "same")]
    facts = group_facts(story, index, matches)
    big = max(facts, key=lambda f: len(f.members))
    assert set(big.members) == set(clique)
    with_e = [f for f in facts if e in f.members]
    assert with_e and not any(f.unique for f in with_e)
    assert all(set(f.members) <= {a, b, e} for f in with_e)


def test_two_members_of_one_fact_are_shown_as_related_even_below_the_threshold() -> None:
    """A pair scored under the shown threshold is listed only when both paragraphs are members
    of one fact (each matches most of its other members) or tell one event as still to come and
    as done (a `tense` conflict), and then graded `related`."""
    story = load_story([SEEDS])
    alignment = align_story(story, same=0.5, related=0.4)
    facts_of: dict[Ref, set[str]] = {}
    for fact in alignment.facts:
        if not fact.unique:
            for ref in fact.members:
                facts_of.setdefault(ref, set()).add(fact.id)
    tensed = {
        frozenset(v.ref for v in c.versions) for c in alignment.conflicts if c.kind == "tense"
    }
    below = [m for m in alignment.matches if m.score < 0.4]
    assert any(facts_of.get(m.a, set()) & facts_of.get(m.b, set()) for m in below)
    for m in below:
        assert m.grade == "related"
        in_one = facts_of.get(m.a, set()) & facts_of.get(m.b, set())
        assert in_one or frozenset((m.a, m.b)) in tensed
    assert len({(m.a, m.b) for m in alignment.matches}) == len(alignment.matches)


def test_a_pair_just_under_the_threshold_lets_a_fact_grow() -> None:
    """A, B and C match each other; D matches A and B (`related`) but its pair with C was scored
    just under the shown threshold. Counting that near pair, D reports the fact too; a pair
    scored far under it does not count."""
    story = make_story(["alpha"], ["bravo"], ["charlie"], ["delta"])
    index = index_story(story)
    a, b, c, d = (Ref(f"a{k}", 0) for k in range(4))
    strong = LINK + 0.04  # (scores set by the fitted thresholds the fact grouping follows)
    matches = [
        Match(a, b, strong + 0.01, "same"), Match(a, c, strong, "same"),
        Match(b, c, strong, "same"),
        Match(a, d, strong, "related"), Match(b, d, strong, "related"),
    ]

    def members_with_c(near: list[tuple[int, int, float]]) -> set[Ref]:
        facts = group_facts(story, index, matches, near)
        return set(max((f for f in facts if c in f.members), key=lambda f: len(f.members)).members)

    assert members_with_c([(2, 3, NEAR + 0.005)]) == {a, b, c, d}
    assert d not in members_with_c([(2, 3, 0.05)])


def test_a_label_keeps_hyphenated_compounds_whole() -> None:
    """Three outlets share "full-scale invasion": the fact is labelled with the whole compound,
    not "scale invasion"."""
    story = make_story(
        ["Troops began a full-scale invasion at dawn.", "Markets fell sharply."],
        ["The full-scale invasion surprised diplomats.", "Weather stayed mild."],
        ["Since the full-scale invasion, prices rose.", "Schools closed early."],
    )
    index = index_story(story)
    a, b, c = Ref("a0", 0), Ref("a1", 0), Ref("a2", 0)
    matches = [Match(a, b, 0.9, "same"), Match(a, c, 0.9, "same"), Match(b, c, 0.9, "same")]
    (fact,) = [f for f in group_facts(story, index, matches) if not f.unique]
    assert fact.label == "full-scale invasion"


def test_a_label_is_a_phrase_the_outlets_share() -> None:
    """Two outlets report a gift; one adds a vivid phrase of its own. The fact is labelled by what
    both say ("armoured limousine"), not by the one outlet's words: the label must not tell the
    reader that the other outlet says them too."""
    story = make_story(
        ["He gave his host an armoured limousine, blatantly flouting sanctions.", "Markets fell."],
        ["The armoured limousine was handed over after the talks.", "Weather stayed mild."],
    )
    index = index_story(story)
    a, b = Ref("a0", 0), Ref("a1", 0)
    (fact,) = [f for f in group_facts(story, index, [Match(a, b, 0.9, "same")]) if not f.unique]
    assert fact.label == "armoured limousine"


def test_a_label_from_a_headline_drops_its_title_case() -> None:
    """A phrase found as adjacent words only in a headline ("Rivals Sign Partnership Deal") is
    written as the outlets' sentences write its words: in lower case; a word they capitalise
    mid-sentence (a name) keeps its capital."""
    from tui.core.facts import _sentence_case
    from tui.core.features import paragraph_features

    story = make_story(
        ["Rivals Sign Partnership Deal In Oslo", "Markets fell."],
        ["In March the partnership was signed by both rivals, officials in Oslo said.",
         "Weather stayed mild."],
    )
    index = index_story(story)
    a, b = Ref("a0", 0), Ref("a1", 0)
    (fact,) = [f for f in group_facts(story, index, [Match(a, b, 0.9, "same")]) if not f.unique]
    assert fact.label in ("rivals sign", "sign partnership"), fact.label
    headline, body = (paragraph_features(r, story.articles[k].paragraphs[0].text)
                      for k, r in enumerate((a, b)))
    assert _sentence_case("Sign Partnership", headline, [headline, body]) == "sign partnership"
    assert _sentence_case("In Oslo", headline, [headline, body]) == "In Oslo"


def test_seeds_labels_are_said_by_two_outlets_of_the_fact() -> None:
    """Every word of a label of a fact across outlets is in paragraphs of two of its outlets."""
    alignment = align_story(load_story([SEEDS]))
    index = index_story(alignment.story)
    by_ref = {pf.ref: pf for pf in index.paragraphs}
    for fact in (f for f in alignment.facts if not f.unique):
        words = {t.term for t in index_story(make_story([fact.label])).paragraphs[0].tokens}
        for term in words:
            outlets = {r.article for r in fact.members if term in by_ref[r].terms}
            assert len(outlets) >= 2, (fact.label, term)


VISIT = (
    ["The president is using his first trip to the capital in nearly 25 years to court allies.",
     "Markets in the region fell sharply on the news.", "Weather stayed mild all week."],
    ["The treaty was signed on the president's first visit in 24 years.",
     "Schools closed early for the holiday.", "A parade followed in the evening."],
    ["Marking his first visit in nearly a quarter-century, the president arrived on Tuesday.",
     "Rail services ran late after a storm.", "Fishermen protested at the harbour."],
    ["Crowds lined the streets for the president, on his first visit in 24 years.",
     "Farmers reported a good harvest.", "The museum reopened after repairs."],
)


def _all_pairs(index) -> list[tuple[int, int]]:
    paragraphs = index.paragraphs
    return [
        (i, j)
        for i in range(len(paragraphs))
        for j in range(i + 1, len(paragraphs))
        if paragraphs[i].ref.article != paragraphs[j].ref.article
    ]


def test_one_figure_told_in_four_wordings_is_one_fact() -> None:
    """"in nearly 25 years", "in 24 years" and "in nearly a quarter-century", each beside "first
    visit" or "first trip": the four outlets report one fact, though no pair was matched."""
    filler = [f"Item {k} of the day: {w} news from the {w} desk." for k, w in enumerate(
        ["sports", "culture", "science", "travel", "health", "money"])]
    story = make_story(*(article + filler[k:k + 2] for k, article in enumerate(VISIT)))
    index = index_story(story)
    links = figure_links(index, _all_pairs(index))
    leads = {Ref(f"a{k}", 0) for k in range(4)}
    assert {(index.paragraphs[i].ref, index.paragraphs[j].ref) for i, j in links} == {
        (a, b) for a in leads for b in leads if a.article < b.article
    }
    facts = group_facts(story, index, [], figures=links)
    (fact,) = [f for f in facts if not f.unique]
    assert set(fact.members) == leads


def test_a_figure_alone_links_no_paragraphs() -> None:
    """The same figure in sentences that share no other word, figures with open ends ("more than
    a dozen" and "more than 31,000" meet but say nothing), and a figure that most paragraphs of
    the story state are no links."""
    desks = ["sports", "culture", "science", "travel", "health", "money", "arts", "books", "food"]
    filler = [[f"Item {k}: {w} news from the {w} desk." for k, w in enumerate(desks[n::3])]
              for n in range(3)]

    def links(*articles: list[str]) -> list[tuple[int, int]]:
        articles += ([],) * (3 - len(articles))
        index = index_story(make_story(*(a + filler[k] for k, a in enumerate(articles))))
        return figure_links(index, _all_pairs(index))

    assert links(["Prices rose 24 percent in the capital."],
                 ["Turnout reached 24 percent among young voters."]) == []
    assert links(["More than 31,000 people were killed in the earthquake."],
                 ["More than a dozen people were killed in the earthquake."]) == []
    assert links(["The earthquake killed 12 people.", "Later 12 people were hurt in the earthquake."],
                 ["In the earthquake 12 people died.", "Rescuers freed 12 people after the earthquake."],
                 ["Officials said 12 people died in the earthquake.", "12 people fled the earthquake."]) == []
    assert links(["The earthquake killed 12 people."], ["In the earthquake 12 people died."]) != []


def test_a_figure_fact_needs_most_of_the_outlets() -> None:
    """Two of six outlets giving one figure in one context are a pair for the scores to judge,
    not a fact found by the figure alone."""
    others = [[f"Unrelated item number {k} about harvest {word}.", f"Second filler {word} line."]
              for k, word in enumerate(["apples", "pears", "plums", "figs"])]
    story = make_story(list(VISIT[0]), list(VISIT[1]), *others)
    index = index_story(story)
    links = figure_links(index, _all_pairs(index))
    assert len(links) == 1
    facts = group_facts(story, index, [], figures=links)
    assert all(f.unique for f in facts)
