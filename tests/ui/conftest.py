"""Helpers for the Pilot tests: an app on the seeds whose alignment has finished."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.pilot import Pilot

from tests.conftest import SEEDS
from tui.app import SamefactApp, make_app
from tui.core.settings import Settings


async def wait_ready(pilot: Pilot, app: SamefactApp) -> None:
    """Wait until the story is shown and aligned (the worker has posted both messages)."""
    for _ in range(400):
        if app.alignment is not None and app.main.article is not None:
            break
        await pilot.pause(0.01)
    await pilot.pause()
    assert app.alignment is not None, "the alignment never arrived"


@asynccontextmanager
async def reader(
    size: tuple[int, int] = (120, 40), settings: Settings | None = None, paths: list | None = None
) -> AsyncIterator[tuple[SamefactApp, Pilot]]:
    """The reader on the seeds, aligned, at `size`."""
    app = make_app(paths or [SEEDS], settings or Settings())
    async with app.run_test(size=size) as pilot:
        await wait_ready(pilot, app)
        yield app, pilot
