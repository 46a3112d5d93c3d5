"""Reading state: where the reader was in a story, kept between runs.

One SQLite file under the user's state directory holds, per story, the current article
and paragraph, the marks (`m`+letter) and the jump list. A story is known by its
*content* (`story_key`): a hash of its articles' texts, independent of their order, so a
renamed or moved folder still finds its state. An article is stored by the hash of its
text too, and mapped back to the current article id on load, so renamed files keep
their marks.

Why it survives `kill -9` and a dropped SSH connection: the database runs in WAL mode
and every move is one short autocommit statement, so a killed process loses at most
the move it was writing and never leaves a half-written database. `busy_timeout` lets
several readers of one story write at once without "database is locked" errors; marks
are stored one row per letter, so two readers setting different marks keep both.

A database that is corrupt or cannot be opened is renamed aside with a timestamp, a
warning says where it went, and a new one is made. Nothing here raises into the
reader: a failed write becomes a warning and the reader goes on.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.model import Article, Ref, Story

STATE_FILE = "state.sqlite3"
MAX_JUMPS = 100
"""The jump list keeps this many entries (the oldest are dropped)."""
BUSY_TIMEOUT_MS = 3000
"""How long a write waits for another reader's write to finish."""
KEEP_DAYS = 365
"""A story not read for this long is forgotten, so the file does not grow forever."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS place (
    story TEXT PRIMARY KEY, article TEXT NOT NULL, paragraph INTEGER NOT NULL,
    saved REAL NOT NULL);
CREATE TABLE IF NOT EXISTS mark (
    story TEXT NOT NULL, letter TEXT NOT NULL, article TEXT NOT NULL,
    paragraph INTEGER NOT NULL, PRIMARY KEY (story, letter));
CREATE TABLE IF NOT EXISTS jumps (
    story TEXT PRIMARY KEY, entries TEXT NOT NULL, cursor INTEGER NOT NULL);
"""
_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}


@dataclass(frozen=True)
class SavedState:
    """What was saved for a story, with article ids of the story as it is now."""

    place: Ref | None = None
    """The article and paragraph being read; None for a story never opened."""
    marks: dict[str, Ref] = field(default_factory=dict)
    """Mark letter → place."""
    jumps: tuple[Ref, ...] = ()
    """The jump list, oldest first."""
    jump_cursor: int = 0
    """Where in the jump list ctrl-o / ctrl-i stand (`len(jumps)` = at the newest end)."""


def article_key(article: Article) -> str:
    """A hash of an article's words, blind to how they are split into paragraphs.

    Whitespace is collapsed first, so a loader that splits paragraphs differently does
    not make a story a stranger.
    """
    words = " ".join(" ".join(p.text for p in article.paragraphs).split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:32]


def story_key(story: Story) -> str:
    """A hash of the story's content: the same articles in any order, under any names."""
    digest = hashlib.sha256()
    for key in sorted(article_key(article) for article in story.articles):
        digest.update(key.encode("ascii"))
    return digest.hexdigest()[:32]


def state_path() -> Path:
    """The database file under the platform's user state directory."""
    from platformdirs import user_state_path

    return user_state_path("samefact") / STATE_FILE


