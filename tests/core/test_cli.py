"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import SEEDS


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60
    )


def test_align_json_lists_every_seed_article() -> None:
    """`samefact align seeds --json` prints the five articles and their matches."""
    result = _run("align", str(SEEDS), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["version"] >= 1
    assert len(data["articles"]) == 5
    assert data["matches"], "the seeds share facts, so some paragraphs must match"


def test_missing_path_is_one_line_and_nonzero() -> None:
    """A path that does not exist gives one line on stderr and no traceback."""
    result = _run("align", "/no/such/story")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "/no/such/story" in result.stderr
