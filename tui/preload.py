"""Reading the story ahead, while Textual starts, so that the first frame shows the article.

`read_ahead(paths, fresh)` starts reading local files (and their saved reading state) and
returns a `Future` of `(story, store, saved, partial)`. Of a story of many files only the
first article is read (`partial`): a child process reads the rest later.

Where it runs: on POSIX, when `tui.app.run` starts the reader, in a forked child process.
Reading imports the loader and reads the files: about 80 ms of Python that, in a thread,
would hold the interpreter lock against Textual's start (styles, widgets, first layout) and
delay the first paint by as much. Forked once Textual is imported, the child has every
module the two share already and does the rest on the other core; it sends back the story
and what was saved for it (pickled, over a pipe), and a thread here waits for it without the
lock, unpickles it and opens the state store itself (a database connection does not cross
processes). Elsewhere, or with other threads already running (a fork copies only the
calling thread, and a lock another thread holds stays held in the child), it is read in a
thread.

The child's standard streams are /dev/null: what it might print would land on the screen
Textual is drawing, and it must never read the keyboard. It ends by itself when it is done.
Nothing here imports Textual.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.model import Story
    from tui.core.state import SavedState, StateStore

    Preloaded = tuple[Story, StateStore | None, SavedState | None, bool]
    """The story, its state store, the saved state, whether it is only the first article of a
    large story (then without a store)."""


def is_url(text: str) -> bool:
    """Like `tui.core.fetch.is_url`, without importing `tui.core` before the first paint."""
    return text[:8].lower().startswith(("http://", "https://"))


def missing(paths: Sequence[str]) -> list[str]:
    """The local paths that do not exist."""
    return [p for p in paths if not is_url(p) and p != "-" and not Path(p).exists()]


def read_ahead(
    paths: Sequence[str], fresh: bool, apart: bool | None = None
) -> Future[Preloaded] | None:
    """Start reading `paths`; None for URLs and stdin (the worker reads them, with progress).

    `apart`: in a forked child process (True), in a thread (False), or the child when this
    process can fork safely (None).
    """
    if any(is_url(p) or p == "-" for p in paths):
        return None
    if apart is None:
        apart = hasattr(os, "fork") and threading.active_count() == 1
    if apart:
        future = _in_child(list(paths), fresh)
        if future is not None:
            return future
    return _in_thread(list(paths), fresh)


def read(paths: Sequence[str], fresh: bool) -> Preloaded:
    """Read the story (or its first article) and open its state: what `read_ahead` returns."""
    from tui.core import load_story
    from tui.core.load import expand_paths
    from tui.persist import open_state
    from tui.story_process import READ_APART_FROM

    files = expand_paths(paths, [])
    if len(files) > READ_APART_FROM:
        return first_article(files), None, None, True
    story = load_story(paths)
    return (story, *open_state(story, restore=True, fresh=fresh), False)


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


def _in_thread(paths: list[str], fresh: bool) -> Future[Preloaded]:
    future: Future[Preloaded] = Future()

    def target() -> None:
        try:
            future.set_result(read(paths, fresh))
        except BaseException as error:  # handed to whoever asks for the result
            future.set_exception(error)

    threading.Thread(target=target, name="samefact-read-ahead", daemon=True).start()
    return future


def _in_child(paths: list[str], fresh: bool) -> Future[Preloaded] | None:
    """Fork a child that reads; None if it cannot be started."""
    try:
        readable, writable = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the child: never returns
        os.close(readable)
        _child(writable, paths, fresh)
    os.close(writable)
    future: Future[Preloaded] = Future()
    threading.Thread(
        target=_receive, args=(readable, pid, future), name="samefact-read-ahead", daemon=True
    ).start()
    return future


def _child(out: int, paths: list[str], fresh: bool) -> None:
    """Read, send `("story", (story, saved, warnings, partial))` or `("error", error)`, exit."""
    # No collections: the child lives a fraction of a second, and a collection walks every
    # object of the parent's Textual, copying each memory page it touches.
    gc.disable()
    code = 0
    try:
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        message: tuple[str, Any]
        try:
            story, store, saved, partial = read(paths, fresh)
            warnings: list[str] = []
            if store is not None:
                warnings = list(store.warnings)
                store.close()
            message = ("story", (story, saved, warnings, partial))
        except BaseException as error:
            message = ("error", error)
        try:
            data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # an error that does not pickle: its text does
            data = pickle.dumps(("error", RuntimeError(f"{type(error).__name__}: {error}")))
        with os.fdopen(out, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _receive(readable: int, pid: int, future: Future[Preloaded]) -> None:
    """Wait for the child's answer (the interpreter lock is free meanwhile); then open the store."""
    try:
        with os.fdopen(readable, "rb") as pipe:
            data = pipe.read()
        _reap(pid)
        if not data:
            raise RuntimeError("the process reading the story ended without an answer")
        kind, payload = pickle.loads(data)
        if kind == "error":
            raise payload
        story, saved, warnings, partial = payload
        store = None
        if not partial:
            from tui.core.state import StateStore

            store = StateStore(story)
            store.warnings[:0] = warnings
        future.set_result((story, store, saved, partial))
    except BaseException as error:
        future.set_exception(error)


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
