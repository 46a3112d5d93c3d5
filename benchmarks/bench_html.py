"""Load time per MB of HTML, and the cost of fetching URLs with and without the cache.

    python benchmarks/bench_html.py [--sizes 0.1 1 5] [--repeat 3]

Pages: the saved news pages in `tests/data/web/pages/`, enlarged to each size by repeating
their article paragraphs and their comment sections (so the extractor still has site
chrome to throw away). Written to a temporary folder.

Prints the median of `--repeat` runs for:
  - import:  the first `import trafilatura` (paid once, only when a page is read);
  - extract: `extract_page` on one page of each size, in seconds and in seconds per MB;
  - story:   `load_story` on the five pages as saved;
  - fetch:   `load_story` on the five pages as URLs of a local server, with an empty cache
             (network) and again with the cache filled (no network: the server is stopped);
  - process: the whole `samefact align URL... --json` process, cold and cached.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.webserver import PAGES, LocalSite  # noqa: E402
from tui.core import load_story  # noqa: E402
from tui.core.html import extract_page  # noqa: E402

MB = 1024 * 1024


def enlarge(page: bytes, size: int) -> bytes:
    """The page with its article paragraphs repeated inside the article to about `size` bytes."""
    text = page.decode("cp1252" if b"windows-1252" in page[:600] else "utf-8")
    paragraphs = [p for p in re.findall(r"<p>[^<]{80,}</p>", text) if "Kelby" in p or "storm" in p]
    block = "\n".join(paragraphs)
    copies = max(1, (size - len(page)) // max(1, len(block)))
    anchor = text.index(paragraphs[0]) + len(paragraphs[0])
    grown = text[:anchor] + ("\n" + block) * copies + text[anchor:]
    return grown.encode("cp1252" if b"windows-1252" in page[:600] else "utf-8")


def median_time(action: Callable[[], object], repeat: int) -> float:
    """Median wall time; the machine may be shared, so `median_cpu` is printed beside it."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_cpu(action: Callable[[], object], repeat: int) -> float:
    """Median CPU time of this process (unaffected by other load on the machine)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)


def bench_import() -> float:
    code = (
        "import time; t = time.perf_counter(); import trafilatura; print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def bench_extract(sizes: list[float], repeat: int) -> None:
    pages = [p.read_bytes() for p in sorted(PAGES.glob("*.html"))]
    extract_page(pages[0])  # import and warm up outside the timing
    header = f"{'size':>8} {'pages':>5} {'s/page':>7} {'wall s/MB':>9} {'cpu s/MB':>8}"
    print(f"{header}  (median of {repeat})")
    for size_mb in sizes:
        big = [enlarge(p, int(size_mb * MB)) for p in pages]
        wall = [median_time(lambda b=b: extract_page(b), repeat) for b in big]
        cpu = [median_cpu(lambda b=b: extract_page(b), repeat) for b in big]
        mbytes = sum(len(b) for b in big) / MB
        print(
            f"{size_mb:>6.1f}MB {len(big):>5} {statistics.mean(wall):>7.3f} "
            f"{sum(wall) / mbytes:>9.3f} {sum(cpu) / mbytes:>8.3f}"
        )


def _once(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _fetch_round(names: list[str], process: bool) -> tuple[float, float]:
    """(cold, cached) seconds for one fresh cache: the server is stopped before the second."""
    with tempfile.TemporaryDirectory() as cache:
        os.environ["SAMEFACT_CACHE_DIR"] = cache
        site = LocalSite().start()
        urls = [site.url(f"pages/{n}") for n in names]
        argv = [sys.executable, "-m", "tui", "align", *urls, "--json"]

        def run() -> object:
            if process:
                return subprocess.run(argv, capture_output=True, cwd=ROOT, check=True)
            return load_story(urls)

        cold = _once(run)
        site.stop()
        return cold, _once(run)


def bench_fetch(repeat: int) -> None:
    names = [p.name for p in sorted(PAGES.glob("*.html"))]
    story_s = median_time(lambda: load_story([PAGES]), repeat)
    print(f"story:   load_story(5 saved pages)            {story_s:.3f} s")
    for process, label in (
        (False, "fetch:   load_story(5 URLs)"),
        (True, "process: align 5 URLs --json"),
    ):
        rounds = [_fetch_round(names, process) for _ in range(repeat)]
        cold = statistics.median(r[0] for r in rounds)
        cached = statistics.median(r[1] for r in rounds)
        print(f"{label:<31} empty cache {cold:.3f} s, cached and offline {cached:.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 5.0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"import:  trafilatura                          {bench_import():.3f} s")
    bench_extract(args.sizes, args.repeat)
    bench_fetch(args.repeat)


if __name__ == "__main__":
    main()
