"""Splitting text into paragraphs, front matter, Markdown, roles on other sites' styles."""

from __future__ import annotations

import pytest

from tui.core.load import article_from_text
from tui.core.roles import assign_roles, boilerplate_reason, is_headline
from tui.core.segment import (
    LONG_PARAGRAPH,
    PIECE,
    Block,
    normalize_for_match,
    pieces,
    split_front_matter,
    split_long,
    split_markdown,
    split_text,
)

WRAPPED = """\
Officials in the capital confirmed on Monday that the new bridge over the
river would open to traffic next spring, two years later than first
planned, after a dispute with the builder over rising costs.

The mayor said the delay was regrettable but unavoidable. "We could not
sign off on a structure we had doubts about," she told reporters at a
briefing in the city hall.

Work on the approach roads will continue through the winter.
"""


def _texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


def test_one_paragraph_per_line() -> None:
    """Without blank lines and with long lines, each line is a paragraph."""
    text = "First paragraph is a full sentence that goes on.\nSecond one.\n\n\nThird one.\n"
    assert _texts(split_text(text)) == [
        "First paragraph is a full sentence that goes on.",
        "Second one.",
        "Third one.",
    ]


def test_hard_wrapped_blocks_are_joined() -> None:
    """Lines cut near one width in mid-sentence are joined into their block's paragraph."""
    paragraphs = _texts(split_text(WRAPPED))
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Officials in the capital") and paragraphs[0].endswith("costs.")
    assert "over the river would open" in paragraphs[0]
    assert paragraphs[2] == "Work on the approach roads will continue through the winter."


def test_wrapped_crlf_text() -> None:
    """Windows line ends change nothing once the text is cleaned."""
    from tui.core.clean import clean_text

    assert split_text(clean_text(WRAPPED.replace("\n", "\r\n"))) == split_text(WRAPPED)


def test_long_lines_in_one_block_stay_apart() -> None:
    """Two long lines in one block (alt text then caption) are two paragraphs, not one."""
    alt = "Two men in dark suits are shown shaking hands in front of a row of flags at an airport."
    caption = (
        "The minister, right, is welcomed on his arrival at the airport on Tuesday, where a "
        "small crowd had gathered since dawn to greet the delegation. (Jane Roe/Some Agency)"
    )
    body = "First long paragraph of the body text goes here and ends."
    text = f"Headline here\n\n{body}\n\n{alt}\n{caption}\n"
    assert _texts(split_text(text))[2:] == [alt, caption]


def test_hyphen_at_a_wrap_is_kept_without_a_space() -> None:
    """A word broken after its hyphen is joined back without a space."""
    text = (
        "The agreement, which both sides had described in public as a long-\n"
        "awaited step, was signed in the presence of foreign ministers and\n"
        "large group of reporters from several countries around the world.\n"
    )
    assert "long-awaited step" in split_text(text)[0].text


def test_front_matter() -> None:
    """`---` key: value `---` at the top sets title, outlet, url, date and author."""
    meta, rest = split_front_matter(
        "---\ntitle: \"A title: with colon\"\nOutlet: The Daily Example\nurl: https://e.x/a\n"
        "date: 2024-06-19\nauthor: Jane Roe\ntags:\n  - one\n---\nBody line.\n"
    )
    assert meta == {
        "title": "A title: with colon",
        "outlet": "The Daily Example",
        "url": "https://e.x/a",
        "date": "2024-06-19",
        "author": "Jane Roe",
    }
    assert rest == "Body line.\n"


def test_dashes_that_are_not_front_matter_are_text() -> None:
    """A rule line followed by prose is left alone."""
    text = "---\nThis is just a sentence after a rule.\n---\n"
    assert split_front_matter(text) == ({}, text)


def test_front_matter_outlet_wins_and_is_its_evidence() -> None:
    """An outlet in front matter beats any evidence in the text."""
    article = article_from_text(
        "---\noutlet: Example Gazette\ntitle: T\n---\nA line.\nSomeone told Reuters so.\n",
        article_id="x",
        path="x.txt",
    )
    assert article is not None
    assert (article.outlet, article.outlet_evidence) == ("Example Gazette", "front matter 'outlet'")
    assert article.title == "T"


MARKDOWN = """\
---
title: Council approves budget
outlet: Example Times
---
# Council approves **budget** after long night

The council voted *7 to 2* on [Tuesday](https://e.x) to approve the budget.

## What changes

> "This is a fair budget," the mayor said.

- Bus fares stay the same.
- Libraries open on Sundays.

![A crowd outside city hall](crowd.jpg)

| Item | Cost |
|------|------|
| Roads | 4m |

## Read more
"""


