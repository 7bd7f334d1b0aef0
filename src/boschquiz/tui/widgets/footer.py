"""The key bar at the bottom of every screen: Textual's Footer, rebuilt only on a change, and
fitted to the width it has."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

FooterKeys = tuple[tuple[str, str, str, bool, str], ...]
"""What the footer shows: (key, description, action, enabled, tooltip) per binding shown."""

PALETTE_CELLS = 3
"""The command palette's key once its word is dropped: a divider and "^p"."""


class QuizFooter(Footer):
    """Textual's Footer, recomposed at most once per refresh and only when its keys changed,
    and fitted to its width.

    Textual's Footer rebuilds all of its keys after every bindings update, and a single key
    press can cause several of those (focus moving, a modal screen opening above, a
    `refresh_bindings`), almost always with the same keys as before. With the menu's nine
    keys each rebuild took 25-40 ms of the UI thread, and four of them ran between Ctrl+P
    and the command palette showing.

    Textual's Footer cuts what does not fit at the right edge (the menu's read "q Q" at 80
    columns). This one first drops the word "palette" after ^p, then the keys the screen
    names in `FOOTER_DROP_FIRST` (binding ids, least needed first), so the keys that stay
    are whole.
    """

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._rebuild_pending = False
        self._shown: tuple[FooterKeys, int] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._rebuild_pending:
            return
        if self.is_attached and screen is self.screen:
            self._schedule_rebuild()

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and self.is_attached:
            self._schedule_rebuild()

    def _schedule_rebuild(self) -> None:
        if self._rebuild_pending:
            return
        self._rebuild_pending = True
        self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:
            return
        shown = (self.keys_shown(), self._width())
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

    def compose(self) -> ComposeResult:
        keys = [widget for widget in super().compose() if isinstance(widget, Widget)]
        yield from fit_keys(keys, self._width(), self._drop_order())

    def _width(self) -> int:
        """Columns the keys have: the footer's own width once laid out, the app's before."""
        return self.size.width or self.app.size.width

    def _drop_order(self) -> list[str]:
        """The actions of the screen's `FOOTER_DROP_FIRST` bindings, least needed first."""
        names: tuple[str, ...] = getattr(self.screen, "FOOTER_DROP_FIRST", ())
        bindings = [b for b in self.screen.BINDINGS if isinstance(b, Binding)]
        actions = {binding.id: binding.action for binding in bindings}
        return [actions[name] for name in names if name in actions]


def is_key(widget: Widget) -> bool:
    """Whether `widget` is one of the footer's keys (Textual keeps `FooterKey` private)."""
    return isinstance(getattr(widget, "key_display", None), str)


def key_cells(key: Widget) -> int:
    """Columns a compact footer key takes: its key, a space, its description, a margin."""
    description = str(getattr(key, "description", ""))
    if key.has_class("-command-palette"):
        return PALETTE_CELLS + (cell_len(description) + 1 if description else 0)
    text = str(getattr(key, "key_display", "")) + (" " + description if description else "")
    return cell_len(text) + 1


def fit_keys(keys: list[Widget], width: int, drop_order: list[str]) -> list[Widget]:
    """The footer's keys that fit in `width` columns: the palette's word goes first, then
    the keys in `drop_order` (actions), in that order; anything else always stays."""
    footer_keys = [key for key in keys if is_key(key)]

    def needed() -> int:
        return sum(key_cells(key) for key in footer_keys)

    if needed() <= width:
        return keys
    for key in footer_keys:
        if key.has_class("-command-palette"):
            key.description = ""  # type: ignore[attr-defined]
    for action in drop_order:
        if needed() <= width:
            break
        footer_keys = [key for key in footer_keys if getattr(key, "action", None) != action]
    kept = set(map(id, footer_keys))
    return [key for key in keys if not is_key(key) or id(key) in kept]
