"""A small writer process for the store's crash and concurrency tests (and the stress script).

Usage: writer.py SAVES_DIR PLAYER COUNT [--graceful]
Records COUNT games for PLAYER, printing each game id on its own line only after
`record_game` has returned (so a printed id is a game the player was told is saved). With
`--graceful`, runs inside `signals.graceful_exit()`, prints "ready" first, and prints
"clean exit" from its `finally` block.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from boschquiz.core import signals
from boschquiz.core.clock import SystemClock
from boschquiz.core.model import AnswerRecord, Difficulty, GameRecord, Mode, Outcome
from boschquiz.game.scoring import recompute_answers, recompute_score
from boschquiz.store import Store


def game(player: str, n: int) -> GameRecord:
    """Game number `n`: ten answers, scored by the engine, so `verify` finds nothing wrong."""
    answers = tuple(
        AnswerRecord(f"core/q{(n + i) % 40}", "x", Outcome.CORRECT, 3.0, None, 0, 0, 0)
        for i in range(10)
    )
    draft = GameRecord(
        player=player,
        mode=Mode.PRACTICE if n % 7 == 6 else Mode.CLASSIC,
        tier=Difficulty.MEDIUM,
        steady=True,
        seed=n,
        packs=("core",),
        bank_hash="abc123",
        started_at=f"2026-11-24T12:{n // 60 % 60:02d}:{n % 60:02d}+00:00",
        duration=30.0,
        score=0,
        correct=10,
        answered=10,
        best_streak=10,
        answers=answers,
    )
    scored = replace(draft, answers=recompute_answers(draft))
    return replace(scored, score=recompute_score(scored))


def main(argv: list[str], out: TextIO = sys.stdout) -> int:
    folder, player, count = Path(argv[0]), argv[1], int(argv[2])
    store = Store(folder, SystemClock())
    if "--graceful" not in argv:
        for n in range(count):
            print(store.record_game(game(player, n)).game_id, file=out, flush=True)
        return 0
    with signals.graceful_exit():
        try:
            print("ready", file=out, flush=True)
            for n in range(count):
                print(store.record_game(game(player, n)).game_id, file=out, flush=True)
        finally:
            store.close()
            print("clean exit", file=out, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
