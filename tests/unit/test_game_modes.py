"""Every mode: classic, blitz, ladder (havens, walk away, lifelines), daily, review, practice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Mode, Outcome, QuestionBank, QuestionStats
from boschquiz.game.history import InMemoryHistory
from boschquiz.game.round import (
    BLITZ_SECONDS,
    BLITZ_WRONG_PENALTY,
    GameRound,
    GameStateError,
    Lifeline,
)
from boschquiz.game.scoring import LADDER_SAFE_HAVENS
from boschquiz.game.start import DailyAlreadyPlayedError, NothingToReviewError
from tests.unit.test_game_support import (
    PLAYER,
    TODAY,
    answer_right,
    answer_wrong,
    bank_of,
    choice_question,
    new_game,
    play_through,
)

REPO = Path(__file__).resolve().parents[2]


def play_right(game: GameRound, answers: int) -> None:
    for _ in range(answers):
        answer_right(game)
        game.next()


# --- classic ---------------------------------------------------------------------------


def test_classic_defaults_to_ten_questions() -> None:
    """Classic without a count asks ten."""
    game = new_game(bank_of(10))
    assert game.shown.total == 10
    play_right(game, 10)
    assert game.finished
    assert game.result().answered == 10


# --- blitz -----------------------------------------------------------------------------


def test_blitz_runs_on_one_sixty_second_clock() -> None:
    """Every blitz question shows the same game deadline, 60 s from the start."""
    clock = FakeClock(start=0.0)
    game = new_game(clock=clock, mode=Mode.BLITZ)
    assert game.shown.total is None
    assert game.shown.deadline == BLITZ_SECONDS
    clock.advance(3)
    answer_right(game)
    game.next()
    assert game.shown.deadline == BLITZ_SECONDS
    assert game.seconds_left() == pytest.approx(BLITZ_SECONDS - 3)


def test_blitz_wrong_answer_costs_time() -> None:
    """A wrong blitz answer takes five seconds off the game clock."""
    clock = FakeClock(start=0.0)
    game = new_game(clock=clock, mode=Mode.BLITZ)
    answer_wrong(game)
    assert game.feedback is not None
    assert game.feedback.time_penalty == BLITZ_WRONG_PENALTY
    game.next()
    assert game.shown.deadline == BLITZ_SECONDS - BLITZ_WRONG_PENALTY


def test_blitz_feedback_counts_the_penalty_at_once() -> None:
    """During the feedback after a wrong blitz answer, the game clock already shows the
    penalty, and keeps running."""
    clock = FakeClock()
    game = new_game(clock=clock, mode=Mode.BLITZ)
    clock.advance(10)
    answer_wrong(game)
    assert game.seconds_left() == BLITZ_SECONDS - 10 - BLITZ_WRONG_PENALTY
    clock.advance(2)
    assert game.seconds_left() == BLITZ_SECONDS - 12 - BLITZ_WRONG_PENALTY


def test_blitz_ends_when_the_clock_runs_out() -> None:
    """As many as you can: after 60 s the current question times out and the game ends."""
    clock = FakeClock()
    game = new_game(bank_of(30), clock, mode=Mode.BLITZ)
    for _ in range(5):
        clock.advance(4)
        answer_right(game)
        game.next()
    clock.advance(BLITZ_SECONDS)
    assert game.check_timeout()
    assert game.next() is None
    record = game.result()
    assert record.correct == 5
    assert record.answers[-1].outcome is Outcome.TIMEOUT


def test_blitz_time_spent_on_feedback_counts() -> None:
    """The blitz clock keeps running between questions; past 60 s, next() ends the game."""
    clock = FakeClock()
    game = new_game(clock=clock, mode=Mode.BLITZ)
    answer_right(game)
    clock.advance(BLITZ_SECONDS + 1)
    assert game.next() is None
    assert game.finished


# --- ladder ----------------------------------------------------------------------------


def test_ladder_has_fifteen_rungs_of_rising_difficulty() -> None:
    """Fifteen questions, easy to hard, never getting easier."""
    game = new_game(bank_of(10), mode=Mode.LADDER)
    ranks = []
    while not game.finished:
        ranks.append(game.shown.question.difficulty.rank)
        answer_right(game)
        game.next()
    assert len(ranks) == 15
    assert ranks == sorted(ranks)
    assert ranks[0] == Difficulty.EASY.rank
    assert ranks[-1] == Difficulty.HARD.rank


def test_ladder_miss_ends_the_game_at_the_last_safe_haven() -> None:
    """Right on rungs 1-7, wrong on 8: the game ends with what rung 5 banked."""
    game = new_game(bank_of(10), mode=Mode.LADDER)
    play_right(game, 7)
    answer_wrong(game)
    feedback = game.feedback
    assert feedback is not None
    assert feedback.game_over
    game.next()
    record = game.result()
    banked = sum(a.points for a in record.answers[: LADDER_SAFE_HAVENS[0]])
    assert record.score == banked
    assert len(record.answers) == 8


def test_ladder_timeout_also_ends_the_game() -> None:
    """Running out of time on a rung is a miss."""
    clock = FakeClock()
    game = new_game(bank_of(10), clock, mode=Mode.LADDER)
    clock.advance(1000)
    assert game.check_timeout()
    assert game.next() is None
    assert game.result().score == 0


def test_ladder_walk_away_keeps_the_score() -> None:
    """Walking away after six right answers keeps all their points."""
    game = new_game(bank_of(10), mode=Mode.LADDER)
    play_right(game, 6)
    game.walk_away()
    assert game.finished
    summary = game.summary()
    assert summary.walked_away
    assert summary.record.score == sum(a.points for a in summary.record.answers)
    assert len(summary.record.answers) == 6


def test_walk_away_is_ladder_only() -> None:
    """Classic has no walking away."""
    with pytest.raises(GameStateError):
        new_game().walk_away()


def test_banked_score_follows_the_havens() -> None:
    """Before rung 5 nothing is banked; after it, rung 5's score."""
    game = new_game(bank_of(10), mode=Mode.LADDER)
    play_right(game, 4)
    assert game.banked == 0
    play_right(game, 1)
    assert game.banked == game.score > 0


