"""The headless core: loading, segmenting and aligning articles. No Textual, no Rich.

The names below are imported on first use (PEP 562), so that `tui.core.settings` or
`tui.core.model` can be imported without loading the loader and the matcher: the reader
reads its settings before its first paint and loads the rest in a worker.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.align import align_story
    from tui.core.load import load_story
    from tui.core.model import (
        Alignment,
        Article,
        Conflict,
        Fact,
        Match,
        Paragraph,
        Problem,
        Ref,
        Span,
        Story,
        Version,
    )

__all__ = [
    "Alignment",
    "Article",
    "Conflict",
    "Fact",
    "Match",
    "Paragraph",
    "Problem",
    "Ref",
    "Span",
    "Story",
    "Version",
    "align_story",
    "load_story",
]

_HOME = {"align_story": "tui.core.align", "load_story": "tui.core.load"}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'tui.core' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME.get(name, "tui.core.model")), name)
    globals()[name] = value
    return value
