"""The reader app: owns the story, the alignment and the reading state; runs the workers.

Startup is kept light so the first article is on screen about as soon as a bare Textual
app paints: nothing of `tui.core` is imported on the UI thread; a thread worker reads the
story, posts `StoryLoaded` (the article is readable at once), then aligns and posts
`AlignmentReady` (the panel fills in).

A large story is read and aligned in a child process (`tui.story_process`), so that the UI
keeps the interpreter to itself: only its first article is read here, and shown at once;
the child sends the whole story, then the alignment.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App

from tui import story_process
from tui.commands import ReaderCommands
from tui.messages import AlignmentReady, LoadFailed, LoadProgress, StoryLoaded
from tui.reading import ReadingState
from tui.resources import styles_dir
from tui.screens.main import MainScreen
from tui.screens.views import VIEW_BINDINGS, ViewActions
from tui.widgets.load_progress import SHOW_AFTER

PRELOAD_WAIT = 0.3
"""Seconds the first screen waits for the story read ahead before it shows "Loading…"."""
PAINT_WAIT = 1.0
"""Seconds the worker waits for the story's first paint before it aligns anyway."""
SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold the interpreter while another waits (Python's default: 0.005)."""

if TYPE_CHECKING:
    from tui.core.model import Alignment, Article, Story
    from tui.core.settings import Settings
    from tui.core.state import SavedState, StateStore
    from tui.persist import StateSaver

    Preloaded = tuple[Story, StateStore | None, SavedState | None, bool]
    """What `run` reads ahead: the story, its state store, the saved state, whether it is
    only the first article of a large story (then without a store)."""


class SamefactApp(ViewActions, App[int]):
    """samefact: one story, several outlets, the same fact side by side."""

    CSS_PATH = [styles_dir() / "app.tcss", styles_dir() / "panes.tcss", styles_dir() / "views.tcss"]
    BINDINGS = VIEW_BINDINGS  # the whole-story views, from any screen (tui.screens.views)
    TITLE = "samefact"
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(self, paths: Sequence[str | os.PathLike[str]], settings: Settings) -> None:
        super().__init__()
        self.paths = [str(p) for p in paths]
        self.settings = settings
        self.story: Story | None = None
        self.alignment: Alignment | None = None
        self.reading = ReadingState()
        """Where the reader is; plain data so it can be saved and restored."""
        self.generation = 0
        """Bumped by every (re)load; messages of an older load are ignored."""
        self.warnings: list[str] = []
        self.fresh = False
        """`--fresh`: start at the top and forget the story's saved state."""
        self.saver: StateSaver | None = None
        """Writes each move to the state database (set once the story is read)."""
        self.busy = False
        """A load or alignment is running (the progress bar may show)."""
        self._progress: LoadProgress | None = None
        """The latest progress of the running load, for a bar that appears later."""
        self.preload: Future[Preloaded] | None = None
        """The story and its state, read by `run` while Textual starts (local files only)."""
        self.partial = False
        """The story shown is only the first article(s) of a large story still being read."""
        self._job: story_process.StoryJob | None = None
        """The child process reading or aligning the story, if one runs."""
        self._painted = threading.Event()
        """Set once the loaded story is on screen: the worker aligns only then, so that it
        does not compete with the first paint of the article for the interpreter."""
        if settings.low_bandwidth:
            self.animation_level = "none"

    def on_unmount(self) -> None:
        self._stop_job()  # a child still reading or aligning is of no use any more

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def on_mount(self) -> None:
        # A worker thread doing Python work (opening a large story's state, building its
        # alignment's lookups) hands the interpreter back every millisecond rather than
        # every five, so a key waits for it a few times at most that long.
        sys.setswitchinterval(SWITCH_INTERVAL)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        elif "theme" in self.settings.lines:
            themes = ", ".join(sorted(self.available_themes))
            reason = f"unknown theme {self.settings.theme!r} (one of {themes}); the default is used"
            self.warnings.append(self.settings.warn("theme", reason))
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
            self.main.keys.rebind(self.settings.keymap)
        for warning in self.warnings:
            self.notify(warning, severity="warning")

    def load_story(self) -> None:
        """(Re)read and align the story in a worker; the reader keeps its place.

        The first time, the story read ahead by `run` is shown at once when it is ready:
        the first frame then holds the article instead of "Loading…".
        """
        self.generation += 1
        self._painted.clear()
        self.busy = True
        self._stop_job()
        self.set_timer(SHOW_AFTER, self._show_progress)
        preloaded = self._preloaded() if self.generation == 1 else None
        if preloaded is not None:
            story, store, saved, partial = preloaded
            if story.articles or not partial:
                self.on_story_loaded(StoryLoaded(story, self.generation, store, saved, partial))
                self._load(self.generation, story, partial)
                return
            self.main.show_note("Loading…")
            self._load(self.generation, None, True)
            return
        self.main.show_note("Loading…")
        self._load(self.generation)

    def _stop_job(self) -> None:
        if self._job is not None:
            self._job.stop()
            self._job = None

    def _preloaded(self) -> Preloaded | None:
        """The story `run` read ahead, if it is read within `PRELOAD_WAIT` seconds and sound."""
        if self.preload is None:
            return None
        try:
            error = self.preload.exception(timeout=PRELOAD_WAIT)
        except FutureTimeout:
            return None  # a big story: the worker waits for it and shows progress
        return None if error is not None else self.preload.result()

    @work(thread=True, exclusive=True, exit_on_error=False, group="story")
    def _load(self, generation: int, shown: Story | None = None, partial: bool = False) -> None:
        """Read the story (unless `shown` is all of it), then align it; post what is done.

        `partial`: `shown` (if any) is only the start of a large story: the rest is read in
        a child process, which then aligns it too.
        """
        job: story_process.StoryJob | None = None
        try:
            from tui.persist import align_cached, open_state

            story = shown
            if story is None or partial:
                if partial or (generation > 1 and _many_files(self.paths)):
                    job = self._start_job(generation, paths=self.paths)
                    story = self._story_from(job, generation)
                    if story is None:
                        return
                    restore, fresh = generation == 1, self.fresh and generation == 1
                    store, saved = open_state(story, restore=restore, fresh=fresh)
                else:
                    story, store, saved = self._read(generation)
                self.post_message(StoryLoaded(story, generation, store, saved))
            if story.articles:
                text = f"Aligning {len(story.articles)} articles"
                self.post_message(LoadProgress(text, generation))
                if job is None and story_process.aligns_apart(story):
                    job = self._start_job(generation, story=story)
                if job is not None:
                    alignment = self._alignment_from(job, story, generation, text)
                    if alignment is None:
                        return
                else:
                    self._painted.wait(timeout=PAINT_WAIT)
                    aligning = self._reporter(generation, lambda _done, _total: text)
                    alignment, _cached = align_cached(story, self.settings, aligning)
                self.post_message(AlignmentReady(alignment, generation))
        except Exception as error:  # reported in the UI, the app stays usable
            self.post_message(LoadFailed(f"{type(error).__name__}: {error}", generation))
        finally:
            if job is not None:
                job.stop()

    def _start_job(self, generation: int, **what: object) -> story_process.StoryJob:
        """A child process that reads and/or aligns (see `story_process.StoryJob`)."""
        job = story_process.StoryJob(self.settings, **what)  # type: ignore[arg-type]
        if generation != self.generation:  # a reload came first: this one is stale already
            job.stop()
        else:
            self._stop_job()
            self._job = job
        return job

    def _story_from(self, job: story_process.StoryJob, generation: int) -> Story | None:
        """Wait for the child to read the story, posting its progress; None if it failed."""
        files = self._reporter(generation, lambda done, total: f"Reading {done}/{total} files")
        for event in job.events():
            if event[0] == "progress" and event[1] == "read":
                files(event[2], event[3])
            elif event[0] == "story":
                return event[1]
            elif event[0] == "error":
                self.post_message(LoadFailed(event[1], generation))
                return None
        return None

    def _alignment_from(
        self, job: story_process.StoryJob, story: Story, generation: int, text: str
    ) -> Alignment | None:
        """Wait for the child's alignment of `story`, posting its progress; None if it failed."""
        aligning = self._reporter(generation, lambda _done, _total: text)
        for event in job.events():
            if event[0] == "progress" and event[1] == "align":
                aligning(event[2], event[3])
            elif event[0] == "alignment":
                return story_process.build_alignment(story, event[1])
            elif event[0] == "error":
                self.post_message(LoadFailed(event[1], generation))
                return None
        return None

    def _read(self, generation: int) -> tuple[Story, StateStore, SavedState | None]:
        """Read the story and open its state (in the worker), or take what `run` read ahead."""
        if generation == 1 and self.preload is not None:
            story, store, saved, _partial = self.preload.result()
            if store is not None:
                return story, store, saved
        from tui.core import load_story
        from tui.persist import open_state

        files = self._reporter(generation, lambda done, total: f"Reading {done}/{total} files")
        story = load_story(self.paths, progress=lambda done, total, *_: files(done, total))
        store, saved = open_state(story, restore=generation == 1, fresh=self.fresh and generation == 1)
        return story, store, saved

    def on_story_loaded(self, message: StoryLoaded) -> None:
        if message.generation != self.generation:
            return
        story = message.story
        completes = self.partial and not message.partial
        if completes and self.story is not None:
            story = _keeping_shown(story, self.main.article)
        self.partial = message.partial
        for problem in story.problems:
            self.notify(str(problem), severity="error" if problem.fatal else "warning", timeout=8)
        self.call_after_refresh(self._painted.set)
        if not story.articles:
            self._done()
            self.main.show_note("No article could be read. " + "; ".join(map(str, story.problems)))
            return
        # The whole of a story whose start is on screen: the saved place is restored only if
        # the reader has not moved yet; the marks and the jump list are restored anyway.
        shown = self.main.article
        moved = shown is not None and (
            self.main.article_pane.line > 0 or shown.id != story.articles[0].id
        )
        keep_place = completes and moved
        self.story, self.alignment = story, None
        if message.state is not None:
            self._attach_state(message.state, message.saved, keep_place)
        self.main.show_story()

    def on_alignment_ready(self, message: AlignmentReady) -> None:
        if message.generation == self.generation:
            self._done()
            self.alignment = message.alignment
            self.main.show_alignment()

    def on_load_failed(self, message: LoadFailed) -> None:
        if message.generation == self.generation:
            self._done()
            self.notify(message.reason, title="Could not load the story", severity="error")
            if self.story is None:
                self.main.show_note(message.reason)


    # -- reading state ---------------------------------------------------------------------------

    def _attach_state(
        self, store: StateStore, saved: SavedState | None, keep_place: bool = False
    ) -> None:
        """Save moves to `store` from now on; first put back what was `saved`.

        `keep_place`: the reader has moved already; restore the marks and jumps, not the place.
        """
        from tui.persist import StateSaver

        if self.saver is not None:
            self.saver.store.close()
        self.saver = StateSaver(store)
        if saved is not None:
            place = self.reading.position
            self.saver.restore(saved, self.reading)
            if keep_place and place[0]:
                self.reading.move(*place)
        self.reading.listener = self.save_state
        for warning in store.warnings:
            self.notify(warning, title="Reading state", severity="warning", timeout=10)
        store.warnings.clear()

    def save_state(self) -> None:
        """Write the move just made (called by `ReadingState` on every change)."""
        if self.saver is not None:
            self.saver.save(self.reading)
            for warning in self.saver.store.warnings:
                self.notify(warning, title="Reading state", severity="warning", timeout=10)
            self.saver.store.warnings.clear()

    # -- progress ----------------------------------------------------------------------------

    def _reporter(
        self, generation: int, describe: Callable[[int, int], str]
    ) -> Callable[[int, int], None]:
        """A `progress(done, total)` for a worker thread: posts at most every 50 ms."""
        last = 0.0

        def report(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= 0.05 or done >= total:
                last = now
                self.post_message(LoadProgress(describe(done, total), generation, done, total))

        return report

    def on_load_progress(self, message: LoadProgress) -> None:
        if message.generation == self.generation:
            self._progress = message
            bar = self.main.progress_line
            if bar.display:
                bar.show(message.text, message.done, message.total)

    def _show_progress(self) -> None:
        """After `SHOW_AFTER` seconds of work, a bar under the article (never for quick opens)."""
        if not self.busy or not self.screen_stack:
            return
        bar = self.main.progress_line
        if bar.display:
            return
        message = self._progress
        if message is not None and message.generation == self.generation:
            bar.show(message.text, message.done, message.total)
        else:
            bar.show("Loading", 0, None)
        bar.display = True

    def _done(self) -> None:
        self.busy = False
        self._progress = None
        bar = self.main.progress_line
        bar.display = False
        bar.show("Loading", 0, 1)  # a hidden bar that pulsed would keep a timer running


def make_app(
    paths: Sequence[str | os.PathLike[str]], settings: Settings | None = None, fresh: bool = False
) -> SamefactApp:
    """The app for `paths`, with the user's settings unless `settings` is given (tests).

    `fresh` starts at the top of the story and forgets its saved reading state.
    """
    warnings: list[str] = []
    if settings is None:
        from tui.core.settings import load_settings

        settings, warnings = load_settings()
    app = SamefactApp(paths, settings)
    app.warnings = [*warnings, *settings.check_keymap(_binding_ids())]
    app.fresh = fresh
    return app


def _binding_ids() -> set[str]:
    """Every id a `[keymap]` entry can name: the bindings and the key sequences."""
    from tui.bindings import BINDINGS
    from tui.keys import SEQUENCES

    return {b.id for b in BINDINGS if b.id} | {s.id for s in SEQUENCES if s.id}


def run(paths: Sequence[str], low_bandwidth: bool = False, fresh: bool = False) -> int:
    """Open the reader on `paths`; a path that does not exist is one line on stderr."""
    import sys
    from dataclasses import replace

    # Not `tui.core.fetch.is_url`: importing `tui.core` here would delay the first paint.
    def is_url(text: str) -> bool:
        return text[:8].lower().startswith(("http://", "https://"))

    missing = [p for p in paths if not is_url(p) and p != "-" and not Path(p).exists()]
    if missing:
        print(f"samefact: {missing[0]}: no such file or folder", file=sys.stderr)
        return 2
    preload = _read_ahead(paths, fresh)
    app = make_app(paths, fresh=fresh)
    app.preload = preload
    if low_bandwidth:
        app.settings = replace(app.settings, low_bandwidth=True)
        app.animation_level = "none"
    app.run()
    code = app.return_code or 0
    _leave_now(code)
    return code


def _read_ahead(paths: Sequence[str], fresh: bool) -> Future[Preloaded] | None:
    """Start reading local files (and their saved state) in a thread, before Textual starts.

    Done by the time the screen mounts, so the first frame shows the article. URLs and stdin
    are left to the worker, which reports their progress. Of a story of many files only the
    first article is read here (`partial`): a child process reads the rest.
    """
    from tui.core.kinds import is_url

    if any(is_url(p) or p == "-" for p in paths):
        return None

    def read() -> Preloaded:
        from tui.core import load_story
        from tui.core.load import expand_paths
        from tui.persist import open_state

        files = expand_paths(paths, [])
        if len(files) > story_process.READ_APART_FROM:
            return first_article(files), None, None, True
        story = load_story(paths)
        return (story, *open_state(story, restore=True, fresh=fresh), False)

    future: Future[Preloaded] = Future()

    def target() -> None:
        try:
            future.set_result(read())
        except BaseException as error:  # handed to whoever asks for the result
            future.set_exception(error)

    threading.Thread(target=target, name="samefact-read-ahead", daemon=True).start()
    return future


def _leave_now(code: int) -> None:
    """End the process at once, now that the terminal is restored and the state is saved.

    Interpreter teardown (freeing every Textual and Rich object, joining a worker thread
    that may still be aligning a large story) adds 100–300 ms or more between `q` and the
    shell prompt, for nothing: every saved move is already committed.
    """
    import sys

    story_process.stop_all()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def first_article(files: Sequence[Path], tries: int = 20) -> Story:
    """The first article(s) of a story of `files`, read alone: the first file that has one.

    Read as `load_story` reads it in the whole story (the first article's id is its file's
    name either way), so the reader can show it while the rest is read. Problems are left
    to the whole read, which reports them once.
    """
    from tui.core import load_story
    from tui.core.model import Story

    for path in files[:tries]:
        story = load_story([path])
        if story.articles:
            return Story(story.articles)
    return Story(())


def _keeping_shown(story: Story, shown: Article | None) -> Story:
    """`story` with the article on screen in place of its equal, so the pane keeps its place."""
    from dataclasses import replace

    if shown is None:
        return story
    articles = tuple(shown if a.id == shown.id and a == shown else a for a in story.articles)
    return replace(story, articles=articles)


def _many_files(paths: Sequence[str]) -> bool:
    """Whether local `paths` hold more article files than are read in this process."""
    from tui.core.kinds import is_url
    from tui.core.load import expand_paths

    if any(is_url(p) or p == "-" for p in paths):
        return False
    return len(expand_paths(paths, [])) > story_process.READ_APART_FROM
