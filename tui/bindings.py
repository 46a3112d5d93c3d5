"""The one binding table of the reader. Every binding has a stable id users rebind by.

| Keys | Id |
| --- | --- |
| j ↓ / k ↑ | line-down / line-up |
| } / { | next-paragraph / previous-paragraph |
| Space f PgDn / b PgUp | page-down / page-up |
| d ctrl-d / u ctrl-u | half-page-down / half-page-up |
| g Home / G End | go-top (Ng: paragraph N) / go-bottom |
| / n N & | search, search-next, search-previous, filter |
| ctrl-o / ctrl-i | jump-back / jump-forward |
| J K | next-source / previous-source |
| Enter, 1–9 | open-match, open-match-N |
| a, ctrl-n, z | toggle-panel, toggle-sources, toggle-boilerplate |
| o O y = | open-url, show-url, copy-paragraph, info |
| r ctrl-l : ? | reload, repaint, command-palette, help |
| q Esc Q | close-or-quit, close-overlay, quit |

Key sequences (`]c`, marks) are in `tui.keys.SEQUENCES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.binding import ActiveBinding

    from tui.keys import KeySequence


def _b(
    keys: str,
    action: str,
    short: str,
    tooltip: str,
    id: str,
    show: bool = False,
    priority: bool = False,
) -> Binding:
    return Binding(keys, action, short, show=show, tooltip=tooltip, id=id, priority=priority)


def _move(keys: str, action: str, short: str, tooltip: str, id: str) -> Binding:
    """A move through the article: a priority binding, run as soon as the key arrives.

    A key that is not a priority binding first travels from the focused pane up through its
    containers to the screen, one message queue at a time, before the binding is looked up.
    The move's action gives the key back (`SkipAction`) when it belongs to an unfinished key
    sequence (`m` then a letter) or to the search prompt; see `ReaderActions._direct`.
    """
    return _b(keys, action, short, tooltip, id, priority=True)


BINDINGS: list[Binding] = [
    _move(
        "j,down",
        "line(1)",
        "Down",
        "Scroll a line down (count: 5j); the panel follows.",
        "line-down",
    ),
    _move("k,up", "line(-1)", "Up", "Scroll a line up (count: 5k).", "line-up"),
    _move(
        "right_curly_bracket", "paragraph(1)", "Next ¶", "Next paragraph (count).", "next-paragraph"
    ),
    _move(
        "left_curly_bracket",
        "paragraph(-1)",
        "Prev ¶",
        "Previous paragraph (count).",
        "previous-paragraph",
    ),
    _move("space,f,pagedown", "page(1)", "Page down", "Page down.", "page-down"),
    _move("b,pageup", "page(-1)", "Page up", "Page up.", "page-up"),
    _move("d,ctrl+d", "page(0.5)", "Half down", "Half a page down.", "half-page-down"),
    _move("u,ctrl+u", "page(-0.5)", "Half up", "Half a page up.", "half-page-up"),
    _b("g,home", "go_top", "Top", "Top of the article; with a count (12g) paragraph N.", "go-top"),
    _b(
        "G,end",
        "go_bottom",
        "Bottom",
        "Last paragraph; with a count (12G) paragraph N.",
        "go-bottom",
    ),
    _b(
        "slash",
        "search('search')",
        "Search",
        "Search the article as you type.",
        "search",
        show=True,
        priority=True,  # the prompt takes the keys typed right behind it (see `action_search`)
    ),
    _b("n", "search_step(1)", "Next hit", "Next search hit.", "search-next"),
    _b("N", "search_step(-1)", "Prev hit", "Previous search hit.", "search-previous"),
    _b(
        "ampersand",
        "search('filter')",
        "Filter",
        "Show only paragraphs matching a pattern (again: all).",
        "filter",
        priority=True,
    ),
    _b(
        "ctrl+o",
        "jump_back",
        "Back",
        "Back in the jump list (also from another outlet).",
        "jump-back",
    ),
    _b("ctrl+i", "jump_forward", "Forward", "Forward in the jump list.", "jump-forward"),
    _b(
        "tab",
        "tab",
        "Next pane",
        "Focus the next pane (right after ctrl-o: forward, as ctrl-i).",
        "focus-next",
    ),
    _b(
        "shift+tab", "app.focus_previous", "Prev pane", "Focus the previous pane.", "focus-previous"
    ),
    _b("J", "source(1)", "Next source", "Next source (article).", "next-source"),
    _b("K", "source(-1)", "Prev source", "Previous source (article).", "previous-source"),
    _b(
        "enter",
        "open_match(-1)",
        "Open match",
        "Open the selected match at its paragraph (ctrl-o returns).",
        "open-match",
        show=True,
    ),
    *[
        _b(
            str(i),
            f"open_match({i - 1})",
            f"Match {i}",
            f"Open match {i} of the panel (when the panel has focus).",
            f"open-match-{i}",
        )
        for i in range(1, 10)
    ],
    _b(
        "a", "toggle_panel", "Panel", "Show or hide the same-fact panel.", "toggle-panel", show=True
    ),
    _b("ctrl+n", "toggle_sources", "Sources", "Show or hide the source list.", "toggle-sources"),
    _b(
        "z",
        "toggle_boilerplate",
        "Boilerplate",
        "Unfold or fold boilerplate paragraphs.",
        "toggle-boilerplate",
    ),
    _b("o", "open_url", "Open URL", "Open the article's URL in $BROWSER.", "open-url"),
    _b("O", "show_url", "Show URL", "Show the article's URL (for SSH).", "show-url"),
    _b(
        "y",
        "copy_paragraph",
        "Copy",
        "Copy the current paragraph and its source (OSC 52).",
        "copy-paragraph",
    ),
    _b(
        "equals_sign",
        "info",
        "Info",
        "About the article: outlet, date, URL, words, coverage.",
        "info",
    ),
    _b("r", "reload", "Reload", "Read and align the sources again.", "reload"),
    _b("ctrl+l", "repaint", "Repaint", "Repaint the screen.", "repaint"),
    _b(
        "colon",
        "app.command_palette",
        "Commands",
        "Command palette (also ctrl-p).",
        "command-palette",
    ),
    _b(
        "question_mark,f1",
        "help",
        "Help",
        "This help, from the live binding table.",
        "help",
        show=True,
    ),
    _b(
        "q",
        "close_or_quit",
        "Quit",
        "Close the open overlay; otherwise quit.",
        "close-or-quit",
        show=True,
    ),
    _b("escape", "close", "Close", "Close the open overlay, search or filter.", "close-overlay"),
    _b("Q,ctrl+q", "app.quit", "Quit now", "Quit at once.", "quit"),
]


def help_rows(
    active: Iterable[ActiveBinding],
    key_display: Callable[[Binding], str],
    sequences: Iterable[KeySequence],
) -> list[tuple[str, str, str]]:
    """(keys, id, description) rows in table order, from the bindings as they are bound now.

    Keys bound to one id are joined; `open-match-1` … `-9` fold into one row.
    """
    order = {b.id: i for i, b in enumerate(BINDINGS)}
    rows: dict[str, tuple[list[str], str]] = {}
    for item in active:
        binding = item.binding
        if not binding.id:
            continue
        folded = binding.id.startswith("open-match-")
        row_id = "open-match-1…9" if folded else binding.id
        text = (
            "Open match N of the panel (when the panel has focus)."
            if folded
            else binding.tooltip or binding.description
        )
        keys, _ = rows.setdefault(row_id, ([], text))
        keys.append(key_display(binding))
    ranked = sorted(rows.items(), key=lambda kv: order.get(kv[0].replace("…9", ""), len(order)))
    table = [(_join(keys), row_id, text) for row_id, (keys, text) in ranked]
    table += [(s.keys.replace("*", "x"), s.id, s.description) for s in sequences]
    return table


def _join(keys: list[str]) -> str:
    unique = list(dict.fromkeys(keys))
    if len(unique) > 3 and all(k.isdigit() for k in unique):
        return f"{unique[0]}–{unique[-1]}"
    return " ".join(unique)


_NAMES = {
    "right_curly_bracket": "}",
    "left_curly_bracket": "{",
    "slash": "/",
    "ampersand": "&",
    "equals_sign": "=",
    "colon": ":",
    "question_mark": "?",
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "down": "↓",
    "up": "↑",
    "tab": "Tab",
    "shift+tab": "Shift-Tab",
    "f1": "F1",
}


def _key_name(key: str) -> str:
    return _NAMES.get(key, key.replace("ctrl+", "ctrl-"))


class _Listed:
    """Enough of `ActiveBinding` for `help_rows`."""

    def __init__(self, binding: Binding) -> None:
        self.binding = binding


def keys_markdown() -> str:
    """The README's key table, made from the binding table so the two never drift."""
    from tui.keys import SEQUENCES

    single = [
        Binding(key.strip(), b.action, b.description, tooltip=b.tooltip, id=b.id)
        for b in BINDINGS
        for key in b.key.split(",")
    ]
    rows = ["| Keys | What it does | Id |", "| --- | --- | --- |"]
    listed = (_Listed(b) for b in single)
    for keys, row_id, text in help_rows(listed, lambda b: _key_name(b.key), SEQUENCES):  # type: ignore[arg-type]
        rows.append(f"| {' '.join(f'`{k}`' for k in keys.split(' '))} | {text} | `{row_id}` |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(keys_markdown())
