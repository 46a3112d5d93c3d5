"""A large story: its first article is shown at once, the rest is read and aligned apart."""

from __future__ import annotations

import os
import threading
import time
from multiprocessing import Pipe
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEEDS
from tests.ui.conftest import wait_ready
from tui import core, story_process
from tui.app import SamefactApp, _read_ahead, make_app
from tui.core import load_story
from tui.core.cache import load_alignment
from tui.core.settings import Settings
from tui.persist import alignment_params


def _write_story(folder: Path, articles: int) -> list[Path]:
    """`articles` short articles built from the seeds' paragraphs, one file each."""
    seeds = load_story([SEEDS])
    paragraphs = [p.text for a in seeds.articles for p in a.body()]
    folder.mkdir()
    files = []
    for i in range(articles):
        body = [paragraphs[(i * 3 + k) % len(paragraphs)] for k in range(4)]
        path = folder / f"{i:03d}_outlet{i}.txt"
        path.write_text(f"Report number {i}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        files.append(path)
    return files


def _record_loads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool, Any]]:
    """(articles, partial, the article then on screen) of every story the app is handed."""
    seen: list[tuple[int, bool, Any]] = []
    real = SamefactApp.on_story_loaded

    def on_story_loaded(self: SamefactApp, message: Any) -> None:
        real(self, message)
        seen.append((len(message.story.articles), message.partial, self.main.article))

    monkeypatch.setattr(SamefactApp, "on_story_loaded", on_story_loaded)
    return seen


def _record_children(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The process id of every child the reader starts."""
    pids: list[int] = []
    real = story_process.StoryJob.__init__

    def init(self: story_process.StoryJob, *args: Any, **kwargs: Any) -> None:
        real(self, *args, **kwargs)
        pids.append(self.process.pid)

    monkeypatch.setattr(story_process.StoryJob, "__init__", init)
    return pids


async def test_first_article_shows_before_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the first file is read before the first screen; the others arrive later."""
    count = story_process.READ_APART_FROM + 5
    _write_story(tmp_path / "story", count)
    seen = _record_loads(monkeypatch)
    children = _record_children(monkeypatch)
    app = make_app([tmp_path / "story"], Settings())
    app.preload = _read_ahead([str(tmp_path / "story")], fresh=False)  # as `run` does
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot, app)
        first = seen[0][2]
        assert seen[0][:2] == (1, True), "the first screen waited for every file"
        assert seen[-1][:2] == (count, False)
        assert len(app.story.articles) == count
        assert children and all(pid != os.getpid() for pid in children)
        assert first is not None and first.id == "000_outlet0"
        assert app.main.article is first is app.story.articles[0]  # the pane kept its article
        for _ in range(200):  # the source list fills in over a few frames
            if app.main.sources.option_count == count:
                break
            await pilot.pause(0.02)
        assert app.main.sources.option_count == count


