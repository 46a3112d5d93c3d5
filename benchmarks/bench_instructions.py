"""Machine instructions of one seeds alignment, counted by valgrind: a figure that neither the
machine's load nor the machine itself changes, to compare two versions of the matcher where wall
times on a shared 2-core machine vary by a third.

    python benchmarks/bench_instructions.py [--spans]

Runs this script's `--child` under `valgrind --tool=cachegrind --cache-sim=no` twice: once
aligning the seeds once (imports, first-use caches, loading), once aligning them once more; the
difference is one alignment as the reader runs it (`evidence=False`; `--spans`: with every
match's spans, as `samefact align --json`). Each text's sentence ends and headline reading
are forgotten before the counted alignment, as a new story's would be. Needs valgrind
(`apt-get install valgrind`); takes under a minute.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _child(runs: int, spans: bool) -> None:
    from benchmarks.evaldata import SEEDS
    from tui.core import align_story, load_story
    from tui.core.facts import _headline_styled
    from tui.core.features import sentence_ends

    story = load_story([SEEDS])
    align_story(story, evidence=spans)
    for _ in range(runs - 1):
        sentence_ends.cache_clear()
        _headline_styled.cache_clear()
        align_story(story, evidence=spans)


def _instructions(runs: int, spans: bool) -> int:
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, "--child", str(runs), *(["--spans"] if spans else []),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if not found:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spans", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.spans)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    one, two = _instructions(1, args.spans), _instructions(2, args.spans)
    mode = "with spans" if args.spans else "as the reader aligns"
    print(f"seeds ({mode}): {(two - one) / 1e6:.0f} M instructions per alignment")


if __name__ == "__main__":
    main()
