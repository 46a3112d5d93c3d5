"""What each paragraph is for: headline, subheading, body or boilerplate.

The rules describe kinds of text that news sites put around an article, never the sentences
of one site: syndication and site footers, share and follow prompts, newsletter sign-ups,
bylines and date lines, photo captions and credits, image alt text, and video teasers (a
"WATCH |" line, the video's title after it, and a presenter's summary after that). They
must hold on sites never seen, so each pattern is a shape, and each is tested on lines
written in other sites' styles.

Boilerplate is kept for display (dimmed) but never aligned. Subheadings (crossheads) are
short lines without final punctuation followed by more body text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.core.outlet import WIRES
from tui.core.segment import Block

_I = re.IGNORECASE

# Checked on the line with leading symbols (emoji, bullets, dashes) removed.
_FOOTER = re.compile(
    r"(?:source(?: link)?|leave a (?:reply|comment)|post a comment|(?:\d+ )?comments?(?: \(\d+\))?"
    r"|back to top|(?:scroll|return|go) (?:back )?to top|advertisement|advertising|sponsored"
    r"(?: content)?|(?:story|article) continues below(?: advertisement)?|related(?: articles"
    r"| stories| posts| coverage| content| news)?|recommended(?: for you)?|trending(?: now)?"
    r"|most (?:read|popular|viewed)|you may also like|share(?: this)?(?: article| story)?"
    r"|like this|loading|tags?|topics?|categories|filed under|print|email|tweet"
    r"|ad feedback|skip (?:ad|advert)|top of (?:the )?page|\d+\s*-?\s*min(?:ute)?s? read"
    r"|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?(?:\d{1,2}(?:st|nd|rd|th)? )?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (?:\d{1,2}(?:st|nd|rd|th)?,? )?"
    r"\d{4}(?:,? (?:at )?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?: [A-Z]{2,4})?)?)\W*",
    _I,
)
_FOOTER_PREFIX = re.compile(
    r"(?:the post .{1,300} appeared first on\b"
    r"|this (?:article|story|post|piece|report|content) (?:is|was) (?:written|produced"
    r"|published|originally published|first published|republished|reported|brought to you"
    r"|provided|created)\b"
    r"|(?:originally|first) (?:published|appeared|posted) (?:on|in|at|by)\b"
    r"|(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))"
    r"|(?:tags|topics|categories|filed under|related|source|via)\s*:"
    r"|.{0,120}\ball rights reserved\b"
    r"|read (?:more|the full|full|next|also|the original)\b|also read\b|see also\b"
    r"|continue reading\b|more (?:from|on|about|stories|news)\b.{0,60}$"
    r"|advertisement\b.{0,40}$|(?:story|article) continues\b|click to\b"
    r"|print (?:this|the) (?:article|story|page)|listen to (?:this|the) (?:article|story)"
    r"|join (?:us|our)\b.{0,60}\b(?:channel|community|whatsapp|telegram|newsletter)"
    r"|.{0,100}\bfollow us on\b.{0,100}$|disclaimer\s*:|the views (?:and opinions )?expressed\b"
    r"|(?:featured|header|top|cover|main|lead) (?:image|photo)\b|media caption\b"
    r"|share (?:this|on|via|the|article|story)\b|follow (?:us|@\w+|\S.{0,60}? on "
    r"(?:twitter|x|facebook|instagram|tiktok|threads|bluesky|linkedin|youtube|whatsapp))"
    r"|(?:sign up|subscribe)\b.{0,200}$|.{0,120}\bnewsletters?\b.{0,120}(?:sign|subscri|inbox)"
    r"|get (?:our|the) .{0,60}\b(?:newsletter|app)\b|download (?:our|the) .{0,30}app\b"
    r"|click here\b|(?:additional )?reporting by\b|(?:writing|editing|compiled|edited) by\b"
    r"|with (?:files|reporting) from\b|contact (?:the )?(?:author|reporter|us)\b"
    r"|(?:published|updated|posted|last updated|last modified)(?: on| at)?\s*:?\s*"
    r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
    r"[a-z]*\b|yesterday|today|\w+ (?:minutes?|hours?|days?) ago)"
    r"|image (?:caption|source|copyright)\b|(?:photo|image|picture|video|graphic|illustration"
    r"|photograph|file photo|credit|photo credit)s?\s*[:|])",
    _I,
)
# "By Jane Doe", "By JANE DOE and John Roe, Reuters": every name word capitalised.
_BYLINE = re.compile(
    r"(?:By|BY)\s*:?\s+[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|van|de|der|von|da|and|&)){0,6}"
    r"(?:,? (?:[A-Z]|in |for ).{0,40})?"
)
# "Home » World » Asia", "News > Politics > Story title"
_BREADCRUMB = re.compile(r"(?:[^»›>\n]{1,40}\s[»›>]\s){2,}[^»›>\n]{1,80}")
_TEASER = re.compile(
    r"(?:WATCH|LISTEN|VIDEO|AUDIO|PHOTOS|GALLERY|LIVE|IN PICTURES)\b"
    r"|(?i:watch|listen|video|audio|photos|gallery)\s*(?:\||:|l\s)",
)
_SOCIAL = re.compile(
    r"(?:(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|print"
    r"|copy link|share|tweet|messenger|flipboard)\W*){2,}",
    _I,
)
# A caption ends with a credit: "(Name/Agency)", "(AP Photo/Name)", "Photo: Name", "Getty Images".
_CREDIT = re.compile(
    r"(?:\((?=[^()]* )(?:[A-Z][\w.'’& -]{0,60}/)+[A-Z][\w.'’& -]{0,60}\)"
    r"|\((?:[^()]{0,60}\b)?(?:Getty Images|Shutterstock|Alamy|AP Photo|Reuters|AFP|EPA|Pool"
    r"|Handout|File Photo|Photo|Photograph|Image|Images)\)"
    r"|\b(?i:photo|photograph|image|picture)(?: credit)?\s*:\s*[^.]{2,60}"
    r"|(?:[|/]\s*)?\b(?:Getty Images|Shutterstock|Alamy Stock Photo|AFP via Getty Images))\s*$",
)
_CAPTION_START = re.compile(
    r"(?:in )?(?:this|these) (?:\w+ )?(?:photo|photograph|image|picture|handout|file photo"
    r"|video grab|still|frame|screenshot|satellite image)s?\b",
    _I,
)
# Alt text describes a picture: "An older man in a suit is shown ...", "People are seen ...".
_ALT_TEXT = re.compile(
    r"(?:^|[.!?]\s+)(?:An?|Two|Three|Four|Several|Many|Some|People|Men|Women|Children)\b"
    r"[^.!?]{0,200}?\b(?:is|are) (?:shown|pictured|seen)\b(?!\s+(?:as|to|by)\b)"
    r"|\b(?:is|are) (?:shown|pictured) in (?:a|an|this)\b[^.!?]{0,30}\b(?:photo|image|picture)",
)
_PRESENTER = re.compile(
    r"\b(?:explains|breaks down|looks at|takes a look|examines|speaks (?:with|to)"
    r"|talks (?:with|to)|digs into|unpacks|walks (?:us )?through|reports on)\b"
    r"|\b(?:in )?this (?:video|episode|segment|clip)\b",
    _I,
)
_LEAD = re.compile(r"^[\W_]+")
_TWO_SENTENCES = re.compile(r"[a-z]{3}[.!?][\"'”’]? [\"'“‘]?[A-Z]")
_CLOSERS = "\"'”’»)] 」』）"
_MAX_BOILERPLATE = 600
_MAX_SUBHEAD = 90


_STOPS = ".…。．।"
"""Marks that end a statement (Latin, Chinese and Japanese, Devanagari)."""
_CALLS = "!?！？؟"
"""Marks that end a question or an exclamation (Latin, full-width, Arabic)."""


def ends_sentence(text: str) -> bool:
    """Whether the text ends with sentence punctuation (closing quotes skipped)."""
    last = text.rstrip(_CLOSERS)[-1:]
    return bool(last) and last in _STOPS + _CALLS


def is_headline(text: str) -> bool:
    """Whether an article's first line is a headline rather than a lede sentence.

    A headline stops without a period, is short, and is one sentence; a lede is a full
    sentence (or more) ending with one. A question or exclamation can be a headline.
    """
    stripped = text.rstrip(_CLOSERS)
    if not stripped or len(text) > 200:
        return False
    if stripped[-1] in _STOPS:
        return False
    if stripped[-1] in _CALLS:
        return len(text) <= 120
    if _TWO_SENTENCES.search(text) and not title_case(text):
        return False
    return len(text) <= 160 or text.istitle()


def title_case(text: str) -> bool:
    """Most words capitalised, as in "2 Dead, 1 Wounded in Shooting at NE Phila. Kraft Plant"."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def boilerplate_reason(text: str) -> str:
    """Why a paragraph is boilerplate on its own, or "" when it is not."""
    if len(text) > _MAX_BOILERPLATE:
        return ""
    core = _LEAD.sub("", text)
    if not core:
        return "no words"
    if _FOOTER.fullmatch(core):
        return "site footer"
    if _FOOTER_PREFIX.match(core):
        return "site footer, credit or prompt"
    if len(core) <= 100 and _BYLINE.fullmatch(core):
        return "byline"
    if _TEASER.match(core):
        return "video or audio teaser"
    if _SOCIAL.fullmatch(core):
        return "share buttons"
    if _BREADCRUMB.fullmatch(core):
        return "breadcrumb"
    if core.strip(" .") in WIRES:
        return "wire credit"
    if _CREDIT.search(text) or _CAPTION_START.match(core):
        return "photo caption or credit"
    if _ALT_TEXT.search(text) and not _quotes_someone(text):
        return "image description"
    return ""


