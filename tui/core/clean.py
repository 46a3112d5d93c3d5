"""Text hygiene: article text is untrusted and ends up on a terminal.

`clean_text` runs on everything read from a file or the network, before any other code
sees it: Unicode NFC, terminal escape sequences (CSI, OSC, DCS, SOS, PM, APC) removed whole,
every other control character (C0, C1, DEL) and bidirectional override removed.
Tabs become spaces; line breaks (including NEL, U+2028 and U+2029) become `\\n` and are kept
for the segmenter. Typographic quotes and dashes are kept: they are normalised only for
matching (`segment.normalize_for_match`).

An unterminated string sequence (OSC, DCS, ...) is cut at the end of its line, so one stray
ESC cannot swallow the rest of an article. Every pattern is linear: a 1 MB line is cheap.
"""

from __future__ import annotations

import re
import unicodedata

# ESC [ ... final byte; ESC ] ... (BEL | ESC \); ESC P/X/^/_ ... ESC \; lone two-byte ESC sequences.
# The 8-bit forms (U+009B CSI, U+009D OSC, U+0090 DCS, U+0098 SOS, U+009E PM, U+009F APC).
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 except \n, C1, DEL, the bidirectional controls that reorder what a terminal shows,
# and the byte-order mark used as a zero-width space.
_CONTROLS = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]"
)
_LINE_BREAKS = re.compile(r"\r\n?|[\x85\u2028\u2029\x0b\x0c]")


def clean_text(text: str) -> str:
    """Return `text` safe to show on a terminal, in NFC, with line breaks kept as `\\n`."""
    text = _LINE_BREAKS.sub("\n", text).replace("\t", " ")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)


def safe_name(name: str) -> str:
    """A file name fit for a message: undecodable bytes and control characters become `?`.

    Names come from `os.fsdecode`, which keeps undecodable bytes as lone surrogates; those
    cannot be printed or written as UTF-8, so they are replaced here.
    """
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    name = _ESCAPES.sub("?", name)
    return _CONTROLS.sub("?", name.replace("\n", "?").replace("\t", "?"))
