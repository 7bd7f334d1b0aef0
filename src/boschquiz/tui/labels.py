"""Names shown for things the core keeps as codes (modes have theirs in `game.modes`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from boschquiz.core.model import Show

SHOW_NAMES: Mapping[Show, str] = {
    Show.BOSCH: "Bosch",
    Show.LEGACY: "Bosch: Legacy",
    Show.BALLARD: "Ballard",
    Show.GENERAL: "General",
}


def display_path(path: str | Path) -> str:
    """A path as short as it can be told: relative to the working folder, or to home."""
    full = Path(path)
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + str(full.relative_to(base))
        except ValueError:
            continue
    return str(full)
