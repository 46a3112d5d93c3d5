"""Where the files shipped beside the code live: in a wheel, or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def styles_dir() -> Path:
    """The TCSS folder: `tui/styles` inside a wheel, `styles/` in a checkout."""
    return _shipped("styles")


def seeds_dir() -> Path:
    """The bundled sample story: `tui/seeds` inside a wheel, `seeds/` in a checkout."""
    return _shipped("seeds")
