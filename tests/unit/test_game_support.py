"""Builders shared by the game and plain-mode tests (no tests of its own)."""

from __future__ import annotations

from datetime import date

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import (
    TRUE_FALSE_CHOICES,
    Difficulty,
    Mode,
    Question,
    QuestionBank,
    QuestionType,
    Show,
)
from boschquiz.game.history import HistorySource, InMemoryHistory
from boschquiz.game.round import GameRound
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import start_game

TODAY = date(2026, 11, 24)
PLAYER = "Renee"


def choice_question(
    qid: str,
    difficulty: Difficulty = Difficulty.MEDIUM,
    *,
    pack: str = "core",
    show: Show | None = Show.BOSCH,
    category: str | None = "characters",
    time_limit: int | None = None,
    prompt: str | None = None,
) -> Question:
    return Question(
        id=f"{pack}/{qid}",
        pack=pack,
        type=QuestionType.CHOICE,
        prompt=prompt or f"Which one is right for {qid}?",
        answer=f"right {qid}",
        difficulty=difficulty,
        choices=(f"right {qid}", f"wrong a {qid}", f"wrong b {qid}", f"wrong c {qid}"),
        category=category,
        show=show,
        explanation=f"Because {qid}.",
        source="franchise article",
        time_limit=time_limit,
    )


def typed_question(
    qid: str, answer: str, accept: tuple[str, ...] = (), *, pack: str = "core"
) -> Question:
    return Question(
        id=f"{pack}/{qid}",
        pack=pack,
        type=QuestionType.TYPED,
        prompt=f"Name the one for {qid}.",
        answer=answer,
        accept=accept,
        difficulty=Difficulty.MEDIUM,
        show=Show.BOSCH,
    )


def true_false_question(qid: str) -> Question:
    return Question(
        id=f"core/{qid}",
        pack="core",
        type=QuestionType.TRUE_FALSE,
        prompt=f"Is {qid} true?",
        answer="True",
        difficulty=Difficulty.EASY,
        choices=TRUE_FALSE_CHOICES,
    )


def bank_of(per_difficulty: int = 10, **kwargs: object) -> QuestionBank:
    """`per_difficulty` choice questions of each difficulty."""
    questions = [
        choice_question(f"{d.value}{i}", d, **kwargs)  # type: ignore[arg-type]
        for d in Difficulty
        for i in range(per_difficulty)
    ]
    return QuestionBank(tuple(questions))


def new_game(
    bank: QuestionBank | None = None,
    clock: FakeClock | None = None,
    history: HistorySource | None = None,
    *,
    mode: Mode = Mode.CLASSIC,
    tier: Difficulty = Difficulty.MEDIUM,
    seed: int = 7,
    questions: int | None = None,
    steady: bool = False,
) -> GameRound:
    settings = GameSettings(
        mode=mode, tier=tier, questions=questions, steady=steady, player=PLAYER, seed=seed
    )
    return start_game(
        bank or bank_of(),
        settings,
        clock or FakeClock(),
        history or InMemoryHistory(),
        TODAY,
    )


def answer_right(game: GameRound) -> None:
    game.answer(game.shown.question.answer)


def answer_wrong(game: GameRound) -> None:
    game.answer("certainly not the answer")


def play_through(game: GameRound) -> list[str]:
    """Answer every question right; the ids asked, in order."""
    ids = []
    while not game.finished:
        ids.append(game.shown.question.id)
        answer_right(game)
        game.next()
    return ids
