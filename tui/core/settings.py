"""User settings: an optional TOML file under the user's config directory.

`SAMEFACT_CONFIG` overrides the path. A missing file means defaults. A bad value is
reported with the file, the line and the key, and that one setting keeps its default; a
file that is not valid TOML is reported with its line and every setting keeps its
default. Reading settings never raises.

The file looks like this (every key optional)::

    theme = "nord"
    low_bandwidth = false
    layout = "auto"            # auto, wide or narrow

    [keymap]                   # binding id = "keys", as Textual's App.set_keymap takes them
    next-paragraph = "}"
    next-source = "J,ctrl+j"

    [thresholds]               # match scores, 0 to 1
    same = 0.5
    related = 0.3

Importing this module stays cheap: `tomllib` and `platformdirs` are imported only when a
file is actually read.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LAYOUTS = ("auto", "wide", "narrow")
_THEME_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
_BINDING_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")
_KEY_NAME = re.compile(r"[^\s,]+\Z")


@dataclass(frozen=True)
class Settings:
    """What a user can set."""

    theme: str = "textual-dark"
    """A Textual theme name."""
    low_bandwidth: bool = False
    """No animation, no smooth scrolling: for slow SSH links."""
    layout: str = "auto"
    """`auto` (by terminal width), `wide` (three columns) or `narrow` (panel as an overlay)."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id → keys, as Textual's `App.set_keymap` takes them."""
    same_threshold: float | None = None
    """Score from which a match is graded `same`; None keeps the fitted value."""
    related_threshold: float | None = None
    """Score from which a match is shown at all; None keeps the fitted value."""
    path: str = field(default="", compare=False)
    """The file these settings were read from ("" when none was read)."""
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """Dotted key (`keymap.next-paragraph`) → its line in the file, for later warnings."""

    def warn(self, key: str, reason: str) -> str:
        """A warning about `key` in the same form as the file's own: file, line, key, reason."""
        return _warning(self.path, self.lines.get(key, 0), key, reason)

    def check_keymap(self, known_ids: Iterable[str]) -> list[str]:
        """One warning per `[keymap]` entry whose binding id the reader does not have.

        The core cannot know the reader's binding ids, so the reader calls this with
        its live binding table.
        """
        known = set(known_ids)
        return [
            self.warn(f"keymap.{binding}", "unknown binding id; it is ignored")
            for binding in self.keymap
            if binding not in known
        ]


