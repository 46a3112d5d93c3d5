"""The reader app: owns the story, the alignment and the reading state; runs the workers.

Startup is kept light so the first article is on screen about as soon as a bare Textual
app paints: nothing of `tui.core` is imported on the UI thread; a thread worker reads the
story, posts `StoryLoaded` (the article is readable at once), then aligns and posts
`AlignmentReady` (the panel fills in).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App

from tui.commands import ReaderCommands
from tui.messages import AlignmentReady, LoadFailed, StoryLoaded
from tui.reading import ReadingState
from tui.resources import styles_dir
from tui.screens.main import MainScreen
from tui.screens.views import VIEW_BINDINGS, ViewActions

if TYPE_CHECKING:
    from tui.core.model import Alignment, Story
    from tui.core.settings import Settings


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
        if settings.low_bandwidth:
            self.animation_level = "none"

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
            self.main.keys.rebind(self.settings.keymap)
        for warning in self.warnings:
            self.notify(warning, severity="warning")

    def load_story(self) -> None:
        """(Re)read and align the story in a worker; the reader keeps its place."""
        self.generation += 1
        self.main.show_note("Loading…")
        self._load(self.generation)

    @work(thread=True, exclusive=True, exit_on_error=False, group="story")
    def _load(self, generation: int) -> None:
        try:
            from tui.core import align_story, load_story

            story = load_story(self.paths)
            self.post_message(StoryLoaded(story, generation))
            if story.articles:
                self.post_message(AlignmentReady(align_story(story), generation))
        except Exception as error:  # reported in the UI, the app stays usable
            self.post_message(LoadFailed(f"{type(error).__name__}: {error}", generation))

    def on_story_loaded(self, message: StoryLoaded) -> None:
        if message.generation != self.generation:
            return
        story = message.story
        for problem in story.problems:
            self.notify(str(problem), severity="error" if problem.fatal else "warning", timeout=8)
        if not story.articles:
            self.main.show_note("No article could be read. " + "; ".join(map(str, story.problems)))
            return
        self.story, self.alignment = story, None
        self.main.show_story()

    def on_alignment_ready(self, message: AlignmentReady) -> None:
        if message.generation == self.generation:
            self.alignment = message.alignment
            self.main.show_alignment()

    def on_load_failed(self, message: LoadFailed) -> None:
        if message.generation == self.generation:
            self.notify(message.reason, title="Could not load the story", severity="error")
            if self.story is None:
                self.main.show_note(message.reason)


def make_app(
    paths: Sequence[str | os.PathLike[str]], settings: Settings | None = None
) -> SamefactApp:
    """The app for `paths`, with the user's settings unless `settings` is given (tests)."""
    warnings: list[str] = []
    if settings is None:
        from tui.core.settings import load_settings

        settings, warnings = load_settings()
    app = SamefactApp(paths, settings)
    app.warnings = list(warnings)
    return app


def run(paths: Sequence[str], low_bandwidth: bool = False) -> int:
    """Open the reader on `paths`; a path that does not exist is one line on stderr."""
    import sys
    from dataclasses import replace

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"samefact: {missing[0]}: no such file or folder", file=sys.stderr)
        return 2
    app = make_app(paths)
    if low_bandwidth:
        app.settings = replace(app.settings, low_bandwidth=True)
        app.animation_level = "none"
    app.run()
    return app.return_code or 0
