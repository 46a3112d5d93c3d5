"""Direct quotations: found, attributed, grouped across outlets, and their wordings compared."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS
from tests.core.kit import article, story
from tui.core import load_story
from tui.core.quotes import diff_words, differs, find_quotes, same_statement, story_quotes, words_of


def _quotes(*paragraphs: str):
    return find_quotes(story(article("a", ["Headline", *paragraphs])))


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ("He called it “a very good day for peace” on Monday.", "a very good day for peace"),
        ('She said "we will rebuild every home" and left.', "we will rebuild every home"),
        (
            "The minister spoke of ‘a new chapter in our history’ in Paris.",
            "a new chapter in our history",
        ),
        ("« Nous ne céderons jamais » a dit le maire.", "Nous ne céderons jamais"),
        ("The mayor added: “The water is still rising and", "The water is still rising and"),
    ],
)
def test_quotations_are_found_in_every_quote_style(paragraph: str, text: str) -> None:
    """Curly, straight, single curly and guillemet quotes, and one left open to the paragraph end."""
    assert [q.text for q in _quotes(paragraph)] == [text]


def test_apostrophes_and_scare_quotes_are_not_quotations() -> None:
    """‘Kim’s visit’ style apostrophes never open a quote, and two-word scare quotes are skipped."""
    assert (
        _quotes("Putin’s visit to the country’s capital was called “historic event” by all.") == ()
    )


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("“We will not retreat from this position,” Mr Kim said.", "Mr Kim"),
        (
            "“We will not retreat from this position,” said Leif-Eric Easley, a professor.",
            "Leif-Eric Easley",
        ),
        (
            "Russia will “not retreat from this position,” Vladimir Tikhonov, a professor at Oslo, told AFP.",
            "Vladimir Tikhonov",
        ),
        (
            "The deal covers “security, trade and investment ties,” according to Russian state media.",
            "Russian state media",
        ),
        (
            "Putin on Wednesday said Russia “does not rule out military cooperation” with them.",
            "Putin",
        ),
        (
            "“It is a breakthrough document,” the Kremlin leader said at a press conference.",
            "the Kremlin leader",
        ),
        (
            "“We know the missiles are still being used,” the spokesperson, John Kirby, said.",
            "John Kirby",
        ),
        ("Kim said relations were entering a period of “new high prosperity for all.”", "Kim"),
    ],
)
def test_the_speaker_is_read_from_the_sentence(paragraph: str, speaker: str) -> None:
    """X said, said X, X told, according to X, with titles, appositions and a day in between."""
    assert [q.speaker for q in _quotes(paragraph)] == [speaker]


def test_he_takes_the_previous_speaker_of_the_article() -> None:
    """“…,” he said: the speaker is the one named by the article's previous attributed quote."""
    quotes = _quotes(
        "“The treaty is purely defensive in nature,” Putin said.",
        "“It threatens nobody in the region at all,” he said.",
    )
    assert [q.speaker for q in quotes] == ["Putin", "Putin"]


def test_he_with_nobody_named_before_names_nobody() -> None:
    """“He called it …” as the article's first attributed quote: the speaker is unknown, not
    "He"; and a statement two outlets carry takes the name one of them gives, not the pronoun."""
    (quote,) = _quotes("He called the pact “a breakthrough for the whole region” on Monday.")
    assert quote.speaker == ""
    (group,) = story_quotes(story(
        article("a", ["Headline", "He called the pact “a breakthrough for the whole region” on Monday."]),
        article("b", ["Headline", "Kim called the pact “a breakthrough for the whole region” in Pyongyang."]),
    ))
    assert group.speaker == "Kim"


def test_a_described_speaker_is_the_statement_s_speaker() -> None:
    """“…,” the Kremlin leader said: the description names the speaker of the statement."""
    (group,) = story_quotes(story(article("a", [
        "Headline", "“It is really a breakthrough document,” the Kremlin leader said on Wednesday.",
    ])))
    assert group.speaker == "the Kremlin leader"


def test_offsets_point_at_the_quote_in_the_paragraph() -> None:
    """start/end slice the quoted words out of the paragraph text."""
    text = "Officials said “the bridge will reopen on Friday” after repairs."
    (quote,) = _quotes(text)
    assert text[quote.start : quote.end] == "the bridge will reopen on Friday"


def test_partial_and_reworded_quotes_are_one_statement() -> None:
    """A trimmed excerpt and a lightly reworded translation join the full quote; another does not."""
    full = words_of(
        "provides, among other things, for mutual assistance in the event of aggression against one of the parties"
    )
    trimmed = words_of("mutual assistance in the event of aggression")
    reworded = words_of(
        "for mutual assistance in case of aggression against one of the parties to this treaty"
    )
    other = words_of("the indefinite restrictive regime should be reviewed at the council")
    assert same_statement(full, trimmed)
    assert same_statement(full, reworded)
    assert not same_statement(full, other)


def test_a_stock_phrase_of_another_speaker_does_not_join_a_quote() -> None:
    """“special military operation” said by Moscow is not part of Kim's long statement."""
    s = story(
        article(
            "a",
            [
                "H",
                "North Korea “supports the army in carrying out a special military operation in Ukraine,” Kim said.",
            ],
        ),
        article("b", ["H", "Moscow called it a “special military operation.”"]),
    )
    groups = story_quotes(s)
    assert len(groups) == 2


def test_word_diff_marks_changed_words_and_trims() -> None:
    """“in the event of” vs “in case of” is a change; words outside the shorter quote are a trim."""
    a = "provides, among other things, for mutual assistance in the event of aggression"
    b = "mutual assistance in case of aggression"
    ops = [(d.op, d.a, d.b) for d in diff_words(a, b)]
    assert ops[0] == ("outside", "provides, among other things, for", "")
    assert ("changed", "the event", "case") in ops
    assert differs(a, b)
    assert not differs("Mutual assistance, now.", "mutual assistance now")


def test_seeds_mutual_assistance_quote_has_three_wordings() -> None:
    """The seeds' mutual-assistance quote is carried by three outlets in three wordings."""
    seeds = load_story([SEEDS])
    group = next(g for g in story_quotes(seeds) if "mutual assistance" in g.reference.text)
    assert len(group.articles) == 3
    assert len(group.wordings) == 3
    speakers = {q.speaker for q in group.quotes}
    assert "Putin" in speakers
