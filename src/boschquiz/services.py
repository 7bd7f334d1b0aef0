"""The services an app or a game is built from, gathered in one place.

The CLI builds them from its arguments; the tests build them from temporary folders, a
`FakeClock` and a fixed seed. `make_app(services)` takes them; nothing reaches for globals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from boschquiz.core.clock import Clock, SystemClock
from boschquiz.core.paths import AppPaths


@dataclass(frozen=True)
class Services:
    paths: AppPaths
    clock: Clock = field(default_factory=SystemClock)
    seed: int | None = None
    extra_packs: tuple[Path, ...] = ()
    """Packs named with `--pack`."""
    only_extra_packs: bool = False
    """True when a game should draw only from `extra_packs` (playing a pack being written)."""
