"""The alignment cache: hits skip the matcher, anything damaged or stale is recomputed."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tui.core import align_story, load_story
from tui.core import cache as cache_module
from tui.core.cache import (
    alignment_key,
    cache_dir,
    cached_alignment,
    load_alignment,
    store_alignment,
)
from tui.core.model import Alignment, Story


class Counting:
    """The real matcher, counting how often it runs."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, story: Story) -> Alignment:
        self.calls += 1
        return align_story(story)


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def test_second_open_is_a_hit_with_the_same_alignment(tmp_path: Path) -> None:
    """The first open aligns and stores; the second reads the same matches without aligning."""
    compute = Counting()
    story = load_story([SEEDS])
    first, hit1 = cached_alignment(story, compute, folder=tmp_path)
    second, hit2 = cached_alignment(load_story([SEEDS]), compute, folder=tmp_path)
    assert (hit1, hit2, compute.calls) == (False, True, 1)
    assert second.matches == first.matches and second.matches
    assert (second.facts, second.conflicts) == (first.facts, first.conflicts)
    some = first.matches[0].a
    assert second.matches_for(some.article, some.paragraph) == first.matches_for(
        some.article, some.paragraph
    )
    assert second.coverage(some.article) == first.coverage(some.article)


def test_hit_carries_the_story_as_opened_now(tmp_path: Path) -> None:
    """A moved folder is a hit, and the alignment points at the story just loaded."""
    store_alignment(align_story(load_story([SEEDS])), folder=tmp_path)
    moved = tmp_path / "elsewhere"
    shutil.copytree(SEEDS, moved)
    story = load_story([moved])
    found = load_alignment(story, folder=tmp_path)
    assert found is not None and found.story is story


def test_default_folder_is_the_user_cache_dir() -> None:
    """Entries live under XDG_CACHE_HOME (set per test by conftest)."""
    story = load_story([SEEDS])
    assert cached_alignment(story, align_story)[1] is False
    assert str(cache_dir()).startswith(os.environ["XDG_CACHE_HOME"])
    assert len(_entries(cache_dir())) == 1
    assert cached_alignment(story, align_story)[1] is True


def test_key_follows_content_params_and_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Changed text, thresholds, engine version or matcher code each make a new key."""
    story = load_story([SEEDS])
    base = alignment_key(story)
    article = story.articles[0]
    edited = Story(
        (
            article.__class__(**{**article.__dict__, "paragraphs": article.paragraphs[:-1]}),
            *story.articles[1:],
        )
    )
    assert alignment_key(edited) != base
    assert alignment_key(story, "same=0.5") != base
    monkeypatch.setattr("tui.core.align.ENGINE_VERSION", "test-engine-2", raising=False)
    engine = alignment_key(story)
    assert engine != base
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "other code")
    assert alignment_key(story) not in (base, engine)


def test_entry_for_other_params_is_not_served(tmp_path: Path) -> None:
    """An alignment made with other thresholds is a miss."""
    story = load_story([SEEDS])
    store_alignment(align_story(story), "same=0.9", folder=tmp_path)
    assert load_alignment(story, "same=0.5", folder=tmp_path) is None
    assert load_alignment(story, "same=0.9", folder=tmp_path) is not None


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda b: b[: len(b) // 2], id="truncated"),
        pytest.param(lambda b: b[:-10] + bytes(x ^ 0xFF for x in b[-10:]), id="flipped-bytes"),
        pytest.param(lambda b: b"", id="empty"),
        pytest.param(lambda b: b"garbage" * 50, id="garbage"),
        pytest.param(lambda b: b.replace(b"alignment 1", b"alignment 9", 1), id="other-format"),
    ],
)
def test_damaged_entry_is_ignored_and_rewritten(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    """A damaged entry is a miss (never an error), and the next store repairs it."""
    compute = Counting()
    story = load_story([SEEDS])
    cached_alignment(story, compute, folder=tmp_path)
    (entry,) = _entries(tmp_path)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    alignment, hit = cached_alignment(story, compute, folder=tmp_path)
    assert (hit, compute.calls) == (False, 2)
    assert alignment.matches
    assert entry.read_bytes() == good
    assert cached_alignment(story, compute, folder=tmp_path)[1] is True


def test_entry_of_another_story_under_this_name_is_a_miss(tmp_path: Path) -> None:
    """A sound entry copied under the wrong name is not served for this story."""
    story = load_story([SEEDS])
    other = load_story(sorted(SEEDS.iterdir())[:3])
    store_alignment(align_story(other), folder=tmp_path)
    (entry,) = _entries(tmp_path)
    entry.rename(tmp_path / f"{alignment_key(story)[:40]}.pickle")
    assert load_alignment(story, folder=tmp_path) is None


def test_failed_write_leaves_no_temporary_and_keeps_the_old_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writes are all or nothing: a failure in the rename leaves the previous entry whole."""
    story = load_story([SEEDS])
    alignment = align_story(story)
    store_alignment(alignment, folder=tmp_path)
    before = _entries(tmp_path)[0].read_bytes()

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache_module.os, "replace", fail)
    assert store_alignment(alignment, folder=tmp_path) is False
    assert [p.name for p in _entries(tmp_path)] == [f"{alignment_key(story)[:40]}.pickle"]
    assert _entries(tmp_path)[0].read_bytes() == before


def test_unwritable_cache_still_aligns(tmp_path: Path) -> None:
    """A cache folder that cannot be made only costs speed."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    alignment, hit = cached_alignment(load_story([SEEDS]), align_story, folder=blocker / "sub")
    assert hit is False and alignment.matches


def test_oldest_entries_are_evicted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the newest MAX_ENTRIES stories are kept, and a hit counts as use."""
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 3)
    stories = [load_story([path]) for path in sorted(SEEDS.iterdir())[:4]]
    long_ago = time.time() - 1000
    for n, story in enumerate(stories[:3]):
        store_alignment(align_story(story), folder=tmp_path)
        entry = tmp_path / f"{alignment_key(story)[:40]}.pickle"
        os.utime(entry, (long_ago + n, long_ago + n))
    assert load_alignment(stories[0], folder=tmp_path) is not None
    store_alignment(align_story(stories[3]), folder=tmp_path)
    assert len(_entries(tmp_path)) == 3
    assert load_alignment(stories[0], folder=tmp_path) is not None, "a fresh hit is kept"
    assert load_alignment(stories[1], folder=tmp_path) is None, "the least recently used goes"


def test_stale_temporary_files_are_cleaned(tmp_path: Path) -> None:
    """A killed writer's leftover is removed later; a writer still at work is left alone."""
    tmp_path.mkdir(exist_ok=True)
    stale, fresh = tmp_path / ".tmp-old.pickle", tmp_path / ".tmp-new.pickle"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    hours_ago = time.time() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    store_alignment(align_story(load_story([SEEDS])), folder=tmp_path)
    assert not stale.exists() and fresh.exists()


def test_state_and_cache_stay_headless() -> None:
    """The cache, the state store and the reader's glue to them import neither Textual nor Rich."""
    import subprocess
    import sys

    code = (
        "import sys, tui.core.cache, tui.core.state, tui.persist; "
        "print(sorted(m for m in ('textual', 'rich') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
