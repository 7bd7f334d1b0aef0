"""How numbers read everywhere (CLI, plain mode, TUI): one helper, so 3,740 is 3,740 anywhere."""

from __future__ import annotations


def points(value: int) -> str:
    """A score or a number of points with thousands separated by commas: 3,740; -1,250."""
    return f"{value:,}"


def seconds(value: float) -> str:
    """Seconds as shown to a player: one decimal under a minute's precision needs ("4.2 s")."""
    return f"{value:.1f} s"
