"""The reader keeps its place between runs, applies the config file and shows slow work."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Label

from tests.conftest import SEEDS
from tests.ui.conftest import reader, wait_ready
from tui import core
from tui.app import SamefactApp, make_app
from tui.core import load_story
from tui.core.model import Ref
from tui.core.settings import Settings
from tui.core.state import StateStore
from tui.widgets.load_progress import ProgressLine


def _record_notes(app: SamefactApp) -> list[str]:
    """Collect every notification the app shows."""
    notes: list[str] = []
    show = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        notes.append(message)
        show(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return notes


async def test_reopening_restores_article_and_paragraph(tmp_path: Path) -> None:
    """Leave the reader in the third outlet at paragraph 4; the next run opens there."""
    async with reader() as (app, pilot):
        await pilot.press("J", "J", *["right_curly_bracket"] * 4)
        place = app.reading.position
        assert place[0] == app.story.articles[2].id and place[1] == 4

    moved = tmp_path / "same story elsewhere"
    shutil.copytree(SEEDS, moved)
    async with reader(paths=[moved]) as (app, pilot):
        assert app.main.article.id == place[0]
        assert app.main.article_pane.current == 4
        assert app.reading.position == place


async def test_every_move_is_saved_at_once() -> None:
    """The database holds the current paragraph while the reader still runs (kill -9 safe)."""
    async with reader() as (app, pilot):
        await pilot.press(*["right_curly_bracket"] * 3)
        saved = StateStore(load_story([SEEDS])).load()
        assert saved.place == Ref(app.main.article.id, 3)


async def test_marks_and_jumps_are_kept_between_runs() -> None:
    """`ma` in one run; `'a` in the next goes there, and ctrl-o still knows the jumps."""
    async with reader() as (app, pilot):
        await pilot.press("J", *["right_curly_bracket"] * 3, "m", "a")
        marked = app.reading.position
        await pilot.press("J", "J")
        assert app.reading.position != marked

    async with reader() as (app, pilot):
        assert app.reading.marks["a"] == marked
        start = app.reading.position
        await pilot.press("apostrophe", "a")
        assert app.reading.position == marked
        await pilot.press("apostrophe", "apostrophe")
        assert app.reading.position == start
        await pilot.press("ctrl+o")
        assert app.reading.position == marked


async def test_fresh_starts_at_the_top_and_forgets() -> None:
    """`--fresh` opens the first article at its headline, with no marks, and forgets them."""
    async with reader() as (app, pilot):
        await pilot.press("J", *["right_curly_bracket"] * 2, "m", "b")

    app = make_app([SEEDS], Settings(), fresh=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot, app)
        assert app.main.article is app.story.articles[0]
        assert app.main.article_pane.current == 0
        assert app.reading.marks == {}

    async with reader() as (app, pilot):
        assert app.reading.position == (app.story.articles[0].id, 0)
        assert "b" not in app.reading.marks


async def test_config_keymap_rebinds_a_binding() -> None:
    """`[keymap] next-paragraph = "x"` in the config file makes x the next-paragraph key."""
    Path(_config()).write_text('[keymap]\nnext-paragraph = "x"\n', encoding="utf-8")
    app = make_app([SEEDS])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot, app)
        await pilot.press("x", "x")
        assert app.main.article_pane.current == 2


async def test_config_warning_is_shown() -> None:
    """A bad value and an unknown binding id are shown with file, line and key; the reader runs."""
    Path(_config()).write_text(
        'theme = "nord"\nlayout = "diagonal"\n[keymap]\nnext-paragrap = "x"\n', encoding="utf-8"
    )
    app = make_app([SEEDS])
    notes = _record_notes(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot, app)
        assert app.theme == "nord"
        assert any("config.toml:2: layout:" in note and "diagonal" in note for note in notes)
        assert any("config.toml:4: keymap.next-paragrap: unknown" in note for note in notes)


async def test_unknown_theme_is_a_warning() -> None:
    """A theme name Textual does not have is named with its line; the default theme stays."""
    Path(_config()).write_text('\ntheme = "no-such-theme"\n', encoding="utf-8")
    app = make_app([SEEDS])
    notes = _record_notes(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot, app)
        assert app.theme == "textual-dark"
        assert any("config.toml:2: theme: unknown theme 'no-such-theme'" in n for n in notes)


async def test_corrupt_state_database_is_reported_and_replaced() -> None:
    """A damaged state file is moved aside with a warning, and the reader saves to a new one."""
    from tui.core.state import state_path

    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00garbage" * 100)
    app = make_app([SEEDS], Settings())
    notes = _record_notes(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot, app)
        await pilot.press("right_curly_bracket")
        assert any("moved aside" in note for note in notes)
    assert StateStore(load_story([SEEDS])).load().place == Ref(app.story.articles[0].id, 1)


def _counting_matcher(
    monkeypatch: pytest.MonkeyPatch, before: Callable[[], None] | None = None
) -> list[int]:
    calls: list[int] = []
    real = core.align_story

    def align(story: Any) -> Any:
        calls.append(1)
        if before is not None:
            before()
        return real(story)

    monkeypatch.setattr(core, "align_story", align)
    return calls


async def test_second_open_takes_the_alignment_from_the_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The matcher runs on the first open only; the second has the same panel without it."""
    calls = _counting_matcher(monkeypatch)
    async with reader() as (app, _pilot):
        first = app.alignment.matches
    async with reader() as (app, _pilot):
        assert app.alignment.matches == first
    assert len(calls) == 1


