"""Run a program in a pseudo-terminal and watch what it writes, as a terminal would.

A `PtySession` spawns a program on the slave side of a pty (its controlling terminal, so
`less` can read keys from /dev/tty), reads every byte it writes on a background thread with
a timestamp, and feeds those bytes to a `pyte` screen on demand. Timing always uses the
arrival time of the bytes, never the time the (slow) emulator took to digest them, so the
emulator does not inflate what is measured.

What a benchmark needs from it:

- `wait_for_text(text)`: the arrival time of the chunk after which `text` is on screen;
- `wait_quiet(window)`: block until no byte arrived for `window` seconds; returns the time
  of the last byte, so a "key to quiet" latency never includes the quiet window itself;
- `press(keys)` / `mark()` / `bytes_since(mark)`: bytes written in answer to a key;
- `wait_exit()` and `terminal_restored()`: how the program leaves the terminal.
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pyte

# The reader thread must get the interpreter lock promptly while the main thread runs pyte,
# or the arrival times it records would lag by up to the default 5 ms switch interval.
sys.setswitchinterval(0.0005)

DEFAULT_SIZE = (120, 40)

# Private modes a full-screen program may turn on and must turn off again when it exits.
# 25 (cursor visible) is the other way round: hidden with `l`, shown again with `h`.
RESTORE_MODES = {
    "1049": "alternate screen",
    "1047": "alternate screen",
    "47": "alternate screen",
    "1000": "mouse clicks",
    "1002": "mouse drag",
    "1003": "mouse motion",
    "1005": "UTF-8 mouse",
    "1006": "SGR mouse",
    "1015": "urxvt mouse",
    "1004": "focus events",
    "2004": "bracketed paste",
}
_PRIVATE_MODE = re.compile(rb"\x1b\[\?([0-9;]+)([hl])")
_KITTY_PUSH = re.compile(rb"\x1b\[>[0-9]*u")
_KITTY_POP = re.compile(rb"\x1b\[<[0-9]*u")


@dataclass
class Chunk:
    """Bytes from one read of the pty, with the time they arrived (`time.perf_counter`)."""

    at: float
    data: bytes


@dataclass
class Restore:
    """How a program left the terminal: which modes it set and did not reset."""

    left_on: list[str] = field(default_factory=list)
    """Names of the modes still on at the end of the output (empty when fully restored)."""

    @property
    def ok(self) -> bool:
        """True when every mode the program turned on is off again and the cursor is shown."""
        return not self.left_on


def terminal_restored(output: bytes) -> Restore:
    """Check that `output` (everything a program wrote) leaves no terminal mode behind.

    A mode counts as left on when its last `CSI ? N h` comes after its last `CSI ? N l`
    (for the cursor, 25: when its last `l` comes after its last `h`).
    """
    last: dict[str, str] = {}
    for match in _PRIVATE_MODE.finditer(output):
        for mode in match.group(1).decode().split(";"):
            last[mode] = match.group(2).decode()
    left = [
        f"{RESTORE_MODES[mode]} (?{mode})"
        for mode, state in last.items()
        if mode in RESTORE_MODES and state == "h"
    ]
    if last.get("25") == "l":
        left.append("cursor hidden (?25)")
    pushed = len(_KITTY_PUSH.findall(output)) - len(_KITTY_POP.findall(output))
    if pushed > 0:
        left.append(f"kitty keyboard flags pushed {pushed}x (>u)")
    return Restore(left)


class PtySession:
    """A program running in a pseudo-terminal of a fixed size, with a pyte screen.

    Args:
        argv: the program and its arguments.
        size: (columns, rows).
        env: extra environment variables; `TERM=xterm-256color` and the size are always set.
        cwd: working directory.
    """

    def __init__(
        self,
        argv: Sequence[str],
        *,
        size: tuple[int, int] = DEFAULT_SIZE,
        env: Mapping[str, str] | None = None,
        cwd: str | None = None,
    ) -> None:
        self.columns, self.rows = size
        self.screen = pyte.Screen(self.columns, self.rows)
        self._stream = pyte.ByteStream(self.screen)
        self._chunks: list[Chunk] = []
        self._fed = 0
        self._lock = threading.Condition()
        self._eof = False
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.columns, 0, 0))
        full_env = dict(os.environ)
        full_env.update(
            {"TERM": "xterm-256color", "COLUMNS": str(self.columns), "LINES": str(self.rows)}
        )
        full_env.pop("NO_COLOR", None)
        full_env.update(env or {})
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            cwd=cwd,
            start_new_session=True,
            preexec_fn=_take_controlling_terminal,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self._exited_at: float | None = None
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()
        threading.Thread(target=self._wait_loop, daemon=True).start()

    # -- reading --------------------------------------------------------------------------

    def _read_loop(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:  # EIO: the slave side closed (the program exited)
                data = b""
            now = time.perf_counter()
            with self._lock:
                if not data:
                    self._eof = True
                    self._lock.notify_all()
                    return
                self._chunks.append(Chunk(now, data))
                self._lock.notify_all()

    def mark(self) -> int:
        """A position in the output; `bytes_since(mark)` counts what came after it."""
        with self._lock:
            return len(self._chunks)

    def chunks_since(self, mark: int) -> list[Chunk]:
        """The chunks that arrived after `mark`."""
        with self._lock:
            return self._chunks[mark:]

    def bytes_since(self, mark: int = 0) -> int:
        """How many bytes the program wrote after `mark`."""
        return sum(len(chunk.data) for chunk in self.chunks_since(mark))

    def output(self, mark: int = 0) -> bytes:
        """Everything the program wrote after `mark`."""
        return b"".join(chunk.data for chunk in self.chunks_since(mark))

    @property
    def last_output_at(self) -> float:
        """Arrival time of the latest chunk (the start time when nothing came yet)."""
        with self._lock:
            return self._chunks[-1].at if self._chunks else self.started

    # -- the screen -------------------------------------------------------------------------

    def _feed_one(self) -> Chunk | None:
        with self._lock:
            if self._fed >= len(self._chunks):
                return None
            chunk = self._chunks[self._fed]
            self._fed += 1
        self._stream.feed(chunk.data)
        return chunk

    def sync_screen(self) -> None:
        """Feed every byte received so far to the pyte screen."""
        while self._feed_one() is not None:
            pass

    def text(self) -> str:
        """The screen as text, one line per row (after feeding everything received)."""
        self.sync_screen()
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for_text(self, needle: str, timeout: float = 20.0) -> float | None:
        """Wait until `needle` is on one screen row; return the arrival time of that chunk.

        Returns None on timeout or when the program exits first.
        """
        return self.wait_until(lambda: self.find_row(needle) is not None, timeout)

    def find_row(self, needle: str) -> int | None:
        """The first screen row holding `needle` (as fed so far), or None."""
        for row, line in enumerate(self.screen.display):
            if needle in line:
                return row
        return None

    def wait_until(self, condition: Callable[[], bool], timeout: float = 20.0) -> float | None:
        """Feed chunks until `condition()` holds; return the arrival time of the last one fed.

        `condition` looks at `self.screen`. Returns None on timeout or exit.
        """
        deadline = time.perf_counter() + timeout
        while True:
            chunk = self._feed_one()
            if chunk is not None:
                if condition():
                    return chunk.at
                continue
            with self._lock:
                if self._fed < len(self._chunks):
                    continue
                if self._eof or time.perf_counter() > deadline:
                    return None
                self._lock.wait(0.005)

    def wait_quiet(
        self, window: float = 0.03, timeout: float = 10.0, since: int | None = None
    ) -> float:
        """Block until nothing has arrived for `window` seconds; return the last arrival time.

        With `since` (a `mark()`), first wait (up to `timeout`) for a chunk past that mark, so
        a program that takes longer than `window` to start answering is not taken as quiet.
        """
        deadline = time.perf_counter() + timeout
        with self._lock:
            while since is not None and len(self._chunks) <= since and not self._eof:
                remaining = deadline - time.perf_counter()
                if remaining <= 0:
                    break
                self._lock.wait(remaining)
            while True:
                now = time.perf_counter()
                last = self._chunks[-1].at if self._chunks else self.started
                if self._eof or now - last >= window or now > deadline:
                    return last
                self._lock.wait(window - (now - last))

    # -- writing --------------------------------------------------------------------------

    def press(self, keys: str | bytes) -> float:
        """Write `keys` to the program as typed; return the time they were written."""
        data = keys.encode() if isinstance(keys, str) else keys
        at = time.perf_counter()
        os.write(self.master, data)
        return at

    def key_to_quiet(
        self, key: str | bytes, window: float = 0.03, timeout: float = 5.0
    ) -> tuple[float | None, int]:
        """Press `key`, wait for its answer and then for quiet.

        Returns (seconds from the key to the last byte of the answer, bytes of the answer);
        the latency is None when nothing came within `timeout`.
        """
        mark = self.mark()
        sent = self.press(key)
        self.wait_quiet(window, timeout=timeout, since=mark)
        chunks = self.chunks_since(mark)
        if not chunks:
            return None, 0
        return chunks[-1].at - sent, sum(len(chunk.data) for chunk in chunks)

    def resize(self, columns: int, rows: int) -> None:
        """Change the terminal size (the program gets SIGWINCH)."""
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.columns, self.rows = columns, rows
        self.screen.resize(rows, columns)

    # -- ending ---------------------------------------------------------------------------

    def _wait_loop(self) -> None:
        # A blocking waitpid: Popen.wait(timeout) polls with sleeps of up to 50 ms.
        self.process.wait()
        with self._lock:
            self._exited_at = time.perf_counter()
            self._lock.notify_all()

    def wait_exit(self, timeout: float = 10.0) -> float | None:
        """Wait for the program to exit; return the time it did (None on timeout).

        Then wait (briefly) until its last bytes are read, so `output()` is complete.
        """
        deadline = time.perf_counter() + timeout
        with self._lock:
            while self._exited_at is None and time.perf_counter() < deadline:
                self._lock.wait(deadline - time.perf_counter())
            if self._exited_at is None:
                return None
            end = time.perf_counter() + 1.0
            while not self._eof and time.perf_counter() < end:
                self._lock.wait(0.05)
            return self._exited_at

    def close(self) -> None:
        """Kill the program if it still runs, and release the pty."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(5)
        self._reader.join(2)
        try:
            os.close(self.master)
        except OSError:
            pass

    def __enter__(self) -> PtySession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _take_controlling_terminal() -> None:
    """In the child, after setsid: make the pty its controlling terminal (for /dev/tty)."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
