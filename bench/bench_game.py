"""Game engine speed on a large bank: starting a game, and judging a typed answer.

Bank: BANK_SIZE choice questions plus BANK_SIZE // 10 typed ones (every answer and choice is a
rival the matcher must rule out). Figures are medians.
- A first game on a fresh bank: start_game (classic, 10 questions, with a player history
  covering half the bank) on a bank whose content was never seen, so its content hash (which
  every game record needs) is computed inside the measurement; next to the floor of that
  content hash alone, on another fresh bank. Target: at most 2x the floor.
- A later game on the same bank (hash known, matcher prepared), next to its own floor:
  ordering the bank once by when the player last saw each question (one stats lookup and one
  timestamp read per question, one sort): the least a game that prefers unseen and
  long-unseen questions must do. Target: at most 10x the floor (a game orders each tier's
  share of the bank and shuffles ties with its seed).
- The same on a 10,000-question bank with a 1,000-game history (every question asked once,
  each game's ten at one time), the no-repeat selection's worst case. Target: at most 2x.
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
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._report import report, timed
from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Question, QuestionBank, QuestionStats, QuestionType
from boschquiz.game.history import InMemoryHistory
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import start_game

BANK_SIZE = 5000
LARGE_BANK = 10_000
HISTORY_GAMES = 1000
MAX_START_RATIO = 2.0
MAX_LATER_RATIO = 10.0
MAX_TYPED_RATIO = 10.0
PLAYER = "bench"
TODAY = date(2026, 11, 24)
NEVER = datetime(1970, 1, 1, tzinfo=UTC)


def build_bank(size: int = BANK_SIZE) -> QuestionBank:
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
        for i in range(size)
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
        for i in range(size // 10)
    ]
    return QuestionBank(tuple(questions))


def long_history(bank: QuestionBank, games: int = HISTORY_GAMES) -> InMemoryHistory:
    """A player who has played `games` ten-question games: each game's questions share the
    game's time, as the store records them (so the last game's facts are known)."""
    history = InMemoryHistory()
    for i, q in enumerate(bank.questions[: games * 10]):
        game = i // 10
        stamp = f"2026-{1 + game // 600:02d}-{1 + game // 24 % 25:02d}T{game % 24:02d}:00:00+00:00"
        history.set_stats(PLAYER, QuestionStats(q.id, seen=1, right=1, last_seen=stamp))
    return history


def history_for(bank: QuestionBank) -> InMemoryHistory:
    history = InMemoryHistory()
    for i, q in enumerate(bank.questions[::2]):
        stamp = f"2026-11-{1 + i % 20:02d}T10:00:00+00:00"
        history.set_stats(PLAYER, QuestionStats(q.id, seen=1, right=1, last_seen=stamp))
    return history


def _seen_key(stats: QuestionStats | None) -> datetime:
    if stats is None or not stats.last_seen:
        return NEVER
    return datetime.fromisoformat(stats.last_seen)


def fresh_bank(bank: QuestionBank, run: int) -> QuestionBank:
    """`bank` with one question more: content never seen, so no hash or matcher cached."""
    marker = replace(bank.questions[0], id=f"bench/fresh{run}")
    return QuestionBank((*bank.questions, marker))


def first_game_seconds(
    bank: QuestionBank, history: InMemoryHistory, settings: GameSettings, runs: int = 5
) -> tuple[float, float]:
    """Median times of a first game on a fresh bank, and of a fresh bank's content hash."""
    games, hashes = [], []
    for run in range(runs):
        fresh = fresh_bank(bank, 2 * run)
        began = time.perf_counter()
        start_game(fresh, settings, FakeClock(), history, TODAY)
        games.append(time.perf_counter() - began)
        other = fresh_bank(bank, 2 * run + 1)
        began = time.perf_counter()
        _ = other.content_hash
        hashes.append(time.perf_counter() - began)
    return statistics.median(games), statistics.median(hashes)


def typed_answer_seconds(bank: QuestionBank, history: InMemoryHistory, runs: int = 5) -> float:
    """Median time of one typed answer with a slip, each on a bank of new content, so the
    matcher (kept per bank content) is prepared inside the measurement."""
    settings = GameSettings(player=PLAYER, seed=1, questions=1, packs=("suspects",))
    times = []
    for run in range(runs):
        fresh = fresh_bank(bank, 100 + run)
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

    figure_first, floor_hash = first_game_seconds(bank, history, classic)
    ok = report(
        f"first game on a fresh {len(bank.questions):,}-question bank",
        figure_first,
        "content hash of a fresh bank",
        floor_hash,
        MAX_START_RATIO,
    )
    start_game(bank, classic, FakeClock(), history, TODAY)  # hash and matcher now known
    figure_later = timed(lambda: start_game(bank, classic, FakeClock(), history, TODAY))
    stats = history.question_stats(PLAYER)
    floor_order = timed(lambda: sorted(bank.questions, key=lambda q: _seen_key(stats.get(q.id))))
    ok &= report(
        "a later game on the same bank",
        figure_later,
        "order the bank by the player's history",
        floor_order,
        MAX_LATER_RATIO,
    )
    large = build_bank(LARGE_BANK - LARGE_BANK // 11)
    large_history = long_history(large)
    large_floor = timed(lambda: QuestionBank(large.questions).content_hash)
    ok &= report(
        f"start_game, {len(large.questions):,}-question bank, {HISTORY_GAMES:,}-game history",
        timed(lambda: start_game(large, classic, FakeClock(), large_history, TODAY)),
        "content hash",
        large_floor,
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
