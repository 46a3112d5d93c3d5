"""SVG snapshots of each whole-story view at 80×24 and 160×48, on the seeds with the fixed alignment."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.conftest import SEEDS
from tests.ui.conftest import wait_ready
from tests.ui.test_overview_views import press, use_fixed_alignment
from tui.app import make_app
from tui.core.settings import Settings

VIEWS = {
    "overview": ("v",),
    "exclusives": ("E", "J"),
    "omissions": ("M", "J", "J", "J", "J"),
    "conflicts": ("x",),
    "quotes": ("quotation_mark",),
}
SIZES = [(80, 24), (160, 48)]


def _before(keys: tuple[str, ...]) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await wait_ready(pilot, app)  # type: ignore[arg-type]
        await use_fixed_alignment(app, pilot)  # type: ignore[arg-type]
        await press(app, pilot, *keys)  # type: ignore[arg-type]

    return run


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("view", list(VIEWS))
def test_view_snapshot(snap_compare: Any, view: str, size: tuple[int, int]) -> None:
    """Each view as a person sees it, at the smallest supported and a large terminal."""
    app = make_app([SEEDS], Settings())
    assert snap_compare(app, terminal_size=size, run_before=_before(VIEWS[view]))
