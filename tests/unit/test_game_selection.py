"""Which questions a game asks: no repeats, unseen first, filters, seeds, fair shuffles."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Mode, QuestionBank, QuestionStats, QuestionType, Show
from boschquiz.game.history import InMemoryHistory
from boschquiz.game.round import GameRound
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import NoQuestionsError, start_game
from tests.unit.test_game_support import (
    PLAYER,
    TODAY,
    answer_right,
    bank_of,
    choice_question,
    new_game,
    play_through,
    true_false_question,
)


def filtered_game(bank: QuestionBank, **filters: object) -> GameRound:
    settings = replace(GameSettings(player=PLAYER, seed=1, questions=50), **filters)  # type: ignore[arg-type]
    return start_game(bank, settings, FakeClock(), InMemoryHistory(), TODAY)


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    mode=st.sampled_from([Mode.CLASSIC, Mode.LADDER, Mode.PRACTICE, Mode.BLITZ]),
)
def test_no_question_is_asked_twice(seed: int, mode: Mode) -> None:
    """Whatever the seed and mode, a game never repeats a question."""
    ids = play_through(new_game(bank_of(8), mode=mode, seed=seed, questions=20))
    assert len(ids) == len(set(ids))


def test_unseen_questions_come_first() -> None:
    """With half the bank seen before, a game of that size draws only unseen questions."""
    bank = QuestionBank(tuple(choice_question(f"q{i}") for i in range(20)))
    history = InMemoryHistory()
    seen = {q.id for q in bank.questions[:10]}
    for qid in seen:
        history.set_stats(PLAYER, QuestionStats(qid, seen=1, right=1, last_seen="2026-11-01T10:00"))
    ids = play_through(new_game(bank, history=history, questions=10))
    assert not seen & set(ids)


def test_seen_longest_ago_comes_before_seen_recently() -> None:
    """When everything was seen, the questions seen longest ago are drawn first."""
    bank = QuestionBank(tuple(choice_question(f"q{i}") for i in range(6)))
    history = InMemoryHistory()
    for i, q in enumerate(bank.questions):
        history.set_stats(PLAYER, QuestionStats(q.id, seen=1, last_seen=f"2026-11-0{i + 1}T10:00"))
    ids = play_through(new_game(bank, history=history, questions=3))
    assert set(ids) == {q.id for q in bank.questions[:3]}


def test_same_seed_same_game() -> None:
    """A seed reproduces the questions and every showing's choice order."""

    def showings(seed: int) -> list[tuple[str, tuple[str, ...]]]:
        game = new_game(seed=seed)
        seen = []
        while not game.finished:
            seen.append((game.shown.question.id, game.shown.choices))
            answer_right(game)
            game.next()
        return seen

    assert showings(11) == showings(11)
    assert showings(11) != showings(12)


def test_result_records_the_seed_used_when_none_was_given() -> None:
    """A game started without a seed records the one it drew, and that seed replays it."""
    settings = GameSettings(player=PLAYER, questions=3)
    game = start_game(bank_of(), settings, FakeClock(), InMemoryHistory(), TODAY)
    first_ids = play_through(game)
    replay = new_game(seed=game.result().seed, questions=3)
    assert play_through(replay) == first_ids


def test_right_answer_is_equally_likely_in_every_position() -> None:
    """Over 80 seeded games of 10, the right answer lands in each of 4 places about equally."""
    positions: Counter[int] = Counter()
    for seed in range(80):
        game = new_game(bank_of(10), seed=seed)
        while not game.finished:
            positions[game.shown.choices.index(game.shown.question.answer)] += 1
            answer_right(game)
            game.next()
    assert sum(positions.values()) == 800
    assert all(150 <= positions[p] <= 250 for p in range(4)), positions


def test_pack_filter() -> None:
    """Only questions from the named packs are drawn."""
    bank = QuestionBank(bank_of(3, pack="a").questions + bank_of(3, pack="b").questions)
    ids = play_through(filtered_game(bank, packs=("b",)))
    assert ids
    assert all(i.startswith("b/") for i in ids)


def test_show_filter() -> None:
    """Only questions about the named shows are drawn."""
    bank = QuestionBank(
        bank_of(3, pack="a", show=Show.BALLARD).questions
        + bank_of(3, pack="b", show=Show.LEGACY).questions
    )
    ids = play_through(filtered_game(bank, shows=(Show.BALLARD,)))
    assert len(ids) == 9
    assert all(i.startswith("a/") for i in ids)


