"""Cost of the whole-story views on big stories: `python benchmarks/bench_overview.py [N ...]`.

For generated stories of N articles (ECB+ paragraphs, `stories.write_big_story`), times the
overview grid (`build_overview`, which includes wire-copy detection), the quotations
(`story_quotes`), wire copy alone (`find_wire`) and the Markdown report, each after one
alignment, and prints peak memory. The reader builds the views once per alignment in a worker,
so these figures say how long the first press of `v`, `x` or `"` waits on a big story.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.stories import write_big_story  # noqa: E402
from tui.core import align_story, load_story  # noqa: E402
from tui.core.overview import build_overview  # noqa: E402
from tui.core.quotes import story_quotes  # noqa: E402
from tui.core.report import build_report, to_markdown  # noqa: E402
from tui.core.wire import find_wire  # noqa: E402


def _timed(fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args)
    return result, (time.perf_counter() - start) * 1000


def run(articles: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        files = write_big_story(Path(folder), articles)
        story = load_story([files.folder])
        alignment, align_ms = _timed(align_story, story)
        tracemalloc.start()
        _, wire_ms = _timed(find_wire, story)
        overview, overview_ms = _timed(build_overview, alignment)
        quotes, quotes_ms = _timed(story_quotes, story)
        _, report_ms = _timed(lambda: to_markdown(build_report(alignment, overview)))
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        paragraphs = sum(len(a.paragraphs) for a in story.articles)
        print(
            f"{articles:5d} articles {paragraphs:6d} ¶ | align {align_ms:7.0f} ms | "
            f"wire {wire_ms:6.0f} ms | overview {overview_ms:6.0f} ms ({len(overview.rows)} rows) | "
            f"quotes {quotes_ms:6.0f} ms ({len(quotes)}) | report {report_ms:6.0f} ms | "
            f"peak {peak:5.0f} MiB (views, traced)"
        )


if __name__ == "__main__":
    for n in [int(a) for a in sys.argv[1:]] or [5, 50, 200]:
        run(n)
