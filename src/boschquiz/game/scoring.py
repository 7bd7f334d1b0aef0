"""Points for an answer, streak bonuses, and recomputing a saved game's score from its log.

A correct answer earns `round(BASE_POINTS x multiplier x (1 - (t / T) / 2))`: full points
when instant, half at the deadline, never less. The first half is `base`, the rest `speed`.
"Steady" play turns speed scoring off: every correct answer earns the midpoint of that range
(`STEADY_FACTOR`), neither rewarded nor punished against an average pace. Practice scores
nothing. Streak: +100 for each consecutive correct answer after the first, capped at +500;
a wrong answer or time-out resets it, a skip leaves it alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from boschquiz.core.model import AnswerRecord, Difficulty, GameRecord, Mode, Outcome
from boschquiz.game.tiers import TIERS

BASE_POINTS = 1000
STREAK_STEP = 100
STREAK_CAP = 500
STEADY_FACTOR = 0.75
LADDER_SAFE_HAVENS = (5, 10)
"""Rungs whose score is banked: a miss later falls back to the last one reached."""


@dataclass(frozen=True)
class Points:
    base: int = 0
    speed: int = 0
    streak: int = 0

    @property
    def total(self) -> int:
        return self.base + self.speed + self.streak


def speed_factor(seconds: float, time_limit: float | None, steady: bool) -> float:
    """1 for an instant answer down to 0.5 at (or past) the limit; `STEADY_FACTOR` if steady."""
    if steady or time_limit is None or time_limit <= 0:
        return STEADY_FACTOR
    fraction = min(1.0, max(0.0, seconds / time_limit))
    return 1.0 - fraction / 2.0


def streak_bonus(streak: int) -> int:
    """The bonus for a correct answer that makes the streak `streak` long (1 = no bonus)."""
    return min(STREAK_CAP, STREAK_STEP * max(0, streak - 1))


def next_streak(streak: int, outcome: Outcome) -> int:
    if outcome is Outcome.CORRECT:
        return streak + 1
    if outcome is Outcome.SKIPPED:
        return streak
    return 0


def score_answer(
    *,
    outcome: Outcome,
    seconds: float,
    time_limit: float | None,
    tier: Difficulty,
    steady: bool,
    streak: int,
    mode: Mode,
) -> Points:
    """The points of one answer. `streak` is the streak *after* this answer (see `next_streak`).

    This is the single scoring rule: the engine uses it while playing, and
    `recompute_score` (for `boschquiz scores --verify`) uses it on a saved log.
    """
    if outcome is not Outcome.CORRECT or mode is Mode.PRACTICE:
        return Points()
    full = BASE_POINTS * TIERS[tier].multiplier
    earned = round(full * speed_factor(seconds, time_limit, steady))
    base = round(full / 2)
    return Points(base=base, speed=earned - base, streak=streak_bonus(streak))


def ladder_score(points: list[int], last_outcome: Outcome | None) -> int:
    """A ladder's final score: everything when it ended well, else what the last haven banked."""
    if last_outcome not in (Outcome.WRONG, Outcome.TIMEOUT):
        return sum(points)
    missed_rung = len(points)
    havens = [rung for rung in LADDER_SAFE_HAVENS if rung < missed_rung]
    return sum(points[: havens[-1]]) if havens else 0


def final_score(mode: Mode, answers: tuple[AnswerRecord, ...]) -> int:
    """A game's score from the points already in its answers."""
    totals = [answer.points for answer in answers]
    if mode is Mode.LADDER:
        return ladder_score(totals, answers[-1].outcome if answers else None)
    return sum(totals)


def recompute_answers(record: GameRecord) -> tuple[AnswerRecord, ...]:
    """`record.answers` with their points recomputed from outcome, time and limit alone."""
    streak = 0
    recomputed: list[AnswerRecord] = []
    for answer in record.answers:
        streak = next_streak(streak, answer.outcome)
        points = score_answer(
            outcome=answer.outcome,
            seconds=answer.seconds,
            time_limit=answer.time_limit,
            tier=record.tier,
            steady=record.steady,
            streak=streak,
            mode=record.mode,
        )
        recomputed.append(
            replace(
                answer,
                base_points=points.base,
                speed_points=points.speed,
                streak_bonus=points.streak,
            )
        )
    return tuple(recomputed)


def recompute_score(record: GameRecord) -> int:
    """The score `record` should have, recomputed from its answer log; equals `record.score`
    for every game the engine produced."""
    return final_score(record.mode, recompute_answers(record))


def best_streak(outcomes: list[Outcome]) -> int:
    best = streak = 0
    for outcome in outcomes:
        streak = next_streak(streak, outcome)
        best = max(best, streak)
    return best
