"""The config file: good values are used, each bad one is named with its line and falls back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.settings import Settings, config_path, load_settings


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults_and_no_warning(tmp_path: Path) -> None:
    """No config file is the normal case: defaults, silently."""
    assert load_settings(tmp_path / "absent.toml") == (Settings(), [])


def test_env_variable_overrides_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SAMEFACT_CONFIG points at the file that is read."""
    path = _write(tmp_path, 'theme = "nord"\n')
    monkeypatch.setenv("SAMEFACT_CONFIG", str(path))
    assert config_path() == path
    assert load_settings()[0].theme == "nord"


def test_default_path_is_under_the_user_config_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the variable the file lives in the platform's config folder."""
    monkeypatch.delenv("SAMEFACT_CONFIG")
    assert config_path().parts[-2:] == ("samefact", "config.toml")


def test_every_setting_is_read(tmp_path: Path) -> None:
    """A valid file sets theme, bandwidth, layout, keymap and thresholds."""
    path = _write(
        tmp_path,
        """theme = "gruvbox"
low_bandwidth = true
layout = "narrow"

[keymap]
next-paragraph = "ctrl+j, }"
"quit" = "x"

[thresholds]
same = 0.6
related = 0
""",
    )
    settings, warnings = load_settings(path)
    assert warnings == []
    assert settings == Settings(
        theme="gruvbox",
        low_bandwidth=True,
        layout="narrow",
        keymap={"next-paragraph": "ctrl+j,}", "quit": "x"},
        same_threshold=0.6,
        related_threshold=0.0,
    )


@pytest.mark.parametrize(
    ("text", "line", "key", "field", "words"),
    [
        ('theme = "Solarized Light"\n', 1, "theme", "theme", "not a theme name"),
        ("\ntheme = 3\n", 2, "theme", "theme", "must be a string"),
        ('low_bandwidth = "yes"\n', 1, "low_bandwidth", "low_bandwidth", "true or false"),
        ('# c\n\nlayout = "diagonal"\n', 3, "layout", "layout", "auto, wide, narrow"),
        ("[thresholds]\nsame = 1.5\n", 2, "thresholds.same", "same_threshold", "outside 0 to 1"),
        ("[thresholds]\nrelated = -0.1\n", 2, "thresholds.related", "related_threshold", "outside"),
        ('[thresholds]\nsame = "high"\n', 2, "thresholds.same", "same_threshold", "number"),
        ("[thresholds]\nsame = true\n", 2, "thresholds.same", "same_threshold", "number"),
        ("thresholds.same = 2\n", 1, "thresholds.same", "same_threshold", "outside"),
        ("[keymap]\nquit = 5\n", 2, "keymap.quit", "keymap", "string of keys"),
        ('[keymap]\nquit = "q,,x"\n', 2, "keymap.quit", "keymap", "comma-separated"),
        ('keymap = "q"\n', 1, "keymap", "keymap", "must be a table"),
    ],
)
def test_bad_value_names_key_and_line_and_keeps_default(
    tmp_path: Path, text: str, line: int, key: str, field: str, words: str
) -> None:
    """Each bad value gives one warning with file, line and key; that setting keeps its default."""
    settings, warnings = load_settings(_write(tmp_path, text))
    assert len(warnings) == 1, warnings
    assert f"config.toml:{line}: {key}:" in warnings[0]
    assert words in warnings[0]
    assert getattr(settings, field) == getattr(Settings(), field)


def test_one_bad_value_does_not_spoil_the_others(tmp_path: Path) -> None:
    """Good settings beside a bad one are still used."""
    path = _write(tmp_path, 'theme = "nord"\nlayout = "sideways"\n[keymap]\nquit = "x"\n')
    settings, warnings = load_settings(path)
    assert (settings.theme, settings.layout, settings.keymap) == ("nord", "auto", {"quit": "x"})
    assert len(warnings) == 1 and ":2: layout:" in warnings[0]


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        ("colour = 3\n", 1, "colour"),
        ('theme = "nord"\n\n[thresholds]\nsame = 0.5\nstrict = 0.9\n', 5, "thresholds.strict"),
        ("[display]\nwide = true\n", 1, "display"),
    ],
)
def test_unknown_key_is_named_with_its_line(tmp_path: Path, text: str, line: int, key: str) -> None:
    """A misspelt or unknown setting is reported, not silently ignored."""
    _settings, warnings = load_settings(_write(tmp_path, text))
    assert len(warnings) == 1, warnings
    assert f"config.toml:{line}: {key}: unknown" in warnings[0]


def test_same_below_related_falls_back(tmp_path: Path) -> None:
    """Thresholds that contradict each other keep the fitted `same` value."""
    path = _write(tmp_path, "[thresholds]\nrelated = 0.5\nsame = 0.4\n")
    settings, warnings = load_settings(path)
    assert settings.same_threshold is None and settings.related_threshold == 0.5
    assert len(warnings) == 1 and ":3: thresholds.same:" in warnings[0]


def test_syntax_error_names_the_line_and_uses_every_default(tmp_path: Path) -> None:
    """A file that is not TOML at all gives one warning with the line, and pure defaults."""
    path = _write(tmp_path, 'theme = "nord"\n\nlayout = \n')
    settings, warnings = load_settings(path)
    assert settings == Settings()
    assert len(warnings) == 1
    assert "config.toml:3: not valid TOML" in warnings[0]
    assert "(at line" not in warnings[0]


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are reported with their line, never as a traceback."""
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "nord"\nlayout = "w\xe9de"\n')
    settings, warnings = load_settings(path)
    assert settings == Settings()
    assert len(warnings) == 1 and "config.toml:2: not UTF-8" in warnings[0]


def test_unreadable_file_is_a_warning(tmp_path: Path) -> None:
    """A config path that is a folder (or unreadable) warns and keeps defaults."""
    path = tmp_path / "config.toml"
    path.mkdir()
    settings, warnings = load_settings(path)
    assert settings == Settings()
    assert len(warnings) == 1 and "cannot be read" in warnings[0]


def test_lines_inside_multiline_strings_are_not_keys(tmp_path: Path) -> None:
    """A `key = ` inside a multi-line string does not steal the line of a real key."""
    path = _write(tmp_path, 'note = """\nlayout = x\n"""\nlayout = "bad"\n')
    _settings, warnings = load_settings(path)
    assert any(":4: layout:" in w for w in warnings), warnings


def test_check_keymap_names_unknown_binding_ids(tmp_path: Path) -> None:
    """The reader checks keymap ids against its live bindings; the warning keeps the line."""
    path = _write(tmp_path, '[keymap]\nquit = "x"\nnext-paragrap = "n"\n')
    settings, warnings = load_settings(path)
    assert warnings == []
    unknown = settings.check_keymap({"quit", "next-paragraph"})
    assert len(unknown) == 1 and "config.toml:3: keymap.next-paragrap: unknown" in unknown[0]


def test_import_is_cheap() -> None:
    """Importing the settings module loads neither the TOML parser nor the UI."""
    code = (
        "import sys, tui.core.settings; "
        "print(sorted(m for m in ('tomllib', 'tomli', 'textual', 'rich') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
