"""The headless core and the command line's headless path never load Textual or Rich."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, SEEDS

PROBE = """
import io, json, sys
from contextlib import redirect_stdout
import tui.core, tui.cli
from tui.core import align_story, load_story
from tui.core.export import to_json, to_text
story = load_story([sys.argv[1]])
alignment = align_story(story)
to_text(alignment)
out = io.StringIO()
with redirect_stdout(out):
    status = tui.cli.main(["align", sys.argv[1], "--json"])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
articles = len(json.loads(out.getvalue())["articles"])
print(json.dumps({"status": status, "heavy": heavy, "articles": articles}))
"""


def test_core_and_cli_align_import_no_ui_library() -> None:
    """Loading, aligning and `samefact align --json` leave textual and rich out of sys.modules."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(SEEDS)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"status": 0, "heavy": [], "articles": 5}


def test_python_m_tui_align_prints_json() -> None:
    """`python -m tui align seeds --json` exits 0 with valid JSON and nothing on stderr."""
    result = subprocess.run(
        [sys.executable, "-m", "tui", "align", str(SEEDS), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert [a["outlet"] for a in data["articles"]] == [
        "Politico", "AFP", "The Defense News", "The Independent", "CBC News",
    ]  # fmt: skip
