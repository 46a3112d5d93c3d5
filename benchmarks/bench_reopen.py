"""Time to reopen a large story, with and without the alignment cache.

    python benchmarks/bench_reopen.py [--articles 200] [--seed 7] [--repeat 3]

The story is made of real paragraphs: the ECB+ topics in `tests/data/ecbplus/` and the
bundled seeds. Article i takes one topic (round robin), one of that topic's headlines and
6 to 14 of its body paragraphs chosen with a seeded generator, so outlets of a topic share
facts the way real coverage does. The files are written to a temporary folder.

Prints the median of `--repeat` runs for:
  - without cache: `load_story` + `align_story` (what every open costs without the cache);
  - first open:    `load_story` + `cached_alignment` on a miss (align, then store);
  - reopen:        `load_story` + `cached_alignment` on a hit;
  - state:         opening the reading-state database and restoring the place.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core import align_story, load_story
from tui.core.cache import alignment_key, cached_alignment
from tui.core.state import StateStore

ROOT = Path(__file__).resolve().parent.parent
ECBPLUS = ROOT / "tests" / "data" / "ecbplus"
SEEDS = ROOT / "seeds"


def _topics() -> dict[str, tuple[list[str], list[str]]]:
    """Topic → (headlines, body paragraphs), read from the ECB+ copies and the seeds."""
    topics: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    files = [(p.parent.name.split("-")[0], p) for p in sorted(ECBPLUS.glob("*/*.txt"))]
    files += [("seeds", p) for p in sorted(SEEDS.glob("*.txt"))]
    for topic, path in files:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > 1:
            topics[topic][0].append(lines[0])
            topics[topic][1].extend(lines[1:])
    return dict(topics)


def make_story(folder: Path, articles: int, seed: int) -> Path:
    """Write `articles` article files built from real paragraphs into `folder`."""
    rng = random.Random(seed)
    topics = _topics()
    names = sorted(topics)
    for i in range(articles):
        topic = names[i % len(names)]
        headlines, body = topics[topic]
        chosen = rng.sample(body, min(len(body), rng.randint(6, 14)))
        text = "\n\n".join([rng.choice(headlines), *chosen]) + "\n"
        (folder / f"{i:03d}_{topic}.txt").write_text(text, encoding="utf-8")
    return folder


def _median(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        (base / "story").mkdir()
        story_dir = make_story(base / "story", args.articles, args.seed)
        cache = base / "cache"
        story = load_story([story_dir])
        paragraphs = sum(len(a.paragraphs) for a in story.articles)
        load = _median(lambda: load_story([story_dir]), args.repeat)
        cold = _median(lambda: align_story(load_story([story_dir])), args.repeat)

        def first_open() -> None:
            for entry in cache.glob("*.pickle"):
                entry.unlink()
            cached_alignment(load_story([story_dir]), align_story, folder=cache)

        def reopen() -> None:
            alignment, hit = cached_alignment(load_story([story_dir]), align_story, folder=cache)
            assert hit and alignment.matches

        first = _median(first_open, args.repeat)
        warm = _median(reopen, max(args.repeat, 5))
        entry_kb = (cache / f"{alignment_key(story)[:40]}.pickle").stat().st_size / 1024
        matches = len(cached_alignment(story, align_story, folder=cache)[0].matches)

        store = StateStore(story, base / "state.sqlite3")
        store.save_place(story.articles[17].id, 3)
        store.close()
        state = _median(lambda: StateStore(story, base / "state.sqlite3").load(), 5)

    print(
        f"story: {len(story.articles)} articles, {paragraphs} paragraphs, {matches} matches, "
        f"cache entry {entry_kb:.0f} KiB"
    )
    print(f"load_story alone:           {load * 1000:8.1f} ms")
    print(f"reopen without cache:       {cold * 1000:8.1f} ms  (load + align)")
    print(f"first open, filling cache:  {first * 1000:8.1f} ms  (load + align + store)")
    print(f"reopen with cache:          {warm * 1000:8.1f} ms  (load + cache hit)")
    print(f"speed-up:                   {cold / warm:8.1f} x")
    print(f"reading state open+restore: {state * 1000:8.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
