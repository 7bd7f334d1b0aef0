"""Whether this process is a game served to a web browser, and the rule that follows from it.

`boschquiz serve` starts one game process per browser tab with `BOSCHQUIZ_SERVED=1` in its
environment; Textual's web driver (`TEXTUAL_DRIVER`, set by textual-serve) also counts, so a
game served some other way is treated the same.

The rule for every feature: one that runs a program (an editor, a shell) or writes a file
outside the saves folder (a pack studio, `packs new`, import and export) asks `is_served()` and,
when it is true, is left out entirely: no menu entry, no binding, no command-palette entry.
The people at the browser are not the owner of the machine the game runs on. The game's own
cache (parsed packs, generated questions) is not such a file: it is rebuilt from the shipped
packs and nothing a player types reaches it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

SERVED_ENV = "BOSCHQUIZ_SERVED"
"""Set to `1` by `boschquiz serve` in each game process it starts."""

WEB_DRIVER = "textual.drivers.web_driver"
"""Textual's driver for a browser; textual-serve names it in `TEXTUAL_DRIVER`."""


def is_served(env: Mapping[str, str] | None = None) -> bool:
    """True in a game whose screen is a web browser (see the module's rule)."""
    env = os.environ if env is None else env
    return env.get(SERVED_ENV, "") not in ("", "0") or WEB_DRIVER in env.get("TEXTUAL_DRIVER", "")
