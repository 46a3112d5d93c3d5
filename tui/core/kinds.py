"""What kind of input a name is: a web address, a saved page, a feed, or else a text file.

Kept apart from the readers themselves (`web.py`, `html.py`, `feeds.py`) and free of imports,
so that telling them apart loads no parser: a story of text files never needs one.
"""

from __future__ import annotations

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".rdf"})
WEB_SUFFIXES = HTML_SUFFIXES | FEED_SUFFIXES
"""File suffixes read as a page or a feed (`web.py`) rather than as text."""


def is_url(text: str) -> bool:
    """Whether a command-line argument names a web address rather than a file."""
    lowered = text[:8].lower()
    return lowered.startswith(("http://", "https://"))