class StateStore:
    """The saved reading state of one story; every method is safe to call from any thread.

    Args:
        story: the story being read.
        path: the database file; `state_path()` when None.
    """

    def __init__(self, story: Story, path: Path | None = None) -> None:
        self.path = state_path() if path is None else path
        self.story = story_key(story)
        self.warnings: list[str] = []
        """Lines to show the user: a database moved aside, a write that failed."""
        self._key_of = {a.id: article_key(a) for a in story.articles}
        self._article_of: dict[str, Article] = {}
        for article in story.articles:
            self._article_of.setdefault(self._key_of[article.id], article)
        self._lock = threading.Lock()
        self._closed = False
        self._warned = False
        self._db = _open(self.path, self.warnings)
        self._prune()

    # --- reading ----------------------------------------------------------------------

    def load(self) -> SavedState:
        """The saved state of this story (empty when there is none or it cannot be read)."""
        try:
            with self._lock:
                place = self._db.execute(
                    "SELECT article, paragraph FROM place WHERE story = ?", (self.story,)
                ).fetchone()
                marks = self._db.execute(
                    "SELECT letter, article, paragraph FROM mark WHERE story = ?", (self.story,)
                ).fetchall()
                jumps = self._db.execute(
                    "SELECT entries, cursor FROM jumps WHERE story = ?", (self.story,)
                ).fetchone()
        except sqlite3.Error as error:
            self._warn(f"cannot read the saved reading state ({error})")
            return SavedState()
        return SavedState(
            place=self._ref(*place) if place else None,
            marks={letter: ref for letter, *saved in marks if (ref := self._ref(*saved))},
            **self._jumps(jumps),
        )

    def _ref(self, article_hash: str, paragraph: int) -> Ref | None:
        """A stored place as a `Ref` of the current story; clamped to the article's length."""
        article = self._article_of.get(article_hash)
        if article is None or not article.paragraphs:
            return None
        return Ref(article.id, max(0, min(int(paragraph), len(article.paragraphs) - 1)))

    def _jumps(self, row: tuple[str, int] | None) -> dict[str, object]:
        if row is None:
            return {}
        try:
            entries = json.loads(row[0])
            refs = [self._ref(str(a), int(p)) for a, p in entries]
        except (ValueError, TypeError):
            return {}
        kept = tuple(ref for ref in refs if ref is not None)
        return {"jumps": kept, "jump_cursor": max(0, min(int(row[1]), len(kept)))}

    # --- writing ----------------------------------------------------------------------

    def save_place(self, article_id: str, paragraph: int) -> bool:
        """Remember the current article and paragraph. One short statement."""
        return self._write(
            "INSERT INTO place (story, article, paragraph, saved) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (story) DO UPDATE SET article = excluded.article, "
            "paragraph = excluded.paragraph, saved = excluded.saved",
            (self.story, self._key(article_id), int(paragraph), time.time()),
        )

    def save_mark(self, letter: str, article_id: str, paragraph: int) -> bool:
        """Remember mark `letter` (one character) at a place."""
        if len(letter) != 1:
            raise ValueError(f"a mark is one character, not {letter!r}")
        return self._write(
            "INSERT INTO mark (story, letter, article, paragraph) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (story, letter) DO UPDATE SET article = excluded.article, "
            "paragraph = excluded.paragraph",
            (self.story, letter, self._key(article_id), int(paragraph)),
        )

    def save_jumps(self, jumps: Sequence[Ref], cursor: int) -> bool:
        """Remember the jump list (the newest `MAX_JUMPS` entries) and the cursor in it."""
        dropped = max(0, len(jumps) - MAX_JUMPS)
        kept = [[self._key(ref.article), int(ref.paragraph)] for ref in jumps[dropped:]]
        return self._write(
            "INSERT INTO jumps (story, entries, cursor) VALUES (?, ?, ?) "
            "ON CONFLICT (story) DO UPDATE SET entries = excluded.entries, "
            "cursor = excluded.cursor",
            (self.story, json.dumps(kept), max(0, min(cursor - dropped, len(kept)))),
        )

    def forget(self) -> bool:
        """Drop everything saved for this story (`--fresh`), in one transaction."""
        statements = [
            f"DELETE FROM {table} WHERE story = ?" for table in ("place", "mark", "jumps")
        ]
        return self._write_many(statements, (self.story,))

    def _prune(self) -> None:
        """Forget the stories whose place was last saved more than `KEEP_DAYS` ago."""
        before = (time.time() - KEEP_DAYS * 86400,)
        old = "SELECT story FROM place WHERE saved < ?"
        self._write_many(
            [
                f"DELETE FROM mark WHERE story IN ({old})",
                f"DELETE FROM jumps WHERE story IN ({old})",
                "DELETE FROM place WHERE saved < ?",
            ],
            before,
        )

    def close(self) -> None:
        """Close the database; later writes are ignored."""
        with self._lock:
            self._db.close()
            self._closed = True

    def _key(self, article_id: str) -> str:
        return self._key_of.get(article_id, article_id)

    def _write(self, sql: str, params: Iterable[object]) -> bool:
        return self._write_many([sql], params)

    def _write_many(self, statements: Sequence[str], params: Iterable[object]) -> bool:
        """Run the statements in one transaction; failures give one warning, never a raise."""
        params = tuple(params)
        with self._lock:
            if self._closed:
                return False
            try:
                if len(statements) == 1:
                    self._db.execute(statements[0], params)
                else:
                    with self._db:
                        self._db.execute("BEGIN IMMEDIATE")
                        for sql in statements:
                            self._db.execute(sql, params)
                return True
            except sqlite3.Error as error:
                failure = error
            warn, self._warned = not self._warned, True
        if warn:
            self._warn(f"{self.path}: cannot save the reading state ({failure})")
        return False

    def _warn(self, line: str) -> None:
        self.warnings.append(line)