def test_markdown_roles() -> None:
    """Headings, paragraphs, quotes, list items and images become paragraphs with roles."""
    blocks = split_markdown(split_front_matter(MARKDOWN)[1])
    assert [b.text for b in blocks][:6] == [
        "Council approves budget after long night",
        "The council voted 7 to 2 on Tuesday to approve the budget.",
        "What changes",
        '"This is a fair budget," the mayor said.',
        "Bus fares stay the same.",
        "Libraries open on Sundays.",
    ]
    roles = assign_roles(blocks)
    assert roles[:6] == ["headline", "body", "subheading", "body", "body", "body"]
    assert blocks[6] == Block("A crowd outside city hall", "image")
    assert roles[6] == "boilerplate"
    assert "Roads | 4m" in [b.text for b in blocks]
    assert blocks[-1].text == "Read more" and roles[-1] == "subheading"


def test_markdown_without_h1_takes_its_first_heading_as_headline() -> None:
    """When no `#` heading exists, a heading that opens the file is the headline."""
    blocks = split_markdown("## Storm hits coast\n\nThe storm made landfall on Monday.\n")
    assert assign_roles(blocks) == ["headline", "body"]


def test_markdown_article() -> None:
    """A Markdown file's front matter and its h1 give outlet and title."""
    article = article_from_text(MARKDOWN, article_id="m", path="m.md", kind="markdown")
    assert article is not None
    assert article.outlet == "Example Times"
    assert article.title == "Council approves budget"
    assert article.paragraphs[0].role == "headline"


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Flooding closes main highway for a third day", True),
        ("Why did the talks collapse?", True),
        ("Storm Warning Issued for Coastal Towns as Winds Strengthen", True),
        ("2 Dead, 1 Wounded in Shooting at NE Phila. Kraft Plant", True),
        ("Flooding closed the main highway for a third day on Monday, officials said.", False),
        ("“We are not giving up,” the coach said after the defeat.", False),
        ("Rescue crews worked through the night. By morning, twelve people had been found", False),
    ],
)
def test_headline_or_lede(line: str, headline: bool) -> None:
    """A first line without a final period, short and one sentence, is a headline."""
    assert is_headline(line) is headline


BOILERPLATE = [
    "Share this article",
    "Share on Facebook Share on Twitter Email",
    "Facebook Twitter LinkedIn WhatsApp",
    "Follow us on Instagram for the latest updates",
    "Sign up for our morning newsletter and get the top stories in your inbox",
    "Advertisement",
    "Story continues below advertisement",
    "Read more: Floods hit the north of the country",
    "Related Articles",
    "© 2023 Example Media Group. All rights reserved.",
    "Copyright 2022 The Evening Example",
    "This story was originally published by The Harbour Times.",
    "Originally published on examplenews.com",
    "Reporting by Jane Roe; Editing by John Doe",
    "With files from The Canadian Press",
    "By Maria Lopez, Example Wire",
    "Photo: Jane Roe",
    "Firefighters battle the blaze near the highway on Sunday. (AP Photo/John Doe)",
    "In this handout photo, rescue workers carry a stretcher through the rubble.",
    "A woman in a red coat is shown walking past a row of shuttered shops.",
    "VIDEO: Drone footage shows the scale of the flooding",
    "Watch: the moment the bridge collapsed",
    "LISTEN | Why the talks broke down",
    "Posted on June 3, 2024",
    "Updated 2 hours ago",
    "Tags: politics, elections",
    "Leave a comment",
    "Back to top",
    "Click here to subscribe",
    "Getty Images",
    "Comments (12)",
    "June 19, 2024",
    "Wednesday, 19 June 2024, 10:39 GMT",
    "Home » World » Asia",
    "— Reuters",
    "Join our WhatsApp channel for the latest updates",
    "For breaking news, follow us on X",
    "5 min read",
    "Featured image: a convoy on the highway",
    "Disclaimer: the views expressed are the author's own.",
    "Listen to this article",
]

