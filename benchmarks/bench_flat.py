"""Loading and aligning texts whose paragraph breaks were lost: a few long articles.

    python benchmarks/bench_flat.py [MEGABYTES ...]

For each size (default 1, 5 and 10 MB), in its own process: a folder of two seeds and one
text of that many megabytes on a single line (words drawn from the seeds, seeded, with the
seeds' sentence ends), which `segment.split_long` cuts into pieces; and a folder of two seeds
and a text of 60,000 short lines, of which `load.MAX_PARAGRAPHS` are read (thousands of
paragraphs that share words in few articles: the bounds of a large story); and a folder of two seeds and
an RSS feed of 2,000 entries of 200 paragraphs (about 16 MB; the first `web.MAX_ENTRIES` are
read, no page fetched). Prints paragraphs,
seconds to load, seconds to align (as `samefact align --json`, spans made), and peak resident
memory.
"""

from __future__ import annotations

import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = (1, 5, 10)


def _write(folder: Path, kind: str, megabytes: float) -> None:
    seeds = sorted((ROOT / "seeds").iterdir())
    for seed in seeds[:2]:
        shutil.copy(seed, folder / seed.name)
    words = " ".join(s.read_text(encoding="utf-8") for s in seeds).split()
    rng = random.Random(7)
    if kind == "flat":
        size, out = int(megabytes * 2**20), []
        total = 0
        while total < size:
            word = rng.choice(words)
            out.append(word)
            total += len(word) + 1
        (folder / "flat.txt").write_text(" ".join(out) + "\n", encoding="utf-8")
    elif kind == "feed":
        items = "".join(
            f"<item><title>Entry {k}</title><description><![CDATA["
            + "".join(f"<p>{' '.join(rng.sample(words, 6))}.</p>" for _ in range(200))
            + "]]></description></item>"
            for k in range(2_000)
        )
        (folder / "feed.rss").write_text(
            f'<rss version="2.0"><channel><title>Desk</title>{items}</channel></rss>',
            encoding="utf-8",
        )
    else:
        lines = [" ".join(rng.choice(words) for _ in range(8)) for _ in range(60_000)]
        (folder / "lines.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def _one(kind: str, megabytes: float) -> str:
    from tui.core import align_story, load_story

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write(folder, kind, megabytes)
        start = time.perf_counter()
        story = load_story([folder])
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        alignment = align_story(story)
        aligned = time.perf_counter() - start
    paragraphs = sum(len(a.paragraphs) for a in story.articles)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    name = {
        "flat": f"{megabytes:g} MB on one line",
        "feed": "feed of 2,000 entries",
        "lines": "60,000 short lines",
    }[kind]
    return (
        f"{name:22s} {paragraphs:7,d} ¶  load {loaded:6.2f} s  align {aligned:6.2f} s  "
        f"{len(alignment.matches):6,d} matches  peak {rss:6.0f} MB"
    )


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(_one(argv[1], float(argv[2])), flush=True)
        return
    sizes = [float(a) for a in argv] or SIZES
    runs = [("flat", mb) for mb in sizes] + [("lines", 0), ("feed", 0)]
    for kind, mb in runs:
        subprocess.run([sys.executable, __file__, "--one", kind, str(mb)], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
