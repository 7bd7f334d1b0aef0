"""The key bar at the bottom of every screen: Textual's Footer, rebuilt only on a change."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer

FooterKeys = tuple[tuple[str, str, str, bool, str], ...]
"""What the footer shows: (key, description, action, enabled, tooltip) per binding shown."""


class QuizFooter(Footer):
    """Textual's Footer, recomposed at most once per refresh and only when its keys changed.

    Textual's Footer rebuilds all of its keys after every bindings update, and a single key
    press can cause several of those (focus moving, a modal screen opening above, a
    `refresh_bindings`), almost always with the same keys as before. With the menu's nine
    keys each rebuild took 25-40 ms of the UI thread, and four of them ran between Ctrl+P
    and the command palette showing.
    """

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._rebuild_pending = False
        self._shown: FooterKeys | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._rebuild_pending:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:
            return
        shown = self.keys_shown()
        if shown == self._shown:
            return
        self._shown = shown
        await self.recompose()

    def keys_shown(self) -> FooterKeys:
        """The bindings the footer would show now, with the command palette's key."""
        active = self.screen.active_bindings
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        shown = [entry for entry in active.values() if entry[1].show]
        if palette is not None and palette not in shown:
            shown.append(palette)
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for _node, binding, enabled, tooltip in shown
        )
