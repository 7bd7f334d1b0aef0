"""Calibration from play (issue 13): Elo-style ratings from first attempts, updates computed
by hand, and the rule that play never changes a question's tier."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from boschquiz.cli import main
from boschquiz.core.clock import FakeClock
from boschquiz.core.model import (
    AnswerRecord,
    Difficulty,
    GameRecord,
    Mode,
    Outcome,
    ShownText,
)
from boschquiz.core.paths import AppPaths
from boschquiz.game.calibration import (
    MIN_ANSWERS,
    Attempt,
    QuestionRating,
    chance,
    first_attempts,
    rate,
    step,
    tier_for,
)
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import start_game
from boschquiz.packs.bank import load_bank
from tests.unit.test_store_support import open_store

TYPED, TRUE_FALSE, FOUR = 0, 2, 4


def game(player: str, *answers: tuple[str, Outcome]) -> GameRecord:
    return GameRecord(
        player=player,
        mode=Mode.CLASSIC,
        tier=Difficulty.MEDIUM,
        steady=False,
        seed=1,
        packs=("p",),
        bank_hash="h",
        started_at="2026-11-30T08:00:00+00:00",
        duration=30.0,
        score=0,
        correct=0,
        answered=len(answers),
        best_streak=0,
        answers=tuple(
            AnswerRecord(qid, "x", outcome, 3.0, 20.0, 0, 0, 0) for qid, outcome in answers
        ),
    )


def test_the_step_size_shrinks_with_each_update() -> None:
    """K(n) = 1 / (1 + 0.05 n): 1 for the first update, 1/2 after 20."""
    assert step(0) == 1.0
    assert step(1) == pytest.approx(1 / 1.05)
    assert step(20) == pytest.approx(0.5)


def test_guessing_lifts_the_chance_of_a_choice_question() -> None:
    """Equal skill and difficulty: typed 0.5; true/false 1/2 + 1/2 · 0.5 = 0.75; four
    choices 1/4 + 3/4 · 0.5 = 0.625."""
    assert chance(0.0, 0.0, TYPED) == 0.5
    assert chance(0.0, 0.0, TRUE_FALSE) == 0.75
    assert chance(0.0, 0.0, FOUR) == 0.625


def test_a_first_right_typed_answer_moves_both_by_half() -> None:
    """θ = d = 0, P = 0.5, K(0) = 1: right gives θ = +0.5 and d = -0.5."""
    ratings = rate([Attempt("ann", "q", True, TYPED)])
    assert ratings["q"].rating == pytest.approx(-0.5)


def test_a_missed_true_false_counts_for_the_guess() -> None:
    """P = 0.75 with the guess; a miss moves d by K(0) · 0.75 = +0.75 (without the guessing
    correction it would move by 0.5)."""
    ratings = rate([Attempt("ann", "q", False, TRUE_FALSE)])
    assert ratings["q"].rating == pytest.approx(0.75)


def test_a_second_player_meets_the_updated_difficulty_with_a_smaller_step() -> None:
    """Ann right on a typed q: d = -0.5. Bob (θ = 0) then misses it: P = σ(0.5) = 0.622459,
    d = -0.5 + K(1) · 0.622459 = -0.5 + 0.592818 = 0.092818."""
    ratings = rate([Attempt("ann", "q", True, TYPED), Attempt("bob", "q", False, TYPED)])
    assert ratings["q"].rating == pytest.approx(0.0928184, abs=1e-6)
    assert (ratings["q"].answers, ratings["q"].right) == (2, 1)


def test_a_player_skill_carries_to_the_next_question() -> None:
    """Ann right on q1 (θ = 0.5), then wrong on a four-choice q2: P = 1/4 + 3/4 · σ(0.5) =
    0.716845; d2 = 0 + K(0) · 0.716845."""
    ratings = rate([Attempt("ann", "q1", True, TYPED), Attempt("ann", "q2", False, FOUR)])
    expected = 0.25 + 0.75 / (1 + math.exp(-0.5))
    assert ratings["q2"].rating == pytest.approx(expected)


def test_only_first_attempts_count_and_a_timeout_is_a_miss() -> None:
    """A second showing to the same player, a skip and an unknown question are left out; a
    time-out counts as a wrong first attempt."""
    games = [
        game("ann", ("q", Outcome.TIMEOUT), ("gone", Outcome.CORRECT)),
        game("ann", ("q", Outcome.CORRECT)),
        game("bob", ("q", Outcome.SKIPPED)),
        game("bob", ("q", Outcome.CORRECT)),
    ]
    attempts = first_attempts(games, {"q": FOUR})
    assert attempts == [Attempt("ann", "q", False, FOUR), Attempt("bob", "q", True, FOUR)]


def test_the_choices_shown_win_over_the_bank() -> None:
    """A question shown with 3 of its 4 choices (easy) is rated as a 3-way guess."""
    record = game("ann", ("q", Outcome.WRONG))
    answer = record.answers[0]
    shown = ShownText("?", ("a", "b", "c"), "a")
    record = GameRecord(
        **{**record.__dict__, "answers": (AnswerRecord(**{**answer.__dict__, "shown": shown}),)}
    )
    assert first_attempts([record], {"q": FOUR})[0].choices == 3


def test_a_tier_is_suggested_only_from_twenty_answers() -> None:
    hard = 2.0
    assert QuestionRating("q", MIN_ANSWERS - 1, 0, hard).suggested_tier is None
    assert QuestionRating("q", MIN_ANSWERS, 0, hard).suggested_tier is Difficulty.HARD
    assert tier_for(-1.0) is Difficulty.EASY
    assert tier_for(0.0) is Difficulty.MEDIUM
    assert tier_for(0.5) is Difficulty.HARD


PACK = """\
pack:
  id: calib
  title: Calibration test pack
