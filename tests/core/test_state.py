"""Reading state: kept by story content, restored, and never corrupted by a killed reader."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS
from tui.core import load_story
from tui.core.model import Article, Paragraph, Ref, Story
from tui.core.state import (
    MAX_JUMPS,
    SavedState,
    StateStore,
    article_key,
    state_path,
    story_key,
)


def _article(article_id: str, *texts: str) -> Article:
    paragraphs = tuple(Paragraph(n, text) for n, text in enumerate(texts))
    return Article(article_id, f"{article_id}.txt", article_id, "file name", texts[0], paragraphs)


def _story(*articles: Article) -> Story:
    return Story(tuple(articles))


def _integrity(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        db.close()


# --- the key ------------------------------------------------------------------------------


def test_story_key_ignores_article_order_and_names() -> None:
    """The same articles in another order, under other file names, are the same story."""
    a, b = _article("a", "One fact.", "Two."), _article("b", "Other outlet.", "Three.")
    renamed = [_article("x", "One fact.", "Two."), _article("y", "Other outlet.", "Three.")]
    assert story_key(_story(a, b)) == story_key(_story(b, a)) == story_key(_story(*renamed))


def test_story_key_changes_with_content() -> None:
    """A changed word makes another story."""
    a, b = _article("a", "One fact.", "Two."), _article("b", "Other outlet.", "Three.")
    changed = _article("b", "Other outlet.", "Four.")
    assert story_key(_story(a, b)) != story_key(_story(a, changed))


def test_article_key_ignores_paragraph_splitting() -> None:
    """A loader that splits paragraphs differently does not lose the reader's place."""
    assert article_key(_article("a", "One fact.", "Two facts.")) == article_key(
        _article("a", "One fact.  Two facts.")
    )


def test_state_path_is_under_the_user_state_dir(tmp_path: Path) -> None:
    """The database lives under XDG_STATE_HOME (set per test by conftest)."""
    assert str(state_path()).startswith(os.environ["XDG_STATE_HOME"])
    assert state_path().parent.name == "samefact"


# --- saving and restoring -----------------------------------------------------------------


def test_new_story_has_no_state(tmp_path: Path) -> None:
    """A story never opened restores nothing."""
    store = StateStore(load_story([SEEDS]), tmp_path / "state.sqlite3")
    assert store.load() == SavedState()
    assert store.warnings == []


def test_place_marks_and_jumps_come_back_after_reopening(tmp_path: Path) -> None:
    """What one run saves, the next run of the same story reads."""
    story = load_story([SEEDS])
    first, second = story.articles[0].id, story.articles[2].id
    store = StateStore(story, tmp_path / "state.sqlite3")
    store.save_place(first, 1)
    store.save_place(second, 3)
    store.save_mark("a", first, 2)
    store.save_mark("b", second, 0)
    store.save_mark("a", second, 1)
    store.save_jumps([Ref(first, 0), Ref(second, 3)], 1)
    store.close()

    again = StateStore(load_story([SEEDS]), tmp_path / "state.sqlite3").load()
    assert again.place == Ref(second, 3)
    assert again.marks == {"a": Ref(second, 1), "b": Ref(second, 0)}
    assert again.jumps == (Ref(first, 0), Ref(second, 3))
    assert again.jump_cursor == 1


def test_renamed_folder_and_files_keep_the_state(tmp_path: Path) -> None:
    """Moving the story and renaming its files still restores the place, under the new ids."""
    story = load_story([SEEDS])
    target = story.articles[3]
    store = StateStore(story, tmp_path / "state.sqlite3")
    store.save_place(target.id, 4)
    store.save_mark("z", target.id, 2)
    store.close()

    moved = tmp_path / "renamed story"
    moved.mkdir()
    for n, path in enumerate(sorted(SEEDS.iterdir())):
        shutil.copy(path, moved / f"outlet-{9 - n}.txt")
    moved_story = load_story([moved])
    new_id = next(a.id for a in moved_story.articles if a.paragraphs == target.paragraphs)
    state = StateStore(moved_story, tmp_path / "state.sqlite3").load()
    assert state.place == Ref(new_id, 4)
    assert state.marks == {"z": Ref(new_id, 2)}


def test_other_story_does_not_see_the_state(tmp_path: Path) -> None:
    """State belongs to one story: a different story starts fresh."""
    story = load_story([SEEDS])
    StateStore(story, tmp_path / "s.db").save_place(story.articles[1].id, 2)
    other = _story(_article("a", "Unrelated text."))
    assert StateStore(other, tmp_path / "s.db").load() == SavedState()