NOT_BOILERPLATE = [
    "The minister said the plan would be published next week.",
    "Police said a man was seen leaving the building shortly before midnight.",
    "The treaty is seen as a turning point in relations between the two countries.",
    "By Wednesday evening, the two leaders had signed five agreements.",
    "More than 200 people were evacuated from their homes.",
    "Share prices fell sharply after the announcement, the exchange said.",
    "Follow-up talks are expected in the autumn.",
    "Published reports say the company had been warned twice.",
    "“Read the report and you will see,” she said.",
    "The photo, taken in 1962, shows the two leaders on a balcony.",
    "Copyright lawyers said the ruling could affect thousands of artists.",
    "Watchdogs said the merger should be blocked.",
    "A spokesperson for the agency said it was reviewing the footage.",
    "Subscribers to the service will see prices rise by 5 percent in May.",
    "Join the march, organisers urged residents on Sunday.",
    "The leaders met in June 2024 for the first time.",
    "Reuters could not independently verify the footage.",
    "Prices rose > 5% in May, which analysts called a surprise.",
    "Print newspapers have lost half their readers since 2010.",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_in_other_sites_styles(line: str) -> None:
    """Footers, prompts, bylines, captions, credits and teasers are recognised as such."""
    assert boilerplate_reason(line), line


@pytest.mark.parametrize("line", NOT_BOILERPLATE)
def test_body_text_is_not_boilerplate(line: str) -> None:
    """Body sentences that merely share words with boilerplate stay body."""
    assert boilerplate_reason(line) == "", line


def test_video_block_after_a_teaser() -> None:
    """A teaser, the video title after it and a presenter's summary are boilerplate; the
    story resumes right after."""
    blocks = [
        Block("Markets tumble as rate fears grow"),
        Block("Stocks fell for a fifth day on Friday as investors weighed new data."),
        Block("WATCH | How rate rises reach your mortgage:"),
        Block("Why your mortgage costs more this year"),
        Block("Rising rates hit borrowers hard. Our reporter Sam Lee explains what is changing."),
        Block("The central bank meets again next month."),
    ]
    assert assign_roles(blocks) == [
        "headline",
        "body",
        "boilerplate",
        "boilerplate",
        "boilerplate",
        "body",
    ]


def test_crosshead_needs_text_after_it() -> None:
    """A short unpunctuated line mid-article is a subheading; at the end it is a footer."""
    blocks = [
        Block("Summit ends without a deal"),
        Block("Leaders left the summit on Friday without agreeing on a statement."),
        Block("Sticking points"),
        Block("Diplomats said the talks stalled over trade and borders."),
        Block("More on this story"),
    ]
    assert assign_roles(blocks) == ["headline", "body", "subheading", "body", "boilerplate"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong-un", "Kim Jong Un"),
        ("“fiery friendship”", '"Fiery Friendship"'),
        ("Russia’s war", "Russia's war"),
        ("2000 — the last visit", "2000 - the last visit"),
        ("ﬁrst", "first"),
    ],
)
def test_normalize_for_match(a: str, b: str) -> None:
    """Spellings that differ only in quotes, dashes, case or hyphenated names compare equal."""
    assert normalize_for_match(a) == normalize_for_match(b)


def test_outlet_evidence_order() -> None:
    """A wire named by "told" beats a programme; a programme beats another outlet's interview."""

    def outlet(*lines: str) -> str:
        article = article_from_text("\n".join(lines) + "\n", article_id="x", path="x.txt")
        assert article is not None
        return article.outlet

    interview = "The minister told CNN on Sunday that talks would resume."
    wire = "“It is a setback,” an analyst told Reuters."
    teaser = ("WATCH | The week in review:", "Inside the talks | Power & Politics")
    body = "Negotiators met again on Monday in the capital."
    assert outlet("Talks resume", body, interview, *teaser, body) == "CBC News"
    assert outlet("Talks resume", body, wire, *teaser, body) == "Reuters"
    assert outlet("Talks resume", body, interview, body) == "CNN"
    assert outlet("Talks resume", body, body) == "x"


def test_a_block_too_long_for_a_paragraph_is_cut_at_sentence_ends() -> None:
    """Pieces end where a sentence does; a sentence longer than a piece is cut at a space,
    a run with no space at the piece's length; no character but spaces is lost."""
    sentences = " ".join(f"Sentence {k} says that the {k}th count was {k * 3}." for k in range(400))
    cut = pieces(sentences)
    assert len(cut) > 1 and all(len(p) <= PIECE and p.endswith(".") for p in cut)
    assert " ".join(cut) == sentences
    words = "word " * 1_000
    assert all(len(p) <= PIECE and not p.endswith("wor") for p in pieces(words))
    assert " ".join(pieces(words)) == words.strip()
    assert [len(p) for p in pieces("x" * 4_000)] == [PIECE, PIECE, 1_000]


def test_only_long_blocks_are_cut_and_a_cut_heading_is_plain_text() -> None:
    short = [Block("A headline", "h1"), Block("A short paragraph.")]
    assert split_long(short) == (short, 0)
    long = Block("The minister spoke again. " * (LONG_PARAGRAPH // 20), "heading")
    blocks, cut = split_long([*short, long, Block("After.", "quote")])
    assert cut == 1
    assert blocks[:2] == short and blocks[-1] == Block("After.", "quote")
    middle = blocks[2:-1]
    assert len(middle) > 2 and {b.hint for b in middle} == {""}
