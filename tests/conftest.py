"""Shared fixtures: the bundled seeds, and a private config/state directory for every test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.webserver import site  # noqa: F401  (the local news site fixture)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The developer's own config, state and cache never leak into a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SAMEFACT_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture
def seeds() -> Path:
    """The bundled sample story."""
    return SEEDS