def test_saved_paragraph_past_the_end_is_clamped(tmp_path: Path) -> None:
    """A paragraph index beyond the article (re-split text) lands on its last paragraph."""
    long = _story(_article("a", "One.", "Two.", "Three."))
    StateStore(long, tmp_path / "s.db").save_place("a", 2)
    joined = _story(_article("a", "One. Two. Three."))
    assert StateStore(joined, tmp_path / "s.db").load().place == Ref("a", 0)


def test_forget_drops_only_this_story(tmp_path: Path) -> None:
    """`--fresh` forgets this story's place, marks and jumps, not other stories'."""
    one, two = _story(_article("a", "One.", "Two.")), _story(_article("b", "Else."))
    for story in (one, two):
        store = StateStore(story, tmp_path / "s.db")
        store.save_place(story.articles[0].id, 0)
        store.save_mark("m", story.articles[0].id, 0)
        store.save_jumps([Ref(story.articles[0].id, 0)], 1)
    StateStore(one, tmp_path / "s.db").forget()
    assert StateStore(one, tmp_path / "s.db").load() == SavedState()
    assert StateStore(two, tmp_path / "s.db").load().place == Ref("b", 0)


def test_jump_list_keeps_the_newest_entries(tmp_path: Path) -> None:
    """A long jump list is cut from the oldest end; the cursor follows."""
    story = _story(_article("a", *[f"Paragraph {n}." for n in range(300)]))
    store = StateStore(story, tmp_path / "s.db")
    store.save_jumps([Ref("a", n) for n in range(250)], 250)
    state = store.load()
    assert len(state.jumps) == MAX_JUMPS
    assert state.jumps[0] == Ref("a", 150) and state.jumps[-1] == Ref("a", 249)
    assert state.jump_cursor == MAX_JUMPS


def test_a_mark_is_one_character(tmp_path: Path) -> None:
    """A mark name longer than one character is a programming error."""
    store = StateStore(_story(_article("a", "One.")), tmp_path / "s.db")
    with pytest.raises(ValueError):
        store.save_mark("ab", "a", 0)


def test_database_is_in_wal_mode(tmp_path: Path) -> None:
    """WAL is what lets a killed writer leave a consistent file and readers run together."""
    StateStore(_story(_article("a", "One.")), tmp_path / "s.db").save_place("a", 0)
    db = sqlite3.connect(tmp_path / "s.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


# --- bad databases ------------------------------------------------------------------------


def test_garbage_database_is_moved_aside(tmp_path: Path) -> None:
    """A file that is not a database is renamed with a timestamp, and a new one works."""
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"this is not sqlite\n" * 200)
    story = _story(_article("a", "One.", "Two."))
    store = StateStore(story, path)
    assert len(store.warnings) == 1
    assert "state.sqlite3" in store.warnings[0] and "moved aside" in store.warnings[0]
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == b"this is not sqlite\n" * 200
    assert aside[0].name in store.warnings[0]
    assert store.save_place("a", 1)
    assert StateStore(story, path).load().place == Ref("a", 1)


def test_truncated_database_is_moved_aside(tmp_path: Path) -> None:
    """A database cut in half (a disk that filled up) is detected, not used."""
    path = tmp_path / "state.sqlite3"
    big = _story(_article("a", *[f"Paragraph {n}." for n in range(50)]))
    store = StateStore(big, path)
    for n in range(50):
        store.save_mark(chr(0x4E00 + n), "a", n)
        store.save_jumps([Ref("a", k) for k in range(n)], n)
    store.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("CREATE TABLE filler (x)")
    db.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 400)
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])

    store = StateStore(big, path)
    assert any("moved aside" in w for w in store.warnings), store.warnings
    assert store.save_place("a", 3) and _integrity(path) == "ok"


def test_unopenable_database_is_moved_aside(tmp_path: Path) -> None:
    """A path that cannot be opened as a file (here a folder) is moved aside too."""
    path = tmp_path / "state.sqlite3"
    path.mkdir()
    store = StateStore(_story(_article("a", "One.")), path)
    assert any("moved aside" in w for w in store.warnings), store.warnings
    assert path.is_file() and store.save_place("a", 0)


