"""Regenerate the README's screenshots: `python benchmarks/screenshots.py`.

Drives the reader on the bundled seeds with Textual's headless driver and saves SVGs into
`screenshots/`: the start, a paragraph other outlets report, one only this outlet reports,
the help screen, and the 80×24 layout. Nobody makes these by hand.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHOTS: dict[str, tuple[tuple[int, int], list[str]]] = {
    "start": ((120, 40), []),
    "corroborated": ((120, 40), ["right_square_bracket", "c"]),
    "unique": ((120, 40), ["right_square_bracket", "u"]),
    "conflict": ((120, 40), ["right_square_bracket", "x"]),
    "help": ((120, 40), ["question_mark"]),
    "narrow-80x24": ((80, 24), ["right_square_bracket", "c", "a"]),
}


async def shoot(name: str, size: tuple[int, int], keys: list[str], out: Path) -> Path:
    """Open the reader at `size`, wait for the alignment, press `keys`, save `name.svg`."""
    from tui.app import make_app
    from tui.core.settings import Settings

    # A private state directory per shot: no shot starts where the previous one stopped.
    os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="samefact-shots-")
    app = make_app([ROOT / "seeds"], Settings())
    async with app.run_test(size=size) as pilot:
        for _ in range(500):
            if app.alignment is not None and app.main.article is not None:
                break
            await pilot.pause(0.01)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        return Path(app.save_screenshot(f"{name}.svg", str(out)))


async def main() -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    for name, (size, keys) in SHOTS.items():
        print(await shoot(name, size, keys, out))


if __name__ == "__main__":
    os.environ.setdefault("SAMEFACT_CONFIG", os.devnull)
    asyncio.run(main())