def test_fifty_fifty_leaves_the_answer_and_one_other() -> None:
    """50:50 keeps two choices, one of them right."""
    game = new_game(bank_of(10), mode=Mode.LADDER)
    shown = game.fifty_fifty()
    assert len(shown.choices) == 2
    assert shown.question.answer in shown.choices
    assert game.shown == shown


def test_lifeline_stops_the_clock_until_resumed() -> None:
    """While a lifeline resolves the clock stands still."""
    clock = FakeClock()
    game = new_game(bank_of(10), clock, mode=Mode.LADDER)
    clock.advance(4)
    game.fifty_fifty()
    assert game.paused
    clock.advance(60)
    game.resume()
    assert game.seconds_left() == pytest.approx(game.shown.time_limit - 4)  # type: ignore[operator]


def test_extra_time_adds_fifteen_seconds() -> None:
    """+15 s moves the deadline and the limit speed points are measured against."""
    clock = FakeClock()
    game = new_game(bank_of(10), clock, mode=Mode.LADDER)
    before = game.shown
    assert before.deadline is not None
    assert before.time_limit is not None
    after = game.extra_time()
    game.resume()
    assert after.deadline == before.deadline + 15
    assert after.time_limit == before.time_limit + 15
    clock.advance(before.time_limit + 10)
    answer_right(game)
    assert game.feedback is not None
    assert game.feedback.outcome is Outcome.CORRECT


