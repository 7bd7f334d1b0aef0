"""Whatever a UI does, in any order, the round stays consistent."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Mode, Outcome, QuestionStats
from boschquiz.game.history import InMemoryHistory
from boschquiz.game.modes import MODES
from boschquiz.game.round import GameRound, GameStateError, RoundState
from boschquiz.game.scoring import recompute_score
from tests.unit.test_game_support import answer_right, answer_wrong, bank_of, new_game

ACTIONS = (
    "right",
    "wrong",
    "choice0",
    "timeout",
    "pause",
    "resume",
    "next",
    "fifty",
    "skip",
    "extra",
    "walk",
)


def act(game: GameRound, clock: FakeClock, action: str, seconds: float) -> None:
    clock.advance(seconds)
    moves = {
        "right": lambda: answer_right(game),
        "wrong": lambda: answer_wrong(game),
        "choice0": lambda: game.answer_choice(0),
        "timeout": game.check_timeout,
        "pause": game.pause,
        "resume": game.resume,
        "next": game.next,
        "fifty": game.fifty_fifty,
        "skip": game.skip,
        "extra": game.extra_time,
        "walk": game.walk_away,
    }
    with contextlib.suppress(GameStateError):
        moves[action]()


@settings(max_examples=60, deadline=None)
@given(
    mode=st.sampled_from([m for m in Mode if MODES[m].players.start == 1]),
    tier=st.sampled_from(list(Difficulty)),
    steps=st.lists(
        st.tuples(st.sampled_from(ACTIONS), st.floats(0, 40, allow_nan=False)), max_size=60
    ),
)
def test_any_sequence_of_moves_keeps_the_round_consistent(
    mode: Mode, tier: Difficulty, steps: list[tuple[str, float]]
) -> None:
    """Countdown never negative, no repeats, score always recomputable from the log."""
    history = InMemoryHistory()
    bank = bank_of(6)
    for q in bank.questions[:4]:
        history.set_stats("Renee", QuestionStats(q.id, seen=1, wrong=1, box=1))
    clock = FakeClock()
    game = new_game(bank, clock, history, mode=mode, tier=tier, questions=8)
    for action, seconds in steps:
        act(game, clock, action, seconds)
        left = game.seconds_left()
        assert left is None or left >= 0
        if game.state is RoundState.FEEDBACK:
            assert game.feedback is not None
    if game.state is RoundState.PAUSED:
        game.resume()
    while not game.finished:
        if game.state is RoundState.ASKING:
            answer_right(game)
        game.next()
    summary = game.summary()
    record = summary.record
    ids = [a.question_id for a in record.answers]
    assert len(ids) == len(set(ids))
    assert recompute_score(record) == record.score
    assert record.correct == sum(1 for a in record.answers if a.outcome is Outcome.CORRECT)
    assert [q.id for q in summary.questions] == ids
