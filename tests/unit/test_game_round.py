"""The round state machine: showing, answering, deadlines, time-outs, pauses, results."""

from __future__ import annotations

import pytest

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Mode, Outcome, QuestionBank, QuestionType
from boschquiz.game.round import GameStateError, RoundState
from boschquiz.game.scoring import BASE_POINTS
from tests.unit.test_game_support import (
    PLAYER,
    answer_right,
    answer_wrong,
    bank_of,
    choice_question,
    new_game,
    true_false_question,
    typed_question,
)

TICK = 0.001
EASY_LIMIT = 30.0


def test_first_question_is_shown_with_its_deadline() -> None:
    """Start shows question 1 of n with a deadline one limit ahead on the monotonic clock."""
    clock = FakeClock(start=500.0)
    game = new_game(clock=clock, tier=Difficulty.EASY, questions=4)
    shown = game.shown
    assert (shown.index, shown.total) == (1, 4)
    assert shown.time_limit == EASY_LIMIT
    assert shown.deadline == 500.0 + EASY_LIMIT
    assert game.state is RoundState.ASKING


def test_seconds_left_comes_from_the_deadline() -> None:
    """After 12.5 s the countdown shows the limit minus 12.5, never below zero."""
    clock = FakeClock()
    game = new_game(clock=clock, tier=Difficulty.EASY)
    clock.advance(12.5)
    assert game.seconds_left() == pytest.approx(EASY_LIMIT - 12.5)
    clock.advance(100)
    assert game.seconds_left() == 0.0


def test_answer_at_zero_seconds_earns_full_points() -> None:
    """An instant right answer on the easy tier earns the full base."""
    game = new_game(tier=Difficulty.EASY)
    answer_right(game)
    assert game.feedback is not None
    assert game.feedback.points.total == BASE_POINTS


def test_answer_exactly_at_the_deadline_counts_for_half() -> None:
    """An answer arriving exactly at the deadline is right, for half the points."""
    clock = FakeClock()
    game = new_game(clock=clock, tier=Difficulty.EASY)
    clock.advance(EASY_LIMIT)
    answer_right(game)
    assert game.feedback is not None
    assert game.feedback.outcome is Outcome.CORRECT
    assert game.feedback.points.total == BASE_POINTS // 2


def test_answer_one_tick_after_the_deadline_is_a_timeout() -> None:
    """A right answer arriving a millisecond late is a time-out worth nothing."""
    clock = FakeClock()
    game = new_game(clock=clock, tier=Difficulty.EASY)
    clock.advance(EASY_LIMIT + TICK)
    answer_right(game)
    assert game.feedback is not None
    assert game.feedback.outcome is Outcome.TIMEOUT
    assert game.feedback.points.total == 0


def test_check_timeout_fires_only_after_the_deadline() -> None:
    """Polling is false before and at the deadline, true one tick after, then records it."""
    clock = FakeClock()
    game = new_game(clock=clock, tier=Difficulty.EASY)
    clock.advance(EASY_LIMIT)
    assert not game.check_timeout()
    clock.advance(TICK)
    assert game.check_timeout()
    assert game.feedback is not None
    assert game.feedback.outcome is Outcome.TIMEOUT
    assert game.feedback.seconds == EASY_LIMIT
    assert not game.check_timeout()


def test_pause_stops_the_clock() -> None:
    """Time spent paused neither runs the countdown nor counts towards the answer time."""
    clock = FakeClock()
    game = new_game(clock=clock, tier=Difficulty.EASY)
    clock.advance(10)
    game.pause()
    clock.advance(500)
    assert game.seconds_left() == pytest.approx(EASY_LIMIT - 10)
    assert not game.check_timeout()
    game.resume()
    clock.advance(5)
    answer_right(game)
    assert game.feedback is not None
    assert game.feedback.outcome is Outcome.CORRECT
    assert game.feedback.seconds == pytest.approx(15.0)


def test_pause_is_reported_as_a_state() -> None:
    """While paused the round says so; resuming asks again."""
    game = new_game()
    game.pause()
    assert game.paused
    game.resume()
    assert game.state is RoundState.ASKING


def test_feedback_tells_the_right_answer_and_why() -> None:
    """After a wrong answer the feedback carries the right answer, explanation and source."""
    game = new_game()
    answer_wrong(game)
    feedback = game.feedback
    assert feedback is not None
    assert not feedback.correct
    assert feedback.right_answer == game.shown.question.answer
    assert feedback.explanation == game.shown.question.explanation
    assert feedback.source == "franchise article"
    assert feedback.show_explanation


