"""Shared builders for the store tests (no tests here): games, clocks and a store in a folder."""

from __future__ import annotations

from pathlib import Path

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import AnswerRecord, Difficulty, GameRecord, Mode, Outcome
from boschquiz.game.scoring import recompute_answers, recompute_score
from boschquiz.store import Store


def make_game(
    player: str = "Ann",
    *,
    mode: Mode = Mode.CLASSIC,
    tier: Difficulty = Difficulty.MEDIUM,
    outcomes: tuple[Outcome, ...] = (Outcome.CORRECT, Outcome.WRONG, Outcome.CORRECT),
    seconds: float = 4.0,
    started_at: str = "2026-11-24T12:00:00+00:00",
    daily_date: str | None = None,
    seed: int = 7,
) -> GameRecord:
    """A game whose saved score is exactly what the engine's scoring recomputes from its log."""
    answers = tuple(
        AnswerRecord(f"core/q{i}", "x", outcome, seconds, 20.0, 0, 0, 0)
        for i, outcome in enumerate(outcomes)
    )
    draft = GameRecord(
        player=player,
        mode=mode,
        tier=tier,
        steady=False,
        seed=seed,
        packs=("core",),
        bank_hash="abc123",
        started_at=started_at,
        duration=60.0,
        score=0,
        correct=sum(o is Outcome.CORRECT for o in outcomes),
        answered=len(outcomes),
        best_streak=1,
        answers=answers,
        daily_date=daily_date,
    )
    scored = GameRecord(**{**draft.__dict__, "answers": recompute_answers(draft)})
    return GameRecord(**{**scored.__dict__, "score": recompute_score(scored)})


def with_score(record: GameRecord, score: int) -> GameRecord:
    """The same game claiming a different score (for table ordering; `verify` will flag it)."""
    return GameRecord(**{**record.__dict__, "score": score})


def open_store(folder: Path, clock: FakeClock | None = None) -> Store:
    return Store(folder, clock or FakeClock())
