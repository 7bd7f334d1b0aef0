"""Names shown for things the core keeps as codes (modes have theirs in `game.modes`)."""

from __future__ import annotations

from collections.abc import Mapping

from boschquiz.core.model import Show

SHOW_NAMES: Mapping[Show, str] = {
    Show.BOSCH: "Bosch",
    Show.LEGACY: "Bosch: Legacy",
    Show.BALLARD: "Ballard",
    Show.GENERAL: "General",
}