questions:
  - id: easy-one
    type: typed
    difficulty: easy
    prompt: Which city do the shows take place in?
    answer: Los Angeles
  - id: medium-one
    type: typed
    difficulty: medium
    prompt: Which city hosts the LAPD?
    answer: Los Angeles
"""


def missed_by_everyone(saves: Path, players: int) -> None:
    store = open_store(saves)
    for n in range(players):
        store.record_game(game(f"player {n}", ("calib/easy-one", Outcome.WRONG)))


def test_play_suggests_a_tier_but_never_changes_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """25 players all miss an easy question: `--stats` suggests hard, yet the question is
    still easy in the bank, in `questions --json` and in what an easy game draws, and the pack
    file is unchanged."""
    pack = tmp_path / "calib.yaml"
    pack.write_text(PACK, encoding="utf-8")
    saves = tmp_path / "saves"
    missed_by_everyone(saves, 25)

    code = main(["questions", "--pack", str(pack), "--saves", str(saves), "--stats", "--json"])
    rows = json.loads(capsys.readouterr().out)
    assert code == 0
    assert rows == [
        {
            "id": "calib/easy-one",
            "answers": 25,
            "right": 0,
            "success_rate": 0.0,
            "rating": rows[0]["rating"],
            "tier": "easy",
            "suggested_tier": "hard",
        }
    ]
    assert rows[0]["rating"] > 1.0

    main(["questions", "--pack", str(pack), "--json"])
    listed = {q["id"]: q["difficulty"] for q in json.loads(capsys.readouterr().out)}
    assert listed["calib/easy-one"] == "easy"
    assert pack.read_text(encoding="utf-8") == PACK
    bank = load_bank(AppPaths.discover(saves=saves), (pack,), only_extra=True).bank
    round_ = start_game(
        bank,
        GameSettings(tier=Difficulty.EASY, questions=1, player="new", seed=1),
        FakeClock(),
        open_store(saves),
        date(2026, 11, 30),
    )
    assert round_.shown.question.id == "calib/easy-one"
    assert round_.shown.question.difficulty is Difficulty.EASY


def test_stats_text_shows_counts_rate_rating_and_waits_for_twenty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "calib.yaml"
    pack.write_text(PACK, encoding="utf-8")
    saves = tmp_path / "saves"
    missed_by_everyone(saves, 3)
    code = main(["questions", "--pack", str(pack), "--saves", str(saves), "--stats"])
    out = capsys.readouterr().out
    assert code == 0
    line = next(row for row in out.splitlines() if row.startswith("calib/easy-one"))
    assert line.split()[1:5] == ["3", "0%", line.split()[3], "easy"]
    assert f"(needs {MIN_ANSWERS})" in line
    assert "1 question answered; 1 not yet" in out
