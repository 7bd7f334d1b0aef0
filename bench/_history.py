"""Synthetic game history for the benchmarks that need a full store."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from boschquiz.core.model import AnswerRecord, Difficulty, GameRecord, Mode, Outcome


def finished_game(
    *,
    number: int,
    player: str,
    mode: Mode,
    tier: Difficulty,
    started: datetime,
    answers: Iterable[AnswerRecord],
    packs: tuple[str, ...],
    duration: float,
    best_streak: int,
) -> GameRecord:
    """A finished game as the engine records it: score, correct and answered follow from the
    answers, and a daily game carries its date."""
    answered = tuple(answers)
    return GameRecord(
        player=player,
        mode=mode,
        tier=tier,
        steady=False,
        seed=number,
        packs=packs,
        bank_hash="0123456789abcdef",
        started_at=started.isoformat(),
        duration=duration,
        score=sum(a.points for a in answered),
        correct=sum(a.outcome is Outcome.CORRECT for a in answered),
        answered=len(answered),
        best_streak=best_streak,
        answers=answered,
        daily_date=started.date().isoformat() if mode is Mode.DAILY else None,
    )
