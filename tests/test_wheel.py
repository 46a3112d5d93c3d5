"""The wheel is complete: built, installed into a fresh venv, run from elsewhere.

To stay fast and offline, the fresh venv is made without pip, the wheel is installed into
it with this interpreter's pip (`--python`, `--no-deps`), and the dependencies are seen
through a `.pth` line pointing at this interpreter's site-packages. A plain path in a
`.pth` file is not a site directory, so an editable install of the checkout living there is
not activated; the test checks that `tui` is imported from the new venv, and runs from a
temporary folder so the checkout is not on the path either.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    result = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=300, env=env, **kwargs  # type: ignore[arg-type]
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def _build_wheel(out: Path) -> Path:
    """Build without isolation when hatchling is at hand (fast, offline), else with `build`."""
    if importlib.util.find_spec("hatchling") is not None:
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
        _run([*command, "-q", "-w", str(out), str(ROOT)], cwd=out)
    else:
        _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)], cwd=out)
    (wheel,) = out.glob("samefact-*.whl")
    return wheel


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _fresh_venv(tmp: Path, wheel: Path) -> Path:
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp)
    python = _venv_python(venv)
    site = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp
    ).stdout.strip()
    Path(site, "_parent_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--no-index", str(wheel)],
        cwd=tmp,
    )  # fmt: skip
    return venv


def test_wheel_installs_and_runs_from_anywhere(tmp_path: Path) -> None:
    """The wheel carries styles and seeds; installed, `samefact align` reads the bundled seeds."""
    wheel = _build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("tui/styles/") and n.endswith(".tcss") for n in names)
    assert sum(n.startswith("tui/seeds/") and n.endswith(".txt") for n in names) == 5
    assert not any(n.startswith(("tests/", "seeds/", "styles/")) for n in names)

    venv = _fresh_venv(tmp_path, wheel)
    python = str(_venv_python(venv))
    where = _run([python, "-c", "import tui; print(tui.__file__)"], cwd=tmp_path).stdout.strip()
    assert Path(where).resolve().is_relative_to(venv.resolve()), where

    samefact = str(venv / ("Scripts/samefact.exe" if os.name == "nt" else "bin/samefact"))
    version = _run([samefact, "--version"], cwd=tmp_path).stdout
    assert version.startswith("samefact ")
    result = _run([samefact, "align", "--json"], cwd=tmp_path)
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 5
    assert all(Path(a["path"]).resolve().is_relative_to(venv.resolve()) for a in data["articles"])
    assert data["matches"]
