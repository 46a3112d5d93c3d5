"""CPU time of conflict detection alone, on the seeds and on generated stories.

    python benchmarks/bench_conflicts.py [SIZES ...]

For each story the alignment runs once; then `conflicts.find_conflicts` is timed with
`time.process_time` (CPU, so a busy machine matters less), median of `REPEAT` runs, and printed
beside the CPU time of the whole `align_story` (one run), with the paragraph pairs compared (the
facts' pairs and the matches graded `same`) and the conflicts found.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bigstory import generate  # noqa: E402
from benchmarks.evaldata import SEEDS  # noqa: E402
from tui.core import align_story, load_story  # noqa: E402
from tui.core.conflicts import find_conflicts  # noqa: E402
from tui.core.features import index_story  # noqa: E402

SIZES = (5, 100)
REPEAT = 3


def _cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    stories = [("seeds", load_story([SEEDS]))] + [(f"{n} articles", generate(n)) for n in sizes]
    for name, story in stories:
        total = _cpu(lambda: align_story(story))
        alignment = align_story(story)
        index = index_story(story)
        facts = list(alignment.facts)
        matches = alignment.matches
        times = [_cpu(lambda: find_conflicts(index, facts, matches)) for _ in range(REPEAT)]
        same = sum(m.grade == "same" for m in alignment.matches)
        print(f"{name}: {len(index.paragraphs)} paragraphs, {same} same matches, "
              f"{len(alignment.conflicts)} conflicts; find_conflicts "
              f"{statistics.median(times) * 1000:.0f} ms CPU (median of {REPEAT}), "
              f"align_story {total * 1000:.0f} ms CPU")


if __name__ == "__main__":
    main()