async def test_reader_keeps_its_place_when_the_rest_arrives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines scrolled in the first article before the whole story arrived are kept."""
    _write_story(tmp_path / "story", story_process.READ_APART_FROM + 5)
    release = threading.Event()
    real = SamefactApp._story_from

    def story_from(self: SamefactApp, *args: Any) -> Any:
        story = real(self, *args)  # read by the child; handed over once the keys are pressed
        release.wait(10)
        return story

    monkeypatch.setattr(SamefactApp, "_story_from", story_from)
    app = make_app([tmp_path / "story"], Settings())
    app.preload = _read_ahead([str(tmp_path / "story")], fresh=False)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            if app.main.article is not None:
                break
            await pilot.pause(0.01)
        pane = app.main.article_pane
        for _ in range(12):  # into the middle of a paragraph: not a place `go_to` would give
            await pilot.press("j")
            if pane.line > pane.starts[pane.current]:
                break
        line = pane.line
        assert line > pane.starts[pane.current] and app.partial
        release.set()
        await wait_ready(pilot, app)
        assert not app.partial and len(app.story.articles) > 1
        assert pane.line == line


async def test_alignment_runs_in_a_child_and_fills_the_panel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Aligned in another process (the reader's own matcher is never called), same result."""
    real = core.align_story
    expected = real(load_story([SEEDS]))

    def not_here(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("aligned in the reader's process")

    monkeypatch.setattr(story_process, "ALIGN_APART_FROM", 0)
    monkeypatch.setattr(core, "align_story", not_here)
    children = _record_children(monkeypatch)
    app = make_app([SEEDS], Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot, app)
        assert children and all(pid != os.getpid() for pid in children)
        got = app.alignment
        assert [(m.a, m.b, m.score, m.grade) for m in got.matches] == [
            (m.a, m.b, m.score, m.grade) for m in expected.matches
        ]
        assert [got.evidence_of(m) for m in got.matches] == [m.evidence for m in expected.matches]
        assert got.facts == expected.facts
        assert got.conflicts == expected.conflicts
        article = app.main.article
        assert article is not None
        n = next(p.n for p in article.body() if expected.matches_for(article.id, p.n))
        assert [(m.b, got.evidence_of(m)) for m in got.matches_for(article.id, n)] == [
            (m.b, m.evidence) for m in expected.matches_for(article.id, n)
        ]
        await pilot.press(*["right_curly_bracket"] * n)
        assert app.main.article_pane.current == n
        assert app.main.panel.entries, "the panel did not fill in"
        # The child stored what it computed: the next open reads it from the cache.
        assert load_alignment(app.story, alignment_params(app.settings)) is not None


def test_an_alignment_sent_in_parts_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Matches sent a few at a time make the same alignment, lookups included."""
    story = load_story([SEEDS])
    alignment = core.align_story(story)
    monkeypatch.setattr(story_process, "PART", 3)
    receiving, sending = Pipe(duplex=False)
    sender = threading.Thread(
        target=story_process._send_alignment, args=(story_process._Sender(sending), alignment)
    )
    sender.start()
    events = list(story_process.receive(receiving, lambda: None))
    sender.join()
    assert [kind for kind, *_ in events] == ["alignment"]
    rebuilt = story_process.build_alignment(story, events[0][1])
    assert rebuilt.matches == alignment.matches
    assert rebuilt.facts == alignment.facts and rebuilt.conflicts == alignment.conflicts
    ref = alignment.matches[0].a
    assert rebuilt.matches_for(ref.article, ref.paragraph) == alignment.matches_for(
        ref.article, ref.paragraph
    )


def test_a_child_that_dies_is_reported() -> None:
    """A child that stops without an answer is an error event, not a hang."""
    receiving, sending = Pipe(duplex=False)
    sending.close()
    events = list(story_process.receive(receiving, lambda: -9))
    assert events == [("error", "the aligning process stopped (exit code -9)")]


def test_quitting_ends_a_running_child(tmp_path: Path) -> None:
    """`stop_all` (called as the reader exits) ends a child still reading and aligning."""
    _write_story(tmp_path / "story", 30)
    job = story_process.StoryJob(Settings(), paths=[str(tmp_path / "story")])
    assert job.process.is_alive()
    story_process.stop_all()
    job.process.join(5)
    assert not job.process.is_alive()


def test_a_child_ends_when_the_reader_is_gone(tmp_path: Path) -> None:
    """A child whose reader was killed (no `stop_all`) ends by itself."""
    import subprocess
    import sys

    _write_story(tmp_path / "story", 200)
    script = (
        "import sys, time\n"
        "from tui import story_process\n"
        "from tui.core.settings import Settings\n"
        "if __name__ == '__main__':\n"
        f"    job = story_process.StoryJob(Settings(), paths=[{str(tmp_path / 'story')!r}])\n"
        "    print(job.process.pid, flush=True)\n"
        "    time.sleep(60)\n"
    )
    (tmp_path / "reader.py").write_text(script, encoding="utf-8")
    reader = subprocess.Popen(
        [sys.executable, str(tmp_path / "reader.py")], stdout=subprocess.PIPE, text=True
    )
    try:
        child = int(reader.stdout.readline())
        reader.kill()
        reader.wait(5)
        for _ in range(100):
            if not _alive(child):
                break
            time.sleep(0.05)
        assert not _alive(child)
    finally:
        reader.kill()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
