"""The ladder's information: rung values (each rung's guaranteed minimum), safe havens, the
fall, how the game ended, and the "final answer?" setting."""

from __future__ import annotations

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Mode
from boschquiz.game.history import InMemoryHistory
from boschquiz.game.ladder import (
    CURVE,
    Fall,
    LadderEnd,
    fall_news,
    haven_cheer,
    ladder_result,
    landing,
    rung_table,
    rung_values,
)
from boschquiz.game.recap import heading
from boschquiz.game.round import GameRound
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import start_game
from tests.unit.test_game_support import PLAYER, TODAY, answer_right, answer_wrong, bank_of


def ladder_game(*, final_answer: bool = False) -> GameRound:
    settings = GameSettings(mode=Mode.LADDER, player=PLAYER, seed=3, final_answer=final_answer)
    return start_game(bank_of(), settings, FakeClock(), InMemoryHistory(), TODAY)


def climb(game: GameRound, rungs: int) -> None:
    for _ in range(rungs):
        answer_right(game)
        game.next()


def test_rung_values_are_each_rungs_guaranteed_minimum() -> None:
    """Medium: the guaranteed half (750) plus the streak bonus of a clean climb (+100 a rung,
    up to +500), and the running total; havens at 5 and 10; easy, medium, hard by five."""
    rungs = rung_table(Difficulty.MEDIUM)
    assert [r.minimum for r in rungs[:7]] == [750, 850, 950, 1050, 1150, 1250, 1250]
    assert [r.total for r in rungs[:3]] == [750, 1600, 2550]
    assert rungs[-1].total == sum(r.minimum for r in rungs)
    assert [r.number for r in rungs if r.safe_haven] == [5, 10]
    assert [r.difficulty for r in rungs] == list(CURVE)
    assert CURVE[0] is Difficulty.EASY
    assert CURVE[14] is Difficulty.HARD


def test_a_fast_climb_earns_at_least_the_rung_values() -> None:
    """Every rung's points in play are at least its value on the table."""
    game = ladder_game()
    rungs = game.rungs
    assert [r.difficulty for r in rungs] == [q.difficulty for q in game._questions]
    for rung in rungs[:6]:
        feedback = game.answer(game.shown.question.answer)
        assert feedback.points.total >= rung.minimum
        game.next()


def test_fall_sentence_names_the_rungs_and_the_points() -> None:
    fall = Fall(from_rung=8, from_score=8802, to_rung=5, to_score=5854)
    assert fall.sentence() == "from rung 8 (8,802) back to the safe haven at 5 (5,854)"
    assert Fall(3, 2550, 0, 0).sentence() == "from rung 3 (2,550) back to the ground (0)"
    assert Fall(0, 0, 0, 0).sentence() == "at the first rung, with nothing climbed yet (0)"


def test_a_miss_at_rung_9_falls_to_the_haven_at_5() -> None:
    game = ladder_game()
    climb(game, 4)
    fifth = game.answer(game.shown.question.answer)
    assert fifth.safe_haven == 5
    banked = fifth.score
    game.next()
    climb(game, 3)
    before = game.score
    feedback = game.answer("certainly not the answer")
    assert feedback.fall == Fall(8, before, 5, banked)
    assert feedback.score == banked
    game.next()
    result = ladder_result(game.result())
    assert (result.end, result.rung, result.score) == (LadderEnd.FELL, 8, banked)


def test_a_miss_before_the_first_haven_falls_to_the_ground() -> None:
    game = ladder_game()
    climb(game, 2)
    answer_wrong(game)
    feedback = game.feedback
    assert feedback is not None
    assert feedback.fall is not None
    assert (feedback.fall.from_rung, feedback.fall.to_rung, feedback.score) == (2, 0, 0)


def test_walking_away_and_the_top_are_told_apart() -> None:
    walker = ladder_game()
    climb(walker, 4)
    walker.walk_away()
    walked = ladder_result(walker.result())
    assert (walked.end, walked.rung) == (LadderEnd.WALKED, 4)
    top = ladder_game()
    climb(top, 15)
    ended = ladder_result(top.result())
    assert (ended.end, ended.rung) == (LadderEnd.TOP, 15)
    assert ended.sentence().startswith("Top of the ladder: all 15 rungs climbed")
    assert heading(walker.result(), walked_away=True) == "You walked away."
    assert heading(top.result()) == "Top of the ladder!"


def test_final_answer_is_asked_only_from_rung_11_when_set() -> None:
    """Off by default; with the setting, rungs 11 to 15 ask before an answer counts."""
    plain = ladder_game()
    locked = ladder_game(final_answer=True)
    asked = []
    for _ in range(15):
        asked.append(locked.asks_final_answer)
        assert not plain.asks_final_answer
        for game in (plain, locked):
            answer_right(game)
            game.next()
    assert asked == [False] * 10 + [True] * 5


def test_rung_values_are_the_score_so_far_then_each_rungs_minimum() -> None:
    """Climbed rungs: the running score; above: the score now plus each rung's minimum."""
    rungs = rung_table(Difficulty.MEDIUM)
    values = rung_values(rungs, [1500, 1600, 0])
    assert values[:3] == (1500, 3100, 3100)
    assert values[3] == 3100 + rungs[3].minimum
    assert values[4] == 3100 + rungs[3].minimum + rungs[4].minimum
    assert len(values) == 15
    assert rung_values(rungs, []) == tuple(r.total for r in rungs)


def test_the_fall_and_the_haven_are_told_in_one_place() -> None:
    """The sentences plain mode and the TUI both print."""
    fall = Fall(from_rung=8, from_score=8802, to_rung=5, to_score=5854)
    assert fall_news(fall, 5854) == (
        "You fall from rung 8 (8,802) back to the safe haven at 5 (5,854); the ladder ends"
        " with 5,854 points."
    )
    assert haven_cheer(10, 12345) == (
        "Safe haven! Rung 10 reached: 12,345 points are banked, whatever happens next."
    )
    assert landing(0, 0) == "the ground (0)"
    assert landing(5, 5854) == "the safe haven at 5 (5,854)"
