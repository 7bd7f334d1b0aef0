"""Game engine speed on a large bank: starting a game, and judging a typed answer.

Bank: BANK_SIZE choice questions plus BANK_SIZE // 10 typed ones (every answer and choice is a
rival the matcher must rule out). Figures are medians.
- start_game (classic, 10 questions, with a player history covering half the bank), next to
  the floor of reading the bank once for its content hash, which every game record needs.
  Target: at most 2x the floor.
- A typed answer with a slip in it (the slowest path: normalize, rivals, fuzzy), the first
  on its bank, so the matcher's one-time preparation is included, next to the floor of
  case-folding and splitting every distinct known answer once (the least any check against
  the bank's other answers must do). Target: at most 10x the floor. Later answers on the same
  bank reuse the prepared matcher.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._report import report, timed
from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Question, QuestionBank, QuestionStats, QuestionType
from boschquiz.game.history import InMemoryHistory
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import start_game

BANK_SIZE = 5000
MAX_START_RATIO = 2.0
MAX_TYPED_RATIO = 10.0
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
    """Median time of one typed answer with a slip, each on a bank of new content, so the
    matcher (kept per bank content) is prepared inside the measurement."""
    settings = GameSettings(player=PLAYER, seed=1, questions=1, packs=("suspects",))
    times = []
    for run in range(runs):
        marker = replace(bank.questions[0], id=f"bench/marker{run}")
        fresh = QuestionBank((*bank.questions, marker))
        game = start_game(fresh, settings, FakeClock(), history, TODAY)
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
    known = list({text for q in bank.questions for text in (q.answer, *q.choices)})
    floor_fold = timed(lambda: [text.casefold().split() for text in known])
    ok &= report(
        "typed answer with a slip (matcher prepared on first use)",
        typed_answer_seconds(bank, history),
        "case-fold every known answer once",
        floor_fold,
        MAX_TYPED_RATIO,
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
