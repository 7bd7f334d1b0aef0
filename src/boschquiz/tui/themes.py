"""The game's own theme, registered next to Textual's built-in ones."""

from __future__ import annotations

from textual.theme import Theme

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

DEFAULT_THEME = NOIR.name
THEMES = {theme.name: theme for theme in (NOIR,)}
"""The game's own themes by name, offered next to Textual's built-in ones."""