# --- opening, and moving a bad database aside -----------------------------------------------


def _connect(path: Path | str) -> sqlite3.Connection:
    """Open, switch to WAL, check the file, and make the tables."""
    db = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode: a commit survives the process being killed; only an OS crash
        # can lose the last commits, and the database stays consistent either way.
        db.execute("PRAGMA synchronous = NORMAL")
        check = db.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {check and check[0]}")
        db.executescript(_SCHEMA)
    except BaseException:
        db.close()
        raise
    return db


def _open(path: Path, warnings: list[str]) -> sqlite3.Connection:
    """The database at `path`; a bad file is moved aside and replaced, never fatal.

    Readers opening at the same moment take turns (a lock file beside the database), so one
    never judges a database that another is still creating to be corrupt and moves it aside.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = open(path.with_name(path.name + ".lock"), "a")  # noqa: SIM115
    except OSError as error:
        warnings.append(f"{path.parent}: {error.strerror}; the reading state is not kept this time")
        return _connect(":memory:")
    with lock:
        _lock_file(lock)
        return _open_locked(path, warnings)


def _lock_file(handle: object) -> None:
    """An exclusive lock on an open file, released when it closes (POSIX; a no-op elsewhere)."""
    try:
        import fcntl
    except ImportError:
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # type: ignore[attr-defined]


def _open_locked(path: Path, warnings: list[str]) -> sqlite3.Connection:
    try:
        return _connect(path)
    except sqlite3.Error as error:
        if _is_busy(error):
            warnings.append(f"{path}: busy ({error}); the reading state is not kept this time")
            return _connect(":memory:")
        first = error
    except OSError as error:
        warnings.append(f"{path.parent}: {error.strerror}; the reading state is not kept this time")
        return _connect(":memory:")
    try:
        aside = _move_aside(path)
        db = _connect(path)
    except (OSError, sqlite3.Error) as error:
        warnings.append(
            f"{path}: unusable ({first}) and cannot be replaced ({error}); "
            "the reading state is not kept this time"
        )
        return _connect(":memory:")
    warnings.append(f"{path}: unusable ({first}); moved aside to {aside.name}, a new one was made")
    return db


def _is_busy(error: sqlite3.Error) -> bool:
    name = getattr(error, "sqlite_errorname", "")
    return name in _BUSY or (not name and "locked" in str(error))


def _move_aside(path: Path) -> Path:
    """Rename the database (and its WAL) with a timestamp; drop the shared-memory index."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    if path.exists() or path.is_symlink():
        path.rename(aside)
    for suffix in ("-wal", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(aside.with_name(aside.name + suffix))
    path.with_name(path.name + "-shm").unlink(missing_ok=True)
    return aside
