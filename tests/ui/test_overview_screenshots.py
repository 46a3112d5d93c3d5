"""Regenerate the README screenshots of the whole-story views: `pytest -m screenshots`.

They show the seeds as the reader aligns them, so the pictures are what a reader sees (the
snapshot tests pin the views' drawing with a fixed alignment instead).
Skipped unless `-m screenshots` is asked for, so a normal run never rewrites them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS
from tests.ui.conftest import wait_ready
from tests.ui.test_overview_views import press
from tui.app import make_app
from tui.core.settings import Settings

SHOTS = {
    "overview": ((120, 36), ("v",)),
    "overview-80x24": ((80, 24), ("v",)),
    "exclusives": ((120, 36), ("E", "J")),
    "omissions": ((120, 36), ("M", "J", "J", "J", "J")),
    "conflicts": ((120, 36), ("x",)),
    "quotes": ((120, 36), ("quotation_mark",)),
}


@pytest.mark.screenshots
@pytest.mark.parametrize("name", list(SHOTS))
async def test_screenshot(name: str, request: pytest.FixtureRequest) -> None:
    """Write screenshots/NAME.svg."""
    if "screenshots" not in (request.config.getoption("-m") or ""):
        pytest.skip("run with -m screenshots to regenerate")
    size, keys = SHOTS[name]
    app = make_app([SEEDS], Settings())
    async with app.run_test(size=size) as pilot:
        await wait_ready(pilot, app)
        await press(app, pilot, *keys)
        app.save_screenshot(f"{name}.svg", path=str(Path(ROOT) / "screenshots"))
