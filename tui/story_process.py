"""Reading and aligning a large story in a child process, so the reader keeps answering keys.

A thread of the reader's own interpreter shares its lock with the UI: while a thread aligned
500 articles, a key could wait a few hundred milliseconds for the lock. A child process
(the `spawn` start method: a fresh interpreter, nothing inherited from Textual) reads the
files when there are many, aligns through the alignment cache (`tui.persist.align_cached`,
so a story aligned once is read back from the cache, in the child too), and sends back, over a
pipe:

- `("progress", stage, done, total)`, at most every 50 ms (stage: "read" or "align");
- `("story", story)` when it read the files;
- the alignment in parts, `("part", field, items)` of at most `PART` items each, then
  `("aligned", fields)` with the rest. One pickle of a 500-article alignment takes the
  interpreter lock for half a second to load; parts take it a few milliseconds at a time,
  and the lookup tables are rebuilt by `Alignment.__post_init__` in ordinary Python, which
  lets the UI thread in every few milliseconds;
- `("error", text)` if something failed.

The child ends by itself when the reader goes away (it watches its parent), and the reader
ends it when it quits or reloads (`stop_all`, `StoryJob.stop`). Nothing here imports Textual.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from tui.core.model import Alignment, Story
    from tui.core.settings import Settings

READ_APART_FROM = 40
"""A local story of more files than this is read in the child (the first article is read
at once by the reader itself, so it is shown meanwhile)."""
ALIGN_APART_FROM = 600
"""A story of more paragraphs than this is aligned in the child. Smaller ones align in a
thread in well under half a second, less than starting a child takes."""
PART = 2000
"""Items (matches, facts, conflicts) per message of a sent alignment."""
EVERY = 0.05
"""Seconds between two progress messages."""
NICE = 10
"""How much lower the child's CPU priority is than the reader's."""

_running: set[StoryJob] = set()
_lock = threading.Lock()


def aligns_apart(story: Story) -> bool:
    """Whether `story` is large enough to be aligned in a child process."""
    return sum(len(article.paragraphs) for article in story.articles) > ALIGN_APART_FROM


class StoryJob:
    """One child process that reads (given `paths`) or takes `story`, and aligns it."""

    def __init__(
        self, settings: Settings, *, paths: Sequence[str] = (), story: Story | None = None
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, child_end = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_child,
            args=(child_end, list(paths), story, settings, os.getpid()),
            name="samefact-align",
            daemon=True,
        )
        with _lock:
            _running.add(self)
        with _real_stderr():
            self.process.start()
        child_end.close()

    def events(self) -> Iterator[tuple[Any, ...]]:
        """What the child sends, as it comes (blocking), ending with the alignment or an error.

        The alignment's parts are put together here: the last event is `("alignment", fields)`,
        the keyword arguments of `Alignment` except the story. Several calls continue where
        the last one stopped; `stop` ends the child.
        """
        return receive(self._connection, lambda: self.process.exitcode)

    def stop(self) -> None:
        """End the child (if it still runs) and close the pipe."""
        with _lock:
            _running.discard(self)
        with contextlib.suppress(Exception):
            if self.process.is_alive():
                self.process.kill()
        with contextlib.suppress(Exception):
            self._connection.close()


def receive(
    connection: Connection, exit_code: Callable[[], int | None]
) -> Iterator[tuple[Any, ...]]:
    """The events a child sends over `connection` (see `StoryJob.events`)."""
    parts: dict[str, list[Any]] = {}
    while True:
        enabled = gc.isenabled()
        gc.disable()  # unpickling many objects: no collection every few hundred (see paused_gc)
        try:
            event = connection.recv()
            if event[0] in ("story", "part", "aligned"):
                gc.freeze()  # what was just made is long-lived: later collections skip it
        except (EOFError, OSError):
            event = ("error", f"the aligning process stopped (exit code {exit_code()})")
        finally:
            if enabled:
                gc.enable()
        kind = event[0]
        if kind == "part":
            parts.setdefault(event[1], []).extend(event[2])
            continue
        if kind == "aligned":
            fields = dict(event[1])
            for name, items in parts.items():
                fields[name] = tuple(items)
            yield ("alignment", fields)
            return
        yield event
        if kind == "error":
            return


def build_alignment(story: Story, fields: dict[str, Any]) -> Alignment:
    """The `Alignment` of `story` from the fields a child sent."""
    from tui.core.model import Alignment

    with paused_gc():
        return Alignment(story=story, **fields)


def stop_all() -> None:
    """End every running child (the reader is quitting)."""
    with _lock:
        jobs = list(_running)
    for job in jobs:
        job.stop()


# -- in the child ---------------------------------------------------------------------------


def _child(
    connection: Connection,
    paths: list[str],
    story: Story | None,
    settings: Settings,
    parent: int,
) -> None:
    """Read (when `story` is None) and align, sending events to the reader over `connection`."""
    _quiet_stdio()
    _watch_parent(parent)
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICE)  # background work: the reader's own process comes first for the CPU
    send = _Sender(connection)
    try:
        if story is None:
            from tui.core import load_story

            story = load_story(
                paths, progress=lambda done, total, *_: send.progress("read", done, total)
            )
            send.now(("story", story))
        from tui.persist import align_cached

        alignment, _cached = align_cached(
            story, settings, lambda done, total: send.progress("align", done, total)
        )
        _send_alignment(send, alignment)
    except BaseException as error:  # reported in the reader, which stays usable
        with contextlib.suppress(Exception):
            send.now(("error", f"{type(error).__name__}: {error}"))
    finally:
        with contextlib.suppress(Exception):
            connection.close()


def _send_alignment(send: _Sender, alignment: Alignment) -> None:
    """The alignment's constructor fields, long tuples in parts of `PART` items."""
    rest: dict[str, Any] = {}
    for field in dataclasses.fields(alignment):
        if not field.init or field.name == "story":
            continue
        value = getattr(alignment, field.name)
        if isinstance(value, tuple) and len(value) > PART:
            for start in range(0, len(value), PART):
                send.now(("part", field.name, value[start : start + PART]))
        else:
            rest[field.name] = value
    send.now(("aligned", rest))


class _Sender:
    """Sends events to the reader; progress at most every `EVERY` seconds."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.last = 0.0

    def now(self, event: tuple[Any, ...]) -> None:
        self.connection.send(event)

    def progress(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last >= EVERY or done >= total:
            self.last = now
            self.now(("progress", stage, done, total))


@contextlib.contextmanager
def _real_stderr() -> Iterator[None]:
    """The process's own stderr while a child starts.

    Textual puts a capture object in `sys.stderr` whose `fileno()` is not a real file;
    multiprocessing hands `sys.stderr.fileno()` to its resource tracker and fails on it.
    """
    captured = sys.stderr
    try:
        real = captured is not None and captured.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        real = False
    if not real and sys.__stderr__ is not None:
        sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = captured


def _quiet_stdio() -> None:
    """Nothing the child might print may reach the reader's terminal."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.close(devnull)


def _watch_parent(parent: int) -> None:
    """End this process when the reader that started it is gone (killed, or quit at once)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(0)

    threading.Thread(target=watch, name="samefact-parent-watch", daemon=True).start()


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cycle collection while the objects of a received story or alignment are made.

    With the collector on, unpickling them started a collection every few hundred objects
    (see `tui.core.cache`); turned back on after making a few hundred thousand, it would run
    a full collection over all of them at once, holding the interpreter lock for a quarter
    of a second. So what exists when it ends is frozen first (`gc.freeze`): later
    collections skip it, as they skip the reader's own long-lived objects.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
