"""Tiers: seconds per question, time to read, choices shown, the question mix."""

from __future__ import annotations

import pytest

from boschquiz.core.model import Difficulty, QuestionType
from boschquiz.game.tiers import (
    FREE_WORDS,
    MAX_READING_ALLOWANCE,
    TIERS,
    reading_allowance,
    time_limit_for,
    word_count,
)
from tests.unit.test_game_support import bank_of, choice_question, new_game


@pytest.mark.parametrize(
    ("tier", "seconds"),
    [(Difficulty.EASY, 30), (Difficulty.MEDIUM, 20), (Difficulty.HARD, 12)],
)
def test_tier_default_seconds(tier: Difficulty, seconds: int) -> None:
    """A short question gets the tier's seconds: 30, 20 or 12."""
    assert time_limit_for(choice_question("q"), tier) == seconds


def test_question_time_limit_wins() -> None:
    """A question's own time_limit beats the tier and the reading allowance."""
    long_prompt = " ".join(["word"] * 80)
    question = choice_question("q", time_limit=45, prompt=long_prompt)
    assert time_limit_for(question, Difficulty.HARD) == 45


def test_long_prompt_gets_time_to_read() -> None:
    """Forty words more than the free allowance add ten seconds at four words a second."""
    choice_words = word_count(choice_question("q", prompt="word")) - 1
    question = choice_question("q", prompt=" ".join(["word"] * (FREE_WORDS + 40 - choice_words)))
    assert reading_allowance(question) == 10
    assert time_limit_for(question, Difficulty.HARD) == 12 + 10


def test_reading_allowance_is_capped() -> None:
    """However long the prompt, reading adds at most the cap."""
    question = choice_question("q", prompt=" ".join(["word"] * 500))
    assert reading_allowance(question) == MAX_READING_ALLOWANCE


def test_multipliers_rise_with_the_tier() -> None:
    """Harder tiers pay more per answer."""
    multipliers = [TIERS[d].multiplier for d in Difficulty]
    assert multipliers == sorted(multipliers)
    assert len(set(multipliers)) == 3


def test_tier_mixes_sum_to_one() -> None:
    """Each tier's difficulty mix is a whole."""
    for rules in TIERS.values():
        assert sum(rules.mix.values()) == pytest.approx(1.0)


def test_easy_tier_shows_three_choices_keeping_the_answer() -> None:
    """Easy drops one distractor from four-choice questions, never the answer."""
    game = new_game(tier=Difficulty.EASY)
    shown = game.shown
    assert shown.question.type is QuestionType.CHOICE
    assert len(shown.choices) == 3
    assert shown.question.answer in shown.choices


def test_easy_tier_dropped_distractor_follows_the_seed() -> None:
    """The same seed drops the same distractor."""
    first = new_game(tier=Difficulty.EASY, seed=3).shown.choices
    again = new_game(tier=Difficulty.EASY, seed=3).shown.choices
    assert first == again


def test_medium_tier_shows_every_choice() -> None:
    """Medium and hard show all four choices."""
    assert len(new_game(tier=Difficulty.MEDIUM).shown.choices) == 4


@pytest.mark.parametrize(
    ("tier", "expected"),
    [
        (Difficulty.EASY, {Difficulty.EASY: 7, Difficulty.MEDIUM: 3, Difficulty.HARD: 0}),
        (Difficulty.MEDIUM, {Difficulty.EASY: 2, Difficulty.MEDIUM: 6, Difficulty.HARD: 2}),
        (Difficulty.HARD, {Difficulty.EASY: 0, Difficulty.MEDIUM: 3, Difficulty.HARD: 7}),
    ],
)
def test_tier_draws_its_documented_mix(tier: Difficulty, expected: dict[Difficulty, int]) -> None:
    """Ten questions at a tier follow its mix when the bank has enough of each."""
    game = new_game(bank_of(10), tier=tier, questions=10)
    drawn = dict.fromkeys(Difficulty, 0)
    while not game.finished:
        drawn[game.shown.question.difficulty] += 1
        game.answer(game.shown.question.answer)
        game.next()
    assert drawn == expected
