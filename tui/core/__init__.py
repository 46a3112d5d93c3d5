"""The headless core: loading, segmenting and aligning articles. No Textual, no Rich."""

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
