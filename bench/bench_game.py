"""Game engine speed on a large bank: starting a game, and judging a typed answer.

Bank: BANK_SIZE choice questions plus BANK_SIZE // 10 typed ones (every answer and choice is a
rival the matcher must rule out). Figures are medians.
- start_game (classic, 10 questions, with a player history covering half the bank), next to
  the floor of reading the bank once for its content hash, which every game record needs.
  Target: at most 2x the floor.
- A typed answer with a slip in it (the slowest path: normalize, rivals, fuzzy), on a fresh
  game each time so the matcher's one-time preparation is included. Target: at most 50 ms,
  next to the floor of normalizing the typed text once.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._report import report, report_absolute, timed
from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Question, QuestionBank, QuestionStats, QuestionType
from boschquiz.game.history import InMemoryHistory
from boschquiz.game.matching import normalize
from boschquiz.game.round import start_game
from boschquiz.game.settings import GameSettings

BANK_SIZE = 5000
MAX_START_RATIO = 2.0
MAX_TYPED_SECONDS = 0.050
PLAYER = "bench"
TODAY = date(2026, 11, 24)


def build_bank() -> QuestionBank:
    levels = list(Difficulty)
    questions = [
        Question(
            id=f"bench/q{i}",
            pack="bench",
            type=QuestionType.CHOICE,
            prompt=f"Which detective worked case number {i} in Hollywood Division?",
            answer=f"Detective Number {i}",
            difficulty=levels[i % 3],
            choices=tuple(f"Detective Number {i + k}" for k in range(4)),
            category="cases",
        )
        for i in range(BANK_SIZE)
    ]
    questions += [
        Question(
            id=f"suspects/t{i}",
            pack="suspects",
            type=QuestionType.TYPED,
            prompt=f"Who is suspect {i}?",
            answer=f"Suspect Renée Ballardsson {i}",
            difficulty=Difficulty.MEDIUM,
        )
        for i in range(BANK_SIZE // 10)
    ]
    return QuestionBank(tuple(questions))


def history_for(bank: QuestionBank) -> InMemoryHistory:
    history = InMemoryHistory()
    for i, q in enumerate(bank.questions[::2]):
        stamp = f"2026-11-{1 + i % 20:02d}T10:00:00+00:00"
        history.set_stats(PLAYER, QuestionStats(q.id, seen=1, right=1, last_seen=stamp))
    return history


def typed_answer_seconds(bank: QuestionBank, history: InMemoryHistory, runs: int = 5) -> float:
    """Median time of one typed answer with a slip, each on a fresh game (cold matcher)."""
    settings = GameSettings(player=PLAYER, seed=1, questions=1, packs=("suspects",))
    times = []
    for _ in range(runs):
        game = start_game(bank, settings, FakeClock(), history, TODAY)
        slipped = game.shown.question.answer.replace("Ballardsson", "Balardsson")
        began = time.perf_counter()
        correct = game.answer(slipped).correct
        times.append(time.perf_counter() - began)
        assert correct
    return statistics.median(times)


def main() -> int:
    bank = build_bank()
    history = history_for(bank)
    classic = GameSettings(player=PLAYER, seed=1, questions=10)

    floor_hash = timed(lambda: QuestionBank(bank.questions).content_hash)
    figure_start = timed(lambda: start_game(bank, classic, FakeClock(), history, TODAY))
    ok = report(
        f"start_game, {len(bank.questions):,}-question bank",
        figure_start,
        "content hash",
        floor_hash,
        MAX_START_RATIO,
    )
    floor_normalize = timed(lambda: normalize("Suspect Renée Balardsson 7"), repeat=20)
    ok &= report_absolute(
        "typed answer with a slip (matcher built on first use)",
        typed_answer_seconds(bank, history),
        MAX_TYPED_SECONDS,
        "normalize once",
        floor_normalize,
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