def test_no_usable_folder_still_reads(tmp_path: Path) -> None:
    """When no database can be made at all, the reader still works, without saving."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = StateStore(_story(_article("a", "One.")), blocker / "sub" / "state.sqlite3")
    assert len(store.warnings) == 1 and "not kept" in store.warnings[0]
    assert store.save_place("a", 0)
    assert store.load().place == Ref("a", 0)


def test_a_locked_database_is_not_moved_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another reader holding the write lock makes a write wait or fail softly, never a move."""
    monkeypatch.setattr("tui.core.state.BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "s.db"
    story = _story(_article("a", "One.", "Two."))
    StateStore(story, path).save_place("a", 0)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    store = StateStore(story, path)
    assert store.save_place("a", 1) is False
    assert len(store.warnings) == 1 and "cannot save" in store.warnings[0]
    assert store.save_place("a", 1) is False and len(store.warnings) == 1
    holder.execute("ROLLBACK")
    holder.close()
    assert store.save_place("a", 1)
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert StateStore(story, path).load().place == Ref("a", 1)


# --- processes: kill -9 and readers side by side -------------------------------------------

_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from tui.core.model import Article, Paragraph, Ref, Story
    from tui.core.state import StateStore

    def make_story(tag, size):
        paragraphs = tuple(Paragraph(n, f"{tag} paragraph {n}.") for n in range(size))
        return Story((Article("a", "a.txt", "a", "file name", tag, paragraphs),))

    if __name__ == "__main__":
        path, tag, letter, moves = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        store = StateStore(make_story(tag, moves), Path(path))
        for n in range(moves):
            store.save_place("a", n)
            if n % 7 == 0:
                store.save_mark(letter, "a", n)
            if n % 5 == 0:
                store.save_jumps([Ref("a", k) for k in range(max(0, n - 20), n + 1)], 21)
            print(n, flush=True)
        if store.warnings:
            print("WARN", *store.warnings, file=sys.stderr)
            sys.exit(1)
    """
)


def _child(tmp_path: Path, tag: str, letter: str, moves: int) -> subprocess.Popen[str]:
    script = tmp_path / "mover.py"
    if not script.exists():
        script.write_text(_CHILD)
    return subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "state.sqlite3"), tag, letter, str(moves)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _story_of(tag: str, size: int) -> Story:
    namespace: dict[str, object] = {}
    exec(_CHILD, namespace)
    return namespace["make_story"](tag, size)  # type: ignore[operator, no-any-return]


def test_kill_9_loses_at_most_the_last_move(tmp_path: Path) -> None:
    """SIGKILL at random moments mid-write: the file stays sound, the place at most one behind."""
    rng = random.Random(5)
    moves = 20_000
    finished: dict[str, int] = {}
    for iteration in range(20):
        tag = f"story {iteration}"
        child = _child(tmp_path, tag, "k", moves)
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.strip() == "0", child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0.0, 0.04))
        child.send_signal(signal.SIGKILL)
        # Read through the same buffered reader as `readline` (communicate() would skip
        # what it has buffered already).
        rest = child.stdout.read()
        child.wait()
        acknowledged = [int(line) for line in (first + rest).split()]
        last = acknowledged[-1]
        assert last < moves - 1, "the child finished before it was killed; kill sooner"

        assert _integrity(tmp_path / "state.sqlite3") == "ok"
        store = StateStore(_story_of(tag, moves), tmp_path / "state.sqlite3")
        state = store.load()
        assert store.warnings == []
        assert state.place is not None and state.place.paragraph in (last, last + 1)
        assert state.marks["k"].paragraph >= last - 7
        assert state.jumps and state.jumps[-1].paragraph >= last - 5
        store.close()
        finished[tag] = state.place.paragraph
    for tag, paragraph in finished.items():
        place = StateStore(_story_of(tag, moves), tmp_path / "state.sqlite3").load().place
        assert place == Ref("a", paragraph), f"{tag} lost its place in a later kill"


def test_readers_side_by_side_do_not_break_each_other(tmp_path: Path) -> None:
    """Two readers writing the same story at once both finish, and both marks are kept."""
    children = [_child(tmp_path, "shared", letter, 400) for letter in "xy"]
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        assert out.split()[-1] == "399"
    state = StateStore(_story_of("shared", 400), tmp_path / "state.sqlite3").load()
    assert set(state.marks) == {"x", "y"}
    assert state.place == Ref("a", 399)
    assert _integrity(tmp_path / "state.sqlite3") == "ok"


def test_stories_not_read_for_a_year_are_forgotten(tmp_path: Path) -> None:
    """Old stories are pruned on open (place, marks, jumps); recent ones stay."""
    old, recent = _story(_article("o", "Old story.")), _story(_article("r", "Recent story."))
    for story in (old, recent):
        store = StateStore(story, tmp_path / "s.db")
        store.save_place(story.articles[0].id, 0)
        store.save_mark("m", story.articles[0].id, 0)
        store.save_jumps([Ref(story.articles[0].id, 0)], 1)
        store.close()
    db = sqlite3.connect(tmp_path / "s.db")
    db.execute("UPDATE place SET saved = saved - 400 * 86400 WHERE story = ?", (story_key(old),))
    db.commit()
    db.close()
    assert StateStore(recent, tmp_path / "s.db").load().marks == {"m": Ref("r", 0)}
    assert StateStore(old, tmp_path / "s.db").load() == SavedState()
    db = sqlite3.connect(tmp_path / "s.db")
    for table in ("place", "mark", "jumps"):
        assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 1
    db.close()