def test_answer_choice_by_position() -> None:
    """answer_choice(i) answers with the i-th shown choice."""
    game = new_game()
    index = game.shown.choices.index(game.shown.question.answer)
    assert game.answer_choice(index).correct


def test_choice_text_matches_whatever_the_case() -> None:
    """Typing a choice's text in another case picks that choice."""
    game = new_game()
    assert game.answer(game.shown.question.answer.upper()).correct


def test_out_of_range_choice_is_refused() -> None:
    """A choice number that is not shown is a caller error, not a wrong answer."""
    game = new_game()
    with pytest.raises(GameStateError):
        game.answer_choice(9)


def test_typed_question_uses_the_matcher() -> None:
    """Typed answers are judged leniently, but another known answer is wrong."""
    bank = QuestionBank(
        (
            typed_question("who", "Renée Ballard"),
            typed_question("dad", "Harry Bosch"),
            typed_question("kid", "Maddie Bosch"),
        )
    )
    game = new_game(bank, questions=3, seed=2)
    verdicts = {}
    while not game.finished:
        question = game.shown.question
        assert question.type is QuestionType.TYPED
        typed = {"Renée Ballard": "renee balard", "Harry Bosch": "Maddie Bosch"}.get(
            question.answer, "harry bosch"
        )
        verdicts[question.answer] = game.answer(typed).correct
        game.next()
    assert verdicts == {"Renée Ballard": True, "Harry Bosch": False, "Maddie Bosch": False}


def test_true_false_keeps_its_order() -> None:
    """True/false questions always show True then False."""
    bank = QuestionBank(tuple(true_false_question(f"t{i}") for i in range(5)))
    game = new_game(bank, questions=5)
    while not game.finished:
        assert game.shown.choices == ("True", "False")
        answer_right(game)
        game.next()


def test_cannot_answer_twice() -> None:
    """Answering during feedback is a caller error."""
    game = new_game()
    answer_right(game)
    with pytest.raises(GameStateError):
        answer_right(game)


def test_cannot_skip_feedback_before_answering() -> None:
    """next() before the question is settled is a caller error."""
    game = new_game()
    with pytest.raises(GameStateError):
        game.next()


def test_result_only_when_finished() -> None:
    """Asking for the result mid-game is refused: nothing half-done leaves the round."""
    game = new_game()
    with pytest.raises(GameStateError):
        game.result()


def test_game_finishes_after_the_last_question() -> None:
    """After n answers, next() returns None and the round is finished."""
    game = new_game(questions=2)
    answer_right(game)
    assert game.next() is not None
    answer_wrong(game)
    assert game.feedback is not None
    assert game.feedback.game_over
    assert game.next() is None
    assert game.finished


def test_result_record_describes_the_game() -> None:
    """The record carries who, what, the seed, the bank, counts and every answer."""
    clock = FakeClock()
    bank = bank_of(4)
    game = new_game(bank, clock, tier=Difficulty.HARD, questions=3, seed=99)
    for step in (answer_right, answer_wrong, answer_right):
        clock.advance(2)
        step(game)
        game.next()
    record = game.result()
    assert (record.player, record.mode, record.tier, record.seed) == (
        PLAYER,
        Mode.CLASSIC,
        Difficulty.HARD,
        99,
    )
    assert record.bank_hash == bank.content_hash
    assert (record.correct, record.answered, len(record.answers)) == (2, 3, 3)
    assert record.duration == pytest.approx(6.0)
    assert record.started_at.startswith("2026-11-24T12:00")
    assert record.score == sum(a.points for a in record.answers)
    assert record.packs == ("core",)
    assert [a.outcome for a in record.answers] == [
        Outcome.CORRECT,
        Outcome.WRONG,
        Outcome.CORRECT,
    ]


def test_question_count_below_one_is_refused() -> None:
    """Zero questions is a clear user-facing error."""
    from boschquiz.core.diagnostics import UserFacingError

    with pytest.raises(UserFacingError, match="at least 1"):
        new_game(questions=0)


def test_own_time_limit_sets_the_deadline() -> None:
    """A question with its own 45 s limit gets a 45 s deadline at any tier."""
    bank = QuestionBank((choice_question("slow", time_limit=45),))
    clock = FakeClock(start=0.0)
    game = new_game(bank, clock, tier=Difficulty.HARD, questions=1)
    assert game.shown.deadline == 45.0


def test_countdown_stops_once_answered() -> None:
    """After an answer the countdown holds its value until the next question."""
    clock = FakeClock()
    game = new_game(clock=clock, tier=Difficulty.EASY)
    clock.advance(5)
    answer_right(game)
    clock.advance(100)
    assert game.seconds_left() == pytest.approx(EASY_LIMIT - 5)
