"""The reading-state database under fire: save latency, and a long kill -9 loop.

    python benchmarks/bench_state.py [--kills 200] [--saves 5000]

Save latency: the time of one `save_place` (what the reader does on every move, on its UI
thread), median and 99th percentile, with and without a second process writing the same
story at the same time.

Kill loop: a child process saves a move, prints its number, and repeats; it is killed
with SIGKILL after a random delay. Each round then checks `PRAGMA integrity_check` and
compares the saved place with the last move the child reported: it must be that move
or the one after it (saved, killed before it could print). The same database is used
for every round, so each round also recovers the WAL the previous kill left.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.model import Article, Paragraph, Story  # noqa: E402
from tui.core.state import StateStore  # noqa: E402

CHILD = """
import sys
from pathlib import Path
from tui.core.model import Article, Paragraph, Ref, Story
from tui.core.state import StateStore
tag, size = sys.argv[2], int(sys.argv[3])
story = Story((Article("a", "a.txt", "a", "file name", tag,
                       tuple(Paragraph(n, f"{tag} paragraph {n}.") for n in range(size))),))
store = StateStore(story, Path(sys.argv[1]))
for n in range(size):
    store.save_place("a", n)
    if n % 7 == 0:
        store.save_mark("k", "a", n)
    if n % 5 == 0:
        store.save_jumps([Ref("a", k) for k in range(max(0, n - 20), n + 1)], 21)
    print(n, flush=True)
"""


def _story(tag: str, size: int) -> Story:
    paragraphs = tuple(Paragraph(n, f"{tag} paragraph {n}.") for n in range(size))
    return Story((Article("a", "a.txt", "a", "file name", tag, paragraphs),))


def save_latency(path: Path, saves: int) -> tuple[float, float]:
    """Median and 99th percentile of one `save_place`, in microseconds."""
    store = StateStore(_story("latency", 100), path)
    times = []
    for n in range(saves):
        start = time.perf_counter()
        store.save_place("a", n % 100)
        times.append((time.perf_counter() - start) * 1e6)
    store.close()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99)]


def kill_loop(path: Path, kills: int, seed: int = 1) -> Counter[str]:
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    outcome: Counter[str] = Counter()
    size = 50_000
    for round_no in range(kills):
        tag = f"round {round_no}"
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), tag, str(size)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        first = child.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()
        child.wait()
        last = int((first + rest).split()[-1])
        db = sqlite3.connect(path)
        outcome[
            "integrity ok"
            if db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            else "integrity FAILED"
        ] += 1
        db.close()
        store = StateStore(_story(tag, size), path)
        place = store.load().place
        outcome["database moved aside"] += bool(store.warnings)
        store.close()
        behind = "missing" if place is None else place.paragraph - last
        label = {0: "saved = last reported move", 1: "saved = one move past the last reported"}
        outcome[label.get(behind, f"OTHER ({behind})")] += 1  # type: ignore[call-overload]
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--saves", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        median, p99 = save_latency(base / "latency.sqlite3", args.saves)
        print(f"save_place alone:          median {median:6.1f} µs, p99 {p99:7.1f} µs")
        writer = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(base / "latency.sqlite3"), "other", "1000000"],
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        time.sleep(0.3)
        median, p99 = save_latency(base / "latency.sqlite3", args.saves)
        writer.kill()
        writer.wait()
        print(f"save_place, second writer: median {median:6.1f} µs, p99 {p99:7.1f} µs")
        start = time.perf_counter()
        outcome = kill_loop(base / "kill.sqlite3", args.kills)
        took = time.perf_counter() - start
    print(f"kill -9 loop: {args.kills} rounds in {took:.1f} s")
    for label, count in sorted(outcome.items()):
        print(f"  {label}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
