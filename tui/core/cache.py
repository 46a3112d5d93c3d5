"""The alignment cache: a story aligned once is not aligned again.

An entry is keyed by everything the alignment depends on: the story's content (article
ids, outlets, titles, paragraph roles and texts), the matcher's version, the parameters
it ran with (thresholds) and a fingerprint of the core's source files, so a changed
matcher never serves a stale alignment even when nobody bumped a version. Entries live
in the user's cache directory, one file each; the newest `MAX_ENTRIES` are kept.

Writes are atomic (a temporary file in the same folder, then a rename), so a reader
killed mid-write leaves either the old entry or none. An entry is a header, a SHA-256
of the payload and a pickle; a file that is truncated, altered, of another format or
for another key is ignored (and rewritten by the next store). Pickle is used because
it is the fastest way back to the frozen dataclasses; the folder is the user's own,
as trusted as their config.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from tui.core.model import Alignment, Story

CACHE_FORMAT = "1"
"""Bump when the file layout below changes."""
MAX_ENTRIES = 64
"""How many stories' alignments are kept; the least recently used go first."""
STALE_TEMPORARY = 3600.0
"""Seconds after which a temporary file is taken for a killed writer's leftover."""
_MAGIC = b"samefact-alignment " + CACHE_FORMAT.encode() + b"\n"
_DIGEST = 32


def cache_dir() -> Path:
    """The folder of alignment entries under the platform's user cache directory."""
    from platformdirs import user_cache_path

    return user_cache_path("samefact") / "alignments"


def engine_version() -> str:
    """The matcher's declared `ENGINE_VERSION`, or the package version when it has none."""
    from tui import __version__
    from tui.core import align

    declared = getattr(align, "ENGINE_VERSION", None)
    return str(declared) if declared else f"samefact-{__version__}"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the core's Python sources: any change to the matcher makes new keys."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def alignment_key(story: Story, params: str = "") -> str:
    """The cache key of `story` aligned with `params` by this version of the matcher."""
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, engine_version(), code_fingerprint(), params):
        digest.update(part.encode() + b"\0")
    for article in story.articles:
        digest.update(f"\x1e{article.id}\0{article.outlet}\0{article.title}".encode())
        for paragraph in article.paragraphs:
            digest.update(f"\x1f{paragraph.n}\0{paragraph.role}\0{paragraph.text}".encode())
    return digest.hexdigest()


def load_alignment(story: Story, params: str = "", folder: Path | None = None) -> Alignment | None:
    """The cached alignment of `story`, or None on a miss or an unusable entry."""
    key = alignment_key(story, params)
    path = (cache_dir() if folder is None else folder) / f"{key[:40]}.pickle"
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    data = _unpack(blob)
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    alignment = data.get("alignment")
    if not isinstance(alignment, Alignment):
        return None
    object.__setattr__(alignment, "story", story)  # works whether Alignment is frozen or not
    _touch(path)
    return alignment


def store_alignment(alignment: Alignment, params: str = "", folder: Path | None = None) -> bool:
    """Write the entry for `alignment.story` atomically; False when it could not be written."""
    key = alignment_key(alignment.story, params)
    folder = cache_dir() if folder is None else folder
    # The whole object, lookup tables included, so a hit skips rebuilding them; the story
    # is left out (the caller has it already) and put back on load.
    detached = copy.copy(alignment)
    object.__setattr__(detached, "story", Story(()))
    with _no_gc():
        payload = pickle.dumps(
            {"key": key, "alignment": detached}, protocol=pickle.HIGHEST_PROTOCOL
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomic(
            folder / f"{key[:40]}.pickle", _MAGIC + hashlib.sha256(payload).digest() + payload
        )
    except OSError:
        return False
    _evict(folder)
    return True


def cached_alignment(
    story: Story,
    compute: Callable[[Story], Alignment],
    params: str = "",
    folder: Path | None = None,
) -> tuple[Alignment, bool]:
    """The alignment of `story` from the cache, or computed and stored.

    Returns:
        The alignment and whether it came from the cache.
    """
    found = load_alignment(story, params, folder)
    if found is not None:
        return found, True
    alignment = compute(story)
    store_alignment(alignment, params, folder)
    return alignment, False


def _unpack(blob: bytes) -> Any:
    """The pickled data of an entry, or None when the entry is damaged or foreign."""
    if not blob.startswith(_MAGIC):
        return None
    digest, payload = blob[len(_MAGIC) : len(_MAGIC) + _DIGEST], blob[len(_MAGIC) + _DIGEST :]
    if hashlib.sha256(payload).digest() != digest:
        return None
    try:
        with _no_gc():
            return pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cycle collector while tens of thousands of objects are made at once.

    Every few hundred new objects would otherwise start a collection that walks all of
    them again: for a 200-article story that made unpickling ~8 times slower.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _write_atomic(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _touch(path: Path) -> None:
    """Mark an entry as recently used, so eviction keeps it."""
    # A read-only cache still serves hits; it just cannot reorder them.
    with contextlib.suppress(OSError):
        os.utime(path)


def _evict(folder: Path) -> None:
    """Keep the newest `MAX_ENTRIES` entries; drop temporary files that killed writers left."""
    try:
        now = time.time()
        for path in folder.glob(".tmp-*"):
            if now - path.stat().st_mtime > STALE_TEMPORARY:
                path.unlink(missing_ok=True)
        entries = [p for p in folder.glob("*.pickle") if not p.name.startswith(".")]
        entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for path in entries[MAX_ENTRIES:]:
            path.unlink(missing_ok=True)
    except OSError:
        return  # another reader removed a file first; its own eviction finishes the job
