"""Text hygiene: article text is untrusted and ends up on a terminal.

`clean_text` runs on everything read from a file or the network, before any other code
sees it: Unicode NFC, terminal escape sequences (CSI, OSC, DCS, SOS, PM, APC) removed whole,
every other control character (C0, C1, DEL) and bidirectional override removed.
Tabs become spaces; line breaks are kept for the segmenter.
"""

from __future__ import annotations

import re
import unicodedata

# ESC [ ... final byte; ESC ] ... (BEL | ESC \); ESC P/X/^/_ ... ESC \; lone two-byte ESC sequences.
# The 8-bit forms (U+009B CSI, U+009D OSC, U+0090 DCS ...) are matched the same way.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 except \n, C1, DEL, and the bidirectional controls that reorder what a terminal shows.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def clean_text(text: str) -> str:
    """Return `text` safe to show on a terminal, in NFC, with line breaks kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)
