"""The game's own theme, registered next to Textual's built-in ones."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.theme import Theme, ThemeProvider

NOIR = Theme(
    name="boschquiz-noir",
    primary="#E0A526",
    secondary="#4F7CAC",
    accent="#F2C14E",
    warning="#F08A24",
    error="#E5484D",
    success="#3FB37F",
    foreground="#E6E1D6",
    background="#0B1320",
    surface="#121C2C",
    panel="#1B2A40",
    dark=True,
)
"""LAPD night: sodium street-light amber over a deep city-night blue."""

DAYLIGHT = Theme(
    name="boschquiz-daylight",
    primary="#8A5200",
    secondary="#2F5D8A",
    accent="#9C6A00",
    warning="#A34F00",
    error="#B3261E",
    success="#1E6B45",
    foreground="#1D2430",
    background="#F4EFE6",
    surface="#FFFDF8",
    panel="#E4DACA",
    dark=False,
)
"""The same case file by day, for light terminals: case-folder manila, ink and amber."""

DEFAULT_THEME = NOIR.name
THEMES = {theme.name: theme for theme in (NOIR, DAYLIGHT)}
"""The game's own themes by name, offered next to Textual's built-in ones."""


class GameThemeProvider(ThemeProvider):
    """The theme picker's list: the game's own themes first, then Textual's by name."""

    @property
    def commands(self) -> list[tuple[str, Callable[[], None]]]:
        available = self.app.available_themes
        ours = [name for name in THEMES if name in available]
        others = sorted(name for name in available if name not in THEMES)
        return [(name, partial(self._use, name)) for name in (*ours, *others)]

    def _use(self, name: str) -> None:
        self.app.theme = name