def test_skip_climbs_a_rung_and_keeps_the_streak() -> None:
    """Skip: no points, the streak survives, the next rung is shown."""
    game = new_game(bank_of(10), mode=Mode.LADDER)
    play_right(game, 2)
    feedback = game.skip()
    assert feedback.outcome is Outcome.SKIPPED
    assert feedback.points.total == 0
    assert feedback.streak == 2
    shown = game.next()
    assert shown is not None
    assert shown.index == 4


def test_each_lifeline_once_per_game() -> None:
    """After using a lifeline it is gone for the rest of the ladder."""
    game = new_game(bank_of(10), mode=Mode.LADDER)
    assert game.lifelines == frozenset(Lifeline)
    game.fifty_fifty()
    game.resume()
    answer_right(game)
    game.next()
    assert Lifeline.FIFTY_FIFTY not in game.lifelines
    with pytest.raises(GameStateError):
        game.fifty_fifty()


def test_lifelines_are_ladder_only() -> None:
    """Classic games have no lifelines."""
    game = new_game()
    assert game.lifelines == frozenset()
    with pytest.raises(GameStateError):
        game.skip()


# --- daily -----------------------------------------------------------------------------


def test_daily_ignores_seed_tier_and_history() -> None:
    """Two players with different seeds, tiers and pasts get the same daily set."""
    bank = bank_of(10)
    seen = InMemoryHistory()
    for q in bank.questions[:15]:
        seen.set_stats(PLAYER, QuestionStats(q.id, seen=1, last_seen="2026-11-20T10:00"))
    first = new_game(bank, mode=Mode.DAILY, seed=1, tier=Difficulty.EASY)
    second = new_game(bank, history=seen, mode=Mode.DAILY, seed=2, tier=Difficulty.HARD)
    assert first.shown.choices == second.shown.choices
    assert play_through(first) == play_through(second)


def test_daily_changes_with_the_bank() -> None:
    """A different bank (content hash) gives a different daily set."""
    one = play_through(new_game(bank_of(10), mode=Mode.DAILY))
    other = play_through(new_game(bank_of(11), mode=Mode.DAILY))
    assert one != other