def config_path() -> Path:
    """Where the config file is read from."""
    override = os.environ.get("SAMEFACT_CONFIG")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path("samefact") / "config.toml"


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Read the settings; return them with one warning line per bad value.

    Args:
        path: the file to read; `config_path()` when None.

    Returns:
        The settings (defaults wherever the file is missing or wrong) and warnings of
        the form ``FILE:LINE: KEY: reason; the default … is used``.
    """
    path = config_path() if path is None else path
    shown = _display(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as error:
        reason = error.strerror or str(error)
        return Settings(), [f"{shown}: cannot be read ({reason}); every setting keeps its default"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return Settings(), [f"{shown}:{line}: not UTF-8 text; every setting keeps its default"]
    try:
        data = _toml().loads(text)
    except ValueError as error:  # tomllib.TOMLDecodeError is a ValueError
        return Settings(), [_syntax_warning(shown, error)]
    return _settings_from(data, shown, _key_lines(text))


def _toml() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def _display(path: Path) -> str:
    """The path as a user would type it: the home folder as `~`."""
    try:
        return "~/" + str(path.resolve().relative_to(Path.home().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def _syntax_warning(shown: str, error: ValueError) -> str:
    message = str(error)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)", message)
    line = getattr(error, "lineno", None) or (int(found.group(1)) if found else 0)
    if found:
        message = message[: found.start()] + message[found.end() :]
    where = f"{shown}:{line}" if line else shown
    return f"{where}: not valid TOML ({message}); every setting keeps its default"


def _warning(shown: str, line: int, key: str, reason: str) -> str:
    where = f"{shown}:{line}" if line else shown
    return f"{where}: {key}: {reason}"


# --- validation --------------------------------------------------------------------------

Check = Callable[[Any], str | None]
"""Returns why a value is bad, or None when it is good."""


def _is_theme(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be a string, not {_type_name(value)}"
    if not _THEME_NAME.match(value):
        return f"{value!r} is not a theme name (lowercase letters, digits and '-')"
    return None


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"must be true or false, not {_type_name(value)}"


def _is_layout(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be a string, not {_type_name(value)}"
    return None if value in LAYOUTS else f"{value!r} is not one of {', '.join(LAYOUTS)}"


def _is_score(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"must be a number from 0 to 1, not {_type_name(value)}"
    return None if 0.0 <= value <= 1.0 else f"{value} is outside 0 to 1"


def _is_keys(value: Any) -> str | None:
    if not isinstance(value, str):
        return f'must be a string of keys like "j,down", not {_type_name(value)}'
    keys = [key.strip() for key in value.split(",")]
    if not all(keys) or not all(_KEY_NAME.match(key) for key in keys):
        return f"{value!r} is not a comma-separated list of keys"
    return None


def _type_name(value: Any) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        dict: "a table",
        list: "an array",
    }
    return names.get(type(value), f"a {type(value).__name__}")


_TOP: dict[str, Check] = {"theme": _is_theme, "low_bandwidth": _is_bool, "layout": _is_layout}
_THRESHOLDS = {"same": "same_threshold", "related": "related_threshold"}


class _Reader:
    """Collects good values and one warning per bad one."""

    def __init__(self, shown: str, lines: dict[str, int]) -> None:
        self.shown = shown
        self.lines = lines
        self.warnings: list[str] = []

    def line(self, key: str) -> int:
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key.rpartition(".")[0]
        return 0

    def warn(self, key: str, reason: str) -> None:
        self.warnings.append(_warning(self.shown, self.line(key), key, reason))

    def check(self, key: str, value: Any, check: Check, fallback: str) -> bool:
        reason = check(value)
        if reason is not None:
            self.warn(key, f"{reason}; {fallback}")
        return reason is None

    def table(self, key: str, value: Any) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        self.warn(key, f"must be a table ([{key}]), not {_type_name(value)}; it is ignored")
        return {}


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _settings_from(
    data: dict[str, Any], shown: str, lines: dict[str, int]
) -> tuple[Settings, list[str]]:
    reader = _Reader(shown, lines)
    defaults = Settings()
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in _TOP:
            default = _toml_value(getattr(defaults, key))
            if reader.check(key, value, _TOP[key], f"the default {default} is used"):
                values[key] = value
        elif key == "keymap":
            values["keymap"] = _keymap(reader, reader.table(key, value))
        elif key == "thresholds":
            values.update(_thresholds(reader, reader.table(key, value)))
        else:
            reader.warn(key, "unknown setting; it is ignored")
    return Settings(**values, path=shown, lines=lines), reader.warnings


def _keymap(reader: _Reader, table: dict[str, Any]) -> dict[str, str]:
    keymap: dict[str, str] = {}
    for binding, keys in table.items():
        key = f"keymap.{binding}"
        if not _BINDING_ID.match(binding):
            reader.warn(key, f"{binding!r} is not a binding id; it is ignored")
        elif reader.check(key, keys, _is_keys, "the binding keeps its own keys"):
            keymap[binding] = ",".join(k.strip() for k in keys.split(","))
    return keymap


def _thresholds(reader: _Reader, table: dict[str, Any]) -> dict[str, float]:
    found: dict[str, float] = {}
    for name, value in table.items():
        key = f"thresholds.{name}"
        if name not in _THRESHOLDS:
            reader.warn(key, "unknown threshold (same or related); it is ignored")
        elif reader.check(key, value, _is_score, "the fitted value is used"):
            found[_THRESHOLDS[name]] = float(value)
    same, related = found.get("same_threshold"), found.get("related_threshold")
    if same is not None and related is not None and same < related:
        reader.warn(
            "thresholds.same",
            f"{same} is below thresholds.related ({related}); the fitted value is used",
        )
        del found["same_threshold"]
    return found


# --- where each key is written -----------------------------------------------------------

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'')


def _key_lines(text: str) -> dict[str, int]:
    """Dotted key → the line (1-based) where it is set, for warnings.

    `tomllib` does not report positions, so this reads the lines itself: table
    headers, `key = value` lines, dotted and quoted keys. Lines inside multi-line
    strings are skipped. A key it cannot place falls back to its table's line.
    """
    lines: dict[str, int] = {}
    table: list[str] = []
    in_string = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = ""
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            parsed = _parse_key(stripped.lstrip("[").lstrip())
            if parsed:
                table = parsed[0]
                lines.setdefault(".".join(table), number)
            continue
        parsed = _parse_key(stripped)
        if parsed and parsed[1].startswith("="):
            lines.setdefault(".".join([*table, *parsed[0]]), number)
            for quote in ('"""', "'''"):
                if parsed[1].count(quote) % 2 == 1:
                    in_string = quote
    return lines


def _parse_key(text: str) -> tuple[list[str], str] | None:
    """A possibly dotted key at the start of `text`, and what follows it."""
    parts: list[str] = []
    rest = text
    while True:
        rest = rest.lstrip()
        quoted = _QUOTED.match(rest)
        bare = _BARE.match(rest)
        if quoted:
            parts.append(quoted.group(1) if quoted.group(1) is not None else quoted.group(2))
            rest = rest[quoted.end() :]
        elif bare:
            parts.append(bare.group(0))
            rest = rest[bare.end() :]
        else:
            return None
        rest = rest.lstrip()
        if not rest.startswith("."):
            return parts, rest
        rest = rest[1:]
