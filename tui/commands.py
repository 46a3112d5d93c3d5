"""Command palette (`:` or ctrl-p): go to a source, and every reader action by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.bindings import BINDINGS


class ReaderCommands(Provider):
    """ "Go to source: OUTLET" and the reader's actions with their descriptions."""

    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.app
        commands: list[tuple[str, str, object]] = []
        story = getattr(app, "story", None)
        screen = app.screen_stack[0]
        if story is not None:
            for article in story.articles:
                commands.append(
                    (
                        f"Go to source: {article.outlet}",
                        article.title,
                        partial(screen.go_source, article.id),
                    )  # type: ignore[attr-defined]
                )
        for binding in BINDINGS:
            if binding.id and not binding.id.startswith(("open-match-", "line-", "command-")):
                action = partial(screen.run_action, binding.action)
                commands.append((binding.description, binding.tooltip, action))
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)  # type: ignore[arg-type]