async def test_slow_alignment_shows_a_progress_bar_while_the_article_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Aligning for more than half a second shows a bar; the article scrolls meanwhile."""
    release = threading.Event()
    _counting_matcher(monkeypatch, before=lambda: release.wait(10))
    app = make_app([SEEDS], Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await _wait_for_bar(pilot, app)
        assert app.main.article is not None and app.alignment is None
        assert str(bar.query_one(Label).content) == "Aligning 5 articles…"
        await pilot.press("right_curly_bracket")
        assert app.main.article_pane.current == 1
        release.set()
        await wait_ready(pilot, app)
        assert not app.main.progress_line.display


async def _wait_for_bar(pilot: Any, app: SamefactApp) -> ProgressLine:
    """The progress bar, once it shows with its label (at most 10 s, for a loaded machine)."""
    for _ in range(500):
        bar = app.main.progress_line
        if bar.display and bar.query(Label):
            return bar
        await pilot.pause(0.02)
    raise AssertionError("no progress bar appeared")


async def test_quick_open_shows_no_progress_bar() -> None:
    """A story that opens fast never flashes a bar."""
    async with reader() as (app, pilot):
        await pilot.pause(0.6)
        assert not app.main.progress_line.display


def _config() -> str:
    import os

    return os.environ["SAMEFACT_CONFIG"]


async def test_matcher_progress_fills_the_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    """A matcher that reports how far it is turns the pulsing bar into a filling one."""
    from textual.widgets import ProgressBar

    release = threading.Event()
    real = core.align_story

    def matcher(story: Any, progress: Any = None) -> Any:
        progress("score", 0.5)
        release.wait(10)
        return real(story)

    monkeypatch.setattr(core, "align_story", matcher)
    app = make_app([SEEDS], Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        bar = (await _wait_for_bar(pilot, app)).query_one(ProgressBar)
        for _ in range(250):  # the bar may first show the reading step, then the aligning one
            if bar.percentage == 0.5:
                break
            await pilot.pause(0.02)
        assert bar.percentage == 0.5
        release.set()
        await wait_ready(pilot, app)


def test_fresh_flag_reaches_the_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """`samefact --fresh PATH` opens the reader with `fresh` set; without it, unset."""
    from tui import app as app_module
    from tui.cli import main

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(app_module, "run", lambda paths, **options: calls.append(options) or 0)
    assert main(["--fresh", str(SEEDS)]) == 0
    assert main([str(SEEDS)]) == 0
    assert [c["fresh"] for c in calls] == [True, False]
