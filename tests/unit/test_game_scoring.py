"""The scoring rule, streaks, and recomputing a saved score from its log."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Mode, Outcome
from boschquiz.game.scoring import (
    BASE_POINTS,
    STEADY_FACTOR,
    STREAK_CAP,
    ladder_score,
    recompute_score,
    score_answer,
    streak_bonus,
)
from boschquiz.game.tiers import TIERS
from tests.unit.test_game_support import answer_right, answer_wrong, bank_of, new_game


def points(seconds: float, limit: float | None = 20.0, **kw: object) -> int:
    args: dict[str, object] = {
        "outcome": Outcome.CORRECT,
        "seconds": seconds,
        "time_limit": limit,
        "tier": Difficulty.EASY,
        "steady": False,
        "streak": 1,
        "mode": Mode.CLASSIC,
    }
    args.update(kw)
    return score_answer(**args).total  # type: ignore[arg-type]


def test_instant_answer_earns_full_points() -> None:
    """An answer at 0 s earns the whole base times the multiplier."""
    assert points(0.0) == BASE_POINTS


def test_answer_at_the_deadline_earns_half() -> None:
    """An answer exactly at the limit earns half the points, the floor."""
    assert points(20.0) == BASE_POINTS // 2


def test_points_never_drop_below_half() -> None:
    """Past the limit (blitz has no per-question deadline) points stay at half."""
    assert points(45.0) == BASE_POINTS // 2


def test_formula_in_the_middle() -> None:
    """round(base x multiplier x (1 - (t/T)/2)) at the hard tier, a quarter of the way in."""
    expected = round(BASE_POINTS * TIERS[Difficulty.HARD].multiplier * (1 - 0.25 / 2))
    assert points(3.0, 12.0, tier=Difficulty.HARD) == expected


def test_split_into_base_and_speed() -> None:
    """Base is the guaranteed half, speed the rest."""
    split = score_answer(
        outcome=Outcome.CORRECT,
        seconds=10.0,
        time_limit=20.0,
        tier=Difficulty.EASY,
        steady=False,
        streak=1,
        mode=Mode.CLASSIC,
    )
    assert (split.base, split.speed, split.streak) == (500, 250, 0)


def test_steady_ignores_time() -> None:
    """Steady scoring pays the midpoint whatever the time."""
    assert points(0.0, steady=True) == points(20.0, steady=True) == BASE_POINTS * STEADY_FACTOR


def test_wrong_answer_scores_nothing() -> None:
    """Wrong answers and time-outs earn no points, streak or not."""
    assert points(1.0, outcome=Outcome.WRONG, streak=0) == 0
    assert points(20.0, outcome=Outcome.TIMEOUT, streak=0) == 0


def test_practice_scores_nothing() -> None:
    """Practice has no score at all."""
    assert points(0.0, mode=Mode.PRACTICE) == 0


def test_streak_bonus_steps_and_cap() -> None:
    """+100 per consecutive correct after the first, capped at +500."""
    assert [streak_bonus(n) for n in range(1, 9)] == [0, 100, 200, 300, 400, 500, 500, 500]
    assert streak_bonus(50) == STREAK_CAP


def test_wrong_answer_resets_the_streak() -> None:
    """Right, right, wrong, right: the streak counts 1, 2, 0, 1 and the best is 2."""
    game = new_game(questions=4)
    streaks = []
    for step in (answer_right, answer_right, answer_wrong, answer_right):
        step(game)
        assert game.feedback is not None
        streaks.append(game.feedback.streak)
        game.next()
    assert streaks == [1, 2, 0, 1]
    assert game.result().best_streak == 2


def test_timeout_resets_the_streak() -> None:
    """A time-out breaks the streak just as a wrong answer does."""
    clock = FakeClock()
    game = new_game(clock=clock, questions=3)
    answer_right(game)
    game.next()
    clock.advance(100)
    assert game.check_timeout()
    assert game.streak == 0


def test_ladder_miss_falls_back_to_the_last_safe_haven() -> None:
    """Missing rung 8 keeps what rung 5 banked; missing rung 3 keeps nothing."""
    assert ladder_score([100] * 7 + [0], Outcome.WRONG) == 500
    assert ladder_score([100] * 2 + [0], Outcome.TIMEOUT) == 0
    assert ladder_score([100] * 12 + [0], Outcome.WRONG) == 1000


def test_ladder_walk_away_keeps_everything() -> None:
    """A ladder that ends on a right answer keeps every point."""
    assert ladder_score([100] * 7, Outcome.CORRECT) == 700


@settings(max_examples=40, deadline=None)
@given(
    mode=st.sampled_from([Mode.CLASSIC, Mode.LADDER, Mode.PRACTICE, Mode.BLITZ]),
    tier=st.sampled_from(list(Difficulty)),
    steady=st.booleans(),
    moves=st.lists(st.tuples(st.booleans(), st.floats(0, 25)), min_size=1, max_size=15),
)
def test_recomputed_score_equals_recorded_score(
    mode: Mode, tier: Difficulty, steady: bool, moves: list[tuple[bool, float]]
) -> None:
    """Any game the engine plays can be re-scored from its answer log alone."""
    clock = FakeClock()
    game = new_game(bank_of(6), clock, mode=mode, tier=tier, steady=steady, questions=15)
    for right, seconds in moves:
        if game.finished:
            break
        clock.advance(seconds)
        if not game.check_timeout():
            (answer_right if right else answer_wrong)(game)
        game.next()
    if mode is Mode.LADDER and not game.finished:
        game.walk_away()
    while not game.finished:
        answer_right(game)
        game.next()
    record = game.result()
    assert recompute_score(record) == record.score
