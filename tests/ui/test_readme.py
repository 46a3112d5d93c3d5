"""The README's key table is the binding table."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from tui.bindings import keys_markdown


def test_readme_key_table_matches_bindings() -> None:
    """Regenerate with `python -m tui.bindings` when a binding changes."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- keys:start.*?-->\n(.*?)\n<!-- keys:end -->", readme, re.S)
    assert found, "README has no generated key table"
    assert found.group(1) == keys_markdown()


def test_readme_screenshots_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in re.findall(r"\((screenshots/[\w.-]+\.svg)\)", readme):
        assert (ROOT / name).is_file(), name
