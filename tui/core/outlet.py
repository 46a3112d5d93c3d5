"""Who published an article, why we think so, and its title.

Evidence, strongest first: front matter (`outlet`, then the `url`'s host); a site footer
naming the site ("The post … appeared first on X.", "This article is written by the team
of X."); a wire dateline ("SEOUL (Reuters) —"); a copyright line ("© 2024 X"); "told X" where X
is a wire agency; a video programme a news organisation is known for, in a video title
("… | The National"); "told X" where X is another news organisation; and last the file name.

The known names below are general knowledge about major news organisations, kept small on
purpose; they are never the words of one story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from tui.core.model import Paragraph

WIRES = {
    "AFP": "AFP",
    "Agence France-Presse": "AFP",
    "Agence France Presse": "AFP",
    "Reuters": "Reuters",
    "AP": "The Associated Press",
    "Associated Press": "The Associated Press",
    "The Associated Press": "The Associated Press",
    "Bloomberg": "Bloomberg",
    "Xinhua": "Xinhua",
    "Yonhap": "Yonhap",
    "Kyodo": "Kyodo",
    "dpa": "dpa",
    "UPI": "UPI",
    "The Canadian Press": "The Canadian Press",
    "Canadian Press": "The Canadian Press",
    "PA Media": "PA Media",
    "ANI": "ANI",
    "PTI": "PTI",
    "TASS": "TASS",
    "Tass": "TASS",
    "Interfax": "Interfax",
}
"""News agencies: "told AFP" in a wire story names the wire."""

OUTLETS = (
    "BBC", "BBC News", "CNN", "CBC", "CBC News", "NBC News", "CBS News", "ABC News", "Fox News",
    "Sky News", "NPR", "PBS", "Politico", "Axios", "Al Jazeera", "Euronews", "Deutsche Welle",
    "DW", "France 24", "NHK", "CTV News", "Global News", "The Guardian", "The Independent",
    "The Times", "The Telegraph", "Financial Times", "The Economist", "The New York Times",
    "The Washington Post", "The Wall Street Journal", "USA Today", "Los Angeles Times",
    "The Atlantic", "Newsweek", "Time", "Der Spiegel", "Le Monde", "The Korea Herald",
    "The Korea Times", "The Japan Times", "South China Morning Post", "The Moscow Times",
)  # fmt: skip
"""Major news organisations, for "told X" and footers when the name has no telling word."""

PROGRAMMES = {
    "About That": "CBC News",
    "The National": "CBC News",
    "Power & Politics": "CBC News",
    "As It Happens": "CBC News",
    "Front Burner": "CBC News",
    "Newsnight": "BBC News",
    "Panorama": "BBC News",
    "BBC Verify": "BBC News",
    "PBS NewsHour": "PBS",
    "Frontline": "PBS",
    "60 Minutes": "CBS News",
    "Face the Nation": "CBS News",
    "Meet the Press": "NBC News",
    "NBC Nightly News": "NBC News",
    "Good Morning America": "ABC News",
    "World News Tonight": "ABC News",
    "Anderson Cooper 360": "CNN",
    "The Situation Room": "CNN",
    "Morning Edition": "NPR",
    "All Things Considered": "NPR",
    "The Daily": "The New York Times",
    "Today in Focus": "The Guardian",
    "Inside Story": "Al Jazeera",
    "The Listening Post": "Al Jazeera",
    "CTV National News": "CTV News",
    "W5": "CTV News",
}
"""Video and radio programmes that name their news organisation, as in "Title | Programme"."""

_KNOWN = {**{name: name for name in OUTLETS}, **WIRES}
_OUTLET_WORDS = re.compile(
    r"\b(?:News|Times|Post|Journal|Herald|Tribune|Guardian|Telegraph|Independent|Press|Agency"
    r"|Radio|TV|Television|Gazette|Observer|Chronicle|Daily|Magazine|Wire|Star|Sun|Mail"
    r"|Express|Mirror|Standard|Review|Report|Monitor|Insider)$"
)
_SYNDICATION = re.compile(r"The post (?P<title>.+) appeared first on (?P<outlet>.+?)\.?\s*$", re.I)
_WRITTEN_BY = re.compile(
    r"(?:this (?:article|story|post|piece) (?:is|was) (?:written|produced|published|originally "
    r"published|first published|republished|brought to you) by"
    r"|(?:originally|first) (?:published|appeared|posted) (?:on|in|by|at))\s+"
    r"(?P<team>the (?:team|staff|editors|newsroom) (?:of|at) )?(?P<outlet>[^.]{2,80}?)\.?\s*$",
    re.I,
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<outlet>[^.|,©]{2,60}?)\s*(?:[.,|]|all rights reserved|$)",
    re.I,
)
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{1,40}\((?P<outlet>[A-Za-z][\w .-]{1,30})\)\s*[-—–]")
_TOLD = re.compile(r"\btold (?P<name>(?:[Tt]he )?[A-Z][\w&.'’-]*(?: [A-Z&][\w&.'’-]*){0,6})")
_LEAD = re.compile(r"^[\W_]+")
_MAX_FOOTER = 600


def find_outlet(
    paragraphs: Sequence[Paragraph], meta: dict[str, str], file_stem: str
) -> tuple[str, str]:
    """(outlet, evidence): the evidence is one short line a reader can check."""
    if meta.get("outlet"):
        return meta["outlet"], "front matter 'outlet'"
    if meta.get("url"):
        host = urlsplit(meta["url"]).hostname or ""
        if host:
            return host.removeprefix("www."), "host of the front-matter 'url'"
    for finder in (_footer, _dateline, _copyright, _told_wire, _programme, _told):
        found = finder(paragraphs)
        if found:
            return found
    return file_stem, "file name (no outlet named in the text)"


def _footer(paragraphs: Sequence[Paragraph]) -> tuple[str, str] | None:
    for p in reversed(paragraphs):
        if len(p.text) > _MAX_FOOTER:
            continue
        core = _LEAD.sub("", p.text)
        match = _SYNDICATION.match(core)
        if match:
            outlet = match["outlet"].strip()
            return outlet, f"syndication footer ¶{p.n + 1}: “… appeared first on {outlet}.”"
        match = _WRITTEN_BY.match(core)
        if match and (match["team"] or _looks_like_outlet(match["outlet"])):
            outlet = _canonical(match["outlet"].strip()) or match["outlet"].strip()
            return outlet, f"site footer ¶{p.n + 1}: “{_clip(core, 60)}”"
    return None


def _dateline(paragraphs: Sequence[Paragraph]) -> tuple[str, str] | None:
    for p in paragraphs[:3]:
        match = _DATELINE.match(p.text)
        if match and match["outlet"].strip() in WIRES:
            return WIRES[match["outlet"].strip()], f"wire dateline ¶{p.n + 1}"
    return None


def _copyright(paragraphs: Sequence[Paragraph]) -> tuple[str, str] | None:
    for p in reversed(paragraphs):
        if p.role != "boilerplate":
            continue
        match = _COPYRIGHT.match(_LEAD.sub("", p.text)) or _COPYRIGHT.match(p.text)
        if match and match["outlet"].strip():
            return match["outlet"].strip(), f"copyright line ¶{p.n + 1}"
    return None


def _told_wire(paragraphs: Sequence[Paragraph]) -> tuple[str, str] | None:
    """"told AFP": wire copy quotes its own agency as the one spoken to."""
    return _told(paragraphs, wires_only=True)


def _told(paragraphs: Sequence[Paragraph], wires_only: bool = False) -> tuple[str, str] | None:
    """"told X", most frequent X that is a news organisation; wire agencies first.

    Other outlets come last among the text's evidence: "the minister told CNN" in another
    outlet's report is a common way to cite an interview.
    """
    where: dict[str, list[int]] = {}
    said: dict[str, str] = {}
    for p in paragraphs:
        for match in _TOLD.finditer(p.text):
            outlet = _resolve(match["name"])
            if outlet and (outlet in WIRES.values() or not wires_only):
                where.setdefault(outlet, []).append(p.n)
                said.setdefault(outlet, _told_words(match[0], outlet))
    if not where:
        return None
    best = max(where, key=lambda name: (name in WIRES.values(), len(where[name])))
    paras = ", ".join(f"¶{n + 1}" for n in dict.fromkeys(where[best]))
    return best, f"“{said[best]}” in {paras}"


def _told_words(matched: str, outlet: str) -> str:
    """The words of the text up to the outlet's last word, e.g. "told the Los Angeles Times"."""
    last = outlet.split()[-1]
    end = matched.find(last)
    return matched[: end + len(last)] if end >= 0 else f"told {outlet}"


