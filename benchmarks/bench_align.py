"""Alignment time and peak memory on generated stories of 5, 50, 200 and 1,000 articles.

    python benchmarks/bench_align.py [--spans] [SIZES ...]

Each size runs in its own process (so peak memory is its own): the story is generated in memory
(`bigstory.generate`), then `align_story` is timed as the reader runs it (`evidence=False`: the
panel asks for a paragraph's spans when it shows them), or with `--spans` as `samefact align
--json` runs it (every match's spans made with the matches). Prints paragraphs, candidate pairs,
matches, seconds (wall and CPU), the growth exponent of CPU time against the previous size
(∝ n^k) and the process's peak resident memory. Also times the seeds in process (best wall time
and median CPU time of 20).
"""

from __future__ import annotations

import json
import math
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZES = (5, 50, 200, 1000)


def _one(n: int, spans: bool) -> dict:
    from benchmarks.bigstory import generate
    from tui.core import align_story

    story = generate(n)
    paragraphs = sum(len(a.paragraphs) for a in story.articles)
    start, cpu = time.perf_counter(), time.process_time()
    alignment = align_story(story, evidence=spans)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": n,
        "paragraphs": paragraphs,
        "matches": len(alignment.matches),
        "facts": sum(1 for f in alignment.facts if not f.unique),
        "conflicts": len(alignment.conflicts),
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": rss,
    }


def _seeds(spans: bool) -> tuple[float, float]:
    """Best wall time and median CPU time of 20 alignments of the seeds."""
    from tui.core import align_story, load_story

    story = load_story([Path(__file__).resolve().parent.parent / "seeds"])
    align_story(story, evidence=spans)
    best = math.inf
    cpus = []
    for _ in range(20):
        start, cpu = time.perf_counter(), time.process_time()
        align_story(story, evidence=spans)
        best = min(best, time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return best, statistics.median(cpus)


def main() -> None:
    args = sys.argv[1:]
    spans = "--spans" in args
    args = [a for a in args if a != "--spans"]
    if len(args) == 2 and args[0] == "--one":
        print(json.dumps(_one(int(args[1]), spans)))
        return
    sizes = [int(a) for a in args] or list(SIZES)
    best, cpu = _seeds(spans)
    what = "every match's spans" if spans else "as the reader aligns"
    print(f"seeds ({what}): {best * 1000:.1f} ms (best of 20, in process; "
          f"median {cpu * 1000:.1f} ms CPU)")
    previous = None
    for n in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), *(["--spans"] if spans else [])],
            capture_output=True, text=True, check=True,
        )
        r = json.loads(out.stdout)
        growth = ""
        if previous:
            k = math.log(r["cpu"] / previous["cpu"]) / math.log(n / previous["articles"])
            growth = f"  n^{k:.2f} since {previous['articles']}"
        print(
            f"{n:>5} articles {r['paragraphs']:>6} paragraphs: {r['seconds']:7.2f} s "
            f"({r['cpu']:.2f} s CPU), "
            f"peak {r['peak_mb']:6.0f} MB, {r['matches']} matches, {r['facts']} facts, "
            f"{r['conflicts']} conflicts{growth}"
        )
        previous = r


if __name__ == "__main__":
    main()
