"""Party play's rules on a fake clock: simultaneous answers, ties, silence, the reveal."""

from __future__ import annotations

from dataclasses import replace

import pytest

from boschquiz.core.clock import FakeClock
from boschquiz.core.diagnostics import UserFacingError
from boschquiz.core.model import (
    Difficulty,
    GameTerms,
    Mode,
    Outcome,
    PartySeat,
    Question,
    QuestionBank,
    QuestionStats,
    QuestionType,
)
from boschquiz.core.spoilers import Horizon, strictest
from boschquiz.game import ranking
from boschquiz.game.history import InMemoryHistory
from boschquiz.game.modes import MODES
from boschquiz.game.party import PartyError, PartyRound, party_questions, standings
from boschquiz.game.scoring import BASE_POINTS, recompute_score
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import start_party
from boschquiz.game.tiers import TIERS
from tests.unit.test_game_support import bank_of, new_game, typed_question


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


# -- the mode row, starting a party, its records ---------------------------------------------


def _bank() -> QuestionBank:
    """Twelve choice questions and ten typed ones."""
    typed = tuple(typed_question(f"t{n}", "Bosch") for n in range(10))
    return QuestionBank((*bank_of(4).questions, *typed))


def _start(
    bank: QuestionBank, history: InMemoryHistory | None = None, **kwargs: object
) -> PartyRound:
    settings = GameSettings(**kwargs)  # type: ignore[arg-type]
    return start_party(
        bank, settings, ["Ana", "Ben", "Cy"], FakeClock(), history or InMemoryHistory()
    )


def _play_out(game: PartyRound, clock: FakeClock, winners: tuple[int, ...] = (0,)) -> None:
    """Everyone answers every question; the players in `winners` right, the others wrong."""
    while True:
        for seat in range(len(game.players)):
            game.answer(seat, _right(game) if seat in winners else _wrong(game))
        clock.advance(1)
        game.reveal()
        if game.next() is None:
            return


def test_the_party_row_of_the_mode_table() -> None:
    """Party: its own table, ten questions, no typed question, at most four choices, timed."""
    rules = MODES[Mode.PARTY]
    assert (rules.table_label, rules.questions, rules.timed) == ("Party", 10, True)
    assert not rules.typed_questions
    assert rules.max_choices == 4
    assert (rules.players.start, rules.players.stop - 1) == (2, 6)
    assert ranking.STANDARD_LENGTH[Mode.PARTY] == 10


def test_a_started_party_asks_ten_questions_without_typed_ones() -> None:
    game = _start(_bank())
    assert game.total == 10
    seen = []
    while True:
        seen.append(game.shown.question)
        assert len(game.shown.choices) <= 4
        for seat in range(3):
            game.answer(seat, 0)
        game.reveal()
        if game.next() is None:
            break
    assert all(q.type is not QuestionType.TYPED for q in seen)


def test_a_party_prefers_questions_none_of_its_players_has_seen() -> None:
    """Each player's history counts: of 30 questions, the players saw 21 between them (7
    each); the 9 none of them has seen are all asked before any seen one."""
    bank = bank_of(10)
    history = InMemoryHistory()
    players = ["Ana", "Ben", "Cy"]
    seen = [q for n, q in enumerate(bank.questions) if n % 10 < 7]
    for n, q in enumerate(seen):
        stats = QuestionStats(q.id, seen=1, right=1, last_seen="2026-11-20T10:00:00")
        history.set_stats(players[n % 3], stats)
    game = _start(bank, history)
    asked = {game.shown.question.id}
    while True:
        for seat in range(3):
            game.answer(seat, 0)
        game.reveal()
        if game.next() is None:
            break
        asked.add(game.shown.question.id)
    unseen = {q.id for q in bank.questions} - {q.id for q in seen}
    assert len(unseen) == 9
    assert unseen <= asked


def test_the_strictest_horizon_of_the_players_applies() -> None:
    bank = QuestionBank(
        tuple(
            replace(q, spoils=("bosch:5",) if n % 2 else ())
            for n, q in enumerate(bank_of(10).questions)
        )
    )
    settings = GameSettings()
    game = start_party(
        bank,
        settings,
        ["Ana", "Ben"],
        FakeClock(),
        InMemoryHistory(),
        horizons=(Horizon.parse("bosch:7"), Horizon.parse("bosch:2")),
    )
    asked = []
    while True:
        asked.append(game.shown.question)
        for seat in range(2):
            game.answer(seat, 0)
        game.reveal()
        if game.next() is None:
            break
    assert asked
    assert all(not q.spoils for q in asked)


def test_a_horizon_named_for_the_party_stands_for_every_player() -> None:
    """`--watched` for one party replaces the players' saved horizons."""
    questions = bank_of(10).questions
    bank = QuestionBank(tuple(replace(q, spoils=("bosch:5",)) for q in questions))
    settings = GameSettings(horizon=Horizon.everything())
    horizons = (Horizon.parse("bosch:2"), Horizon.parse("bosch:2"))
    game = start_party(bank, settings, ["Ana", "Ben"], FakeClock(), InMemoryHistory(), horizons)
    assert game.shown.question.spoils == ("bosch:5",)


def test_strictest_takes_the_fewest_seasons_and_books_only_when_all_have_them() -> None:
    first = Horizon.parse("bosch:7,legacy:1,ballard:1", books=True)
    second = Horizon.parse("bosch:3,legacy:2", books=False)
    shared = strictest([first, second])
    assert shared == Horizon.parse("bosch:3,legacy:1,ballard:0")
    assert not shared.books
    assert strictest([first, first]).books
    assert strictest([]) == Horizon.everything()


def test_records_link_every_player_and_rank_only_the_winners() -> None:
    clock = FakeClock()
    game = PartyRound(
        [_choice(n) for n in range(10)],
        ["Ana", "Ben", "Cy"],
        clock,
        seed=4,
        terms=GameTerms(length=10),
        party_id="p1",
    )
    _play_out(game, clock, winners=(0, 1))
    records = game.records()
    assert [r.player for r in records] == ["Ana", "Ben", "Cy"]
    assert {r.party for r in records} == {
        PartySeat("p1", 1, 3),
        PartySeat("p1", 3, 3),
    }
    assert all(r.mode is Mode.PARTY and recompute_score(r) == r.score for r in records)
    ranked = [ranking.is_ranked(r.mode, r.terms, r.party) for r in records]
    assert ranked == [True, True, False]
    assert ranking.custom_reasons(records[2].mode, records[2].terms, records[2].party) == (
        "placed 3 of 3",
    )


def test_records_are_refused_before_the_last_reveal() -> None:
    game = _game(FakeClock())
    with pytest.raises(PartyError):
        game.records()


def test_a_solo_start_refuses_the_party_mode() -> None:
    with pytest.raises(UserFacingError, match="players"):
        new_game(bank_of(4), mode=Mode.PARTY)
