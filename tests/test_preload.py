"""Reading the story ahead in a forked child gives what reading it in a thread gives.

Each case runs in a fresh interpreter, as the command line does (a fork from the test
process would copy its threads' locks).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="POSIX only")

SAVE = """
import json, sys
from tui.core import load_story
from tui.core.state import StateStore

story = load_story(json.loads(sys.argv[1]))
store = StateStore(story)
store.save_place(story.articles[1].id, 3)
store.save_mark("a", story.articles[1].id, 1)
store.close()
"""

READ = """
import json, sys, threading
from tui import preload

paths, fresh = json.loads(sys.argv[1]), sys.argv[2] == "fresh"
threads = threading.active_count()
story, store, saved, partial = preload.read_ahead(paths, fresh).result(timeout=60)
answer = {
    "one_thread_before": threads == 1,
    "loader_here": "tui.core.load" in sys.modules,
    "articles": [a.id for a in story.articles],
    "partial": partial,
    "store": store is not None,
    "place": saved and saved.place and [saved.place.article, saved.place.paragraph],
    "marks": saved and {k: [r.article, r.paragraph] for k, r in saved.marks.items()},
}
from tui.core import load_story

answer["same_story"] = partial or story == load_story(paths)
if store is not None:  # the store opened here writes, and what it writes is read back
    from tui.core.state import StateStore

    store.save_place(story.articles[0].id, 2)
    store.close()
    again = StateStore(story).load()
    answer["saved_after"] = [again.place.article, again.place.paragraph]
print(json.dumps(answer))
"""


def _python(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def _read_ahead(paths: list[Path], fresh: bool = False, save: bool = False) -> dict:
    where = json.dumps([str(p) for p in paths])
    if save:
        _python(SAVE, where)
    return json.loads(_python(READ, where, "fresh" if fresh else "keep"))


def test_child_reads_the_story_and_its_saved_place() -> None:
    """The story, the saved place and marks come back; the store opened here saves moves."""
    got = _read_ahead([SEEDS], save=True)
    assert got["one_thread_before"] and not got["loader_here"]  # read in the child
    assert got["same_story"] and len(got["articles"]) == 5
    assert not got["partial"] and got["store"]
    second = got["articles"][1]
    assert got["place"] == [second, 3]
    assert got["marks"] == {"a": [second, 1]}
    assert got["saved_after"] == [got["articles"][0], 2]


def test_fresh_forgets_what_was_saved() -> None:
    got = _read_ahead([SEEDS], fresh=True, save=True)
    assert got["place"] is None and not got["marks"]


def test_many_files_give_the_first_article_only(tmp_path: Path) -> None:
    """A story of more files than are read here: only its first article, and no store."""
    from tui.story_process import READ_APART_FROM

    folder = tmp_path / "story"
    folder.mkdir()
    for i in range(READ_APART_FROM + 3):
        (folder / f"{i:03}.txt").write_text(f"Headline {i}\n\nParagraph {i} of the story.\n")
    got = _read_ahead([folder])
    assert got["partial"] and not got["store"]
    assert got["articles"] == ["000"]
