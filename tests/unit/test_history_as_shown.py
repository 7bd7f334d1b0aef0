"""History records each question as it was shown (issue 13): the prompt, the choices in the
order shown and the right answer; recaps use them, old games fall back to the bank."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from boschquiz.cli import main
from boschquiz.core.clock import FakeClock
from boschquiz.core.model import (
    AnswerRecord,
    Difficulty,
    GameRecord,
    Outcome,
    Question,
    QuestionBank,
    QuestionType,
    ShownText,
)
from boschquiz.game.history import InMemoryHistory
from boschquiz.game.recap import recap, recap_lines
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import start_game
from boschquiz.store.codec import MAX_SHOWN_CHOICES, MAX_SHOWN_TEXT
from tests.unit.test_store_support import make_game, open_store

QUESTION = Question(
    id="core/q0",
    pack="core",
    type=QuestionType.CHOICE,
    prompt="Which division does Harry Bosch work in?",
    answer="Hollywood",
    difficulty=Difficulty.MEDIUM,
    choices=("Hollywood", "Pacific", "Valley", "Harbor"),
)


def with_shown(record: GameRecord, shown: ShownText) -> GameRecord:
    answers = tuple(replace(a, shown=shown) for a in record.answers)
    return replace(record, answers=answers)


def test_a_round_records_each_question_as_shown() -> None:
    """The engine's record holds the prompt, the choices in the shuffled order the player saw
    and the right answer."""
    bank = QuestionBank((QUESTION,))
    game = start_game(
        bank, GameSettings(questions=1, seed=3), FakeClock(), InMemoryHistory(), date(2026, 11, 30)
    )
    shown_choices = game.shown.choices
    game.answer_choice(0)
    game.next()
    (answer,) = game.result().answers
    assert answer.shown == ShownText(QUESTION.prompt, shown_choices, "Hollywood")


def test_the_recap_of_a_reworded_question_keeps_the_words_shown() -> None:
    """After the pack rewords a question and changes its answer, the old game's recap still
    shows what the player saw."""
    shown = ShownText("Old wording?", ("Pacific", "Hollywood"), "Pacific")
    record = with_shown(make_game(outcomes=(Outcome.WRONG,)), shown)
    (line,) = recap(record, {"core/q0": QUESTION})
    assert line.prompt == "Old wording?"
    assert line.right_answer == "Pacific"
    assert line.choices == ("Pacific", "Hollywood")
    assert "Old wording?" in "\n".join(recap_lines((line,)))


def test_an_old_game_without_shown_text_reads_the_bank() -> None:
    record = make_game(outcomes=(Outcome.WRONG,))
    (line,) = recap(record, {"core/q0": QUESTION})
    assert line.prompt == QUESTION.prompt
    assert line.right_answer == "Hollywood"
    assert line.choices is None


def test_shown_text_survives_the_store_and_is_cut_to_its_limits(tmp_path: Path) -> None:
    """Long text is cut to `MAX_SHOWN_TEXT` (ending in …), choices to `MAX_SHOWN_CHOICES`;
    what was saved reads back the same, and `scores --verify` still passes."""
    long = "x" * (MAX_SHOWN_TEXT + 50)
    choices = tuple(f"choice {i}" for i in range(MAX_SHOWN_CHOICES + 3))
    store = open_store(tmp_path)
    store.record_game(with_shown(make_game(), ShownText(long, choices, "ok")))
    [(_, saved)] = store.history("Ann")
    shown = saved.answers[0].shown
    assert shown is not None
    assert shown.prompt == "x" * (MAX_SHOWN_TEXT - 1) + "…"
    assert shown.choices == choices[:MAX_SHOWN_CHOICES]
    assert store.verify() == []


def test_damaged_shown_text_costs_nothing_but_itself(tmp_path: Path) -> None:
    """A hand-edited `shown` (wrong type, too long) keeps the game counted and verified; its
    recap falls back to the bank."""
    store = open_store(tmp_path)
    shown = ShownText("As shown", ("a", "b"), "a")
    store.record_game(with_shown(make_game(), shown))
    segment = next((tmp_path / "games").glob("games-*.json"))
    data = json.loads(segment.read_text())
    answers = data["games"]["1"]["answers"]
    answers[0]["shown"] = {"prompt": 7, "choices": "no", "answer": None}
    answers[1]["shown"] = ["not", "an", "object"]
    answers[2]["shown"] = {"prompt": "y" * (MAX_SHOWN_TEXT + 1), "choices": [], "answer": "a"}
    segment.write_text(json.dumps(data))
    reopened = open_store(tmp_path)
    [(_, saved)] = reopened.history("Ann")
    assert [a.shown for a in saved.answers] == [None, None, None]
    assert reopened.verify() == []
    assert reopened.notices() == ()


def test_history_command_prints_the_words_shown(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    shown = ShownText("A prompt since reworded?", ("Yes", "No"), "Yes")
    store.record_game(with_shown(make_game(outcomes=(Outcome.WRONG,)), shown))
    out = io.StringIO()
    from contextlib import redirect_stdout

    with redirect_stdout(out):
        code = main(["--saves", str(tmp_path), "history", "--player", "Ann", "--json"])
    assert code == 0
    (game,) = json.loads(out.getvalue())
    (answer,) = game["answers"]
    assert answer["prompt"] == "A prompt since reworded?"
    assert answer["choices"] == ["Yes", "No"]
    assert answer["right_answer"] == "Yes"


def test_an_answer_record_without_shown_is_the_old_shape() -> None:
    """Games from before schema 7 built in code still work (the field defaults to None)."""
    answer = AnswerRecord("core/q0", None, Outcome.TIMEOUT, 20.0, 20.0, 0, 0, 0)
    assert answer.shown is None
