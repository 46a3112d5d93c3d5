"""RSS and Atom feeds: each entry an article, from the feed's own text or from its link."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.webserver import FEEDS, PLACEHOLDER, LocalSite
from tui.core import load_story
from tui.core.feeds import FeedError, looks_like_feed, parse_feed


def _local_copy(site: LocalSite, name: str, folder: Path, rename: str = "") -> Path:
    """A saved feed whose links point at the local site (never at the internet)."""
    path = folder / (rename or name)
    path.write_bytes((FEEDS / name).read_bytes().replace(PLACEHOLDER, site.base.encode()))
    return path


def test_rss_file_entries_become_articles(site: LocalSite, tmp_path: Path) -> None:
    """Full text from content:encoded, else the linked page, else the summary (with a warning)."""
    story = load_story([_local_copy(site, "coastline.rss", tmp_path)])
    titles = [a.title for a in story.articles]
    assert titles == [
        "Storm Orla: what we know so far",
        "Kelby flooding: residents count the cost after sea wall fails",
        "Marsham bypass plans approved",
    ]
    known, fetched, summary = story.articles
    assert known.paragraphs[1].text.startswith("Storm Orla breached the harbour wall")
    assert [p.text for p in known.paragraphs if p.role == "subheading"] == ["Who was hurt?"]
    assert "Map of the flooded streets" not in " ".join(p.text for p in known.paragraphs)
    assert len(fetched.paragraphs) > 5  # the whole page, not the one-line description
    assert "Pensioner Derek Hollis, 74" in " ".join(p.text for p in fetched.paragraphs)
    assert [p.text for p in summary.paragraphs[1:]] == [
        "Plans for a bypass around Marsham were approved by the county council on Monday night."
    ]
    requested = sorted(path for path, _ in site.requests)  # fetched at once, in any order
    assert requested == ["/pages/coastline.html", "/pages/missing-page.html"]
    (problem,) = story.problems
    assert problem.path == site.url("pages/missing-page.html") and not problem.fatal
    assert problem.reason == "HTTP 404 Not Found; showing the feed's summary"


def test_rss_entry_metadata(site: LocalSite, tmp_path: Path) -> None:
    """Outlet from the feed title (numbered: every entry has it), author from dc:creator, date
    from pubDate, url from the link."""
    article = load_story([_local_copy(site, "coastline.rss", tmp_path)]).articles[0]
    assert (article.outlet, article.outlet_evidence) == (
        "Coastline Daily - Local news (1)",
        "feed title",
    )
    assert (article.author, article.date) == ("Tom Pike", "2024-11-12")
    assert article.url == f"{site.base}/storm-orla-what-we-know"
    assert article.id == "coastline-storm-orla-what-we-know-so-far"


def test_atom_feed_by_url(site: LocalSite) -> None:
    """An Atom feed by URL: html and xhtml content read as is; a summary-only entry fetched."""
    story = load_story([site.url("feeds/radio.atom")])
    assert story.problems == ()
    power, schools, lifeboat = story.articles
    assert power.author == "Gemma Lowe" and power.outlet == "Kelby Radio News (1)"
    assert power.paragraphs[1].text.startswith("About 8,000 homes")
    assert [p.text for p in schools.paragraphs[1:]] == [
        "All schools in Kelby are closed on Tuesday because of flooding.",
        "Marsham Academy is open but says pupils from Kelby should stay at home.",
    ]
    assert lifeboat.outlet == "Kelby Radio"  # the page states its site name
    assert "Helm Chris Oduya said" in " ".join(p.text for p in lifeboat.paragraphs)
    assert [path for path, _ in site.requests] == ["/feeds/radio.atom", "/pages/radio.html"]


def test_feed_entries_open_beside_pages(site: LocalSite) -> None:
    """A feed and pages on one command line make one story with unique ids."""
    story = load_story([site.url("feeds/radio.atom"), site.url("pages/radio.html")])
    ids = [a.id for a in story.articles]
    assert len(ids) == len(set(ids)) == 4


def test_feed_without_suffix_is_sniffed(site: LocalSite, tmp_path: Path) -> None:
    """A saved feed with no telling suffix is still read as a feed."""
    story = load_story([_local_copy(site, "radio.atom", tmp_path, rename="radio-feed")])
    assert len(story.articles) == 3


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    """An .xml file that is no feed is one problem naming it."""
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    story = load_story([path])
    assert [str(p) for p in story.problems] == [f"{path}: not an RSS or Atom feed"]


def test_parse_feed_never_opens_what_it_is_given(site: LocalSite) -> None:
    """Bytes that spell a URL or a file name are data, never fetched or opened."""
    for raw in (site.url("feeds/radio.atom").encode(), str(FEEDS / "radio.atom").encode()):
        with pytest.raises(FeedError):
            parse_feed(raw)
    assert site.requests == []


def test_looks_like_feed() -> None:
    """RSS, RDF and Atom roots are recognised; HTML is not."""
    assert looks_like_feed((FEEDS / "coastline.rss").read_bytes())
    assert looks_like_feed((FEEDS / "radio.atom").read_bytes())
    assert not looks_like_feed(b"<!doctype html><html><body><p>x</p></body></html>")


def test_stdin_feed(site: LocalSite, monkeypatch: pytest.MonkeyPatch) -> None:
    """`-` reads standard input, and a feed piped in is read as a feed."""
    data = (FEEDS / "radio.atom").read_bytes().replace(PLACEHOLDER, site.base.encode())
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    story = load_story(["-"])
    assert [a.title for a in story.articles][:2] == [
        "Thousands without power as Storm Orla batters the coast",
        "Schools closed across the district",
    ]


def test_long_feed_is_capped_with_a_note(tmp_path: Path) -> None:
    """A feed of hundreds of entries reads the first hundred and says so."""
    items = "".join(
        f"<item><title>Entry {n}</title><description>Text of entry {n}.</description></item>"
        for n in range(130)
    )
    path = tmp_path / "long.rss"
    path.write_text(f'<rss version="2.0"><channel><title>Long</title>{items}</channel></rss>')
    story = load_story([path])
    assert len(story.articles) == 100
    assert [(p.reason, p.fatal) for p in story.problems] == [
        ("feed has 130 entries; the first 100 are read", False)
    ]


def test_a_feed_entrys_code_embeds_and_forms_never_become_text(tmp_path: Path) -> None:
    """Entry HTML is read for its text only: scripts, styles, SVG, embeds and forms (which a
    browser sanitizer would strip) leave no paragraph and no word behind."""
    content = (
        "<p>The bridge reopened on Monday after repairs.</p>"
        "<script>document.write('tracker')</script><style>p { color: red }</style>"
        "<svg><text>chart label</text></svg><form><button>Subscribe now</button></form>"
        "<object><param name='x' value='y'>flash fallback</object>"
        "<p>Traffic was light in the morning.</p>"
    )
    path = tmp_path / "one.rss"
    path.write_text(
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Desk</title><item><title>Bridge reopens</title>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded></item></channel></rss>"
    )
    (article,) = load_story([path]).articles
    text = " ".join(p.text for p in article.paragraphs)
    assert [p.text for p in article.paragraphs[1:]] == [
        "The bridge reopened on Monday after repairs.",
        "Traffic was light in the morning.",
    ]
    for junk in ("tracker", "color", "chart", "Subscribe", "flash"):
        assert junk not in text


def test_only_the_entries_read_are_built_and_the_total_is_kept() -> None:
    items = "".join(f"<item><title>Entry {n}</title></item>" for n in range(30))
    feed = parse_feed(f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(), limit=5)
    assert [e.title for e in feed.entries] == [f"Entry {n}" for n in range(5)]
    assert feed.total == 30