def test_category_filter_ignores_case() -> None:
    """Categories match whatever their case."""
    bank = QuestionBank(
        bank_of(2, pack="a", category="Cast").questions
        + bank_of(2, pack="b", category="places").questions
    )
    ids = play_through(filtered_game(bank, categories=("cast",)))
    assert len(ids) == 6
    assert all(i.startswith("a/") for i in ids)


def test_fewer_matches_than_asked_plays_them_all_and_says_so() -> None:
    """Asking for 50 of 9 questions plays the 9 and leaves a notice."""
    game = new_game(bank_of(3), questions=50)
    assert game.notice is not None
    assert "only 9 of the 50" in game.notice
    assert len(play_through(game)) == 9


def test_enough_matches_leaves_no_notice() -> None:
    """A game that gets all it asked for says nothing about it."""
    assert new_game(bank_of(10), questions=10).notice is None


def test_no_match_is_refused_clearly() -> None:
    """A filter nothing matches raises a user-facing error naming the filter."""
    with pytest.raises(NoQuestionsError, match="no question matches packs nowhere"):
        filtered_game(bank_of(3), packs=("nowhere",))


def test_empty_bank_is_refused_clearly() -> None:
    """No questions at all: the error says no pack was found."""
    with pytest.raises(NoQuestionsError, match="no pack was found"):
        filtered_game(QuestionBank(()))


def test_short_difficulty_is_filled_from_the_nearest() -> None:
    """A hard game on a bank with no hard questions still fills from medium first."""
    bank = QuestionBank(
        tuple(choice_question(f"m{i}", Difficulty.MEDIUM) for i in range(10))
        + tuple(choice_question(f"e{i}", Difficulty.EASY) for i in range(10))
    )
    game = new_game(bank, tier=Difficulty.HARD, questions=10)
    ids = play_through(game)
    assert all("/m" in i for i in ids)


def test_a_game_asks_one_question_per_generated_fact() -> None:
    """The forms generated from one fact give each other away: a game asks only one of them."""
    forms = ("forward", "reverse", "true", "false", "typed")
    questions = [
        replace(choice_question(f"f{i}-{form}"), id=f"gen/fact-{i}/{form}", pack="gen")
        for i in range(4)
        for form in forms
    ]
    ids = play_through(new_game(QuestionBank(tuple(questions)), questions=20))
    facts = [qid.split("/")[1] for qid in ids]
    assert sorted(facts) == ["fact-0", "fact-1", "fact-2", "fact-3"]


def test_review_asks_one_question_per_generated_fact() -> None:
    """Two missed forms of one fact come back in review as one question."""
    bank = QuestionBank(
        tuple(
            replace(choice_question(form), id=f"gen/fact-1/{form}", pack="gen")
            for form in ("true", "false")
        )
    )
    history = InMemoryHistory()
    for q in bank.questions:
        history.set_stats(
            PLAYER, QuestionStats(q.id, seen=1, wrong=1, box=1, due="2026-11-01T10:00")
        )
    ids = play_through(new_game(bank, mode=Mode.REVIEW, history=history))
    assert len(ids) == 1


def test_true_false_questions_are_capped_and_their_answers_balanced() -> None:
    """A bank rich in "True" statements still gives a game where always answering 1 (True)
    wins at most half of the true/false questions, and they are at most 40% of the game."""
    statements = [
        replace(true_false_question(f"t{i}"), answer="True" if i % 4 else "False")
        for i in range(40)
    ]
    others = [choice_question(f"c{i}", Difficulty.EASY) for i in range(40)]
    bank = QuestionBank(tuple(statements + others))
    for seed in range(20):
        game = new_game(bank, seed=seed, questions=10)
        asked = [bank.by_id()[qid] for qid in play_through(game)]
        true_false = [q for q in asked if q.type is QuestionType.TRUE_FALSE]
        assert len(true_false) <= 4
        trues = sum(q.answer == "True" for q in true_false)
        assert trues <= len(true_false) - trues + 1


def test_a_bank_of_only_true_false_questions_still_fills_the_game() -> None:
    """The cap is a preference: with nothing else to draw, a game is all true/false."""
    bank = QuestionBank(tuple(true_false_question(f"t{i}") for i in range(12)))
    assert len(play_through(new_game(bank, questions=10))) == 10
