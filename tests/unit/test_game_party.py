"""Party play's rules on a fake clock: simultaneous answers, ties, silence, the reveal."""

from __future__ import annotations

import pytest

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Outcome, Question, QuestionType
from boschquiz.game.party import PartyError, PartyRound, party_questions, standings
from boschquiz.game.scoring import BASE_POINTS
from boschquiz.game.tiers import TIERS


def _choice(n: int, answer: str = "Right", wrong: int = 3) -> Question:
    return Question(
        id=f"p/q{n}",
        pack="p",
        type=QuestionType.CHOICE,
        prompt=f"Question {n}?",
        answer=answer,
        difficulty=Difficulty.MEDIUM,
        choices=(answer, *(f"Wrong {k}" for k in range(wrong))),
    )


TYPED = Question("p/t", "p", QuestionType.TYPED, "Type it?", "Bosch", Difficulty.MEDIUM)
TRUE_FALSE = Question(
    "p/tf",
    "p",
    QuestionType.TRUE_FALSE,
    "Bosch ended in 2021.",
    "True",
    Difficulty.MEDIUM,
    choices=("True", "False"),
)


def _game(clock: FakeClock, questions: int = 3, players: int = 3) -> PartyRound:
    names = ["Ana", "Ben", "Cy", "Dee", "Eve", "Fin"][:players]
    return PartyRound([_choice(n) for n in range(questions)], names, clock, seed=4)


def _right(game: PartyRound) -> int:
    return game.shown.choices.index(game.shown.question.answer)


def _wrong(game: PartyRound) -> int:
    return next(i for i, c in enumerate(game.shown.choices) if c != game.shown.question.answer)


def test_answers_stay_hidden_until_everyone_has_answered() -> None:
    clock = FakeClock()
    game = _game(clock)
    assert game.answer(0, _right(game))
    assert game.answer(1, _wrong(game))
    assert not game.ready_to_reveal()
    with pytest.raises(PartyError):
        game.reveal()
    assert game.answer(2, _right(game))
    assert game.ready_to_reveal()
    reveal = game.reveal()
    assert [r.outcome for r in reveal.results] == [Outcome.CORRECT, Outcome.WRONG, Outcome.CORRECT]


def test_simultaneous_answers_score_by_each_players_own_speed() -> None:
    clock = FakeClock()
    game = _game(clock)
    limit = game.shown.time_limit
    game.answer(0, _right(game))
    clock.advance(limit / 2)
    game.answer(1, _right(game))
    game.answer(2, _right(game))
    points = [r.points for r in game.reveal().results]
    full = BASE_POINTS * TIERS[Difficulty.MEDIUM].multiplier
    assert points == [round(full), round(full * 0.75), round(full * 0.75)]


def test_the_first_key_counts_and_a_second_changes_nothing() -> None:
    clock = FakeClock()
    game = _game(clock)
    assert game.answer(0, _wrong(game))
    assert not game.answer(0, _right(game))
    for player in (1, 2):
        game.answer(player, _right(game))
    assert game.reveal().results[0].outcome is Outcome.WRONG


def test_a_player_who_never_answers_times_out_when_the_clock_runs_out() -> None:
    clock = FakeClock()
    game = _game(clock)
    game.answer(0, _right(game))
    game.answer(1, _right(game))
    clock.advance(game.shown.time_limit - 0.01)
    assert not game.ready_to_reveal()
    clock.advance(0.02)
    assert not game.answer(2, _right(game))
    assert game.ready_to_reveal()
    silent = game.reveal().results[2]
    assert (silent.given, silent.outcome, silent.points) == (None, Outcome.TIMEOUT, 0)


def test_ties_share_a_place_and_moves_are_told() -> None:
    clock = FakeClock()
    game = _game(clock)
    for player in range(3):
        game.answer(player, _right(game))
    first = game.reveal()
    assert [s.place for s in first.standings] == [1, 1, 1]
    game.next()
    clock.advance(1)
    game.answer(2, _right(game))
    clock.advance(5)
    game.answer(0, _wrong(game))
    game.answer(1, _right(game))
    second = {s.player: s for s in game.reveal().standings}
    assert (second["Cy"].place, second["Cy"].move) == (1, 0)
    assert (second["Ben"].place, second["Ben"].move) == (2, -1)
    assert (second["Ana"].place, second["Ana"].move) == (3, -2)


def test_streaks_are_per_player() -> None:
    clock = FakeClock()
    game = _game(clock)
    for _ in range(3):
        game.answer(0, _right(game))
        game.answer(1, _wrong(game))
        game.answer(2, _right(game) if game.shown.index != 1 else _wrong(game))
        game.reveal()
        if game.next() is None:
            break
    assert [game.best_streak_of(p) for p in range(3)] == [3, 0, 1]
    assert game.finished
    assert game.answers_of(0)[2].streak_bonus == 200


def test_party_questions_leave_typed_out_and_show_at_most_four_choices() -> None:
    assert party_questions([TYPED, TRUE_FALSE]) == (TRUE_FALSE,)
    clock = FakeClock()
    game = PartyRound([TYPED, _choice(1, wrong=5)], ["Ana", "Ben"], clock)
    assert game.total == 1
    assert len(game.shown.choices) == 4
    assert "Right" in game.shown.choices


@pytest.mark.parametrize("players", [["Solo"], ["A", "B", "C", "D", "E", "F", "G"], ["Ana", "ana"]])
def test_a_party_needs_two_to_six_different_players(players: list[str]) -> None:
    with pytest.raises(PartyError):
        PartyRound([_choice(0)], players, FakeClock())


def test_a_bank_of_typed_questions_cannot_make_a_party() -> None:
    with pytest.raises(PartyError, match="typed questions are left out"):
        PartyRound([TYPED], ["Ana", "Ben"], FakeClock())


def test_a_key_for_a_choice_that_is_not_there_changes_nothing() -> None:
    game = PartyRound([TRUE_FALSE], ["Ana", "Ben"], FakeClock())
    assert not game.answer(0, 3)
    assert not game.has_answered(0)


def test_standings_without_history_have_no_moves() -> None:
    assert standings([("A", 5), ("B", 9), ("C", 5)]) == (standings([("B", 9), ("A", 5), ("C", 5)]))
    assert [(s.player, s.place, s.move) for s in standings([("A", 5), ("B", 9), ("C", 5)])] == [
        ("B", 1, 0),
        ("A", 2, 0),
        ("C", 2, 0),
    ]
