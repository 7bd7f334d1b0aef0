"""Try to save in a folder the test made unwritable; report what the player would see, as JSON.

Usage: try_save.py SAVES_DIR [FILLER_PATH]
With FILLER_PATH (disk-full test): first save one game, then fill the disk by writing
FILLER_PATH until it is full, try a second save, delete the filler and try a third.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

from tests.unit.test_store_support import make_game

from boschquiz.core.clock import SystemClock
from boschquiz.core.model import Difficulty, Mode
from boschquiz.store import Store, StoreError


def attempt(store: Store, player: str) -> str:
    try:
        store.record_game(make_game(player))
    except StoreError as exc:
        return f"{type(exc).__name__}: {exc.message}"
    return "saved"


def fill(path: Path) -> None:
    with contextlib.suppress(OSError), path.open("wb") as handle:
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    store = Store(folder, SystemClock())
    report: dict[str, object] = {}
    if len(argv) > 1:
        filler = Path(argv[1])
        report["first"] = attempt(store, "First")
        fill(filler)
        report["while_full"] = attempt(store, "Full")
        filler.unlink()
        report["after_freeing"] = attempt(store, "Freed")
    else:
        report["attempt"] = attempt(store, "Bob")
    rows = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    report["players_in_table"] = [row.player for row in rows]
    report["notices"] = list(store.notices())
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
