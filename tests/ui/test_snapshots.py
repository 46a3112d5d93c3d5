"""SVG snapshots of the main states at 80×24, 120×40 and 160×48, with and without colour.

They change whenever the loader or the aligner changes what is shown: look at the report,
then regenerate with `pytest tests/ui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.conftest import SEEDS
from tests.ui.conftest import wait_ready
from tui.app import make_app
from tui.core.settings import Settings


async def _ready(pilot: Pilot) -> None:
    """The alignment worker has finished, so the panel and the gutter are final."""
    await wait_ready(pilot, pilot.app)  # type: ignore[arg-type]


CASES = {
    "start": ((120, 40), []),
    "corroborated": ((120, 40), ["right_square_bracket", "c"]),
    "unique": ((120, 40), ["right_square_bracket", "u"]),
    "conflict": ((120, 40), ["right_square_bracket", "x"]),
    "followed-match": ((120, 40), ["right_square_bracket", "c", "enter"]),
    "search": ((120, 40), ["slash", "K", "i", "m", "enter"]),
    "help": ((120, 40), ["question_mark"]),
    "narrow": ((80, 24), ["right_square_bracket", "c"]),
    "narrow-panel": ((80, 24), ["right_square_bracket", "c", "a"]),
    "wide": ((160, 48), ["right_square_bracket", "c", "tab"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_snapshot(name: str, snap_compare) -> None:  # type: ignore[no-untyped-def]
    size, keys = CASES[name]
    app = make_app([SEEDS], Settings())
    assert snap_compare(app, press=keys, terminal_size=size, run_before=_ready)


def test_snapshot_no_color(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Without colour, the current paragraph, the focus and the evidence still stand out."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app([SEEDS], Settings())
    keys = ["right_square_bracket", "c"]
    assert snap_compare(app, press=keys, terminal_size=(120, 40), run_before=_ready)
