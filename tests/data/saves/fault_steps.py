"""Damage one saves file, then run what a player runs, and report what happened as JSON.

The fault-injection suite (`tests/unit/test_store_faults.py`) runs these steps in-process for
most cases and through this script, in a real process, for a sample (and for permission
faults, in a user namespace where chmod binds even us).

    python fault_steps.py FOLDER   -> one JSON object on stdout
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import traceback
from pathlib import Path

from tests.unit.test_store_support import make_game

from boschquiz.cli import main as cli_main
from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Mode
from boschquiz.store import Store

STEPS = (  # then, in `run_steps`, the reads that start a game and a finished game
    ["scores"],
    ["scores", "--verify"],
    ["scores", "--limit", "60"],
    ["scores", "--player", "Ann", "--limit", "20"],
)
"""What a player runs against damaged saves: the table, the check, two deep queries."""


def run_cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli_main(args)
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def run_steps(folder: Path) -> dict[str, object]:
    """Every step against `folder`; a traceback in any is reported, never raised."""
    codes: list[int] = []
    told: list[str] = []
    tracebacks: list[str] = []
    report: dict[str, object] = {"codes": codes, "told": told, "tracebacks": tracebacks}
    for args in STEPS:
        try:
            code, out, err = run_cli([*args, "--saves", str(folder)])
        except Exception:
            tracebacks.append(traceback.format_exc())
            continue
        codes.append(code)
        told.append(err)
        if "Traceback" in out + err:
            tracebacks.append(err)
    try:
        store = Store(folder, FakeClock())
        # What starting a game reads (history, horizon, the daily), then the finished game saved.
        store.question_stats("Ann")
        store.player_horizon("Ann")
        store.daily_played("Ann", "2026-11-24")
        store.top_scores(Mode.DAILY, Difficulty.MEDIUM, daily_date="2026-11-24")
        store.players()
        receipt = store.record_game(make_game("Cy"))
        report["new_game"] = receipt.game_id
        told.extend(store.notices())
        after = Store(folder, FakeClock())
        report["games"] = [game_id for game_id, _ in after.games()]
        told.extend(after.notices())
    except Exception:
        tracebacks.append(traceback.format_exc())
    report["aside"] = sorted(str(p) for p in folder.rglob("*.corrupt-*"))
    return report


if __name__ == "__main__":
    print(json.dumps(run_steps(Path(sys.argv[1]))))