@pytest.mark.process
def test_daily_set_is_equal_across_processes() -> None:
    """Two separate interpreters (different hash seeds) draw the same daily questions."""
    code = (
        "import json; from tests.unit.test_game_support import bank_of, new_game; "
        "from boschquiz.core.model import Mode; g = new_game(bank_of(10), mode=Mode.DAILY); "
        "ids = []\n"
        "while not g.finished:\n"
        "    ids.append([g.shown.question.id, list(g.shown.choices)]); "
        "g.answer(g.shown.question.answer); g.next()\n"
        "print(json.dumps(ids))"
    )
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run(
            [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        outputs.append(json.loads(run.stdout))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 10


def test_daily_once_per_player_per_day() -> None:
    """A second daily on the same day is refused with a clear message."""
    history = InMemoryHistory()
    clock = FakeClock()
    game = new_game(bank_of(10), clock, history, mode=Mode.DAILY)
    play_through(game)
    history.record_game(game.result(), clock.now())
    with pytest.raises(DailyAlreadyPlayedError, match="already played the daily"):
        new_game(bank_of(10), clock, history, mode=Mode.DAILY)


def test_daily_ends_with_a_share_line() -> None:
    """The share line shows the date, the count, one square per question and the streak."""
    game = new_game(bank_of(10), mode=Mode.DAILY)
    for i in range(10):
        (answer_wrong if i in (2, 6) else answer_right)(game)
        game.next()
    summary = game.summary()
    assert summary.share_line == (
        "boschquiz daily 2026-11-24  8/10  ✅✅❌✅✅✅❌✅✅✅  best streak 3"
    )
    assert summary.record.daily_date == TODAY.isoformat()


# --- review ----------------------------------------------------------------------------


def test_review_asks_only_missed_questions_most_overdue_first() -> None:
    """Review draws box 1+ questions, the earliest due first; never-missed ones stay out."""
    bank = bank_of(5)
    history = InMemoryHistory()
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    missed = [bank.questions[3], bank.questions[0], bank.questions[7]]
    for days, q in enumerate(missed):
        due = (now - timedelta(days=3 - days)).isoformat()
        history.set_stats(PLAYER, QuestionStats(q.id, seen=2, wrong=1, box=1 + days, due=due))
    history.set_stats(PLAYER, QuestionStats(bank.questions[1].id, seen=1, right=1))
    game = new_game(bank, history=history, mode=Mode.REVIEW)
    assert play_through(game) == [q.id for q in missed]


def test_review_with_nothing_missed_says_so() -> None:
    """A player with no misses gets a clear 'nothing to review' instead of a game."""
    with pytest.raises(NothingToReviewError, match="nothing to review"):
        new_game(mode=Mode.REVIEW)


def test_review_answers_move_questions_between_boxes() -> None:
    """A quick right answer in review moves the question up; a miss sends it back to box 1."""
    bank = QuestionBank((choice_question("a"), choice_question("b")))
    history = InMemoryHistory()
    for q in bank.questions:
        history.set_stats(PLAYER, QuestionStats(q.id, seen=1, wrong=1, box=2, due="2026-11-24"))
    clock = FakeClock()
    game = new_game(bank, clock, history, mode=Mode.REVIEW)
    first = game.shown.question.id
    answer_right(game)
    game.next()
    answer_wrong(game)
    game.next()
    history.record_game(game.result(), clock.now())
    boxes = {qid: s.box for qid, s in history.question_stats(PLAYER).items()}
    second = next(qid for qid in boxes if qid != first)
    assert (boxes[first], boxes[second]) == (4, 1)


# --- practice --------------------------------------------------------------------------


def test_practice_has_no_timer() -> None:
    """Practice questions have no deadline and never time out."""
    clock = FakeClock()
    game = new_game(clock=clock, mode=Mode.PRACTICE)
    assert game.shown.deadline is None
    assert game.seconds_left() is None
    clock.advance(10_000)
    assert not game.check_timeout()
    assert game.answer(game.shown.question.answer).outcome is Outcome.CORRECT


def test_practice_scores_nothing_and_always_explains() -> None:
    """Right answers earn no points in practice, and the explanation is shown anyway."""
    game = new_game(mode=Mode.PRACTICE)
    feedback = game.answer(game.shown.question.answer)
    assert feedback.points.total == 0
    assert feedback.show_explanation
    game.next()
    play_right(game, 9)
    summary = game.summary()
    assert summary.record.score == 0
    assert not summary.ranked


def test_right_answer_outside_practice_does_not_force_the_explanation() -> None:
    """In classic, a right answer leaves showing the explanation to the UI."""
    game = new_game()
    assert not game.answer(game.shown.question.answer).show_explanation


def test_no_walking_away_after_a_ladder_miss() -> None:
    """Once a miss has ended the ladder, walking away cannot rescue the score."""
    game = new_game(bank_of(10), mode=Mode.LADDER)
    answer_wrong(game)
    with pytest.raises(GameStateError):
        game.walk_away()


def test_review_notice_counts_the_missed_questions() -> None:
    """A short review says how many missed questions there are, not that filters fell short."""
    bank = bank_of(3)
    history = InMemoryHistory()
    history.set_stats(PLAYER, QuestionStats(bank.questions[0].id, seen=1, wrong=1, box=1))
    game = new_game(bank, history=history, mode=Mode.REVIEW)
    assert game.notice == "1 missed question to review"


def test_review_explains_even_right_answers() -> None:
    """Review is for learning: a right answer still comes with its explanation."""
    bank = bank_of(2)
    history = InMemoryHistory()
    history.set_stats(PLAYER, QuestionStats(bank.questions[0].id, seen=1, wrong=1, box=1))
    game = new_game(bank, history=history, mode=Mode.REVIEW)
    assert game.answer(game.shown.question.answer).show_explanation