def _programme(paragraphs: Sequence[Paragraph]) -> tuple[str, str] | None:
    for p in paragraphs:
        if p.role != "boilerplate" or "|" not in p.text:
            continue
        label = p.text.rsplit("|", 1)[1].strip()
        if label in PROGRAMMES:
            outlet = PROGRAMMES[label]
            return outlet, f"video programme “{label}” ({outlet}) in ¶{p.n + 1}"
    return None


def _resolve(name: str) -> str:
    """The news organisation a "told …" name starts with, or ""."""
    words = re.sub(r"['’]s\b.*", "", name).split()
    words = [w.rstrip(".,;:") if w.count(".") <= 1 else w for w in words]
    if words and words[0] == "the":
        words[0] = "The"
    for end in range(len(words), 0, -1):
        prefix = " ".join(words[:end])
        known = _canonical(prefix)
        if known:
            return known
        if end > 1 and _OUTLET_WORDS.search(prefix):
            return prefix
    return ""


def _canonical(name: str) -> str:
    return _KNOWN.get(name) or _KNOWN.get(name.removeprefix("the ").removeprefix("The ")) or ""


def _looks_like_outlet(name: str) -> bool:
    return bool(_canonical(name) or _OUTLET_WORDS.search(name.strip()))


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


_SENTENCE = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGen)(?<!\bSen)(?<!\bRep)"
    r"(?<!\bGov)(?<!\bNo)[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])"
)


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence of a paragraph (abbreviations like "U.S." and "Mr." kept whole)."""
    match = _SENTENCE.search(text, 0, limit + 2)
    sentence = text[: match.end()].strip() if match else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def find_title(paragraphs: Sequence[Paragraph], meta: dict[str, str]) -> str:
    """Front-matter title, else the headline, else a syndication footer's, else the lede's."""
    if meta.get("title"):
        return meta["title"]
    for p in paragraphs:
        if p.role == "headline":
            return p.text
    for p in reversed(paragraphs):
        match = len(p.text) <= _MAX_FOOTER and _SYNDICATION.match(_LEAD.sub("", p.text))
        if match:
            return match["title"].strip()
    for p in paragraphs:
        if p.role == "body":
            return first_sentence(p.text)
    return paragraphs[0].text if paragraphs else ""
