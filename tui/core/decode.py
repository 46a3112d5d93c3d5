"""Bytes → text: the one place where the encoding of a file is decided.

Order of evidence: a byte-order mark; the NUL pattern of BOM-less UTF-16; strict UTF-8
(nearly every article); UTF-8 with a few bad bytes replaced (a mostly-UTF-8 file must not be
re-read as mojibake); only then charset-normalizer, imported lazily because it costs import
time that the common case never needs; when it finds nothing, mostly-ASCII bytes are read as
Windows-1252. Text that still reads as control characters is refused as binary.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Formats people drop into a folder by mistake; named so the message says what the file is.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/ODF document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)

# Control characters other than line breaks and tabs, and the replacement character.
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
_MAX_UNREADABLE = 0.05
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_MAX_NON_ASCII = 0.25
"""Most of a Western text's bytes are ASCII: French or German prose has under a tenth outside it."""
_SAMPLE = 64 * 1024
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


class NotText(ValueError):
    """The bytes are not an article's text; the message says why, for the user."""


@dataclass(frozen=True)
class Decoded:
    """Text and how it was read."""

    text: str
    encoding: str
    note: str = ""
    """A one-line remark worth showing the user (a guessed encoding, replaced bytes)."""


def decode_bytes(raw: bytes) -> Decoded:
    """Decode a file's bytes, or raise `NotText` with a reason naming what is wrong."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(raw[len(bom) :].decode(encoding, errors="replace"), encoding, "")
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise NotText(f"binary file ({what}), not an article")
    if b"\x00" in raw[:_SAMPLE]:
        encoding = _utf16_without_bom(raw)
        if encoding is None:
            raise NotText("binary file, not an article")
        text = raw.decode(encoding, errors="replace")
        return _checked(text, encoding, f"no byte-order mark; read as {encoding.upper()}")
    try:
        return _checked(raw.decode("utf-8"), "utf-8", "")
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - bad
    if good >= 2 * bad:
        return _checked(text, "utf-8", f"invalid UTF-8: {bad} bad byte sequence(s) replaced")
    return _guess(raw)


def _guess(raw: bytes) -> Decoded:
    """charset-normalizer's best guess; on a tie, Windows-1252 (the common Western one)."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        # charset-normalizer gives up on a short Western text with a stray control character (a
        # pasted terminal escape); such bytes are still Windows-1252 text when every byte is
        # defined there, most are ASCII (as in any Western language; not in random bytes) and
        # few are controls (`_checked`; the cleaner drops the escapes).
        sample = raw[:_SAMPLE]
        if sum(b >= 0x80 for b in sample) <= _MAX_NON_ASCII * len(sample):
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                pass
            else:
                return _checked(text, "cp1252", "not UTF-8; read as cp1252 (guessed)")
        raise NotText("binary file or unknown encoding, not an article")
    best = matches[0]
    for match in matches:
        tied = match.chaos <= best.chaos + 0.01 and match.coherence >= best.coherence - 0.01
        if tied and match.encoding in _WESTERN:
            best = match
            break
    return _checked(str(best), best.encoding, f"not UTF-8; read as {best.encoding} (guessed)")


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 of mostly Latin text has a NUL in every other byte, on one side only."""
    sample = raw[: _SAMPLE - (_SAMPLE % 2)]
    if len(sample) < 4 or len(raw) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.02:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.02:
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str, note: str) -> Decoded:
    """Refuse text that is mostly control characters: it was binary after all."""
    if text:
        unreadable = len(_UNREADABLE.findall(text[:_SAMPLE]))
        if unreadable > _MAX_UNREADABLE * min(len(text), _SAMPLE):
            raise NotText("binary file, not an article")
    return Decoded(text, encoding, note)