def _quotes_someone(text: str) -> bool:
    return bool(re.search(r"[“”\"]|\b(?:said|says|told)\b", text))


def _is_title_line(text: str) -> bool:
    return len(text) <= 140 and not ends_sentence(text) and not text.endswith(":")


def assign_roles(blocks: Sequence[Block]) -> list[str]:
    """The role of every block, in order (the first may be the headline)."""
    roles = ["body"] * len(blocks)
    has_h1 = any(b.hint == "h1" for b in blocks)
    h1_seen = False
    for i, block in enumerate(blocks):
        if block.hint == "h1" and not h1_seen:
            roles[i], h1_seen = "headline", True
        elif block.hint in ("h1", "heading"):
            roles[i] = "subheading"
        elif block.hint == "image" or boilerplate_reason(block.text):
            roles[i] = "boilerplate"
    opens_with_title = blocks and (blocks[0].hint == "heading" or is_headline(blocks[0].text))
    if not has_h1 and opens_with_title and roles[0] in ("body", "subheading"):
        roles[0] = "headline"
    _mark_video_blocks(blocks, roles)
    _mark_crossheads(blocks, roles)
    return roles


def _mark_video_blocks(blocks: Sequence[Block], roles: list[str]) -> None:
    """After a teaser: the video's title, then a presenter's summary of it, are boilerplate."""
    for i, block in enumerate(blocks):
        text = block.text
        if roles[i] == "body" and " | " in text and _is_title_line(text) and i:
            roles[i] = "boilerplate"  # "Video title | Programme name"
        if roles[i] != "boilerplate" or not _TEASER.match(_LEAD.sub("", text)):
            continue
        title, summary = i + 1, i + 2
        if title < len(blocks) and roles[title] in ("body", "subheading"):
            if not _is_title_line(blocks[title].text):
                continue
            roles[title] = "boilerplate"
            if summary < len(blocks) and roles[summary] == "body" and _is_summary(blocks[summary]):
                roles[summary] = "boilerplate"


def _is_summary(block: Block) -> bool:
    """A presenter's summary of a video: "Jane Doe explains how ..."."""
    return len(block.text) <= _MAX_BOILERPLATE and bool(_PRESENTER.search(block.text))


def _mark_crossheads(blocks: Sequence[Block], roles: list[str]) -> None:
    """Short unpunctuated lines between body paragraphs are crossheads.

    Such a line after the last body paragraph is a footer ("Related", "More on this"),
    not a crosshead: a crosshead introduces text.
    """
    last_body = max((i for i, r in enumerate(roles) if r == "body"), default=-1)
    for i in range(1, len(blocks)):
        text = blocks[i].text
        if roles[i] != "body" or blocks[i].hint in ("quote", "item"):
            continue
        if len(text) > _MAX_SUBHEAD or ends_sentence(text) or text.rstrip()[-1:] in ":;,":
            continue
        if len(text.split()) > 14:
            continue
        roles[i] = "subheading" if i < last_body else "boilerplate"
