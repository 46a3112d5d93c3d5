"""Facts: matched paragraphs grouped across outlets, never by chaining."""

from __future__ import annotations

from tests.conftest import SEEDS
from tests.core.storybuild import make_story
from tui.core import align_story, load_story
from tui.core.facts import group_facts
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


def test_every_aligned_paragraph_is_in_exactly_one_fact() -> None:
    """Unmatched body paragraphs are facts of their own, flagged unique."""
    story = load_story([SEEDS])
    alignment = align_story(story)
    members = [r for f in alignment.facts for r in f.members]
    assert len(members) == len(set(members))
    aligned = {Ref(a.id, p.n) for a in story.articles for p in a.body()}
    assert set(members) == aligned
    assert any(f.unique for f in alignment.facts) and any(not f.unique for f in alignment.facts)


def test_fact_label_is_a_phrase_of_its_members() -> None:
    """The label is text that appears in one of the fact's paragraphs."""
    alignment = align_story(load_story([SEEDS]))
    for fact in alignment.facts:
        texts = [alignment.story.article(r.article).paragraphs[r.paragraph].text for r in fact.members]
        assert fact.label and any(fact.label in t for t in texts)
